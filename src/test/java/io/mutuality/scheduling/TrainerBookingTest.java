package io.mutuality.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

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

/** Booking trainers: no trainer in two places at once (in real time, across time zones and clock changes), and leads qualified. */
@QuarkusTest
class TrainerBookingTest {

    @Inject
    SchedulingService scheduling;

    @Inject
    IdentityService identity;

    private Account trainer(String name) {
        Account account = identity.openAccount(
                name.toLowerCase() + "-" + UUID.randomUUID() + "@example.test", name, TestData.PASSWORD);
        identity.grant(account.id(), UUID.fromString(TestData.organisationId()), Role.TRAINER);
        return account;
    }

    /** An Introduction cohort (two days) in a time zone, each day from {@code starts} to {@code ends}. */
    private String cohort(String zone, LocalDate first, LocalDate second, String starts, String ends) {
        String body = """
                {"courseId": "introduction", "title": "Introduction in %s", "timeZone": "%s", "capacity": 12,
                 "onlineLink": "https://meet.example.test/ips",
                 "days": [{"date": "%s", "startsAt": "%s", "endsAt": "%s"}, {"date": "%s", "startsAt": "%s", "endsAt": "%s"}]}
                """.formatted(zone, zone, first, starts, ends, second, starts, ends);
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

    private io.restassured.response.ValidatableResponse book(String cohortId, Account trainer, boolean lead) {
        return TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("accountId", trainer.id().value().toString(), "lead", lead))
                .post(TestData.cohortsPath() + "/" + cohortId + "/trainers")
                .then();
    }

