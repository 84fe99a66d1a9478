package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may register for a cohort, and where they land: the registration window, prerequisites, an
 * email that is already registered, the pool, and a seat or the waitlist. Pure: facts in, a
 * decision (or a refusal as a {@link ProblemException}) out; the service loads the facts and
 * stores what is decided.
 */
public final class Admission {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Admission() {}

    /** What decides whether a cohort takes registrations on a given day. */
    public record Window(boolean takesRegistrations, LocalDate opens, LocalDate closes, LocalDate firstDay) {}

    /** Why registration is closed on {@code today}, or empty while it is open. */
    public static Optional<String> closedBecause(Window window, LocalDate today) {
        if (!window.takesRegistrations()) {
            return Optional.of("Registration for this cohort is closed.");
        }
        if (window.opens() != null && today.isBefore(window.opens())) {
            return Optional.of("Registration opens on " + DAY.format(window.opens()) + ".");
        }
        if (window.closes() != null && today.isAfter(window.closes())) {
            return Optional.of("Registration closed on " + DAY.format(window.closes()) + ".");
        }
        if (!today.isBefore(window.firstDay())) {
            return Optional.of("Registration closed when the training began.");
        }
        return Optional.empty();
    }

    /** Refuses registering on {@code today} when the window is closed. */
    public static void requireOpen(Window window, LocalDate today) {
        closedBecause(window, today).ifPresent(reason -> {
            throw ProblemException.conflict(reason);
        });
    }

    /**
     * What the public page says: {@code open} (a seat is free with nobody waiting for it),
     * {@code waitlist}, {@code not-yet} (opens later) or {@code closed}.
     */
    public static String publicState(Window window, LocalDate today, boolean seatFreeWithNobodyWaiting) {
        if (closedBecause(window, today).isEmpty()) {
            return seatFreeWithNobodyWaiting ? "open" : "waitlist";
        }
        boolean notYet = window.takesRegistrations() && window.opens() != null && today.isBefore(window.opens());
        return notYet ? "not-yet" : "closed";
    }

    /** A course someone must have completed first: its id and its title. */
    public record Prerequisite(String courseId, String title) {}

    /**
     * Refuses someone who has not completed every course the cohort's course needs;
     * {@code completed} says whether they completed one (by certificate code or by email).
     */
    public static void requirePrerequisites(
            List<Prerequisite> needed, Predicate<String> completed, String certificateCode) {
        for (Prerequisite course : needed) {
            if (!completed.test(course.courseId())) {
                throw ProblemException.rule(
                        "certificateCode",
                        certificateCode == null || certificateCode.isBlank()
                                ? "This course is for people who have completed " + course.title()
                                        + ". Give the code on your certificate, "
                                        + "or register with the email you used then."
                                : "That code is not a standing certificate for " + course.title()
                                        + ". Check it, or ask the organisers.");
            }
        }
    }

    /**
     * The pool someone registers in: the one they asked for, or the first pool open to the public.
     * On the public page only pools open to the public can be chosen; an organisation admin may
     * place someone in any pool.
     */
    public static Seating.Pool pool(List<Seating.Pool> pools, String requested, boolean publicly) {
        String code = requested == null || requested.isBlank() ? defaultPool(pools) : requested;
        return pools.stream()
                .filter(p -> p.code().equals(code))
                .filter(p -> !publicly || p.openToPublic())
                .findFirst()
                .orElseThrow(() -> ProblemException.rule(
                        "pool",
                        publicly
                                ? "There is no pool '" + code + "' to register in."
                                : "There is no pool '" + code + "' in this cohort."));
    }

    private static String defaultPool(List<Seating.Pool> pools) {
        return pools.stream()
                .filter(Seating.Pool::openToPublic)
                .findFirst()
                .map(Seating.Pool::code)
                .orElseThrow(() -> ProblemException.conflict("This cohort has no seats open to the public."));
    }

    /** Where a registration lands. */
    public enum Placement {
        /** The email is already registered: its owner is sent their own link again, and nothing changes. */
        SEND_LINK_AGAIN,
        CONFIRMED,
        WAITLISTED
    }

    /** How a pool stands: its seats, the seats held (confirmed or offered), and whether anyone waits in it. */
    public record PoolState(int seats, long taken, boolean someoneWaiting) {}

    /**
     * Places a registration. An email already registered for the cohort (in any active status) is
     * not refused on the public page, where a refusal would tell a stranger that the address is
     * registered: its owner is sent their own link instead. An organisation admin is told. Anyone
     * else gets a seat when one is free and nobody waits before them, or the pool's waitlist.
     *
     * @param earlier the status of an earlier registration with the same email, or null
     */
    public static Placement place(RegistrationStatus earlier, boolean publicly, String email, PoolState pool) {
        if (earlier != null && earlier.active()) {
            if (publicly) {
                return Placement.SEND_LINK_AGAIN;
            }
            throw ProblemException.conflict("Someone is already registered for this cohort with " + email.strip()
                    + ". If that is you, the email we sent has your own link to check or change it.");
        }
        return seatOrWaitlist(pool);
    }

    /** A seat when one is free and nobody waits for it, else the waitlist. */
    public static Placement seatOrWaitlist(PoolState pool) {
        return !pool.someoneWaiting() && pool.taken() < pool.seats() ? Placement.CONFIRMED : Placement.WAITLISTED;
    }
}
