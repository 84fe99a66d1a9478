package io.mutuality.registration;

import io.mutuality.cluster.ClusterOnce;
import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.CohortSeats;
import io.mutuality.scheduling.SchedulingService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Freed seats offered to the people waiting, offers that lapse and pass on, and the cohort told
 * when its public seats are all taken. The rules are {@link Offers}; this loads, stores and mails.
 * Every method runs under the cohort's lock ({@link SchedulingService#lock}).
 */
@ApplicationScoped
public class SeatOffers {

    private static final Logger LOG = Logger.getLogger(SeatOffers.class);

    /** The offer sweep's name among the jobs that run on one node at a time. */
    static final String OFFER_SWEEP = "offer-sweep";

    @Inject
    SchedulingService scheduling;

    @Inject
    CohortSeats seats;

    @Inject
    RegistrationMails mails;

    @Inject
    RegistrationLinks links;

    @Inject
    ClusterOnce clusterOnce;

    @Inject
    Clock clock;

    /** Offers the pool's free seats to those waiting in it, first in line first, and emails each. */
    void offerFreedSeats(Cohort cohort, Seating seating, Seating.Pool pool, Instant now) {
        List<Registration> offered = Offers.next(
                pool.seats(),
                Registration.taken(cohort.getId(), pool.code()),
                Registration.waitlist(cohort.getId(), pool.code()));
        for (Registration next : offered) {
            next.offer(seating.offerLasts(), now);
            Registration.flush();
            mails.offered(
                    next.email, next.name, cohort.getTitle(), next.offerExpiresAt, cohort.zone(), links.link(next.id));
        }
    }

    /** Offers the free seats of every pool. */
    void offerFreedSeats(Cohort cohort, Seating seating, Instant now) {
        for (Seating.Pool pool : seating.pools()) {
            offerFreedSeats(cohort, seating, pool, now);
        }
    }

    /** Tells the cohort whether its public seats are all taken. */
    void updateFull(Cohort cohort, Seating seating) {
        seats.allTaken(
                cohort.cohortId(), Offers.full(seating.pools(), pool -> Registration.taken(cohort.getId(), pool)));
    }

    /**
     * Lapses every offer past its time and offers the seats on, on one node at a time. Each
     * cohort's offers are lapsed under the cohort's lock, re-read once it is held, so a seat is
     * passed on once even by sweeps that overlap.
     */
    @Scheduled(
            every = "${mutuality.registration.offer-sweep:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        clusterOnce.run(OFFER_SWEEP, () -> lapseOffers(clock.instant()));
    }

    /** Lapses offers due at {@code now}; returns how many lapsed. */
    public int lapseOffers(Instant now) {
        List<UUID> cohorts = QuarkusTransaction.requiringNew()
                .call(() -> Registration.find(
                                "select distinct r.cohortId from Registration r where r.status = ?1 and r.offerExpiresAt <= ?2",
                                RegistrationStatus.OFFERED,
                                now)
                        .project(UUID.class)
                        .list());
        int lapsed = 0;
        for (UUID cohortId : cohorts) {
            try {
                lapsed += QuarkusTransaction.requiringNew().call(() -> lapseOffers(new CohortId(cohortId), now));
            } catch (RuntimeException e) {
                LOG.warnf(e, "Offers for cohort %s could not be passed on; the next sweep tries again", cohortId);
            }
        }
        return lapsed;
    }

    /** Lapses one cohort's offers due at {@code now}, as the sweep would; returns how many lapsed. */
    @Transactional
    public int lapseOffers(CohortId cohortId, Instant now) {
        Cohort cohort = scheduling.lock(cohortId).orElseThrow();
        Seating seating = Seating.of(cohort.getId(), cohort.getCapacity());
        int lapsed = 0;
        for (Registration registration : Registration.<Registration>list(
                "cohortId = ?1 and status = ?2", cohort.getId(), RegistrationStatus.OFFERED)) {
            if (registration.expireIfDue(now)) {
                lapsed++;
                mails.offerLapsed(registration.email, registration.name, cohort.getTitle());
            }
        }
        Registration.flush();
        offerFreedSeats(cohort, seating, now);
        updateFull(cohort, seating);
        return lapsed;
    }
}
