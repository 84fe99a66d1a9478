package io.mutuality.identity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One administrative action: who did what to what, when, in which organisation. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "organisation_id")
    UUID organisationId;

    @Column(name = "actor_id")
    UUID actorId;

    @Column(name = "actor_name", nullable = false, length = 120)
    String actorName;

    @Column(nullable = false, length = 60)
    String action;

    @Column(length = 320)
    String target;

    @Column(length = 500)
    String detail;

    @Column(nullable = false)
    Instant at;

    public Instant getAt() {
        return at;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }
}
