package io.mutuality.registration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** What the registration feature reads and writes over REST. */
public final class RegistrationApi {

    private RegistrationApi() {}

    /** Registering for a cohort: a name, an email, and the answers the organisation asks for. */
    public record RegisterRequest(
            @NotBlank @Size(max = 120) @io.mutuality.common.HumanText
            String name,

            @NotBlank @Email @Size(max = 320) String email,
            @Size(max = 40) String pool,
            @Size(max = 1000) String accessNeeds,
            @Size(max = 1000) String dietaryNeeds,
            @Size(max = 40) String certificateCode) {

        public RegisterRequest(String name, String email, String pool, String accessNeeds, String dietaryNeeds) {
            this(name, email, pool, accessNeeds, dietaryNeeds, null);
        }
    }

    /** A registration as the organisation sees it on the roster. */
    public record RegistrationView(
            UUID id,
            String name,
            String email,
            String pool,
            RegistrationStatus status,
            Integer waitlistPlace,
            Instant offerExpiresAt,
            String accessNeeds,
            String dietaryNeeds,
            Instant registeredAt) {}

    /** A registration as its own person sees it (by their private link). */
    public record MyRegistration(
            String name,
            String cohortTitle,
            String poolName,
            RegistrationStatus status,
            Integer waitlistPlace,
            Instant offerExpiresAt,
            List<PublicDay> days,
            String timeZone,
            io.mutuality.scheduling.SchedulingApi.SupportContactView supportContact,
            EvaluationState evaluation,
            io.mutuality.scheduling.SchedulingApi.FollowUpView followUp) {}

    /**
     * Answering the end-of-course evaluation: four open questions, each one can be passed. The
     * answer is kept without the person who gave it.
     */
    public record EvaluationRequest(
            @Size(max = 2000) String helped,
            @Size(max = 2000) String gotInTheWay,
            @Size(max = 2000) String takeWithYou,
            @Size(max = 2000) String anythingElse) {}

    /** One anonymous answer to the evaluation, as the cohort's staff read it: the words only. */
    public record EvaluationView(String helped, String gotInTheWay, String takeWithYou, String anythingElse) {}

    /**
     * A cohort's evaluation as its staff read it: whether it is open yet, how many people were
     * asked (everyone with a seat) and how many have answered, and the answers themselves, in no
     * particular order. The answers stay back until at least {@code fewestToShow} people have
     * answered, so that one or two people's words cannot be told apart in a small group.
     */
    public record EvaluationsView(
            boolean open, int asked, int answered, int fewestToShow, List<EvaluationView> answers) {}

    /**
     * Where a person stands with the end-of-course evaluation: NOT_OPEN (not yet, or not for them:
     * only people with a seat are asked), OPEN (they can answer now, once), ANSWERED.
     */
    public enum EvaluationState {
        NOT_OPEN,
        OPEN,
        ANSWERED
    }

    /** The answer to registering: where you stand, and the private link to manage it (also emailed). */
    /** Where someone was placed, their own link's token, and whether the email telling them so was taken by the mail server. */
    public record Registered(RegistrationStatus status, Integer waitlistPlace, String manageToken, boolean emailSent) {}

    /**
     * The public answer to registering. It is the same whatever happened (a seat, the waitlist, or
     * an email that was already registered), so it never tells a stranger who is registered; the
     * email sent to the address says which, with the person's own link.
     */
    /**
     * The public answer to a registration: the same for a new registration and for an email that
     * was already registered (only the email says which), except that it says when the email could
     * not be sent, and how to have it sent again.
     */
    public record RegistrationReceived(String detail, boolean emailSent) {
        public static final RegistrationReceived CHECK_EMAIL = new RegistrationReceived(
                "Thank you. We have sent an email with your place and your own link to the address you gave.", true);
        public static final RegistrationReceived EMAIL_NOT_SENT = new RegistrationReceived(
                "Thank you. Your registration is saved, but the email with your place and your own link could not be sent "
                        + "just now. Register again later with the same email address: nothing changes, and the email is sent "
                        + "again. Or ask the organisation running the course.",
                false);
    }

    public record PoolView(String code, String name, int seats, boolean openToPublic, int taken, int waiting) {}

    /** A cohort's roster: its pools, who holds a seat, who has an offer, who waits, and whose registration ended. */
    public record Roster(
            int offerHours,
            List<PoolView> pools,
            List<RegistrationView> confirmed,
            List<RegistrationView> offered,
            List<RegistrationView> waitlist,
            List<RegistrationView> ended) {}

    public record PublicDay(int dayNumber, LocalDate date, LocalTime startsAt, LocalTime endsAt) {}

    public record PublicPool(String code, String name, int seatsLeft, int waiting) {}

    /** An open cohort's public page: no sign-in needed, nothing private on it. */
    public record PublicCohort(
            UUID id,
            String organisationName,
            String courseTitle,
            String title,
            String timeZone,
            List<PublicDay> days,
            String venueName,
            String venueAddress,
            boolean online,
            LocalDate registrationOpens,
            LocalDate registrationCloses,
            String registration,
            List<PublicPool> pools,
            List<String> prerequisites) {}

    public record PoolRequest(
            @NotBlank
            @Size(max = 40)
            @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case words and hyphens")
            String code,

            @NotBlank @Size(max = 120) @io.mutuality.common.HumanText
            String name,

            @NotNull @Min(0) @Max(500) Integer seats,
            Boolean openToPublic) {}

    public record SeatingRequest(
            @NotNull @Min(1) @Max(336) Integer offerHours,
            @NotEmpty @Size(max = 6) List<@NotNull @Valid PoolRequest> pools) {}

    /** A CSV file of people to register (columns name,email,pool,accessNeeds,dietaryNeeds), and whether only to try it. */
    public record ImportRequest(
            @NotNull @Size(max = 500_000) String csv, Boolean dryRun) {}

    /** What one line of the file comes (or would come) to: confirmed, waitlisted, already-registered or error. */
    public record ImportRow(long line, String name, String email, String pool, String outcome, List<String> problems) {}

    public record ImportReport(
            boolean dryRun, int confirmed, int waitlisted, int alreadyRegistered, int errors, List<ImportRow> rows) {}
}
