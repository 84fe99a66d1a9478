package io.mutuality.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutuality.live.engine.RoomEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import org.jboss.logging.Logger;

/**
 * What reaches a room's connections on this node, and how: a newcomer's catch-up from the log,
 * then every stored event once, in sequence order, to each connection allowed to see it, whether
 * this node stored it or another node did (then it is folded into this node's copy first). An
 * event also does what it asks of the connections here: a removed or erased participant's are
 * closed, a scrubbed log is folded again. Whatever the bus did not bring is read from the log.
 */
@ApplicationScoped
public class RoomFeed {

    private static final Logger LOG = Logger.getLogger(RoomFeed.class);
    /** Events per page of a catch-up; the next page is read once the socket has taken the last one. */
    static final int CATCH_UP_PAGE = 200;
    /** How often the rooms compare themselves with the log while the bus is up (a lost message costs at most this). */
    static final Duration CHECK_EVERY = Duration.ofSeconds(10);

    @Inject
    RoomLog log;

    @Inject
    RoomBus bus;

    @Inject
    RoomConnections connections;

    @Inject
    RoomRuntimes runtimes;

    @Inject
    ObjectMapper json;

    private RoomWire wire;
    private volatile boolean listening;
    /** The bus said it may have lost messages (it was cut off): the rooms read the log at the next check. */
    private volatile boolean missedOnBus;

    private volatile long lastCheck = System.nanoTime();

    /** Times events were read from the log because the bus had not brought them (yet). */
    private final LongAdder gapsFilled = new LongAdder();

    /** Reads of the log for events the bus had not brought (a method: the bean is reached through a proxy). */
    long gapsFilled() {
        return gapsFilled.sum();
    }

    @PostConstruct
    void start() {
        wire = new RoomWire(json);
    }

    /** Starts taking what the bus brings (once). */
    synchronized void listen() {
        if (listening) {
            return;
        }
        listening = true;
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
    }

    // ---- a newcomer

    /**
     * Sends a member what they missed, a page at a time, reading the next page only once the
     * socket has taken the last: a client that reads slowly (or not at all) holds one page, not
     * the whole log. The last page is sent under the room's delivery lock, so no live event slips
     * between it and {@code synced}; from then on the member gets events as they happen.
     */
    void catchUp(RoomMember member) {
        RoomRuntime runtime = member.room;
        while (member.connection.isOpen() && connections.member(member.connection) == member) {
            long from = member.delivered;
            List<RoomLog.Logged> page =
                    QuarkusTransaction.requiringNew().call(() -> log.page(runtime.roomId, from, CATCH_UP_PAGE));
            if (page.size() < CATCH_UP_PAGE) {
                runtime.delivery.lock();
                try {
                    // the short last page as read, then whatever was stored and published since, under the lock
                    long upTo =
                            page.isEmpty() ? from : page.get(page.size() - 1).seq();
                    long published = runtime.published;
                    List<RoomLog.Logged> rest = new ArrayList<>(page);
                    if (upTo < published) {
                        rest.addAll(QuarkusTransaction.requiringNew()
                                .call(() -> log.page(runtime.roomId, upTo, Integer.MAX_VALUE)));
                    }
                    for (RoomLog.Logged event : rest) {
                        if (event.seq() <= published
                                && event.visibility().allows(member.actor)
                                && connections.sendRaw(member.connection, event.wire(), event.wireBytes()) == null) {
                            return;
                        }
                    }
                    member.delivered = published;
                    member.catchingUp = false;
                    connections.send(
                            member.connection,
                            wire.write(wire.envelope("synced").put("seq", published)));
                } finally {
                    runtime.delivery.unlock();
                }
                return;
            }
            Uni<Void> last = null;
            for (RoomLog.Logged event : page) {
                if (event.visibility().allows(member.actor)) {
                    last = connections.sendRaw(member.connection, event.wire(), event.wireBytes());
                    if (last == null) {
                        return; // closed: too far behind, or gone
                    }
                }
            }
            member.delivered = page.get(page.size() - 1).seq();
            if (last != null) {
                last.subscribe()
                        .with(
                                written -> Infrastructure.getDefaultWorkerPool().execute(() -> catchUp(member)),
                                failed -> LOG.debugf("A catch-up stopped: %s", failed.getMessage()));
                return;
            }
        }
    }

    // ---- stored events, in order, once

    /**
     * Sends stored events to this node's connections in the room that may see them, once each and
     * in order. Events come in order from this node's writer; from other nodes they may come after
     * this node's own later ones, so a gap is filled from the log first.
     */
    void deliver(UUID roomId, List<StoredEvent> events) {
        RoomRuntime runtime = runtimes.get(roomId);
        if (runtime != null) {
            deliver(runtime, events, 0);
        }
    }

    /** Delivers what the log holds up to {@code upTo} that this node's connections have not had. */
    void deliverUpTo(RoomRuntime runtime, long upTo) {
        if (upTo > runtime.published) {
            deliver(runtime, List.of(), upTo);
        }
    }

