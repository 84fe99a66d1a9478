package io.mutuality.curriculum;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An organisation's variant of a course, kept in the database; the course files stay as they are. */
@Entity
@Table(name = "course_variant")
public class CourseVariant extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;

    @Column(name = "course_id", nullable = false, length = 64)
    String courseId;

    @Column(name = "base_version", nullable = false, length = 32)
    String baseVersion;

    @Column(nullable = false, length = 120)
    String name;

    @Column(nullable = false)
    int revision;

    @Column(nullable = false, length = 1_000_000)
    String definition;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    static Optional<CourseVariant> of(UUID organisationId, UUID id) {
        return CourseVariant.<CourseVariant>findByIdOptional(id).filter(v -> v.organisationId.equals(organisationId));
    }

    public String courseId() {
        return courseId;
    }

    /** Where cohorts pinned to this variant find it: a source and a version per revision. */
    String source() {
        return "variant/" + id;
    }

    String version() {
        return baseVersion + "-r" + revision;
    }
}
