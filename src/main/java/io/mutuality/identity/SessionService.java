package io.mutuality.identity;

import io.mutuality.common.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Checks passwords, keeps lockout, and starts, resolves and ends sign-in sessions. */
@ApplicationScoped
public class SessionService {

    @Inject
    Clock clock;

    @Inject
    IdentityConfig config;

    /** What a password check came to. */
    public sealed interface Check {
        record SignedIn(Account account) implements Check {}

        record Refused() implements Check {}

        record Locked(Instant until) implements Check {}
    }

    /** What a live session cookie stands for. */
    public record Resolved(Account account, Map<UUID, Role> memberships, String csrfToken, UUID sessionId) {}

    /**
     * Checks a password and keeps count of failures. An unknown email and a locked account cost
     * the same bcrypt work as a known one, so timing does not tell which emails have accounts
     * or which are paused; callers that answer the public give all three the same answer.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Check check(String email, String password) {
        Instant now = clock.instant();
        Optional<Account> found = Account.findByEmail(email);
        if (found.isEmpty()) {
            Account.burnComparableTime(password);
            return new Check.Refused();
        }
        Account account = found.get();
        if (account.isLocked(now)) {
            Account.burnComparableTime(password);
            return new Check.Locked(account.lockedUntil());
        }
        if (!account.passwordMatches(password)) {
            account.recordFailedSignIn(now, config.maxFailedSignIns(), config.lockout());
            return new Check.Refused();
        }
        account.recordSignIn();
        return new Check.SignedIn(account);
    }

    public Account account(String email) {
        return Account.findByEmail(email).orElseThrow();
    }

    public Account account(AccountId id) {
        return Account.<Account>findByIdOptional(id.value())
                .orElseThrow(io.quarkus.security.UnauthorizedException::new);
    }

    /** Changes the password after checking the current one, and signs out every other session. */
    @Transactional
    public void changePassword(AccountId id, String current, String next, UUID keepSession) {
        Account account = account(id);
        if (!account.passwordMatches(current)) {
            throw io.mutuality.common.ProblemException.rule("currentPassword", "The current password is not right.");
        }
        account.changePassword(next);
        WebSession.delete(
                "accountId = ?1 and id <> ?2", account.id, keepSession == null ? new UUID(0, 0) : keepSession);
    }

    @Transactional
    public WebSession.Started start(AccountId account) {
        WebSession.Started started = WebSession.start(account, clock.instant(), config.sessionLifetime());
        started.session().persist();
        return started;
    }

    /** The account behind a session cookie, if the session is live. */
    @Transactional
    public Optional<Resolved> resolve(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<WebSession> session =
                WebSession.find("tokenHash", Secrets.hash(token)).firstResultOptional();
        return session.filter(s -> s.isLive(now))
                .flatMap(s -> Account.<Account>findByIdOptional(s.accountId)
                        .map(account -> new Resolved(account, memberships(account.id), s.csrfToken, s.id)));
    }

    @Transactional
    public void end(UUID sessionId) {
        WebSession.deleteById(sessionId);
    }

    /** The session purge's name among the jobs that run on one node at a time. */
    static final String PURGE = "session-purge";

    @Inject
    io.mutuality.cluster.ClusterOnce clusterOnce;

    /** Purges on one node at a time; a second purge would find nothing to delete anyway. */
    @io.quarkus.scheduler.Scheduled(
            every = "1h",
            delayed = "5m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        clusterOnce.run(PURGE, this::purgeExpired);
    }

    /** Deletes sessions past their end; they already fail to resolve, this keeps the table small. */
    @Transactional
    public long purgeExpired() {
        return WebSession.delete("expiresAt < ?1", clock.instant());
    }

    static Map<UUID, Role> memberships(UUID accountId) {
        return Membership.<Membership>list("accountId", accountId).stream()
                .collect(Collectors.toMap(Membership::organisationId, Membership::role));
    }
}
