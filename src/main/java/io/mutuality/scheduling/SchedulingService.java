package io.mutuality.scheduling;

import io.mutuality.common.ProblemException;
import io.mutuality.curriculum.CourseCatalogue;
import io.mutuality.curriculum.CurriculumApi.ResolvedCourse;
import io.mutuality.curriculum.CurriculumVersions;
import io.mutuality.curriculum.VariantService;
import io.mutuality.identity.AccountId;
import io.mutuality.identity.IdentityService;
import io.mutuality.identity.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/** The scheduling feature's public API: organisations and their cohorts. */
@ApplicationScoped
public class SchedulingService {

    private static final Logger LOG = Logger.getLogger(SchedulingService.class);
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    @Inject
    Clock clock;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    IdentityService identity;

    @Inject
    CurriculumVersions versions;

    @Inject
    VariantService variants;

    @Inject
    io.mutuality.identity.AuditLog audit;

    public List<Organisation> organisations() {
        return Organisation.listAll(Sort.by("name"));
    }

    public boolean anyOrganisation() {
        return Organisation.count() > 0;
    }

    public Optional<Organisation> organisation(OrganisationId id) {
        return Organisation.findByIdOptional(id.value());
    }

    /** An organisation's name, for other features to show (they do not read the organisation itself). */
    public Optional<String> organisationName(OrganisationId id) {
        return organisation(id).map(Organisation::getName);
    }

    @Transactional
    public Organisation foundOrganisation(String name, String slug, ZoneId zone) {
        if (!SLUG.matcher(slug).matches()) {
            throw ProblemException.rule("slug", "Use lower-case letters, digits and single hyphens.");
        }
        if (Organisation.count("slug", slug) > 0) {
            throw ProblemException.conflict("An organisation already uses the address '" + slug + "'.");
        }
        Organisation organisation = Organisation.found(name, slug, zone, clock);
        organisation.persist();
        return organisation;
    }

    /** The organisation's cohorts, soonest first. */
    public List<Cohort> cohorts(OrganisationId organisation) {
        List<Cohort> cohorts = Cohort.list("organisationId", organisation.value());
        return cohorts.stream().sorted(Comparator.comparing(Cohort::firstDay)).toList();
    }

    /** A cohort, only if it belongs to this organisation. */
    public Optional<Cohort> cohort(OrganisationId organisation, CohortId id) {
        return Cohort.<Cohort>findByIdOptional(id.value()).filter(c -> c.belongsTo(organisation));
    }

    @Transactional
    public Cohort plan(OrganisationId organisationId, CohortPlan plan) {
        Organisation organisation =
                organisation(organisationId).orElseThrow(() -> ProblemException.notFound("organisation"));
        var course = catalogue
                .course(plan.courseId())
                .orElseThrow(() -> ProblemException.rule("courseId", "There is no course '" + plan.courseId() + "'."));
        CurriculumVersions.Pin pin;
        if (plan.variantId() != null) {
            var variant = variants.variant(organisationId.value(), plan.variantId())
                    .orElseThrow(() -> ProblemException.rule("variantId", "This organisation has no such variant."));
            if (!variant.courseId().equals(course.id())) {
                throw ProblemException.rule("variantId", "That variant is of another course.");
            }
            pin = variants.pin(variant);
        } else {
            pin = versions.pin(course);
        }
        CohortPlan withZone = plan.timeZone() == null || plan.timeZone().isBlank()
                ? new CohortPlan(
                        plan.courseId(),
                        plan.title(),
                        organisation.getTimeZone(),
                        plan.capacity(),
                        plan.venueName(),
                        plan.venueAddress(),
                        plan.onlineLink(),
                        plan.registrationOpens(),
                        plan.registrationCloses(),
                        plan.days(),
                        plan.variantId())
                : plan;
        Cohort cohort = Cohort.plan(organisationId, course, withZone, clock);
        cohort.pinCurriculum(pin.source(), pin.version());
        cohort.persist();
        audit.record(organisationId.value(), "cohort.planned", cohort.getTitle(), course.title());
        return cohort;
    }

