package io.mutuality.live;

import io.mutuality.live.engine.RoomEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Writes the rooms' decisions to the log in batches: whatever was decided, in every room, while
 * the last batch was being written goes into the next transaction. Each batch is durable (committed,
 * and on disk as {@link LogDurability} arranges) before anything in it is acknowledged or delivered,
 * so "durable before acknowledged" holds while a busy node writes one transaction for many commands
 * instead of one per command. A room's writes reach the queue in the order its lock decided them, and
 * the writer keeps that order, so a room's sequence numbers are stored and published in order.
 *
 * <p>No batch waits for company: when the writer is idle, the first write goes out at once; under
 * load, batches grow by themselves to whatever arrived during the last commit.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class);
    /** The most writes in one transaction. */
    static final int MAX_BATCH = 512;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    LogDurability durability;

    /** What to do with a write once its batch is durable, or once it is known it will not be. */
    public interface Outcome {
        /** A write whose room gave up on it (an earlier write of the room failed): it is failed unwritten. */
        default boolean abandoned(Write write) {
            return false;
        }

        void durable(Write write);

        void failed(Write write, Exception cause);

        /** Before the outcomes of a batch: what they send may be gathered until {@link #afterBatch()}. */
        default void beforeBatch() {}

        default void afterBatch() {}
    }

    /**
     * One room's part of a batch: its events (sequence numbers set, each with its data already
     * written as JSON, once) and, for a command, the answer to remember for its id. A write with
     * neither only waits its turn: a repeated command's answer goes out after the original's.
     */
    public record Write(
            UUID roomId,
            List<StoredEvent> events,
            UUID actorId,
            String commandId,
            String answer,
            boolean remember,
            Object context) {}

    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private volatile Outcome outcome;
    private volatile Thread writer;
    private volatile boolean stopping;

    /** Counts for the metrics and the benchmark: batches written and writes in them. */
    private final java.util.concurrent.atomic.LongAdder batches = new java.util.concurrent.atomic.LongAdder();

    private final java.util.concurrent.atomic.LongAdder writes = new java.util.concurrent.atomic.LongAdder();

    void outcome(Outcome outcome) {
        this.outcome = outcome;
    }

    /**
     * Runs {@code work} in one transaction that holds the room's row ({@code select … for update}),
     * and stores the writes it returns in that same transaction, so what {@code work} read from the
     * log is still the log's end when its writes go in. No other node can store in the room
     * meanwhile, with no lock of its own: on PostgreSQL every insert into {@code room_event} checks
     * its foreign key to {@code room} with a key-share lock on that row, which waits for this one.
     * A node that met a busy node's write once therefore gets its decisions in on the next try.
     * Throws if the transaction fails; the writes are then not stored.
     */
    List<Write> exclusive(UUID roomId, java.util.function.Supplier<List<Write>> work) {
        List<Write> stored = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        try (PreparedStatement lock =
                                connection.prepareStatement("select id from room where id = ? for update")) {
                            lock.setObject(1, roomId);
                            lock.executeQuery().close();
                        }
                        List<Write> writes = work.get();
                        insert(connection, writes);
                        return writes;
                    }
                });
        batches.increment();
        writes.add(stored.size());
        return stored;
    }

    /** Queues a write; its outcome comes on the writer's thread. Call it in the order the room decided. */
    public void submit(Write write) {
        if (stopping) {
            outcome.failed(write, new IllegalStateException("the application is stopping"));
            return;
        }
        ensureWriter();
        queue.add(write);
    }

    private void ensureWriter() {
        if (writer == null) {
            synchronized (this) {
                if (writer == null) {
                    Thread thread = new Thread(this::run, "room-log-writer");
                    thread.setDaemon(true);
                    thread.start();
                    writer = thread;
                }
            }
        }
    }

    private void run() {
        List<Write> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                Write first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                flush(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("The room log writer met an unexpected failure", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** Writes a batch in one transaction; if that fails, each room's part alone, so one room's fault stays its own. */
    void flush(List<Write> all) {
        outcome.beforeBatch();
        try {
            flushBatch(all);
        } finally {
            outcome.afterBatch();
        }
    }

    private void flushBatch(List<Write> all) {
        List<Write> batch = new ArrayList<>(all.size());
        for (Write w : all) {
            if (outcome.abandoned(w)) {
                fail(w, new IllegalStateException("an earlier write of the room failed"));
            } else {
                batch.add(w);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        try {
            write(batch);
        } catch (SQLException whole) {
            Map<UUID, List<Write>> byRoom = new LinkedHashMap<>();
            batch.forEach(w ->
                    byRoom.computeIfAbsent(w.roomId(), r -> new ArrayList<>()).add(w));
            if (byRoom.size() == 1) {
                report(batch.get(0).roomId(), whole);
                batch.forEach(w -> fail(w, whole));
                return;
            }
            for (List<Write> part : byRoom.values()) {
                try {
                    write(part);
                    part.forEach(this::done);
                } catch (SQLException alone) {
                    report(part.get(0).roomId(), alone);
                    part.forEach(w -> fail(w, alone));
                }
            }
            return;
        }
        batch.forEach(this::done);
    }

    /** Another node storing first is part of the work (DEBUG); anything else is a fault (WARN). */
    private static void report(UUID roomId, SQLException failure) {
        if (conflict(failure)) {
            LOG.debugf("Room %s: another writer stored first: %s", roomId, failure.getMessage());
        } else {
            LOG.warnf("Room %s: a write to the log failed: %s", roomId, failure.getMessage());
        }
    }

    private void done(Write write) {
        try {
            outcome.durable(write);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Room %s: a stored write could not be acknowledged or delivered", write.roomId());
        }
    }

    private void fail(Write write, Exception cause) {
        try {
            outcome.failed(write, cause);
        } catch (RuntimeException e) {
            LOG.warnf(e, "Room %s: a failed write could not be reported", write.roomId());
        }
    }

    private void write(List<Write> unsorted) throws SQLException {
        // rooms in one order on every node, so two nodes' transactions never wait on each other in a circle
        List<Write> batch = new ArrayList<>(unsorted);
        batch.sort(java.util.Comparator.comparing(Write::roomId));
        if (!storesAnything(batch)) {
            return; // only repeated answers waiting their turn
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                insert(connection, batch);
                connection.commit();
                batches.increment();
                writes.add(batch.size());
            } catch (SQLException | RuntimeException e) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the connection is going back broken; the pool replaces it
                }
                if (e instanceof SQLException sql) {
                    throw sql;
                }
                throw new SQLException(e.getMessage(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /** The writes' events and remembered answers, inserted in the connection's transaction (not committed here). */
    private void insert(Connection connection, List<Write> batch) throws SQLException {
        if (!storesAnything(batch)) {
            return;
        }
        boolean events = batch.stream().anyMatch(w -> !w.events().isEmpty());
        boolean commands = batch.stream().anyMatch(GroupCommit::remembered);
        if (durability.kind() == LogDurability.Kind.POSTGRESQL) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local synchronous_commit to on");
            }
        }
        if (events) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into room_event "
                            + "(room_id, seq, kind, scope, person, actor_id, data, created_at, people) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Write w : batch) {
                    for (StoredEvent stored : w.events()) {
                        RoomEvent e = stored.event();
                        insert.setObject(1, w.roomId());
                        insert.setLong(2, e.seq());
                        insert.setString(3, e.kind());
                        insert.setString(4, e.visibility().scope().name());
                        insert.setObject(5, e.visibility().person());
                        insert.setObject(6, e.actorId());
                        insert.setString(7, stored.data());
                        insert.setObject(8, OffsetDateTime.ofInstant(e.at(), ZoneOffset.UTC));
                        insert.setString(9, e.visibility().peopleColumn());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
        if (commands) {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            try (PreparedStatement insert = connection.prepareStatement("insert into room_command "
                    + "(room_id, actor_id, command_id, response, created_at) values (?, ?, ?, ?, ?)")) {
                for (Write w : batch) {
                    if (remembered(w)) {
                        insert.setObject(1, w.roomId());
                        insert.setObject(2, w.actorId());
                        insert.setString(3, w.commandId());
                        insert.setString(4, w.answer());
                        insert.setObject(5, now);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    /** A command's answer to keep for its id (a repeat's answer is already kept). */
    private static boolean remembered(Write w) {
        return w.remember() && w.commandId() != null;
    }

    /** Whether the writes have events or answers to store, or only repeated answers waiting their turn. */
    private static boolean storesAnything(List<Write> batch) {
        return batch.stream().anyMatch(w -> !w.events().isEmpty() || remembered(w));
    }

    /**
     * Whether a write failed because another writer stored first: the room's next sequence number,
     * or the answer to the same command id, is already in the log (a unique key, SQL state 23505 on
     * PostgreSQL and H2 alike), or two nodes' transactions met and the database rolled one back
     * (a deadlock, 40P01, or a serialization failure, 40001). The room decides again on what the log
     * holds; any other failure is a fault of the database.
     */
    public static boolean conflict(Throwable failure) {
        if (failure == null) {
            return false;
        }
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.LinkedList<Throwable> next = new java.util.LinkedList<>();
        next.add(failure);
        while (!next.isEmpty()) {
            Throwable t = next.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                if (TAKEN_BY_ANOTHER.contains(sql.getSQLState())) {
                    return true;
                }
                next.add(sql.getNextException());
            }
            next.add(t.getCause());
        }
        return false;
    }

    private static final java.util.Set<String> TAKEN_BY_ANOTHER = java.util.Set.of("23505", "40P01", "40001");

    /** Batches written since start, and the writes in them (the average batch is their ratio). */
    public long[] counts() {
        return new long[] {batches.sum(), writes.sum()};
    }

    /**
     * A clean stop writes what is queued before the database closes: everything decided before
     * the stop is stored, and acknowledged to whoever is still connected.
     */
    void onStop(@Observes @Priority(0) ShutdownEvent event) {
        stopping = true;
        Thread thread = writer;
        if (thread != null) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
