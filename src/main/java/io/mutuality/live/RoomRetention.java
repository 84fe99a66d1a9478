package io.mutuality.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The retention rule: what participants wrote in a course's rooms (check-in words and
 * sentences, journal entries, rewrites, notes) is purged a set time after the course's last day
 * (a practice room: after it closed), 90 days unless configured. The events stay, emptied of
 * their text, so attendance, counts and the day summaries keep adding up.
 */
@ApplicationScoped
public class RoomRetention {

    private static final Logger LOG = Logger.getLogger(RoomRetention.class);

    @Inject
    EntityManager em;

    @Inject
    RoomLog log;

    @Inject
    LogDurability durability;

    @Inject
    Clock clock;

    @Inject
    RoomUpkeep rooms;

    @ConfigProperty(name = "mutuality.live.retention", defaultValue = "P90D")
    Duration retention;

    /** The retention sweep's name among the jobs that run on one node at a time. */
    static final String JOB = "room-retention";

    @Inject
    io.mutuality.cluster.ClusterOnce clusterOnce;

    @Scheduled(
            every = "${mutuality.live.retention-sweep:6h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        clusterOnce.run(JOB, () -> purgeDue(clock.instant()));
    }

    /**
     * Purges every room whose time is up at {@code now}; returns how many this call purged. Each
     * room is claimed by marking it purged in the same transaction that purges it, only if no one
     * has marked it yet: a sweep that overlaps another (on another node) waits for that room's row
     * and then finds it taken, so every room is purged once.
     */
    public int purgeDue(Instant now) {
        Instant cutoff = now.minus(retention);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> due(cutoff));
        int purged = 0;
        for (UUID roomId : due) {
            boolean ours = QuarkusTransaction.requiringNew().call(() -> {
                int claimed = em.createNativeQuery("update room set purged_at = ?1 where id = ?2 and purged_at is null")
                        .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .setParameter(2, roomId)
                        .executeUpdate();
                if (claimed == 0) {
                    return false;
                }
                int events = log.purgeParticipantText(roomId);
                LOG.infof(
                        "Room %s: what participants wrote was purged under the retention rule (%d events)",
                        roomId, events);
                return true;
            });
            if (ours) {
                purged++;
                rooms.scrubbed(roomId);
            }
        }
        if (purged > 0) {
            durability.erasedSomething();
        }
        return purged;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> due(Instant cutoff) {
        LocalDate lastDayBefore = cutoff.atZone(ZoneOffset.UTC).toLocalDate();
        List<Object> rows = em.createNativeQuery("select r.id from room r where r.purged_at is null and ("
                        + "(r.cohort_id is null and r.closes_at < ?1) or (r.cohort_id is not null and "
                        + "(select max(d.day_date) from training_day d where d.cohort_id = r.cohort_id) < ?2))")
                .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                .setParameter(2, lastDayBefore)
                .getResultList();
        return rows.stream().map(RoomLog::uuid).toList();
    }
}
