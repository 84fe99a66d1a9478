package io.mutuality.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The room connections of this node: who each one is once it said hello, what waits to be
 * written to it, and the rules that keep one connection from costing the others (no hello in
 * time, too many from one address, a page of another site, output nobody reads, silence).
 */
@ApplicationScoped
public class RoomConnections {

    private static final Logger LOG = Logger.getLogger(RoomConnections.class);

    /** The close code for a connection whose unread output passed the limit. */
    static final CloseReason TOO_FAR_BEHIND =
            new CloseReason(4008, "too far behind: reconnect with lastSeq to catch up");
    /** The close code for a connection that did not say hello in time. */
    static final CloseReason NO_HELLO = new CloseReason(4001, "no hello");
    /** The close code for a connection over the limit of connections from one address. */
    static final CloseReason TOO_MANY = new CloseReason(4029, "too many connections");
    /** The close code for the connections of a room whose copy on this node was dropped. */
    static final CloseReason RELOADING =
            new CloseReason(1012, "the room is reloading: reconnect with lastSeq to catch up");
    /** How long a connection may stay silent (no message, no answer to the server's pings) before it is closed. */
    static final Duration IDLE_LIMIT = Duration.ofMinutes(2);

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    OpenConnections openConnections;

    /**
     * Bytes queued to one connection and not yet written to its socket. A client that stops
     * reading reaches it and is closed ({@link #TOO_FAR_BEHIND}); reconnecting with its last
     * sequence number, it catches up from the log without losing anything.
     */
    @ConfigProperty(name = "mutuality.live.max-queued-bytes", defaultValue = "524288")
    long maxQueuedBytes;

    /** How long a new connection has to say hello before it is closed. */
    @ConfigProperty(name = "mutuality.live.hello-within", defaultValue = "10s")
    Duration helloWithin;

    /** Open room connections from one network address (a venue's Wi-Fi puts a whole room behind one). */
    @ConfigProperty(name = "mutuality.live.connections-per-address", defaultValue = "100")
    int connectionsPerAddress;

    /** How long output may wait with nothing taken by the socket before the connection counts as stalled. */
    @ConfigProperty(name = "mutuality.live.stall-limit", defaultValue = "20s")
    Duration stallLimit;

    /** The address people open Mutuality at: a browser page from anywhere else may not open a room connection. */
    @ConfigProperty(name = "mutuality.identity.public-url")
    String publicUrl;

    private RoomWire wire;
    /**
     * Every open room connection of this node by its id, from {@link #opened} to {@link #closed}:
     * one entry and one object per connection ({@link Outbox}), which holds all this class keeps
     * about it.
     */
    private final Map<String, Outbox> open = new ConcurrentHashMap<>();
    /** Open room connections per network address, counted as they open and close. */
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    /** People erased while this node runs: their connections may not send anything more. */
    private final Set<UUID> erased = ConcurrentHashMap.newKeySet();

    /**
     * The first chunk of Mutiny's unbounded queues, in elements (Mutiny's default is 256).
     * WebSockets Next gives every connection one such queue for the messages waiting their turn
     * on it, and the queue allocates its first chunk at once: 256 slots, about 1 KB for each open
     * connection, nearly always empty. The queues stay unbounded (chunks are linked as they fill);
     * only the first costs less. Mutiny also takes it as the default buffer and prefetch of
     * {@code Multi} streams, a matter of batch size, not of what arrives; the application's own code
     * has no {@code Multi}. A {@code -Dmutiny.buffer-size.s} given to the JVM still wins.
     */
    static final int MUTINY_QUEUE_CHUNK = 16;

    @PostConstruct
    void start() {
        wire = new RoomWire(json);
    }

    /** At start-up, before any room connection opens. */
    void startup(@Observes StartupEvent event) {
        if (System.getProperty("mutiny.buffer-size.s") == null) {
            io.smallrye.mutiny.infrastructure.Infrastructure.setBufferSizeS(MUTINY_QUEUE_CHUNK);
        }
    }

