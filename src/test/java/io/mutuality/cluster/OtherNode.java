package io.mutuality.cluster;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.inject.spi.CDI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Another node in the middle of a job, as this node's {@link ClusterOnce} sees it. On PostgreSQL it
 * is a second {@code ClusterOnce} with locks of its own, so only the database's advisory lock stands
 * between the two; on H2, a single node's database, it is this node's own {@code ClusterOnce} busy on
 * another thread. Closing it ends the job.
 */
public final class OtherNode implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<Boolean> run;

    private OtherNode(ClusterOnce node, String job) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        run = CompletableFuture.supplyAsync(() -> node.run(job, () -> {
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The other node could not start " + job + ": " + run.getNow(null));
        }
    }

    /** Another node that has started {@code job} and holds it until closed. */
    public static OtherNode holding(String job) {
        try {
            return new OtherNode(
                    postgres()
                            ? newNode()
                            : CDI.current().select(ClusterOnce.class).get(),
                    job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A second node's {@code ClusterOnce} on the same database. */
    public static ClusterOnce newNode() {
        ClusterOnce node = new ClusterOnce();
        node.dataSource = CDI.current().select(AgroalDataSource.class).get();
        node.transactions = CDI.current()
                .select(jakarta.transaction.TransactionManager.class)
                .get();
        return node;
    }

    /** Whether the tests run on PostgreSQL (the CI's second run), where nodes can share the database. */
    public static boolean postgres() {
        try (Connection connection =
                CDI.current().select(AgroalDataSource.class).get().getConnection()) {
            return "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        if (!run.join()) {
            throw new IllegalStateException("The other node skipped its job instead of holding it");
        }
    }
}
