package io.mutuality.live;

import io.mutuality.common.Secrets;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Someone taking part in a cohort, without an account. Their browser keeps a device token so
 * the next day's join recognises them; we keep only its hash. Erasing removes the name, the
 * email and the device link, and leaves the row so that attendance still counts.
 */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;

    @Column(name = "cohort_id", nullable = false)
    UUID cohortId;

    @Column(name = "display_name", length = 40)
    String displayName;

    @Column(length = 320)
    String email;

    @Column(name = "device_token_hash", length = 64)
    String deviceTokenHash;

    @Column(name = "joined_at", nullable = false)
    Instant joinedAt;

    @Column(name = "erased_at")
    Instant erasedAt;

    protected Participant() {}

    record Joined(Participant participant, String deviceToken) {}

    static Joined join(UUID organisationId, UUID cohortId, String displayName, String email, Instant now) {
        String deviceToken = Secrets.token();
        Participant participant = new Participant();
        participant.id = UUID.randomUUID();
        participant.organisationId = organisationId;
        participant.cohortId = cohortId;
        participant.displayName = displayName;
        participant.email = email;
        participant.deviceTokenHash = Secrets.hash(deviceToken);
        participant.joinedAt = now;
        return new Joined(participant, deviceToken);
    }

    /** The participant this device joined the cohort as before, unless they erased themselves. */
    static Optional<Participant> recognise(UUID cohortId, String deviceToken) {
        if (deviceToken == null || deviceToken.isBlank() || deviceToken.length() > 100) {
            return Optional.empty();
        }
        return find("cohortId = ?1 and deviceTokenHash = ?2 and erasedAt is null", cohortId, Secrets.hash(deviceToken))
                .firstResultOptional();
    }

    void rename(String displayName, String email) {
        this.displayName = displayName;
        if (email != null) {
            this.email = email;
        }
    }

    void erase(Instant now) {
        displayName = null;
        email = null;
        deviceTokenHash = null;
        erasedAt = now;
    }

    boolean isErased() {
        return erasedAt != null;
    }
}