    private void deliver(RoomRuntime runtime, List<StoredEvent> events, long upTo) {
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
            // the lock goes once these frames are on their loops, which for a writer is at the end of its batch
            fanout.release(runtime.delivery::unlock);
        }
    }

    /** Events this node has not delivered, read from the log up to {@code upTo} (under the delivery lock). */
    private void fillFromLog(RoomRuntime runtime, long upTo, Fanout fanout) {
        long after = runtime.published;
        List<StoredEvent> missing =
                QuarkusTransaction.requiringNew().call(() -> log.stored(runtime.roomId, after, upTo));
        gapsFilled.increment();
        for (StoredEvent stored : missing) {
            if (stored.event().seq() == runtime.published + 1) {
                deliverOne(runtime, stored, fanout);
            }
        }
    }

    private void deliverOne(RoomRuntime runtime, StoredEvent stored, Fanout fanout) {
        RoomEvent event = stored.event();
        runtime.published = event.seq();
        for (RoomMember member : runtime.connections.values()) {
            if (!member.catchingUp && event.seq() > member.delivered) {
                member.delivered = event.seq();
                if (event.visibility().allows(member.actor)) {
                    connections.sendFramed(fanout, member, stored.wire(), stored.utf8());
                }
            }
        }
        // side effects close connections after the event itself is on its way to them
        switch (event.kind()) {
            case "participant.removed" -> {
                Object removed = event.data().get("participantId");
                if (removed != null) {
                    UUID gone = UUID.fromString(String.valueOf(removed));
                    fanout.afterFlush(() -> connections.closeFor(
                            runtime, gone, "removed", "A facilitator has asked you to step out of the room for now."));
                }
            }
            case "participant.erased" -> {
                Object erased = event.data().get("participantId");
                if (erased != null) {
                    UUID gone = UUID.fromString(String.valueOf(erased));
                    connections.erased(gone);
                    fanout.afterFlush(() -> connections.closeFor(
                            runtime, gone, "unauthorised", "Your place in this room has been erased, as you asked."));
                }
            }
            case "log.scrubbed" -> Infrastructure.getDefaultWorkerPool().execute(() -> runtimes.refold(runtime.roomId));
            default -> {}
        }
    }

    // ---- what other nodes stored

    /**
     * Events another node stored, carried here by the bus: folded into this node's copy of the room
     * (if it holds one) in sequence order, filling any gap from the log, then delivered. A copy
     * with writes of its own that another node beat is folded again from the log anyway
     * ({@link LiveRooms#recover}), so what does not follow on is left to that.
     */
    void fromAnotherNode(RoomBus.Stored stored) {
        RoomRuntime runtime = runtimes.get(stored.roomId());
        if (runtime == null) {
            return; // not held here: a node that opens it later folds the log
        }
        long upTo = stored.events().isEmpty()
                ? 0
                : stored.events().get(stored.events().size() - 1).event().seq();
        runtime.lock.lock();
        try {
            if (stored.commandId() != null && stored.actorId() != null) {
                runtime.commands.known(stored.actorId(), stored.commandId());
            }
            if (!runtime.stale && !runtime.broken && upTo > runtime.state.lastSeq()) {
                fold(runtime, stored.events());
            }
        } finally {
            runtime.lock.unlock();
        }
        deliver(runtime, stored.events(), 0);
    }

    /** Folds events that follow on from the copy's last; before any that does not, the log's events in between (under the lock). */
    private void fold(RoomRuntime runtime, List<StoredEvent> events) {
        for (StoredEvent stored : events) {
            long seq = stored.event().seq();
            if (seq <= runtime.state.lastSeq()) {
                continue;
            }
            if (seq > runtime.state.lastSeq() + 1) {
                long after = runtime.state.lastSeq();
                QuarkusTransaction.requiringNew().call(() -> log.after(runtime.roomId, after)).stream()
                        .filter(e -> e.seq() < seq)
                        .forEach(runtime.state::apply);
            }
            if (seq == runtime.state.lastSeq() + 1) {
                runtime.state.apply(stored.event());
            }
        }
    }

    /**
     * With several nodes, every second while the bus is down (or right after it lost messages),
     * and every ten seconds besides: each room held here is compared with its log in one query, and
     * what other nodes stored that the bus did not bring is folded in and delivered. Nothing is
     * lost and nothing is sent twice, since both go by sequence number.
     */
    @io.quarkus.scheduler.Scheduled(
            every = "1s",
            delayed = "2s",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void checkAgainstTheLog() {
        if (!bus.shared() || runtimes.ids().isEmpty()) {
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
        Map<UUID, Long> latest = QuarkusTransaction.requiringNew().call(() -> log.latest(List.copyOf(runtimes.ids())));
        for (RoomRuntime runtime : runtimes.all()) {
            long last = latest.getOrDefault(runtime.roomId, 0L);
            if (last > runtime.published || last > runtime.state.lastSeq()) {
                runtime.lock.lock();
                try {
                    if (!runtime.stale && !runtime.broken && last > runtime.state.lastSeq()) {
                        long after = runtime.state.lastSeq();
                        QuarkusTransaction.requiringNew()
                                .call(() -> log.after(runtime.roomId, after))
                                .forEach(runtime.state::apply);
                    }
                } finally {
                    runtime.lock.unlock();
                }
                deliverUpTo(runtime, last);
            }
        }
    }
}
