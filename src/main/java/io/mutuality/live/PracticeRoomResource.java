package io.mutuality.live;

import io.mutuality.identity.Roles;
import io.mutuality.live.LiveApi.PracticeRoomRequest;
import io.mutuality.live.LiveApi.RoomView;
import io.mutuality.scheduling.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Ad-hoc practice rooms: a live room outside a scheduled day, for any of the organisation's trainers. */
@Path("/organisations/{organisationId}/practice-rooms")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Rooms")
public class PracticeRoomResource {

    @Inject
    RoomService rooms;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a practice room (open for eight hours)")
    public RestResponse<RoomView> open(
            @PathParam("organisationId") OrganisationId organisation,
            @NotNull @Valid PracticeRoomRequest request,
            @jakarta.ws.rs.core.Context jakarta.ws.rs.core.UriInfo uri) {
        Room room = rooms.openPractice(organisation, request.title());
        return RestResponse.ResponseBuilder.<RoomView>created(
                        uri.getAbsolutePathBuilder().path(room.code).build())
                .entity(view(room))
                .build();
    }

    @GET
    @jakarta.ws.rs.Path("/{code}")
    @Operation(summary = "One of the organisation's open practice rooms, by its code")
    public RoomView room(@PathParam("organisationId") OrganisationId organisation, @PathParam("code") String code) {
        return rooms.openPracticeRooms(organisation).stream()
                .filter(r -> r.code.equalsIgnoreCase(code))
                .findFirst()
                .map(PracticeRoomResource::view)
                .orElseThrow(() -> io.mutuality.common.ProblemException.notFound("open practice room with that code"));
    }

    @DELETE
    @jakarta.ws.rs.Path("/{code}")
    @Operation(summary = "Close an open practice room now: it leaves the list and nobody more can join it")
    public RestResponse<Void> close(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("code") String code) {
        rooms.closePractice(organisation, code);
        return RestResponse.noContent();
    }

    @GET
    @Operation(summary = "The organisation's open practice rooms")
    public List<RoomView> open(@PathParam("organisationId") OrganisationId organisation) {
        return rooms.openPracticeRooms(organisation).stream()
                .map(PracticeRoomResource::view)
                .toList();
    }

    private static RoomView view(Room room) {
        return new RoomView(room.code, null, room.title, null, room.closesAt, "/join/" + room.code);
    }
}
