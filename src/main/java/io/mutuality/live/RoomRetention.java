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
    LiveRooms rooms;

    @ConfigProperty(name = "mutuality.live.retention", defaultValue = "P90D")
    Duration retention;

    @Scheduled(every = "${mutuality.live.retention-sweep:6h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        purgeDue(clock.instant());
    }

    /** Purges every room whose time is up at {@code now}; returns how many. */
    public int purgeDue(Instant now) {
        Instant cutoff = now.minus(retention);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> due(cutoff));
        for (UUID roomId : due) {
            QuarkusTransaction.requiringNew().run(() -> {
                int events = log.purgeParticipantText(roomId);
                em.createNativeQuery("update room set purged_at = ?1 where id = ?2")
                        .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, roomId)
                        .executeUpdate();
                LOG.infof("Room %s: what participants wrote was purged under the retention rule (%d events)", roomId, events);
            });
            rooms.refold(roomId);
        }
        if (!due.isEmpty()) {
            durability.erasedSomething();
        }
        return due.size();
    }

    @SuppressWarnings("unchecked")
    private List<UUID> due(Instant cutoff) {
        LocalDate lastDayBefore = cutoff.atZone(ZoneOffset.UTC).toLocalDate();
        List<Object> rows = em.createNativeQuery("select r.id from room r where r.purged_at is null and ("
                        + "(r.cohort_id is null and r.closes_at < ?1) or (r.cohort_id is not null and "
                        + "(select max(d.day_date) from training_day d where d.cohort_id = r.cohort_id) < ?2))")
                .setParameter(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)).setParameter(2, lastDayBefore)
                .getResultList();
        return rows.stream().map(RoomLog::uuid).toList();
    }
}
