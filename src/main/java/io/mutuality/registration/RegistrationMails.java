package io.mutuality.registration;

import io.mutuality.identity.IdentityConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The emails registration sends: each follows one change of a registration, so each is sent once. */
@ApplicationScoped
class RegistrationMails {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", Locale.UK);

    @Inject
    Mailer mailer;

    @Inject
    IdentityConfig identity;

    private String link(String token) {
        return identity.publicUrl().replaceAll("/+$", "") + "/registration/" + token;
    }

    boolean confirmed(String to, String name, String cohort, String token) {
        return send(
                to,
                "You have a place: " + cohort,
                "Hello " + name + ",\n\nYou have a place on " + cohort
                        + ".\n\nTo see the details, or to cancel if your plans change (so someone waiting can have the seat), use "
                        + "your own link:\n" + link(token)
                        + "\n\nKeep this link to yourself; anyone with it can change your registration.\n");
    }

    boolean waitlisted(String to, String name, String cohort, int place, String token) {
        return send(
                to,
                "You are on the waitlist: " + cohort,
                "Hello " + name + ",\n\n" + cohort + " is full for now, so you are "
                        + "number " + place
                        + " on its waitlist. If a seat comes free, we will email you and hold it for you for a "
                        + "while; nothing else needs doing until then.\n\nYour own link, to check or to leave the waitlist:\n"
                        + link(token) + "\n");
    }

    /** Someone registered again with an email that already has a registration: its owner gets their own link again. */
    boolean alreadyRegistered(String to, String name, String cohort, String token) {
        return send(
                to,
                "You are already registered: " + cohort,
                "Hello " + name + ",\n\nSomeone, probably you, tried to register "
                        + "for " + cohort
                        + " with this email address. You are already registered, so nothing has changed.\n\n"
                        + "To see where you stand, or to cancel, use your own link:\n" + link(token) + "\n\n"
                        + "If it was not you, you can ignore this email.\n");
    }

    void offered(String to, String name, String cohort, Instant until, ZoneId zone, String token) {
        send(
                to,
                "A seat is free for you: " + cohort,
                "Hello " + name + ",\n\nA seat on " + cohort + " has come free and "
                        + "it is yours if you want it. We are holding it for you until "
                        + WHEN.format(until.atZone(zone)) + " ("
                        + zone.getId() + ").\n\nTake it, or let it go to the next person, here:\n" + link(token)
                        + "\n");
    }

    void offerLapsed(String to, String name, String cohort) {
        send(
                to,
                "The seat we held has passed on: " + cohort,
                "Hello " + name + ",\n\nThe seat we held for you on " + cohort
                        + " was not taken in time, so it has gone to the next person waiting. You are welcome to register again "
                        + "to join the waitlist.\n");
    }

    void cancelled(String to, String name, String cohort) {
        send(
                to,
                "Your registration is cancelled: " + cohort,
                "Hello " + name + ",\n\nYour registration for " + cohort
                        + " is cancelled. If that is a surprise, reply to the organisers.\n");
    }

    void cohortCancelled(String to, String name, String cohort, String reason) {
        send(
                to,
                "Cancelled: " + cohort,
                "Hello " + name + ",\n\nWe are sorry: " + cohort + " will not go ahead. " + "The organisers say: "
                        + reason + "\n\nYour registration is cancelled; there is nothing you need to do.\n");
    }

    void reminder(String to, String name, String cohort, java.time.LocalDate firstDay, ZoneId zone, String token) {
        send(
                to,
                "Soon: " + cohort,
                "Hello " + name + ",\n\n" + cohort + " begins on "
                        + java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK)
                                .format(firstDay) + " (times are in "
                        + zone.getId() + "). The days, the place and your own link are here:\n" + link(token)
                        + "\n\nIf you can no longer come, cancelling there lets someone waiting have your seat.\n");
    }

    void afterwards(String to, String name, String cohort) {
        send(
                to,
                "Thank you for " + cohort,
                "Hello " + name + ",\n\nThank you for taking part in " + cohort
                        + ". If something from these days stays with you, the people you trained with are a good place to take it.\n");
    }

    /**
     * Sends one email. A mail server that is down must never undo a registration or an offer
     * (the person's own page always shows where they stand), so a failure is logged, not thrown;
     * the answer says whether the mail server took it.
     */
    private boolean send(String to, String subject, String text) {
        try {
            mailer.send(Mail.withText(to, subject, text));
            return true;
        } catch (RuntimeException e) {
            LOG.warnf(e, "An email (%s) could not be sent; the change it reports stands", subject);
            return false;
        }
    }

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(RegistrationMails.class);
}
