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
import java.util.Optional;

/** Opens the live room of a training day. */
@ApplicationScoped
public class RoomService {

    @Inject
    SchedulingService scheduling;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    record Opened(Room room, DaySlot day, boolean isNew) {
    }

    /**
     * Opens the room for a day, or gives back the one already open: a trainer booked on the
     * cohort or an admin of its organisation may do it. The room closes when the day ends.
     */
    @Transactional
    public Opened open(OrganisationId organisation, CohortId cohort, int dayNumber) {
        DaySlot day = scheduling.day(organisation, cohort, dayNumber)
                .orElseThrow(() -> ProblemException.notFound("training day " + dayNumber + " in this cohort"));
        var account = caller.requireAccount();
        if (!day.trainerIds().contains(account.value()) && !caller.administers(organisation.value())) {
            throw ProblemException.forbidden("Only the cohort's trainers and the organisation's admins open its rooms.");
        }
        Optional<Room> existing = Room.forDay(day.cohortId(), dayNumber);
        if (existing.isPresent()) {
            return new Opened(existing.get(), day, false);
        }
        Instant now = clock.instant();
        if (!now.isBefore(day.endsAt())) {
            throw ProblemException.rule("dayNumber", "Day " + dayNumber + " has already ended.");
        }
        RoomCode code;
        do {
            code = RoomCode.random(Secrets.random());
        } while (Room.count("code", code.value()) > 0);
        Room room = Room.open(code, day.organisationId(), day.cohortId(), dayNumber, account.value(), now, day.endsAt());
        room.persist();
        return new Opened(room, day, true);
    }
}
