package io.mutuality.live;

import io.mutuality.live.engine.RoomState;
import io.quarkus.websockets.next.WebSocketConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One room on this node: its state (a cache of its log), the connections in it, and what is on
 * its way to the log. Made by {@link RoomRuntimes}; decided in by {@link LiveRooms}; delivered to
 * by {@link RoomFeed}.
 */
final class RoomRuntime {

    private static final Logger LOG = Logger.getLogger(RoomRuntime.class);

    final UUID roomId;
    final UUID organisationId;
    /**
     * Everything decided, stored or on its way to the log. Replaced only under the lock, by a fold
     * of the log (after an erasure, or when another node stored first).
     */
    volatile RoomState state;
    /** Taken to decide: one command at a time, in the order they are queued for the log. */
    final ReentrantLock lock = new ReentrantLock();
    /** Taken to deliver stored events and to finish a catch-up, so none falls between the two. */
    final ReentrantLock delivery = new ReentrantLock();
    /** The last event stored and delivered (under {@link #delivery}). */
    volatile long published;
    /** Writes queued and not yet stored or failed. */
    final AtomicInteger writing = new AtomicInteger();
    /** A write failed: this copy is ahead of the log and is being replaced. */
    volatile boolean broken;
    /**
     * Another writer (another node) stored first: this copy is folded again from the log, and what
     * it decided since is taken back and decided again ({@link #deferred}), in order.
     */
    volatile boolean stale;
    /** Decisions taken back, waiting to be decided again once the copy is folded from the log. */
    final List<Origin> deferred = new ArrayList<>();
    /** A fold from the log is scheduled or under way. */
    final AtomicBoolean recovering = new AtomicBoolean();
    /**
     * While the room is decided again after another node stored first: the writes decided, kept to
     * be stored in the transaction that read the log ({@link GroupCommit#exclusive}), not queued
     * (under the lock).
     */
    List<GroupCommit.Write> collecting;
    /** Numbers this room's decisions in the order its lock took them (under the lock). */
    long decisions;

    final CommandMemory commands;
    final Map<String, RoomMember> connections = new ConcurrentHashMap<>();

    RoomRuntime(UUID roomId, UUID organisationId, RoomState state, CommandMemory commands) {
        this.roomId = roomId;
        this.organisationId = organisationId;
        this.state = state;
        this.published = state.lastSeq();
        this.commands = commands;
    }

    /**
     * What the writer needs to finish a write: the room as decided, who to answer, and how to
     * decide it again if another node stored first ({@code attempt} counts the tries).
     */
    record Origin(
            RoomRuntime runtime,
            RoomMember sender,
            WebSocketConnection replyTo,
            String commandId,
            Redo redo,
            int attempt,
            long order,
            long firstTried) {}

    /** A decision taken again, under the room's lock, on the room as the log holds it. */
    @FunctionalInterface
    interface Redo {
        void again(int attempt, long firstTried);
    }

    /** A decision to take again once the room is folded from the log (the writer's thread, or under the lock). */
    void defer(Origin origin) {
        synchronized (deferred) {
            deferred.add(origin);
        }
    }

    /** The decisions taken back, in the order the room first took them; the list is left empty. */
    List<Origin> takeDeferred() {
        List<Origin> again;
        synchronized (deferred) {
            again = new ArrayList<>(deferred);
            deferred.clear();
        }
        again.sort(java.util.Comparator.comparingLong(Origin::order));
        return again;
    }

    boolean nothingDeferred() {
        synchronized (deferred) {
            return deferred.isEmpty();
        }
    }

    /** Whether this person has a connection to the room on this node. */
    boolean here(UUID personId) {
        return connections.values().stream().anyMatch(m -> m.actor.id().equals(personId));
    }

    /** Waits, holding the lock, until everything this room queued is stored (before folding the log again). */
    void awaitWrites() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (writing.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000);
        }
        if (writing.get() > 0) {
            LOG.warnf(
                    "Room %s: %d writes still on their way to the log after 10 s; going on without them",
                    roomId, writing.get());
        }
    }
}
