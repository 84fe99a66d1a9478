package io.mutuality.scheduling;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;
import io.mutuality.common.ProblemException;
import io.mutuality.identity.AccountId;
import io.mutuality.identity.PlatformSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * iCalendar feeds a calendar app can subscribe to: one per cohort (its training days) and one
 * per trainer (every day they are booked on, in any organisation). Calendar apps cannot sign in,
 * so a feed's address carries a signed key; nothing is stored for it. Times are written as UTC
 * instants worked out in each cohort's own time zone, so they are right on both sides of a
 * daylight saving change wherever the reader is.
 */
@ApplicationScoped
public class CalendarFeeds {

    static final String COHORT = "c";
    static final String TRAINER = "t";

    @Inject
    PlatformSecrets secrets;

    @Inject
    SchedulingService scheduling;

    @Inject
    io.mutuality.identity.IdentityService identity;

    /** The feed name for a cohort or a trainer: kind, id and signature. */
    public String feedName(String kind, UUID id) {
        return kind + "-" + id + "-" + sign(kind + "|" + id);
    }

    private String sign(String text) {
        return secrets.sign("calendar-feeds", text).substring(0, 32);
    }

    /** The calendar a feed name stands for; not found for anything forged or unknown. */
    @Transactional
    public String feed(String name) {
        String[] parts = name == null ? new String[0] : name.split("-", 2);
        if (parts.length != 2 || parts[1].length() < 38) {
            throw ProblemException.notFound("calendar");
        }
        String kind = parts[0];
        String idText = parts[1].substring(0, 36);
        String signature = parts[1].length() > 37 ? parts[1].substring(37) : "";
        UUID id;
        try {
            id = UUID.fromString(idText);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("calendar");
        }
        if (!MessageDigest.isEqual(
                sign(kind + "|" + id).getBytes(StandardCharsets.UTF_8), signature.getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.notFound("calendar");
        }
        return switch (kind) {
            case COHORT -> cohortCalendar(id);
            case TRAINER -> trainerCalendar(new AccountId(id));
            default -> throw ProblemException.notFound("calendar");
        };
    }

    private String cohortCalendar(UUID cohortId) {
        Cohort cohort =
                Cohort.<Cohort>findByIdOptional(cohortId).orElseThrow(() -> ProblemException.notFound("calendar"));
        ICalendar calendar = calendar(cohort.getTitle());
        events(cohort, organisationName(cohort)).forEach(calendar::addEvent);
        return Biweekly.write(calendar).go();
    }

    /** A trainer's cohorts, in the organisations they are still a member of: leaving one ends its days in the feed. */
    private String trainerCalendar(AccountId trainer) {
        java.util.Set<UUID> memberOf = identity.organisationsOf(trainer);
        List<Cohort> cohorts = Cohort.<Cohort>list(
                        "select distinct c from Cohort c join c.trainers t where t.accountId = ?1", trainer.value())
                .stream()
                .filter(c -> memberOf.contains(c.getOrganisationId()))
                .toList();
        ICalendar calendar = calendar("My training days");
        for (Cohort cohort : cohorts) {
            events(cohort, organisationName(cohort)).forEach(calendar::addEvent);
        }
        return Biweekly.write(calendar).go();
    }

    private static ICalendar calendar(String name) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Mutuality//Training days//EN");
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        return calendar;
    }

    private String organisationName(Cohort cohort) {
        return scheduling
                .organisation(new OrganisationId(cohort.getOrganisationId()))
                .map(Organisation::getName)
                .orElse("");
    }

    private static List<VEvent> events(Cohort cohort, String organisation) {
        List<VEvent> events = new ArrayList<>();
        int total = cohort.getDays().size();
        for (TrainingDay day : cohort.getDays()) {
            VEvent event = new VEvent();
            event.setUid(cohort.getId() + "-day-" + day.getDayNumber() + "@mutuality");
            event.setSummary(cohort.getTitle() + ": day " + day.getDayNumber() + " of " + total);
            event.setDateStart(Date.from(day.startsAt(cohort.zone())), true);
            event.setDateEnd(Date.from(day.endsAt(cohort.zone())), true);
            Optional.ofNullable(cohort.getVenue())
                    .ifPresentOrElse(
                            venue -> event.setLocation(
                                    venue.getName() + (venue.getAddress() == null ? "" : ", " + venue.getAddress())),
                            () -> event.setLocation("Online"));
            event.setDescription(organisation + ". Times as planned in " + cohort.getTimeZone() + "."
                    + (cohort.getOnlineLink() != null ? " Joining online: " + cohort.getOnlineLink() : ""));
            if (cohort.getStatus() == CohortStatus.CANCELLED) {
                event.setStatus(Status.cancelled());
            } else {
                event.setStatus(Status.confirmed());
            }
            events.add(event);
        }
        return events;
    }
}
