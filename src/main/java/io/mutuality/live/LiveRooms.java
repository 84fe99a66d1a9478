package io.mutuality.live;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The live rooms' one path for a command: the room's lock, the repeat check, the
 * {@link RoomEngine}'s decision, the append (its events numbered, folded into the room's copy and
 * queued for the {@link GroupCommit} writer), and, once the write is durable, the answer to the
 * sender and the events to the {@link RoomBus}. Around it: frames and hello from the socket
 * ({@link RoomEntrance}, {@link RoomAdmission}), the rooms held here ({@link RoomRuntimes}), the
 * connections ({@link RoomConnections}), what reaches them ({@link RoomFeed}), deciding again when
 * another node stored first ({@link RoomRecovery}), and the clock and erasures ({@link RoomUpkeep}).
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
    RoomRecovery recovery;

    @Inject
    RoomEngine engine;

    private RoomWire wire;

    @PostConstruct
    void start() {
        wire = new RoomWire(json, engine.activities());
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
                recovery.notStored(write, cause);
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

    // ---- deciding

    /** A command from a member of a room (after hello): decided under the room's lock. */
    void command(RoomMember member, Command command) {
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
            connections.send(
                    member.connection,
                    wire.error(command.id(), "unauthorised", "Your place in this room has been erased."));
            RoomConnections.close(member.connection, null);
            return;
        }
        if (runtime.broken) {
            connections.send(member.connection, wire.error(command.id(), "unavailable", UNAVAILABLE));
            return;
        }
        Redo redo = (again, first) -> decide(member, command, again, first);
        Origin origin = new Origin(
                runtime, member, member.connection, command.id(), redo, attempt, runtime.decisions++, firstTried);
        if (runtime.stale) {
            runtime.defer(origin);
            return;
        }
        CommandMemory.Recall recall = runtime.commands.recall(actorId, command.id());
        String earlier = recall instanceof CommandMemory.Recall.Answered answered
                ? answered.answer()
                : recall instanceof CommandMemory.Recall.AskTheLog || attempt > 0
                        // deciding again runs inside the transaction that holds the room (recover): the lookup joins it
                        ? QuarkusTransaction.joiningExisting()
                                .call(() -> log.answered(runtime.roomId, actorId, command.id()))
                                .orElse(null)
                        : null;
        if (earlier != null) {
            // queued behind the first answer's write: a repeat is never answered before the original is stored
            submit(
                    runtime,
                    new GroupCommit.Write(runtime.roomId, List.of(), actorId, command.id(), earlier, false, origin));
            return;
        }
        Decision decision = engine.decide(runtime.state, member.actor, command, clock.instant());
        if (decision instanceof Decision.Rejected rejected) {
            String answer = wire.error(command.id(), rejected.code(), rejected.message());
            runtime.commands.remember(actorId, command.id(), answer);
            submit(
                    runtime,
                    new GroupCommit.Write(runtime.roomId, List.of(), actorId, command.id(), answer, true, origin));
            return;
        }
        append(runtime, ((Decision.Accepted) decision).events(), origin);
    }

    /** Someone's first connection to the room: they arrive (once, however many nodes they connect to). */
    void arrive(RoomRuntime runtime, RoomMember member, int attempt, long firstTried) {
        if (runtime.state.ended() || runtime.broken || !runtime.connections.containsKey(member.connection.id())) {
            return;
        }
        serverEvents(
                runtime,
                state -> engine.arrive(state, member.actor, clock.instant()),
                (again, first) -> arrive(runtime, member, again, first),
                attempt,
                firstTried);
    }

    /** Someone's last connection here closed: they left, unless they came back meanwhile. */
    void leave(RoomRuntime runtime, Actor actor, int attempt, long firstTried) {
        if (runtime.here(actor.id()) || runtime.state.ended() || runtime.broken) {
            return;
        }
        serverEvents(
                runtime,
                state -> engine.leave(state, actor, clock.instant()),
                (again, first) -> leave(runtime, actor, again, first),
                attempt,
                firstTried);
    }

    /** Events the server makes itself (the clock, an erasure's marks), decided again like any other if another node stored first. */
    void serverEvents(RoomRuntime runtime, Function<RoomState, List<RoomEvent>> decide) {
        serverEvents(runtime, decide, null, 0, System.nanoTime());
    }

    private void serverEvents(
            RoomRuntime runtime, Function<RoomState, List<RoomEvent>> decide, Redo redo, int attempt, long firstTried) {
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
    void stored(GroupCommit.Write write) {
        Origin origin = (Origin) write.context();
        try {
            if (origin.sender() != null && write.answer() != null) {
                byte[] utf8 = write.answer().getBytes(StandardCharsets.UTF_8);
                connections.sendFramed(Fanout.current(), origin.sender(), write.answer(), utf8);
            } else if (origin.replyTo() != null && write.answer() != null) {
                connections.sendRaw(origin.replyTo(), write.answer());
            }
            if (!write.events().isEmpty()) {
                bus.publish(new RoomBus.Stored(
                        write.roomId(),
                        write.events(),
                        write.remember() ? write.actorId() : null,
                        write.remember() ? write.commandId() : null));
            }
        } finally {
            origin.runtime().writing.decrementAndGet();
        }
    }
}
