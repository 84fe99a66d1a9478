package io.mutuality.live;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.http.impl.ws.WebSocketFrameImpl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Frames on their way to many connections, written the way a broadcast server writes them: each
 * message encoded to UTF-8 once and shared by every frame that carries it, and the frames for
 * the connections of one event loop handed to that loop in one task, rather than one task (and
 * one wake-up of the loop) per frame. Frames for one connection keep the order they were added in.
 *
 * <p>One instance per thread ({@link #current()}); {@link #hold()} lets a caller gather a whole
 * batch of writes before {@link #release()} sends them.
 */
final class Fanout {

    private static final Logger LOG = Logger.getLogger(Fanout.class);
    private static final ThreadLocal<Fanout> CURRENT = ThreadLocal.withInitial(Fanout::new);

    /** A frame for one member; {@code done} is told when the socket has taken it (or failed). */
    interface Sent {
        void taken(long size);

        void lost(long size, Throwable failure);
    }

    private record Frame(WebSocketBase socket, byte[] utf8, Sent sent) {
        void write() {
            socket.writeFrame(new WebSocketFrameImpl(WebSocketFrameType.TEXT, Unpooled.wrappedBuffer(utf8), true), written -> {
                if (written.succeeded()) {
                    sent.taken(utf8.length);
                } else {
                    sent.lost(utf8.length, written.cause());
                }
            });
        }
    }

    private final Map<EventLoop, List<Frame>> byLoop = new HashMap<>();
    private int holds;

    static Fanout current() {
        return CURRENT.get();
    }

    /** Gathers frames until the matching {@link #release()}. */
    void hold() {
        holds++;
    }

    /** Ends a {@link #hold()}; the last one sends everything gathered. */
    void release() {
        if (holds > 0 && --holds == 0) {
            flush();
        }
    }

    /** Adds a frame; sent at once unless held. */
    void add(Socket socket, byte[] utf8, Sent sent) {
        byLoop.computeIfAbsent(socket.loop(), loop -> new ArrayList<>()).add(new Frame(socket.socket(), utf8, sent));
        if (holds == 0) {
            flush();
        }
    }

    private void flush() {
        if (byLoop.isEmpty()) {
            return;
        }
        for (Map.Entry<EventLoop, List<Frame>> entry : byLoop.entrySet()) {
            List<Frame> frames = entry.getValue();
            Runnable writeAll = () -> {
                for (Frame frame : frames) {
                    try {
                        frame.write();
                    } catch (RuntimeException e) {
                        frame.sent().lost(frame.utf8().length, e);
                    }
                }
            };
            if (entry.getKey().inEventLoop()) {
                writeAll.run();
            } else {
                entry.getKey().execute(writeAll);
            }
        }
        byLoop.clear();
    }

    /** The Vert.x socket under a room connection and the event loop it lives on. */
    record Socket(WebSocketBase socket, EventLoop loop) {

        /**
         * Found by reflection: Quarkus's connection does not expose its socket. Null when that fails
         * (a different Quarkus version); the caller then sends through the connection's own API.
         */
        static Socket of(WebSocketConnection connection) {
            try {
                java.lang.reflect.Field field = connection.getClass().getDeclaredField("webSocket");
                field.setAccessible(true);
                WebSocketBase socket = (WebSocketBase) field.get(connection);
                Object inner = socket;
                for (int unwrap = 0; unwrap < 3 && !(inner instanceof io.vertx.core.http.impl.WebSocketImplBase<?>); unwrap++) {
                    java.lang.reflect.Field delegate = inner.getClass().getDeclaredField("delegate");
                    delegate.setAccessible(true);
                    inner = delegate.get(inner);
                }
                if (inner instanceof io.vertx.core.http.impl.WebSocketImplBase<?> base) {
                    return new Socket(socket, base.channelHandlerContext().channel().eventLoop());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debugf("Room frames go through the connection's API: %s", e.toString());
            }
            return null;
        }
    }
}
