package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A certificate of completion: what it says is fixed when it is issued (a later rename of the
 * course or the organisation does not change an issued certificate), and its code lets anyone
 * check that it is genuine. It can be revoked, with a reason; it is never deleted.
 */
@Entity
@Table(name = "certificate")
public class Certificate extends PanacheEntityBase {

    /** Code letters without look-alikes (no 0/O, 1/I/L). */
    private static final String LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    @Id
    UUID id;

    @Column(nullable = false, unique = true, length = 20)
    String code;

    @Column(name = "registration_id", nullable = false, unique = true)
    UUID registrationId;

    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;

    @Column(name = "cohort_id", nullable = false)
    UUID cohortId;

    @Column(name = "course_id", nullable = false, length = 64)
    String courseId;

    @Column(name = "holder_name", nullable = false, length = 120)
    String holderName;

    @Column(name = "holder_email_key", nullable = false, length = 320)
    String holderEmailKey;

    @Column(name = "course_title", nullable = false, length = 200)
    String courseTitle;

    @Column(name = "organisation_name", nullable = false, length = 200)
    String organisationName;

    @Column(name = "first_day", nullable = false)
    LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    LocalDate lastDay;

    @Column(nullable = false, length = 1000)
    String trainers;

    @Column(name = "issued_at", nullable = false)
    Instant issuedAt;

    @Column(name = "revoked_at")
    Instant revokedAt;

    @Column(name = "revoked_reason", length = 300)
    String revokedReason;

    protected Certificate() {}

    static Certificate issue(
            Registration registration,
            String courseId,
            String courseTitle,
            String organisationName,
            LocalDate firstDay,
            LocalDate lastDay,
            String trainers,
            Instant now,
            SecureRandom random) {
        Certificate c = new Certificate();
        c.id = UUID.randomUUID();
        StringBuilder code = new StringBuilder("IPS-");
        for (int i = 0; i < 10; i++) {
            code.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            if (i == 4) {
                code.append('-');
            }
        }
        c.code = code.toString();
        c.registrationId = registration.id;
        c.organisationId = registration.organisationId;
        c.cohortId = registration.cohortId;
        c.courseId = courseId;
        c.holderName = registration.name;
        c.holderEmailKey = registration.emailKey;
        c.courseTitle = courseTitle;
        c.organisationName = organisationName;
        c.firstDay = firstDay;
        c.lastDay = lastDay;
        c.trainers = trainers;
        c.issuedAt = now;
        return c;
    }

    void revoke(String reason, Instant now) {
        if (revokedAt != null) {
            throw ProblemException.conflict("This certificate was already revoked.");
        }
        revokedAt = now;
        revokedReason = reason.strip();
    }

    /** Codes are read back case-insensitively and with or without their hyphens. */
    static String normalise(String code) {
        String letters =
                code == null ? "" : code.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        if (!letters.startsWith("IPS") || letters.length() != 13) {
            return null;
        }
        return "IPS-" + letters.substring(3, 8) + "-" + letters.substring(8);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
