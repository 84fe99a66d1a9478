package io.mutuality.identity;

import io.mutuality.common.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A signed-in browser. The cookie holds a random token; the database keeps only its hash,
 * so signing out (or a password change) ends the session everywhere at once.
 */
@Entity
@Table(name = "web_session")
public class WebSession extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    String tokenHash;

    @Column(name = "csrf_token", nullable = false, length = 64)
    String csrfToken;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    protected WebSession() {}

    /** A new session and the raw token for the cookie (shown once, never stored). */
    record Started(WebSession session, String token) {}

    static Started start(AccountId account, Instant now, Duration lifetime) {
        String token = Secrets.token();
        WebSession session = new WebSession();
        session.id = UUID.randomUUID();
        session.tokenHash = Secrets.hash(token);
        session.csrfToken = Secrets.token();
        session.accountId = account.value();
        session.createdAt = now;
        session.expiresAt = now.plus(lifetime);
        return new Started(session, token);
    }

    boolean isLive(Instant now) {
        return now.isBefore(expiresAt);
    }
}
