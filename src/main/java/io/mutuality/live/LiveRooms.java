package io.mutuality.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutuality.common.RateLimiter;
import io.mutuality.common.RateLimits;
import io.mutuality.identity.Caller;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.ParticipantTokens;
import io.mutuality.identity.PlatformSecrets;
import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.RoomEngine;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.RoomState;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * The live rooms of this node. A command goes to the {@link RoomEngine} under its room's lock;
 * the events it is accepted with get the room's next sequence numbers and are folded into the
 * room's state, and go to the {@link GroupCommit} writer, which stores them with whatever other
 * rooms decided meanwhile in one transaction. Only once that is durable is the sender acknowledged
 * and are the events fanned out through the {@link RoomBus} to every connection allowed to see
 * them. A room's writes are queued in the order its lock decided them and stored and published in
 * that order. If a write fails, the room's copy on this node (ahead of its log by what was not
 * stored) is dropped and its connections are asked to reconnect: they catch up from the log, and
 * the sender is told to send again. State is rebuilt from the log the first time a room is used on
 * a node.
 */
@ApplicationScoped
public class LiveRooms {

    private static final Logger LOG = Logger.getLogger(LiveRooms.class);
    /** The largest message a client may send, in UTF-8 bytes. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024;

    @Inject
    RoomLog log;

    @Inject
    RoomBus bus;

    @Inject
    GroupCommit commits;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    PlatformSecrets secrets;

    @Inject
    SchedulingService scheduling;

    @Inject
    IdentityService accounts;

    @Inject
    RateLimits limits;

    @Inject
    RoomService roomService;

    @Inject
    io.mutuality.curriculum.CourseCatalogue catalogue;

    private final RoomEngine engine = new RoomEngine();
    private final Map<UUID, Runtime> rooms = new ConcurrentHashMap<>();
    private final Map<String, Member> members = new ConcurrentHashMap<>();
    private RateLimiter commandLimit;

    /** Commands one person may send in ten seconds, across all their connections. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.live.commands-per-person", defaultValue = "20")
    int commandsPerPerson;

    /**
     * Bytes queued to one connection and not yet written to its socket. A client that stops
     * reading reaches it and is closed ({@link #TOO_FAR_BEHIND}); reconnecting with its last
     * sequence number, it catches up from the log without losing anything.
     */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.live.max-queued-bytes", defaultValue = "524288")
    long maxQueuedBytes;

    /** How long a new connection has to say hello before it is closed. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.live.hello-within", defaultValue = "10s")
    Duration helloWithin;

    /** Connections one person may have open to one room (tabs, a laptop and a phone). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.live.connections-per-person", defaultValue = "4")
    int connectionsPerPerson;

    /** Open room connections from one network address (a venue's Wi-Fi puts a whole room behind one). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.live.connections-per-address", defaultValue = "100")
    int connectionsPerAddress;

    /** Events per page of a catch-up; the next page is read once the socket has taken the last one. */
    static final int CATCH_UP_PAGE = 200;

    /** The close code for a connection whose unread output passed the limit. */
    static final io.quarkus.websockets.next.CloseReason TOO_FAR_BEHIND =
            new io.quarkus.websockets.next.CloseReason(4008, "too far behind: reconnect with lastSeq to catch up");
    /** The close code for a connection that did not say hello in time. */
    static final io.quarkus.websockets.next.CloseReason NO_HELLO =
            new io.quarkus.websockets.next.CloseReason(4001, "no hello");
    /** The close code for a connection over the limit of connections from one address. */
    static final io.quarkus.websockets.next.CloseReason TOO_MANY =
            new io.quarkus.websockets.next.CloseReason(4029, "too many connections");

    /** What waits to be written to one connection, and when its socket last took something. */
    static final class Outbox implements Fanout.Sent {
        final java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        volatile long movedAt = System.nanoTime();

        @Override
        public void taken(long size) {
            bytes.addAndGet(-size);
            movedAt = System.nanoTime();
        }

        @Override
        public void lost(long size, Throwable failure) {
            bytes.addAndGet(-size);
            LOG.debugf("A frame was not sent: %s", failure.getMessage());
        }
    }

    private final Map<String, Outbox> queued = new ConcurrentHashMap<>();

    /** How long output may wait with nothing taken by the socket before the connection counts as stalled. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.live.stall-limit", defaultValue = "20s")
    Duration stallLimit;

    @Inject
    io.quarkus.websockets.next.OpenConnections openConnections;

    /** One room on this node: its state and the connections in it. */
    static final class Runtime {
        final UUID roomId;
        final UUID organisationId;
        /**
         * Everything decided, stored or on its way to the log. Replaced only under the lock, by a
         * fold of the log after an erasure.
         */
        volatile RoomState state;
        /** Taken to decide: one command at a time, in the order they are queued for the log. */
        final ReentrantLock lock = new ReentrantLock();
        /** Taken to deliver stored events and to finish a catch-up, so none falls between the two. */
        final ReentrantLock delivery = new ReentrantLock();
        /** The last event stored and delivered (under {@link #delivery}). */
        volatile long published;
        /** Writes queued and not yet stored or failed. */
        final java.util.concurrent.atomic.AtomicInteger writing = new java.util.concurrent.atomic.AtomicInteger();
        /** A write failed: this copy is ahead of the log and is being replaced. */
        volatile boolean broken;
        /**
         * Another writer (another node) stored first: this copy is folded again from the log, and
         * what it decided since is taken back and decided again ({@link #deferred}), in order.
         */
        volatile boolean stale;
        /** Decisions taken back, waiting to be decided again once the copy is folded from the log. */
        final List<Origin> deferred = new ArrayList<>();
        /** A fold from the log is scheduled or under way. */
        final java.util.concurrent.atomic.AtomicBoolean recovering = new java.util.concurrent.atomic.AtomicBoolean();
        /** Numbers this room's decisions in the order its lock took them (under the lock). */
        long decisions;
        final CommandMemory commands;
        final Map<String, Member> connections = new ConcurrentHashMap<>();

        Runtime(UUID roomId, UUID organisationId, RoomState state, CommandMemory commands) {
            this.roomId = roomId;
            this.organisationId = organisationId;
            this.state = state;
            this.published = state.lastSeq();
            this.commands = commands;
        }

        /** Waits, holding the lock, until everything this room queued is stored (before folding the log again). */
        void awaitWrites() {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (writing.get() > 0 && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(200_000);
            }
            if (writing.get() > 0) {
                LOG.warnf("Room %s: %d writes still on their way to the log after 10 s; going on without them",
                        roomId, writing.get());
            }
        }
    }

