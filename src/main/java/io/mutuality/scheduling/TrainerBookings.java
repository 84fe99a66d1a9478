package io.mutuality.scheduling;

import io.mutuality.identity.AccountId;
import io.mutuality.identity.AuditLog;
import io.mutuality.identity.CohortBookings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Trainers' bookings, as identity asks about them (the guard, removing a member). */
@ApplicationScoped
public class TrainerBookings implements CohortBookings {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Override
    public boolean exists(UUID organisationId, UUID cohortId) {
        return Cohort.count("id = ?1 and organisationId = ?2", cohortId, organisationId) > 0;
    }

    @Override
    public boolean isBooked(UUID organisationId, UUID cohortId, UUID accountId) {
        return Cohort.count(
                        "select count(c) from Cohort c join c.trainers t where c.id = ?1 and c.organisationId = ?2 "
                                + "and t.accountId = ?3",
                        cohortId,
                        organisationId,
                        accountId)
                > 0;
    }

    @Override
    public List<Booking> unfinished(UUID organisationId, UUID accountId) {
        return unfinishedCohorts(organisationId, accountId).stream()
                .map(c -> new Booking(c.getId(), c.getTitle(), c.firstDay()))
                .toList();
    }

    @Override
    @Transactional
    public void unbookUnfinished(UUID organisationId, UUID accountId) {
        for (Cohort cohort : unfinishedCohorts(organisationId, accountId)) {
            cohort.unbook(new AccountId(accountId));
            audit.record(organisationId, "cohort.trainer-unbooked", cohort.getTitle(), "on leaving the organisation");
        }
    }

    private List<Cohort> unfinishedCohorts(UUID organisationId, UUID accountId) {
        LocalDate today = LocalDate.now(clock);
        return Cohort.<Cohort>list(
                        "select distinct c from Cohort c join c.trainers t where c.organisationId = ?1 "
                                + "and t.accountId = ?2",
                        organisationId,
                        accountId)
                .stream()
                .filter(c -> c.unfinished(today))
                .sorted(java.util.Comparator.comparing(Cohort::firstDay))
                .toList();
    }
}
