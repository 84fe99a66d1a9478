package io.mutuality.live;

import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.Decision;
import io.mutuality.live.engine.RoomEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;

/**
 * What happens to the rooms this node holds without anyone sending a command: the clock (a
 * round's warning and its end), a participant's erasure, a log scrubbed by retention, and a
 * trainer leaving the organisation. The events it makes go through {@link LiveRooms} like any
 * other, decided again if another node stored first.
 */
@ApplicationScoped
public class RoomUpkeep {

    private static final Logger LOG = Logger.getLogger(RoomUpkeep.class);

    @Inject
    LiveRooms rooms;

    @Inject
    RoomRuntimes runtimes;

    @Inject
    RoomConnections connections;

    @Inject
    RoomLog log;

    @Inject
    RoomEngine engine;

    @Inject
    Clock clock;

    /** Lets time do its part in every room this node holds: a round's warning and its end. */
    @io.quarkus.scheduler.Scheduled(
            every = "${mutuality.live.tick:5s}",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
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
                rooms.serverEvents(runtime, state -> engine.tick(state, now));
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
    void participantErased(
            @Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantService.ParticipantErased gone) {
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
                connections.closeFor(
                        runtime,
                        participantId,
                        "unauthorised",
                        "Your place in this room has been erased, as you asked.");
                rooms.serverEvents(runtime, state -> engine.erased(state, participantId, clock.instant()));
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
            rooms.serverEvents(runtime, state -> engine.scrubbed(clock.instant()));
        } finally {
            runtime.lock.unlock();
        }
        runtimes.refold(roomId);
    }

    /** A trainer who leaves the organisation leaves its rooms on this node at once; a reconnect is refused everywhere. */
    void memberRemoved(
            @Observes(during = TransactionPhase.AFTER_SUCCESS)
                    io.mutuality.identity.IdentityService.MemberRemoved removed) {
        for (RoomRuntime runtime : runtimes.all()) {
            if (removed.organisationId().equals(runtime.organisationId)) {
                connections.closeFor(
                        runtime,
                        removed.accountId(),
                        "unauthorised",
                        "You are no longer a member of this organisation, so its rooms are closed to you.");
            }
        }
    }

    /**
     * A practice room was closed: its day ends as when a facilitator ends it (timers cleared, a
     * role-play ended, then {@code day.ended}), so everyone in it sees the end at once, on every node.
     */
    void practiceRoomClosed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomService.PracticeRoomClosed closed) {
        Optional<Room> room =
                QuarkusTransaction.requiringNew().call(() -> Room.<Room>findByIdOptional(closed.roomId()));
        if (room.isEmpty()) {
            return;
        }
        RoomRuntime runtime = runtimes.runtime(room.get());
        Actor closer = new Actor(closed.by(), "Facilitator", true);
        runtime.lock.lock();
        try {
            rooms.serverEvents(
                    runtime,
                    state -> engine.decide(state, closer, new Command.DayEnd("close-practice-room"), clock.instant())
                                    instanceof Decision.Accepted accepted
                            ? accepted.events()
                            : List.of());
        } finally {
            runtime.lock.unlock();
        }
    }
}
