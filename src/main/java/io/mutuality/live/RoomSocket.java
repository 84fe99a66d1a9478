package io.mutuality.live;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.inject.Inject;

/** The live room's WebSocket: {@code /ws/rooms/{code}}. The protocol is docs/protocol/asyncapi.yaml. */
@WebSocket(path = "/ws/rooms/{code}")
public class RoomSocket {

    @Inject
    RoomEntrance rooms;

    @Inject
    RoomConnections connections;

    @Inject
    WebSocketConnection connection;

    @Inject
    SecurityIdentity identity;

    @io.quarkus.websockets.next.OnOpen
    void open() {
        connections.opened(self());
    }

    @OnTextMessage
    void message(String text, @PathParam String code) {
        rooms.receive(self(), code, identity, text);
    }

    /** The answer to the server's automatic pings: the connection is alive even when the person is only reading. */
    @io.quarkus.websockets.next.OnPongMessage
    void pong(io.vertx.core.buffer.Buffer data) {
        connections.heard(self());
    }

    @OnClose
    void close() {
        rooms.closed(self());
    }

    /**
     * The connection itself, not the CDI proxy: the room keeps it to send to later, from other
     * connections' threads, where the proxy would resolve to whoever is calling then.
     */
    private WebSocketConnection self() {
        return io.quarkus.arc.ClientProxy.unwrap(connection);
    }

    /**
     * What goes wrong below the protocol: a message over the size limit sent in fragments, a
     * client breaking the WebSocket rules, a connection dropped without a close frame.
     * {@link RoomConnections#failed} decides what each gets.
     */
    @io.quarkus.websockets.next.OnError
    void failed(Throwable failure, WebSocketConnection connection) {
        // the connection as a parameter: after a broken frame the session context that self() needs is gone
        connections.failed(connection, failure);
    }
}
