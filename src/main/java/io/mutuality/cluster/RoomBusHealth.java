package io.mutuality.cluster;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness says which bus the node uses, and with Redis whether Redis answers a PING within a
 * second: a node cut off from Redis would not hear the other nodes' rooms, so it reports DOWN and a
 * load balancer sends no one to it. A single node (the in-process bus) needs nothing and is UP.
 */
@Readiness
@ApplicationScoped
public class RoomBusHealth implements AsyncHealthCheck {

    static final String NAME = "room bus";
    static final Duration PING_WITHIN = Duration.ofSeconds(1);

    @Inject
    ClusterConfig config;

    /** Resolved only when the bus is Redis. */
    @Inject
    Instance<Redis> redis;

    @Override
    public Uni<HealthCheckResponse> call() {
        return check(config.bus(), redis::get);
    }

    static Uni<HealthCheckResponse> check(ClusterConfig.Bus bus, Supplier<Redis> redis) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("bus", bus.configName());
        if (bus != ClusterConfig.Bus.REDIS) {
            return Uni.createFrom().item(response.up().build());
        }
        return Uni.createFrom()
                .deferred(() -> redis.get().send(Request.cmd(Command.PING)))
                .ifNoItem()
                .after(PING_WITHIN)
                .fail()
                .map(pong -> response.withData("redis", "answers").up().build())
                .onFailure()
                .recoverWithItem(failure ->
                        response.withData("redis", "does not answer").down().build());
    }
}
