package io.mutuality.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A person's role in one organisation. A freelance trainer holds one membership in each
 * organisation they work for. The organisation is referred to by id only: it belongs to the
 * scheduling feature.
 */
@Entity
@Table(name = "membership")
public class Membership extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    Role role;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    protected Membership() {}

    static Membership of(AccountId account, UUID organisationId, Role role, Instant now) {
        Membership membership = new Membership();
        membership.id = UUID.randomUUID();
        membership.accountId = account.value();
        membership.organisationId = organisationId;
        membership.role = role;
        membership.createdAt = now;
        return membership;
    }

    public AccountId account() {
        return new AccountId(accountId);
    }

    public UUID organisationId() {
        return organisationId;
    }

    public Role role() {
        return role;
    }
}
