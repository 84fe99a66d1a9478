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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RoomSocket.class);

    /**
     * What goes wrong below the protocol. A message over the size limit (in one frame or in
     * fragments) is answered {@code too-large}, as a large one in a single frame is; a client
     * breaking the WebSocket rules or dropping its connection is the client's doing, logged at
     * DEBUG (the connection is closed by the server either way). Anything else is still an ERROR.
     */
    @io.quarkus.websockets.next.OnError
    void failed(Throwable failure, WebSocketConnection connection) {
        // the connection as a parameter: after a broken frame the session context that self() needs is gone
        if (tooLarge(failure)) {
            LOG.debugf("Room socket %s: a message over the size limit: %s", connection.id(), failure.getMessage());
            if (connection.isOpen()) {
                connection.sendText("{\"v\":1,\"type\":\"error\",\"code\":\"too-large\",\"message\":\"A message may be at most 16 KiB.\"}")
                        .subscribe().with(x -> { }, x -> { });
            }
        } else if (failure instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException
                || failure instanceof java.io.IOException || failure instanceof io.vertx.core.http.HttpClosedException) {
            LOG.debugf("Room socket %s: closed by a broken frame or network: %s", connection.id(), failure.toString());
        } else {
            LOG.errorf(failure, "Room socket %s failed", connection.id());
        }
    }

    /** The message buffer's overflow (fragments adding up past the limit) or Netty's frame limit. */
    static boolean tooLarge(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        return failure instanceof IllegalStateException && message.contains("max message size")
                || failure instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException
                        && message.contains("Max frame length");
    }
}
