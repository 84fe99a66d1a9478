package io.mutuality.live;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A practice room closed through the API: who may close it, and what closing does. */
@QuarkusTest
class PracticeRoomCloseTest extends LiveRoomFixture {

    private static final String PRACTICE = "/api/organisations/{organisationId}/practice-rooms";

    private static String open(String title) {
        return TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("title", title))
                .post(PRACTICE, TestData.organisationId())
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    private static io.restassured.response.Response joinAs(String code, String name) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("displayName", name))
                .post("/api/rooms/" + code + "/participants");
    }

    @Test
    void aClosedPracticeRoomLeavesTheListAndRefusesNewJoins() {
        String code = open("Practice to close");
        joinAs(code, "Ana").then().statusCode(201);
        TestData.as(Persona.ADMIN_A)
                .get(PRACTICE, TestData.organisationId())
                .then()
                .statusCode(200)
                .body("code", hasItem(code));

        TestData.as(Persona.TRAINER_A)
                .delete(PRACTICE + "/{code}", TestData.organisationId(), code)
                .then()
                .statusCode(204);

        TestData.as(Persona.ADMIN_A)
                .get(PRACTICE, TestData.organisationId())
                .then()
                .statusCode(200)
                .body("code", not(hasItem(code)));
        TestData.as(Persona.TRAINER_A)
                .get(PRACTICE + "/{code}", TestData.organisationId(), code)
                .then()
                .statusCode(404);
        joinAs(code, "Ben")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no open room with that code here."));
        TestData.as(Persona.TRAINER_A)
                .delete(PRACTICE + "/{code}", TestData.organisationId(), code)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no open practice room with that code here."));
    }

    @Test
    void closingEndsTheDayForEveryoneAlreadyInTheRoom() {
        String code = open("Practice with people in it");
        Joined ana = join(code, "Ana");
        try (RoomClient trainer = facilitator(code);
                RoomClient a = participant(code, ana)) {
            String timer = trainer.send("timer.set", Map.of("seconds", 300, "label", "Pairs"));
            org.assertj.core.api.Assertions.assertThat(
                            trainer.ack(timer).path("created").path("timerId").asText())
                    .isNotBlank();
            a.event("timer.started");

            TestData.as(Persona.TRAINER_A)
                    .delete(PRACTICE + "/{code}", TestData.organisationId(), code)
                    .then()
                    .statusCode(204);

            // the end reaches both as when a facilitator ends the day: the timer stops first
            a.event("timer.cleared");
            a.event("day.ended");
            trainer.event("day.ended");
            String late = a.send("journal.write", Map.of("text", "one more thought"));
            org.assertj.core.api.Assertions.assertThat(
                            a.await(m -> late.equals(m.path("id").asText()))
                                    .path("code")
                                    .asText())
                    .isEqualTo("room-closed");
        }
    }

    @Test
    void anyFacilitatorOfTheOrganisationMayCloseItAndNobodyElse() {
        String code = open("Practice for the team");
        given().delete(PRACTICE + "/{code}", TestData.organisationId(), code)
                .then()
                .statusCode(401);
        TestData.as(Persona.PARTICIPANT)
                .delete(PRACTICE + "/{code}", TestData.organisationId(), code)
                .then()
                .statusCode(403);
        // another organisation's trainer is told nothing about this organisation's rooms
        TestData.as(Persona.TRAINER_B)
                .delete(PRACTICE + "/{code}", TestData.organisationId(), code)
                .then()
                .statusCode(404);
        // a cookie write without its CSRF token is refused
        given().cookie("mutuality_session", TestData.session(Persona.ADMIN_A).cookie())
                .delete(PRACTICE + "/{code}", TestData.organisationId(), code)
                .then()
                .statusCode(403)
                .body("type", equalTo("https://mutuality.io/problems/csrf"));
        joinAs(code, "Still open").then().statusCode(201);

        TestData.as(Persona.ADMIN_A)
                .delete(PRACTICE + "/{code}", TestData.organisationId(), code)
                .then()
                .statusCode(204);
        joinAs(code, "Too late").then().statusCode(404);
    }

    @Test
    void aDaysRoomIsNotClosedAsAPracticeRoom() {
        String dayRoom = TestData.demoRoomCode();
        TestData.as(Persona.ADMIN_A)
                .delete(PRACTICE + "/{code}", TestData.organisationId(), dayRoom)
                .then()
                .statusCode(404);
        joinAs(dayRoom, "Day participant").then().statusCode(201);
    }
}
