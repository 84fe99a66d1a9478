package io.mutuality.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mutuality.common.RateLimiter;
import io.mutuality.common.RateLimits;
import io.mutuality.live.RoomRuntime.Origin;
import io.mutuality.live.RoomRuntime.Redo;
import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.Decision;
import io.mutuality.live.engine.RoomEngine;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.RoomState;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The live rooms' one path for a command: the room's lock, the repeat check, the
 * {@link RoomEngine}'s decision, the append (its events numbered, folded into the room's copy and
 * queued for the {@link GroupCommit} writer), and, once the write is durable, the answer to the
 * sender and the events to the {@link RoomBus}. Around it: who comes in ({@link RoomAdmission}),
 * the rooms held here ({@link RoomRuntimes}), the connections ({@link RoomConnections}) and what
 * reaches them ({@link RoomFeed}).
 *
 * <p>With several nodes the log orders: a write another node beat to the room's next number is
 * refused by the log, and the room is folded again from the log and decides again what it had
 * decided since, in order (see docs/decisions/0006-rooms-across-nodes.md). A write that fails for
 * any other reason drops the room's copy here: its connections reconnect and catch up from the
 * log, and the sender is told to send again.
 */
@ApplicationScoped
public class LiveRooms {

    private static final Logger LOG = Logger.getLogger(LiveRooms.class);

    static final String UNAVAILABLE = "The room could not save that just now. Please send it again.";

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
    RateLimits limits;

    @Inject
    RoomRuntimes runtimes;

    @Inject
    RoomConnections connections;

    @Inject
    RoomFeed feed;

    @Inject
    RoomAdmission admission;

    @Inject
    RoomEngine engine;

    private RoomWire wire;
    private RateLimiter commandLimit;
    private RateLimiter pingLimit;

    /** Pings one connection may send in ten seconds (a heartbeat every few seconds is well inside it). */
    static final int PINGS_PER_CONNECTION = 30;

    /** Commands one person may send in ten seconds, across all their connections. */
    @ConfigProperty(name = "mutuality.live.commands-per-person", defaultValue = "20")
    int commandsPerPerson;

    /** Connections one person may have open to one room (tabs, a laptop and a phone). */
    @ConfigProperty(name = "mutuality.live.connections-per-person", defaultValue = "4")
    int connectionsPerPerson;

    /**
     * How long one decision is taken again and again while other nodes store first, before the
     * sender is told to send it again. A burst from another node (a whole room answering there at
     * once) can win many appends in a row; it ends, and this node's decisions go in after it.
     */
    @ConfigProperty(name = "mutuality.live.decide-again-within", defaultValue = "10s")
    Duration decideAgainWithin;

    /** Times a room's copy on this node was folded again because another node stored first (metrics, tests). */
    private final LongAdder conflicts = new LongAdder();

    /** How often a room here was folded again because another node stored first (a method: the bean is reached through a proxy). */
    long refolds() {
        return conflicts.sum();
    }

