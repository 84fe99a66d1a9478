package io.mutuality.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The live room of one training day of a cohort, reached by its code until the day ends. */
@Entity
@Table(name = "room")
public class Room extends PanacheEntityBase {

    @Id
    UUID id;

    @Column(nullable = false, unique = true, length = 12)
    String code;

    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;

    /** The cohort and day, for a training day's room; both empty for a practice room. */
    @Column(name = "cohort_id")
    UUID cohortId;

    @Column(name = "day_number")
    Integer dayNumber;

    /** A practice room's own title. */
    @Column(length = 200)
    String title;

    @Column(name = "opened_by", nullable = false)
    UUID openedBy;

    @Column(name = "opened_at", nullable = false)
    Instant openedAt;

    @Column(name = "closes_at", nullable = false)
    Instant closesAt;

    /** When what participants wrote here was purged under the retention rule; null until then. */
    @Column(name = "purged_at")
    Instant purgedAt;

    protected Room() {}

    static Room open(
            RoomCode code,
            UUID organisationId,
            UUID cohortId,
            int dayNumber,
            UUID openedBy,
            Instant now,
            Instant closesAt) {
        Room room = new Room();
        room.id = UUID.randomUUID();
        room.code = code.value();
        room.organisationId = organisationId;
        room.cohortId = cohortId;
        room.dayNumber = dayNumber;
        room.openedBy = openedBy;
        room.openedAt = now;
        room.closesAt = closesAt;
        return room;
    }

    /** A room for practising outside a scheduled day: no cohort, no agenda, a title of its own. */
    static Room practice(
            RoomCode code, UUID organisationId, String title, UUID openedBy, Instant now, Instant closesAt) {
        Room room = open(code, organisationId, null, 0, openedBy, now, closesAt);
        room.dayNumber = null;
        room.title = title;
        return room;
    }

    boolean isPractice() {
        return cohortId == null;
    }

    static Optional<Room> forDay(UUID cohortId, int dayNumber) {
        return find("cohortId = ?1 and dayNumber = ?2", cohortId, dayNumber).firstResultOptional();
    }

    /** The day rooms of an organisation (one cohort's when {@code cohortId} is given) still open or closed since {@code since}. */
    static java.util.List<Room> dayRooms(UUID organisationId, UUID cohortId, Instant since) {
        return cohortId == null
                ? list(
                        "organisationId = ?1 and cohortId is not null and closesAt >= ?2 order by closesAt",
                        organisationId,
                        since)
                : list("organisationId = ?1 and cohortId = ?2 order by dayNumber", organisationId, cohortId);
    }

    /** The room with this code while it is open. */
    static Optional<Room> openWithCode(RoomCode code, Instant now) {
        return Room.<Room>find("code", code.value()).firstResultOptional().filter(r -> r.isOpen(now));
    }

    boolean isOpen(Instant now) {
        return now.isBefore(closesAt);
    }

    public RoomCode code() {
        return new RoomCode(code);
    }
}
