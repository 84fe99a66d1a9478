package io.mutuality.scheduling;

import io.mutuality.identity.OrganisationRole;
import io.mutuality.identity.Role;
import io.mutuality.identity.Roles;
import io.mutuality.scheduling.SchedulingApi.CohortView;
import io.mutuality.scheduling.SchedulingApi.PlanCohortRequest;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/organisations/{organisationId}/cohorts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cohorts")
@RolesAllowed(Roles.STAFF)
public class CohortResource {

    @Inject
    SchedulingService scheduling;

    @Inject
    SchedulingMapper mapper;

    @GET
    @Operation(summary = "The organisation's cohorts, soonest first")
    public RestResponse<List<CohortView>> cohorts(@PathParam("organisationId") OrganisationId organisation) {
        if (scheduling.organisation(organisation).isEmpty()) {
            return RestResponse.notFound();
        }
        List<Cohort> cohorts = scheduling.cohorts(organisation);
        var names = scheduling.trainerNames(cohorts);
        return RestResponse.ok(
                cohorts.stream().map(c -> mapper.toView(c, names)).toList());
    }

    @GET
    @Path("/{cohortId}")
    @io.mutuality.identity.WholeOrganisation
    @Operation(summary = "One cohort")
    public RestResponse<CohortView> cohort(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId id) {
        return scheduling
                .cohort(organisation, id)
                .map(c -> mapper.toView(c, scheduling.trainerNames(List.of(c))))
                .map(RestResponse::ok)
                .orElseGet(RestResponse::notFound);
    }

    @GET
    @Path("/{cohortId}/curriculum")
    @io.mutuality.identity.WholeOrganisation
    @Operation(summary = "The curriculum the cohort runs, as pinned when it was planned")
    public io.mutuality.curriculum.CurriculumApi.ResolvedCourse curriculum(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId id) {
        return scheduling
                .curriculum(organisation, id)
                .orElseThrow(() -> io.mutuality.common.ProblemException.notFound("cohort"));
    }

    @POST
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Plan a new cohort (it starts as a draft)")
    public RestResponse<CohortView> plan(
            @PathParam("organisationId") OrganisationId organisation,
            @NotNull @Valid PlanCohortRequest request,
            @Context UriInfo uri) {
        Cohort cohort = scheduling.plan(organisation, mapper.toPlan(request));
        return RestResponse.ResponseBuilder.<CohortView>created(uri.getAbsolutePathBuilder()
                        .path(cohort.getId().toString())
                        .build())
                .entity(mapper.toView(cohort, scheduling.trainerNames(List.of(cohort))))
                .build();
    }

    @POST
    @Path("/{cohortId}/trainers")
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @jakarta.transaction.Transactional
    @Operation(summary = "Book a trainer (lead or co-trainer); refused for a clash or a missing qualification")
    public CohortView book(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId id,
            @NotNull @Valid SchedulingApi.BookTrainerRequest request) {
        Cohort cohort = scheduling.book(
                organisation,
                id,
                new io.mutuality.identity.AccountId(request.accountId()),
                Boolean.TRUE.equals(request.lead()));
        return mapper.toView(cohort, scheduling.trainerNames(List.of(cohort)));
    }

    @jakarta.ws.rs.DELETE
    @Path("/{cohortId}/trainers/{accountId}")
    @OrganisationRole(Role.ORG_ADMIN)
    @jakarta.transaction.Transactional
    @Operation(summary = "Take a trainer off the cohort")
    public CohortView unbook(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId id,
            @PathParam("accountId") java.util.UUID accountId) {
        Cohort cohort = scheduling.unbook(organisation, id, new io.mutuality.identity.AccountId(accountId));
        return mapper.toView(cohort, scheduling.trainerNames(List.of(cohort)));
    }

    @Inject
    CalendarResource calendars;

    @GET
    @Path("/{cohortId}/calendar")
    @io.mutuality.identity.WholeOrganisation
    @Operation(summary = "The address of the cohort's calendar feed, to share with its trainers and participants")
    public CalendarResource.FeedLink calendar(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId id) {
        scheduling.cohort(organisation, id).orElseThrow(() -> io.mutuality.common.ProblemException.notFound("cohort"));
        return calendars.cohortLink(id);
    }

    public record CancelRequest(
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 300)
            String reason) {}

    @POST
    @Path("/{cohortId}/close")
    @OrganisationRole(Role.ORG_ADMIN)
    @jakarta.transaction.Transactional
    @Operation(summary = "Close registration now (before the cut-off); people registered keep their places")
    public CohortView close(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId id) {
        Cohort cohort = scheduling.closeRegistration(organisation, id);
        return mapper.toView(cohort, scheduling.trainerNames(List.of(cohort)));
    }

    @POST
    @Path("/{cohortId}/cancel")
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @jakarta.transaction.Transactional
    @Operation(summary = "Cancel the cohort, with a reason everyone registered is told")
    public CohortView cancel(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId id,
            @NotNull @Valid CancelRequest request) {
        Cohort cohort = scheduling.cancel(organisation, id, request.reason());
        return mapper.toView(cohort, scheduling.trainerNames(List.of(cohort)));
    }

    @jakarta.ws.rs.PUT
    @Path("/{cohortId}/support-contact")
    @jakarta.transaction.Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Name who participants can reach during and between the days (the cohort's trainers and the "
                    + "organisation's admins)")
    public CohortView nameSupport(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId id,
            @NotNull @Valid SchedulingApi.SupportContactRequest request) {
        Cohort cohort = scheduling.nameSupport(
                organisation, id, request.name(), request.phone(), request.email(), request.note());
        return mapper.toView(cohort, scheduling.trainerNames(List.of(cohort)));
    }

    @jakarta.ws.rs.DELETE
    @Path("/{cohortId}/support-contact")
    @jakarta.transaction.Transactional
    @Operation(summary = "Stop naming a support contact on the cohort (404 when it names none)")
    public RestResponse<Void> clearSupport(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId id) {
        scheduling.clearSupport(organisation, id);
        return RestResponse.noContent();
    }

    @jakarta.ws.rs.PUT
    @Path("/{cohortId}/working-agreements")
    @jakarta.transaction.Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Keep the working agreements the group made, in order; the list replaces the one kept before "
                    + "(the cohort's trainers and the organisation's admins)")
    public SchedulingApi.WorkingAgreementsView agree(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId id,
            @NotNull @Valid SchedulingApi.WorkingAgreementsRequest request) {
        Cohort cohort = scheduling.agree(organisation, id, request.statements());
        return new SchedulingApi.WorkingAgreementsView(List.copyOf(cohort.getWorkingAgreements()));
    }

    @jakarta.ws.rs.PUT
    @Path("/{cohortId}/follow-up")
    @jakarta.transaction.Transactional
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Plan or move the co-reflection session after the course (one per cohort; the cohort's trainers "
                    + "and the organisation's admins)")
    public CohortView planFollowUp(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("cohortId") CohortId id,
            @NotNull @Valid SchedulingApi.FollowUpRequest request) {
        Cohort cohort = scheduling.planFollowUp(organisation, id, request);
        return mapper.toView(cohort, scheduling.trainerNames(List.of(cohort)));
    }

    @jakarta.ws.rs.DELETE
    @Path("/{cohortId}/follow-up")
    @jakarta.transaction.Transactional
    @Operation(summary = "Call off the co-reflection session after the course (404 when none is planned)")
    public RestResponse<Void> dropFollowUp(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId id) {
        scheduling.dropFollowUp(organisation, id);
        return RestResponse.noContent();
    }
}
