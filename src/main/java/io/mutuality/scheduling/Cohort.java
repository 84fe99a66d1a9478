package io.mutuality.scheduling;

import io.mutuality.common.ProblemException;
import io.mutuality.curriculum.Course;
import io.mutuality.identity.AccountId;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One run of a course for a group of participants: its days, delivery, capacity, registration
 * window and trainers. The aggregate keeps its own rules; nothing outside changes its days or
 * trainers directly.
 */
@Entity
@Table(name = "cohort")
public class Cohort extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "organisation_id", nullable = false)
    private UUID organisationId;

    @Column(name = "course_id", nullable = false, length = 64)
    private String courseId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false)
    private int capacity;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    private CohortStatus status;

    @Embedded
    private Venue venue;

    @Column(name = "online_link", length = 500)
    private String onlineLink;

    @Column(name = "registration_opens")
    private LocalDate registrationOpens;

    @Column(name = "registration_closes")
    private LocalDate registrationCloses;

    @OneToMany(mappedBy = "cohort", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("dayNumber")
    private List<TrainingDay> days = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "cohort_trainer", joinColumns = @JoinColumn(name = "cohort_id"))
    private List<CohortTrainer> trainers = new ArrayList<>();

    @Embedded
    private SupportContact supportContact;

    @Embedded
    private FollowUp followUp;

    @ElementCollection
    @CollectionTable(name = "cohort_agreement", joinColumns = @JoinColumn(name = "cohort_id"))
    @OrderColumn(name = "position")
    @Column(name = "statement", nullable = false, length = 200)
    private List<String> workingAgreements = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "curriculum_source", length = 64)
    private String curriculumSource;

    @Column(name = "curriculum_version", length = 32)
    private String curriculumVersion;

    @Version
    private long version;

    protected Cohort() {}

    /**
     * Plans a cohort of {@code course} for an organisation, checking the plan against the
     * scheduling rules. Every broken rule is reported at once, each against its field.
     */
    static Cohort plan(OrganisationId organisation, Course course, CohortPlan plan, Clock clock) {
        RuleCheck rules = new RuleCheck();
        ZoneId zone = null;
        try {
            zone = ZoneId.of(plan.timeZone());
        } catch (DateTimeException | NullPointerException e) {
            rules.require(false, "timeZone", "'" + plan.timeZone() + "' is not a time zone such as Europe/Dublin.");
        }
        List<CohortPlan.Day> days = plan.days();
        rules.require(
                days.size() == course.lengthDays(),
                "days",
                course.title() + " runs over " + course.lengthDays() + " days, so it needs " + course.lengthDays()
                        + " training days, not " + days.size() + ".");
        for (int i = 0; i < days.size(); i++) {
            CohortPlan.Day day = days.get(i);
            rules.require(
                    day.endsAt().isAfter(day.startsAt()),
                    "days[" + i + "].endsAt",
                    "A training day must end after it starts.");
            rules.require(
                    i == 0 || day.date().isAfter(days.get(i - 1).date()),
                    "days[" + i + "].date",
                    "Each training day must come after the one before it.");
        }
        boolean hasVenue = plan.venueName() != null && !plan.venueName().isBlank();
        boolean isOnline = plan.onlineLink() != null && !plan.onlineLink().isBlank();
        rules.require(hasVenue || isOnline, "venue", "Give a venue, an online meeting link, or both.");
        if (plan.registrationOpens() != null && plan.registrationCloses() != null) {
            rules.require(
                    !plan.registrationCloses().isBefore(plan.registrationOpens()),
                    "registrationCloses",
                    "Registration cannot close before it opens.");
        }
        if (plan.registrationCloses() != null && !days.isEmpty()) {
            rules.require(
                    plan.registrationCloses().isBefore(days.get(0).date()),
                    "registrationCloses",
                    "Registration must close before the first training day.");
        }
        rules.orThrow();

        Cohort cohort = new Cohort();
        cohort.id = UUID.randomUUID();
        cohort.organisationId = organisation.value();
        cohort.courseId = course.id();
        cohort.title = io.mutuality.common.Text.name("title", plan.title());
        cohort.timeZone = zone.getId();
        cohort.capacity = plan.capacity();
        cohort.status = CohortStatus.DRAFT;
        cohort.venue = hasVenue ? new Venue(plan.venueName().strip(), blankToNull(plan.venueAddress())) : null;
        cohort.onlineLink = isOnline ? plan.onlineLink().strip() : null;
        cohort.registrationOpens = plan.registrationOpens();
        cohort.registrationCloses = plan.registrationCloses();
        for (int i = 0; i < days.size(); i++) {
            CohortPlan.Day day = days.get(i);
            cohort.days.add(new TrainingDay(cohort, i + 1, day.date(), day.startsAt(), day.endsAt()));
        }
        cohort.createdAt = clock.instant();
        return cohort;
    }

    /** Pins the curriculum the cohort runs: a course version, or a variant revision. Set once. */
    void pinCurriculum(String source, String version) {
        if (curriculumSource != null) {
            throw ProblemException.conflict(
                    "This cohort already runs " + curriculumSource + " " + curriculumVersion + ".");
        }
        curriculumSource = source;
        curriculumVersion = version;
    }

    public String getCurriculumSource() {
        return curriculumSource;
    }

    public String getCurriculumVersion() {
        return curriculumVersion;
    }

    /** Books a trainer; booking a lead makes any earlier lead a co-trainer. */
    void book(AccountId trainer, boolean lead) {
        if (status == CohortStatus.CANCELLED || status == CohortStatus.COMPLETED) {
            throw ProblemException.conflict("Trainers cannot be booked on a cohort that is "
                    + status.name().toLowerCase() + ".");
        }
        List<CohortTrainer> updated = new ArrayList<>();
        for (CohortTrainer booked : trainers) {
            if (!booked.getAccountId().equals(trainer.value())) {
                updated.add(lead && booked.isLead() ? new CohortTrainer(booked.getAccountId(), false) : booked);
            }
        }
        updated.add(new CohortTrainer(trainer.value(), lead));
        trainers.clear();
        trainers.addAll(updated);
    }

    /** Most working agreements a group keeps, and the longest one. */
    static final int MOST_AGREEMENTS = 20;

    static final int LONGEST_AGREEMENT = 200;

    /**
     * Names who participants can reach during and between the days. A contact needs a way to
     * reach them: a phone number, an email, or both.
     */
    void nameSupport(String name, String phone, String email, String note) {
        String phoneGiven = blankToNull(phone);
        String emailGiven = blankToNull(email);
        new RuleCheck()
                .require(
                        phoneGiven != null || emailGiven != null,
                        "phone",
                        "Give a phone number, an email, or both, so participants can reach this person.")
                .orThrow();
        supportContact = new SupportContact(
                io.mutuality.common.Text.name("name", name), phoneGiven, emailGiven, blankToNull(note));
    }

    /** The cohort no longer names a support contact; refused as not found when it named none. */
    void clearSupport() {
        if (supportContact == null) {
            throw ProblemException.notFound("support contact");
        }
        supportContact = null;
    }

    /**
     * Keeps the working agreements the group made, in the order they were written down; the new
     * list replaces the old one (an empty list clears them).
     */
    void agree(List<String> statements) {
        RuleCheck rules = new RuleCheck();
        rules.require(
                statements.size() <= MOST_AGREEMENTS,
                "statements",
                "A group keeps at most " + MOST_AGREEMENTS + " working agreements.");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            String statement =
                    statements.get(i) == null ? "" : statements.get(i).strip();
            rules.require(!statement.isEmpty(), "statements[" + i + "]", "A working agreement cannot be empty.");
            rules.require(
                    statement.length() <= LONGEST_AGREEMENT,
                    "statements[" + i + "]",
                    "Keep each working agreement to " + LONGEST_AGREEMENT + " characters.");
            kept.add(statement);
        }
        rules.orThrow();
        workingAgreements.clear();
        workingAgreements.addAll(kept);
    }

    public Optional<SupportContact> supportContact() {
        return Optional.ofNullable(supportContact);
    }

    public List<String> getWorkingAgreements() {
        return Collections.unmodifiableList(workingAgreements);
    }

    /**
     * Whether its participants can answer the end-of-course evaluation: once the cohort has
     * completed, or its last day has started; never for a draft or a cancelled cohort.
     */
    public boolean invitesEvaluation(Instant now) {
        if (status == CohortStatus.COMPLETED) {
            return true;
        }
        if (status == CohortStatus.DRAFT || status == CohortStatus.CANCELLED || days.isEmpty()) {
            return false;
        }
        return !now.isBefore(days.get(days.size() - 1).startsAt(zone()));
    }

    /**
     * Plans (or moves) the co-reflection session after the course: on a day after the last
     * training day, ending after it starts. A cancelled cohort has none.
     */
    void planFollowUp(
            LocalDate date, java.time.LocalTime startsAt, java.time.LocalTime endsAt, String place, String note) {
        if (status == CohortStatus.CANCELLED) {
            throw ProblemException.conflict("A cancelled cohort has no follow-up session.");
        }
        RuleCheck rules = new RuleCheck();
        rules.require(
                days.isEmpty() || date.isAfter(days.get(days.size() - 1).getDate()),
                "date",
                "The follow-up session comes after the last training day.");
        rules.require(endsAt.isAfter(startsAt), "endsAt", "The follow-up session must end after it starts.");
        rules.orThrow();
        followUp = new FollowUp(date, startsAt, endsAt, place.strip(), blankToNull(note));
    }

    /** The follow-up session is no longer planned. */
    void dropFollowUp() {
        if (followUp == null) {
            throw ProblemException.notFound("follow-up session");
        }
        followUp = null;
    }

    public Optional<FollowUp> followUp() {
        return Optional.ofNullable(followUp);
    }

    /** Whether the cohort is still to run or under way: not cancelled, not completed, and its last day not past. */
    public boolean unfinished(LocalDate today) {
        return status != CohortStatus.CANCELLED
                && status != CohortStatus.COMPLETED
                && (days.isEmpty() || !days.get(days.size() - 1).getDate().isBefore(today));
    }

    /** Whether this account is booked on the cohort. */
    public boolean books(AccountId trainer) {
        return trainers.stream().anyMatch(t -> t.getAccountId().equals(trainer.value()));
    }

    /** Takes a trainer off the cohort. */
    void unbook(AccountId trainer) {
        if (!trainers.removeIf(t -> t.getAccountId().equals(trainer.value()))) {
            throw ProblemException.notFound("booking of that trainer");
        }
    }

    /** Opens registration. Only a draft with a lead trainer can open. */
    void openRegistration() {
        if (status != CohortStatus.DRAFT) {
            throw ProblemException.conflict("Only a draft cohort can open for registration; this one is "
                    + status.name().toLowerCase() + ".");
        }
        if (lead().isEmpty()) {
            throw ProblemException.rule("trainers", "Book a lead trainer before opening registration.");
        }
        status = CohortStatus.OPEN;
    }

    /** Closes registration before the cut-off (people already registered keep their places). */
    void closeRegistration() {
        if (status != CohortStatus.OPEN && status != CohortStatus.FULL) {
            throw ProblemException.conflict("Only an open or full cohort can close registration; this one is "
                    + status.name().toLowerCase() + ".");
        }
        status = CohortStatus.CLOSED;
    }

    /** Cancels the cohort; it stays on record with its days, and nothing more can be booked on it. */
    void cancel() {
        if (status == CohortStatus.CANCELLED || status == CohortStatus.COMPLETED) {
            throw ProblemException.conflict(
                    "This cohort is already " + status.name().toLowerCase() + ".");
        }
        status = CohortStatus.CANCELLED;
    }

    /**
     * Time moves a cohort on: from its first day's start it is running, and after its last day's
     * end it is completed. Returns whether the status changed.
     */
    boolean advance(Instant now) {
        if (days.isEmpty()
                || status == CohortStatus.DRAFT
                || status == CohortStatus.CANCELLED
                || status == CohortStatus.COMPLETED) {
            return false;
        }
        ZoneId zone = zone();
        TrainingDay last = days.get(days.size() - 1);
        if (!now.isBefore(last.endsAt(zone))) {
            status = CohortStatus.COMPLETED;
            return true;
        }
        if (status != CohortStatus.RUNNING && !now.isBefore(days.get(0).startsAt(zone))) {
            status = CohortStatus.RUNNING;
            return true;
        }
        return false;
    }

    /**
     * Registration fills or frees the last seat: an open cohort becomes full, a full one open again.
     * Other features reach it through {@link CohortSeats}.
     */
    void seatsFilled(boolean full) {
        if (full && status == CohortStatus.OPEN) {
            status = CohortStatus.FULL;
        } else if (!full && status == CohortStatus.FULL) {
            status = CohortStatus.OPEN;
        }
    }

    /** Whether people can register (or join a waitlist) now. */
    public boolean takesRegistrations() {
        return status == CohortStatus.OPEN || status == CohortStatus.FULL;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<AccountId> lead() {
        return trainers.stream().filter(CohortTrainer::isLead).findFirst().map(t -> new AccountId(t.getAccountId()));
    }

    public CohortId cohortId() {
        return new CohortId(id);
    }

    public boolean belongsTo(OrganisationId organisation) {
        return organisationId.equals(organisation.value());
    }

    public LocalDate firstDay() {
        return days.isEmpty() ? LocalDate.MAX : days.get(0).getDate();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public UUID getId() {
        return id;
    }

    public UUID getOrganisationId() {
        return organisationId;
    }

    public String getCourseId() {
        return courseId;
    }

    public String getTitle() {
        return title;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public int getCapacity() {
        return capacity;
    }

    public CohortStatus getStatus() {
        return status;
    }

    public Venue getVenue() {
        return venue;
    }

    public String getOnlineLink() {
        return onlineLink;
    }

    public LocalDate getRegistrationOpens() {
        return registrationOpens;
    }

    public LocalDate getRegistrationCloses() {
        return registrationCloses;
    }

    public List<TrainingDay> getDays() {
        return Collections.unmodifiableList(days);
    }

    public List<CohortTrainer> getTrainers() {
        return Collections.unmodifiableList(trainers);
    }
}
