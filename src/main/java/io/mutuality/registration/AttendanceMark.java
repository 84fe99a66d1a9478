package io.mutuality.registration;

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

/** A trainer's record of how much of a day someone missed; it overrides what the live room saw. */
@Entity
@Table(name = "attendance_mark")
public class AttendanceMark extends PanacheEntityBase {

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "registration_id")
        UUID registrationId;

        @Column(name = "day_number")
        int dayNumber;

        protected Key() {}

        Key(UUID registrationId, int dayNumber) {
            this.registrationId = registrationId;
            this.dayNumber = dayNumber;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.registrationId.equals(registrationId) && k.dayNumber == dayNumber;
        }

        @Override
        public int hashCode() {
            return Objects.hash(registrationId, dayNumber);
        }
    }

    @EmbeddedId
    Key key;

    @Column(name = "minutes_missed", nullable = false)
    int minutesMissed;

    @Column(length = 200)
    String note;

    @Column(name = "marked_by")
    UUID markedBy;

    @Column(name = "marked_at", nullable = false)
    Instant markedAt;

    protected AttendanceMark() {}

    static AttendanceMark of(UUID registrationId, int dayNumber) {
        AttendanceMark mark = new AttendanceMark();
        mark.key = new Key(registrationId, dayNumber);
        return mark;
    }
}
