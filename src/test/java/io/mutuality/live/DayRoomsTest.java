package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where a cohort's day rooms stand: live with who is here, then ended; never another organisation's. */
@QuarkusTest
class DayRoomsTest extends LiveRoomFixture {

    private static final String DAY_ROOMS = "/api/organisations/{organisationId}/day-rooms";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> statusOf(String code) {
        JsonPath list = TestData.as(Persona.TRAINER_A)
                .get(DAY_ROOMS, TestData.organisationId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        return list.getList("findAll { it.code == '" + code + "' }", Map.class).stream()
                .findFirst()
                .map(m -> (Map<String, Object>) m)
                .orElse(null);
    }

    @Test
    void aDaysRoomIsLiveWithWhoIsHereThenEnded() {
        String code = freshRoom();
        String cohortId = lastCohortPath.substring(lastCohortPath.lastIndexOf('/') + 1);
        assertThat(statusOf(code))
                .containsEntry("status", "live")
                .containsEntry("here", 0)
                .containsEntry("dayNumber", 1);

        Joined ana = join(code, "Ana");
        Joined ben = join(code, "Ben");
        try (RoomClient trainer = facilitator(code);
                RoomClient a = participant(code, ana);
                RoomClient b = participant(code, ben)) {
            trainer.event("presence.joined");
            awaitHere(code, 2);
            b.close();
            awaitHere(code, 1);

            String end = trainer.send("day.end", Map.of());
            trainer.ack(end);
            assertThat(statusOf(code)).containsEntry("status", "ended").containsEntry("here", 0);
        }
        // one cohort's rooms, asked by cohort
        assertThat(TestData.as(Persona.TRAINER_A)
                        .queryParam("cohortId", cohortId)
                        .get(DAY_ROOMS, TestData.organisationId())
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("code"))
                .containsExactly(code);
    }

    @Test
    void nobodyOutsideTheOrganisationSeesItsRooms() {
        RestAssured.given().get(DAY_ROOMS, TestData.organisationId()).then().statusCode(401);
        TestData.as(Persona.TRAINER_B)
                .get(DAY_ROOMS, TestData.organisationId())
                .then()
                .statusCode(404);
        TestData.as(Persona.PARTICIPANT)
                .get(DAY_ROOMS, TestData.organisationId())
                .then()
                .statusCode(403);
    }

    private static void awaitHere(String code, int here) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Integer.valueOf(here).equals(statusOf(code).get("here"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never " + here + " here: " + statusOf(code));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
