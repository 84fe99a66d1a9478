package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.Visibility;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The log writer on its own, against an in-memory H2 database with the log's two tables. */
class GroupCommitTest {

    private final GroupCommit commits = new GroupCommit();
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final Set<Object> abandon = ConcurrentHashMap.newKeySet();
    private JdbcDataSource database;

    @BeforeEach
    void database() throws SQLException {
        database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:group-commit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        try (Connection c = database.getConnection();
                Statement s = c.createStatement()) {
            s.execute(
                    "create table room_event (room_id uuid not null, seq bigint not null, kind varchar(40) not null, "
                            + "scope varchar(30) not null, person uuid, actor_id uuid, data varchar(20000) not null, "
                            + "created_at timestamp with time zone not null, people varchar(4000), primary key (room_id, seq))");
            s.execute(
                    "create table room_command (room_id uuid not null, actor_id uuid not null, command_id varchar(64) not null, "
                            + "response varchar(4000) not null, created_at timestamp with time zone not null, "
                            + "primary key (room_id, actor_id, command_id))");
        }
        commits.dataSource = database;
        commits.durability = new LogDurability();
        commits.outcome(new GroupCommit.Outcome() {
            @Override
            public boolean abandoned(GroupCommit.Write write) {
                return abandon.contains(write.context());
            }

            @Override
            public void durable(GroupCommit.Write write) {
                outcomes.add(write.context() + " stored");
            }

            @Override
            public void failed(GroupCommit.Write write, Exception cause) {
                outcomes.add(write.context() + " failed");
                causes.put(write.context(), cause);
            }
        });
    }

    private final Map<Object, Exception> causes = new ConcurrentHashMap<>();

    @Test
    void aWriteBeatenByAnotherWriterIsTellingApartFromAFaultOfTheDatabase() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID ana = UUID.randomUUID();
        commits.flush(List.of(write(a, 1, ana, "c1", "a1")));

        // a's seq 1 and the command id c1 are taken; b's event has a kind longer than the column
        commits.flush(List.of(write(a, 1, ana, "c9", "a1 elsewhere")));
        commits.flush(List.of(write(a, 2, ana, "c1", "c1 elsewhere")));
        RoomEvent odd = new RoomEvent(
                1, Instant.parse("2027-01-04T09:00:00Z"), "x".repeat(41), Map.of(), Visibility.EVERYONE, ana);
        commits.flush(List.of(
                new GroupCommit.Write(b, List.of(StoredEvent.of(odd, "{}")), ana, "c2", "{}", true, "b1 too long")));

