package io.mutuality.live;

import java.util.List;
import java.util.UUID;

/**
 * Carries stored events to every node's connections: a room's events, in sequence order, once
 * they are durable. On a single node it is in-process ({@link InProcessRoomBus}); with several
 * nodes sharing one database, Redis carries them between nodes ({@link RedisRoomBus}). Either way
 * a node's own events reach its own connections straight away, without a round trip.
 *
 * <p>A shared bus is a fast path, not the record: the log is. A node that may have missed messages
 * (its bus connection dropped) is told so ({@link Listener#missed()}) and reads the log instead.
 */
public interface RoomBus {

    /**
     * What one write stored: a room's events, and the command they answered (so that another node
     * knows the id is taken: a repeat sent there is answered, not decided again).
     */
    record Stored(UUID roomId, List<StoredEvent> events, UUID actorId, String commandId) {}

    /** Events stored by this node: to this node's listeners at once, and to every other node. */
    void publish(Stored stored);

    void subscribe(Listener listener);

    /** Whether other nodes exist behind this bus (Redis), so that other writers share the log. */
    default boolean shared() {
        return false;
    }

    /** Whether the bus is connected now: while it is not, a shared bus's messages are being missed. */
    default boolean connected() {
        return true;
    }

    /** What a node does with what the bus brings. */
    interface Listener {
        /** Stored here ({@code fromAnotherNode} false) or stored by another node and carried here. */
        void stored(Stored stored, boolean fromAnotherNode);

        /** The bus may have lost messages (it was cut off and is back): read the log for what was missed. */
        default void missed() {}
    }
}
