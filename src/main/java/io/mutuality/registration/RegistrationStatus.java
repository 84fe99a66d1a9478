package io.mutuality.registration;

/** Where someone's registration stands. Seats are held by {@link #CONFIRMED} and {@link #OFFERED}. */
public enum RegistrationStatus {
    /** Has a seat. */
    CONFIRMED,
    /** Waiting, in order, for a seat in their pool. */
    WAITLISTED,
    /** Offered a freed seat until the offer expires; the seat is held for them meanwhile. */
    OFFERED,
    /** Did not take an offered seat in time; the seat went to the next person waiting. */
    EXPIRED,
    /** Said no to an offered seat. */
    DECLINED,
    /** Cancelled by the person or the organisation. */
    CANCELLED;

    public boolean holdsSeat() {
        return this == CONFIRMED || this == OFFERED;
    }

    public boolean active() {
        return this == CONFIRMED || this == OFFERED || this == WAITLISTED;
    }
}
