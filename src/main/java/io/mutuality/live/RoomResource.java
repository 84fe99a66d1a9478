package io.mutuality.live;

import io.mutuality.identity.Caller;
import io.mutuality.identity.Roles;
import io.mutuality.live.LiveApi.Export;
import io.mutuality.live.LiveApi.JoinRequest;
import io.mutuality.live.LiveApi.JoinView;
import io.mutuality.live.LiveApi.RoomView;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Opening a day's room, joining it with a code, and a participant's own data. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms")
public class RoomResource {

    @Inject
    RoomService rooms;

    @Inject
    ParticipantService participants;

    @Inject
    Caller caller;

    @POST
    @Path("/organisations/{organisationId}/cohorts/{cohortId}/days/{dayNumber}/room")
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

    @POST
    @Path("/rooms/{code}/participants")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join a room with its code and a display name; no account needed")
    public RestResponse<JoinView> join(@PathParam("code") String code, @NotNull @Valid JoinRequest request,
            HttpServerRequest http) {
        return RestResponse.status(RestResponse.Status.CREATED,
                participants.join(code, request, http.remoteAddress().hostAddress()));
    }

    @GET
    @Path("/participant/export")
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(summary = "Everything the participant wrote, as JSON")
    public RestResponse<Export> export() {
        return RestResponse.ResponseBuilder.ok(participants.export(caller.participant().orElseThrow()))
                .header("Content-Disposition", "attachment; filename=\"mutuality-my-contributions.json\"")
                .build();
    }

    @DELETE
    @Path("/participant")
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(summary = "Erase the participant's name, email and everything they wrote")
    public RestResponse<Void> erase() {
        participants.erase(caller.participant().orElseThrow());
        return RestResponse.noContent();
    }
}
