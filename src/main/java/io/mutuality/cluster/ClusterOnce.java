package io.mutuality.cluster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Runs a scheduled job on one node at a time, however many nodes share the database.
 *
 * <p>Every node's scheduler fires the same jobs. {@link #run} lets one run of a job go ahead and
 * makes the others skip: on this node a lock per job name; across nodes, on PostgreSQL, a
 * transaction-scoped advisory lock ({@code pg_try_advisory_xact_lock}) taken on a connection of its
 * own for as long as the job runs, and released by ending that transaction, so it cannot outlive
 * the job even if the node dies. H2 is a single node's database: the lock on this node is all there
 * is.
 *
 * <p>This keeps two nodes from doing the same work at the same moment; it does not count runs.
 * A node whose timer fires just after another node finished runs the job again and finds nothing
 * left to do, because every job handles each item once by itself (a claim row, a conditional
 * update, a row lock re-checked): see each job. That also covers the rare case the lock cannot,
 * a database connection lost mid-job.
 */
@ApplicationScoped
public class ClusterOnce {

    private static final Logger LOG = Logger.getLogger(ClusterOnce.class);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionManager transactions;

    private final Map<String, ReentrantLock> here = new ConcurrentHashMap<>();

    /** Whether the database is PostgreSQL, found on first use (null until then). */
    private volatile Boolean postgres;

    /**
     * Runs {@code job} unless a run of the job with this name is under way, on this node or on
     * another. Called inside a transaction, the job runs outside it.
     *
     * @return true when the job ran, false when it was skipped
     */
    public boolean run(String name, Runnable job) {
        ReentrantLock local = here.computeIfAbsent(name, n -> new ReentrantLock());
        if (!local.tryLock()) {
            LOG.debugf("Job %s is already running on this node: skipped", name);
            return false;
        }
        Transaction caller = suspend();
        try {
            if (!postgres()) {
                job.run();
                return true;
            }
            return acrossNodes(name, job);
        } catch (SQLException e) {
            throw new IllegalStateException("Job " + name + " could not reach the database: " + e.getMessage(), e);
        } finally {
            local.unlock();
            resume(caller);
        }
    }

    /** The caller's transaction, set aside while the job runs (null when there is none). */
    private Transaction suspend() {
        try {
            return transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException(e);
        }
    }

    private void resume(Transaction caller) {
        if (caller != null) {
            try {
                transactions.resume(caller);
            } catch (SystemException | jakarta.transaction.InvalidTransactionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean acrossNodes(String name, Runnable job) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection, key(name))) {
                    LOG.debugf("Job %s is running on another node: skipped", name);
                    return false;
                }
                job.run();
                return true;
            } finally {
                release(connection, name);
            }
        }
    }

    /** Ends the transaction, and the lock with it (a connection that has died has lost its session, and the lock too). */
    private static void release(Connection connection, String name) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warnf(
                    "Job %s: the connection holding its lock could not end its transaction (%s)", name, e.getMessage());
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            statement.setLong(1, key);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private boolean postgres() throws SQLException {
        Boolean known = postgres;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
            }
            postgres = known;
        }
        return known;
    }

    /**
     * The advisory lock key of a job: the first 64 bits of SHA-256 of its name under a prefix of
     * Mutuality's own, so it does not meet another application's keys in a shared database.
     */
    public static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("mutuality/cluster-once/" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
