package io.mutuality.live;

import io.mutuality.identity.Roles;
import io.mutuality.live.LiveApi.RoomView;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Opening a training day's live room. */
@Path("/organisations/{organisationId}/cohorts/{cohortId}/days/{dayNumber}/room")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms")
public class RoomResource {

    @Inject
    RoomService rooms;

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(summary = "Open the live room of a training day (or get the one already open)")
    public RestResponse<RoomView> open(@PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort, @PathParam("dayNumber") int dayNumber) {
        RoomService.Opened opened = rooms.open(organisation, cohort, dayNumber);
        Room room = opened.room();
        RoomView view = new RoomView(room.code, room.cohortId, opened.day().cohortTitle(), room.dayNumber, room.closesAt,
                "/join/" + room.code);
        return opened.isNew()
                ? RestResponse.ResponseBuilder.<RoomView>created(URI.create("/join/" + room.code)).entity(view).build()
                : RestResponse.ok(view);
    }
}
