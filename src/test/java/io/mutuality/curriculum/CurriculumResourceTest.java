package io.mutuality.curriculum;

import static io.mutuality.TestData.Persona.TRAINER_A;
import static io.mutuality.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CurriculumResourceTest {

    @Test
    void listsTheFourCoursesWithTheirVersions() {
        given().get("/api/curricula/courses")
                .then()
                .statusCode(200)
                .body("id", contains("introduction", "core", "advanced", "train-the-trainer"))
                .body("lengthDays", contains(2, 5, 3, 5))
                .body("version", everyItem(notNullValue()));
    }

    @Test
    void aCourseHasItsTimedDaysWithModulesAndBreaks() {
        given().get("/api/curricula/courses/core")
                .then()
                .statusCode(200)
                .body("course.id", equalTo("core"))
                .body("days", hasSize(5))
                .body("days[0].starts", equalTo("09:30"))
                .body("days[0].agenda[0].at", equalTo("09:30"))
                .body("days[0].agenda[0].kind", equalTo("module"))
                .body("days[0].agenda.findAll { it.kind == 'break' }.size()", greaterThanOrEqualTo(2));
        given().get("/api/curricula/courses/advanced").then().body("course.prerequisites", contains("core"));
        given().get("/api/curricula/courses/juggling")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no course 'juggling' here."));
    }

    @Test
    void trainersReadAModuleWithItsFacilitatorNotes() {
        String moduleId = given().get("/api/curricula/courses/core")
                .then()
                .extract()
                .path("days[0].agenda.find { it.kind == 'module' }.moduleId");
        as(TRAINER_A)
                .get("/api/curricula/modules/" + moduleId)
                .then()
                .statusCode(200)
                .body("id", equalTo(moduleId))
                .body("facilitatorNotes", not(emptyOrNullString()))
                .body("activities", not(hasSize(0)));
        as(TRAINER_A)
                .get("/api/curricula/modules/core-principles")
                .then()
                .statusCode(200)
                .body("coFacilitation", org.hamcrest.Matchers.containsString("principles"));
        given().get("/api/curricula/modules/" + moduleId).then().statusCode(401);
        as(TRAINER_A).get("/api/curricula/modules/no-such-module").then().statusCode(404);
    }

    @Test
    void theLensIsPublicAndTheCardBanksAreForTrainers() {
        given().get("/api/curricula/lexicon").then().statusCode(200).body("size()", greaterThanOrEqualTo(80));
        given().get("/api/curricula/scenarios").then().statusCode(401);
        as(TRAINER_A)
                .get("/api/curricula/scenarios")
                .then()
                .statusCode(200)
                .body("size()", greaterThanOrEqualTo(30))
                .body("[0].roles.person-sharing", not(emptyOrNullString()));
        as(TRAINER_A).get("/api/curricula/reframes").then().statusCode(200).body("size()", greaterThanOrEqualTo(60));
        as(TRAINER_A).get("/api/curricula/prompts").then().statusCode(200).body("size()", greaterThanOrEqualTo(30));
    }

    @Test
    void theLensMarksWordsWithWhyAndOtherWaysToSayItAndNeverBlocks() {
        given().contentType("application/json")
                .body(java.util.Map.of("text", "She was attention seeking and non-compliant."))
                .post("/api/curricula/lens")
                .then()
                .statusCode(200)
                .body("text", org.hamcrest.Matchers.hasItems("attention seeking", "non-compliant"))
                .body("[0].term.why", not(emptyOrNullString()))
                .body("[0].term.alternatives", not(hasSize(0)));
        given().contentType("application/json")
                .body(java.util.Map.of("text", "x".repeat(5001)))
                .post("/api/curricula/lens")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("text"));
    }

    @Test
    void coverageMapsEveryCoreTopicAndOutcomeToModules() {
        given().get("/api/curricula/coverage")
                .then()
                .statusCode(200)
                .body("topics.values().flatten().size()", greaterThanOrEqualTo(14))
                .body("topics.four-tasks", not(hasSize(0)))
                .body("outcomes.social-justice", not(hasSize(0)));
    }

    @Test
    void trainersReadHowEachCourseRunsOnline() {
        for (String course : java.util.List.of("introduction", "core", "advanced", "train-the-trainer")) {
            as(TRAINER_A)
                    .get("/api/curricula/courses/" + course + "/online")
                    .then()
                    .statusCode(200)
                    .body("courseId", equalTo(course))
                    .body("markdown", org.hamcrest.Matchers.startsWith("# Running"));
        }
        given().get("/api/curricula/courses/core/online").then().statusCode(401);
        as(TRAINER_A).get("/api/curricula/courses/juggling/online").then().statusCode(404);
    }

    @Test
    void trainersReadAModulesPrintableMaterials() {
        as(TRAINER_A)
                .get("/api/curricula/modules/core-worldview/materials")
                .then()
                .statusCode(200)
                .body("id", contains("worldview-belief-cards"))
                .body("[0].title", equalTo("Belief cards"))
                .body("[0].kind", equalTo("cards"))
                .body("[0].markdown", org.hamcrest.Matchers.containsString("## Professionals know best"));
        as(TRAINER_A)
                .get("/api/curricula/modules/ttt-co-facilitation/materials")
                .then()
                .statusCode(200)
                .body("kind", contains("sheet", "cards"));
        as(TRAINER_A)
                .get("/api/curricula/modules/core-opening/materials")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
        given().get("/api/curricula/modules/core-worldview/materials").then().statusCode(401);
        as(TRAINER_A)
                .get("/api/curricula/modules/no-such-module/materials")
                .then()
                .statusCode(404);
    }

    @Test
    void trainersReadThePreCourseLetterWithItsPlaceholders() {
        as(TRAINER_A)
                .get("/api/curricula/courses/core/letter")
                .then()
                .statusCode(200)
                .body("courseId", equalTo("core"))
                .body("markdown", org.hamcrest.Matchers.containsString("{{support contact}}"))
                .body("placeholders.'support contact'", not(emptyOrNullString()))
                .body("placeholders.organisation", equalTo("the organisation hosting the course"));
        given().get("/api/curricula/courses/core/letter").then().statusCode(401);
        as(TRAINER_A).get("/api/curricula/courses/juggling/letter").then().statusCode(404);
    }
}
