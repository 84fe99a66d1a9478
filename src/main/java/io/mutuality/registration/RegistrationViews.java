package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.mutuality.curriculum.CourseCatalogue;
import io.mutuality.registration.RegistrationApi.EvaluationRequest;
import io.mutuality.registration.RegistrationApi.EvaluationState;
import io.mutuality.registration.RegistrationApi.EvaluationView;
import io.mutuality.registration.RegistrationApi.EvaluationsView;
import io.mutuality.registration.RegistrationApi.MyRegistration;
import io.mutuality.registration.RegistrationApi.PublicCohort;
import io.mutuality.registration.RegistrationApi.PublicDay;
import io.mutuality.registration.RegistrationApi.PublicPool;
import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What registration shows rather than changes: a cohort's public page, a person's own page
 * behind their link, and the end-of-course evaluation they may answer there (kept apart from who
 * answered).
 */
@ApplicationScoped
public class RegistrationViews {

    @Inject
    SchedulingService scheduling;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    Clock clock;

    /** The registration behind a person's own link. */
    @Transactional
    public Registration byLink(String token) {
        return RegistrationLinks.registration(token);
    }

    @Transactional
    public PublicCohort publicCohort(CohortId cohortId) {
        Cohort cohort = scheduling
                .published(cohortId)
                .orElseThrow(() -> ProblemException.notFound("cohort open for registration"));
        Seating seating = Seating.read(cohort.getId(), cohort.getCapacity());
        List<PublicPool> pools = new ArrayList<>();
        for (Seating.Pool pool : seating.pools()) {
            if (pool.openToPublic()) {
                int waiting = (int) Registration.waiting(cohort.getId(), pool.code());
                long left = pool.seats() - Registration.taken(cohort.getId(), pool.code());
                pools.add(new PublicPool(pool.code(), pool.name(), (int) Math.max(0, left), waiting));
            }
        }
        String state = Admission.publicState(
                RegistrationService.window(cohort),
                RegistrationService.today(cohort, clock.instant()),
                pools.stream().anyMatch(p -> p.seatsLeft() > 0 && p.waiting() == 0));
        String organisationName = scheduling
                .organisationName(new OrganisationId(cohort.getOrganisationId()))
                .orElse("");
        var course = catalogue.course(cohort.getCourseId());
        return new PublicCohort(
                cohort.getId(),
                organisationName,
                course.map(c -> c.title()).orElse(cohort.getCourseId()),
                cohort.getTitle(),
                cohort.getTimeZone(),
                days(cohort),
                cohort.getVenue() == null ? null : cohort.getVenue().getName(),
                cohort.getVenue() == null ? null : cohort.getVenue().getAddress(),
                cohort.getOnlineLink() != null,
                cohort.getRegistrationOpens(),
                cohort.getRegistrationCloses(),
                state,
                pools,
                course.map(c -> c.prerequisites()).orElse(List.of()));
    }

    private static List<PublicDay> days(Cohort cohort) {
        return cohort.getDays().stream()
                .map(d -> new PublicDay(d.getDayNumber(), d.getDate(), d.getStartsAt(), d.getEndsAt()))
                .toList();
    }

    @Transactional
    public MyRegistration mine(String token) {
        Registration registration = RegistrationLinks.registration(token);
        Cohort cohort = scheduling
                .cohort(new OrganisationId(registration.organisationId), new CohortId(registration.cohortId))
                .orElseThrow(() -> ProblemException.notFound("registration"));
        Seating seating = Seating.read(cohort.getId(), cohort.getCapacity());
        String poolName =
                seating.pool(registration.pool).map(Seating.Pool::name).orElse(registration.pool);
        return new MyRegistration(
                registration.name,
                cohort.getTitle(),
                poolName,
                registration.status,
                Registration.waitlistPlace(registration),
                registration.offerExpiresAt,
                days(cohort),
                cohort.getTimeZone(),
                io.mutuality.scheduling.SchedulingApi.SupportContactView.of(
                        cohort.supportContact().orElse(null)),
                registration.evaluated
                        ? EvaluationState.ANSWERED
                        : mayEvaluate(registration, cohort) ? EvaluationState.OPEN : EvaluationState.NOT_OPEN,
                io.mutuality.scheduling.SchedulingApi.FollowUpView.of(
                        cohort.followUp().orElse(null)));
    }

    /** Whether this person is asked the end-of-course evaluation now: they had a seat, and the last day has started. */
    private boolean mayEvaluate(Registration registration, Cohort cohort) {
        return registration.status == RegistrationStatus.CONFIRMED && cohort.invitesEvaluation(clock.instant());
    }

    /**
     * Keeps a person's answer to the end-of-course evaluation, by their own link, once. The answer
     * is stored with its cohort only; the registration is marked as answered, and nothing joins
     * the two. An answer that passes every question is not stored, but still counts as answered.
     */
    @Transactional
    public void evaluate(String token, EvaluationRequest answers) {
        Registration registration = RegistrationLinks.registration(token);
        Cohort cohort = scheduling
                .cohort(new OrganisationId(registration.organisationId), new CohortId(registration.cohortId))
                .orElseThrow(() -> ProblemException.notFound("registration"));
        if (registration.evaluated) {
            throw ProblemException.conflict("You have already answered the evaluation for this course. Thank you.");
        }
        if (!mayEvaluate(registration, cohort)) {
            throw ProblemException.conflict(
                    "The evaluation opens on the course's last day, for the people taking part in it.");
        }
        // marked only if not marked already, so two answers sent at once cannot both count
        if (Registration.update("evaluated = true where id = ?1 and evaluated = false", registration.id) == 0) {
            throw ProblemException.conflict("You have already answered the evaluation for this course. Thank you.");
        }
        Evaluation evaluation = Evaluation.of(
                cohort.getId(), answers.helped(), answers.gotInTheWay(), answers.takeWithYou(), answers.anythingElse());
        if (!evaluation.empty()) {
            evaluation.persist();
        }
    }

    /**
     * The fewest people who must have answered before their words are shown: below it, a trainer
     * could too easily tell whose words they are.
     */
    static final int FEWEST_TO_SHOW = 3;

    /**
     * The anonymous answers to a cohort's evaluation, in no particular order (nothing about when or
     * who), with how many were asked and answered; the words stay back while fewer than {@link
     * #FEWEST_TO_SHOW} people have answered.
     */
    @Transactional
    public EvaluationsView evaluations(OrganisationId organisation, CohortId cohortId) {
        Cohort cohort =
                scheduling.cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        UUID id = cohort.getId();
        int asked = (int) Registration.count("cohortId = ?1 and status = ?2", id, RegistrationStatus.CONFIRMED);
        int answered = (int) Registration.count("cohortId = ?1 and evaluated = true", id);
        List<EvaluationView> words = answered < FEWEST_TO_SHOW
                ? List.of()
                : Evaluation.<Evaluation>list("cohortId = ?1 order by id", id).stream()
                        .map(e -> new EvaluationView(e.helped, e.gotInTheWay, e.takeWithYou, e.anythingElse))
                        .toList();
        return new EvaluationsView(cohort.invitesEvaluation(clock.instant()), asked, answered, FEWEST_TO_SHOW, words);
    }
}
