package io.mutuality.scheduling;

import io.mutuality.identity.AccountId;
import io.mutuality.identity.Caller;
import io.mutuality.identity.OrganisationRole;
import io.mutuality.identity.Role;
import io.mutuality.identity.Roles;
import io.mutuality.scheduling.SchedulingApi.QualificationRequest;
import io.mutuality.scheduling.SchedulingApi.QualificationView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** A member's trainer qualifications, as their organisation sees and records them. */
@Path("/organisations/{organisationId}/members/{accountId}/qualifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Cohorts")
public class QualificationResource {

    @Inject
    SchedulingService scheduling;

    @Inject
    Caller caller;

    @GET
    @Transactional
    @Operation(summary = "What this trainer has completed (Core, Train-the-Trainer), with the evidence")
    public List<QualificationView> list(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("accountId") UUID accountId) {
        return scheduling.memberQualifications(organisation, new AccountId(accountId)).stream()
                .map(QualificationResource::view)
                .toList();
    }

    @POST
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a qualification with its evidence (for example a certificate code)")
    public RestResponse<QualificationView> record(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("accountId") UUID accountId,
            @NotNull @Valid QualificationRequest request) {
        TrainerQualification q = scheduling.recordQualification(
                organisation,
                new AccountId(accountId),
                request.kind(),
                request.evidence(),
                caller.account().orElseThrow());
        return RestResponse.status(RestResponse.Status.CREATED, view(q));
    }

    private static QualificationView view(TrainerQualification q) {
        return new QualificationView(
                q.getKind(),
                q.getEvidence(),
                q.getSource().name().toLowerCase(java.util.Locale.ROOT),
                q.getRecordedAt());
    }
}
