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
        String practice = TestData.admin().contentType(ContentType.JSON).body(Map.of("title", "Retention practice"))
                .post("/api/organisations/" + TestData.organisationId() + "/practice-rooms")
                .then().statusCode(201).extract().path("code");
        String cohortRoom = freshRoom();
        for (String code : List.of(practice, cohortRoom)) {
            Joined ana = join(code, "Ana");
            try (RoomClient trainer = facilitator(code); RoomClient a = participant(code, ana)) {
                trainer.ack(trainer.send("checkin.start", Map.of("prompt", "How do you arrive?", "visibility", "everyone")));
                String checkinId = a.event("checkin.started").path("data").path("checkinId").asText();
                assertThat(a.ack(a.send("checkin.answer", Map.of("checkinId", checkinId, "word", "RETAINED-WORD")))
                        .path("type").asText()).isEqualTo("ack");
                assertThat(a.ack(a.send("journal.write", Map.of("text", "RETAINED-JOURNAL"))).path("type").asText())
                        .isEqualTo("ack");
                trainer.ack(trainer.send("note.share", Map.of("text", "Facilitator's own note")));
            }
        }
        Room practiceRoom = QuarkusTransaction.requiringNew().call(() -> Room.<Room>find("code", practice).firstResult());
        Room dayRoom = QuarkusTransaction.requiringNew().call(() -> Room.<Room>find("code", cohortRoom).firstResult());
        long eventsBefore = QuarkusTransaction.requiringNew().call(() -> log.after(practiceRoom.id, 0)).size();

        // a day after the practice room closed: nothing is due yet
        retention.purgeDue(practiceRoom.closesAt.plus(Duration.ofDays(1)));
        assertThat(text(practiceRoom)).contains("RETAINED-WORD", "RETAINED-JOURNAL");

        // 91 days on: the practice room's words are gone, its events and the facilitator's note stay;
        // the cohort's room, whose course ends months from now, is not touched
        retention.purgeDue(practiceRoom.closesAt.plus(Duration.ofDays(91)));
        assertThat(text(practiceRoom)).doesNotContain("RETAINED-WORD", "RETAINED-JOURNAL").contains("Facilitator's own note");
        assertThat(QuarkusTransaction.requiringNew().call(() -> log.after(practiceRoom.id, 0))).hasSize((int) eventsBefore);
        assertThat(text(dayRoom)).contains("RETAINED-WORD", "RETAINED-JOURNAL");
        try (RoomClient trainer = facilitator(practice)) {
            assertThat(trainer.received.toString()).doesNotContain("RETAINED-WORD").doesNotContain("RETAINED-JOURNAL");
        }
        // and a purged room is not purged again
        assertThat(retention.purgeDue(practiceRoom.closesAt.plus(Duration.ofDays(92)))).isZero();
        assertThat(Instant.now()).isNotNull();
    }

    private String text(Room room) {
        return QuarkusTransaction.requiringNew().call(() -> log.after(room.id, 0)).toString();
    }
}
