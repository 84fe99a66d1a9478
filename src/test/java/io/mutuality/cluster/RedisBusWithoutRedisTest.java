package io.mutuality.cluster;

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
 * A node told to use Redis where none answers: it starts, says it is not ready (the room bus is
 * down), and still limits sign-in attempts, counted in its own memory until Redis is back.
 */
@QuarkusTest
@TestProfile(RedisBusWithoutRedisTest.RedisNowhere.class)
class RedisBusWithoutRedisTest {

    public static class RedisNowhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mutuality.bus",
                    "redis",
                    "quarkus.redis.hosts",
                    LocalRedis.NOWHERE,
                    "mutuality.identity.sign-in-limit-per-address",
                    "3");
        }
    }

    @Test
    void readinessIsDownAndSaysWhy() {
        given().get("/q/health/ready")
                .then()
                .statusCode(503)
                .body("checks.find { it.name == 'room bus' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'room bus' }.data.bus", equalTo("redis"))
                .body("checks.find { it.name == 'room bus' }.data.redis", equalTo("does not answer"));
    }

    @Test
    void signInAttemptsAreStillLimitedOnThisNode() {
        for (int i = 0; i < 3; i++) {
            given().contentType(ContentType.JSON)
                    .body(Map.of("email", "nowhere-" + i + "@example.test", "password", "whatever-it-is"))
                    .post("/api/session")
                    .then()
                    .statusCode(401);
        }
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "nowhere-4@example.test", "password", "whatever-it-is"))
                .post("/api/session")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }
}
