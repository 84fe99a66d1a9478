package io.mutuality.identity;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone who runs things: an organisation admin, a trainer, or a platform admin. Participants
 * never have an account. The password is kept only as a bcrypt hash.
 */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    public static final int MIN_PASSWORD_LENGTH = 10;

    @Id
    UUID id;

    @Column(nullable = false, unique = true, length = 320)
    String email;

    @Column(name = "display_name", nullable = false, length = 120)
    String displayName;

    @Column(name = "password_hash", nullable = false, length = 100)
    String passwordHash;

    @Column(name = "platform_admin", nullable = false)
    boolean platformAdmin;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "failed_sign_ins", nullable = false)
    int failedSignIns;

    @Column(name = "locked_until")
    Instant lockedUntil;

    protected Account() {}

    static Account open(String email, String displayName, String password, Clock clock) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = normaliseEmail(email);
        account.displayName = io.mutuality.common.Text.name("displayName", displayName);
        account.passwordHash = BcryptUtil.bcryptHash(password);
        account.createdAt = clock.instant();
        return account;
    }

    static String normaliseEmail(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static Optional<Account> findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResultOptional();
    }

    /**
     * A bcrypt hash (cost 10, as every account's) that no password is checked against for real;
     * written out rather than hashed at start, which cost every start-up a cold bcrypt.
     */
    static final String DUMMY_HASH = "$2a$10$AfLKxQWGQNoQ6M8iyDrkYeKPVg0UIryFFUw.6P.cE/DQ9rQfyYygq";

    /** Spends the time a real check would, for emails that have no account. */
    static void burnComparableTime(String candidate) {
        BcryptUtil.matches(candidate == null ? "" : candidate, DUMMY_HASH);
    }

    public boolean passwordMatches(String candidate) {
        return candidate != null && BcryptUtil.matches(candidate, passwordHash);
    }

    /** Locked accounts refuse even the right password until the lock passes. */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    public Instant lockedUntil() {
        return lockedUntil;
    }

    /** Counts a wrong password; the {@code maxFailures}-th in a row locks the account. */
    void recordFailedSignIn(Instant now, int maxFailures, java.time.Duration lockFor) {
        failedSignIns++;
        if (failedSignIns >= maxFailures) {
            lockedUntil = now.plus(lockFor);
            failedSignIns = 0;
        }
    }

    void recordSignIn() {
        failedSignIns = 0;
        lockedUntil = null;
    }

    void changePassword(String newPassword) {
        if (newPassword == null || newPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("A password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        passwordHash = BcryptUtil.bcryptHash(newPassword);
    }

    void makePlatformAdmin() {
        platformAdmin = true;
    }

    public AccountId id() {
        return new AccountId(id);
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public boolean platformAdmin() {
        return platformAdmin;
    }

    @Override
    public String toString() {
        return "Account[" + id + "]";
    }
}
