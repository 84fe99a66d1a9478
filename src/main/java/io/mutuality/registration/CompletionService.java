package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.mutuality.common.Secrets;
import io.mutuality.curriculum.CourseCatalogue;
import io.mutuality.identity.AccountId;
import io.mutuality.identity.IdentityConfig;
import io.mutuality.live.RoomReports;
import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.CohortStatus;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.mutuality.scheduling.TrainingDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Attendance and completion for a cohort's registered people, and their certificates.
 * Attendance comes from the live room (matched by the email a participant gave when joining)
 * unless a trainer marked the day; completion follows the organisation's rule for the course.
 */
@ApplicationScoped
public class CompletionService {

    public record RuleView(
            String courseId,
            List<Integer> mustAttendDays,
            int maxMinutesMissed,
            Completion.Otherwise otherwise,
            boolean standard) {}

    public record RuleRequest(
            @NotNull @Size(max = 8) List<@NotNull @Min(1) @Max(10) Integer> mustAttendDays,
            @NotNull @Min(0) @Max(3000) Integer maxMinutesMissed,
            @NotNull Completion.Otherwise otherwise) {}

    public record MarkRequest(
            @NotNull @Min(0) @Max(1440) Integer minutesMissed,
            @Size(max = 200) String note) {}

    public record DayCell(int dayNumber, Integer minutesMissed, String source, String note) {}

    public record MakeUp(UUID cohortId, String title, Map<Integer, LocalDate> days) {}

    public record PersonRow(
            UUID registrationId,
            String name,
            String email,
            List<DayCell> days,
            Completion.State state,
            int minutesMissed,
            String reason,
            List<Integer> daysToMakeUp,
            List<MakeUp> makeUpIn,
            String certificate,
            boolean certificateRevoked) {}

    public record Grid(RuleView rule, List<Integer> dayNumbers, List<PersonRow> people) {}

    public record Verification(
            String code,
            boolean genuine,
            boolean revoked,
            String revokedReason,
            String holderName,
            String courseTitle,
            String organisationName,
            LocalDate firstDay,
            LocalDate lastDay,
            String trainers) {}

    @Inject
    SchedulingService scheduling;

    @Inject
    CourseCatalogue catalogue;

    @Inject
    RoomReports rooms;

    @Inject
    IdentityConfig identity;

    @Inject
    io.mutuality.identity.AuditLog audit;

    @Inject
    Clock clock;

    // ------------------------------------------------------------------ rules

    Completion.Rule rule(UUID organisationId, String courseId) {
        CompletionRuleEntity stored =
                CompletionRuleEntity.findById(new CompletionRuleEntity.Key(organisationId, courseId));
        return stored == null ? Completion.Rule.STANDARD : stored.rule();
    }

    @Transactional
    public RuleView ruleView(OrganisationId organisation, String courseId) {
        requireCourse(courseId);
        CompletionRuleEntity stored =
                CompletionRuleEntity.findById(new CompletionRuleEntity.Key(organisation.value(), courseId));
        Completion.Rule rule = stored == null ? Completion.Rule.STANDARD : stored.rule();
        return new RuleView(courseId, rule.mustAttendDays(), rule.maxMinutesMissed(), rule.otherwise(), stored == null);
    }

    @Transactional
    public RuleView setRule(OrganisationId organisation, String courseId, RuleRequest request) {
        int length = requireCourse(courseId);
        for (Integer day : request.mustAttendDays()) {
            if (day > length) {
                throw ProblemException.rule(
                        "mustAttendDays", "This course has " + length + " days; there is no day " + day + ".");
            }
        }
        CompletionRuleEntity stored =
                CompletionRuleEntity.findById(new CompletionRuleEntity.Key(organisation.value(), courseId));
        if (stored == null) {
            stored = CompletionRuleEntity.of(organisation.value(), courseId);
            stored.set(new Completion.Rule(
                    request.mustAttendDays().stream().distinct().sorted().toList(),
                    request.maxMinutesMissed(),
                    request.otherwise()));
            stored.persist();
        } else {
            stored.set(new Completion.Rule(
                    request.mustAttendDays().stream().distinct().sorted().toList(),
                    request.maxMinutesMissed(),
                    request.otherwise()));
        }
        audit.record(
                organisation.value(),
                "completion-rule.set",
                courseId,
                request.mustAttendDays() + ", " + request.maxMinutesMissed() + " minutes, " + request.otherwise());
        return ruleView(organisation, courseId);
    }