        assertThat(outcomes).contains("a1 elsewhere failed", "c1 elsewhere failed", "b1 too long failed");
        assertThat(GroupCommit.conflict(causes.get("a1 elsewhere"))).isTrue();
        assertThat(GroupCommit.conflict(causes.get("c1 elsewhere"))).isTrue();
        assertThat(GroupCommit.conflict(causes.get("b1 too long"))).isFalse();
        assertThat(GroupCommit.conflict(new SQLException("the network", "08006")))
                .isFalse();
    }

    @Test
    void aBatchFromSeveralRoomsIsOneTransactionAndEachWriteIsAnsweredInOrder() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID ana = UUID.randomUUID();
        commits.flush(List.of(
                write(a, 1, ana, "c1", "a1"),
                write(b, 1, ana, "c1", "b1"),
                write(a, 2, ana, "c2", "a2"),
                repeat(a, ana, "c1", "a1 again")));

        assertThat(outcomes).containsExactly("a1 stored", "b1 stored", "a2 stored", "a1 again stored");
        assertThat(commits.counts()).containsExactly(1, 4);
        assertThat(count("select count(*) from room_event")).isEqualTo(3);
        assertThat(count("select count(*) from room_command")).isEqualTo(3); // the repeat is not stored again
        assertThat(text("select data from room_event where room_id = '" + a + "' and seq = 2"))
                .isEqualTo("{\"n\":2}");
    }

    @Test
    void oneRoomsFailedWriteFailsThatRoomOnlyAndNothingOfItIsStored() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID ana = UUID.randomUUID();
        commits.flush(List.of(write(b, 1, ana, "x", "b1")));
        outcomes.clear();

        // b's seq 1 is taken (as if another node had stored it first): b's write fails, a's still go in
        commits.flush(
                List.of(write(a, 1, ana, "c1", "a1"), write(b, 1, ana, "y", "b1 again"), write(a, 2, ana, "c2", "a2")));

        assertThat(outcomes).containsExactlyInAnyOrder("a1 stored", "a2 stored", "b1 again failed");
        assertThat(outcomes.indexOf("a1 stored")).isLessThan(outcomes.indexOf("a2 stored"));
        assertThat(count("select count(*) from room_event where room_id = '" + a + "'"))
                .isEqualTo(2);
        assertThat(count("select count(*) from room_command where command_id = 'y'"))
                .isZero();
    }

    @Test
    void aWriteItsRoomGaveUpOnIsFailedWithoutBeingWritten() throws SQLException {
        UUID a = UUID.randomUUID();
        UUID ana = UUID.randomUUID();
        abandon.add("a2");
        commits.flush(List.of(write(a, 1, ana, "c1", "a1"), write(a, 2, ana, "c2", "a2")));

        assertThat(outcomes).containsExactly("a2 failed", "a1 stored");
        assertThat(count("select count(*) from room_event")).isEqualTo(1);
    }

    @Test
    void theWriterThreadAnswersEverySubmittedWriteInTheOrderItCame() throws Exception {
        UUID[] rooms = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        UUID ana = UUID.randomUUID();
        int perRoom = 300;
        CountDownLatch all = new CountDownLatch(rooms.length * perRoom);
        List<String> order = new CopyOnWriteArrayList<>();
        commits.outcome(new GroupCommit.Outcome() {
            @Override
            public void durable(GroupCommit.Write write) {
                order.add((String) write.context());
                all.countDown();
            }

            @Override
            public void failed(GroupCommit.Write write, Exception cause) {
                order.add(write.context() + " failed: " + cause.getMessage());
                all.countDown();
            }
        });
        List<Thread> senders = new ArrayList<>();
        for (int r = 0; r < rooms.length; r++) {
            UUID room = rooms[r];
            int index = r;
            Thread sender = new Thread(() -> {
                for (int seq = 1; seq <= perRoom; seq++) {
                    commits.submit(write(room, seq, ana, "c" + seq, index + ":" + seq));
                }
            });
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join();
        }
        assertThat(all.await(30, TimeUnit.SECONDS)).isTrue();

        assertThat(order).noneMatch(o -> o.contains("failed"));
        for (int r = 0; r < rooms.length; r++) {
            String prefix = r + ":";
            List<Integer> seqs = order.stream()
                    .filter(o -> o.startsWith(prefix))
                    .map(o -> Integer.parseInt(o.substring(prefix.length())))
                    .toList();
            assertThat(seqs).hasSize(perRoom).isSorted();
        }
        assertThat(count("select count(*) from room_event")).isEqualTo(rooms.length * perRoom);
        long[] counts = commits.counts();
        assertThat(counts[1]).isEqualTo(rooms.length * perRoom);
        assertThat(counts[0]).isLessThanOrEqualTo(counts[1]);
    }

    private static GroupCommit.Write write(UUID room, long seq, UUID actor, String commandId, String context) {
        RoomEvent event = new RoomEvent(
                seq,
                Instant.parse("2027-01-04T09:00:00Z"),
                "note.shared",
                Map.of("n", (int) seq),
                Visibility.EVERYONE,
                actor);
        return new GroupCommit.Write(
                room,
                List.of(StoredEvent.of(event, "{\"n\":" + seq + "}")),
                actor,
                commandId,
                "{\"v\":1,\"type\":\"ack\",\"id\":\"" + commandId + "\",\"seqs\":[" + seq + "]}",
                true,
                context);
    }

    private static GroupCommit.Write repeat(UUID room, UUID actor, String commandId, String context) {
        return new GroupCommit.Write(room, List.of(), actor, commandId, "the first answer", false, context);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String text(String sql) throws SQLException {
        try (Connection c = database.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
