package io.mutuality.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** Someone who would like a course in a place where no cohort is planned yet. */
@Entity
@Table(name = "interest")
public class Interest extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;

    @Column(name = "course_id", nullable = false, length = 64)
    String courseId;

    @Column(nullable = false, length = 120)
    String place;

    @Column(name = "place_key", nullable = false, length = 120)
    String placeKey;

    @Column(nullable = false, length = 120)
    String name;

    @Column(nullable = false, length = 320)
    String email;

    @Column(name = "email_key", nullable = false, length = 320)
    String emailKey;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "invited_at")
    Instant invitedAt;

    @Column(name = "invited_cohort_id")
    UUID invitedCohortId;

    protected Interest() {}

    /** Places are compared without case or surrounding space, so "Galway" and " galway" are one place. */
    static String placeKey(String place) {
        return place.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static Interest of(UUID organisationId, String courseId, String place, String name, String email, Instant now) {
        Interest interest = new Interest();
        interest.id = UUID.randomUUID();
        interest.organisationId = organisationId;
        interest.courseId = courseId;
        interest.place = place.strip().replaceAll("\\s+", " ");
        interest.placeKey = placeKey(place);
        interest.name = name.strip();
        interest.email = email.strip();
        interest.emailKey = Registration.emailKey(email);
        interest.createdAt = now;
        return interest;
    }

    /** Records that this person was invited to register for a cohort. */
    void invited(UUID cohortId, Instant now) {
        invitedCohortId = cohortId;
        invitedAt = now;
    }
}
