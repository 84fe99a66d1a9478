package io.mutuality.live;

import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Carries stored events to every node's connections: a room's events, in sequence order, once
 * they are durable. In-process on one node; a Redis implementation will carry them between nodes
 * that share the database. The room engine does not know which.
 */
public interface RoomBus {

    void publish(UUID roomId, List<StoredEvent> events);

    void subscribe(BiConsumer<UUID, List<StoredEvent>> listener);
}
