package io.mutuality.scheduling;

import static io.mutuality.TestData.admin;
import static io.mutuality.TestData.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.mutuality.identity.IdentityService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cohort's support contact and working agreements: who may set them, what is refused, where they show. */
@QuarkusTest
class CohortSurroundingsTest {

    @Inject
    IdentityService identity;

    @Inject
    io.mutuality.registration.RegistrationService registrations;

    private static int weeks;

    /** A fresh Core cohort, far ahead, with trainer A booked as its lead; returns its path. */
    private String cohortWithTrainerA() {
        String firstDay =
                java.time.LocalDate.of(2038, 1, 4).plusWeeks(2L * weeks++).toString();
        // registration open from now on, so people can register for it
        String json = TestData.coreCohortJson(firstDay).replaceFirst("\"registrationOpens\": \"[^\"]*\", ", "");
        String location = admin().contentType(ContentType.JSON)
                .body(json)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String path = TestData.cohortsPath() + "/" + location.substring(location.lastIndexOf('/') + 1);
        String trainerA = identity.findByEmail(TestData.email(Persona.TRAINER_A))
                .orElseThrow()
                .id()
                .value()
                .toString();
        admin().contentType(ContentType.JSON)
                .body(Map.of("accountId", trainerA, "lead", true))
                .post(path + "/trainers")
                .then()
                .statusCode(200);
        return path;
    }

