package io.mutuality.registration;

import io.mutuality.identity.OrganisationRole;
import io.mutuality.identity.Role;
import io.mutuality.identity.Roles;
import io.mutuality.registration.InterestService.Demand;
import io.mutuality.registration.InterestService.InviteRequest;
import io.mutuality.registration.InterestService.Invited;
import io.mutuality.scheduling.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The demand for courses by place, and inviting the people who asked once a cohort opens there. */
@Path("/organisations/{organisationId}/interest")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Registration")
public class InterestResource {

    @Inject
    InterestService interest;

    @GET
    @Operation(summary = "How many people asked for each course in each place")
    public List<Demand> demand(@PathParam("organisationId") OrganisationId organisation) {
        return interest.demand(organisation);
    }

    @POST
    @Path("/invite")
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Email everyone who asked for this course in this place the cohort's registration link")
    public Invited invite(
            @PathParam("organisationId") OrganisationId organisation, @NotNull @Valid InviteRequest request) {
        return interest.invite(organisation, request);
    }
}
