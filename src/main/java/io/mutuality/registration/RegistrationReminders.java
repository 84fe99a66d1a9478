package io.mutuality.registration;

import io.mutuality.scheduling.Cohort;
import io.mutuality.scheduling.CohortStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Reminders to people with a seat: one a few days before the first training day, and a note
 * after the last. Each is claimed by inserting a row whose key is (registration, kind) before it
 * is sent, so a job that runs twice, or on two nodes at once, sends it once.
 */
@ApplicationScoped
public class RegistrationReminders {

    private static final Logger LOG = Logger.getLogger(RegistrationReminders.class);
    static final int DAYS_BEFORE = 3;
    static final int DAYS_AFTER = 7;

    @Inject
    EntityManager em;

    @Inject
    RegistrationMails mails;

    @Inject
    RegistrationLinks links;

    @Inject
    Clock clock;

    /** The reminder sweep's name among the jobs that run on one node at a time. */
    static final String JOB = "registration-reminders";

    @Inject
    io.mutuality.cluster.ClusterOnce clusterOnce;

    @Scheduled(
            every = "${mutuality.registration.reminder-sweep:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        clusterOnce.run(JOB, () -> send(clock.instant()));
    }

    /** Sends every reminder due at {@code now} that has not been sent; returns how many it sent. */
    public int send(Instant now) {
        List<Due> due = QuarkusTransaction.requiringNew().call(() -> due(now));
        int sent = 0;
        for (Due item : due) {
            for (Registration registration : item.seated()) {
                if (claim(registration.id, item.kind(), now)) {
                    sent++;
                    try {
                        if (item.kind().equals("before")) {
                            mails.reminder(
                                    registration.email,
                                    registration.name,
                                    item.title(),
                                    item.firstDay(),
                                    item.zone(),
                                    links.link(registration.id));
                        } else {
                            mails.afterwards(registration.email, registration.name, item.title());
                        }
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                e, "A %s reminder for registration %s could not be sent", item.kind(), registration.id);
                    }
                }
            }
        }
        return sent;
    }

    /** A cohort with a reminder due, and the people with a seat in it. */
    record Due(String kind, String title, LocalDate firstDay, java.time.ZoneId zone, List<Registration> seated) {}

    private List<Due> due(Instant now) {
        List<Due> due = new java.util.ArrayList<>();
        for (Cohort cohort : Cohort.<Cohort>list(
                "status in ?1",
                List.of(
                        CohortStatus.OPEN,
                        CohortStatus.FULL,
                        CohortStatus.CLOSED,
                        CohortStatus.RUNNING,
                        CohortStatus.COMPLETED))) {
            LocalDate today = now.atZone(cohort.zone()).toLocalDate();
            LocalDate first = cohort.firstDay();
            LocalDate last = cohort.getDays().isEmpty()
                    ? first
                    : cohort.getDays().get(cohort.getDays().size() - 1).getDate();
            String kind = null;
            if (!today.isBefore(first.minusDays(DAYS_BEFORE)) && today.isBefore(first)) {
                kind = "before";
            } else if (today.isAfter(last) && !today.isAfter(last.plusDays(DAYS_AFTER))) {
                kind = "after";
            }
            if (kind != null) {
                due.add(new Due(
                        kind,
                        cohort.getTitle(),
                        first,
                        cohort.zone(),
                        Registration.<Registration>list(
                                "cohortId = ?1 and status = ?2", cohort.getId(), RegistrationStatus.CONFIRMED)));
            }
        }
        return due;
    }

    /** Claims a reminder: true for exactly one caller, however many try at once. */
    private boolean claim(UUID registrationId, String kind, Instant now) {
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> em.createNativeQuery(
                                    "insert into registration_reminder (registration_id, kind, sent_at) values (?1, ?2, ?3)")
                            .setParameter(1, registrationId)
                            .setParameter(2, kind)
                            .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                            .executeUpdate());
            return true;
        } catch (RuntimeException alreadyClaimed) {
            return false;
        }
    }
}