    @Test
    void aTrainerCannotBeBookedOnOverlappingDaysButCanOnTheSameDayAtAnotherTime() {
        Account kai = trainer("Kai");
        String morning =
                cohort("Europe/Dublin", LocalDate.parse("2031-06-02"), LocalDate.parse("2031-06-03"), "09:00", "12:00");
        String afternoon =
                cohort("Europe/Dublin", LocalDate.parse("2031-06-03"), LocalDate.parse("2031-06-04"), "13:00", "16:30");
        String clashing =
                cohort("Europe/Dublin", LocalDate.parse("2031-06-03"), LocalDate.parse("2031-06-05"), "11:00", "15:00");
        book(morning, kai, true).statusCode(200).body("trainers.displayName", hasItem("Kai"));
        book(afternoon, kai, true).statusCode(200);
        book(clashing, kai, false)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("already booked on Introduction in Europe/Dublin on 2031-06-03"))
                .body("errors[0].field", equalTo("trainer"));
        TestData.admin()
                .get(TestData.cohortsPath() + "/" + clashing)
                .then()
                .body("trainers", org.hamcrest.Matchers.empty());
        // once taken off the afternoon, the clashing cohort still overlaps the morning one: 11:00 is before 12:00
        TestData.admin()
                .delete(TestData.cohortsPath() + "/" + afternoon + "/trainers/"
                        + kai.id().value())
                .then()
                .statusCode(200);
        book(clashing, kai, false).statusCode(422);
    }

    @Test
    void overlapsAreFoundInRealTimeAcrossTimeZonesAndADaylightSavingChange() {
        // Ireland moves its clocks forward on 28 March 2027; New York already did on 14 March.
        Account ana = trainer("Ana");
        String dublin =
                cohort("Europe/Dublin", LocalDate.parse("2027-03-26"), LocalDate.parse("2027-03-29"), "09:30", "16:30");
        book(dublin, ana, false).statusCode(200);
        // 26 March, New York 04:00-05:15 EDT = 08:00-09:15 UTC, before Dublin's 09:30 GMT: no clash that day.
        // 29 March, New York 04:00-05:15 EDT = 08:00-09:15 UTC, after Dublin's 09:30 IST = 08:30 UTC: a clash.
        String newYork = cohort(
                "America/New_York", LocalDate.parse("2027-03-25"), LocalDate.parse("2027-03-29"), "04:00", "05:15");
        book(newYork, ana, false).statusCode(422).body("detail", containsString("2027-03-29"));
        // the same hours a day earlier on both sides of the change do not clash
        String early = cohort(
                "America/New_York", LocalDate.parse("2027-03-25"), LocalDate.parse("2027-03-26"), "04:00", "05:15");
        book(early, ana, false).statusCode(200);

        Cohort cohort = scheduling
                .cohort(OrganisationId.fromString(TestData.organisationId()), CohortId.fromString(dublin))
                .orElseThrow();
        assertThat(cohort.getDays().get(0).startsAt(cohort.zone()).toString()).isEqualTo("2027-03-26T09:30:00Z");
        assertThat(cohort.getDays().get(1).startsAt(cohort.zone()).toString()).isEqualTo("2027-03-29T08:30:00Z");
    }

    @Test
    void leadingCoreNeedsTrainTheTrainerRecordedWithEvidence() {
        Account lee = trainer("Lee");
        List<String> days = new ArrayList<>();
        String core = TestData.coreCohortJson("2032-02-02");
        String location = TestData.admin()
                .contentType(ContentType.JSON)
                .body(core)
                .post(TestData.cohortsPath())
                .then()
                .statusCode(201)
                .extract()
                .header("Location");
        String coreId = location.substring(location.lastIndexOf('/') + 1);
        book(coreId, lee, true)
                .statusCode(422)
                .body("errors[0].field", equalTo("lead"))
                .body("detail", containsString("Train-the-Trainer"));
        book(coreId, lee, false).statusCode(200).body("trainers[0].lead", equalTo(false));

        String qualifications = "/api/organisations/" + TestData.organisationId() + "/members/"
                + lee.id().value() + "/qualifications";
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "TRAIN_THE_TRAINER", "evidence", "Certificate TTT-2030-118"))
                .post(qualifications)
                .then()
                .statusCode(403);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "TRAIN_THE_TRAINER"))
                .post(qualifications)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "JUGGLING", "evidence", "x"))
                .post(qualifications)
                .then()
                .statusCode(400);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "TRAIN_THE_TRAINER", "evidence", "Certificate TTT-2030-118"))
                .post(qualifications)
                .then()
                .statusCode(201)
                .body("source", equalTo("entered"));
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "TRAIN_THE_TRAINER", "evidence", "Again"))
                .post(qualifications)
                .then()
                .statusCode(409);
        TestData.as(Persona.TRAINER_A)
                .get(qualifications)
                .then()
                .statusCode(200)
                .body("kind", hasItem("TRAIN_THE_TRAINER"));
        TestData.as(Persona.TRAINER_B).get(qualifications).then().statusCode(404);
        book(coreId, lee, true).statusCode(200).body("trainers.find { it.displayName == 'Lee' }.lead", equalTo(true));
        assertThat(days).isEmpty();
    }

    @Test
    void onlyTheOrganisationsTrainersCanBeBookedAndBadBookingsAreProblems() {
        String cohortId =
                cohort("Europe/Dublin", LocalDate.parse("2033-01-10"), LocalDate.parse("2033-01-11"), "09:30", "16:30");
        Account outsider =
                identity.openAccount("outsider-" + UUID.randomUUID() + "@example.test", "Outsider", TestData.PASSWORD);
        book(cohortId, outsider, false).statusCode(422);
        TestData.admin()
                .contentType(ContentType.JSON)
                .body(Map.of("lead", true))
                .post(TestData.cohortsPath() + "/" + cohortId + "/trainers")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        TestData.as(Persona.TRAINER_A)
                .contentType(ContentType.JSON)
                .body(Map.of("accountId", outsider.id().value().toString()))
                .post(TestData.cohortsPath() + "/" + cohortId + "/trainers")
                .then()
                .statusCode(403);
    }
}
