package io.mutuality.live;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** That a participant joined a room: the first fact of attendance. */
@Entity
@Table(name = "room_attendance")
public class RoomAttendance extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "room_id")
        UUID roomId;

        @Column(name = "participant_id")
        UUID participantId;

        protected Key() {}

        Key(UUID roomId, UUID participantId) {
            this.roomId = roomId;
            this.participantId = participantId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.roomId.equals(roomId) && key.participantId.equals(participantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(roomId, participantId);
        }
    }

    @EmbeddedId
    Key key;

    @Column(name = "joined_at", nullable = false)
    Instant joinedAt;

    /** A trainer's notes about an erased participant's attendance go with them; present/absent and minutes stay. */
    static void forgetNotes(UUID participantId) {
        getEntityManager()
                .createNativeQuery("update attendance_correction set note = null where participant_id = ?1")
                .setParameter(1, participantId)
                .executeUpdate();
    }

    static void record(UUID roomId, UUID participantId, Instant now) {
        Key key = new Key(roomId, participantId);
        if (findById(key) == null) {
            RoomAttendance attendance = new RoomAttendance();
            attendance.key = key;
            attendance.joinedAt = now;
            attendance.persist();
        }
    }
}
