package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The retention rule: what participants wrote goes a set time after the course ends; the counts stay. */
@QuarkusTest
class RoomRetentionTest extends LiveRoomFixture {

    @Inject
    RoomRetention retention;

    @Inject
    RoomLog log;

    @Test
    void whatParticipantsWroteIsPurgedNinetyDaysAfterTheEndAndNotBefore() {
        String practice = TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Retention practice"))
                .post("/api/organisations/" + TestData.organisationId() + "/practice-rooms")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
        String cohortRoom = freshRoom();
        for (String code : List.of(practice, cohortRoom)) {
            Joined ana = join(code, "Ana");
            try (RoomClient trainer = facilitator(code);
                    RoomClient a = participant(code, ana)) {
                trainer.ack(trainer.send(
                        "checkin.start", Map.of("prompt", "How do you arrive?", "visibility", "everyone")));
                String checkinId = a.event("checkin.started")
                        .path("data")
                        .path("checkinId")
                        .asText();
                assertThat(a.ack(a.send("checkin.answer", Map.of("checkinId", checkinId, "word", "RETAINED-WORD")))
                                .path("type")
                                .asText())
                        .isEqualTo("ack");
                assertThat(a.ack(a.send("journal.write", Map.of("text", "RETAINED-JOURNAL")))
                                .path("type")
                                .asText())
                        .isEqualTo("ack");
                trainer.ack(trainer.send("note.share", Map.of("text", "Facilitator's own note")));
            }
        }
        Room practiceRoom = QuarkusTransaction.requiringNew()
                .call(() -> Room.<Room>find("code", practice).firstResult());
        Room dayRoom = QuarkusTransaction.requiringNew()
                .call(() -> Room.<Room>find("code", cohortRoom).firstResult());
        long eventsBefore = QuarkusTransaction.requiringNew()
                .call(() -> log.after(practiceRoom.id, 0))
                .size();

        // a day after the practice room closed: nothing is due yet
        retention.purgeDue(practiceRoom.closesAt.plus(Duration.ofDays(1)));
        assertThat(text(practiceRoom)).contains("RETAINED-WORD", "RETAINED-JOURNAL");

        // 91 days on: the practice room's words are gone, its events and the facilitator's note stay;
        // the cohort's room, whose course ends months from now, is not touched
        retention.purgeDue(practiceRoom.closesAt.plus(Duration.ofDays(91)));
        assertThat(text(practiceRoom))
                .doesNotContain("RETAINED-WORD", "RETAINED-JOURNAL")
                .contains("Facilitator's own note");
        // every event stays, and one more says the log was scrubbed (so that every node folds its copy again)
        List<io.mutuality.live.engine.RoomEvent> after =
                QuarkusTransaction.requiringNew().call(() -> log.after(practiceRoom.id, 0));
        assertThat(after).hasSize((int) eventsBefore + 1);
        assertThat(after.get(after.size() - 1).kind()).isEqualTo("log.scrubbed");
        assertThat(text(dayRoom)).contains("RETAINED-WORD", "RETAINED-JOURNAL");
        try (RoomClient trainer = facilitator(practice)) {
            assertThat(trainer.received.toString())
                    .doesNotContain("RETAINED-WORD")
                    .doesNotContain("RETAINED-JOURNAL");
        }
        // and a purged room is not purged again
        assertThat(retention.purgeDue(practiceRoom.closesAt.plus(Duration.ofDays(92))))
                .isZero();
        assertThat(Instant.now()).isNotNull();
    }

    /** A practice room where a participant has written a word, closed well over 90 days ago. */
    private Room aRoomLongClosed(String word) {
        String practice = TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Retention " + word))
                .post("/api/organisations/" + TestData.organisationId() + "/practice-rooms")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
        Joined ana = join(practice, "Ana");
        try (RoomClient trainer = facilitator(practice);
                RoomClient a = participant(practice, ana)) {
            assertThat(a.ack(a.send("journal.write", Map.of("text", word)))
                            .path("type")
                            .asText())
                    .isEqualTo("ack");
        }
        Room room = QuarkusTransaction.requiringNew()
                .call(() -> Room.<Room>find("code", practice).firstResult());
        QuarkusTransaction.requiringNew()
                .run(() -> Room.<Room>findById(room.id).closesAt = Instant.now().minus(Duration.ofDays(100)));
        return room;
    }

    private long purgedRooms() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) Room.getEntityManager()
                                .createNativeQuery("select count(*) from room where purged_at is not null")
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void twoNodesSweepingAtOnceEachPurgeARoomOnce() throws Exception {
        Room room = aRoomLongClosed("TOGETHER-WORD");
        long purgedBefore = purgedRooms();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.Callable<Integer> sweep = () -> {
            together.await();
            return retention.purgeDue(Instant.now());
        };
        java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
        int purged = 0;
        for (java.util.concurrent.Future<Integer> run : nodes.invokeAll(List.of(sweep, sweep))) {
            purged += run.get();
        }
        nodes.shutdown();
        assertThat(text(room)).doesNotContain("TOGETHER-WORD");
        assertThat(purged)
                .as("each room is counted by the one sweep that purged it")
                .isEqualTo(purgedRooms() - purgedBefore)
                .isPositive();
    }

    @Test
    void theScheduledSweepIsLeftToTheNodeAlreadySweeping() {
        Room room = aRoomLongClosed("HELD-WORD");
        try (io.mutuality.cluster.OtherNode other = io.mutuality.cluster.OtherNode.holding(RoomRetention.JOB)) {
            retention.sweep();
            assertThat(text(room)).contains("HELD-WORD");
        }
        retention.sweep();
        assertThat(text(room)).doesNotContain("HELD-WORD");
    }

    private String text(Room room) {
        return QuarkusTransaction.requiringNew()
                .call(() -> log.after(room.id, 0))
                .toString();
    }
}
