package io.mutuality.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.time.LocalTime;

/** A co-reflection session planned after the course: when, where (a place or a link), and a note. */
@Embeddable
public class FollowUp {

    @Column(name = "follow_up_date")
    private LocalDate date;

    @Column(name = "follow_up_starts_at")
    private LocalTime startsAt;

    @Column(name = "follow_up_ends_at")
    private LocalTime endsAt;

    @Column(name = "follow_up_place", length = 500)
    private String place;

    @Column(name = "follow_up_note", length = 500)
    private String note;

    protected FollowUp() {}

    FollowUp(LocalDate date, LocalTime startsAt, LocalTime endsAt, String place, String note) {
        this.date = date;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.place = place;
        this.note = note;
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

    public String getPlace() {
        return place;
    }

    public String getNote() {
        return note;
    }
}