    private static Map<String, Object> contact(String name, String phone, String email, String note) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("email", email);
        body.put("note", note);
        return body;
    }

    @Test
    void theCohortsTrainerNamesASupportContactThatStaffSeeInTheCohort() {
        String cohort = cohortWithTrainerA();
        as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(contact(
                        "Róisín Byrne", "+353 1 555 0100", "roisin@tideway.test", "Reachable 9 to 5 on training days"))
                .put(cohort + "/support-contact")
                .then()
                .statusCode(200)
                .body("supportContact.name", equalTo("Róisín Byrne"))
                .body("supportContact.phone", equalTo("+353 1 555 0100"));
        as(Persona.TRAINER_A_UNBOOKED)
                .get(cohort)
                .then()
                .statusCode(200)
                .body("supportContact.email", equalTo("roisin@tideway.test"))
                .body("supportContact.note", equalTo("Reachable 9 to 5 on training days"));
        admin().contentType(ContentType.JSON)
                .body(contact("Dara Quinn", null, "dara@tideway.test", null))
                .put(cohort + "/support-contact")
                .then()
                .statusCode(200)
                .body("supportContact.name", equalTo("Dara Quinn"))
                .body("supportContact.phone", nullValue());
        // and a participant reads it on their own registration page
        admin().post(cohort + "/registrations/open").then().statusCode(200);
        String token = registrations
                .register(
                        CohortId.fromString(cohort.substring(cohort.lastIndexOf('/') + 1)),
                        new io.mutuality.registration.RegistrationApi.RegisterRequest(
                                "Ana Participant", "ana.support@example.test", null, null, null))
                .manageToken();
        io.restassured.RestAssured.given()
                .get("/api/public/registrations/" + token)
                .then()
                .statusCode(200)
                .body("supportContact.name", equalTo("Dara Quinn"))
                .body("supportContact.email", equalTo("dara@tideway.test"));
        admin().delete(cohort + "/support-contact").then().statusCode(204);
        // once it is gone there is nothing to delete, as with the follow-up session
        admin().delete(cohort + "/support-contact").then().statusCode(404).contentType("application/problem+json");
        io.restassured.RestAssured.given()
                .get("/api/public/registrations/" + token)
                .then()
                .statusCode(200)
                .body("supportContact", nullValue());
        admin().get(cohort).then().statusCode(200).body("supportContact", nullValue());
    }

    @Test
    void aSupportContactNeedsAWayToReachThemAndSensibleFields() {
        String cohort = cohortWithTrainerA();
        admin().contentType(ContentType.JSON)
                .body(contact("Dara Quinn", " ", null, "Any time"))
                .put(cohort + "/support-contact")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("phone"));
        admin().contentType(ContentType.JSON)
                .body(contact("Dara Quinn", null, "not-an-email", null))
                .put(cohort + "/support-contact")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        admin().contentType(ContentType.JSON)
                .body(contact("x".repeat(121), "0851234567", null, "n".repeat(301)))
                .put(cohort + "/support-contact")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "note"));
        admin().contentType(ContentType.JSON)
                .body(contact("Dara Quinn", "call me maybe", null, null))
                .put(cohort + "/support-contact")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("phone"));
        admin().get(cohort).then().statusCode(200).body("supportContact", nullValue());
    }

    @Test
    void onlyTheCohortsTrainersAndAdminsSetItAndOtherOrganisationsDoNotSeeIt() {
        String cohort = cohortWithTrainerA();
        Map<String, Object> body = contact("Dara Quinn", "0851234567", null, null);
        as(Persona.ANONYMOUS)
                .contentType(ContentType.JSON)
                .body(body)
                .put(cohort + "/support-contact")
                .then()
                .statusCode(401);
        as(Persona.PARTICIPANT)
                .contentType(ContentType.JSON)
                .body(body)
                .put(cohort + "/support-contact")
                .then()
                .statusCode(403);
        as(Persona.TRAINER_A_UNBOOKED)
                .contentType(ContentType.JSON)
                .body(body)
                .put(cohort + "/support-contact")
                .then()
                .statusCode(403);
        as(Persona.TRAINER_B)
                .contentType(ContentType.JSON)
                .body(body)
                .put(cohort + "/support-contact")
                .then()
                .statusCode(404);
        as(Persona.TRAINER_B).delete(cohort + "/support-contact").then().statusCode(404);
        List<String> statements = List.of("Anyone can pass");
        as(Persona.ANONYMOUS)
                .contentType(ContentType.JSON)
                .body(Map.of("statements", statements))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(401);
        as(Persona.PARTICIPANT)
                .contentType(ContentType.JSON)
                .body(Map.of("statements", statements))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(403);
        as(Persona.TRAINER_A_UNBOOKED)
                .contentType(ContentType.JSON)
                .body(Map.of("statements", statements))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(403);
        as(Persona.TRAINER_B)
                .contentType(ContentType.JSON)
                .body(Map.of("statements", statements))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(404);
        admin().get(cohort)
                .then()
                .statusCode(200)
                .body("supportContact", nullValue())
                .body("workingAgreements", org.hamcrest.Matchers.empty());
    }

    @Test
    void theGroupsWorkingAgreementsAreKeptInOrderAndReplacedAsAWhole() {
        String cohort = cohortWithTrainerA();
        as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "statements",
                        List.of(
                                "  Anyone can pass  ",
                                "What is said here stays here",
                                "Speak from your own experience")))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(200)
                .body(
                        "statements",
                        contains("Anyone can pass", "What is said here stays here", "Speak from your own experience"));
        as(Persona.TRAINER_A_UNBOOKED)
                .get(cohort)
                .then()
                .statusCode(200)
                .body(
                        "workingAgreements",
                        contains("Anyone can pass", "What is said here stays here", "Speak from your own experience"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("statements", List.of("Speak from your own experience", "Anyone can pass")))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(200);
        admin().get(cohort)
                .then()
                .statusCode(200)
                .body("workingAgreements", contains("Speak from your own experience", "Anyone can pass"));
        admin().contentType(ContentType.JSON)
                .body(Map.of("statements", List.of()))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(200);
        admin().get(cohort).then().statusCode(200).body("workingAgreements", org.hamcrest.Matchers.empty());
    }

    @Test
    void workingAgreementsAreShortAndFew() {
        String cohort = cohortWithTrainerA();
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 21; i++) {
            many.add("Agreement " + i);
        }
        admin().contentType(ContentType.JSON)
                .body(Map.of("statements", many))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("statements")));
        admin().contentType(ContentType.JSON)
                .body(Map.of("statements", List.of("Fine", "x".repeat(201))))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem(org.hamcrest.Matchers.startsWith("statements")));
        admin().contentType(ContentType.JSON)
                .body(Map.of("statements", List.of("Fine", " ")))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(400);
        admin().contentType(ContentType.JSON)
                .body(Map.of("statements", many.subList(0, 20)))
                .put(cohort + "/working-agreements")
                .then()
                .statusCode(200);
        admin().get(cohort).then().statusCode(200).body("workingAgreements.size()", equalTo(20));
    }

    private static Map<String, Object> followUp(String date, String startsAt, String endsAt, String place) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date);
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("place", place);
        body.put("note", "Bring one moment from your practice since the course");
        return body;
    }

    @Test
    void aFollowUpCoReflectionSessionIsPlannedMovedAndCalledOff() {
        String cohort = cohortWithTrainerA();
        String lastDay = admin().get(cohort).then().extract().path("days[4].date");
        String sixWeeksOn = java.time.LocalDate.parse(lastDay).plusWeeks(6).toString();
        as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(followUp(sixWeeksOn, "18:00", "20:00", "The Long Room"))
                .put(cohort + "/follow-up")
                .then()
                .statusCode(200)
                .body("followUp.date", equalTo(sixWeeksOn))
                .body("followUp.startsAt", equalTo("18:00:00"))
                .body("followUp.place", equalTo("The Long Room"))
                .body("followUp.note", equalTo("Bring one moment from your practice since the course"));
        admin().contentType(ContentType.JSON)
                .body(followUp(sixWeeksOn, "10:00", "12:00", "https://meet.example.test/reflect"))
                .put(cohort + "/follow-up")
                .then()
                .statusCode(200)
                .body("followUp.place", equalTo("https://meet.example.test/reflect"));
        as(Persona.TRAINER_A_UNBOOKED)
                .get(cohort)
                .then()
                .statusCode(200)
                .body("followUp.startsAt", equalTo("10:00:00"));

        // participants see it on their own registration page
        admin().post(cohort + "/registrations/open").then().statusCode(200);
        String token = registrations
                .register(
                        CohortId.fromString(cohort.substring(cohort.lastIndexOf('/') + 1)),
                        new io.mutuality.registration.RegistrationApi.RegisterRequest(
                                "Ben Participant", "ben.followup@example.test", null, null, null))
                .manageToken();
        io.restassured.RestAssured.given()
                .get("/api/public/registrations/" + token)
                .then()
                .statusCode(200)
                .body("followUp.date", equalTo(sixWeeksOn))
                .body("followUp.place", equalTo("https://meet.example.test/reflect"));

        admin().delete(cohort + "/follow-up").then().statusCode(204);
        admin().delete(cohort + "/follow-up").then().statusCode(404).contentType("application/problem+json");
        io.restassured.RestAssured.given()
                .get("/api/public/registrations/" + token)
                .then()
                .statusCode(200)
                .body("followUp", nullValue());
    }

    @Test
    void aFollowUpComesAfterTheCourseEndsAfterItStartsAndOnlyStaffOfTheCohortPlanIt() {
        String cohort = cohortWithTrainerA();
        String lastDay = admin().get(cohort).then().extract().path("days[4].date");
        String later = java.time.LocalDate.parse(lastDay).plusWeeks(4).toString();
        admin().contentType(ContentType.JSON)
                .body(followUp(lastDay, "18:00", "20:00", "The Long Room"))
                .put(cohort + "/follow-up")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("date"));
        admin().contentType(ContentType.JSON)
                .body(followUp(later, "18:00", "17:00", "The Long Room"))
                .put(cohort + "/follow-up")
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("endsAt"));
        admin().contentType(ContentType.JSON)
                .body(followUp(later, "18:00", "20:00", " "))
                .put(cohort + "/follow-up")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("place"));
        Map<String, Object> fine = followUp(later, "18:00", "20:00", "The Long Room");
        as(Persona.ANONYMOUS)
                .contentType(ContentType.JSON)
                .body(fine)
                .put(cohort + "/follow-up")
                .then()
                .statusCode(401);
        as(Persona.PARTICIPANT)
                .contentType(ContentType.JSON)
                .body(fine)
                .put(cohort + "/follow-up")
                .then()
                .statusCode(403);
        as(Persona.TRAINER_A_UNBOOKED)
                .contentType(ContentType.JSON)
                .body(fine)
                .put(cohort + "/follow-up")
                .then()
                .statusCode(403);
        as(Persona.TRAINER_B)
                .contentType(ContentType.JSON)
                .body(fine)
                .put(cohort + "/follow-up")
                .then()
                .statusCode(404);
        admin().get(cohort).then().statusCode(200).body("followUp", nullValue());

        admin().contentType(ContentType.JSON)
                .body(Map.of("reason", "Not enough people this time"))
                .post(cohort + "/cancel")
                .then()
                .statusCode(200);
        admin().contentType(ContentType.JSON)
                .body(fine)
                .put(cohort + "/follow-up")
                .then()
                .statusCode(409);
    }
}
