package io.mutuality.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.mutuality.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing in and joining from one address are limited; past the limit the answer is 429. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mutuality.identity.sign-in-limit-per-address", "4",
                    "mutuality.identity.join-limit-per-address", "3");
        }
    }

    @Test
    void signInAttemptsFromOneAddressAreLimited() {
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("email", "someone-" + i + "@example.test", "password", "whatever-it-is"))
                    .post("/api/session").then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("email", "another@example.test", "password", "whatever-it-is"))
                .post("/api/session").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://mutuality.io/problems/too-many-attempts"));
    }

    @Test
    void joiningFromOneAddressIsLimited() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON).body(Map.of("displayName", "Guess " + i))
                    .post("/api/rooms/ZZZ99" + (i + 2) + "/participants").then().statusCode(404);
        }
        given().contentType(ContentType.JSON).body(Map.of("displayName", "One more"))
                .post("/api/rooms/ZZZ999/participants").then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
    }
}