    /**
     * What this node keeps about one open connection: what waits to be written to it and when its
     * socket last took something, the network address it counts against, and the member it became
     * once it said hello. One object rather than an entry in a map for each (issue 12: memory per
     * connection).
     */
    static final class Outbox implements Fanout.Sent {
        private static final AtomicLongFieldUpdater<Outbox> BYTES =
                AtomicLongFieldUpdater.newUpdater(Outbox.class, "bytes");

        /** Bytes queued and not yet taken by the socket (through {@link #BYTES}). */
        private volatile long bytes;

        volatile long movedAt = System.nanoTime();
        /** The address counted in {@link #perAddress} (null: not counted). */
        final String address;
        /** The member this connection became by saying hello (null until then). */
        volatile RoomMember member;

        Outbox(String address) {
            this.address = address;
        }

        long bytes() {
            return bytes;
        }

        long addBytes(long delta) {
            return BYTES.addAndGet(this, delta);
        }

        long getAndAddBytes(long delta) {
            return BYTES.getAndAdd(this, delta);
        }

        @Override
        public void taken(long size) {
            addBytes(-size);
            movedAt = System.nanoTime();
        }

        @Override
        public void lost(long size, Throwable failure) {
            addBytes(-size);
            LOG.debugf("A frame was not sent: %s", failure.getMessage());
        }
    }

    // ---- members

    RoomMember member(WebSocketConnection connection) {
        Outbox outbox = open.get(connection.id());
        return outbox == null ? null : outbox.member;
    }

    boolean saidHello(WebSocketConnection connection) {
        return member(connection) != null;
    }

    /** A member joins its room's connections (under the room's lock). */
    RoomMember join(WebSocketConnection connection, io.mutuality.live.engine.Actor actor, RoomRuntime room) {
        Outbox outbox = outbox(connection);
        RoomMember member = new RoomMember(connection, actor, room, outbox, clock.millis());
        room.connections.put(connection.id(), member);
        outbox.member = member;
        return member;
    }

    /** A connection closed: forgotten here; the member it was, if it said hello. */
    RoomMember closed(WebSocketConnection connection) {
        Outbox outbox = open.remove(connection.id());
        if (outbox == null) {
            return null;
        }
        forgetAddress(outbox.address);
        return outbox.member;
    }

    void erased(UUID personId) {
        erased.add(personId);
    }

    boolean isErased(UUID personId) {
        return erased.contains(personId);
    }

    /** Closes every connection of this person in the room, telling them why first. */
    void closeFor(RoomRuntime runtime, UUID personId, String code, String message) {
        for (RoomMember member : List.copyOf(runtime.connections.values())) {
            if (member.actor.id().equals(personId)) {
                send(member.connection, wire.error(null, code, message));
                close(member.connection, null);
            }
        }
    }

    static void close(WebSocketConnection connection, CloseReason reason) {
        (reason == null ? connection.close() : connection.close(reason))
                .subscribe()
                .with(x -> {}, x -> {});
    }

    // ---- liveness

    /** Any sign of life from a connection: a message, or the answer to a ping. */
    public void heard(WebSocketConnection connection) {
        RoomMember member = member(connection);
        if (member != null) {
            member.heardAt = clock.millis();
        }
    }

    /** The connections silent for longer than the limit at {@code now}. */
    List<RoomMember> idle(Instant now) {
        long limit = now.toEpochMilli() - IDLE_LIMIT.toMillis();
        List<RoomMember> idle = new ArrayList<>();
        for (Outbox outbox : open.values()) {
            RoomMember member = outbox.member;
            if (member != null && member.heardAt < limit) {
                idle.add(member);
            }
        }
        return idle;
    }

    /** Closes connections whose other end has gone quiet: their pongs stopped, so the network dropped them. */
    @io.quarkus.scheduler.Scheduled(every = "30s", delayed = "30s")
    void closeIdle() {
        for (RoomMember member : idle(clock.instant())) {
            close(member.connection, null);
        }
    }

    /** Connections that have not said hello within the limit, at {@code now}. */
    List<WebSocketConnection> silentNewcomers(Instant now) {
        List<WebSocketConnection> silent = new ArrayList<>();
        for (WebSocketConnection connection : openConnections) {
            if (!saidHello(connection)
                    && connection.creationTime().plus(helloWithin).isBefore(now)) {
                silent.add(connection);
            }
        }
        return silent;
    }

