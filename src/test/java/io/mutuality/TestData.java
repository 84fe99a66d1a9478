package io.mutuality;

import static io.restassured.RestAssured.given;

import io.mutuality.demo.DemoConfig;
import io.mutuality.demo.DemoData;
import io.mutuality.identity.Account;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.Role;
import io.mutuality.scheduling.Organisation;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The people API tests act as, and the demo organisation they start from. Sessions are made
 * once per test run (signing in costs a bcrypt check and counts against rate limits).
 */
public final class TestData {

    public static final String PASSWORD = "a-test-password-1";

    public enum Persona {
        ANONYMOUS,
        PARTICIPANT,
        TRAINER_A,
        TRAINER_A_UNBOOKED,
        ADMIN_A,
        TRAINER_B,
        PLATFORM_ADMIN
    }

    public record Session(String cookie, String csrf) {}

    private static String organisationId;
    private static String organisationB;
    private static String demoCohortId;
    private static String participantToken;
    private static final Map<Persona, Session> SESSIONS = new EnumMap<>(Persona.class);

    private TestData() {}

    /** A request as this persona: its cookie and CSRF header, or a participant's bearer token. */
    public static RequestSpecification as(Persona persona) {
        RequestSpecification spec = given();
        switch (persona) {
            case ANONYMOUS -> {}
            case PARTICIPANT -> spec.header("Authorization", "Bearer " + participantToken());
            default -> {
                Session session = session(persona);
                spec.cookie("mutuality_session", session.cookie()).header("X-CSRF-Token", session.csrf());
            }
        }
        return spec;
    }

    public static RequestSpecification admin() {
        return as(Persona.ADMIN_A);
    }

    public static synchronized Session session(Persona persona) {
        return SESSIONS.computeIfAbsent(
                persona,
                p -> signIn(
                        email(p),
                        p == Persona.ADMIN_A || p == Persona.TRAINER_A ? DemoConfig.PUBLIC_PASSWORD : PASSWORD));
    }

    public static Session signIn(String email, String password) {
        Response response = given().contentType(ContentType.JSON)
                .body(Map.of("email", email, "password", password))
                .post("/api/session");
        response.then().statusCode(200);
        return new Session(response.getCookie("mutuality_session"), response.path("csrfToken"));
    }

    public static String email(Persona persona) {
        return switch (persona) {
            case ADMIN_A -> DemoData.ADMIN_EMAIL;
            case TRAINER_A -> DemoData.TRAINER_EMAIL;
            case TRAINER_B -> fixtures() ? "trainer-b@elsewhere.test" : null;
            case PLATFORM_ADMIN -> fixtures() ? "platform@mutuality.test" : null;
            case TRAINER_A_UNBOOKED -> fixtures() ? "trainer-unbooked@demo.test" : null;
            default -> throw new IllegalArgumentException(persona + " has no email");
        };
    }

    /** Organisation B with its own trainer, and a platform admin: made once. */
    private static synchronized boolean fixtures() {
        if (organisationB == null) {
            IdentityService identity =
                    Arc.container().instance(IdentityService.class).get();
            SchedulingService scheduling =
                    Arc.container().instance(SchedulingService.class).get();
            Organisation other = scheduling.organisations().stream()
                    .filter(o -> o.getSlug().equals("elsewhere-peer-network"))
                    .findFirst()
                    .orElseGet(() -> scheduling.foundOrganisation(
                            "Elsewhere Peer Network", "elsewhere-peer-network", ZoneId.of("Pacific/Auckland")));
            if (identity.findByEmail("trainer-b@elsewhere.test").isEmpty()) {
                Account trainerB = identity.openAccount("trainer-b@elsewhere.test", "Tane Parata", PASSWORD);
                identity.grant(trainerB.id(), other.getId(), Role.TRAINER);
            }
            if (identity.findByEmail("platform@mutuality.test").isEmpty()) {
                Account platform = identity.openAccount("platform@mutuality.test", "Platform Admin", PASSWORD);
                identity.makePlatformAdmin(platform.id());
            }
            if (identity.findByEmail("trainer-unbooked@demo.test").isEmpty()) {
                Account unbooked = identity.openAccount("trainer-unbooked@demo.test", "Una Booked", PASSWORD);
                identity.grant(unbooked.id(), UUID.fromString(organisationId()), Role.TRAINER);
            }
            organisationB = other.getId().toString();
        }
        return true;
    }

    public static synchronized String organisationId() {
        if (organisationId == null) {
            organisationId = as(Persona.ADMIN_A)
                    .get("/api/organisations")
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("find { it.slug == '" + DemoData.ORGANISATION_SLUG + "' }.id");
        }
        return organisationId;
    }

    public static String organisationB() {
        fixtures();
        return organisationB;
    }

