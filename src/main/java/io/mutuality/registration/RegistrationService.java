package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.mutuality.curriculum.CourseCatalogue;
import io.mutuality.registration.Admission.Placement;
import io.mutuality.registration.RegistrationApi.RegisterRequest;
import io.mutuality.registration.RegistrationApi.Registered;
import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.CohortStatus;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Registration for cohorts: seats in pools, waitlists in order, offers of freed seats that pass
 * to the next person when they lapse. The rules are {@link Admission} and {@link Offers}; this
 * service loads what they need, stores what they decide and sends the emails. Everything that
 * hands out a seat first locks the cohort ({@link SchedulingService#lock}), so seats are never
 * given twice, whatever arrives at once.
 */
@ApplicationScoped
public class RegistrationService {

    @Inject
    SchedulingService scheduling;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    CompletionService completions;

    @Inject
    SeatOffers offers;

    @Inject
    RegistrationLinks links;

    @Inject
    RegistrationMails mails;

    @Inject
    Clock clock;

    /** The outcome of answering an offer. */
    public enum Answer {
        TAKEN,
        DECLINED,
        LAPSED
    }

    // ------------------------------------------------------------------ registering

    /**
     * Someone registers on the public page: a seat if their pool has one, else the pool's
     * waitlist. An email already registered for the cohort is not refused here (a refusal would
     * tell a stranger that the email is registered): its owner is emailed their own link again,
     * and the public answer is the same as for anyone else.
     */
    @Transactional
    public Registered register(CohortId cohortId, RegisterRequest request) {
        Cohort cohort = scheduling
                .lock(cohortId)
                .filter(c -> c.getStatus() != CohortStatus.DRAFT)
                .orElseThrow(() -> ProblemException.notFound("cohort open for registration"));
        Instant now = clock.instant();
        Admission.requireOpen(window(cohort), today(cohort, now));
        Seating seating = Seating.of(cohort.getId(), cohort.getCapacity());
        Seating.Pool pool = Admission.pool(seating.pools(), request.pool(), true);
        return place(cohort, seating, pool, request, now, true);
    }

    /** An organisation admin adds someone, in any pool (their own staff's seats, for example). */
    @Transactional
    public Registered add(OrganisationId organisation, CohortId cohortId, RegisterRequest request) {
        Cohort cohort = lockedOf(organisation, cohortId);
        requireNotOver(cohort);
        Seating seating = Seating.of(cohort.getId(), cohort.getCapacity());
        Seating.Pool pool = Admission.pool(seating.pools(), request.pool(), false);
        return place(cohort, seating, pool, request, clock.instant(), false);
    }

    /** Refuses changing the roster of a cohort that was cancelled or has completed. */
    static void requireNotOver(Cohort cohort) {
        if (cohort.getStatus() == CohortStatus.CANCELLED || cohort.getStatus() == CohortStatus.COMPLETED) {
            throw ProblemException.conflict(
                    "This cohort is " + cohort.getStatus().name().toLowerCase(Locale.ROOT) + ".");
        }
    }

    /** Places someone in a pool of a cohort whose lock the caller holds, and emails them where they stand. */
    Registered place(
            Cohort cohort, Seating seating, Seating.Pool pool, RegisterRequest request, Instant now, boolean publicly) {
        List<Admission.Prerequisite> needed =
                catalogue.course(cohort.getCourseId()).map(c -> c.prerequisites()).orElse(List.of()).stream()
                        .map(id -> new Admission.Prerequisite(
                                id, catalogue.course(id).map(c -> c.title()).orElse(id)))
                        .toList();
        Admission.requirePrerequisites(
                needed,
                course -> completions.completed(
                        course, Registration.emailKey(request.email()), request.certificateCode()),
                request.certificateCode());
        Registration earlier =
                Registration.withEmail(cohort.getId(), request.email()).orElse(null);
        Placement placement = Admission.place(
                earlier == null ? null : earlier.status,
                publicly,
                request.email(),
                new Admission.PoolState(
                        pool.seats(),
                        Registration.taken(cohort.getId(), pool.code()),
                        Registration.someoneWaiting(cohort.getId(), pool.code())));
        if (placement == Placement.SEND_LINK_AGAIN) {
            // only the person who owns the email learns that it is registered, from the email
            String token = links.link(earlier.id);
            boolean sent = mails.alreadyRegistered(earlier.email, earlier.name, cohort.getTitle(), token);
            return new Registered(earlier.status, Registration.waitlistPlace(earlier), token, sent);
        }
        Registration registration;
        if (earlier != null) {
            registration = earlier;
            registration.renew(pool.code(), request.name(), request.accessNeeds(), request.dietaryNeeds(), now);
        } else {
            UUID id = UUID.randomUUID();
            registration = Registration.of(
                    id,
                    cohort.getOrganisationId(),
                    cohort.getId(),
                    pool.code(),
                    request.name(),
                    request.email(),
                    request.accessNeeds(),
                    request.dietaryNeeds(),
                    links.hash(id),
                    now);
        }
        if (placement == Placement.CONFIRMED) {
            registration.confirm(now);
        } else {
            registration.waitlist(Registration.nextPosition(cohort.getId()), now);
        }
        if (earlier == null) {
            registration.persist();
        }
        Registration.flush();
        offers.updateFull(cohort, seating);
        String token = links.link(registration.id);
        Integer place = Registration.waitlistPlace(registration);
        boolean sent = registration.status == RegistrationStatus.CONFIRMED
                ? mails.confirmed(registration.email, registration.name, cohort.getTitle(), token)
                : mails.waitlisted(registration.email, registration.name, cohort.getTitle(), place, token);
        return new Registered(registration.status, place, token, sent);
    }

    // ------------------------------------------------------------------ changes by the person or the organisation

    /** The person cancels by their own link; a seat they held is offered to the next person waiting. */
    @Transactional
    public void cancel(String token) {
        Registration registration = RegistrationLinks.registration(token);
        Cohort cohort = scheduling.lock(new CohortId(registration.cohortId)).orElseThrow();
        cancel(cohort, registration);
    }

    /** An organisation admin cancels someone's registration. */
    @Transactional
    public void cancel(OrganisationId organisation, CohortId cohortId, UUID registrationId) {
        Cohort cohort = lockedOf(organisation, cohortId);
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .filter(r -> r.cohortId.equals(cohort.getId()))
                .orElseThrow(() -> ProblemException.notFound("registration"));
        cancel(cohort, registration);
    }

    private void cancel(Cohort cohort, Registration registration) {
        boolean heldSeat = registration.status.holdsSeat();
        Instant now = clock.instant();
        registration.cancel(now);
        Registration.flush();
        Seating seating = Seating.of(cohort.getId(), cohort.getCapacity());
        if (heldSeat) {
            seating.pool(registration.pool).ifPresent(pool -> offers.offerFreedSeats(cohort, seating, pool, now));
        }
        offers.updateFull(cohort, seating);
        mails.cancelled(registration.email, registration.name, cohort.getTitle());
    }

    /** A cancelled cohort: every active registration ends, and each person is told why. */
    void cohortCancelled(@Observes SchedulingService.CohortCancelled event) {
        Instant now = clock.instant();
        for (Registration registration : Registration.<Registration>list("cohortId = ?1", event.cohortId())) {
            if (registration.status.active()) {
                registration.cancel(now);
                mails.cohortCancelled(registration.email, registration.name, event.title(), event.reason());
            }
        }
    }

    /** The person answers an offered seat by their own link. */
    @Transactional
    public Answer answer(String token, boolean take) {
        Registration registration = RegistrationLinks.registration(token);
        Cohort cohort = scheduling.lock(new CohortId(registration.cohortId)).orElseThrow();
        Instant now = clock.instant();
        Seating seating = Seating.of(cohort.getId(), cohort.getCapacity());
        if (registration.expireIfDue(now)) {
            Registration.flush();
            seating.pool(registration.pool).ifPresent(pool -> offers.offerFreedSeats(cohort, seating, pool, now));
            mails.offerLapsed(registration.email, registration.name, cohort.getTitle());
            return Answer.LAPSED;
        }
        if (take) {
            registration.accept(now);
            return Answer.TAKEN;
        }
        registration.decline(now);
        Registration.flush();
        seating.pool(registration.pool).ifPresent(pool -> offers.offerFreedSeats(cohort, seating, pool, now));
        offers.updateFull(cohort, seating);
        return Answer.DECLINED;
    }

    // ------------------------------------------------------------------ views

    /** A cohort of this organisation, locked for the rest of the transaction. */
    Cohort lockedOf(OrganisationId organisation, CohortId cohortId) {
        return scheduling
                .lock(cohortId)
                .filter(c -> c.belongsTo(organisation))
                .orElseThrow(() -> ProblemException.notFound("cohort"));
    }

    static Admission.Window window(Cohort cohort) {
        return new Admission.Window(
                cohort.takesRegistrations(),
                cohort.getRegistrationOpens(),
                cohort.getRegistrationCloses(),
                cohort.firstDay());
    }

    static LocalDate today(Cohort cohort, Instant now) {
        return now.atZone(cohort.zone()).toLocalDate();
    }
}