    /**
     * What the writer needs to finish a write: the room as decided, who to answer, and how to
     * decide it again if another node stored first ({@code attempt} counts the tries).
     */
    record Origin(Runtime runtime, Member sender, WebSocketConnection replyTo, String commandId, Redo redo, int attempt,
            long order, long firstTried) {
    }

    /** A decision taken again, under the room's lock, on the room as the log holds it. */
    @FunctionalInterface
    interface Redo {
        void again(int attempt, long firstTried);
    }

    /**
     * How long one decision is taken again and again while other nodes store first, before the
     * sender is told to send it again. A burst from another node (a whole room answering there at
     * once) can win many appends in a row; it ends, and this node's decisions go in after it.
     */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.live.decide-again-within", defaultValue = "10s")
    Duration decideAgainWithin;

    /** A connection that has said hello: who it is, the last event it was sent, when it was last heard from. */
    static final class Member {
        final WebSocketConnection connection;
        final Actor actor;
        final Runtime room;
        final Outbox outbox;
        /** The socket under the connection, for the fan-out (null: send through the connection). */
        final Fanout.Socket socket;
        /** The last event this member was sent or skipped (under the room's delivery lock once caught up). */
        long delivered;
        /** Still being sent the log from its lastSeq: live events wait in the log until it has caught up. */
        volatile boolean catchingUp = true;
        volatile Instant heard = Instant.now();

        Member(WebSocketConnection connection, Actor actor, Runtime room, Outbox outbox) {
            this.connection = connection;
            this.actor = actor;
            this.room = room;
            this.outbox = outbox;
            this.socket = Fanout.Socket.of(connection);
        }
    }

    @PostConstruct
    void start() {
        commandLimit = limits.limiter("room-commands-per-person", commandsPerPerson, Duration.ofSeconds(10));
        bus.subscribe(new RoomBus.Listener() {
            @Override
            public void stored(RoomBus.Stored stored, boolean fromAnotherNode) {
                if (fromAnotherNode) {
                    fromAnotherNode(stored);
                } else {
                    deliver(stored.roomId(), stored.events());
                }
            }

            @Override
            public void missed() {
                missedOnBus = true;
            }
        });
        commits.outcome(new GroupCommit.Outcome() {
            @Override
            public boolean abandoned(GroupCommit.Write write) {
                Runtime runtime = ((Origin) write.context()).runtime();
                return runtime.broken || runtime.stale;
            }

            @Override
            public void durable(GroupCommit.Write write) {
                stored(write);
            }

            @Override
            public void failed(GroupCommit.Write write, Exception cause) {
                notStored(write, cause);
            }

            @Override
            public void beforeBatch() {
                Fanout.current().hold(); // a batch's answers and events leave together, a task per event loop
            }

            @Override
            public void afterBatch() {
                Fanout.current().release();
            }
        });
    }

    /** Answers kept whole per room (every id is remembered by a fingerprint besides). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.live.answers-kept-per-room", defaultValue = "1024")
    int answersKept;

    /** How long a connection may stay silent (no message, no answer to the server's pings) before it is closed. */
    static final Duration IDLE_LIMIT = Duration.ofMinutes(2);

    /** Any sign of life from a connection: a message, or the answer to a ping. */
    public void heard(WebSocketConnection connection) {
        Member member = members.get(connection.id());
        if (member != null) {
            member.heard = clock.instant();
        }
    }

    /** The connections silent for longer than the limit at {@code now}. */
    List<Member> idle(Instant now) {
        return members.values().stream().filter(m -> m.heard.plus(IDLE_LIMIT).isBefore(now)).toList();
    }

    /** Closes connections whose other end has gone quiet: their pongs stopped, so the network dropped them. */
    @io.quarkus.scheduler.Scheduled(every = "30s", delayed = "30s")
    void closeIdle() {
        for (Member member : idle(clock.instant())) {
            member.connection.close().subscribe().with(x -> { }, x -> { });
        }
    }

