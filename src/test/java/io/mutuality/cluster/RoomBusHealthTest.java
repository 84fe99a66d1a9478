package io.mutuality.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What readiness says of the bus, for each bus and each state of Redis. */
class RoomBusHealthTest {

    private static HealthCheckResponse check(ClusterConfig.Bus bus, java.util.function.Supplier<Redis> redis) {
        return RoomBusHealth.check(bus, redis).await().atMost(Duration.ofSeconds(5));
    }

    @Test
    void aSingleNodeIsUpAndNeverAsksForRedis() {
        HealthCheckResponse response = check(ClusterConfig.Bus.IN_PROCESS, () -> {
            throw new AssertionError("a single node has no Redis to ask");
        });
        assertThat(response.getName()).isEqualTo("room bus");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData())
                .hasValueSatisfying(data -> assertThat(data).containsEntry("bus", "in-process"));
    }

    @Test
    void withRedisItIsDownWhenRedisDoesNotAnswerAndUpWhenItDoes() {
        Vertx vertx = Vertx.vertx();
        try {
            HealthCheckResponse nobody =
                    check(ClusterConfig.Bus.REDIS, () -> Redis.createClient(vertx, LocalRedis.NOWHERE));
            assertThat(nobody.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(nobody.getData())
                    .hasValueSatisfying(data ->
                            assertThat(data).containsEntry("bus", "redis").containsEntry("redis", "does not answer"));

            Assumptions.assumeTrue(LocalRedis.reachable(), "no Redis at " + LocalRedis.URL);
            HealthCheckResponse answered =
                    check(ClusterConfig.Bus.REDIS, () -> Redis.createClient(vertx, LocalRedis.URL));
            assertThat(answered.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(answered.getData())
                    .hasValueSatisfying(data -> assertThat(data).containsEntry("redis", "answers"));
        } finally {
            vertx.closeAndAwait();
        }
    }
}
