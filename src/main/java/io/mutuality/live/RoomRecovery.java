package io.mutuality.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.live.RoomRuntime.Origin;
import io.mutuality.live.engine.RoomEngine;
import io.mutuality.live.engine.RoomEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * When a room's write was not stored: deciding again on the log's state when another node stored
 * first, or dropping the room's copy here when the database failed (its connections reconnect and
 * catch up from the log; the sender is told to send again). See
 * docs/decisions/0006-rooms-across-nodes.md.
 */
@ApplicationScoped
public class RoomRecovery {

    private static final Logger LOG = Logger.getLogger(RoomRecovery.class);

    @Inject
    LiveRooms rooms;

    @Inject
    RoomRuntimes runtimes;

    @Inject
    RoomConnections connections;

    @Inject
    RoomFeed feed;

    @Inject
    RoomLog log;

    @Inject
    GroupCommit commits;

    @Inject
    RoomEngine engine;

    @Inject
    ObjectMapper json;

    /**
     * How long one decision is taken again and again while other nodes store first, before the
     * sender is told to send it again. A burst from another node (a whole room answering there at
     * once) can win many appends in a row; it ends, and this node's decisions go in after it.
     */
    @ConfigProperty(name = "mutuality.live.decide-again-within", defaultValue = "10s")
    Duration decideAgainWithin;

    /** Times a room's copy on this node was folded again because another node stored first (metrics, tests). */
    private final LongAdder conflicts = new LongAdder();

    private RoomWire wire;

    @PostConstruct
    void start() {
        wire = new RoomWire(json, engine.activities());
    }

    /** How often a room here was folded again because another node stored first (a method: the bean is reached through a proxy). */
    long refolds() {
        return conflicts.sum();
    }

    /**
     * A write was not stored. If another node stored first, it is taken back to be decided again
     * on the log's state. Otherwise the room's copy here is ahead of its log by what was lost, so
     * it is dropped: its connections are asked to reconnect (they catch up from the log, losing
     * nothing that was acknowledged), and the sender is told to send again.
     */
    void notStored(GroupCommit.Write write, Exception cause) {
        Origin origin = (Origin) write.context();
        RoomRuntime runtime = origin.runtime();
        try {
            if (!runtime.broken && (runtime.stale || GroupCommit.conflict(cause))) {
                runtime.stale = true;
                runtime.defer(origin);
                return;
            }
            if (origin.replyTo() != null && write.commandId() != null) {
                connections.send(origin.replyTo(), wire.error(write.commandId(), "unavailable", LiveRooms.UNAVAILABLE));
            }
            dropCopy(runtime);
        } finally {
            if (runtime.writing.decrementAndGet() == 0
                    && runtime.stale
                    && runtime.recovering.compareAndSet(false, true)) {
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
                    last[0] =
                            events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
                    runtime.state = runtime.state.refolded(events);
                    runtime.commands.forgetAnswers(); // answers remembered for what was taken back are not answers
                    runtime.collecting = collected;
                    try {
                        for (Origin origin : again) {
                            if (System.nanoTime() - origin.firstTried() > decideAgainWithin.toNanos()) {
                                LOG.warnf(
                                        "Room %s: a decision was taken back %d times in %s as other nodes stored first; given up",
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
            stored.forEach(rooms::stored);
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
            LOG.warnf(
                    "Room %s: its copy on this node was dropped after a failed write; its connections reconnect",
                    runtime.roomId);
            for (RoomMember member : List.copyOf(runtime.connections.values())) {
                RoomConnections.close(member.connection, RoomConnections.RELOADING);
            }
        }
    }

    private void giveUp(Origin origin) {
        if (origin.replyTo() != null && origin.commandId() != null) {
            connections.send(origin.replyTo(), wire.error(origin.commandId(), "unavailable", LiveRooms.UNAVAILABLE));
        }
    }
}