    /** A text frame from a client. Nothing in it can break the room: every problem becomes an error message. */
    public void receive(WebSocketConnection connection, String code, SecurityIdentity identity, String text) {
        heard(connection);
        if (utf8Length(text) > MAX_MESSAGE_BYTES) {
            send(connection, error(null, "too-large", "A message may be at most 16 KiB."));
            return;
        }
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            send(connection, error(null, "bad-json", "That was not JSON."));
            return;
        }
        String id = node.path("id").isTextual() ? node.path("id").asText() : null;
        if (!node.isObject() || !node.path("type").isTextual()) {
            send(connection, error(id, "invalid", "Every message is a JSON object with a type."));
            return;
        }
        if (node.has("v") && node.path("v").asInt(-1) != 1) {
            send(connection, error(id, "invalid", "This server speaks version 1 of the protocol."));
            return;
        }
        if (id == null || id.isEmpty() || id.length() > 64) {
            send(connection, error(null, "invalid", "Every command needs an id of 1 to 64 characters."));
            return;
        }
        Command command;
        try {
            command = json.treeToValue(node, Command.class);
        } catch (InvalidTypeIdException e) {
            send(connection, error(id, "unknown-type", "This room does not know the message type '" + node.path("type").asText() + "'."));
            return;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            send(connection, error(id, "invalid", "A field of that message has the wrong kind of value."));
            return;
        }
        Member member = members.get(connection.id());
        String limitKey = member == null ? connection.id() : member.room.roomId + "/" + member.actor.id();
        if (commandLimit.acquire(limitKey) > 0) {
            send(connection, error(id, "rate-limited", "That is a lot of messages at once; wait a moment."));
            return;
        }
        try {
            if (command instanceof Command.Hello hello) {
                hello(connection, code, identity, hello);
            } else if (member == null) {
                send(connection, error(id, "hello-first", "Send hello first."));
            } else if (command instanceof Command.Ping) {
                send(connection, envelope("pong").put("id", id));
            } else {
                command(member, command);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "A room command failed (room %s)", code);
            send(connection, error(id, "invalid", "The room could not do that just now. Please try again."));
        }
    }

    private void hello(WebSocketConnection connection, String code, SecurityIdentity identity, Command.Hello hello) {
        if (members.containsKey(connection.id())) {
            send(connection, error(hello.id(), "invalid", "You have already said hello on this connection."));
            return;
        }
        Optional<Room> found = RoomCode.parse(code)
                .flatMap(c -> QuarkusTransaction.requiringNew().call(() -> Room.<Room>find("code", c.value()).firstResultOptional()));
        if (found.isEmpty()) {
            send(connection, error(hello.id(), "not-found", "There is no room with that code."));
            connection.close().subscribe().with(x -> { }, x -> { });
            return;
        }
        Room room = found.get();
        Optional<Actor> actor = actor(room, identity, hello.token());
        if (actor.isEmpty()) {
            send(connection, error(hello.id(), "unauthorised", "Join the room with its code first, or sign in as its facilitator."));
            connection.close().subscribe().with(x -> { }, x -> { });
            return;
        }
        Runtime runtime = runtime(room);
        Member member = null;
        runtime.lock.lock();
        try {
            if (!actor.get().facilitator() && runtime.state.isRemoved(actor.get().id())) {
                send(connection, error(hello.id(), "removed", "A facilitator has asked you to step out of the room for now."));
                connection.close().subscribe().with(x -> { }, x -> { });
                return;
            }
            long lastSeq = hello.lastSeq() == null ? 0 : Math.max(0, hello.lastSeq());
            long open = runtime.connections.values().stream().filter(m -> m.actor.id().equals(actor.get().id())).count();
            if (open >= connectionsPerPerson) {
                send(connection, error(hello.id(), "too-many-connections", "This room is already open in "
                        + open + " windows or devices of yours; close one of them first."));
                connection.close().subscribe().with(x -> { }, x -> { });
                return;
            }
            member = new Member(connection, actor.get(), runtime, outbox(connection));
            ObjectNode welcome = envelope("welcome");
            welcome.putObject("you").put("kind", member.actor.facilitator() ? "facilitator" : "participant")
                    .put("id", member.actor.id().toString()).put("name", member.actor.name());
            Map<String, Object> about = new java.util.LinkedHashMap<>();
            about.put("code", room.code);
            about.put("cohortTitle", QuarkusTransaction.requiringNew().call(() -> roomService.title(room)));
            about.put("dayNumber", room.dayNumber);
            about.put("closesAt", room.closesAt.toString());
            welcome.set("room", json.valueToTree(about));
            long published = runtime.published;
            welcome.put("latestSeq", published);
            welcome.put("now", clock.instant().toString());
            send(connection, welcome);
            member.delivered = Math.min(lastSeq, published);
            runtime.connections.put(connection.id(), member);
            members.put(connection.id(), member);
            arrive(runtime, member, 0, System.nanoTime());
        } finally {
            runtime.lock.unlock();
        }
        if (member != null) {
            catchUp(member);
        }
    }

    /**
     * Sends a member what they missed, a page at a time, reading the next page only once the
     * socket has taken the last: a client that reads slowly (or not at all) holds one page, not
     * the whole log. The last page is sent under the room's lock, so no live event slips between
     * it and {@code synced}; from then on the member gets events as they happen.
     */
    private void catchUp(Member member) {
        Runtime runtime = member.room;
        while (member.connection.isOpen() && members.get(member.connection.id()) == member) {
            long from = member.delivered;
            List<RoomLog.Logged> page = QuarkusTransaction.requiringNew().call(() -> log.page(runtime.roomId, from, CATCH_UP_PAGE));
            if (page.size() < CATCH_UP_PAGE) {
                runtime.delivery.lock();
                try {
                    // the short last page as read, then whatever was stored and published since, under the lock
                    long upTo = page.isEmpty() ? from : page.get(page.size() - 1).seq();
                    long published = runtime.published;
                    List<RoomLog.Logged> rest = new ArrayList<>(page);
                    if (upTo < published) {
                        rest.addAll(QuarkusTransaction.requiringNew().call(() -> log.page(runtime.roomId, upTo, Integer.MAX_VALUE)));
                    }
                    for (RoomLog.Logged event : rest) {
                        if (event.seq() <= published && event.visibility().allows(member.actor)
                                && sendRaw(member.connection, event.wire(), event.wireBytes()) == null) {
                            return;
                        }
                    }
                    member.delivered = published;
                    member.catchingUp = false;
                    send(member.connection, envelope("synced").put("seq", published));
                } finally {
                    runtime.delivery.unlock();
                }
                return;
            }
            io.smallrye.mutiny.Uni<Void> last = null;
            for (RoomLog.Logged event : page) {
                if (event.visibility().allows(member.actor)) {
                    last = sendRaw(member.connection, event.wire(), event.wireBytes());
                    if (last == null) {
                        return; // closed: too far behind, or gone
                    }
                }
            }
            member.delivered = page.get(page.size() - 1).seq();
            if (last != null) {
                last.subscribe().with(
                        written -> io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool().execute(() -> catchUp(member)),
                        failed -> LOG.debugf("A catch-up stopped: %s", failed.getMessage()));
                return;
            }
        }
    }

    private void command(Member member, Command command) {
        Runtime runtime = member.room;
        runtime.lock.lock();
        try {
            decide(member, command, 0, System.nanoTime());
        } finally {
            runtime.lock.unlock();
        }
    }

    /**
     * Repeat check, decide, commit: one command under its room's lock. {@code attempt} is above 0
     * when the command is decided again because another node stored first; then its id is looked up
     * in the log whatever this node remembers, since that node may have answered it.
     */
    private void decide(Member member, Command command, int attempt, long firstTried) {
        Runtime runtime = member.room;
        {
            if (erased.contains(member.actor.id()) || runtime.state.isErased(member.actor.id())) {
                send(member.connection, error(command.id(), "unauthorised", "Your place in this room has been erased."));
                member.connection.close().subscribe().with(x -> { }, x -> { });
                return;
            }
            if (runtime.broken) {
                send(member.connection, error(command.id(), "unavailable", UNAVAILABLE));
                return;
            }
            Redo redo = (again, first) -> decide(member, command, again, first);
            if (runtime.stale) {
                defer(runtime, new Origin(runtime, member, member.connection, command.id(), redo, attempt, runtime.decisions++,
                        firstTried));
                return;
            }
            UUID actorId = member.actor.id();
            CommandMemory.Recall recall = runtime.commands.recall(actorId, command.id());
            String earlier = recall instanceof CommandMemory.Recall.Answered answered ? answered.answer()
                    : recall instanceof CommandMemory.Recall.AskTheLog || attempt > 0
                            ? QuarkusTransaction.requiringNew().call(() -> log.answered(runtime.roomId, actorId, command.id())).orElse(null)
                            : null;
            Origin origin = new Origin(runtime, member, member.connection, command.id(), redo, attempt, runtime.decisions++,
                    firstTried);
            if (earlier != null) {
                // queued behind the first answer's write: a repeat is never answered before the original is stored
                submit(runtime, new GroupCommit.Write(runtime.roomId, List.of(), actorId, command.id(), earlier, false, origin));
                return;
            }
            Instant now = clock.instant();
            RoomEngine.Decision decision = engine.decide(runtime.state, member.actor, command, now);
            if (decision instanceof RoomEngine.Decision.Rejected rejected) {
                String answer = write(error(command.id(), rejected.code(), rejected.message()));
                runtime.commands.remember(actorId, command.id(), answer);
                submit(runtime, new GroupCommit.Write(runtime.roomId, List.of(), actorId, command.id(), answer, true, origin));
                return;
            }
            List<RoomEvent> events = ((RoomEngine.Decision.Accepted) decision).events();
            commit(runtime, events, origin);
        }
    }

    /** Someone's first connection to the room: they arrive (once, however many nodes they connect to). */
    private void arrive(Runtime runtime, Member member, int attempt, long firstTried) {
        if (runtime.state.ended() || runtime.broken || !runtime.connections.containsKey(member.connection.id())) {
            return;
        }
        Origin origin = new Origin(runtime, null, null, null, (again, first) -> arrive(runtime, member, again, first), attempt,
                runtime.decisions++, firstTried);
        if (runtime.stale) {
            defer(runtime, origin);
        } else {
            commit(runtime, engine.arrive(runtime.state, member.actor, clock.instant()), origin);
        }
    }

    /** Someone's last connection here closed: they left, unless they came back meanwhile. */
    private void leave(Runtime runtime, Actor actor, int attempt, long firstTried) {
        boolean stillHere = runtime.connections.values().stream().anyMatch(m -> m.actor.id().equals(actor.id()));
        if (stillHere || runtime.state.ended() || runtime.broken) {
            return;
        }
        Origin origin = new Origin(runtime, null, null, null, (again, first) -> leave(runtime, actor, again, first), attempt,
                runtime.decisions++, firstTried);
        if (runtime.stale) {
            defer(runtime, origin);
        } else {
            commit(runtime, engine.leave(runtime.state, actor, clock.instant()), origin);
        }
    }

    /** Events the server makes itself (the clock, an erasure's marks), decided again like any other if another node stored first. */
    private void serverEvents(Runtime runtime, java.util.function.Function<RoomState, List<RoomEvent>> decide, int attempt,
            long firstTried) {
        if (runtime.broken) {
            return;
        }
        Origin origin = new Origin(runtime, null, null, null, (again, first) -> serverEvents(runtime, decide, again, first), attempt,
                runtime.decisions++, firstTried);
        if (runtime.stale) {
            defer(runtime, origin);
        } else {
            commit(runtime, decide.apply(runtime.state), origin);
        }
    }

    static final String UNAVAILABLE = "The room could not save that just now. Please send it again.";

    /**
     * Numbers events, folds them into the room's state and queues them (with the command's answer)
     * for the log. Called with the room's lock held; the sender is answered, and the events
     * delivered, once the write is durable ({@link #stored}).
     */
    private void commit(Runtime runtime, List<RoomEvent> events, Origin origin) {
        Member sender = origin.sender();
        String commandId = origin.commandId();
        if (events.isEmpty() && commandId == null) {
            return;
        }
        List<StoredEvent> stored = new ArrayList<>(events.size());
        long seq = runtime.state.lastSeq();
        for (RoomEvent event : events) {
            stored.add(StoredEvent.of(event.withSeq(++seq), json));
        }
        String ack = null;
        UUID actorId = sender == null ? null : sender.actor.id();
        if (commandId != null) {
            StringBuilder text = new StringBuilder(48 + commandId.length()).append("{\"v\":1,\"type\":\"ack\",\"id\":");
            text.append(quote(commandId)).append(",\"seqs\":[");
            for (int i = 0; i < stored.size(); i++) {
                text.append(i == 0 ? "" : ",").append(stored.get(i).event().seq());
            }
            ack = text.append("]}").toString();
            runtime.commands.remember(actorId, commandId, ack);
        }
        stored.forEach(s -> runtime.state.apply(s.event()));
        submit(runtime, new GroupCommit.Write(runtime.roomId, stored, actorId, commandId, ack, true, origin));
    }

    private void submit(Runtime runtime, GroupCommit.Write write) {
        runtime.writing.incrementAndGet();
        commits.submit(write);
    }

    /** A write is durable: its answer goes to the sender, then its events to everyone who may see them. */
    private void stored(GroupCommit.Write write) {
        Origin origin = (Origin) write.context();
        try {
            if (origin.sender() != null && write.answer() != null) {
                byte[] utf8 = write.answer().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                sendFramed(Fanout.current(), origin.sender(), write.answer(), utf8);
            } else if (origin.replyTo() != null && write.answer() != null) {
                sendRaw(origin.replyTo(), write.answer());
            }
            if (!write.events().isEmpty()) {
                bus.publish(new RoomBus.Stored(write.roomId(), write.events(), write.remember() ? write.actorId() : null,
                        write.remember() ? write.commandId() : null));
            }
        } finally {
            origin.runtime().writing.decrementAndGet();
        }
    }

    /**
     * A write could not be stored. The room's copy here is ahead of its log by what was lost, so it
     * is dropped: its connections are asked to reconnect (they catch up from the log, losing
     * nothing that was acknowledged), and the sender is told to send again.
     */
    private void notStored(GroupCommit.Write write, Exception cause) {
        Origin origin = (Origin) write.context();
        Runtime runtime = origin.runtime();
        try {
            if (!runtime.broken && (runtime.stale || GroupCommit.conflict(cause))) {
                // another node stored first: decide again on what the log holds, once this room's writes are back
                runtime.stale = true;
                defer(runtime, origin);
                return;
            }
            if (origin.replyTo() != null && write.commandId() != null) {
                send(origin.replyTo(), error(write.commandId(), "unavailable", UNAVAILABLE));
            }
            if (!runtime.broken) {
                runtime.broken = true;
                rooms.remove(runtime.roomId, runtime);
                LOG.warnf("Room %s: its copy on this node was dropped after a failed write; its connections reconnect", runtime.roomId);
                for (Member member : List.copyOf(runtime.connections.values())) {
                    member.connection.close(RELOADING).subscribe().with(x -> { }, x -> { });
                }
            }
        } finally {
            if (runtime.writing.decrementAndGet() == 0 && runtime.stale) {
                recoverLater(runtime);
            }
        }
    }

    /** A decision to take again once the room is folded from the log (the writer's thread, or the room's lock). */
    private static void defer(Runtime runtime, Origin origin) {
        synchronized (runtime.deferred) {
            runtime.deferred.add(origin);
        }
    }

    private void recoverLater(Runtime runtime) {
        if (runtime.recovering.compareAndSet(false, true)) {
            io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool().execute(() -> recover(runtime));
        }
    }

    /** Times a room's copy on this node was folded again because another node stored first (metrics, tests). */
    final java.util.concurrent.atomic.LongAdder conflicts = new java.util.concurrent.atomic.LongAdder();

    /**
     * Another node stored first. Every write this room had on its way is back (taken back or
     * failed), so the copy is folded again from the log, what the log holds and the connections
     * here have not seen goes out to them, and every decision taken back is decided again, in the
     * order the room first took them. One first tried longer than {@link #decideAgainWithin} ago is
     * given up and its sender told to send it again.
     */
    void recover(Runtime runtime) {
        conflicts.increment();
        long logged = 0;
        runtime.lock.lock();
        try {
            runtime.awaitWrites();
            List<RoomEvent> events = QuarkusTransaction.requiringNew().call(() -> log.after(runtime.roomId, 0));
            logged = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
            runtime.state = runtime.state.refolded(events);
            runtime.commands.forgetAnswers(); // answers remembered for what was taken back are not answers
            List<Origin> again;
            synchronized (runtime.deferred) {
                again = new ArrayList<>(runtime.deferred);
                runtime.deferred.clear();
            }
            again.sort(java.util.Comparator.comparingLong(Origin::order));
            runtime.stale = false;
            runtime.recovering.set(false);
            for (Origin origin : again) {
                if (System.nanoTime() - origin.firstTried() > decideAgainWithin.toNanos()) {
                    LOG.warnf("Room %s: a decision was taken back %d times in %s as other nodes stored first; given up",
                            runtime.roomId, origin.attempt() + 1, decideAgainWithin);
                    if (origin.replyTo() != null && origin.commandId() != null) {
                        send(origin.replyTo(), error(origin.commandId(), "unavailable", UNAVAILABLE));
                    }
                    continue;
                }
                try {
                    origin.redo().again(origin.attempt() + 1, origin.firstTried());
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Room %s: a decision could not be taken again", runtime.roomId);
                    if (origin.replyTo() != null && origin.commandId() != null) {
                        send(origin.replyTo(), error(origin.commandId(), "unavailable", UNAVAILABLE));
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Room %s: its copy could not be folded again from the log", runtime.roomId);
            runtime.recovering.set(false);
        } finally {
            runtime.lock.unlock();
        }
        deliverUpTo(runtime, logged); // what another node stored and this node's connections have not had yet
    }

    /** The close code for the connections of a room whose copy on this node was dropped. */
    static final io.quarkus.websockets.next.CloseReason RELOADING =
            new io.quarkus.websockets.next.CloseReason(1012, "the room is reloading: reconnect with lastSeq to catch up");

    /**
     * Sends stored events to this node's connections in the room that may see them, once each and
     * in order, and does what an event asks of the connections here (a removed or erased
     * participant's are closed; a scrubbed log is folded again). Events come in order from this
     * node's writer; from other nodes they may come after this node's own later ones, so a gap is
     * filled from the log first: every connection gets every event, in order, once.
     */
    void deliver(UUID roomId, List<StoredEvent> events) {
        Runtime runtime = rooms.get(roomId);
        if (runtime != null) {
            deliver(runtime, events, 0);
        }
    }

    /** Delivers what the log holds up to {@code upTo} that this node's connections have not had. */
    void deliverUpTo(Runtime runtime, long upTo) {
        if (upTo > runtime.published) {
            deliver(runtime, List.of(), upTo);
        }
    }

    private void deliver(Runtime runtime, List<StoredEvent> events, long upTo) {
        Fanout fanout = Fanout.current();
        fanout.hold();
        runtime.delivery.lock();
        try {
            for (StoredEvent stored : events) {
                long seq = stored.event().seq();
                if (seq <= runtime.published) {
                    continue;
                }
                if (seq > runtime.published + 1) {
                    fillFromLog(runtime, seq - 1, fanout);
                }
                if (seq == runtime.published + 1) {
                    deliverOne(runtime, stored, fanout);
                }
            }
            if (upTo > runtime.published) {
                fillFromLog(runtime, upTo, fanout);
            }
        } finally {
            runtime.delivery.unlock();
            fanout.release();
        }
    }

    /** Events this node has not delivered, read from the log up to {@code upTo} (under the delivery lock). */
    private void fillFromLog(Runtime runtime, long upTo, Fanout fanout) {
        long after = runtime.published;
        List<StoredEvent> missing = QuarkusTransaction.requiringNew().call(() -> log.stored(runtime.roomId, after, upTo));
        gapsFilled.increment();
        for (StoredEvent stored : missing) {
            if (stored.event().seq() == runtime.published + 1) {
                deliverOne(runtime, stored, fanout);
            }
        }
    }

    /** Times events were read from the log because the bus had not brought them (yet). */
    final java.util.concurrent.atomic.LongAdder gapsFilled = new java.util.concurrent.atomic.LongAdder();

    private void deliverOne(Runtime runtime, StoredEvent stored, Fanout fanout) {
        RoomEvent event = stored.event();
        runtime.published = event.seq();
        for (Member member : runtime.connections.values()) {
            if (!member.catchingUp && event.seq() > member.delivered) {
                member.delivered = event.seq();
                if (event.visibility().allows(member.actor)) {
                    sendFramed(fanout, member, stored.wire(), stored.utf8());
                }
            }
        }
        switch (event.kind()) {
            case "participant.removed" -> {
                if (event.data().get("participantId") instanceof String removed) {
                    closeRemoved(runtime, UUID.fromString(removed));
                }
            }
            case "participant.erased" -> {
                if (event.data().get("participantId") != null) {
                    UUID gone = UUID.fromString(String.valueOf(event.data().get("participantId")));
                    erased.add(gone);
                    closeFor(runtime, gone, "unauthorised", "Your place in this room has been erased, as you asked.");
                }
            }
            case "log.scrubbed" -> io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool()
                    .execute(() -> refold(runtime.roomId));
            default -> {
            }
        }
    }

    /**
     * Events another node stored, carried here by the bus: folded into this node's copy of the room
     * (if it holds one) in sequence order, filling any gap from the log, then delivered. A copy
     * with writes of its own that another node beat is folded again from the log anyway
     * ({@link #recover}), so what does not follow on is left to that.
     */
    void fromAnotherNode(RoomBus.Stored stored) {
        Runtime runtime = rooms.get(stored.roomId());
        if (runtime == null) {
            return; // not held here: a node that opens it later folds the log
        }
        long upTo = stored.events().isEmpty() ? 0 : stored.events().get(stored.events().size() - 1).event().seq();
        runtime.lock.lock();
        try {
            if (stored.commandId() != null && stored.actorId() != null) {
                runtime.commands.known(stored.actorId(), stored.commandId());
            }
            if (!runtime.stale && !runtime.broken && upTo > runtime.state.lastSeq()) {
                foldFromLogOr(runtime, stored.events());
            }
        } finally {
            runtime.lock.unlock();
        }
        deliver(runtime, stored.events(), 0);
    }

    /** Folds events that follow on from the copy's last; when they do not, the log's events after it (under the lock). */
    private void foldFromLogOr(Runtime runtime, List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            long seq = stored.event().seq();
            if (seq <= runtime.state.lastSeq()) {
                continue;
            }
            if (seq > runtime.state.lastSeq() + 1) {
                long after = runtime.state.lastSeq();
                QuarkusTransaction.requiringNew().call(() -> log.after(runtime.roomId, after)).stream()
                        .filter(e -> e.seq() < seq).forEach(runtime.state::apply);
            }
            if (seq == runtime.state.lastSeq() + 1) {
                runtime.state.apply(stored.event());
            }
        }
    }

    /** The bus said it may have lost messages (it was cut off): the rooms read the log at the next check. */
    private volatile boolean missedOnBus;
    private volatile long lastCheck = System.nanoTime();

    /** How often the rooms compare themselves with the log while the bus is up (a lost message costs at most this). */
    static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    /**
     * With several nodes, every second while the bus is down (or right after it lost messages),
     * and every ten seconds besides: each room held here is compared with its log in one query, and
     * what other nodes stored that the bus did not bring is folded in and delivered. Nothing is
     * lost and nothing is sent twice, since both go by sequence number.
     */
    @io.quarkus.scheduler.Scheduled(every = "1s", delayed = "2s", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void checkAgainstTheLog() {
        if (!bus.shared() || rooms.isEmpty()) {
            return;
        }
        boolean due = !bus.connected() || missedOnBus || System.nanoTime() - lastCheck > CHECK_EVERY.toNanos();
        if (due) {
            missedOnBus = false;
            lastCheck = System.nanoTime();
            readTheLog();
        }
    }

    /** Brings every room held here up to its log: fold, then deliver. */
    void readTheLog() {
        Map<UUID, Long> latest = QuarkusTransaction.requiringNew().call(() -> log.latest(List.copyOf(rooms.keySet())));
        for (Runtime runtime : rooms.values()) {
            long last = latest.getOrDefault(runtime.roomId, 0L);
            if (last > runtime.published || last > runtime.state.lastSeq()) {
                runtime.lock.lock();
                try {
                    if (!runtime.stale && !runtime.broken && last > runtime.state.lastSeq()) {
                        long after = runtime.state.lastSeq();
                        QuarkusTransaction.requiringNew().call(() -> log.after(runtime.roomId, after)).forEach(runtime.state::apply);
                    }
                } finally {
                    runtime.lock.unlock();
                }
                deliverUpTo(runtime, last);
            }
        }
    }

    private void closeRemoved(Runtime runtime, UUID participantId) {
        closeFor(runtime, participantId, "removed", "A facilitator has asked you to step out of the room for now.");
    }

    /** The address people open Mutuality at: a browser page from anywhere else may not open a room connection. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "mutuality.identity.public-url")
    String publicUrl;

    /**
     * A new connection, before it says anything. Refused (closed) when a browser opened it from a
     * page of another site (its Origin is neither the public address nor the host it connected
     * to), or when its network address already has too many room connections open.
     */
    public void opened(WebSocketConnection connection) {
        var request = connection.handshakeRequest();
        String origin = request.header("Origin");
        if (origin != null && !sameOrigin(origin, publicUrl) && !origin.endsWith("://" + request.host() + portSuffix(request))
                && !origin.endsWith("://" + request.host())) {
            LOG.debugf("A room connection from a page of %s was refused", origin);
            connection.close(new io.quarkus.websockets.next.CloseReason(4003, "origin not allowed"))
                    .subscribe().with(x -> { }, x -> { });
            return;
        }
        String address = address(connection);
        addressOf.put(connection.id(), address);
        int fromThere = perAddress.computeIfAbsent(address, a -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        if (fromThere > connectionsPerAddress) {
            LOG.debugf("A room connection from %s was refused: %d already open", address, fromThere - 1);
            connection.close(TOO_MANY).subscribe().with(x -> { }, x -> { });
        }
    }

    /** Open room connections per network address, counted as they open and close. */
    private final Map<String, java.util.concurrent.atomic.AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Map<String, String> addressOf = new ConcurrentHashMap<>();

    private void forgetAddress(WebSocketConnection connection) {
        String address = addressOf.remove(connection.id());
        if (address != null) {
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    private static String portSuffix(io.quarkus.websockets.next.HandshakeRequest request) {
        return request.port() > 0 ? ":" + request.port() : "";
    }

    private static boolean sameOrigin(String origin, String url) {
        try {
            java.net.URI a = java.net.URI.create(origin);
            java.net.URI b = java.net.URI.create(url);
            return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                    && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
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

    /** Connections that have not said hello within the limit, at {@code now}. */
    List<WebSocketConnection> silentNewcomers(Instant now) {
        List<WebSocketConnection> silent = new ArrayList<>();
        for (WebSocketConnection connection : openConnections) {
            if (!members.containsKey(connection.id()) && connection.creationTime().plus(helloWithin).isBefore(now)) {
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
            connection.close(NO_HELLO).subscribe().with(x -> { }, x -> { });
        }
        for (WebSocketConnection connection : stalled(System.nanoTime())) {
            LOG.debugf("Closing a connection whose socket has taken nothing for %s", stallLimit);
            connection.close(TOO_FAR_BEHIND).subscribe().with(x -> { }, x -> { });
            dropSocket(connection);
        }
    }

    /**
     * A failure on a connection, outside any message this class was handling. A message over the
     * size limit (in fragments, or a single frame past Netty's limit) is answered {@code too-large},
     * as a large one in a single frame is; a client breaking the WebSocket rules or dropping its
     * connection is the client's doing, logged at DEBUG (the connection is closed either way).
     * Anything else is still an ERROR.
     */
    public void failed(WebSocketConnection connection, Throwable failure) {
        if (tooLarge(failure)) {
            LOG.debugf("Room socket %s: a message over the size limit: %s", connection.id(), failure.getMessage());
            if (connection.isOpen()) {
                send(connection, error(null, "too-large", "A message may be at most 16 KiB."));
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

    /** People erased while this node runs: their connections may not send anything more. */
    private final java.util.Set<UUID> erased = ConcurrentHashMap.newKeySet();

    /**
     * A participant erased themselves: their connections close at once, anything they managed
     * to send in between is scrubbed like the rest, and every room of theirs on this node is folded
     * again from its scrubbed log, so their name and words are gone from memory too.
     */
    void participantErased(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
            ParticipantService.ParticipantErased gone) {
        UUID id = gone.participantId();
        erased.add(id);
        List<UUID> joined = QuarkusTransaction.requiringNew().call(() -> log.roomsJoined(id));
        for (UUID roomId : joined) {
            Optional<Room> room = QuarkusTransaction.requiringNew().call(() -> Room.<Room>findByIdOptional(roomId));
            room.ifPresent(r -> markErased(runtime(r), id));
        }
        // everything they sent comes before the marks, on every node: scrubbing now reaches all of it
        java.util.Set<UUID> touched = new java.util.LinkedHashSet<>(joined);
        touched.addAll(QuarkusTransaction.requiringNew().call(() -> log.erase(id)));
        touched.forEach(this::scrubbed);
    }

    /**
     * Marks in the room's log that a participant was erased, closing their connections here (other
     * nodes close theirs when the mark reaches them), and waits until the mark is stored. Another
     * node storing first only delays it: the mark is decided again, after what that node stored.
     */
    private void markErased(Runtime runtime, UUID participantId) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        do {
            runtime.lock.lock();
            try {
                closeFor(runtime, participantId, "unauthorised", "Your place in this room has been erased, as you asked.");
                serverEvents(runtime, state -> engine.erased(state, participantId, clock.instant()), 0, System.nanoTime());
                runtime.awaitWrites();
                if (!runtime.stale && runtime.deferred.isEmpty()) {
                    return;
                }
            } finally {
                runtime.lock.unlock();
            }
            java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
        } while (System.nanoTime() < deadline && !runtime.broken);
        LOG.warnf("Room %s: the mark of an erasure could not be stored within 10 s", runtime.roomId);
    }

    /**
     * The room's log was scrubbed (an erasure, retention): a mark in the log tells every node to
     * fold its copy again, and this node does so at once.
     */
    void scrubbed(UUID roomId) {
        Optional<Room> room = QuarkusTransaction.requiringNew().call(() -> Room.<Room>findByIdOptional(roomId));
        if (room.isEmpty()) {
            return;
        }
        Runtime runtime = runtime(room.get());
        runtime.lock.lock();
        try {
            serverEvents(runtime, state -> engine.scrubbed(clock.instant()), 0, System.nanoTime());
        } finally {
            runtime.lock.unlock();
        }
        refold(roomId);
    }

    /** Folds this node's copy of a room again from its log, after the log was scrubbed (erasure, retention). */
    void refold(UUID roomId) {
        Runtime runtime = rooms.get(roomId);
        if (runtime != null) {
            runtime.lock.lock();
            try {
                runtime.awaitWrites(); // the fold must not miss what is on its way to the log
                List<RoomEvent> scrubbed = QuarkusTransaction.requiringNew().call(() -> log.after(roomId, 0));
                runtime.state = runtime.state.refolded(scrubbed);
                runtime.commands.forgetAnswers(); // repeats are answered from the scrubbed log
            } finally {
                runtime.lock.unlock();
            }
        }
    }

    /** A trainer who leaves the organisation leaves its rooms at once; a reconnect is refused. */
    void memberRemoved(@jakarta.enterprise.event.Observes(during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
            io.mutuality.identity.IdentityService.MemberRemoved removed) {
        for (Runtime runtime : rooms.values()) {
            if (removed.organisationId().equals(runtime.organisationId)) {
                closeFor(runtime, removed.accountId(), "unauthorised",
                        "You are no longer a member of this organisation, so its rooms are closed to you.");
            }
        }
    }

    /** Closes every connection of this person in the room, telling them why first. */
    private void closeFor(Runtime runtime, UUID personId, String code, String message) {
        for (Member member : List.copyOf(runtime.connections.values())) {
            if (member.actor.id().equals(personId)) {
                send(member.connection, error(null, code, message));
                member.connection.close().subscribe().with(x -> { }, x -> { });
            }
        }
    }

    /** A connection closed; the person's last connection closing means they left. */
    public void closed(WebSocketConnection connection) {
        queued.remove(connection.id());
        forgetAddress(connection);
        Member member = members.remove(connection.id());
        if (member == null) {
            return;
        }
        Runtime runtime = member.room;
        runtime.lock.lock();
        try {
            runtime.connections.remove(connection.id());
            leave(runtime, member.actor, 0, System.nanoTime());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not record that someone left room %s", runtime.roomId);
        } finally {
            runtime.lock.unlock();
        }
    }

    /** The room's state on this node, folded from its log the first time it is needed. */
    Runtime runtime(Room room) {
        return rooms.computeIfAbsent(room.id, id -> {
            Optional<io.mutuality.curriculum.CurriculumApi.ResolvedCourse> course = room.isPractice() ? Optional.empty()
                    : QuarkusTransaction.requiringNew().call(() -> scheduling.curriculum(new OrganisationId(room.organisationId),
                            new CohortId(room.cohortId)));
            RoomState state = new RoomState(agendaTitles(room, course), library(course));
            log.after(id, 0).forEach(state::apply);
            CommandMemory commands = new CommandMemory(answersKept);
            log.commandKeys(id).forEach(key -> commands.known((UUID) key[0], (String) key[1]));
            return new Runtime(id, room.organisationId, state, commands);
        });
    }

    /** Forgets this node's copy of a room, so the next use rebuilds it from the log (tests; a node taking over). */
    void forget(UUID roomId) {
        Runtime runtime = rooms.get(roomId);
        if (runtime != null) {
            runtime.lock.lock();
            try {
                runtime.awaitWrites();
                rooms.remove(roomId, runtime);
            } finally {
                runtime.lock.unlock();
            }
        }
    }

    private Optional<Actor> actor(Room room, SecurityIdentity identity, String token) {
        if (token != null && !token.isBlank()) {
            return new ParticipantTokens(secrets.get("participant-tokens")).verify(token, clock.instant())
                    .filter(claims -> claims.roomId().equals(room.id))
                    .flatMap(claims -> QuarkusTransaction.requiringNew().call(() ->
                            Participant.<Participant>findByIdOptional(claims.participantId())
                                    .filter(p -> !p.isErased())
                                    .map(p -> new Actor(p.id, p.displayName, false))));
        }
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        Caller caller = Caller.of(identity);
        return caller.account().flatMap(account -> {
            boolean facilitates = room.isPractice()
                    ? caller.canSee(room.organisationId)
                    : QuarkusTransaction.requiringNew().call(() -> scheduling.day(new OrganisationId(room.organisationId),
                            new CohortId(room.cohortId), room.dayNumber)
                            .map(day -> RoomService.facilitates(caller, day)).orElse(false));
            if (!facilitates) {
                return Optional.empty();
            }
            String name = QuarkusTransaction.requiringNew().call(() ->
                    accounts.find(account).map(a -> a.displayName()).orElse("Facilitator"));
            return Optional.of(new Actor(account.value(), name, true));
        });
    }

    private static List<String> agendaTitles(Room room, Optional<io.mutuality.curriculum.CurriculumApi.ResolvedCourse> course) {
        return course.filter(c -> room.dayNumber != null && room.dayNumber >= 1 && room.dayNumber <= c.days().size())
                .map(c -> c.days().get(room.dayNumber - 1).agenda().stream().map(s -> s.title()).toList())
                .orElse(List.of());
    }

    /** What the room's activities draw on: the banks, the cohort's own scenarios and pinned modules, the lens. */
    private CurriculumLibrary library(Optional<io.mutuality.curriculum.CurriculumApi.ResolvedCourse> course) {
        Map<String, io.mutuality.curriculum.Curriculum.Activity> rolePlays = new java.util.HashMap<>();
        Map<String, List<String>> tasks = new java.util.HashMap<>();
        course.ifPresent(c -> c.days().forEach(day -> day.agenda().forEach(slot -> {
            if (slot.module() != null) {
                slot.module().activities().stream().filter(a -> "role-play".equals(a.kind())).findFirst().ifPresent(a -> {
                    rolePlays.put(slot.module().id(), a);
                    tasks.put(slot.module().id(), slot.module().tasks());
                });
            }
        })));
        return new CurriculumLibrary(catalogue.curriculum(),
                course.map(c -> c.ownScenarios() == null ? List.<io.mutuality.curriculum.Curriculum.Scenario>of() : c.ownScenarios())
                        .orElse(List.of()), rolePlays, tasks, catalogue.lens());
    }

    /** Lets time do its part in every room this node holds: a round's warning and its end. */
    @io.quarkus.scheduler.Scheduled(every = "${mutuality.live.tick:5s}", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        tick(clock.instant());
    }

    /** The clock's work as of {@code now} (tests move it forward). */
    void tick(Instant now) {
        for (Runtime runtime : rooms.values()) {
            if (runtime.state.roleplayId() == null || runtime.state.ended()) {
                continue;
            }
            runtime.lock.lock();
            try {
                // on several nodes each ticks the rooms it holds: the second to store a round's end finds it
                // taken, folds the log and ticks again, to nothing
                serverEvents(runtime, state -> engine.tick(state, now), 0, System.nanoTime());
            } catch (RuntimeException e) {
                LOG.warnf(e, "Room %s: the round clock could not be recorded", runtime.roomId);
            } finally {
                runtime.lock.unlock();
            }
        }
    }

    private ObjectNode envelope(String type) {
        ObjectNode node = json.createObjectNode();
        node.put("v", 1);
        node.put("type", type);
        return node;
    }

    private ObjectNode error(String id, String code, String message) {
        ObjectNode node = envelope("error");
        if (id != null) {
            node.put("id", id);
        }
        return node.put("code", code).put("message", message);
    }

    private void send(WebSocketConnection connection, ObjectNode message) {
        sendRaw(connection, write(message));
    }

    /**
     * Queues a frame; the connection's writes keep the order they were queued in. Returns the
     * write (done once the socket has taken it), or null when nothing was queued: the connection is
     * closed, or its unread output would pass {@link #maxQueuedBytes}, in which case it is closed
     * with {@link #TOO_FAR_BEHIND}.
     */
    io.smallrye.mutiny.Uni<Void> sendRaw(WebSocketConnection connection, String text) {
        return sendRaw(connection, text, utf8Length(text));
    }

    /** {@link #sendRaw(WebSocketConnection, String)} with the frame's UTF-8 size already counted (fan-out counts once). */
    private io.smallrye.mutiny.Uni<Void> sendRaw(WebSocketConnection connection, String text, long size) {
        if (!connection.isOpen()) {
            return null;
        }
        Outbox outbox = outbox(connection);
        if (!admit(connection, outbox, size)) {
            return null;
        }
        io.smallrye.mutiny.Uni<Void> write = connection.sendText(text).memoize().indefinitely();
        write.subscribe().with(ok -> outbox.taken(size), failure -> outbox.lost(size, failure));
        return write;
    }

    /**
     * A frame to a member through this thread's {@link Fanout}: like {@link #sendRaw}, with the
     * message encoded once for everyone it goes to, and nothing kept for anyone to wait on.
     */
    private void sendFramed(Fanout fanout, Member member, String text, byte[] utf8) {
        WebSocketConnection connection = member.connection;
        if (connection.isOpen() && admit(connection, member.outbox, utf8.length)) {
            Outbox outbox = member.outbox;
            if (member.socket != null) {
                fanout.add(member.socket, utf8, outbox);
            } else {
                connection.sendText(text).subscribe().with(ok -> outbox.taken(utf8.length), failure -> outbox.lost(utf8.length, failure));
            }
        }
    }

    private Outbox outbox(WebSocketConnection connection) {
        return queued.computeIfAbsent(connection.id(), k -> new Outbox());
    }

    /** Counts a frame into the connection's unsent output, or closes a connection that would pass the limit. */
    private boolean admit(WebSocketConnection connection, Outbox outbox, long size) {
        long before = outbox.bytes.getAndAdd(size);
        if (before + size > maxQueuedBytes) {
            outbox.bytes.addAndGet(-size);
            LOG.debugf("Closing a connection that is not reading (%d bytes waiting)", before);
            connection.close(TOO_FAR_BEHIND).subscribe().with(x -> { }, x -> { });
            return false;
        }
        if (before == 0) {
            outbox.movedAt = System.nanoTime(); // the wait starts now
        }
        return true;
    }

    /** Bytes waiting to be written to this connection (tests, metrics). */
    long queuedBytes(WebSocketConnection connection) {
        Outbox outbox = queued.get(connection.id());
        return outbox == null ? 0 : outbox.bytes.get();
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

    boolean stalled(WebSocketConnection connection, long nanoTime) {
        Outbox outbox = queued.get(connection.id());
        return outbox != null && outbox.bytes.get() > 0 && nanoTime - outbox.movedAt > stallLimit.toNanos();
    }

    /** The UTF-8 length of a text, without encoding it. */
    static long utf8Length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private String quote(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
