package io.mutuality.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** What an organisation decides when it plans a cohort; the {@link Cohort} checks it against the rules. */
public record CohortPlan(
        String courseId,
        String title,
        String timeZone,
        int capacity,
        String venueName,
        String venueAddress,
        String onlineLink,
        LocalDate registrationOpens,
        LocalDate registrationCloses,
        List<Day> days,
        java.util.UUID variantId) {

    public record Day(LocalDate date, LocalTime startsAt, LocalTime endsAt) {}
}
