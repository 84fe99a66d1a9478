package io.mutuality.registration;

import static io.mutuality.TestData.admin;
import static io.mutuality.TestData.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.mutuality.identity.IdentityService;
import io.mutuality.registration.RegistrationApi.RegisterRequest;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional, anonymous end-of-course evaluation: when it opens, answering once, what staff read, what is kept. */
@QuarkusTest
class EvaluationTest {

    @Inject
    IdentityService identity;

    @Inject
    SchedulingService scheduling;

    @Inject
    RegistrationService registrations;

    @Inject
    EntityManager entities;

    private static int weeks;

    /** A Core cohort open for registration, trainer A leading; returns its id. */
    private String openCohort() {
        LocalDate firstDay = LocalDate.of(2039, 1, 3).plusWeeks(2L * weeks++);
        String json =
                TestData.coreCohortJson(firstDay.toString()).replaceFirst("\"registrationOpens\": \"[^\"]*\", ", "");
        String location = admin().contentType(ContentType.JSON)
                .body(json)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String cohort = location.substring(location.lastIndexOf('/') + 1);
        String trainerA = identity.findByEmail(TestData.email(Persona.TRAINER_A))
                .orElseThrow()
                .id()
                .value()
                .toString();
        admin().contentType(ContentType.JSON)
                .body(Map.of("accountId", trainerA, "lead", true))
                .post(TestData.cohortsPath() + "/" + cohort + "/trainers")
                .then()
                .statusCode(200);
        admin().post(TestData.cohortsPath() + "/" + cohort + "/registrations/open")
                .then()
                .statusCode(200);
        return cohort;
    }

    private String register(String cohort, String name, String email) {
        return registrations
                .register(CohortId.fromString(cohort), new RegisterRequest(name, email, null, null, null))
                .manageToken();
    }

    private static Map<String, Object> answers(
            String helped, String gotInTheWay, String takeWithYou, String anythingElse) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("helped", helped);
        body.put("gotInTheWay", gotInTheWay);
        body.put("takeWithYou", takeWithYou);
        body.put("anythingElse", anythingElse);
        return body;
    }

    @Test
    void participantsAnswerOnceAfterTheCourseAndStaffReadTheWordsOnly() {
        String cohort = openCohort();
        String ana = register(cohort, "Ana Evaluating", "ana.evaluating@example.test");
        String ben = register(cohort, "Ben Evaluating", "ben.evaluating@example.test");
        String cleo = register(cohort, "Cleo Evaluating", "cleo.evaluating@example.test");
        register(cohort, "Dev Evaluating", "dev.evaluating@example.test");
        String evaluations = TestData.cohortsPath() + "/" + cohort + "/evaluations";
        as(Persona.TRAINER_A)
                .get(evaluations)
                .then()
                .statusCode(200)
                .body("open", equalTo(false))
                .body("asked", equalTo(4))
                .body("answered", equalTo(0))
                .body("answers", hasSize(0));

        given().get("/api/public/registrations/" + ana).then().statusCode(200).body("evaluation", equalTo("NOT_OPEN"));
        given().contentType(ContentType.JSON)
                .body(answers("Too early", null, null, null))
                .post("/api/public/registrations/" + ana + "/evaluation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");

        scheduling.advance(CohortId.fromString(cohort), Instant.parse("2040-01-01T00:00:00Z"));
        given().get("/api/public/registrations/" + ana).then().statusCode(200).body("evaluation", equalTo("OPEN"));
        given().contentType(ContentType.JSON)
                .body(answers(
                        "Being listened to without being fixed",
                        "The room was cold",
                        "Asking what we could create",
                        null))
                .post("/api/public/registrations/" + ana + "/evaluation")
                .then()
                .statusCode(200)
                .body("evaluation", equalTo("ANSWERED"));
        given().contentType(ContentType.JSON)
                .body(answers("Again", null, null, null))
                .post("/api/public/registrations/" + ana + "/evaluation")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // every question can be passed; a blank answer counts as answered but leaves nothing to read
        given().contentType(ContentType.JSON)
                .body(answers(" ", null, "", null))
                .post("/api/public/registrations/" + ben + "/evaluation")
                .then()
                .statusCode(200)
                .body("evaluation", equalTo("ANSWERED"));

        // two people have answered: too few for their words to stay anonymous, so none are shown yet
        as(Persona.TRAINER_A)
                .get(evaluations)
                .then()
                .statusCode(200)
                .body("open", equalTo(true))
                .body("asked", equalTo(4))
                .body("answered", equalTo(2))
                .body("fewestToShow", equalTo(3))
                .body("answers", hasSize(0));
        given().contentType(ContentType.JSON)
                .body(answers(null, null, null, "Thank you all"))
                .post("/api/public/registrations/" + cleo + "/evaluation")
                .then()
                .statusCode(200);

        as(Persona.TRAINER_A)
                .get(evaluations)
                .then()
                .statusCode(200)
                .body("answered", equalTo(3))
                .body("answers", hasSize(2))
                .body(
                        "answers.helped",
                        org.hamcrest.Matchers.containsInAnyOrder("Being listened to without being fixed", null))
                .body("answers.gotInTheWay", org.hamcrest.Matchers.hasItem("The room was cold"))
                .body("answers.takeWithYou", org.hamcrest.Matchers.hasItem("Asking what we could create"))
                .body("answers.anythingElse", org.hamcrest.Matchers.containsInAnyOrder("Thank you all", null))
                .body(
                        "answers[0].keySet()",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "helped", "gotInTheWay", "takeWithYou", "anythingElse"));
        admin().get(evaluations).then().statusCode(200).body("answers", hasSize(2));
        as(Persona.TRAINER_A_UNBOOKED).get(evaluations).then().statusCode(403);
        as(Persona.TRAINER_B).get(evaluations).then().statusCode(404);
        as(Persona.PARTICIPANT).get(evaluations).then().statusCode(403);
        as(Persona.ANONYMOUS).get(evaluations).then().statusCode(401);
    }

    @Test
    void anAnswerIsLongAtMostTwoThousandCharactersAndAnUnknownLinkIsNotFound() {
        String cohort = openCohort();
        String ana = register(cohort, "Ana Long", "ana.long@example.test");
        scheduling.advance(CohortId.fromString(cohort), Instant.parse("2040-01-01T00:00:00Z"));
        given().contentType(ContentType.JSON)
                .body(answers("x".repeat(2001), null, null, null))
                .post("/api/public/registrations/" + ana + "/evaluation")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("helped")));
        given().get("/api/public/registrations/" + ana).then().statusCode(200).body("evaluation", equalTo("OPEN"));
        given().contentType(ContentType.JSON)
                .body(answers("Fine", null, null, null))
                .post("/api/public/registrations/not-a-link/evaluation")
                .then()
                .statusCode(404);
    }

    @Test
    void aStoredAnswerHoldsNothingThatLeadsBackToItsPerson() {
        List<?> columns = QuarkusTransaction.requiringNew()
                .call(() -> entities.createNativeQuery(
                                "select column_name from information_schema.columns where lower(table_name) = 'evaluation'")
                        .getResultList());
        List<String> names = columns.stream()
                .map(c -> c.toString().toLowerCase(Locale.ROOT))
                .sorted()
                .toList();
        assertThat(names)
                .containsExactlyInAnyOrder(
                        "id", "cohort_id", "helped", "got_in_the_way", "take_with_you", "anything_else");
        assertThat(names)
                .noneMatch(n -> n.contains("registration")
                        || n.contains("account")
                        || n.contains("email")
                        || n.contains("name")
                        || n.endsWith("_at"));
    }
}
