package io.mutuality.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.cluster.ClusterConfig;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

/** The node's room bus, as {@code mutuality.bus} says: in-process on a single node, Redis between several. */
@ApplicationScoped
public class RoomBuses {

    @Produces
    @ApplicationScoped
    RoomBus bus(ClusterConfig config, Instance<Redis> redis, ObjectMapper json) {
        return config.bus() == ClusterConfig.Bus.REDIS ? new RedisRoomBus(redis::get, json) : new InProcessRoomBus();
    }

    void close(@Disposes RoomBus bus) {
        if (bus instanceof RedisRoomBus redis) {
            redis.close();
        }
    }
}
