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
    LiveRooms rooms;

    @Inject
    WebSocketConnection connection;

    @Inject
    SecurityIdentity identity;

    @io.quarkus.websockets.next.OnOpen
    void open() {
        rooms.opened(self());
    }

    @OnTextMessage
    void message(String text, @PathParam String code) {
        rooms.receive(self(), code, identity, text);
    }

    /** The answer to the server's automatic pings: the connection is alive even when the person is only reading. */
    @io.quarkus.websockets.next.OnPongMessage
    void pong(io.vertx.core.buffer.Buffer data) {
        rooms.heard(self());
    }

    /**
     * What went wrong on the connection. A message over the frame limit (sent in fragments, so it
     * got past the size check of a single frame) is answered {@code too-large} and the connection
     * closed, since the rest of that message cannot be read; a client that went away without a
     * close frame is nothing to report.
     */
    @io.quarkus.websockets.next.OnError
    void failure(Throwable failure) {
        WebSocketConnection failed;
        try {
            failed = self();
        } catch (jakarta.enterprise.context.ContextNotActiveException gone) {
            failed = null; // the connection's context has already ended
        }
        rooms.failed(failed, failure);
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
}
