package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.mutuality.registration.RegistrationApi.PoolView;
import io.mutuality.registration.RegistrationApi.RegistrationView;
import io.mutuality.registration.RegistrationApi.Roster;
import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A cohort's roster as the organisation manages it: the pools of seats, the roster itself, and
 * people brought in and out as CSV. The import's rules are {@link RosterImport}; each imported
 * person is placed as {@link RegistrationService} places anyone an admin adds.
 */
@ApplicationScoped
public class RosterService {

    @Inject
    SchedulingService scheduling;

    @Inject
    RegistrationService registrations;

    @Inject
    SeatOffers offers;

    @Inject
    Validator validator;

    @Inject
    Clock clock;

    /** Re-arranges a cohort's pools and offer time; seats freed by it are offered at once. */
    @Transactional
    public Roster arrange(OrganisationId organisation, CohortId cohortId, RegistrationApi.SeatingRequest request) {
        Cohort cohort = registrations.lockedOf(organisation, cohortId);
        Seating seating = Seating.of(cohort.getId(), cohort.getCapacity());
        List<Seating.Pool> pools = request.pools().stream()
                .map(p -> new Seating.Pool(p.code(), p.name(), p.seats(), !Boolean.FALSE.equals(p.openToPublic())))
                .toList();
        List<String> inUse = Registration.<Registration>list("cohortId = ?1", cohort.getId()).stream()
                .filter(r -> r.status.active())
                .map(r -> r.pool)
                .distinct()
                .toList();
        for (String code : inUse) {
            if (pools.stream().noneMatch(p -> p.code().equals(code))) {
                throw ProblemException.rule("pools", "People are registered in the pool '" + code + "'; keep it.");
            }
        }
        seating.arrange(pools, request.offerHours(), cohort.getCapacity());
        offers.offerFreedSeats(cohort, seating, clock.instant());
        offers.updateFull(cohort, seating);
        return roster(cohort, seating);
    }

    /**
     * Imports people from CSV. A dry run changes nothing and tells, line by line, what would
     * happen; a real run registers the good lines (sending their emails) and skips the rest,
     * reporting each. Either way every bad line is listed with what is wrong with it.
     */
    @Transactional
    public RegistrationApi.ImportReport importCsv(
            OrganisationId organisation, CohortId cohortId, String csv, boolean dryRun) {
        Cohort cohort = registrations.lockedOf(organisation, cohortId);
        RegistrationService.requireNotOver(cohort);
        Seating seating = Seating.of(cohort.getId(), cohort.getCapacity());
        List<RosterCsv.Row> rows = RosterCsv.read(csv, validator);
        List<RosterImport.PoolStart> pools = seating.pools().stream()
                .map(pool -> new RosterImport.PoolStart(
                        pool,
                        pool.seats() - Registration.taken(cohort.getId(), pool.code()),
                        Registration.someoneWaiting(cohort.getId(), pool.code())))
                .toList();
        List<RosterImport.Planned> planned =
                RosterImport.plan(rows, pools, email -> Registration.activeWithEmail(cohort.getId(), email));
        if (!dryRun) {
            Instant now = clock.instant();
            for (RosterImport.Planned row : planned) {
                if (row.registers()) {
                    registrations.place(
                            cohort, seating, seating.pool(row.pool()).orElseThrow(), row.request(), now, false);
                }
            }
        }
        return RosterImport.report(dryRun, planned);
    }

    /** The roster as CSV. */
    @Transactional
    public String rosterCsv(OrganisationId organisation, CohortId cohortId) {
        return RosterCsv.export(roster(organisation, cohortId));
    }

    @Transactional
    public Roster roster(OrganisationId organisation, CohortId cohortId) {
        Cohort cohort =
                scheduling.cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        return roster(cohort, Seating.read(cohort.getId(), cohort.getCapacity()));
    }

    private static Roster roster(Cohort cohort, Seating seating) {
        List<Registration> all = new ArrayList<>(Registration.list("cohortId = ?1", cohort.getId()));
        List<PoolView> pools = new ArrayList<>();
        for (Seating.Pool pool : seating.pools()) {
            int taken = (int) all.stream()
                    .filter(r -> r.pool.equals(pool.code()) && r.status.holdsSeat())
                    .count();
            int waiting = (int) all.stream()
                    .filter(r -> r.pool.equals(pool.code()) && r.status == RegistrationStatus.WAITLISTED)
                    .count();
            pools.add(new PoolView(pool.code(), pool.name(), pool.seats(), pool.openToPublic(), taken, waiting));
        }
        List<RegistrationView> confirmed = new ArrayList<>();
        List<RegistrationView> offered = new ArrayList<>();
        List<RegistrationView> waitlist = new ArrayList<>();
        List<RegistrationView> ended = new ArrayList<>();
        all.sort(Comparator.comparing(
                        (Registration r) -> r.waitlistPosition == null ? Long.MAX_VALUE : r.waitlistPosition)
                .thenComparing(r -> r.createdAt));
        for (Registration r : all) {
            Integer place = null;
            if (r.status == RegistrationStatus.WAITLISTED) {
                place = Offers.waitlistPlace(
                        r.waitlistPosition,
                        all.stream()
                                .filter(o -> o.pool.equals(r.pool) && o.status == RegistrationStatus.WAITLISTED)
                                .map(o -> o.waitlistPosition)
                                .toList());
            }
            RegistrationView view = new RegistrationView(
                    r.id,
                    r.name,
                    r.email,
                    r.pool,
                    r.status,
                    place,
                    r.offerExpiresAt,
                    r.accessNeeds,
                    r.dietaryNeeds,
                    r.createdAt);
            switch (r.status) {
                case CONFIRMED -> confirmed.add(view);
                case OFFERED -> offered.add(view);
                case WAITLISTED -> waitlist.add(view);
                default -> ended.add(view);
            }
        }
        return new Roster(seating.offerHours(), pools, confirmed, offered, waitlist, ended);
    }
}
