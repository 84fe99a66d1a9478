package io.mutuality.live;

import io.mutuality.identity.Caller;
import io.mutuality.identity.Roles;
import io.mutuality.live.LiveApi.Export;
import io.mutuality.live.LiveApi.JoinRequest;
import io.mutuality.live.LiveApi.JoinView;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Joining a room with its code, and a participant's own data: no account involved. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Participants")
public class ParticipantResource {

    @Inject
    ParticipantService participants;

    @Inject
    Caller caller;

    @POST
    @Path("/rooms/{code}/participants")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Join a room with its code and a display name; no account needed")
    public RestResponse<JoinView> join(
            @PathParam("code") String code, @NotNull @Valid JoinRequest request, HttpServerRequest http) {
        return RestResponse.status(
                RestResponse.Status.CREATED,
                participants.join(code, request, http.remoteAddress().hostAddress()));
    }

    @GET
    @Path("/participant/export")
    @RolesAllowed(Roles.PARTICIPANT)
    @Operation(summary = "Everything the participant wrote, as JSON")
    public RestResponse<Export> export() {
        return RestResponse.ResponseBuilder.ok(
                        participants.export(caller.participant().orElseThrow()))
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
