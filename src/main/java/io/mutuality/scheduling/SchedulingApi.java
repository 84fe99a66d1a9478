package io.mutuality.scheduling;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** What the scheduling API reads and writes, as JSON. */
public final class SchedulingApi {

    private SchedulingApi() {}

    public record OrganisationView(UUID id, String slug, String name, String timeZone) {}

    public record FoundOrganisationRequest(
            @NotBlank @Size(max = 200) @io.mutuality.common.HumanText
            String name,

            @NotBlank
            @Size(max = 80)
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "use lower-case letters, digits and single hyphens")
            String slug,

            @NotBlank @Size(max = 64) String timeZone) {}

    /** A time zone by its id, or a rule violation on {@code field}. */
    static java.time.ZoneId zone(String field, String id) {
        try {
            return java.time.ZoneId.of(id);
        } catch (java.time.DateTimeException e) {
            throw io.mutuality.common.ProblemException.rule(
                    field, "'" + id + "' is not a time zone such as Europe/Dublin.");
        }
    }

    /** A cohort; {@code leadNeeds} is what its course asks of a lead trainer (absent when any trainer may lead). */
    public record CohortView(
            UUID id,
            UUID organisationId,
            String courseId,
            String title,
            String timeZone,
            int capacity,
            CohortStatus status,
            VenueView venue,
            String onlineLink,
            LocalDate registrationOpens,
            LocalDate registrationCloses,
            List<DayView> days,
            List<TrainerView> trainers,
            String curriculumSource,
            String curriculumVersion,
            Qualification leadNeeds,
            SupportContactView supportContact,
            List<String> workingAgreements,
            FollowUpView followUp) {}

    /** The co-reflection session planned after the course; {@code place} is a place or a meeting link. */
    public record FollowUpView(LocalDate date, LocalTime startsAt, LocalTime endsAt, String place, String note) {

        public static FollowUpView of(FollowUp followUp) {
            return followUp == null
                    ? null
                    : new FollowUpView(
                            followUp.getDate(),
                            followUp.getStartsAt(),
                            followUp.getEndsAt(),
                            followUp.getPlace(),
                            followUp.getNote());
        }
    }

    /** Planning (or moving) the co-reflection session after the course. */
    public record FollowUpRequest(
            @NotNull LocalDate date,
            @NotNull LocalTime startsAt,
            @NotNull LocalTime endsAt,
            @NotBlank @Size(max = 500) String place,
            @Size(max = 500) String note) {}

    /** Who participants can reach during and between the days; a phone, an email or both. */
    public record SupportContactView(String name, String phone, String email, String note) {

        public static SupportContactView of(SupportContact contact) {
            return contact == null
                    ? null
                    : new SupportContactView(
                            contact.getName(), contact.getPhone(), contact.getEmail(), contact.getNote());
        }
    }

    /** Naming the cohort's support contact: a name, a phone number and/or an email, and a short note. */
    public record SupportContactRequest(
            @NotBlank @Size(max = 120) @io.mutuality.common.HumanText
            String name,

            @Size(max = 40)
            @Pattern(regexp = "\\s*|\\+?[0-9][0-9 ()./-]*", message = "use digits, spaces and + ( ) . / - only")
            String phone,

            @Email @Size(max = 320) String email,
            @Size(max = 300) String note) {}

    /** The cohort's working agreements, in order; the list replaces the one kept before. */
    public record WorkingAgreementsRequest(
            @NotNull @Size(max = 20) List<@NotBlank @Size(max = 200) String> statements) {}

    /** The working agreements a cohort keeps, in order. */
    public record WorkingAgreementsView(List<String> statements) {}

    public record VenueView(String name, String address) {}

    public record DayView(int dayNumber, LocalDate date, LocalTime startsAt, LocalTime endsAt) {}

    public record TrainerView(UUID accountId, String displayName, boolean lead) {}

    /** A new cohort. The time zone defaults to the organisation's. */
    public record BookTrainerRequest(@NotNull UUID accountId, Boolean lead) {}

    public record QualificationRequest(
            @NotNull Qualification kind,
            @NotBlank @Size(max = 500) String evidence) {}

    public record QualificationView(Qualification kind, String evidence, String source, java.time.Instant recordedAt) {}

    public record PlanCohortRequest(
            @NotBlank @Size(max = 64) String courseId,

            @NotBlank @Size(max = 200) @io.mutuality.common.HumanText
            String title,

            @Size(max = 64) String timeZone,
            @NotNull @Min(1) @Max(500) Integer capacity,
            @Valid VenueRequest venue,

            @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https:// link")
            String onlineLink,

            LocalDate registrationOpens,
            LocalDate registrationCloses,
            @NotEmpty @Size(max = 10) List<@NotNull @Valid DayRequest> days,
            UUID variantId) {}

    public record VenueRequest(
            @NotBlank @Size(max = 200) @io.mutuality.common.HumanText
            String name,

            @Size(max = 500) String address) {}

    public record DayRequest(
            @NotNull LocalDate date,
            @NotNull LocalTime startsAt,
            @NotNull LocalTime endsAt) {}
}
