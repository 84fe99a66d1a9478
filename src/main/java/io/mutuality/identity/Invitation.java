package io.mutuality.identity;

import io.mutuality.common.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation admin's invitation to join with a role, sent as a one-time link. */
@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;

    @Column(nullable = false, length = 320)
    String email;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    Role role;

    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    String tokenHash;

    @Column(name = "invited_by", nullable = false)
    UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    Instant expiresAt;

    @Column(name = "accepted_at")
    Instant acceptedAt;

    @Column(name = "withdrawn_at")
    Instant withdrawnAt;

    protected Invitation() {}

    record Issued(Invitation invitation, String token) {}

    static Issued issue(UUID organisationId, String email, Role role, AccountId by, Instant now, Duration lifetime) {
        String token = Secrets.token();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.organisationId = organisationId;
        invitation.email = Account.normaliseEmail(email);
        invitation.role = role;
        invitation.tokenHash = Secrets.hash(token);
        invitation.invitedBy = by.value();
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(lifetime);
        return new Issued(invitation, token);
    }

    /** An invitation that has been neither used nor withdrawn, found by the token in its link. */
    static Optional<Invitation> findOpen(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        return find("tokenHash = ?1 and acceptedAt is null and withdrawnAt is null", Secrets.hash(token))
                .firstResultOptional();
    }

    boolean isPending(Instant now) {
        return acceptedAt == null && withdrawnAt == null && now.isBefore(expiresAt);
    }

    boolean hasExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    void accept(Instant now) {
        acceptedAt = now;
    }

    void withdraw(Instant now) {
        withdrawnAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public Role getRole() {
        return role;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
