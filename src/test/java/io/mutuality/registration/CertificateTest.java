package io.mutuality.registration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.mutuality.identity.Account;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attendance marks, completion by the organisation's rule, make-up offers, certificates that verify until revoked, prerequisites. */
@QuarkusTest
class CertificateTest {

    @Inject
    IdentityService identity;

    @Inject
    RegistrationService registrations;

    private static String org() {
        return "/api/organisations/" + TestData.organisationId();
    }

    /** A cohort of a course with days from {@code first}, one a week apart, a fresh trainer booked. */
    private String cohort(String course, String title, LocalDate first, int days, boolean lead) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            rows.add("{\"date\": \"" + first.plusWeeks(i) + "\", \"startsAt\": \"09:30\", \"endsAt\": \"16:30\"}");
        }
        String body = """
                {"courseId": "%s", "title": "%s", "capacity": 10, "venue": {"name": "The Long Room"}, "days": [%s]}
                """.formatted(course, title, String.join(",", rows));
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(body)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String cohortId = location.substring(location.lastIndexOf('/') + 1);
        Account trainer =
                identity.openAccount("cert-" + UUID.randomUUID() + "@example.test", "Nia Trainer", TestData.PASSWORD);
        identity.grant(trainer.id(), UUID.fromString(TestData.organisationId()), Role.TRAINER);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("accountId", trainer.id().value().toString(), "lead", lead))
                .post(TestData.cohortsPath() + "/" + cohortId + "/trainers")
                .then()
                .statusCode(200);
        trainers.put(cohortId, trainer.email());
        return cohortId;
    }

    /** The trainer booked on each cohort made here: marks are theirs to give (or an admin's). */
    private final Map<String, String> trainers = new java.util.HashMap<>();

    private io.restassured.specification.RequestSpecification asItsTrainer(String cohortId) {
        TestData.Session session = TestData.signIn(trainers.get(cohortId), TestData.PASSWORD);
        return io.restassured.RestAssured.given()
                .cookie("mutuality_session", session.cookie())
                .header("X-CSRF-Token", session.csrf());
    }

    private String add(String cohortId, String name, String email) {
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "email", email))
                .post(TestData.cohortsPath() + "/" + cohortId + "/registrations")
                .then()
                .statusCode(201);
        return TestData.admin()
                .get(TestData.cohortsPath() + "/" + cohortId + "/registrations")
                .then()
                .extract()
                .path("confirmed.find { it.email == '" + email + "' }.id");
    }

    private void mark(String cohortId, String registrationId, int day, int missed) {
        asItsTrainer(cohortId)
                .contentType(ContentType.JSON)
                .body(Map.of("minutesMissed", missed))
                .put(TestData.cohortsPath() + "/" + cohortId + "/completion/" + registrationId + "/days/" + day)
                .then()
                .statusCode(200);
    }

    private Map<String, Object> person(String cohortId, String name) {
        return TestData.admin()
                .get(TestData.cohortsPath() + "/" + cohortId + "/completion")
                .then()
                .statusCode(200)
                .extract()
                .path("people.find { it.name == '" + name + "' }");
    }

    @Test
    void completionFollowsTheRuleMakeUpIsOfferedAndCertificatesVerifyUntilRevoked() {
        long n = System.nanoTime();
        String cohortId = cohort("introduction", "Introduction, autumn " + n, LocalDate.parse("2026-09-07"), 2, true);
        String later = cohort("introduction", "Introduction, spring " + n, LocalDate.parse("2036-03-02"), 2, true);
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + later + "/registrations/open")
                .then()
                .statusCode(200);
        String ana = add(cohortId, "Ana Whole", "ana.whole." + n + "@example.test");
        String ben = add(cohortId, "Ben Late", "ben.late." + n + "@example.test");
        String cleo = add(cohortId, "Cleo Away", "cleo.away." + n + "@example.test");
        assertThat(person(cohortId, "Ana Whole").get("state"))
                .as("no attendance recorded yet")
                .isEqualTo("ON_TRACK");
        mark(cohortId, ana, 1, 0);
        mark(cohortId, ana, 2, 10);
        mark(cohortId, ben, 1, 120);
        mark(cohortId, ben, 2, 0);
        mark(cohortId, cleo, 1, 0);
        mark(cohortId, cleo, 2, 420);

        assertThat(person(cohortId, "Ana Whole").get("state")).isEqualTo("COMPLETED");
        Map<String, Object> benRow = person(cohortId, "Ben Late");
        assertThat(benRow.get("state")).isEqualTo("MAKE_UP");
        assertThat(benRow.get("daysToMakeUp")).isEqualTo(List.of(1));
        assertThat(benRow.get("makeUpIn").toString())
                .contains("Introduction, spring " + n)
                .contains("2036-03-02");
        assertThat(person(cohortId, "Cleo Away").get("daysToMakeUp")).isEqualTo(List.of(2));

        asItsTrainer(cohortId)
                .contentType(ContentType.JSON)
                .body(Map.of("minutesMissed", -5))
                .put(TestData.cohortsPath() + "/" + cohortId + "/completion/" + ana + "/days/1")
                .then()
                .statusCode(400);
        asItsTrainer(cohortId)
                .contentType(ContentType.JSON)
                .body(Map.of("minutesMissed", 5))
                .put(TestData.cohortsPath() + "/" + cohortId + "/completion/" + ana + "/days/9")
                .then()
                .statusCode(404);

        // certificates: only Ana completed
        asItsTrainer(cohortId)
                .post(TestData.cohortsPath() + "/" + cohortId + "/completion/certificates")
                .then()
                .statusCode(403);
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + cohortId + "/completion/certificates")
                .then()
                .statusCode(200);
        String code = (String) person(cohortId, "Ana Whole").get("certificate");
        assertThat(code).matches("IPS-[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(person(cohortId, "Ben Late").get("certificate")).isNull();
        byte[] pdf = TestData.admin()
                .get(org() + "/completion/certificates/" + code + "/pdf")
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        given().get("/api/public/certificates/" + code.toLowerCase().replace("-", ""))
                .then()
                .statusCode(200)
                .body("genuine", equalTo(true))
                .body("holderName", equalTo("Ana Whole"))
                .body("courseTitle", equalTo("Introduction to Intentional Peer Support"))
                .body("trainers", equalTo("Nia Trainer"));
        given().get("/api/public/certificates/IPS-AAAAA-AAAAA")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + cohortId + "/completion/certificates")
                .then()
                .statusCode(200);
        assertThat(person(cohortId, "Ana Whole").get("certificate"))
                .as("issuing again gives nobody a second one")
                .isEqualTo(code);

        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post(org() + "/completion/certificates/" + code + "/revoke")
                .then()
                .statusCode(400);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Issued in error"))
                .post(org() + "/completion/certificates/" + code + "/revoke")
                .then()
                .statusCode(200)
                .body("revoked", equalTo(true));
        given().get("/api/public/certificates/" + code)
                .then()
                .statusCode(200)
                .body("genuine", equalTo(false))
                .body("revokedReason", equalTo("Issued in error"));
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "Again"))
                .post(org() + "/completion/certificates/" + code + "/revoke")
                .then()
                .statusCode(409);

        // an organisation that asks people to repeat instead
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("mustAttendDays", List.of(1, 2), "maxMinutesMissed", 0, "otherwise", "REPEAT"))
                .put(org() + "/completion/rules/introduction")
                .then()
                .statusCode(200)
                .body("standard", equalTo(false));
        assertThat(person(cohortId, "Ben Late").get("state")).isEqualTo("REPEAT");
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("mustAttendDays", List.of(3), "maxMinutesMissed", 0, "otherwise", "REPEAT"))
                .put(org() + "/completion/rules/introduction")
                .then()
                .statusCode(422);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("mustAttendDays", List.of(1), "maxMinutesMissed", 210, "otherwise", "MAKE_UP"))
                .put(org() + "/completion/rules/introduction")
                .then()
                .statusCode(200);
        TestData.as(Persona.TRAINER_B)
                .get(TestData.cohortsPath() + "/" + cohortId + "/completion")
                .then()
                .statusCode(404);
    }

    @Test
    void advancedNeedsACompletedCoreProvedByACodeOrByRecordsHere() {
        long n = System.nanoTime();
        String core = cohort("core", "Core, last year " + n, LocalDate.parse("2025-06-02"), 5, false);
        // Dee is also one of the organisation's trainers: completing Core here is recorded as her qualification
        Account deeAccount = identity.openAccount("dee." + n + "@example.test", "Dee Done", TestData.PASSWORD);
        identity.grant(deeAccount.id(), UUID.fromString(TestData.organisationId()), Role.TRAINER);
        String dee = add(core, "Dee Done", "dee." + n + "@example.test");
        for (int day = 1; day <= 5; day++) {
            mark(core, dee, day, 0);
        }
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + core + "/completion/certificates")
                .then()
                .statusCode(200);
        String code = (String) person(core, "Dee Done").get("certificate");
        TestData.admin()
                .get(org() + "/members/" + deeAccount.id().value() + "/qualifications")
                .then()
                .statusCode(200)
                .body("find { it.kind == 'CORE' }.source", equalTo("completed_here"))
                .body("find { it.kind == 'CORE' }.evidence", equalTo("Certificate " + code));

        String advanced = cohort("advanced", "Advanced ahead " + n, LocalDate.parse("2037-01-05"), 3, true);
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + advanced + "/registrations/open")
                .then()
                .statusCode(200);
        String url = "/api/public/cohorts/" + advanced + "/registrations";
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Eve New", "email", "eve." + n + "@example.test"))
                .post(url)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("certificateCode"));
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name", "Eve New", "email", "eve." + n + "@example.test", "certificateCode", "IPS-ZZZZZ-ZZZZZ"))
                .post(url)
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Dee Done", "email", "DEE." + n + "@example.test"))
                .post(url)
                .then()
                .statusCode(202);
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "Dee's colleague",
                        "email",
                        "colleague." + n + "@example.test",
                        "certificateCode",
                        code.toLowerCase()))
                .post(url)
                .then()
                .statusCode(202);
        TestData.admin()
                .get(TestData.cohortsPath() + "/" + advanced + "/registrations")
                .then()
                .statusCode(200)
                .body("confirmed.name", org.hamcrest.Matchers.hasItems("Dee Done", "Dee's colleague"));
    }
}
