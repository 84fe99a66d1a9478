package io.mutuality.curriculum;

import static io.mutuality.TestData.Persona.ADMIN_A;
import static io.mutuality.TestData.Persona.TRAINER_A;
import static io.mutuality.TestData.Persona.TRAINER_B;
import static io.mutuality.TestData.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.mutuality.TestData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VariantAndPinningTest {

    private static String variantsPath() {
        return "/api/curricula/organisations/" + TestData.organisationId() + "/variants";
    }

    /** A two-day Introduction cohort, optionally pinned to a variant; returns its path. */
    private static String planIntroduction(String variantId) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "courseId",
                "introduction",
                "title",
                "Intro by the sea",
                "capacity",
                20,
                "venue",
                Map.of("name", "Harbour Room"),
                "days",
                List.of(
                        Map.of("date", "2031-10-06", "startsAt", "09:30", "endsAt", "16:30"),
                        Map.of("date", "2031-10-07", "startsAt", "09:30", "endsAt", "16:30"))));
        if (variantId != null) {
            body.put("variantId", variantId);
        }
        return as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(body)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location")
                .replaceFirst("^https?://[^/]+", "");
    }

    @Test
    void aCohortRunsTheCourseAsItWasWhenPlanned() {
        String cohort = planIntroduction(null);
        String version = given().get("/api/curricula/courses/introduction")
                .then()
                .extract()
                .path("course.version");
        as(TRAINER_A)
                .get(cohort)
                .then()
                .body("curriculumSource", equalTo("introduction"))
                .body("curriculumVersion", equalTo(version));
        String firstTitle = as(TRAINER_A)
                .get(cohort + "/curriculum")
                .then()
                .statusCode(200)
                .body("days", hasSize(2))
                .body("days[0].agenda[0].module.facilitatorNotes", not(equalTo(null)))
                .extract()
                .path("days[0].agenda[0].title");

        // the pinned copy is what the cohort runs: change it and the cohort follows it, the files do not move
        QuarkusTransaction.requiringNew().run(() -> {
            CurriculumSnapshot snapshot =
                    CurriculumSnapshot.findById(new CurriculumSnapshot.Key("introduction", version));
            snapshot.content = snapshot.content.replace(firstTitle, "Pinned opening");
        });
        as(TRAINER_A).get(cohort + "/curriculum").then().body("days[0].agenda[0].title", equalTo("Pinned opening"));
        given().get("/api/curricula/courses/introduction").then().body("days[0].agenda[0].title", equalTo(firstTitle));
        QuarkusTransaction.requiringNew().run(() -> {
            CurriculumSnapshot snapshot =
                    CurriculumSnapshot.findById(new CurriculumSnapshot.Key("introduction", version));
            snapshot.content = snapshot.content.replace("Pinned opening", firstTitle);
        });
    }

    @Test
    void aVariantMadeThroughTheApiIsUsedByItsCohortAndTheCourseIsUnchanged() {
        String canonicalFirst = given().get("/api/curricula/courses/introduction")
                .then()
                .extract()
                .path("days[0].agenda[0].moduleId");
        String variant = as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(TestData.introductionVariant("Intro, the Tideway way"))
                .post(variantsPath())
                .then()
                .statusCode(201)
                .body("variant.revision", equalTo(1))
                .body("resolved.days[0].agenda[0].title", equalTo("Fáilte: a Tideway welcome"))
                .body("resolved.ownPrompts[0].id", equalTo("checkin-tide"))
                .extract()
                .path("variant.id");

        String cohort = planIntroduction(variant);
        as(TRAINER_A)
                .get(cohort)
                .then()
                .body("curriculumSource", equalTo("variant/" + variant))
                .body("curriculumVersion", endsWith("-r1"));
        as(TRAINER_A)
                .get(cohort + "/curriculum")
                .then()
                .statusCode(200)
                .body("variantName", equalTo("Intro, the Tideway way"))
                .body("days[0].agenda[0].title", equalTo("Fáilte: a Tideway welcome"))
                .body(
                        "days[0].agenda[0].module.facilitatorNotes",
                        equalTo("Invite the welcome in Irish, then in English. Anyone may simply listen."));

        // a later change makes a new revision; the cohort keeps the one it was planned with
        Map<String, Object> renamed = new HashMap<>(TestData.introductionVariant("Intro, renamed"));
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(renamed)
                .put(variantsPath() + "/" + variant)
                .then()
                .statusCode(200)
                .body("variant.revision", equalTo(2));
        as(TRAINER_A).get(cohort + "/curriculum").then().body("variantName", equalTo("Intro, the Tideway way"));

        given().get("/api/curricula/courses/introduction")
                .then()
                .body("days[0].agenda[0].moduleId", equalTo(canonicalFirst))
                .body("days.agenda.flatten().title", not(hasItem("Fáilte: a Tideway welcome")));
        as(TRAINER_A).get(variantsPath()).then().statusCode(200).body("id", hasItem(variant));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aVariantMustStillFitItsDaysAndUseRealModules() {
        Map<String, Object> body = new HashMap<>(TestData.introductionVariant("Broken"));
        List<Map<String, Object>> days = new ArrayList<>((List<Map<String, Object>>) body.get("days"));
        Map<String, Object> dayOne = new HashMap<>(days.get(0));
        List<Map<String, Object>> agenda = new ArrayList<>((List<Map<String, Object>>) dayOne.get("agenda"));
        agenda.add(Map.of("break", "A long lunch", "minutes", 30));
        dayOne.put("agenda", agenda);
        days.set(0, dayOne);
        body.put("days", days);
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(body)
                .post(variantsPath())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("days[0].agenda"));

        agenda.remove(agenda.size() - 1);
        agenda.set(1, Map.of("module", "intro-no-such-module"));
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(body)
                .post(variantsPath())
                .then()
                .statusCode(422)
                .body("errors.field", hasItem("days[0].agenda[1].module"));

        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "", "courseId", "core", "days", List.of()))
                .post(variantsPath())
                .then()
                .statusCode(400);
    }

    @Test
    void onlyTheOrganisationsAdminsMakeVariantsAndOthersDoNotSeeThem() {
        as(TRAINER_A)
                .contentType(ContentType.JSON)
                .body(TestData.introductionVariant("Not mine to make"))
                .post(variantsPath())
                .then()
                .statusCode(403);
        as(TRAINER_B).get(variantsPath()).then().statusCode(404);
        as(ADMIN_A)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "courseId",
                        "introduction",
                        "title",
                        "x",
                        "capacity",
                        5,
                        "venue",
                        Map.of("name", "Hall"),
                        "variantId",
                        java.util.UUID.randomUUID().toString(),
                        "days",
                        List.of(
                                Map.of("date", "2031-10-06", "startsAt", "09:30", "endsAt", "16:30"),
                                Map.of("date", "2031-10-07", "startsAt", "09:30", "endsAt", "16:30"))))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("variantId"));
    }
}
