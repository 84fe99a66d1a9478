package io.mutuality.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mutuality.common.Problem;
import io.mutuality.common.ProblemException;
import io.mutuality.common.ProblemType;
import io.mutuality.curriculum.Course;
import io.mutuality.identity.AccountId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cohort's own rules, without Quarkus or a database. */
class CohortTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-04T10:00:00Z"), ZoneOffset.UTC);
    private static final OrganisationId ORG = new OrganisationId(UUID.randomUUID());
    private static final Course INTRO =
            new Course("introduction", "Introduction", "2026.1", 2, "anyone", "two days", List.of(), List.of());

    private static List<CohortPlan.Day> days(String... dates) {
        List<CohortPlan.Day> days = new ArrayList<>();
        for (String date : dates) {
            days.add(new CohortPlan.Day(LocalDate.parse(date), LocalTime.of(9, 30), LocalTime.of(16, 30)));
        }
        return days;
    }

    private static CohortPlan plan(List<CohortPlan.Day> days) {
        return new CohortPlan(
                "introduction",
                "Intro",
                "Europe/Dublin",
                12,
                "Hall",
                null,
                null,
                LocalDate.parse("2027-02-01"),
                LocalDate.parse("2027-02-20"),
                days,
                null);
    }

    private static List<String> brokenFields(Runnable action) {
        try {
            action.run();
        } catch (ProblemException e) {
            assertThat(e.type()).isEqualTo(ProblemType.RULE_VIOLATION);
            return e.errors().stream().map(Problem.FieldError::field).toList();
        }
        throw new AssertionError("expected the plan to be refused");
    }

    @Test
    void aValidPlanIsADraftWithNumberedDays() {
        Cohort cohort = Cohort.plan(ORG, INTRO, plan(days("2027-03-01", "2027-03-08")), CLOCK);
        assertThat(cohort.getStatus()).isEqualTo(CohortStatus.DRAFT);
        assertThat(cohort.getDays()).extracting(TrainingDay::getDayNumber).containsExactly(1, 2);
        assertThat(cohort.belongsTo(ORG)).isTrue();
        assertThat(cohort.belongsTo(new OrganisationId(UUID.randomUUID()))).isFalse();
        assertThat(cohort.firstDay()).isEqualTo(LocalDate.parse("2027-03-01"));
    }

    @Test
    void daysNeedNotBeConsecutiveButMustBeInOrder() {
        assertThat(brokenFields(() -> Cohort.plan(ORG, INTRO, plan(days("2027-03-08", "2027-03-01")), CLOCK)))
                .containsExactly("days[1].date");
        assertThat(brokenFields(() -> Cohort.plan(ORG, INTRO, plan(days("2027-03-08", "2027-03-08")), CLOCK)))
                .containsExactly("days[1].date");
    }

    @Test
    void theNumberOfDaysFollowsTheCourse() {
        assertThat(brokenFields(() -> Cohort.plan(ORG, INTRO, plan(days("2027-03-01")), CLOCK)))
                .containsExactly("days");
    }

    @Test
    void aDayEndsAfterItStarts() {
        List<CohortPlan.Day> days = days("2027-03-01", "2027-03-02");
        days.set(0, new CohortPlan.Day(LocalDate.parse("2027-03-01"), LocalTime.of(12, 0), LocalTime.of(12, 0)));
        assertThat(brokenFields(() -> Cohort.plan(ORG, INTRO, plan(days), CLOCK)))
                .containsExactly("days[0].endsAt");
    }

    @Test
    void registrationClosesBeforeTheFirstDayAndAfterItOpens() {
        CohortPlan late = new CohortPlan(
                "introduction",
                "Intro",
                "Europe/Dublin",
                12,
                "Hall",
                null,
                null,
                LocalDate.parse("2027-03-05"),
                LocalDate.parse("2027-03-01"),
                days("2027-03-01", "2027-03-02"),
                null);
        assertThat(brokenFields(() -> Cohort.plan(ORG, INTRO, late, CLOCK)))
                .containsExactly("registrationCloses", "registrationCloses");
    }

    @Test
    void aCohortMeetsSomewhere() {
        CohortPlan nowhere = new CohortPlan(
                "introduction",
                "Intro",
                "Europe/Dublin",
                12,
                " ",
                null,
                null,
                null,
                null,
                days("2027-03-01", "2027-03-02"),
                null);
        assertThat(brokenFields(() -> Cohort.plan(ORG, INTRO, nowhere, CLOCK))).containsExactly("venue");
        CohortPlan online = new CohortPlan(
                "introduction",
                "Intro",
                "Europe/Dublin",
                12,
                null,
                null,
                "https://meet.example/ips",
                null,
                null,
                days("2027-03-01", "2027-03-02"),
                null);
        assertThat(Cohort.plan(ORG, INTRO, online, CLOCK).getOnlineLink()).isEqualTo("https://meet.example/ips");
    }

    @Test
    void oneLeadAtATimeAndOpeningNeedsALead() {
        Cohort cohort = Cohort.plan(ORG, INTRO, plan(days("2027-03-01", "2027-03-02")), CLOCK);
        assertThatThrownBy(cohort::openRegistration)
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("lead trainer");

        AccountId first = AccountId.random();
        AccountId second = AccountId.random();
        cohort.book(first, true);
        cohort.book(second, true);
        assertThat(cohort.lead()).contains(second);
        assertThat(cohort.getTrainers())
                .hasSize(2)
                .filteredOn(CohortTrainer::isLead)
                .hasSize(1);

        cohort.openRegistration();
        assertThat(cohort.getStatus()).isEqualTo(CohortStatus.OPEN);
        assertThatThrownBy(cohort::openRegistration)
                .isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).type())
                .isEqualTo(ProblemType.CONFLICT);
    }

    @Test
    void takingTheLastPublicSeatFillsAnOpenCohortAndFreeingOneOpensItAgain() {
        Cohort cohort = Cohort.plan(ORG, INTRO, plan(days("2027-03-01", "2027-03-02")), CLOCK);
        cohort.seatsFilled(true);
        assertThat(cohort.getStatus()).as("a draft stays a draft").isEqualTo(CohortStatus.DRAFT);
        cohort.book(AccountId.random(), true);
        cohort.openRegistration();

        cohort.seatsFilled(true);
        assertThat(cohort.getStatus()).isEqualTo(CohortStatus.FULL);
        assertThat(cohort.takesRegistrations())
                .as("a full cohort still takes people onto its waitlist")
                .isTrue();
        cohort.seatsFilled(false);
        assertThat(cohort.getStatus()).isEqualTo(CohortStatus.OPEN);

        cohort.closeRegistration();
        cohort.seatsFilled(true);
        assertThat(cohort.getStatus()).as("closed by hand stays closed").isEqualTo(CohortStatus.CLOSED);
    }
}
