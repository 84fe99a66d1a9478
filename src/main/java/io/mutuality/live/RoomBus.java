package io.mutuality.live;

import io.mutuality.live.engine.RoomEvent;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Carries stored events to every node's connections. In-process on one node; a Redis
 * implementation will carry them between nodes that share the database. The room engine
 * does not know which.
 */
public interface RoomBus {

    void publish(UUID roomId, RoomEvent event);

    void subscribe(BiConsumer<UUID, RoomEvent> listener);
}
