package io.mutuality.scheduling;

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

/** One qualification of one trainer, with where it came from. */
@Entity
@Table(name = "trainer_qualification")
public class TrainerQualification extends PanacheEntityBase {

    /** How it was recorded: entered by an organisation admin with evidence, or by the platform on completion. */
    public enum Source {
        ENTERED,
        COMPLETED_HERE
    }

    @Id
    UUID id;

    @Column(name = "account_id", nullable = false)
    UUID accountId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    Qualification kind;

    @Column(nullable = false, length = 500)
    String evidence;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    Source source;

    @Column(name = "organisation_id")
    UUID organisationId;

    @Column(name = "recorded_by")
    UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
    Instant recordedAt;

    protected TrainerQualification() {}

    static TrainerQualification entered(
            UUID accountId, Qualification kind, String evidence, UUID organisationId, UUID by, Instant now) {
        TrainerQualification q = new TrainerQualification();
        q.id = UUID.randomUUID();
        q.accountId = accountId;
        q.kind = kind;
        q.evidence = evidence.strip();
        q.source = Source.ENTERED;
        q.organisationId = organisationId;
        q.recordedBy = by;
        q.recordedAt = now;
        return q;
    }

    static TrainerQualification completedHere(UUID accountId, Qualification kind, String evidence, Instant now) {
        TrainerQualification q = new TrainerQualification();
        q.id = UUID.randomUUID();
        q.accountId = accountId;
        q.kind = kind;
        q.evidence = evidence;
        q.source = Source.COMPLETED_HERE;
        q.recordedAt = now;
        return q;
    }

    public Qualification getKind() {
        return kind;
    }

    public String getEvidence() {
        return evidence;
    }

    public Source getSource() {
        return source;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
