package io.mutuality.registration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Offers of freed seats: who is offered one next, until when, when an offer has lapsed, and when
 * a cohort's public seats are all taken. Pure: the service loads the pool and its waitlist, asks
 * these rules, and stores and mails what they decide.
 */
public final class Offers {

    private Offers() {}

    /**
     * Those offered a seat now: one for each seat of the pool nobody holds (confirmed or offered),
     * in waitlist order.
     *
     * @param waitingInOrder the people waiting in the pool, first in line first
     */
    public static <T> List<T> next(int seats, long taken, List<T> waitingInOrder) {
        long free = Math.max(0, seats - taken);
        return waitingInOrder.subList(0, (int) Math.min(free, waitingInOrder.size()));
    }

    /** When an offer made at {@code now} lapses. */
    public static Instant expiresAt(Instant now, Duration lasting) {
        return now.plus(lasting);
    }

    /** Whether an offer has lapsed at {@code now}: it stands until just before its expiry, not at it. */
    public static boolean lapsed(RegistrationStatus status, Instant expiresAt, Instant now) {
        return status == RegistrationStatus.OFFERED && !now.isBefore(expiresAt);
    }

    /** Whether every seat of every pool open to the public is held: then the cohort is full. */
    public static boolean full(List<Seating.Pool> pools, ToLongFunction<String> takenInPool) {
        return pools.stream()
                .filter(Seating.Pool::openToPublic)
                .allMatch(pool -> takenInPool.applyAsLong(pool.code()) >= pool.seats());
    }

    /**
     * Someone's place in their pool's waitlist, counting from 1: how many people in the same pool
     * wait at or before their position.
     */
    public static int waitlistPlace(long position, List<Long> positionsWaitingInPool) {
        return (int) positionsWaitingInPool.stream().filter(p -> p <= position).count();
    }
}