    /**
     * Closes connections that opened and never said hello (they hold a socket and give nothing),
     * and those whose output has stalled.
     */
    @io.quarkus.scheduler.Scheduled(every = "5s", delayed = "5s")
    void sweepConnections() {
        sweepConnections(clock.instant());
    }

    void sweepConnections(Instant now) {
        for (WebSocketConnection connection : silentNewcomers(now)) {
            close(connection, NO_HELLO);
        }
        for (WebSocketConnection connection : stalled(System.nanoTime())) {
            LOG.debugf("Closing a connection whose socket has taken nothing for %s", stallLimit);
            close(connection, TOO_FAR_BEHIND);
            dropSocket(connection);
        }
    }

    // ---- opening: where from, how many

    /**
     * A new connection, before it says anything. Refused (closed) when a browser opened it from a
     * page of another site (its Origin is neither the public address nor the host it connected
     * to), or when its network address already has too many room connections open.
     */
    public void opened(WebSocketConnection connection) {
        HandshakeRequest request = connection.handshakeRequest();
        String origin = request.header("Origin");
        if (origin != null
                && !sameOrigin(origin, publicUrl)
                && !origin.endsWith("://" + request.host() + portSuffix(request))
                && !origin.endsWith("://" + request.host())) {
            LOG.debugf("A room connection from a page of %s was refused", origin);
            close(connection, new CloseReason(4003, "origin not allowed"));
            return;
        }
        String address = address(connection);
        open.put(connection.id(), new Outbox(address));
        int fromThere =
                perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        if (fromThere > connectionsPerAddress) {
            LOG.debugf("A room connection from %s was refused: %d already open", address, fromThere - 1);
            close(connection, TOO_MANY);
        }
    }

