package io.mutuality.registration;

import io.mutuality.common.Problem;
import io.mutuality.common.ProblemException;
import io.mutuality.common.ProblemType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * How a cohort's seats are shared out: pools (seats contracted for the organisation's own staff,
 * open seats, scholarship or pay-what-you-can seats), each with its own count and waitlist, and
 * how long an offered seat is held. A cohort without one has a single open pool of its capacity
 * and 48-hour offers. The row is also what registrations lock, one cohort at a time.
 */
@Entity
@Table(name = "cohort_seating")
public class Seating extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final int DEFAULT_OFFER_HOURS = 48;

    @Id
    @Column(name = "cohort_id")
    UUID cohortId;

    @Column(name = "offer_hours", nullable = false)
    int offerHours;

    @ElementCollection
    @CollectionTable(name = "seat_pool", joinColumns = @JoinColumn(name = "cohort_id"))
    @OrderColumn(name = "position")
    List<Pool> pools = new ArrayList<>();

    @Version
    long version;

    /** One pool of seats. */
    @Embeddable
    public static class Pool {
        @Column(nullable = false, length = 40)
        String code;

        @Column(nullable = false, length = 120)
        String name;

        @Column(nullable = false)
        int seats;

        @Column(name = "open_to_public", nullable = false)
        boolean openToPublic;

        protected Pool() {}

        public Pool(String code, String name, int seats, boolean openToPublic) {
            this.code = code;
            this.name = name;
            this.seats = seats;
            this.openToPublic = openToPublic;
        }

        public String code() {
            return code;
        }

        public String name() {
            return name;
        }

        public int seats() {
            return seats;
        }

        public boolean openToPublic() {
            return openToPublic;
        }
    }

    protected Seating() {}

    /** The default seating of a cohort of this capacity. */
    static Seating standard(UUID cohortId, int capacity) {
        Seating seating = new Seating();
        seating.cohortId = cohortId;
        seating.offerHours = DEFAULT_OFFER_HOURS;
        seating.pools.add(new Pool(OPEN, "Open seats", capacity, true));
        return seating;
    }

    /** A cohort's seating, made (and stored) the standard way the first time it is needed. */
    static Seating of(UUID cohortId, int capacity) {
        Seating seating = findById(cohortId);
        if (seating == null) {
            seating = standard(cohortId, capacity);
            seating.persist();
        }
        return seating;
    }

    /** A cohort's seating to read: the stored one, or the standard one without storing it. */
    static Seating read(UUID cohortId, int capacity) {
        Seating seating = findById(cohortId);
        return seating == null ? standard(cohortId, capacity) : seating;
    }

    /** Replaces the pools and the offer time, checking them against the cohort's capacity. */
    void arrange(List<Pool> newPools, int hours, int capacity) {
        List<Problem.FieldError> broken = new ArrayList<>();
        if (hours < 1 || hours > 24 * 14) {
            broken.add(new Problem.FieldError("offerHours", "An offer is held for 1 hour to 14 days."));
        }
        if (newPools.isEmpty() || newPools.size() > 6) {
            broken.add(new Problem.FieldError("pools", "Give 1 to 6 pools of seats."));
        }
        Set<String> codes = new HashSet<>();
        int total = 0;
        for (int i = 0; i < newPools.size(); i++) {
            Pool pool = newPools.get(i);
            if (pool.code == null
                    || !pool.code.matches("[a-z0-9]+(-[a-z0-9]+)*")
                    || pool.code.length() > 40
                    || !codes.add(pool.code)) {
                broken.add(new Problem.FieldError(
                        "pools[" + i + "].code", "Give each pool its own short code (lower-case words and hyphens)."));
            }
            if (pool.name == null || pool.name.isBlank() || pool.name.length() > 120) {
                broken.add(new Problem.FieldError(
                        "pools[" + i + "].name", "Give each pool a name of up to 120 characters."));
            }
            if (pool.seats < 0) {
                broken.add(new Problem.FieldError("pools[" + i + "].seats", "A pool cannot have fewer than 0 seats."));
            }
            total += Math.max(0, pool.seats);
        }
        if (broken.isEmpty() && total != capacity) {
            broken.add(new Problem.FieldError(
                    "pools",
                    "The pools' seats add up to " + total + ", but the cohort has " + capacity
                            + " places. Make them match."));
        }
        if (!broken.isEmpty()) {
            throw new ProblemException(ProblemType.RULE_VIOLATION, broken.get(0).message(), broken);
        }
        pools.clear();
        newPools.forEach(p -> pools.add(new Pool(p.code, p.name.strip(), p.seats, p.openToPublic)));
        offerHours = hours;
    }

    public Optional<Pool> pool(String code) {
        return pools.stream().filter(p -> p.code.equals(code)).findFirst();
    }

    public List<Pool> pools() {
        return List.copyOf(pools);
    }

    public Duration offerLasts() {
        return Duration.ofHours(offerHours);
    }

    public int offerHours() {
        return offerHours;
    }
}
