package io.mutuality.registration;

import io.mutuality.identity.Caller;
import io.mutuality.identity.OrganisationRole;
import io.mutuality.identity.Role;
import io.mutuality.identity.Roles;
import io.mutuality.registration.CompletionService.Grid;
import io.mutuality.registration.CompletionService.MarkRequest;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A cohort's attendance grid, completion by the organisation's rule, and issuing certificates. */
@Path("/organisations/{organisationId}/cohorts/{cohortId}/completion")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Completion")
public class CompletionResource {

    @Inject
    CompletionService completions;

    @Inject
    Caller caller;

    @GET
    @Operation(
            summary = "Attendance per person and day (from the live room or a trainer's mark), and where each stands")
    public Grid grid(@PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId cohort) {
        return completions.grid(organisation, cohort);
    }

    @PUT
    @Path("/{registrationId}/days/{dayNumber}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record how much of a day someone missed (a trainer's mark wins over the live room)")
    public Grid mark(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @PathParam("registrationId") UUID registrationId,
            @PathParam("dayNumber") int dayNumber,
            @NotNull @Valid MarkRequest request) {
        return completions.mark(
                organisation,
                cohort,
                registrationId,
                dayNumber,
                request,
                caller.account().orElseThrow());
    }

    @POST
    @Path("/certificates")
    @OrganisationRole(Role.ORG_ADMIN)
    @Operation(summary = "Issue a certificate to everyone who completed and has none yet")
    public Grid issue(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId cohort) {
        return completions.issue(organisation, cohort);
    }
}
