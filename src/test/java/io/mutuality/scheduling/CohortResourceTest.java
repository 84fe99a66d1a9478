package io.mutuality.scheduling;

import static io.mutuality.TestData.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.mutuality.TestData;
import io.mutuality.demo.DemoData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CohortResourceTest {

    @Inject
    SchedulingService scheduling;

    @Test
    void theDemoOrganisationAndItsCoreCohortCanBeRead() {
        admin().get("/api/organisations/" + TestData.organisationId())
                .then()
                .statusCode(200)
                .body("slug", equalTo(DemoData.ORGANISATION_SLUG))
                .body("timeZone", equalTo("Europe/Dublin"));
        admin().get(TestData.cohortsPath())
                .then()
                .statusCode(200)
                .body("find { it.title.startsWith('Core training,') }.status", equalTo("OPEN"))
                .body("find { it.title.startsWith('Core training,') }.days", hasSize(5))
                .body("find { it.title.startsWith('Core training,') }.trainers[0].displayName", equalTo("Sam Okafor"))
                .body("find { it.title.startsWith('Core training,') }.trainers[0].lead", equalTo(true));
    }

    @Test
    void planningACohortAnswers201WithItsLocation() {
        String location = admin().contentType(ContentType.JSON)
                .body(TestData.coreCohortJson("2031-05-05"))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .header("Location", containsString(TestData.cohortsPath() + "/"))
                .body("status", equalTo("DRAFT"))
                .body("timeZone", equalTo("Europe/Dublin"))
                .body("venue.name", equalTo("The Long Room"))
                .body("days[4].date", equalTo("2031-05-09"))
                .body("days[4].dayNumber", equalTo(5))
                .extract()
                .header("Location");

        admin().get(location)
                .then()
                .statusCode(200)
                .body("title", equalTo("Core in the spring"))
                .body("days[0].startsAt", equalTo("09:30:00"))
                .body("leadNeeds", equalTo("TRAIN_THE_TRAINER"));
    }

    @Test
    void aCohortSaysWhatItsCourseAsksOfALeadTrainer() {
        String intro = """
                {"courseId": "introduction", "title": "Introduction in May", "capacity": 20,
                 "venue": {"name": "The Long Room", "address": "1 Mill Street"},
                 "registrationOpens": "2031-03-01", "registrationCloses": "2031-05-05",
                 "days": [{"date": "2031-05-12", "startsAt": "09:30", "endsAt": "16:30"},
                          {"date": "2031-05-13", "startsAt": "09:30", "endsAt": "16:30"}]}
                """;
        admin().contentType(ContentType.JSON)
                .body(intro)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .body("courseId", equalTo("introduction"))
                .body("leadNeeds", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aCohortTitleIsNormalisedAndMustBeReadable() {
        for (String title : new String[] {"Core\u0000", "\u200B\u200C", "Core \u202Enirps"}) {
            admin().contentType(ContentType.JSON)
                    .body(TestData.coreCohortJson("2031-06-02")
                            .replace("Core in the spring", title.replace("\u0000", "\\u0000")))
                    .post(TestData.cohortsPath())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://mutuality.io/problems/validation"))
                    .body("errors.field", org.hamcrest.Matchers.hasItem("title"));
        }
        String location = admin().contentType(ContentType.JSON)
                .body(TestData.coreCohortJson("2031-06-09").replace("Core in the spring", "  Core in Ba\u0301rcelona "))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        admin().get(location).then().body("title", equalTo("Core in B\u00E1rcelona"));
    }

    @Test
    void anOrganisationNameMustBeReadable() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scheduling.foundOrganisation(
                        "\u200B\uFEFF", "invisible-" + System.nanoTime(), java.time.ZoneId.of("Europe/Dublin")))
                .isInstanceOfSatisfying(
                        io.mutuality.common.ProblemException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(
                                        e.errors().get(0).field())
                                .isEqualTo("name"));
    }

    @Test
    void aPlanThatBreaksSchedulingRulesNamesEveryField() {
        String body = """
                {"courseId": "introduction", "title": "Intro", "capacity": 20, "timeZone": "Mars/Olympus",
                 "registrationCloses": "2031-06-10",
                 "days": [{"date": "2031-06-10", "startsAt": "16:00", "endsAt": "09:00"},
                          {"date": "2031-06-09", "startsAt": "09:30", "endsAt": "16:30"},
                          {"date": "2031-06-11", "startsAt": "09:30", "endsAt": "16:30"}]}
                """;
        admin().contentType(ContentType.JSON)
                .body(body)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://mutuality.io/problems/rule-violation"))
                .body("errors.field", hasItem("timeZone"))
                .body("errors.field", hasItem("days"))
                .body("errors.field", hasItem("days[0].endsAt"))
                .body("errors.field", hasItem("days[1].date"))
                .body("errors.field", hasItem("venue"))
                .body("errors.field", hasItem("registrationCloses"));
    }

    @Test
    void anUnknownCourseIsARuleViolation() {
        String body = TestData.coreCohortJson("2031-05-05").replace("\"core\"", "\"juggling\"");
        admin().contentType(ContentType.JSON)
                .body(body)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("courseId"));
    }

    @Test
    void anotherOrganisationsCohortIsNotFoundThroughThisOrganisation() {
        Organisation other = scheduling.foundOrganisation(
                "Faraway Peer Network", "faraway-" + System.nanoTime(), ZoneId.of("Pacific/Auckland"));
        var days = new java.util.ArrayList<CohortPlan.Day>();
        for (int i = 0; i < 5; i++) {
            days.add(new CohortPlan.Day(
                    java.time.LocalDate.parse("2031-09-01").plusDays(i),
                    java.time.LocalTime.of(9, 0),
                    java.time.LocalTime.of(16, 0)));
        }
        Cohort theirs = scheduling.plan(
                other.organisationId(),
                new CohortPlan("core", "Their Core", null, 10, "Hall", null, null, null, null, days, null));
        String cohortId = theirs.getId().toString();
        org.assertj.core.api.Assertions.assertThat(theirs.getTimeZone()).isEqualTo("Pacific/Auckland");

        admin().get(TestData.cohortsPath() + "/" + cohortId)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        admin().get(TestData.cohortsPath()).then().body("id", org.hamcrest.Matchers.not(hasItem(cohortId)));
    }

    @Test
    void planningForAnUnknownOrganisationIsNotFound() {
        admin().contentType(ContentType.JSON)
                .body(TestData.coreCohortJson("2031-05-05"))
                .post("/api/organisations/00000000-0000-0000-0000-000000000001/cohorts")
                .then()
                .statusCode(404)
                .body("type", notNullValue());
    }
}
