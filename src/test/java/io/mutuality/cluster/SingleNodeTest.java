package io.mutuality.cluster;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.inject.spi.Bean;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The default: one node, the in-process bus, no Redis needed or touched. */
@QuarkusTest
class SingleNodeTest {

    @Test
    void readinessSaysTheBusIsInProcessAndItIsUp() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'room bus' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'room bus' }.data.bus", equalTo("in-process"));
    }

    @Test
    void rateLimitsAreCountedWithoutEverMakingARedisClient() {
        given().contentType(ContentType.JSON)
                .body(Map.of("email", "single-node@example.test", "password", "whatever-it-is"))
                .post("/api/session")
                .then()
                .statusCode(401);
        Set<Bean<?>> beans = Arc.container().beanManager().getBeans(Redis.class);
        assertThat(beans).isNotEmpty();
        for (Bean<?> bean : beans) {
            assertThat(Arc.container().getActiveContext(bean.getScope()).get(bean))
                    .as("the Redis client was never made")
                    .isNull();
        }
    }
}
