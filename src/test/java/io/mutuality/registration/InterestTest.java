package io.mutuality.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expressions of interest: demand by course and place, and inviting those who asked when a cohort opens. */
@QuarkusTest
class InterestTest {

    @Inject
    MockMailbox mailbox;

    private static void interested(String place, String name, String email) {
        given().contentType(ContentType.JSON)
                .body(Map.of("courseId", "advanced", "place", place, "name", name, "email", email))
                .post("/api/public/organisations/" + TestData.organisationId() + "/interest")
                .then()
                .statusCode(201);
    }

    @Test
    void demandIsCountedByCourseAndPlaceAndEveryoneWhoAskedIsInvitedOnce() {
        String place = "Ennistymon " + System.nanoTime();
        interested(place, "Una", "una@example.test");
        interested(place.toUpperCase(), "Una again", "UNA@example.test");
        interested(" " + place + " ", "Vic", "vic@example.test");
        interested(place + " North", "Wren", "wren@example.test");
        given().get("/api/public/organisations/" + TestData.organisationId() + "/interest")
                .then()
                .statusCode(200)
                .body("organisationName", equalTo("Tideway Peer Collective"));

        List<Map<String, Object>> demand = TestData.as(Persona.TRAINER_A)
                .get("/api/organisations/" + TestData.organisationId() + "/interest")
                .then()
                .statusCode(200)
                .extract()
                .path("");
        assertThat(demand)
                .filteredOn(d -> place.equals(d.get("place")))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.get("people")).isEqualTo(2);
                    assertThat(d.get("courseTitle")).isEqualTo("IPS Advanced Training");
                });
        TestData.as(Persona.TRAINER_B)
                .get("/api/organisations/" + TestData.organisationId() + "/interest")
                .then()
                .statusCode(404);

        String cohort = openAdvancedCohort();
        mailbox.clear();
        Map<String, Object> invite = Map.of("courseId", "advanced", "place", place.toLowerCase(), "cohortId", cohort);
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(invite)
                .post("/api/organisations/" + TestData.organisationId() + "/interest/invite")
                .then()
                .statusCode(403);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(invite)
                .post("/api/organisations/" + TestData.organisationId() + "/interest/invite")
                .then()
                .statusCode(200)
                .body("invited", equalTo(2));
        assertThat(mailbox.getMailsSentTo("una@example.test")).hasSize(1);
        assertThat(mailbox.getMailsSentTo("una@example.test").get(0).getText()).contains("/register/" + cohort);
        assertThat(mailbox.getMailsSentTo("wren@example.test")).isEmpty();
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(invite)
                .post("/api/organisations/" + TestData.organisationId() + "/interest/invite")
                .then()
                .statusCode(200)
                .body("invited", equalTo(0));
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("courseId", "core", "place", place, "cohortId", cohort))
                .post("/api/organisations/" + TestData.organisationId() + "/interest/invite")
                .then()
                .statusCode(422);
    }

    @Test
    void badInterestIsAClearProblem() {
        String url = "/api/public/organisations/" + TestData.organisationId() + "/interest";
        given().contentType(ContentType.JSON)
                .body(Map.of("courseId", "knitting", "place", "Galway", "name", "X", "email", "x@example.test"))
                .post(url)
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(Map.of("courseId", "core", "place", "Galway", "name", "X", "email", "nope"))
                .post(url)
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body(Map.of("courseId", "core", "place", "Galway", "name", "X", "email", "x@example.test"))
                .post("/api/public/organisations/00000000-0000-0000-0000-000000000009/interest")
                .then()
                .statusCode(404);
    }

    private static String openAdvancedCohort() {
        String body = """
                {"courseId": "advanced", "title": "Advanced in the west", "capacity": 12,
                 "venue": {"name": "The Long Room"},
                 "days": [{"date": "2035-05-07", "startsAt": "09:30", "endsAt": "16:30"},
                          {"date": "2035-05-08", "startsAt": "09:30", "endsAt": "16:30"},
                          {"date": "2035-05-09", "startsAt": "09:30", "endsAt": "16:30"}]}
                """;
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(body)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String cohortId = location.substring(location.lastIndexOf('/') + 1);
        String trainerA = io.quarkus.arc.Arc.container()
                .instance(io.mutuality.identity.IdentityService.class)
                .get()
                .findByEmail(TestData.email(Persona.TRAINER_A))
                .orElseThrow()
                .id()
                .value()
                .toString();
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("accountId", trainerA, "lead", true))
                .post(TestData.cohortsPath() + "/" + cohortId + "/trainers")
                .then()
                .statusCode(200);
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + cohortId + "/registrations/open")
                .then()
                .statusCode(200);
        return cohortId;
    }
}
