package io.mutuality.identity;

import io.mutuality.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The identity feature's public API for the rest of the application. */
@ApplicationScoped
public class IdentityService {

    @Inject
    Clock clock;

    /** Opens an account; an email already in use is a conflict. */
    @Transactional
    public Account openAccount(String email, String displayName, String password) {
        if (Account.findByEmail(email).isPresent()) {
            throw ProblemException.conflict("An account with this email already exists.");
        }
        Account account = Account.open(email, displayName, password, clock);
        account.persist();
        return account;
    }

    /** Gives an account a role in an organisation, replacing any role it held there. */
    @Transactional
    public Membership grant(AccountId account, UUID organisationId, Role role) {
        Membership.delete("accountId = ?1 and organisationId = ?2", account.value(), organisationId);
        Membership membership = Membership.of(account, organisationId, role, clock.instant());
        membership.persist();
        return membership;
    }

    /** Makes an existing account a platform admin (bootstrap and tests; there is no API for it). */
    @Transactional
    public void makePlatformAdmin(AccountId id) {
        Account.<Account>findByIdOptional(id.value()).orElseThrow().makePlatformAdmin();
    }

    /** Changes a member's role; an organisation always keeps at least one admin. */
    @Transactional
    public Membership changeRole(UUID organisationId, AccountId account, Role role) {
        Membership membership = membership(organisationId, account);
        if (membership.role == Role.ORG_ADMIN && role != Role.ORG_ADMIN) {
            requireAnotherAdmin(organisationId, account);
        }
        membership.role = role;
        return membership;
    }

    /** Told to other features once a member has left an organisation (the live rooms end their access). */
    public record MemberRemoved(UUID organisationId, UUID accountId) {}

    @Inject
    jakarta.enterprise.event.Event<MemberRemoved> memberRemoved;

    @Inject
    jakarta.enterprise.inject.Instance<CohortBookings> bookings;

    /**
     * Removes a member from the organisation; the last admin cannot be removed. A trainer still
     * booked on cohorts that have not finished is either taken off them ({@code unbookUnfinished})
     * or not removed, with the list of those cohorts, so nobody keeps running a cohort of an
     * organisation they have left and nobody is taken off one without the admin knowing.
     */
    @Transactional
    public void remove(UUID organisationId, AccountId account, boolean unbookUnfinished) {
        Membership membership = membership(organisationId, account);
        if (membership.role == Role.ORG_ADMIN) {
            requireAnotherAdmin(organisationId, account);
        }
        if (bookings.isResolvable()) {
            List<CohortBookings.Booking> booked = bookings.get().unfinished(organisationId, account.value());
            if (!booked.isEmpty() && !unbookUnfinished) {
                List<io.mutuality.common.Problem.FieldError> list = new java.util.ArrayList<>();
                for (int i = 0; i < booked.size(); i++) {
                    CohortBookings.Booking b = booked.get(i);
                    list.add(new io.mutuality.common.Problem.FieldError(
                            "bookings[" + i + "]", b.title() + " (from " + b.firstDay() + ")"));
                }
                throw new ProblemException(
                        io.mutuality.common.ProblemType.CONFLICT,
                        "Still booked on " + booked.size()
                                + (booked.size() == 1 ? " cohort" : " cohorts")
                                + " that has not finished. Take them off "
                                + (booked.size() == 1 ? "it" : "those")
                                + " first, or remove them and their bookings together.",
                        list);
            }
            bookings.get().unbookUnfinished(organisationId, account.value());
        }
        membership.delete();
        memberRemoved.fire(new MemberRemoved(organisationId, account.value()));
    }

    private Membership membership(UUID organisationId, AccountId account) {
        return Membership.<Membership>find("accountId = ?1 and organisationId = ?2", account.value(), organisationId)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("member"));
    }

    private void requireAnotherAdmin(UUID organisationId, AccountId leaving) {
        long others = Membership.count(
                "organisationId = ?1 and role = ?2 and accountId <> ?3",
                organisationId,
                Role.ORG_ADMIN,
                leaving.value());
        if (others == 0) {
            throw ProblemException.conflict(
                    "An organisation needs at least one admin. Make someone else an admin first.");
        }
    }

    public Optional<Account> findByEmail(String email) {
        return Account.findByEmail(email);
    }

    public Optional<Account> find(AccountId id) {
        return Account.findByIdOptional(id.value());
    }

    public List<Membership> memberships(AccountId account) {
        return Membership.list("accountId", account.value());
    }

    /** The organisations an account is a member of, for other features (which do not read memberships). */
    public java.util.Set<UUID> organisationsOf(AccountId account) {
        return memberships(account).stream()
                .map(Membership::organisationId)
                .collect(java.util.stream.Collectors.toSet());
    }

    /** Whether an account is a member of the organisation with this role. */
    public boolean hasRole(AccountId account, UUID organisationId, Role role) {
        return memberships(account).stream()
                .anyMatch(m -> m.organisationId().equals(organisationId) && m.role() == role);
    }

    /** The id of the account with this email, if there is one. */
    public Optional<AccountId> accountWithEmail(String email) {
        return findByEmail(email).map(Account::id);
    }

    /** The name an account shows, if there is such an account. */
    public Optional<String> displayName(AccountId id) {
        return find(id).map(Account::displayName);
    }

    public List<Membership> members(UUID organisationId) {
        return Membership.list("organisationId", organisationId);
    }
}
