package io.mutuality.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A job runs on one node at a time: here on this node, across nodes on PostgreSQL's advisory locks. */
@QuarkusTest
class ClusterOnceTest {

    @Inject
    ClusterOnce once;

    @Test
    void aJobThatAnotherNodeIsRunningIsSkippedHereAndRunsOnceItIsDone() {
        AtomicInteger runs = new AtomicInteger();
        try (OtherNode other = OtherNode.holding("test-held")) {
            assertThat(once.run("test-held", runs::incrementAndGet)).isFalse();
            assertThat(once.run("test-another-job", runs::incrementAndGet))
                    .as("other jobs are not held up")
                    .isTrue();
        }
        assertThat(runs).hasValue(1);
        assertThat(once.run("test-held", runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void twoNodesFiringAtTheSameMomentRunTheJobOnceWhenTheyShareAPostgresDatabase() throws Exception {
        List<ClusterOnce> nodes = List.of(OtherNode.newNode(), OtherNode.newNode());
        AtomicInteger runs = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(nodes.size());
        ExecutorService threads = Executors.newFixedThreadPool(nodes.size());
        List<Callable<Boolean>> firings = new ArrayList<>();
        for (ClusterOnce node : nodes) {
            firings.add(() -> {
                together.await();
                return node.run("test-together", () -> {
                    runs.incrementAndGet();
                    sleep(500);
                });
            });
        }
        List<Boolean> ran = new ArrayList<>();
        for (Future<Boolean> firing : threads.invokeAll(firings)) {
            ran.add(firing.get());
        }
        threads.shutdown();
        if (OtherNode.postgres()) {
            assertThat(ran).containsExactlyInAnyOrder(true, false);
            assertThat(runs).hasValue(1);
        } else {
            // H2 is one node's database: nothing is shared, so two ClusterOnce instances know nothing of each other
            assertThat(ran).containsOnly(true);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void twoThreadsOfOneNodeRunTheJobOnce() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        Callable<Boolean> firing = () -> {
            together.await();
            return once.run("test-threads", () -> {
                runs.incrementAndGet();
                sleep(500);
            });
        };
        List<Boolean> ran = new ArrayList<>();
        for (Future<Boolean> result : threads.invokeAll(List.of(firing, firing))) {
            ran.add(result.get());
        }
        threads.shutdown();
        assertThat(ran).containsExactlyInAnyOrder(true, false);
        assertThat(runs).hasValue(1);
    }

    @Test
    void aJobThatFailsLetsTheNextRunGoAhead() {
        assertThatThrownBy(() -> once.run("test-failing", () -> {
                    throw new IllegalStateException("the job broke");
                }))
                .hasMessage("the job broke");
        assertThat(once.run("test-failing", () -> {})).isTrue();
        try (OtherNode other = OtherNode.holding("test-failing")) {
            assertThat(once.run("test-failing", () -> {})).isFalse();
        }
    }

    @Test
    void aJobStartedInsideATransactionRunsOutsideIt() {
        List<Boolean> inTransaction = new ArrayList<>();
        QuarkusTransaction.requiringNew()
                .run(() -> once.run("test-transaction", () -> inTransaction.add(QuarkusTransaction.isActive())));
        assertThat(inTransaction).containsExactly(false);
    }

    @Test
    void theApplicationsJobsHaveLockKeysOfTheirOwn() {
        assertThat(Stream.of(
                                "offer-sweep",
                                "registration-reminders",
                                "session-purge",
                                "cohort-status-sweep",
                                "room-retention")
                        .map(ClusterOnce::key)
                        .distinct())
                .hasSize(5);
        assertThat(ClusterOnce.key("offer-sweep")).isEqualTo(ClusterOnce.key("offer-sweep"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