    @PostConstruct
    void start() {
        wire = new RoomWire(json, engine.activities());
        commandLimit = limits.limiter("room-commands-per-person", commandsPerPerson, Duration.ofSeconds(10));
        pingLimit = limits.local("room-pings-per-connection", PINGS_PER_CONNECTION, Duration.ofSeconds(10));
        feed.listen();
        commits.outcome(new GroupCommit.Outcome() {
            @Override
            public boolean abandoned(GroupCommit.Write write) {
                RoomRuntime runtime = ((Origin) write.context()).runtime();
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

    // ---- from the socket

    /** A text frame from a client. Nothing in it can break the room: every problem becomes an error message. */
    public void receive(WebSocketConnection connection, String code, SecurityIdentity identity, String text) {
        connections.heard(connection);
        RoomWire.Read read = wire.read(text);
        if (read instanceof RoomWire.Read.Refused refused) {
            connections.send(connection, refused.answer());
            return;
        }
        Command command = ((RoomWire.Read.Ok) read).command();
        RoomMember member = connections.member(connection);
        // a ping only asks whether the connection is alive (clients send one every few seconds): it is limited per
        // connection, on this node, and never takes from the person's commands
        String limitKey = member == null ? connection.id() : member.room.roomId + "/" + member.actor.id();
        if (command instanceof Command.Ping && member != null
                ? pingLimit.acquire(connection.id()) > 0 : commandLimit.acquire(limitKey) > 0) {
            connections.send(connection, wire.error(command.id(), "rate-limited", "That is a lot of messages at once; wait a moment."));
            return;
        }
        try {
            if (command instanceof Command.Hello hello) {
                hello(connection, code, identity, hello);
            } else if (member == null) {
                connections.send(connection, wire.error(command.id(), "hello-first", "Send hello first."));
            } else if (command instanceof Command.Ping) {
                connections.send(connection, wire.pong(command.id()));
            } else {
                command(member, command);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "A room command failed (room %s)", code);
            connections.send(connection, wire.error(command.id(), "invalid", "The room could not do that just now. Please try again."));
        }
    }

    private void hello(WebSocketConnection connection, String code, SecurityIdentity identity, Command.Hello hello) {
        if (connections.saidHello(connection)) {
            connections.send(connection, wire.error(hello.id(), "invalid", "You have already said hello on this connection."));
            return;
        }
        Optional<Room> found = admission.room(code);
        if (found.isEmpty()) {
            refuse(connection, hello.id(), "not-found", "There is no room with that code.");
            return;
        }
        Room room = found.get();
        Optional<Actor> actor = admission.actor(room, identity, hello.token());
        if (actor.isEmpty()) {
            refuse(connection, hello.id(), "unauthorised", "Join the room with its code first, or sign in as its facilitator.");
            return;
        }
        RoomRuntime runtime = runtimes.runtime(room);
        RoomMember member;
        runtime.lock.lock();
        try {
            if (!actor.get().facilitator() && runtime.state.isRemoved(actor.get().id())) {
                refuse(connection, hello.id(), "removed", "A facilitator has asked you to step out of the room for now.");
                return;
            }
            long open = runtime.connections.values().stream().filter(m -> m.actor.id().equals(actor.get().id())).count();
            if (open >= connectionsPerPerson) {
                refuse(connection, hello.id(), "too-many-connections", "This room is already open in "
                        + open + " windows or devices of yours; close one of them first.");
                return;
            }
            long lastSeq = hello.lastSeq() == null ? 0 : Math.max(0, hello.lastSeq());
            long published = runtime.published;
            connections.send(connection, welcome(room, actor.get(), published));
            member = connections.join(connection, actor.get(), runtime);
            member.delivered = Math.min(lastSeq, published);
            arrive(runtime, member, 0, System.nanoTime());
        } finally {
            runtime.lock.unlock();
        }
        feed.catchUp(member);
    }

    private void refuse(WebSocketConnection connection, String id, String code, String message) {
        connections.send(connection, wire.error(id, code, message));
        RoomConnections.close(connection, null);
    }

    private String welcome(Room room, Actor actor, long published) {
        ObjectNode welcome = wire.envelope("welcome");
        welcome.putObject("you").put("kind", actor.facilitator() ? "facilitator" : "participant")
                .put("id", actor.id().toString()).put("name", actor.name());
        Map<String, Object> about = new java.util.LinkedHashMap<>();
        about.put("code", room.code);
        about.put("cohortTitle", admission.title(room));
        about.put("dayNumber", room.dayNumber);
        about.put("closesAt", room.closesAt.toString());
        welcome.set("room", json.valueToTree(about));
        welcome.put("latestSeq", published);
        welcome.put("now", clock.instant().toString());
        return wire.write(welcome);
    }

    /** A connection closed; the person's last connection here closing means they left. */
    public void closed(WebSocketConnection connection) {
        RoomMember member = connections.closed(connection);
        if (member == null) {
            return;
        }
        RoomRuntime runtime = member.room;
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

    // ---- deciding

    private void command(RoomMember member, Command command) {
        RoomRuntime runtime = member.room;
        runtime.lock.lock();
        try {
            decide(member, command, 0, System.nanoTime());
        } finally {
            runtime.lock.unlock();
        }
    }

    /**
     * Repeat check, decide, append: one command under its room's lock. {@code attempt} is above 0
     * when the command is decided again because another node stored first; then its id is looked up
     * in the log whatever this node remembers, since that node may have answered it.
     */
    private void decide(RoomMember member, Command command, int attempt, long firstTried) {
        RoomRuntime runtime = member.room;
        UUID actorId = member.actor.id();
        if (connections.isErased(actorId) || runtime.state.isErased(actorId)) {
            refuse(member.connection, command.id(), "unauthorised", "Your place in this room has been erased.");
            return;
        }
        if (runtime.broken) {
            connections.send(member.connection, wire.error(command.id(), "unavailable", UNAVAILABLE));
            return;
        }
        Redo redo = (again, first) -> decide(member, command, again, first);
        Origin origin = new Origin(runtime, member, member.connection, command.id(), redo, attempt, runtime.decisions++, firstTried);
        if (runtime.stale) {
            runtime.defer(origin);
            return;
        }
        CommandMemory.Recall recall = runtime.commands.recall(actorId, command.id());
        String earlier = recall instanceof CommandMemory.Recall.Answered answered ? answered.answer()
                : recall instanceof CommandMemory.Recall.AskTheLog || attempt > 0
                        // deciding again runs inside the transaction that holds the room (recover): the lookup joins it
                        ? QuarkusTransaction.joiningExisting().call(() -> log.answered(runtime.roomId, actorId, command.id())).orElse(null)
                        : null;
        if (earlier != null) {
            // queued behind the first answer's write: a repeat is never answered before the original is stored
            submit(runtime, new GroupCommit.Write(runtime.roomId, List.of(), actorId, command.id(), earlier, false, origin));
            return;
        }
        Decision decision = engine.decide(runtime.state, member.actor, command, clock.instant());
        if (decision instanceof Decision.Rejected rejected) {
            String answer = wire.error(command.id(), rejected.code(), rejected.message());
            runtime.commands.remember(actorId, command.id(), answer);
            submit(runtime, new GroupCommit.Write(runtime.roomId, List.of(), actorId, command.id(), answer, true, origin));
            return;
        }
        append(runtime, ((Decision.Accepted) decision).events(), origin);
    }

    /** Someone's first connection to the room: they arrive (once, however many nodes they connect to). */
    private void arrive(RoomRuntime runtime, RoomMember member, int attempt, long firstTried) {
        if (runtime.state.ended() || runtime.broken || !runtime.connections.containsKey(member.connection.id())) {
            return;
        }
        serverEvents(runtime, state -> engine.arrive(state, member.actor, clock.instant()),
                (again, first) -> arrive(runtime, member, again, first), attempt, firstTried);
    }

    /** Someone's last connection here closed: they left, unless they came back meanwhile. */
    private void leave(RoomRuntime runtime, Actor actor, int attempt, long firstTried) {
        if (runtime.here(actor.id()) || runtime.state.ended() || runtime.broken) {
            return;
        }
        serverEvents(runtime, state -> engine.leave(state, actor, clock.instant()),
                (again, first) -> leave(runtime, actor, again, first), attempt, firstTried);
    }

    /** Events the server makes itself (the clock, an erasure's marks), decided again like any other if another node stored first. */
    private void serverEvents(RoomRuntime runtime, Function<RoomState, List<RoomEvent>> decide) {
        serverEvents(runtime, decide, null, 0, System.nanoTime());
    }

    private void serverEvents(RoomRuntime runtime, Function<RoomState, List<RoomEvent>> decide, Redo redo, int attempt,
            long firstTried) {
        if (runtime.broken) {
            return;
        }
        Redo again = redo != null ? redo : (next, first) -> serverEvents(runtime, decide, null, next, first);
        Origin origin = new Origin(runtime, null, null, null, again, attempt, runtime.decisions++, firstTried);
        if (runtime.stale) {
            runtime.defer(origin);
        } else {
            append(runtime, decide.apply(runtime.state), origin);
        }
    }

    /**
     * Numbers events, folds them into the room's copy and queues them (with the command's answer)
     * for the log. Called with the room's lock held; the sender is answered, and the events
     * delivered, once the write is durable ({@link #stored}).
     */
    private void append(RoomRuntime runtime, List<RoomEvent> events, Origin origin) {
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
        UUID actorId = origin.sender() == null ? null : origin.sender().actor.id();
        if (commandId != null) {
            ack = wire.ack(commandId, stored);
            runtime.commands.remember(actorId, commandId, ack);
        }
        stored.forEach(s -> runtime.state.apply(s.event()));
        submit(runtime, new GroupCommit.Write(runtime.roomId, stored, actorId, commandId, ack, true, origin));
    }

    private void submit(RoomRuntime runtime, GroupCommit.Write write) {
        runtime.writing.incrementAndGet();
        if (runtime.collecting != null) {
            runtime.collecting.add(write); // decided again: stored with the read of the log, see recover
        } else {
            commits.submit(write);
        }
    }

    // ---- once the writer is done

    /** A write is durable: its answer goes to the sender, then its events to every node's connections. */
    private void stored(GroupCommit.Write write) {
        Origin origin = (Origin) write.context();
        try {
            if (origin.sender() != null && write.answer() != null) {
                byte[] utf8 = write.answer().getBytes(StandardCharsets.UTF_8);
                connections.sendFramed(Fanout.current(), origin.sender(), write.answer(), utf8);
            } else if (origin.replyTo() != null && write.answer() != null) {
                connections.sendRaw(origin.replyTo(), write.answer());
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
     * A write was not stored. If another node stored first, it is taken back to be decided again
     * on the log's state. Otherwise the room's copy here is ahead of its log by what was lost, so
     * it is dropped: its connections are asked to reconnect (they catch up from the log, losing
     * nothing that was acknowledged), and the sender is told to send again.
     */
    private void notStored(GroupCommit.Write write, Exception cause) {
        Origin origin = (Origin) write.context();
        RoomRuntime runtime = origin.runtime();
        try {
            if (!runtime.broken && (runtime.stale || GroupCommit.conflict(cause))) {
                runtime.stale = true;
                runtime.defer(origin);
                return;
            }
            if (origin.replyTo() != null && write.commandId() != null) {
                connections.send(origin.replyTo(), wire.error(write.commandId(), "unavailable", UNAVAILABLE));
            }
            dropCopy(runtime);
        } finally {
            if (runtime.writing.decrementAndGet() == 0 && runtime.stale && runtime.recovering.compareAndSet(false, true)) {
                Infrastructure.getDefaultWorkerPool().execute(() -> recover(runtime));
            }
        }
    }

    /**
     * Another node stored first. Every write this room had on its way is back (taken back or
     * failed). In one transaction holding the room's row, so that no other node can store in the
     * room meanwhile: the copy is folded again from the log, every decision taken back is decided
     * again in the order the room first took them, and what they decided is stored. Then the
     * senders are answered, and what the log holds that the connections here have not seen goes
     * out to them, this node's new events after it. A decision first tried longer than
     * {@link #decideAgainWithin} ago is given up and its sender told to send it again.
     *
     * <p>Holding the row is what makes this fair: a node busy writing the room cannot slip in
     * between the read and the write, so a node that met another's write once gets in on the
     * next try, rather than trying again for as long as the other stays busy.
     */
    void recover(RoomRuntime runtime) {
        conflicts.increment();
        long logged = 0;
        List<GroupCommit.Write> stored = List.of();
        List<GroupCommit.Write> failed = List.of();
        Exception failure = null;
        runtime.lock.lock();
        try {
            runtime.awaitWrites();
            List<Origin> again = runtime.takeDeferred();
            runtime.stale = false;
            runtime.recovering.set(false);
            long[] last = {0};
            List<GroupCommit.Write> collected = new ArrayList<>();
            try {
                stored = commits.exclusive(runtime.roomId, () -> {
                    collected.clear();
                    List<RoomEvent> events = log.after(runtime.roomId, 0);
                    last[0] = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
                    runtime.state = runtime.state.refolded(events);
                    runtime.commands.forgetAnswers(); // answers remembered for what was taken back are not answers
                    runtime.collecting = collected;
                    try {
                        for (Origin origin : again) {
                            if (System.nanoTime() - origin.firstTried() > decideAgainWithin.toNanos()) {
                                LOG.warnf("Room %s: a decision was taken back %d times in %s as other nodes stored first; given up",
                                        runtime.roomId, origin.attempt() + 1, decideAgainWithin);
                                giveUp(origin);
                                continue;
                            }
                            try {
                                origin.redo().again(origin.attempt() + 1, origin.firstTried());
                            } catch (RuntimeException e) {
                                LOG.warnf(e, "Room %s: a decision could not be taken again", runtime.roomId);
                                giveUp(origin);
                            }
                        }
                    } finally {
                        runtime.collecting = null;
                    }
                    return List.copyOf(collected);
                });
                logged = last[0];
            } catch (RuntimeException e) {
                // not stored: the copy may be ahead of the log, so nothing more is decided on it
                failed = List.copyOf(collected);
                failure = e;
                if (GroupCommit.conflict(e)) {
                    runtime.stale = !failed.isEmpty(); // the writes come back below and are decided again
                } else {
                    LOG.warnf(e, "Room %s: deciding again after another node stored first failed", runtime.roomId);
                    dropCopy(runtime);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Room %s: its copy could not be folded again from the log", runtime.roomId);
            runtime.recovering.set(false);
        } finally {
            runtime.lock.unlock();
        }
        feed.deliverUpTo(runtime, logged); // what another node stored and this node's connections have not had yet
        Fanout.current().hold();
        try {
            stored.forEach(this::stored);
        } finally {
            Fanout.current().release();
        }
        for (GroupCommit.Write write : failed) {
            notStored(write, failure);
        }
    }

    /** The room's copy here is ahead of its log by what was not stored: dropped, and its connections asked to reconnect. */
    private void dropCopy(RoomRuntime runtime) {
        if (!runtime.broken) {
            runtime.broken = true;
            runtimes.drop(runtime);
            LOG.warnf("Room %s: its copy on this node was dropped after a failed write; its connections reconnect", runtime.roomId);
            for (RoomMember member : List.copyOf(runtime.connections.values())) {
                RoomConnections.close(member.connection, RoomConnections.RELOADING);
            }
        }
    }

    private void giveUp(Origin origin) {
        if (origin.replyTo() != null && origin.commandId() != null) {
            connections.send(origin.replyTo(), wire.error(origin.commandId(), "unavailable", UNAVAILABLE));
        }
    }

    // ---- time

    /** Lets time do its part in every room this node holds: a round's warning and its end. */
    @io.quarkus.scheduler.Scheduled(every = "${mutuality.live.tick:5s}", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        tick(clock.instant());
    }

    /** The clock's work as of {@code now} (tests move it forward). */
    void tick(Instant now) {
        for (RoomRuntime runtime : runtimes.all()) {
            if (!engine.ticking(runtime.state)) {
                continue;
            }
            runtime.lock.lock();
            try {
                // on several nodes each ticks the rooms it holds: the second to store a round's end finds it
                // taken, folds the log and ticks again, to nothing
                serverEvents(runtime, state -> engine.tick(state, now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Room %s: the round clock could not be recorded", runtime.roomId);
            } finally {
                runtime.lock.unlock();
            }
        }
    }

    // ---- erasure, retention, members leaving

    /**
     * A participant erased themselves. Each room they joined gets a mark in its log (from it on,
     * every node refuses anything more from them and closes their connections); then the log is
     * scrubbed, which now reaches everything they sent on any node, and a second mark makes every
     * node fold its copy again, so their name and words are gone from memory too.
     */
    void participantErased(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantService.ParticipantErased gone) {
        UUID id = gone.participantId();
        connections.erased(id);
        List<UUID> joined = QuarkusTransaction.requiringNew().call(() -> log.roomsJoined(id));
        for (UUID roomId : joined) {
            Optional<Room> room = QuarkusTransaction.requiringNew().call(() -> Room.<Room>findByIdOptional(roomId));
            room.ifPresent(r -> markErased(runtimes.runtime(r), id));
        }
        Set<UUID> touched = new LinkedHashSet<>(joined);
        touched.addAll(QuarkusTransaction.requiringNew().call(() -> log.erase(id)));
        touched.forEach(this::scrubbed);
    }

    /**
     * Marks in the room's log that a participant was erased, closing their connections here (other
     * nodes close theirs when the mark reaches them), and waits until the mark is stored. Another
     * node storing first only delays it: the mark is decided again, after what that node stored.
     */
    private void markErased(RoomRuntime runtime, UUID participantId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        do {
            runtime.lock.lock();
            try {
                connections.closeFor(runtime, participantId, "unauthorised", "Your place in this room has been erased, as you asked.");
                serverEvents(runtime, state -> engine.erased(state, participantId, clock.instant()));
                runtime.awaitWrites();
                if (!runtime.stale && runtime.nothingDeferred()) {
                    return;
                }
            } finally {
                runtime.lock.unlock();
            }
            LockSupport.parkNanos(20_000_000);
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
        RoomRuntime runtime = runtimes.runtime(room.get());
        runtime.lock.lock();
        try {
            serverEvents(runtime, state -> engine.scrubbed(clock.instant()));
        } finally {
            runtime.lock.unlock();
        }
        runtimes.refold(roomId);
    }

    /** A trainer who leaves the organisation leaves its rooms on this node at once; a reconnect is refused everywhere. */
    void memberRemoved(@Observes(during = TransactionPhase.AFTER_SUCCESS) io.mutuality.identity.IdentityService.MemberRemoved removed) {
        for (RoomRuntime runtime : runtimes.all()) {
            if (removed.organisationId().equals(runtime.organisationId)) {
                connections.closeFor(runtime, removed.accountId(), "unauthorised",
                        "You are no longer a member of this organisation, so its rooms are closed to you.");
            }
        }
    }
}
