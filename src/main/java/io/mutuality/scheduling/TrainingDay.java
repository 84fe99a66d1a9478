package io.mutuality.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/** One day of a cohort, in the cohort's own time zone. Part of the {@link Cohort} aggregate. */
@Entity
@Table(name = "training_day")
public class TrainingDay {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cohort_id", nullable = false)
    private Cohort cohort;

    @Column(name = "day_number", nullable = false)
    private int dayNumber;

    @Column(name = "day_date", nullable = false)
    private LocalDate date;

    @Column(name = "starts_at", nullable = false)
    private LocalTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private LocalTime endsAt;

    protected TrainingDay() {}

    TrainingDay(Cohort cohort, int dayNumber, LocalDate date, LocalTime startsAt, LocalTime endsAt) {
        this.id = UUID.randomUUID();
        this.cohort = cohort;
        this.dayNumber = dayNumber;
        this.date = date;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    public ZonedDateTime start(ZoneId zone) {
        return ZonedDateTime.of(date, startsAt, zone);
    }

    public int getDayNumber() {
        return dayNumber;
    }

    public LocalDate getDate() {
        return date;
    }

    public LocalTime getStartsAt() {
        return startsAt;
    }

    public LocalTime getEndsAt() {
        return endsAt;
    }

    /** When the day starts, as an instant, in the cohort's time zone (daylight saving included). */
    public java.time.Instant startsAt(java.time.ZoneId zone) {
        return date.atTime(startsAt).atZone(zone).toInstant();
    }

    public java.time.Instant endsAt(java.time.ZoneId zone) {
        return date.atTime(endsAt).atZone(zone).toInstant();
    }
}