    /**
     * Books a trainer of the organisation onto one of its cohorts. Refused, with the reason, for
     * someone who is not a trainer here, for a lead of Core without Train-the-Trainer, and for a
     * trainer already booked at an overlapping time on any other cohort.
     */
    @Transactional
    public Cohort book(OrganisationId organisation, CohortId cohortId, AccountId trainer, boolean lead) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        boolean isTrainerHere = identity.hasRole(trainer, organisation.value(), Role.TRAINER);
        if (!isTrainerHere) {
            throw ProblemException.rule("trainer", "Only trainers of this organisation can be booked on its cohorts.");
        }
        if (lead
                && LEAD_NEEDS.containsKey(cohort.getCourseId())
                && !qualifications(trainer).stream()
                        .map(TrainerQualification::getKind)
                        .toList()
                        .contains(LEAD_NEEDS.get(cohort.getCourseId()))) {
            throw ProblemException.rule(
                    "lead",
                    "Leading "
                            + catalogue
                                    .course(cohort.getCourseId())
                                    .map(c -> c.title())
                                    .orElse(cohort.getCourseId())
                            + " needs a completed Train-the-Trainer; record it with its evidence first, "
                            + "or book this trainer as a co-trainer.");
        }
        clash(cohort, trainer).ifPresent(message -> {
            throw ProblemException.rule("trainer", message);
        });
        cohort.book(trainer, lead);
        return cohort;
    }

    /** The qualification each course's lead trainer needs. */
    static final Map<String, Qualification> LEAD_NEEDS = Map.of("core", Qualification.TRAIN_THE_TRAINER);

    /** Told to other features when a cohort is cancelled (registration cancels its people's places and tells them). */
    public record CohortCancelled(UUID organisationId, UUID cohortId, String title, String reason) {}

    @Inject
    jakarta.enterprise.event.Event<CohortCancelled> cancelled;

    @Transactional
    public Cohort closeRegistration(OrganisationId organisation, CohortId cohortId) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.closeRegistration();
        audit.record(organisation.value(), "cohort.registration-closed", cohort.getTitle(), null);
        return cohort;
    }

    /** Cancels a cohort; everyone registered is told, in the same transaction, by whoever observes the event. */
    @Transactional
    public Cohort cancel(OrganisationId organisation, CohortId cohortId, String reason) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.cancel();
        audit.record(organisation.value(), "cohort.cancelled", cohort.getTitle(), reason);
        cancelled.fire(new CohortCancelled(organisation.value(), cohort.getId(), cohort.getTitle(), reason));
        return cohort;
    }

    /** The status sweep's name among the jobs that run on one node at a time. */
    static final String STATUS_SWEEP = "cohort-status-sweep";

    @Inject
    io.mutuality.cluster.ClusterOnce clusterOnce;

    /** Moves cohorts on with time (running, completed), on one node at a time. */
    @io.quarkus.scheduler.Scheduled(
            every = "${mutuality.scheduling.status-sweep:10m}",
            delayed = "30s",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void sweepStatuses() {
        clusterOnce.run(STATUS_SWEEP, () -> advanceStatuses(clock.instant()));
    }

    /**
     * Moves one cohort on with time, as the sweep would at {@code now}: under the cohort's lock, so
     * of two sweeps at once the second waits, reads the status the first left, and moves nothing.
     */
    @Transactional
    public boolean advance(CohortId cohortId, Instant now) {
        return lock(cohortId).map(c -> c.advance(now)).orElse(false);
    }

    /**
     * Moves every cohort on with time at {@code now}; returns how many changed. Each cohort is
     * moved in a transaction of its own under the cohort's lock, and its status is read once the
     * lock is held: two sweeps at once (or a sweep and a registration) take turns, the second
     * finds the cohort already moved, and one conflict does not undo the others.
     */
    public int advanceStatuses(Instant now) {
        List<UUID> candidates = QuarkusTransaction.requiringNew()
                .call(() -> Cohort.find(
                                "select c.id from Cohort c where c.status in ?1",
                                List.of(
                                        CohortStatus.OPEN,
                                        CohortStatus.FULL,
                                        CohortStatus.CLOSED,
                                        CohortStatus.RUNNING))
                        .project(UUID.class)
                        .list());
        int changed = 0;
        for (UUID id : candidates) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> advance(new CohortId(id), now))) {
                    changed++;
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Cohort %s could not be moved on; the next sweep tries again", id);
            }
        }
        return changed;
    }

    /** Names who the cohort's participants can reach during and between the days. */
    @Transactional
    public Cohort nameSupport(
            OrganisationId organisation, CohortId cohortId, String name, String phone, String email, String note) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.nameSupport(name, phone, email, note);
        return cohort;
    }

    /** The cohort no longer names a support contact. */
    @Transactional
    public Cohort clearSupport(OrganisationId organisation, CohortId cohortId) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.clearSupport();
        return cohort;
    }

    /** Keeps the working agreements the group made, replacing those kept before. */
    @Transactional
    public Cohort agree(OrganisationId organisation, CohortId cohortId, List<String> statements) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.agree(statements);
        return cohort;
    }

    /** Plans (or moves) the co-reflection session after the course. */
    @Transactional
    public Cohort planFollowUp(OrganisationId organisation, CohortId cohortId, SchedulingApi.FollowUpRequest request) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.planFollowUp(request.date(), request.startsAt(), request.endsAt(), request.place(), request.note());
        return cohort;
    }

    /** The co-reflection session after the course is no longer planned. */
    @Transactional
    public Cohort dropFollowUp(OrganisationId organisation, CohortId cohortId) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.dropFollowUp();
        return cohort;
    }

    /** What a day's room shows of its cohort besides the title: who to reach, and the group's working agreements. */
    public record RoomNotes(SchedulingApi.SupportContactView supportContact, List<String> workingAgreements) {}

    /** The room notes of a cohort (none for a cohort this organisation does not have). */
    @Transactional
    public RoomNotes roomNotes(OrganisationId organisation, CohortId cohortId) {
        return cohort(organisation, cohortId)
                .map(c -> new RoomNotes(
                        SchedulingApi.SupportContactView.of(c.supportContact().orElse(null)),
                        List.copyOf(c.getWorkingAgreements())))
                .orElse(new RoomNotes(null, List.of()));
    }

    /** Takes a trainer off a cohort. */
    @Transactional
    public Cohort unbook(OrganisationId organisation, CohortId cohortId, AccountId trainer) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.unbook(trainer);
        return cohort;
    }

    /** Why this trainer cannot also train this cohort's days, if they are booked elsewhere at an overlapping time. */
    Optional<String> clash(Cohort cohort, AccountId trainer) {
        List<Cohort> others = Cohort.<Cohort>list(
                "select distinct c from Cohort c join c.trainers t where t.accountId = ?1 "
                        + "and c.id <> ?2 and c.status <> ?3",
                trainer.value(),
                cohort.getId(),
                CohortStatus.CANCELLED);
        for (TrainingDay day : cohort.getDays()) {
            for (Cohort other : others) {
                for (TrainingDay otherDay : other.getDays()) {
                    if (day.startsAt(cohort.zone()).isBefore(otherDay.endsAt(other.zone()))
                            && otherDay.startsAt(other.zone()).isBefore(day.endsAt(cohort.zone()))) {
                        boolean ours = other.getOrganisationId().equals(cohort.getOrganisationId());
                        return Optional.of("This trainer is already booked "
                                + (ours ? "on " + other.getTitle() : "elsewhere") + " on " + otherDay.getDate()
                                + ", which overlaps day " + day.getDayNumber() + " of this cohort.");
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Records that someone completed a course here (Core or Train-the-Trainer), if they have an
     * account with that email: the platform's own record, beside those entered with evidence.
     */
    @Transactional
    public void completedHere(String email, String courseId, String certificateCode) {
        Qualification kind = switch (courseId) {
            case "core" -> Qualification.CORE;
            case "train-the-trainer" -> Qualification.TRAIN_THE_TRAINER;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        identity.accountWithEmail(email).ifPresent(account -> {
            if (TrainerQualification.count("accountId = ?1 and kind = ?2", account.value(), kind) == 0) {
                TrainerQualification.completedHere(
                                account.value(), kind, "Certificate " + certificateCode, clock.instant())
                        .persist();
            }
        });
    }

    /** A member's qualifications; nobody outside the organisation's members is found. */
    public List<TrainerQualification> memberQualifications(OrganisationId organisation, AccountId member) {
        boolean here = identity.organisationsOf(member).contains(organisation.value());
        if (!here) {
            throw ProblemException.notFound("member");
        }
        return qualifications(member);
    }

    public List<TrainerQualification> qualifications(AccountId trainer) {
        return TrainerQualification.list("accountId = ?1 order by recordedAt", trainer.value());
    }

    /** An organisation admin records a trainer's qualification, with its evidence. */
    @Transactional
    public TrainerQualification recordQualification(
            OrganisationId organisation, AccountId trainer, Qualification kind, String evidence, AccountId by) {
        boolean member = identity.organisationsOf(trainer).contains(organisation.value());
        if (!member) {
            throw ProblemException.notFound("member");
        }
        if (TrainerQualification.count("accountId = ?1 and kind = ?2", trainer.value(), kind) > 0) {
            throw ProblemException.conflict("That qualification is already recorded.");
        }
        TrainerQualification q = TrainerQualification.entered(
                trainer.value(), kind, evidence, organisation.value(), by.value(), clock.instant());
        q.persist();
        audit.record(
                organisation.value(),
                "qualification.recorded",
                kind.name().toLowerCase(java.util.Locale.ROOT),
                evidence);
        return q;
    }

    @Transactional
    public Cohort openRegistration(OrganisationId organisation, CohortId cohortId) {
        Cohort cohort = cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        cohort.openRegistration();
        return cohort;
    }

    /**
     * A cohort, locked for the rest of the transaction: whatever hands out its seats holds this
     * lock, so two registrations for the last seat are decided one after the other, on any node.
     */
    public Optional<Cohort> lock(CohortId id) {
        return Optional.ofNullable(
                Cohort.<Cohort>findById(id.value(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE));
    }

    /** A cohort by id alone, for public pages (registration, verification); callers check its status. */
    public Optional<Cohort> published(CohortId id) {
        return Cohort.<Cohort>findByIdOptional(id.value()).filter(c -> c.getStatus() != CohortStatus.DRAFT);
    }

    /** The curriculum a cohort runs, exactly as it was when the cohort was planned. */
    public Optional<ResolvedCourse> curriculum(OrganisationId organisation, CohortId cohortId) {
        return cohort(organisation, cohortId)
                .filter(c -> c.getCurriculumSource() != null)
                .flatMap(c -> versions.pinned(c.getCurriculumSource(), c.getCurriculumVersion()));
    }

    /** One training day of a cohort, as other features need it: when it runs and who trains. */
    public record DaySlot(
            UUID organisationId,
            UUID cohortId,
            String cohortTitle,
            int dayNumber,
            java.time.Instant startsAt,
            java.time.Instant endsAt,
            java.util.Set<UUID> trainerIds,
            boolean draft) {}

    public Optional<DaySlot> day(OrganisationId organisation, CohortId cohortId, int dayNumber) {
        return cohort(organisation, cohortId)
                .flatMap(cohort -> cohort.getDays().stream()
                        .filter(d -> d.getDayNumber() == dayNumber)
                        .findFirst()
                        .map(d -> {
                            ZoneId zone = ZoneId.of(cohort.getTimeZone());
                            return new DaySlot(
                                    cohort.getOrganisationId(),
                                    cohort.getId(),
                                    cohort.getTitle(),
                                    dayNumber,
                                    d.start(zone).toInstant(),
                                    java.time.ZonedDateTime.of(d.getDate(), d.getEndsAt(), zone)
                                            .toInstant(),
                                    cohort.getTrainers().stream()
                                            .map(CohortTrainer::getAccountId)
                                            .collect(java.util.stream.Collectors.toUnmodifiableSet()),
                                    cohort.getStatus() == CohortStatus.DRAFT);
                        }));
    }

    /** Display names of every trainer booked on these cohorts, for showing them. */
    public Map<UUID, String> trainerNames(Collection<Cohort> cohorts) {
        Map<UUID, String> names = new HashMap<>();
        cohorts.stream()
                .flatMap(c -> c.getTrainers().stream())
                .map(CohortTrainer::getAccountId)
                .distinct()
                .forEach(id -> identity.displayName(new AccountId(id)).ifPresent(name -> names.put(id, name)));
        return names;
    }
}
