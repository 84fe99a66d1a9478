package io.mutuality.live;

import io.mutuality.common.ProblemException;
import io.mutuality.common.Secrets;
import io.mutuality.identity.Caller;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
import io.mutuality.scheduling.SchedulingService.DaySlot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Opens the live room of a training day. */
@ApplicationScoped
public class RoomService {

    @Inject
    SchedulingService scheduling;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<PracticeRoomClosed> closedRooms;

    record Opened(Room room, DaySlot day, boolean isNew) {}

    /** A practice room was closed by a facilitator ({@code by}): once committed, its day ends for everyone in it. */
    record PracticeRoomClosed(UUID roomId, UUID by) {}

    /** How long a practice room stays open. */
    static final java.time.Duration PRACTICE_LENGTH = java.time.Duration.ofHours(8);

    /** Opens a practice room for the organisation; any of its trainers or admins may. */
    @Transactional
    public Room openPractice(OrganisationId organisation, String title) {
        var account = caller.requireAccount();
        if (!caller.canSee(organisation.value())) {
            throw ProblemException.notFound("organisation");
        }
        Instant now = clock.instant();
        Room room = Room.practice(
                freshCode(), organisation.value(), title.strip(), account.value(), now, now.plus(PRACTICE_LENGTH));
        room.persist();
        return room;
    }

    /** The organisation's practice rooms that are still open, newest first. */
    public java.util.List<Room> openPracticeRooms(OrganisationId organisation) {
        Instant now = clock.instant();
        return Room.<Room>list("organisationId = ?1 and cohortId is null order by openedAt desc", organisation.value())
                .stream()
                .filter(r -> r.isOpen(now))
                .toList();
    }

    /**
     * Closes one of the organisation's open practice rooms now, as if its time had run out: it
     * leaves the open list and nobody more can join it. Any member of the organisation may, as any
     * member may facilitate it.
     */
    @Transactional
    public void closePractice(OrganisationId organisation, String code) {
        Instant now = clock.instant();
        Room room = RoomCode.parse(code)
                .flatMap(c -> Room.openWithCode(c, now))
                .filter(r -> r.isPractice() && r.organisationId.equals(organisation.value()))
                .orElseThrow(() -> ProblemException.notFound("open practice room with that code"));
        room.closesAt = now;
        closedRooms.fire(new PracticeRoomClosed(room.id, caller.requireAccount().value()));
    }

    /** What a room is called: its cohort's title for a training day, its own for a practice room. */
    public String title(Room room) {
        if (room.isPractice()) {
            return room.title;
        }
        return scheduling
                .cohort(new OrganisationId(room.organisationId), new CohortId(room.cohortId))
                .map(c -> c.getTitle())
                .orElse("");
    }

    private RoomCode freshCode() {
        RoomCode code;
        do {
            code = RoomCode.random(Secrets.random());
        } while (Room.count("code", code.value()) > 0);
        return code;
    }

    /**
     * Who facilitates a training day: the organisation's admins, and the trainers booked on its
     * cohort who are still members of the organisation (membership is where rights come from; a
     * booking alone, left behind by someone who has gone, grants nothing).
     */
    public static boolean facilitates(Caller caller, DaySlot day) {
        return caller.administers(day.organisationId())
                || caller.roleIn(day.organisationId()).isPresent()
                        && caller.account()
                                .map(a -> day.trainerIds().contains(a.value()))
                                .orElse(false);
    }

    /** The training day, if the caller facilitates it; otherwise 404 (no such day) or 403. */
    DaySlot facilitatedDay(OrganisationId organisation, CohortId cohort, int dayNumber) {
        DaySlot day = scheduling
                .day(organisation, cohort, dayNumber)
                .orElseThrow(() -> ProblemException.notFound("training day " + dayNumber + " in this cohort"));
        caller.requireAccount();
        if (!facilitates(caller, day)) {
            throw ProblemException.forbidden(io.mutuality.identity.TenantGuard.NOT_ON_COHORT);
        }
        return day;
    }

    /** The day's room, if it has been opened; for those who facilitate the day. */
    @Transactional
    public Optional<Opened> find(OrganisationId organisation, CohortId cohort, int dayNumber) {
        DaySlot day = facilitatedDay(organisation, cohort, dayNumber);
        return Room.forDay(day.cohortId(), dayNumber).map(room -> new Opened(room, day, false));
    }

    /**
     * Opens the room for a day, or gives back the one already open: a trainer booked on the
     * cohort or an admin of its organisation may do it, from the day before the day (earlier only
     * when asked to, {@code early}), never for a draft cohort. The room closes when the day ends.
     */
    @Transactional
    public Opened open(OrganisationId organisation, CohortId cohort, int dayNumber, boolean early) {
        DaySlot day = facilitatedDay(organisation, cohort, dayNumber);
        var account = caller.requireAccount();
        Optional<Room> existing = Room.forDay(day.cohortId(), dayNumber);
        if (existing.isPresent()) {
            return new Opened(existing.get(), day, false);
        }
        Instant now = clock.instant();
        if (!now.isBefore(day.endsAt())) {
            throw ProblemException.rule("dayNumber", "Day " + dayNumber + " has already ended.");
        }
        if (day.draft()) {
            throw ProblemException.conflict(
                    "This cohort is still a draft: open it for registration first, then its rooms.");
        }
        if (!early && now.isBefore(day.startsAt().minus(java.time.Duration.ofDays(1)))) {
            String message = "Day " + dayNumber + " is on "
                    + day.startsAt().atZone(java.time.ZoneOffset.UTC).toLocalDate()
                    + ". Its room opens from the day before; open it now only to get ready (early=true).";
            throw new ProblemException(
                    io.mutuality.common.ProblemType.CONFLICT,
                    message,
                    List.of(new io.mutuality.common.Problem.FieldError("early", message)));
        }
        RoomCode code = freshCode();
        Room room =
                Room.open(code, day.organisationId(), day.cohortId(), dayNumber, account.value(), now, day.endsAt());
        room.persist();
        return new Opened(room, day, true);
    }
}
