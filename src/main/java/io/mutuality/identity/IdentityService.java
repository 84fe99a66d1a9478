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

    public Optional<Account> findByEmail(String email) {
        return Account.findByEmail(email);
    }

    public Optional<Account> find(AccountId id) {
        return Account.findByIdOptional(id.value());
    }

    public List<Membership> memberships(AccountId account) {
        return Membership.list("accountId", account.value());
    }

    public List<Membership> members(UUID organisationId) {
        return Membership.list("organisationId", organisationId);
    }
}