    private int requireCourse(String courseId) {
        return catalogue
                .course(courseId)
                .map(c -> c.lengthDays())
                .orElseThrow(() -> ProblemException.notFound("course '" + courseId + "'"));
    }

    // ------------------------------------------------------------------ attendance and completion

    @Transactional
    public Grid grid(OrganisationId organisation, CohortId cohortId) {
        Cohort cohort =
                scheduling.cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        Completion.Rule rule = rule(organisation.value(), cohort.getCourseId());
        Instant now = clock.instant();
        Map<Integer, Optional<Map<String, Long>>> live = new java.util.HashMap<>();
        for (TrainingDay day : cohort.getDays()) {
            live.put(
                    day.getDayNumber(),
                    day.endsAt(cohort.zone()).isBefore(now)
                                    || !day.startsAt(cohort.zone()).isAfter(now)
                            ? rooms.minutesByEmail(cohortId, day.getDayNumber())
                            : Optional.empty());
        }
        List<Registration> seated = Registration.list(
                "cohortId = ?1 and status = ?2 order by name", cohort.getId(), RegistrationStatus.CONFIRMED);
        List<UUID> ids = seated.stream().map(r -> r.id).toList();
        // the whole cohort's marks and certificates in two queries, not two per person and day
        Map<String, AttendanceMark> marks = new java.util.HashMap<>();
        Map<UUID, Certificate> certificates = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            AttendanceMark.<AttendanceMark>list("key.registrationId in ?1", ids)
                    .forEach(m -> marks.put(m.key.registrationId + "/" + m.key.dayNumber, m));
            Certificate.<Certificate>list("registrationId in ?1", ids)
                    .forEach(c -> certificates.put(c.registrationId, c));
        }
        List<PersonRow> people = new ArrayList<>();
        for (Registration registration : seated) {
            people.add(row(cohort, rule, registration, live, marks, certificates.get(registration.id), now));
        }
        RuleView view = new RuleView(
                cohort.getCourseId(),
                rule.mustAttendDays(),
                rule.maxMinutesMissed(),
                rule.otherwise(),
                CompletionRuleEntity.findById(new CompletionRuleEntity.Key(organisation.value(), cohort.getCourseId()))
                        == null);
        return new Grid(
                view, cohort.getDays().stream().map(TrainingDay::getDayNumber).toList(), people);
    }

    private PersonRow row(
            Cohort cohort,
            Completion.Rule rule,
            Registration registration,
            Map<Integer, Optional<Map<String, Long>>> live,
            Map<String, AttendanceMark> marks,
            Certificate certificate,
            Instant now) {
        List<DayCell> cells = new ArrayList<>();
        List<Completion.Day> days = new ArrayList<>();
        for (TrainingDay day : cohort.getDays()) {
            int length = (int) Duration.between(day.startsAt(cohort.zone()), day.endsAt(cohort.zone()))
                    .toMinutes();
            AttendanceMark mark = marks.get(registration.id + "/" + day.getDayNumber());
            Integer missed = null;
            String source = "not-held";
            String note = null;
            if (mark != null) {
                missed = mark.minutesMissed;
                source = "trainer";
                note = mark.note;
            } else if (day.endsAt(cohort.zone()).isBefore(now)) {
                Optional<Map<String, Long>> room = live.get(day.getDayNumber());
                if (room.isPresent()) {
                    long present = room.get().getOrDefault(registration.emailKey, 0L);
                    missed = (int) Math.max(0, length - present);
                    source = "room";
                } else {
                    source = "not-recorded";
                }
            }
            cells.add(new DayCell(day.getDayNumber(), missed, source, note));
            days.add(new Completion.Day(day.getDayNumber(), length, missed));
        }
        Completion.Outcome outcome = Completion.evaluate(rule, days);
        List<MakeUp> makeUpIn =
                outcome.state() == Completion.State.MAKE_UP ? makeUp(cohort, outcome.daysToMakeUp()) : List.of();
        return new PersonRow(
                registration.id,
                registration.name,
                registration.email,
                cells,
                outcome.state(),
                outcome.minutesMissed(),
                outcome.reason(),
                outcome.daysToMakeUp(),
                makeUpIn,
                certificate == null ? null : certificate.code,
                certificate != null && certificate.revoked());
    }

    /** Later cohorts of the same course, by the same organisation, where the missed days can be made up. */
    private List<MakeUp> makeUp(Cohort cohort, List<Integer> dayNumbers) {
        LocalDate after = cohort.getDays().get(cohort.getDays().size() - 1).getDate();
        List<MakeUp> options = new ArrayList<>();
        for (Cohort later : Cohort.<Cohort>list(
                "organisationId = ?1 and courseId = ?2 and status in ?3",
                cohort.getOrganisationId(),
                cohort.getCourseId(),
                List.of(CohortStatus.OPEN, CohortStatus.FULL, CohortStatus.CLOSED, CohortStatus.RUNNING))) {
            if (later.getId().equals(cohort.getId()) || !later.firstDay().isAfter(after)) {
                continue;
            }
            Map<Integer, LocalDate> days = new java.util.TreeMap<>();
            later.getDays().stream()
                    .filter(d -> dayNumbers.contains(d.getDayNumber()))
                    .forEach(d -> days.put(d.getDayNumber(), d.getDate()));
            options.add(new MakeUp(later.getId(), later.getTitle(), days));
        }
        options.sort(java.util.Comparator.comparing(
                m -> m.days().values().stream().findFirst().orElse(LocalDate.MAX)));
        return options;
    }

    /** A trainer records how much of a day someone missed (0 for all of it attended). */
    @Transactional
    public Grid mark(
            OrganisationId organisation,
            CohortId cohortId,
            UUID registrationId,
            int dayNumber,
            MarkRequest request,
            AccountId by) {
        Cohort cohort =
                scheduling.cohort(organisation, cohortId).orElseThrow(() -> ProblemException.notFound("cohort"));
        Registration registration = Registration.<Registration>findByIdOptional(registrationId)
                .filter(r -> r.cohortId.equals(cohort.getId()) && r.status == RegistrationStatus.CONFIRMED)
                .orElseThrow(() -> ProblemException.notFound("registered participant"));
        if (cohort.getDays().stream().noneMatch(d -> d.getDayNumber() == dayNumber)) {
            throw ProblemException.notFound("day " + dayNumber);
        }
        AttendanceMark mark = AttendanceMark.findById(new AttendanceMark.Key(registrationId, dayNumber));
        boolean first = mark == null;
        if (first) {
            mark = AttendanceMark.of(registrationId, dayNumber);
        }
        mark.minutesMissed = request.minutesMissed();
        mark.note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        mark.markedBy = by.value();
        mark.markedAt = clock.instant();
        if (first) {
            mark.persist();
        }
        audit.record(
                organisation.value(),
                "attendance.marked",
                registration.name + ", day " + dayNumber,
                request.minutesMissed() + " minutes missed");
        return grid(organisation, cohortId);
    }

    // ------------------------------------------------------------------ certificates

    /** Issues a certificate to everyone who completed and has none yet; returns the grid. */
    @Transactional
    public Grid issue(OrganisationId organisation, CohortId cohortId) {
        Grid grid = grid(organisation, cohortId);
        Cohort cohort = scheduling.cohort(organisation, cohortId).orElseThrow();
        String courseTitle =
                catalogue.course(cohort.getCourseId()).map(c -> c.title()).orElse(cohort.getCourseId());
        String organisationName = scheduling.organisationName(organisation).orElse("");
        Map<UUID, String> names = scheduling.trainerNames(List.of(cohort));
        String trainers = String.join(
                ", ",
                cohort.getTrainers().stream()
                        .map(t -> names.getOrDefault(t.getAccountId(), ""))
                        .toList());
        if (trainers.isBlank()) {
            throw ProblemException.conflict("Book the cohort's trainers first; their names go on the certificates.");
        }
        int issued = 0;
        for (PersonRow person : grid.people()) {
            if (person.state() == Completion.State.COMPLETED && person.certificate() == null) {
                Registration registration = Registration.findById(person.registrationId());
                Certificate certificate = Certificate.issue(
                        registration,
                        cohort.getCourseId(),
                        courseTitle,
                        organisationName,
                        cohort.firstDay(),
                        cohort.getDays().get(cohort.getDays().size() - 1).getDate(),
                        trainers,
                        clock.instant(),
                        Secrets.random());
                certificate.persist();
                scheduling.completedHere(registration.email, cohort.getCourseId(), certificate.code);
                issued++;
            }
        }
        if (issued == 0 && grid.people().stream().noneMatch(p -> p.state() == Completion.State.COMPLETED)) {
            throw ProblemException.conflict("Nobody has completed this cohort yet, by the organisation's rule.");
        }
        audit.record(organisation.value(), "certificates.issued", cohort.getTitle(), issued + " issued");
        return grid(organisation, cohortId);
    }

    @Transactional
    public Verification revoke(OrganisationId organisation, String code, String reason) {
        Certificate certificate = find(code)
                .filter(c -> c.organisationId.equals(organisation.value()))
                .orElseThrow(() -> ProblemException.notFound("certificate"));
        certificate.revoke(reason, clock.instant());
        audit.record(organisation.value(), "certificate.revoked", certificate.code, reason);
        return verification(certificate);
    }

    /** Whether a code belongs to a genuine certificate; anyone may ask. */
    @Transactional
    public Verification verify(String code) {
        return verification(find(code).orElseThrow(() -> ProblemException.notFound("certificate with that code")));
    }

    private static Verification verification(Certificate c) {
        return new Verification(
                c.code,
                !c.revoked(),
                c.revoked(),
                c.revokedReason,
                c.holderName,
                c.courseTitle,
                c.organisationName,
                c.firstDay,
                c.lastDay,
                c.trainers);
    }

    private static Optional<Certificate> find(String code) {
        String normalised = Certificate.normalise(code);
        return normalised == null
                ? Optional.empty()
                : Certificate.<Certificate>find("code", normalised).firstResultOptional();
    }

    @Transactional
    public byte[] pdf(OrganisationId organisation, String code) {
        Certificate certificate = find(code)
                .filter(c -> c.organisationId.equals(organisation.value()))
                .orElseThrow(() -> ProblemException.notFound("certificate"));
        return render(certificate);
    }

    /** The certificate of the registration behind a person's own link, if they have one that stands. */
    @Transactional
    public byte[] pdfFor(Registration registration) {
        Certificate certificate = Certificate.<Certificate>find("registrationId", registration.id)
                .firstResultOptional()
                .filter(c -> !c.revoked())
                .orElseThrow(() -> ProblemException.notFound("certificate"));
        return render(certificate);
    }

    private byte[] render(Certificate certificate) {
        return CertificatePdf.render(
                certificate, identity.publicUrl().replaceAll("/+$", "") + "/verify/" + certificate.code);
    }

    /** Whether this person has completed {@code courseId}: a standing certificate with their code, or one for their email. */
    boolean completed(String courseId, String emailKey, String code) {
        String normalised = code == null ? null : Certificate.normalise(code);
        return Certificate.count(
                        "courseId = ?1 and revokedAt is null and (holderEmailKey = ?2 or code = ?3)",
                        courseId,
                        emailKey,
                        normalised == null ? "-" : normalised)
                > 0;
    }
}
