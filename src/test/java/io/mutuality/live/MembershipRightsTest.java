package io.mutuality.live;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import com.fasterxml.jackson.databind.JsonNode;
import io.mutuality.TestData;
import io.mutuality.identity.Account;
import io.mutuality.identity.Role;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Membership is where a trainer's rights come from: removing a member ends them everywhere at once. */
@QuarkusTest
class MembershipRightsTest extends LiveRoomFixture {

    private String membersPath(Account account) {
        return "/api/organisations/" + TestData.organisationId() + "/members/"
                + account.id().value();
    }

    @Test
    void removingABookedTrainerIsRefusedWithTheirCohortsOrTakesThemOffAndEndsTheirRoomsAndFeed() {
        Account trainer = identity.openAccount(
                "leaving-" + UUID.randomUUID() + "@example.test", "Lee Leaving", TestData.PASSWORD);
        identity.grant(trainer.id(), UUID.fromString(TestData.organisationId()), Role.TRAINER);
        String code = freshRoom();
        String cohortId = lastCohortPath.substring(lastCohortPath.lastIndexOf('/') + 1);
        scheduling.book(
                OrganisationId.fromString(TestData.organisationId()),
                CohortId.fromString(cohortId),
                trainer.id(),
                false);
        String title = TestData.admin()
                .get(lastCohortPath)
                .then()
                .statusCode(200)
                .extract()
                .path("title");

        TestData.Session session = TestData.signIn(trainer.email(), TestData.PASSWORD);
        String feed = given().cookie("mutuality_session", session.cookie())
                .get("/api/calendars/mine")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        feed = feed.substring(feed.indexOf("/api/"));
        assertThat(summaries(feed)).anyMatch(s -> s.startsWith(title));
        given().cookie("mutuality_session", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .get(lastCohortPath + "/registrations")
                .then()
                .statusCode(200);

        RoomClient room = RoomClient.connect(uri(code), session.cookie());
        assertThat(room.hello(null, 0).path("you").path("kind").asText()).isEqualTo("facilitator");

        // refused by default, naming the cohort that has not finished
        JsonNode refused = TestData.admin()
                .delete(membersPath(trainer))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .extract()
                .as(JsonNode.class);
        assertThat(refused.path("errors").get(0).path("field").asText()).isEqualTo("bookings[0]");
        assertThat(refused.path("errors").get(0).path("message").asText()).startsWith(title);
        assertThat(room.closedWithin(Duration.ofMillis(300))).isFalse();

        // the admin's other choice: remove and take them off those cohorts
        TestData.admin()
                .queryParam("bookings", "sometimes")
                .delete(membersPath(trainer))
                .then()
                .statusCode(400);
        TestData.admin()
                .queryParam("bookings", "unbook")
                .delete(membersPath(trainer))
                .then()
                .statusCode(204);
        List<String> trainers = TestData.admin()
                .get(lastCohortPath)
                .then()
                .statusCode(200)
                .extract()
                .path("trainers.accountId");
        assertThat(trainers).doesNotContain(trainer.id().value().toString());

        // their open room connection is told and closed, and they cannot come back
        JsonNode told = room.await(m -> m.path("type").asText().equals("error"));
        assertThat(told.path("code").asText()).isEqualTo("unauthorised");
        assertThat(room.closedWithin(Duration.ofSeconds(5))).isTrue();
        RoomClient again = RoomClient.connect(uri(code), session.cookie());
        assertThat(again.hello(null, 0).path("code").asText()).isEqualTo("unauthorised");
        again.close();

        // nothing of the organisation's is theirs any more: the cohort's people, its rooms, their feed
        given().cookie("mutuality_session", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .get(lastCohortPath + "/registrations")
                .then()
                .statusCode(404);
        given().cookie("mutuality_session", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .post(lastCohortPath + "/days/1/room")
                .then()
                .statusCode(404);
        assertThat(summaries(feed)).noneMatch(s -> s.startsWith(title));
    }

    @Test
    void aBookingLeftBehindGrantsNothingWithoutMembership() {
        Account trainer =
                identity.openAccount("stale-" + UUID.randomUUID() + "@example.test", "Sol Stale", TestData.PASSWORD);
        UUID organisation = UUID.fromString(TestData.organisationId());
        identity.grant(trainer.id(), organisation, Role.TRAINER);
        String code = freshRoom();
        String cohortId = lastCohortPath.substring(lastCohortPath.lastIndexOf('/') + 1);
        scheduling.book(
                OrganisationId.fromString(TestData.organisationId()),
                CohortId.fromString(cohortId),
                trainer.id(),
                false);
        // the membership goes, the booking stays (as rows written before removal dealt with bookings would)
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .run(() -> io.mutuality.identity.Membership.delete(
                        "accountId = ?1 and organisationId = ?2", trainer.id().value(), organisation));
        TestData.Session session = TestData.signIn(trainer.email(), TestData.PASSWORD);
        RoomClient room = RoomClient.connect(uri(code), session.cookie());
        assertThat(room.hello(null, 0).path("code").asText()).isEqualTo("unauthorised");
        room.close();
    }

    @Test
    void aTrainerNotBookedOnACohortSeesItsScheduleButNotItsPeople() {
        Account trainer =
                identity.openAccount("other-" + UUID.randomUUID() + "@example.test", "Oli Other", TestData.PASSWORD);
        identity.grant(trainer.id(), UUID.fromString(TestData.organisationId()), Role.TRAINER);
        String code = freshRoom();
        TestData.Session session = TestData.signIn(trainer.email(), TestData.PASSWORD);
        var as = given().cookie("mutuality_session", session.cookie()).header("X-CSRF-Token", session.csrf());
        as.get(lastCohortPath).then().statusCode(200);
        for (String path : List.of(
                "/registrations",
                "/registrations/export",
                "/completion",
                "/days/1/attendance",
                "/days/1/room/summary")) {
            JsonNode problem = given().cookie("mutuality_session", session.cookie())
                    .get(lastCohortPath + path)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json")
                    .extract()
                    .as(JsonNode.class);
            assertThat(problem.path("detail").asText())
                    .as(path)
                    .isEqualTo("Only the cohort's trainers and the organisation's admins can do this.");
        }
        given().cookie("mutuality_session", session.cookie())
                .header("X-CSRF-Token", session.csrf())
                .contentType(ContentType.JSON)
                .body(Map.of("missedMinutes", 0))
                .put(lastCohortPath + "/completion/" + UUID.randomUUID() + "/days/1")
                .then()
                .statusCode(403);
        RoomClient room = RoomClient.connect(uri(code), session.cookie());
        assertThat(room.hello(null, 0).path("code").asText()).isEqualTo("unauthorised");
        room.close();
    }

    private static List<String> summaries(String feed) {
        ICalendar calendar = Biweekly.parse(
                        given().get(feed).then().statusCode(200).extract().asString())
                .first();
        return calendar.getEvents().stream().map(e -> e.getSummary().getValue()).toList();
    }
}
