package io.mutuality.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import io.mutuality.TestData;
import io.mutuality.identity.Account;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.Role;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The iCalendar feeds parse with a calendar library and hold the right instants, daylight saving included. */
@QuarkusTest
class CalendarFeedTest {

    @Inject
    IdentityService identity;

    private static String cohort(String title) {
        String body = """
                {"courseId": "introduction", "title": "%s", "timeZone": "Europe/Dublin", "capacity": 12,
                 "venue": {"name": "The Long Room", "address": "1 Mill Street"},
                 "days": [{"date": "2027-03-26", "startsAt": "09:30", "endsAt": "16:30"},
                          {"date": "2027-03-29", "startsAt": "09:30", "endsAt": "16:30"}]}
                """.formatted(title);
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(body)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/api/"));
    }

    @Test
    void aCohortsFeedHasEachDayAtTheRightInstantOnBothSidesOfTheClockChange() {
        String cohortId = cohort("Introduction over the clock change");
        String url = TestData.admin()
                .get(TestData.cohortsPath() + "/" + cohortId + "/calendar")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        assertThat(url).endsWith(".ics");
        String text = given().get(path(url))
                .then()
                .statusCode(200)
                .contentType("text/calendar")
                .extract()
                .asString();
        ICalendar calendar = Biweekly.parse(text).first();
        List<VEvent> events = calendar.getEvents();
        assertThat(events).hasSize(2);
        // 26 March: Ireland on GMT (UTC+0); 29 March: on IST (UTC+1), after the change on the 28th
        assertThat(events.get(0).getDateStart().getValue().toInstant().toString())
                .isEqualTo("2027-03-26T09:30:00Z");
        assertThat(events.get(0).getDateEnd().getValue().toInstant().toString()).isEqualTo("2027-03-26T16:30:00Z");
        assertThat(events.get(1).getDateStart().getValue().toInstant().toString())
                .isEqualTo("2027-03-29T08:30:00Z");
        assertThat(events.get(1).getSummary().getValue()).isEqualTo("Introduction over the clock change: day 2 of 2");
        assertThat(events.get(1).getLocation().getValue()).isEqualTo("The Long Room, 1 Mill Street");
        assertThat(events.get(0).getUid().getValue())
                .isNotEqualTo(events.get(1).getUid().getValue());
    }

    @Test
    void aTrainersOwnFeedHasEveryDayTheyAreBookedAndAForgedAddressFindsNothing() {
        Account trainer =
                identity.openAccount("feed-" + UUID.randomUUID() + "@example.test", "Feed Trainer", TestData.PASSWORD);
        identity.grant(trainer.id(), UUID.fromString(TestData.organisationId()), Role.TRAINER);
        String cohortId = cohort("Introduction for a trainer's feed");
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("accountId", trainer.id().value().toString(), "lead", true))
                .post(TestData.cohortsPath() + "/" + cohortId + "/trainers")
                .then()
                .statusCode(200);
        TestData.Session session = TestData.signIn(trainer.email(), TestData.PASSWORD);
        String url = given().cookie("mutuality_session", session.cookie())
                .get("/api/calendars/mine")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        ICalendar calendar = Biweekly.parse(
                        given().get(path(url)).then().statusCode(200).extract().asString())
                .first();
        assertThat(calendar.getEvents())
                .extracting(e -> e.getSummary().getValue())
                .containsExactly(
                        "Introduction for a trainer's feed: day 1 of 2",
                        "Introduction for a trainer's feed: day 2 of 2");

        String forged = path(url).replaceAll("-[A-Za-z0-9_-]{32}\\.ics$", "-" + "A".repeat(32) + ".ics");
        given().get(forged).then().statusCode(404).contentType("application/problem+json");
        given().get("/api/calendars/c-" + cohortId + ".ics").then().statusCode(404);
        given().get("/api/calendars/nonsense.ics").then().statusCode(404);
    }
}
