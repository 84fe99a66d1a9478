package io.mutuality.live;

import io.mutuality.identity.Roles;
import io.mutuality.live.LiveApi.DayRoomStatus;
import io.mutuality.scheduling.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where the organisation's training-day rooms stand, for the Facilitate list and the cohort page. */
@Path("/organisations/{organisationId}/day-rooms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Rooms")
public class DayRoomsResource {

    @Inject
    RoomRuntimes runtimes;

    @Inject
    Clock clock;

    @GET
    @Transactional
    @Operation(
            summary = "Day rooms that are open or ended: live (with how many participants are in each now) or ended",
            description = "Without cohortId: the rooms open now or closed in the last two days. With it: every room of "
                    + "that cohort. A day whose room was never opened is not listed.")
    public List<DayRoomStatus> dayRooms(
            @PathParam("organisationId") OrganisationId organisation, @QueryParam("cohortId") UUID cohortId) {
        Instant now = clock.instant();
        List<DayRoomStatus> statuses = new ArrayList<>();
        for (Room room : Room.dayRooms(organisation.value(), cohortId, now.minus(Duration.ofDays(2)))) {
            boolean live = false;
            int here = 0;
            if (room.isOpen(now)) {
                RoomRuntime runtime = runtimes.runtime(room);
                runtime.lock.lock(); // the room's copy changes under its lock
                try {
                    live = !runtime.state.ended();
                    here = live ? runtime.state.participantsHere() : 0;
                } finally {
                    runtime.lock.unlock();
                }
            }
            statuses.add(new DayRoomStatus(
                    room.cohortId, room.dayNumber, room.code, live ? "live" : "ended", here, room.closesAt));
        }
        return statuses;
    }
}