    public static String cohortsPath() {
        return "/api/organisations/" + organisationId() + "/cohorts";
    }

    public static synchronized String demoCohortId() {
        if (demoCohortId == null) {
            demoCohortId = admin().get(cohortsPath())
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("find { it.title.startsWith('Core training,') }.id");
        }
        return demoCohortId;
    }

    /** Opens day 1 of the demo cohort (as its trainer) and returns the room code. */
    public static String demoRoomCode() {
        return as(Persona.TRAINER_A)
                .post(cohortsPath() + "/" + demoCohortId() + "/days/1/room?early=true")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(200), org.hamcrest.Matchers.is(201)))
                .extract()
                .path("code");
    }

    /** Joins the demo room as a new participant and returns the join answer. */
    public static Response join(String displayName) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("displayName", displayName))
                .post("/api/rooms/" + demoRoomCode() + "/participants");
    }

    public static synchronized String participantToken() {
        if (participantToken == null) {
            participantToken = join("Ana").then().statusCode(201).extract().path("token");
        }
        return participantToken;
    }

    /**
     * A valid variant of the Introduction: the host's opening replaced by the organisation's own
     * welcome (same minutes), and day 2's second and third modules swapped.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> introductionVariant(String name) {
        List<Map<String, Object>> days = given().get("/api/curricula/courses/introduction")
                .then()
                .statusCode(200)
                .extract()
                .path("days");
        List<Map<String, Object>> variantDays = new java.util.ArrayList<>();
        Integer openingMinutes = null;
        for (Map<String, Object> day : days) {
            List<Map<String, Object>> slots = new java.util.ArrayList<>();
            for (Map<String, Object> slot : (List<Map<String, Object>>) day.get("agenda")) {
                if ("break".equals(slot.get("kind"))) {
                    slots.add(Map.of("break", slot.get("title"), "minutes", slot.get("minutes")));
                } else if (openingMinutes == null) {
                    openingMinutes = (Integer) slot.get("minutes");
                    slots.add(Map.of("ownModule", "tideway-welcome"));
                } else {
                    slots.add(Map.of("module", slot.get("moduleId")));
                }
            }
            variantDays.add(Map.of(
                    "title", day.get("title"), "starts", day.get("starts"), "ends", day.get("ends"), "agenda", slots));
        }
        List<Map<String, Object>> dayTwo =
                (List<Map<String, Object>>) variantDays.get(1).get("agenda");
        int first = -1;
        int second = -1;
        for (int i = 0; i < dayTwo.size() && second < 0; i++) {
            if (dayTwo.get(i).containsKey("module")) {
                if (first < 0) {
                    first = i;
                } else if ((Integer) minutesOf((String) dayTwo.get(i).get("module"))
                        == (Integer) minutesOf((String) dayTwo.get(first).get("module"))) {
                    second = i;
                }
            }
        }
        if (second > 0) {
            java.util.Collections.swap(dayTwo, first, second);
        }
        return Map.of(
                "name",
                name,
                "courseId",
                "introduction",
                "days",
                variantDays,
                "ownModules",
                List.of(Map.of(
                        "id",
                        "tideway-welcome",
                        "title",
                        "Fáilte: a Tideway welcome",
                        "minutes",
                        openingMinutes,
                        "summary",
                        "We open the way Tideway opens its gatherings.",
                        "facilitatorNotes",
                        "Invite the welcome in Irish, then in English. Anyone may simply listen.",
                        "tasks",
                        List.of("connection"))),
                "ownPrompts",
                List.of(Map.of(
                        "id",
                        "checkin-tide",
                        "kind",
                        "check-in",
                        "text",
                        "Is your tide coming in or going out today? You can pass.")));
    }

    private static Object minutesOf(String moduleId) {
        return admin().get("/api/curricula/modules/" + moduleId)
                .then()
                .extract()
                .path("minutes");
    }

    /** A valid five-day Core cohort starting on {@code firstDay} (a Monday), Monday to Friday. */
    public static String coreCohortJson(String firstDay) {
        java.time.LocalDate start = java.time.LocalDate.parse(firstDay);
        StringBuilder days = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            days.append(i == 0 ? "" : ",")
                    .append("{\"date\": \"")
                    .append(start.plusDays(i))
                    .append("\", \"startsAt\": \"09:30\", \"endsAt\": \"16:30\"}");
        }
        return """
                {"courseId": "core", "title": "Core in the spring", "capacity": 16,
                 "venue": {"name": "The Long Room", "address": "1 Mill Street"},
                 "registrationOpens": "%s", "registrationCloses": "%s",
                 "days": [%s]}
                """.formatted(start.minusWeeks(10), start.minusWeeks(1), days);
    }
}
