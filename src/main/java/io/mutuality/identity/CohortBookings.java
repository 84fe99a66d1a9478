package io.mutuality.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Which trainers are booked on which cohorts, as identity needs to know it: the guard lets a
 * trainer into a cohort's people only when booked on it, and removing a member deals with their
 * bookings first. Scheduling owns the bookings and provides this.
 */
public interface CohortBookings {

    /** A booking on a cohort that has not finished. */
    record Booking(UUID cohortId, String title, LocalDate firstDay) {}

    /** Whether the organisation has this cohort. */
    boolean exists(UUID organisationId, UUID cohortId);

    /** Whether this account is booked on this cohort of this organisation. */
    boolean isBooked(UUID organisationId, UUID cohortId, UUID accountId);

    /** The account's bookings on the organisation's cohorts that are not cancelled, completed or over. */
    List<Booking> unfinished(UUID organisationId, UUID accountId);

    /** Takes the account off those cohorts. */
    void unbookUnfinished(UUID organisationId, UUID accountId);
}