    private void forgetAddress(String address) {
        if (address != null) {
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    private static String portSuffix(HandshakeRequest request) {
        return request.port() > 0 ? ":" + request.port() : "";
    }

    private static boolean sameOrigin(String origin, String url) {
        try {
            java.net.URI a = java.net.URI.create(origin);
            java.net.URI b = java.net.URI.create(url);
            return a.getScheme() != null
                    && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null
                    && a.getHost().equalsIgnoreCase(b.getHost())
                    && port(a) == port(b);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(java.net.URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** The client's address without its port. */
    private static String address(WebSocketConnection connection) {
        String remote = connection.handshakeRequest().remoteAddress();
        if (remote == null) {
            return "";
        }
        int colon = remote.lastIndexOf(':');
        return colon > 0 && remote.indexOf(':') == colon ? remote.substring(0, colon) : remote;
    }

    /**
     * A failure on a connection, outside any message the room was handling. A message over the
     * size limit (in fragments, or a single frame past Netty's limit) is answered {@code too-large},
     * as a large one in a single frame is; a client breaking the WebSocket rules or dropping its
     * connection is the client's doing, logged at DEBUG (the connection is closed either way).
     * Anything else is still an ERROR.
     */
    public void failed(WebSocketConnection connection, Throwable failure) {
        if (tooLarge(failure)) {
            LOG.debugf("Room socket %s: a message over the size limit: %s", connection.id(), failure.getMessage());
            if (connection.isOpen()) {
                send(connection, wire.error(null, "too-large", "A message may be at most 16 KiB."));
            }
        } else if (failure instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException
                || failure instanceof java.io.IOException
                || failure instanceof io.vertx.core.http.HttpClosedException) {
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

    // ---- sending

    /** Queues a frame, as {@link #sendRaw(WebSocketConnection, String)} does, not waiting for it. */
    void send(WebSocketConnection connection, String frame) {
        sendRaw(connection, frame);
    }

    /**
     * Queues a frame; the connection's writes keep the order they were queued in. Returns the
     * write (done once the socket has taken it), or null when nothing was queued: the connection is
     * closed, or its unread output would pass {@link #maxQueuedBytes}, in which case it is closed
     * with {@link #TOO_FAR_BEHIND}.
     */
    Uni<Void> sendRaw(WebSocketConnection connection, String text) {
        return sendRaw(connection, text, RoomWire.utf8Length(text));
    }

    /** {@link #sendRaw(WebSocketConnection, String)} with the frame's UTF-8 size already counted. */
    Uni<Void> sendRaw(WebSocketConnection connection, String text, long size) {
        if (!connection.isOpen()) {
            return null;
        }
        Outbox outbox = outbox(connection);
        if (!admit(connection, outbox, size)) {
            return null;
        }
        Uni<Void> write = connection.sendText(text).memoize().indefinitely();
        write.subscribe().with(ok -> outbox.taken(size), failure -> outbox.lost(size, failure));
        return write;
    }

    /**
     * A frame to a member through this thread's {@link Fanout}: like {@link #sendRaw}, with the
     * message encoded once for everyone it goes to, and nothing kept for anyone to wait on.
     */
    void sendFramed(Fanout fanout, RoomMember member, String text, byte[] utf8) {
        WebSocketConnection connection = member.connection;
        if (connection.isOpen() && admit(connection, member.outbox, utf8.length)) {
            Outbox outbox = member.outbox;
            if (member.socket != null) {
                fanout.add(member.socket, utf8, outbox);
            } else {
                connection
                        .sendText(text)
                        .subscribe()
                        .with(ok -> outbox.taken(utf8.length), failure -> outbox.lost(utf8.length, failure));
            }
        }
    }

    /** The connection's state; created here only for a connection that never went through {@link #opened}. */
    private Outbox outbox(WebSocketConnection connection) {
        Outbox outbox = open.get(connection.id());
        return outbox != null ? outbox : open.computeIfAbsent(connection.id(), k -> new Outbox(null));
    }

    /** Counts a frame into the connection's unsent output, or closes a connection that would pass the limit. */
    private boolean admit(WebSocketConnection connection, Outbox outbox, long size) {
        long before = outbox.getAndAddBytes(size);
        if (before + size > maxQueuedBytes) {
            outbox.addBytes(-size);
            LOG.debugf("Closing a connection that is not reading (%d bytes waiting)", before);
            close(connection, TOO_FAR_BEHIND);
            return false;
        }
        if (before == 0) {
            outbox.movedAt = System.nanoTime(); // the wait starts now
        }
        return true;
    }

    /** Bytes waiting to be written to this connection (tests, metrics). */
    long queuedBytes(WebSocketConnection connection) {
        Outbox outbox = open.get(connection.id());
        return outbox == null ? 0 : outbox.bytes();
    }

    /**
     * Connections whose socket has taken nothing for longer than the stall limit while output
     * waits, as of {@code nanoTime}: a client that stopped reading in the middle of a catch-up
     * (which never queues more than a page) is found here rather than by the byte limit.
     */
    List<WebSocketConnection> stalled(long nanoTime) {
        List<WebSocketConnection> stalled = new ArrayList<>();
        for (WebSocketConnection connection : openConnections) {
            if (stalled(connection, nanoTime)) {
                stalled.add(connection);
            }
        }
        return stalled;
    }

    boolean stalled(WebSocketConnection connection, long nanoTime) {
        Outbox outbox = open.get(connection.id());
        return outbox != null && outbox.bytes() > 0 && nanoTime - outbox.movedAt > stallLimit.toNanos();
    }

    /**
     * Ends the TCP connection under a WebSocket at once, with a reset. A close frame queues behind
     * everything else the client has not read, so a client that never reads would keep its socket,
     * and the buffers behind it, until the operating system gave up. Vert.x has no public way to do this
     * through Quarkus's connection, so this reaches the channel by reflection; if that ever fails,
     * the connection is left to the idle rule.
     */
    static void dropSocket(WebSocketConnection connection) {
        Fanout.Socket socket = Fanout.Socket.of(connection);
        if (socket == null) {
            LOG.debugf("Could not drop the socket of a stalled connection %s", connection.id());
            return;
        }
        // no lingering: what the client never read is thrown away now, with a reset
        socket.channel().config().setOption(io.netty.channel.ChannelOption.SO_LINGER, 0);
        socket.channel().close();
    }
}
