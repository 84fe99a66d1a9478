package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A day room's welcome carries its cohort's support contact and working agreements; a practice room's has none. */
@QuarkusTest
class RoomWelcomeNotesTest extends LiveRoomFixture {

    @Test
    void aDayRoomWelcomesWithTheSupportContactAndTheWorkingAgreements() {
        String code = freshRoom();
        try (RoomClient trainer = facilitator(code)) {
            JsonNode room = trainer.received.get(0).path("room");
            assertThat(room.path("supportContact").isNull()).isTrue();
            assertThat(room.path("workingAgreements").isArray()).isTrue();
            assertThat(room.path("workingAgreements")).isEmpty();
        }
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Róisín Byrne",
                        "phone",
                        "+353 1 555 0100",
                        "note",
                        "Reachable 9 to 5 on training days"))
                .put(lastCohortPath + "/support-contact")
                .then()
                .statusCode(200);
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("statements", List.of("Anyone can pass", "What is said here stays here")))
                .put(lastCohortPath + "/working-agreements")
                .then()
                .statusCode(200);
        try (RoomClient trainer = facilitator(code);
                RoomClient ana = participant(code, join(code, "Ana"))) {
            JsonNode room = ana.received.get(0).path("room");
            assertThat(room.path("supportContact").path("name").asText()).isEqualTo("Róisín Byrne");
            assertThat(room.path("supportContact").path("phone").asText()).isEqualTo("+353 1 555 0100");
            assertThat(room.path("supportContact").path("note").asText())
                    .isEqualTo("Reachable 9 to 5 on training days");
            assertThat(room.path("workingAgreements").get(0).asText()).isEqualTo("Anyone can pass");
            assertThat(room.path("workingAgreements").get(1).asText()).isEqualTo("What is said here stays here");
            assertThat(room.path("workingAgreements")).hasSize(2);
        }
    }

    @Test
    void aPracticeRoomWelcomesWithoutEither() {
        String code = TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Practice with no cohort"))
                .post("/api/organisations/" + TestData.organisationId() + "/practice-rooms")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
        try (RoomClient trainer = facilitator(code)) {
            JsonNode room = trainer.received.get(0).path("room");
            assertThat(room.path("supportContact").isNull()).isTrue();
            assertThat(room.path("workingAgreements")).isEmpty();
        }
    }
}
