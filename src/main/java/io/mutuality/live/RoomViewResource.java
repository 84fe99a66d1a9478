package io.mutuality.live;

import io.mutuality.common.ProblemException;
import io.mutuality.identity.Caller;
import io.mutuality.identity.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The projector's view of a room: a facilitator opens it, and it sees only what everyone in the room sees. */
@Path("/rooms/{code}/view")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rooms")
public class RoomViewResource {

    /** What the projector's page says hello with: a token for this room's everyone-only view. */
    public record ViewToken(String token, String code, java.time.Instant expiresAt) {}

    @Inject
    RoomAdmission admission;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.STAFF)
    @Operation(
            summary = "A token for the projector's view of a room (its facilitators only)",
            description = "The view's hello carries the token; the room then sends it only events everyone may see, "
                    + "never counts it as present, and takes no command from it.")
    public ViewToken view(@PathParam("code") String code) {
        Room room = admission.room(code).orElseThrow(() -> ProblemException.notFound("room " + code));
        if (admission.actor(room, identity, null).filter(a -> a.facilitator()).isEmpty()) {
            if (Caller.of(identity).canSee(room.organisationId)) {
                throw ProblemException.forbidden("Only the room's facilitators can open its projector view.");
            }
            throw ProblemException.notFound("room " + code);
        }
        RoomAdmission.Issued issued = admission.viewToken(room, Caller.of(identity));
        return new ViewToken(issued.token(), room.code, issued.expiresAt());
    }
}
