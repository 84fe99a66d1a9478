package io.mutuality.identity;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signing in and joining from one address are limited; past the limit the answer is 429. The
 * profile turns on proxy address forwarding as the README's reverse-proxy setup does, with no
 * trusted proxy named: a client cannot then pick its own address with X-Forwarded-For.
 */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mutuality.identity.sign-in-limit-per-address",
                    "4",
                    "mutuality.identity.join-limit-per-address",
                    "3",
                    "quarkus.http.proxy.proxy-address-forwarding",
                    "true");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void signInAttemptsFromOneAddressAreLimited() {
        for (int i = 0; i < 4; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("email", "someone-" + i + "@example.test", "password", "whatever-it-is"))
                    .post("/api/session")
                    .then()
                    .statusCode(401);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "another@example.test", "password", "whatever-it-is"))
                .post("/api/session")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://mutuality.io/problems/too-many-attempts"));
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aRotatingForwardedForHeaderFromAnUntrustedPeerDoesNotGetPastTheLimit() {
        java.util.List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(given().contentType(ContentType.JSON)
                    .header("X-Forwarded-For", "203.0.113." + (i + 10))
                    .header("Forwarded", "for=198.51.100." + (i + 10))
                    .body(Map.of("email", "rotating-" + i + "@example.test", "password", "whatever-it-is"))
                    .post("/api/session")
                    .then()
                    .extract()
                    .statusCode());
        }
        // the address is still the peer's own, already at its limit: every one is refused
        org.assertj.core.api.Assertions.assertThat(statuses).containsOnly(429);
    }

    @Test
    void joiningFromOneAddressIsLimited() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("displayName", "Guess " + i))
                    .post("/api/rooms/ZZZ99" + (i + 2) + "/participants")
                    .then()
                    .statusCode(404);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("displayName", "One more"))
                .post("/api/rooms/ZZZ999/participants")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
    }
}
