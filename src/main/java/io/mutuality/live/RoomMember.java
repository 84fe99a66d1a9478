package io.mutuality.live;

import io.mutuality.live.engine.Actor;
import io.quarkus.websockets.next.WebSocketConnection;

/** A connection that has said hello: who it is, the last event it was sent, when it was last heard from. */
final class RoomMember {
    final WebSocketConnection connection;
    final Actor actor;
    final RoomRuntime room;
    final RoomConnections.Outbox outbox;
    /** The socket under the connection, for the fan-out (null: send through the connection). */
    final Fanout.Socket socket;
    /** The last event this member was sent or skipped (under the room's delivery lock once caught up). */
    long delivered;
    /** Still being sent the log from its lastSeq: live events wait in the log until it has caught up. */
    volatile boolean catchingUp = true;

    /** When it was last heard from, in the clock's milliseconds (a long, not an {@code Instant} per message). */
    volatile long heardAt;

    RoomMember(
            WebSocketConnection connection,
            Actor actor,
            RoomRuntime room,
            RoomConnections.Outbox outbox,
            long heardAt) {
        this.connection = connection;
        this.heardAt = heardAt;
        this.actor = actor;
        this.room = room;
        this.outbox = outbox;
        this.socket = Fanout.Socket.of(connection);
    }
}
