package io.mutuality.registration;

import io.mutuality.common.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One person's place in a cohort: a seat, a place on a pool's waitlist, or an offer of a freed
 * seat that lasts until it expires. It changes only through its own methods, always with the
 * cohort's seating locked by the caller, so that seats are never given twice.
 */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "cohort_id", nullable = false)
    UUID cohortId;

    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;

    @Column(nullable = false, length = 40)
    String pool;

    @Column(nullable = false, length = 120)
    String name;

    @Column(nullable = false, length = 320)
    String email;

    @Column(name = "email_key", nullable = false, length = 320)
    String emailKey;

    @Column(name = "access_needs", length = 1000)
    String accessNeeds;

    @Column(name = "dietary_needs", length = 1000)
    String dietaryNeeds;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    RegistrationStatus status;

    @Column(name = "waitlist_position")
    Long waitlistPosition;

    @Column(name = "offer_expires_at")
    Instant offerExpiresAt;

    @Column(name = "manage_token_hash", nullable = false, length = 64, unique = true)
    String manageTokenHash;

    @Column(name = "created_at", nullable = false)
    Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** Whether this person has answered the end-of-course evaluation (what they said is kept apart, without them). */
    @Column(nullable = false)
    boolean evaluated;

    @Version
    long version;

    protected Registration() {}

    /** The form of an email address two registrations are compared by. */
    static String emailKey(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    static Registration of(
            UUID id,
            UUID organisationId,
            UUID cohortId,
            String pool,
            String name,
            String email,
            String accessNeeds,
            String dietaryNeeds,
            String manageTokenHash,
            Instant now) {
        Registration r = new Registration();
        r.id = id;
        r.organisationId = organisationId;
        r.cohortId = cohortId;
        r.pool = pool;
        r.name = io.mutuality.common.Text.normalise(name);
        r.email = email.strip();
        r.emailKey = emailKey(email);
        r.accessNeeds = blankToNull(accessNeeds);
        r.dietaryNeeds = blankToNull(dietaryNeeds);
        r.manageTokenHash = manageTokenHash;
        r.createdAt = now;
        r.updatedAt = now;
        return r;
    }

    void confirm(Instant now) {
        status = RegistrationStatus.CONFIRMED;
        waitlistPosition = null;
        offerExpiresAt = null;
        updatedAt = now;
    }

    void waitlist(long position, Instant now) {
        status = RegistrationStatus.WAITLISTED;
        waitlistPosition = position;
        offerExpiresAt = null;
        updatedAt = now;
    }

    /** Holds a freed seat for this person until {@code now + lasting}. */
    void offer(Duration lasting, Instant now) {
        if (status != RegistrationStatus.WAITLISTED) {
            throw new IllegalStateException("Only someone waiting can be offered a seat");
        }
        status = RegistrationStatus.OFFERED;
        offerExpiresAt = Offers.expiresAt(now, lasting);
        updatedAt = now;
    }

    /** Takes the offered seat, if the offer still stands. */
    void accept(Instant now) {
        if (status == RegistrationStatus.CONFIRMED) {
            return;
        }
        if (status != RegistrationStatus.OFFERED || Offers.lapsed(status, offerExpiresAt, now)) {
            throw ProblemException.conflict(
                    status == RegistrationStatus.OFFERED || status == RegistrationStatus.EXPIRED
                            ? "This offer has expired and the seat has gone to the next person waiting. You can register again to join the waitlist."
                            : "There is no offer of a seat to accept here.");
        }
        confirm(now);
    }

    void decline(Instant now) {
        if (status != RegistrationStatus.OFFERED) {
            throw ProblemException.conflict("There is no offer of a seat to decline here.");
        }
        status = RegistrationStatus.DECLINED;
        offerExpiresAt = null;
        updatedAt = now;
    }

    /** An offer not taken in time lapses. Returns whether it did. */
    boolean expireIfDue(Instant now) {
        if (!Offers.lapsed(status, offerExpiresAt, now)) {
            return false;
        }
        status = RegistrationStatus.EXPIRED;
        updatedAt = now;
        return true;
    }

    void cancel(Instant now) {
        if (!status.active()) {
            throw ProblemException.conflict(
                    "This registration is already " + status.name().toLowerCase(Locale.ROOT) + ".");
        }
        status = RegistrationStatus.CANCELLED;
        waitlistPosition = null;
        offerExpiresAt = null;
        updatedAt = now;
    }

    /** Someone whose earlier registration ended registers again: a fresh start, keeping the same row. */
    void renew(String pool, String name, String accessNeeds, String dietaryNeeds, Instant now) {
        this.pool = pool;
        this.name = io.mutuality.common.Text.normalise(name);
        this.accessNeeds = blankToNull(accessNeeds);
        this.dietaryNeeds = blankToNull(dietaryNeeds);
        this.updatedAt = now;
    }

    // ------------------------------------------------------------------ queries, all within one cohort

    /** The seats of a pool that are held: confirmed, or offered and not yet answered. */
    static long taken(UUID cohortId, String pool) {
        return count(
                "cohortId = ?1 and pool = ?2 and status in ?3",
                cohortId,
                pool,
                List.of(RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED));
    }

    /** How many people wait for a seat in the pool. */
    static long waiting(UUID cohortId, String pool) {
        return count("cohortId = ?1 and pool = ?2 and status = ?3", cohortId, pool, RegistrationStatus.WAITLISTED);
    }

    /** Whether anyone waits for a seat in the pool. */
    static boolean someoneWaiting(UUID cohortId, String pool) {
        return waiting(cohortId, pool) > 0;
    }

    /** The pool's waitlist, first in line first. */
    static List<Registration> waitlist(UUID cohortId, String pool) {
        return list(
                "cohortId = ?1 and pool = ?2 and status = ?3 order by waitlistPosition",
                cohortId,
                pool,
                RegistrationStatus.WAITLISTED);
    }

    /** The position after the cohort's last on any waitlist. */
    static long nextPosition(UUID cohortId) {
        Long max = find("select max(r.waitlistPosition) from Registration r where r.cohortId = ?1", cohortId)
                .project(Long.class)
                .firstResult();
        return (max == null ? 0 : max) + 1;
    }

    /** 1 for the first person waiting in their pool; null for anyone not waiting. */
    static Integer waitlistPlace(Registration registration) {
        if (registration.status != RegistrationStatus.WAITLISTED) {
            return null;
        }
        return (int) count(
                "cohortId = ?1 and pool = ?2 and status = ?3 and waitlistPosition <= ?4",
                registration.cohortId,
                registration.pool,
                RegistrationStatus.WAITLISTED,
                registration.waitlistPosition);
    }

    /** The cohort's registration with this email, in whatever status. */
    static Optional<Registration> withEmail(UUID cohortId, String email) {
        return find("cohortId = ?1 and emailKey = ?2", cohortId, emailKey(email))
                .firstResultOptional();
    }

    /** Whether this email holds a seat, an offer or a place on a waitlist in the cohort. */
    static boolean activeWithEmail(UUID cohortId, String email) {
        return count(
                        "cohortId = ?1 and emailKey = ?2 and status in ?3",
                        cohortId,
                        emailKey(email),
                        List.of(
                                RegistrationStatus.CONFIRMED,
                                RegistrationStatus.OFFERED,
                                RegistrationStatus.WAITLISTED))
                > 0;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public UUID getId() {
        return id;
    }

    public RegistrationStatus getStatus() {
        return status;
    }

    public String getPool() {
        return pool;
    }
}
