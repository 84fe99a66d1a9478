package io.mutuality.live;

import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.http.WebSocketBase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Frames on their way to many connections, written the way a broadcast server writes them: each
 * message encoded to UTF-8 once and shared by every frame that carries it, the frames for the
 * connections of one event loop handed to that loop in one task rather than one task (and one
 * wake-up of the loop) per frame, and each connection's frames of a batch written to its channel
 * with one flush. Frames for one connection keep the order they were added in, and the order of
 * everything else sent on that connection, which reaches the same event loop in order too.
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

    private record Frame(Socket socket, byte[] utf8, Sent sent) {}

    private final Map<EventLoop, List<Frame>> byLoop = new HashMap<>();
    private final List<Runnable> afterFlush = new ArrayList<>();
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
        release(null);
    }

    /**
     * Ends a {@link #hold()}, running {@code then} once what was gathered has been handed to the
     * event loops: at once if this was the last hold, else after the outermost one. A room's
     * delivery lock is let go this way, so that no other thread can put a later event of the room
     * on a connection's loop before this thread's earlier ones (a writer holds its frames for a
     * whole batch).
     */
    void release(Runnable then) {
        if (then != null) {
            afterFlush.add(then);
        }
        if (holds > 0 && --holds == 0) {
            try {
                flush();
            } finally {
                runAfterFlush();
            }
        } else if (holds == 0) {
            runAfterFlush();
        }
    }

    /** Runs {@code task} once the frames gathered so far are on their loops (at once when nothing is held). */
    void afterFlush(Runnable task) {
        if (holds == 0) {
            task.run();
        } else {
            afterFlush.add(task);
        }
    }

    private void runAfterFlush() {
        while (!afterFlush.isEmpty()) {
            List<Runnable> tasks = List.copyOf(afterFlush);
            afterFlush.clear();
            for (Runnable task : tasks) {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.warnf(e, "A task after sending room frames failed");
                }
            }
        }
    }

    /** Adds a frame; sent at once unless held. */
    void add(Socket socket, byte[] utf8, Sent sent) {
        byLoop.computeIfAbsent(socket.loop(), loop -> new ArrayList<>()).add(new Frame(socket, utf8, sent));
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
            if (entry.getKey().inEventLoop()) {
                write(frames);
            } else {
                entry.getKey().execute(() -> write(frames));
            }
        }
        byLoop.clear();
    }

    /**
     * On the event loop: each connection's frames in order, then one flush and one completion for
     * all of them, where a write per frame would cost a promise, a listener and a system call each.
     */
    private static void write(List<Frame> frames) {
        Map<Socket, long[]> last = new java.util.IdentityHashMap<>();
        for (int i = 0; i < frames.size(); i++) {
            last.computeIfAbsent(frames.get(i).socket(), s -> new long[2])[0] = i;
        }
        for (int i = 0; i < frames.size(); i++) {
            Frame frame = frames.get(i);
            long[] mine = last.get(frame.socket());
            mine[1] += frame.utf8().length;
            io.netty.channel.Channel channel = frame.socket().channel();
            TextWebSocketFrame text = new TextWebSocketFrame(Unpooled.wrappedBuffer(frame.utf8()));
            if (mine[0] != i) {
                channel.write(text, channel.voidPromise());
                continue;
            }
            long size = mine[1];
            Sent sent = frame.sent();
            channel.writeAndFlush(text).addListener(written -> {
                if (written.isSuccess()) {
                    sent.taken(size);
                } else {
                    sent.lost(size, written.cause());
                }
            });
        }
    }

    /** The Vert.x socket under a room connection and the event loop it lives on. */
    record Socket(io.netty.channel.Channel channel, EventLoop loop) {

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
                for (int unwrap = 0;
                        unwrap < 3 && !(inner instanceof io.vertx.core.http.impl.WebSocketImplBase<?>);
                        unwrap++) {
                    java.lang.reflect.Field delegate = inner.getClass().getDeclaredField("delegate");
                    delegate.setAccessible(true);
                    inner = delegate.get(inner);
                }
                if (inner instanceof io.vertx.core.http.impl.WebSocketImplBase<?> base) {
                    io.netty.channel.Channel channel =
                            base.channelHandlerContext().channel();
                    return new Socket(channel, channel.eventLoop());
                }
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.debugf("Room frames go through the connection's API: %s", e.toString());
            }
            return null;
        }
    }
}
