package io.mutuality.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every REST operation the OpenAPI document lists, called by each kind of caller, with the
 * status each must get. An operation missing from {@link #EXPECTED} fails the test, so a new
 * endpoint cannot ship without deciding who may call it.
 *
 * <p>Callers, in column order: anonymous, a participant of a room, a trainer of organisation A
 * booked on the cohort, a trainer of A not booked on it (who sees the cohort's schedule but
 * nothing about its people, and gets the same 403 on every such endpoint), an admin of A, a
 * trainer of organisation B, a platform admin. The path names organisation A.
 * Writes send an empty JSON object, so a caller who gets through is answered 400 by validation
 * rather than changing anything; the few operations without a body act on throwaway targets.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private static final Persona[] COLUMNS = {
        Persona.ANONYMOUS,
        Persona.PARTICIPANT,
        Persona.TRAINER_A,
        Persona.TRAINER_A_UNBOOKED,
        Persona.ADMIN_A,
        Persona.TRAINER_B,
        Persona.PLATFORM_ADMIN
    };

    /** Expected status per column; 201 is written as 200|201 where the first call creates and later ones find. */
    private static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static {
        String org = "/api/organisations/{organisationId}";
        //                                                                 anon part trA  unb  adA  trB  plat
        EXPECTED.put("GET /api/curricula/courses", "200  200  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/courses/{courseId}", "200  200  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/modules/{moduleId}", "401  403  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/modules/{moduleId}/materials", "401  403  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/courses/{courseId}/online", "401  403  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/courses/{courseId}/letter", "401  403  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/scenarios", "401  403  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/reframes", "401  403  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/prompts", "401  403  200  200  200  200  200");
        EXPECTED.put("GET /api/curricula/lexicon", "200  200  200  200  200  200  200");
        EXPECTED.put("POST /api/curricula/lens", "400  400  400  400  400  400  400");
        EXPECTED.put("GET /api/curricula/coverage", "200  200  200  200  200  200  200");
        String variants = "/api/curricula/organisations/{organisationId}/variants";
        EXPECTED.put("GET " + variants, "401  403  200  200  200  404  200");
        EXPECTED.put("POST " + variants, "401  403  403  403  400  404  400");
        EXPECTED.put("GET " + variants + "/{variantId}", "401  403  200  200  200  404  200");
        EXPECTED.put("PUT " + variants + "/{variantId}", "401  403  403  403  400  404  400");
        EXPECTED.put("GET /api/organisations", "401  403  200  200  200  200  200");
        EXPECTED.put("POST /api/organisations", "401  403  403  403  403  403  400");
        EXPECTED.put("GET " + org, "401  403  200  200  200  404  200");
        EXPECTED.put("GET " + org + "/cohorts", "401  403  200  200  200  404  200");
        EXPECTED.put("POST " + org + "/cohorts", "401  403  403  403  400  404  400");
        EXPECTED.put("GET " + org + "/cohorts/{cohortId}", "401  403  200  200  200  404  200");
        EXPECTED.put("GET " + org + "/cohorts/{cohortId}/curriculum", "401  403  200  200  200  404  200");
        EXPECTED.put("POST " + org + "/cohorts/{cohortId}/days/{dayNumber}/room", "401  403  200  403  200  404  200");
        EXPECTED.put("GET " + org + "/cohorts/{cohortId}/days/{dayNumber}/room", "401  403  200  403  200  404  200");
        EXPECTED.put(
                "GET " + org + "/cohorts/{cohortId}/days/{dayNumber}/attendance", "401  403  200  403  200  404  200");
        EXPECTED.put(
                "PUT " + org + "/cohorts/{cohortId}/days/{dayNumber}/attendance/{participantId}",
                "401  403  400  403  400  404  400");
        EXPECTED.put(
                "GET " + org + "/cohorts/{cohortId}/days/{dayNumber}/attendance/export",
                "401  403  200  403  200  404  200");
        EXPECTED.put(
                "GET " + org + "/cohorts/{cohortId}/days/{dayNumber}/room/summary",
                "401  403  200  403  200  404  200");
        EXPECTED.put("POST " + org + "/cohorts/{cohortId}/close", "401  403  403  403  409  404  409");
        EXPECTED.put("POST " + org + "/cohorts/{cohortId}/cancel", "401  403  403  403  400  404  400");
        EXPECTED.put("PUT " + org + "/cohorts/{cohortId}/support-contact", "401  403  400  403  400  404  400");
        EXPECTED.put("DELETE " + org + "/cohorts/{cohortId}/support-contact", "401  403  404  403  404  404  404");
        EXPECTED.put("PUT " + org + "/cohorts/{cohortId}/working-agreements", "401  403  400  403  400  404  400");
        EXPECTED.put("PUT " + org + "/cohorts/{cohortId}/follow-up", "401  403  400  403  400  404  400");
        EXPECTED.put("DELETE " + org + "/cohorts/{cohortId}/follow-up", "401  403  404  403  404  404  404");
        EXPECTED.put("GET " + org + "/cohorts/{cohortId}/calendar", "401  403  200  200  200  404  200");
        EXPECTED.put("GET /api/calendars/mine", "401  403  200  200  200  200  200");
        EXPECTED.put("GET /api/calendars/{feed}.ics", "404  404  404  404  404  404  404");
        EXPECTED.put("POST " + org + "/cohorts/{cohortId}/trainers", "401  403  403  403  400  404  400");
        EXPECTED.put("DELETE " + org + "/cohorts/{cohortId}/trainers/{accountId}", "401  403  403  403  404  404  404");
        EXPECTED.put("GET " + org + "/members/{accountId}/qualifications", "401  403  200  200  200  404  200");
        EXPECTED.put("POST " + org + "/members/{accountId}/qualifications", "401  403  403  403  400  404  400");
        String registrations = org + "/cohorts/{cohortId}/registrations";
        EXPECTED.put("GET " + registrations, "401  403  200  403  200  404  200");
        EXPECTED.put("POST " + registrations, "401  403  403  403  400  404  400");
        EXPECTED.put("POST " + registrations + "/{registrationId}/cancel", "401  403  403  403  404  404  404");
        EXPECTED.put("POST " + registrations + "/import", "401  403  403  403  400  404  400");
        EXPECTED.put("GET " + registrations + "/export", "401  403  200  403  200  404  200");
        EXPECTED.put("PUT " + registrations + "/seating", "401  403  403  403  400  404  400");
        EXPECTED.put("POST " + registrations + "/open", "401  403  403  403  409  404  409");
        String completion = org + "/cohorts/{cohortId}/completion";
        EXPECTED.put("GET " + completion, "401  403  200  403  200  404  200");
        EXPECTED.put("PUT " + completion + "/{registrationId}/days/{dayNumber}", "401  403  400  403  400  404  400");
        EXPECTED.put("POST " + completion + "/certificates", "401  403  403  403  409  404  409");
        EXPECTED.put("GET " + org + "/completion/rules/{courseId}", "401  403  200  200  200  404  200");
        EXPECTED.put("PUT " + org + "/completion/rules/{courseId}", "401  403  403  403  400  404  400");
        EXPECTED.put("GET " + org + "/completion/certificates/{code}/pdf", "401  403  404  404  404  404  404");
        EXPECTED.put("POST " + org + "/completion/certificates/{code}/revoke", "401  403  403  403  400  404  400");
        EXPECTED.put("GET /api/public/certificates/{code}", "404  404  404  404  404  404  404");
        EXPECTED.put("GET /api/public/registrations/{token}/certificate", "404  404  404  404  404  404  404");
        EXPECTED.put("GET " + org + "/interest", "401  403  200  200  200  404  200");
        EXPECTED.put("POST " + org + "/interest/invite", "401  403  403  403  400  404  400");
        EXPECTED.put("GET /api/public/organisations/{organisation}/interest", "200  200  200  200  200  200  200");
        EXPECTED.put("POST /api/public/organisations/{organisation}/interest", "400  400  400  400  400  400  400");
        EXPECTED.put("GET /api/public/cohorts/{cohortId}", "200  200  200  200  200  200  200");
        EXPECTED.put("POST /api/public/cohorts/{cohortId}/registrations", "400  400  400  400  400  400  400");
        EXPECTED.put("GET /api/public/registrations/{token}", "404  404  404  404  404  404  404");
        EXPECTED.put("POST /api/public/registrations/{token}/accept", "404  404  404  404  404  404  404");
        EXPECTED.put("POST /api/public/registrations/{token}/decline", "404  404  404  404  404  404  404");
        EXPECTED.put("POST /api/public/registrations/{token}/cancel", "404  404  404  404  404  404  404");
        EXPECTED.put("POST /api/public/registrations/{token}/evaluation", "404  404  404  404  404  404  404");
        EXPECTED.put("GET " + org + "/cohorts/{cohortId}/evaluations", "401  403  200  403  200  404  200");
        EXPECTED.put("GET " + org + "/practice-rooms", "401  403  200  200  200  404  200");
        EXPECTED.put("GET " + org + "/day-rooms", "401  403  200  200  200  404  200");
        EXPECTED.put("GET " + org + "/practice-rooms/{code}", "401  403  404  404  404  404  404");
        EXPECTED.put("POST " + org + "/practice-rooms", "401  403  400  400  400  404  400");
        EXPECTED.put("DELETE " + org + "/practice-rooms/{code}", "401  403  404  404  404  404  404");
        EXPECTED.put("GET " + org + "/members", "401  403  403  403  200  404  200");
        EXPECTED.put("PUT " + org + "/members/{accountId}", "401  403  403  403  400  404  400");
        EXPECTED.put("DELETE " + org + "/members/{accountId}", "401  403  403  403  204  404  404");
        EXPECTED.put("GET " + org + "/invitations", "401  403  403  403  200  404  200");
        EXPECTED.put("POST " + org + "/invitations", "401  403  403  403  400  404  400");
        EXPECTED.put("DELETE " + org + "/invitations/{invitationId}", "401  403  403  403  204  404  404");
        EXPECTED.put("GET " + org + "/audit", "401  403  403  403  200  404  200");
        EXPECTED.put("GET /api/session", "401  403  200  200  200  200  200");
        EXPECTED.put("POST /api/session", "400  400  400  400  400  400  400");
        EXPECTED.put("PUT /api/session/password", "401  403  400  400  400  400  400");
        EXPECTED.put("GET /api/invitations/{token}", "404  404  404  404  404  404  404");
        EXPECTED.put("POST /api/invitations/{token}/accept", "400  400  400  400  400  400  400");
        EXPECTED.put("POST /api/rooms/{code}/participants", "400  400  400  400  400  400  400");
        EXPECTED.put("POST /api/rooms/{code}/view", "401  403  200  403  200  404  200");
        EXPECTED.put("GET /api/participant/export", "401  200  403  403  403  403  403");
        // these two end what they act on, so they run last
        EXPECTED.put("DELETE /api/participant", "401  204  403  403  403  403  403");
        EXPECTED.put("DELETE /api/session", "204  204  204  204  204  204  204");
    }

    @Inject
    IdentityService identity;

    @Inject
    InvitationService invitations;

    @Test
    void everyOperationAnswersEachCallerAsExpected() {
        Set<String> documented = documentedOperations();
        assertThat(new TreeSet<>(EXPECTED.keySet()))
                .as("every documented operation has a row, and every row is documented")
                .isEqualTo(documented);

        Map<Persona, TestData.Session> sessions = new EnumMap<>(Persona.class);
        for (Persona persona : COLUMNS) {
            if (persona != Persona.ANONYMOUS && persona != Persona.PARTICIPANT) {
                sessions.put(persona, TestData.signIn(TestData.email(persona), password(persona)));
            }
        }
        String participantToken = TestData.join("Matrix participant")
                .then()
                .statusCode(201)
                .extract()
                .path("token");
        String freshCohort = freshCohortWithBookedTrainer("2034-03-06");
        // a second one, open for registration with its day 1 room opened early, for the day's endpoints
        String dayCohort = freshCohortWithBookedTrainer("2035-03-05");
        TestData.admin()
                .post(TestData.cohortsPath() + "/" + dayCohort + "/registrations/open")
                .then()
                .statusCode(200);
        TestData.as(Persona.TRAINER_A)
                .post(TestData.cohortsPath() + "/" + dayCohort + "/days/1/room?early=true")
                .then()
                .statusCode(201);
        String variant = TestData.admin()
                .contentType(ContentType.JSON)
                .body(TestData.introductionVariant("Matrix variant"))
                .post("/api/curricula/organisations/" + TestData.organisationId() + "/variants")
                .then()
                .statusCode(201)
                .extract()
                .path("variant.id");

        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, String> row : EXPECTED.entrySet()) {
            String method = row.getKey().substring(0, row.getKey().indexOf(' '));
            String template = row.getKey().substring(method.length() + 1);
            String[] statuses = row.getValue().trim().split("\\s+");
            String memberTarget = throwawayMember();
            String invitationTarget = throwawayInvitation();
            for (int i = 0; i < COLUMNS.length; i++) {
                Persona persona = COLUMNS[i];
                String path = template.replace("{organisationId}", TestData.organisationId())
                        .replace(
                                "{cohortId}",
                                template.contains("/days/")
                                        ? dayCohort
                                        : template.endsWith("/close") || template.endsWith("/cancel")
                                                ? freshCohort
                                                : TestData.demoCohortId())
                        .replace("{participantId}", java.util.UUID.randomUUID().toString())
                        .replace("{registrationId}", java.util.UUID.randomUUID().toString())
                        .replace("{feed}", "c-not-a-feed")
                        .replace("{organisation}", TestData.organisationId())
                        .replace("{dayNumber}", "1")
                        .replace("{accountId}", memberTarget)
                        .replace("{invitationId}", invitationTarget)
                        .replace("{variantId}", variant)
                        .replace("{courseId}", "core")
                        .replace("{moduleId}", firstCoreModule())
                        .replace("{token}", "no-such-invitation")
                        .replace("{code}", TestData.demoRoomCode());
                RequestSpecification request = given();
                if (persona == Persona.PARTICIPANT) {
                    request.header("Authorization", "Bearer " + participantToken);
                } else if (sessions.containsKey(persona)) {
                    request.cookie("mutuality_session", sessions.get(persona).cookie())
                            .header("X-CSRF-Token", sessions.get(persona).csrf());
                }
                if (method.equals("POST") || method.equals("PUT")) {
                    request.contentType(ContentType.JSON).body("{}");
                }
                int status = request.request(method, path).statusCode();
                if (!String.valueOf(status).equals(statuses[i])) {
                    mismatches.add(row.getKey() + " as " + persona + ": expected " + statuses[i] + ", got " + status);
                }
            }
        }
        assertThat(mismatches)
                .as("operations that answered a caller unexpectedly")
                .isEmpty();
    }

    private static String firstCoreModule() {
        return given().get("/api/curricula/courses/core")
                .then()
                .statusCode(200)
                .extract()
                .path("days[0].agenda.find { it.kind == 'module' }.moduleId");
    }

    private static Set<String> documentedOperations() {
        Map<String, Map<String, Object>> paths = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .path("paths");
        Set<String> operations = new TreeSet<>();
        paths.forEach((path, methods) -> methods.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> operations.add(m.toUpperCase() + " " + path)));
        return operations;
    }

    private static String password(Persona persona) {
        return persona == Persona.ADMIN_A || persona == Persona.TRAINER_A
                ? io.mutuality.demo.DemoConfig.PUBLIC_PASSWORD
                : TestData.PASSWORD;
    }

    /** A trainer of organisation A that the admin column may remove. */
    private String throwawayMember() {
        Account account = identity.openAccount(
                "throwaway-" + UUID.randomUUID() + "@example.test", "Throwaway", TestData.PASSWORD);
        identity.grant(account.id(), UUID.fromString(TestData.organisationId()), Role.TRAINER);
        return account.id().toString();
    }

    /** A pending invitation of organisation A that the admin column may withdraw. */
    private String throwawayInvitation() {
        AccountId admin = identity.findByEmail(TestData.email(Persona.ADMIN_A))
                .orElseThrow()
                .id();
        return invitations
                .invite(
                        UUID.fromString(TestData.organisationId()),
                        "invitee-" + UUID.randomUUID() + "@example.test",
                        Role.TRAINER,
                        admin)
                .invitation()
                .getId()
                .toString();
    }

    /** A new cohort with trainer A booked as lead, so that its day 1 room is opened first by trainer A. */
    private static String freshCohortWithBookedTrainer(String firstDay) {
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(TestData.coreCohortJson(firstDay))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String cohortId = location.substring(location.lastIndexOf('/') + 1);
        var scheduling = io.quarkus.arc.Arc.container()
                .instance(io.mutuality.scheduling.SchedulingService.class)
                .get();
        var identity =
                io.quarkus.arc.Arc.container().instance(IdentityService.class).get();
        scheduling.book(
                io.mutuality.scheduling.OrganisationId.fromString(TestData.organisationId()),
                io.mutuality.scheduling.CohortId.fromString(cohortId),
                identity.findByEmail(TestData.email(Persona.TRAINER_A))
                        .orElseThrow()
                        .id(),
                true);
        return cohortId;
    }
}
