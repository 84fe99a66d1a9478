package io.mutuality.registration;

import io.mutuality.identity.OrganisationRole;
import io.mutuality.identity.Role;
import io.mutuality.identity.Roles;
import io.mutuality.registration.CompletionService.RuleRequest;
import io.mutuality.registration.CompletionService.RuleView;
import io.mutuality.registration.CompletionService.Verification;
import io.mutuality.scheduling.OrganisationId;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An organisation's completion rules and certificates. */
@Path("/organisations/{organisationId}/completion")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Completion")
public class CertificateResource {

    public record RevokeRequest(@NotBlank @Size(max = 300) String reason) {}

    @Inject
    CompletionService completions;

    @GET
    @Path("/rules/{courseId}")
    @Operation(summary = "The organisation's completion rule for a course (the standard one until it sets its own)")
    public RuleView rule(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("courseId") String courseId) {
        return completions.ruleView(organisation, courseId);
    }

    @PUT
    @Path("/rules/{courseId}")
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary =
                    "Set the completion rule: must-attend days, minutes that may be missed, make up or repeat otherwise")
    public RuleView setRule(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("courseId") String courseId,
            @NotNull @Valid RuleRequest request) {
        return completions.setRule(organisation, courseId, request);
    }

    @GET
    @Path("/certificates/{code}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "A certificate as PDF")
    public RestResponse<byte[]> pdf(
            @PathParam("organisationId") OrganisationId organisation, @PathParam("code") String code) {
        return RestResponse.ResponseBuilder.ok(completions.pdf(organisation, code), "application/pdf")
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"certificate-" + code.replaceAll("[^A-Za-z0-9-]", "") + ".pdf\"")
                .build();
    }

    @POST
    @Path("/certificates/{code}/revoke")
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Revoke a certificate, with the reason; its code then no longer verifies")
    public Verification revoke(
            @PathParam("organisationId") OrganisationId organisation,
            @PathParam("code") String code,
            @NotNull @Valid RevokeRequest request) {
        return completions.revoke(organisation, code, request.reason());
    }
}
