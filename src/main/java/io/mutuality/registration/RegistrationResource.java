package io.mutuality.registration;

import io.mutuality.identity.OrganisationRole;
import io.mutuality.identity.Role;
import io.mutuality.identity.Roles;
import io.mutuality.registration.RegistrationApi.RegisterRequest;
import io.mutuality.registration.RegistrationApi.Registered;
import io.mutuality.registration.RegistrationApi.Roster;
import io.mutuality.registration.RegistrationApi.SeatingRequest;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import io.mutuality.scheduling.SchedulingService;
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
import org.jboss.resteasy.reactive.RestResponse;

/** A cohort's registrations as its organisation manages them: roster, waitlist, seat pools, opening. */
@Path("/organisations/{organisationId}/cohorts/{cohortId}/registrations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Registration")
public class RegistrationResource {

    @Inject
    RegistrationService registrations;

    @Inject
    RosterService rosters;

    @Inject
    SchedulingService scheduling;

    @GET
    @Operation(summary = "The roster: seats by pool, who holds one, offers, the waitlist in order, ended registrations")
    public Roster roster(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId cohort) {
        return rosters.roster(organisation, cohort);
    }

    @POST
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register someone on their behalf, in any pool")
    public RestResponse<Registered> add(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @NotNull @Valid RegisterRequest request) {
        return RestResponse.status(RestResponse.Status.CREATED, registrations.add(organisation, cohort, request));
    }

    @POST
    @Path("/{registrationId}/cancel")
    @OrganisationRole(Role.ORG_ADMIN)
    @Operation(summary = "Cancel someone's registration; a seat they held goes to the next person waiting")
    public Roster cancel(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @PathParam("registrationId") UUID registrationId) {
        registrations.cancel(organisation, cohort, registrationId);
        return rosters.roster(organisation, cohort);
    }

    @PUT
    @Path("/seating")
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Split the seats into pools and set how long an offered seat is held")
    public Roster arrange(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @NotNull @Valid SeatingRequest request) {
        return rosters.arrange(organisation, cohort, request);
    }

    @POST
    @Path("/open")
    @OrganisationRole(Role.ORG_ADMIN)
    @Operation(summary = "Open registration (the cohort needs a lead trainer)")
    public Roster open(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId cohort) {
        scheduling.openRegistration(organisation, cohort);
        return rosters.roster(organisation, cohort);
    }

    @POST
    @Path("/import")
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import people from CSV; with dryRun, only show what would change and every bad line")
    public RegistrationApi.ImportReport importCsv(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId cohort,
            @NotNull @Valid RegistrationApi.ImportRequest request) {
        return rosters.importCsv(organisation, cohort, request.csv(), !Boolean.FALSE.equals(request.dryRun()));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @Operation(summary = "The roster as CSV")
    public RestResponse<String> export(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId cohort) {
        return RestResponse.ResponseBuilder.ok(rosters.rosterCsv(organisation, cohort), "text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"roster.csv\"")
                .build();
    }
}
