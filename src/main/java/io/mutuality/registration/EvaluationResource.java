package io.mutuality.registration;

import io.mutuality.identity.Roles;
import io.mutuality.registration.RegistrationApi.EvaluationsView;
import io.mutuality.scheduling.CohortId;
import io.mutuality.scheduling.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The anonymous answers to a cohort's end-of-course evaluation, for its trainers and the organisation's admins. */
@Path("/organisations/{organisationId}/cohorts/{cohortId}/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Registration")
public class EvaluationResource {

    @Inject
    RegistrationViews registrations;

    @GET
    @Operation(
            summary =
                    "The cohort's end-of-course evaluation: how many were asked and answered, and the words only, "
                            + "with no names, no order of arrival and no scores (held back while fewer than three have answered)")
    public EvaluationsView evaluations(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("cohortId") CohortId cohort) {
        return registrations.evaluations(organisation, cohort);
    }
}
