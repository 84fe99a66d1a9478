package io.mutuality.identity;

import io.mutuality.common.Problem;
import io.mutuality.common.ProblemException;
import io.mutuality.common.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations by email with a one-time link, and accepting them. */
@ApplicationScoped
public class InvitationService {

    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("d MMMM yyyy").withZone(ZoneOffset.UTC);

    @Inject
    Clock clock;

    @Inject
    IdentityConfig config;

    @Inject
    InvitationMails mails;

    /**
     * An invitation just made. When the email could not be sent, {@code link} is the one-time
     * link for the admin to pass on another way; otherwise it is null (it went by email only).
     */
    public record Sent(Invitation invitation, boolean emailSent, String link) {}

    @Inject
    AuditLog audit;

    @Inject
    OrganisationDirectory organisations;

    @Inject
    SessionService sessions;

    /** Invites someone by email. An email that cannot be sent does not undo the invitation. */
    @Transactional
    public Sent invite(UUID organisationId, String email, Role role, AccountId by) {
        String normalised = Account.normaliseEmail(email);
        boolean member = Account.findByEmail(normalised)
                .map(a -> Membership.count("accountId = ?1 and organisationId = ?2", a.id, organisationId) > 0)
                .orElse(false);
        if (member) {
            throw ProblemException.conflict(normalised + " is already a member of this organisation.");
        }
        Instant now = clock.instant();
        boolean pending =
                Invitation.<Invitation>list("organisationId = ?1 and email = ?2", organisationId, normalised).stream()
                        .anyMatch(i -> i.isPending(now));
        if (pending) {
            throw ProblemException.conflict(
                    normalised + " already has an invitation waiting. Withdraw it to send a new one.");
        }
        Invitation.Issued issued =
                Invitation.issue(organisationId, normalised, role, by, now, config.invitationLifetime());
        issued.invitation().persist();
        String organisationName =
                organisations.names(List.of(organisationId)).getOrDefault(organisationId, "an organisation");
        String inviter = Account.<Account>findByIdOptional(by.value())
                .map(Account::displayName)
                .orElse("Someone");
        String link = config.publicUrl().replaceAll("/+$", "") + "/invitation/" + issued.token();
        boolean sent = mails.send(normalised, "You are invited to " + organisationName + " on Mutuality", """
                Hello,

                %s has invited you to join %s on Mutuality as %s.

                Open this link to accept (it works once, until %s):
                %s

                If you were not expecting this, you can let it pass: nothing happens unless you open it.
                """.formatted(
                        inviter,
                        organisationName,
                        role == Role.ORG_ADMIN ? "an organisation admin" : "a trainer",
                        DAY.format(issued.invitation().expiresAt),
                        link));
        audit.record(
                organisationId,
                "member.invited",
                normalised,
                "as " + role.words() + (sent ? "" : "; the email could not be sent"));
        return new Sent(issued.invitation(), sent, sent ? null : link);
    }

    public List<Invitation> pending(UUID organisationId) {
        Instant now = clock.instant();
        return Invitation.<Invitation>list("organisationId = ?1 order by createdAt", organisationId).stream()
                .filter(i -> i.isPending(now))
                .toList();
    }

    @Transactional
    public void withdraw(UUID organisationId, UUID invitationId) {
        Invitation invitation = Invitation.<Invitation>findByIdOptional(invitationId)
                .filter(i -> i.organisationId.equals(organisationId) && i.isPending(clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("invitation"));
        invitation.withdraw(clock.instant());
        audit.record(organisationId, "invitation.withdrawn", invitation.email, null);
    }

    /** The invitation behind a link, if it can still be accepted. Expired ones answer 410. */
    public Invitation open(String token) {
        Invitation invitation = Invitation.findOpen(token).orElseThrow(() -> ProblemException.notFound("invitation"));
        if (invitation.hasExpired(clock.instant())) {
            throw new ProblemException(
                    ProblemType.INVITATION_EXPIRED,
                    "This invitation has expired. Ask the organisation to send a new one.");
        }
        return invitation;
    }

    public boolean accountExists(Invitation invitation) {
        return Account.findByEmail(invitation.email).isPresent();
    }

    /**
     * Accepts an invitation. Someone with an account proves it with their password; someone
     * new chooses a name and a password. Either way the membership is granted once.
     */
    @Transactional
    public Account accept(String token, Optional<String> displayName, String password) {
        Invitation invitation = open(token);
        Optional<Account> existing = Account.findByEmail(invitation.email);
        Account account;
        if (existing.isPresent()) {
            var check = sessions.check(invitation.email, password);
            if (check instanceof SessionService.Check.Locked locked) {
                throw ProblemException.tooManyAttempts(
                        "Too many wrong passwords. Try again later.",
                        java.time.Duration.between(clock.instant(), locked.until())
                                .toSeconds());
            }
            if (!(check instanceof SessionService.Check.SignedIn)) {
                throw new ProblemException(
                        ProblemType.SIGN_IN_FAILED, "That password is not right for " + invitation.email + ".");
            }
            account = existing.get();
        } else {
            String name = displayName
                    .map(io.mutuality.common.Text::normalise)
                    .filter(n -> !n.isEmpty())
                    .orElseThrow(() -> new ProblemException(
                            ProblemType.VALIDATION,
                            "Tell us the name to show to others.",
                            List.of(new Problem.FieldError("displayName", "must not be blank"))));
            if (password.length() < Account.MIN_PASSWORD_LENGTH) {
                throw new ProblemException(
                        ProblemType.VALIDATION,
                        "Choose a longer password.",
                        List.of(new Problem.FieldError(
                                "password", "needs at least " + Account.MIN_PASSWORD_LENGTH + " characters")));
            }
            account = Account.open(invitation.email, name, password, clock);
            account.persist();
        }
        Membership.delete("accountId = ?1 and organisationId = ?2", account.id, invitation.organisationId);
        Membership.of(account.id(), invitation.organisationId, invitation.role, clock.instant())
                .persist();
        invitation.accept(clock.instant());
        audit.recordAs(
                account,
                invitation.organisationId,
                "invitation.accepted",
                account.email(),
                "as " + invitation.role.words());
        return account;
    }

    public Optional<String> inviterName(Invitation invitation) {
        return Account.<Account>findByIdOptional(invitation.invitedBy).map(Account::displayName);
    }
}
