package io.mutuality.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mutuality.TestData;
import io.mutuality.TestData.Persona;
import io.mutuality.identity.IdentityService;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

/** What live-room tests share: a fresh cohort day with its room open, a facilitator, participants who joined. */
abstract class LiveRoomFixture {

    @TestHTTPResource("/")
    URL root;

    @Inject
    SchedulingService scheduling;

    @Inject
    IdentityService identity;

    @Inject
    RoomUpkeep rooms;

    @Inject
    RoomRuntimes runtimes;

    @Inject
    RoomConnections connections;

    private static int cohorts;

    protected String lastCohortPath;

    /** A new cohort with trainer A booked, its day 1 room opened; returns the room code. */
    String freshRoom() {
        String firstDay = java.time.LocalDate.now()
                .plusWeeks(20 + cohorts++)
                .with(java.time.DayOfWeek.MONDAY)
                .toString();
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(TestData.coreCohortJson(firstDay))
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String cohortId = location.substring(location.lastIndexOf('/') + 1);
        lastCohortPath = TestData.cohortsPath() + "/" + cohortId;
        scheduling.book(
                OrganisationId.fromString(TestData.organisationId()),
                CohortId.fromString(cohortId),
                identity.findByEmail(TestData.email(Persona.TRAINER_A))
                        .orElseThrow()
                        .id(),
                true);
        TestData.admin().post(lastCohortPath + "/registrations/open").then().statusCode(200);
        // months ahead, so the room is opened early, as a trainer getting ready would
        return TestData.as(Persona.TRAINER_A)
                .post(TestData.cohortsPath() + "/" + cohortId + "/days/1/room?early=true")
                .then()
                .statusCode(201)
                .extract()
                .path("code");
    }

    URI uri(String code) {
        return URI.create(root.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws/rooms/" + code);
    }

    RoomClient facilitator(String code) {
        RoomClient client = RoomClient.connect(
                uri(code), TestData.session(Persona.TRAINER_A).cookie());
        JsonNode welcome = client.hello(null, 0);
        assertThat(welcome.path("type").asText()).isEqualTo("welcome");
        assertThat(welcome.path("you").path("kind").asText()).isEqualTo("facilitator");
        return client;
    }

    record Joined(String token, String id) {}

    static Joined join(String code, String name) {
        var response = io.restassured.RestAssured.given()
                .contentType(ContentType.JSON)
                .body(Map.of("displayName", name))
                .post("/api/rooms/" + code + "/participants");
        response.then().statusCode(201);
        return new Joined(response.path("token"), response.path("participant.id"));
    }

    RoomClient participant(String code, Joined joined) {
        RoomClient client = RoomClient.connect(uri(code), null);
        JsonNode welcome = client.hello(joined.token(), 0);
        assertThat(welcome.path("you").path("kind").asText()).isEqualTo("participant");
        return client;
    }

    static List<String> kinds(List<JsonNode> events) {
        return events.stream().map(e -> e.path("kind").asText()).toList();
    }
}
