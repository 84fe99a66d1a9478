package io.mutuality.curriculum;

import io.mutuality.common.ProblemException;
import io.mutuality.curriculum.VariantApi.VariantRequest;
import io.mutuality.curriculum.VariantApi.VariantSummary;
import io.mutuality.curriculum.VariantApi.VariantView;
import io.mutuality.identity.OrganisationRole;
import io.mutuality.identity.Role;
import io.mutuality.identity.Roles;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** An organisation's own variants of the courses; the canonical course files are never changed. */
@Path("/curricula/organisations/{organisationId}/variants")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.STAFF)
@Tag(name = "Curriculum")
public class VariantResource {

    @Inject
    VariantService variants;

    @GET
    @Operation(summary = "The organisation's course variants")
    public List<VariantSummary> list(@PathParam("organisationId") UUID organisationId) {
        return variants.variants(organisationId).stream()
                .map(VariantResource::summary)
                .toList();
    }

    @POST
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Make a variant of a course (reorder, drop or add modules; own opening, scenarios, prompts)")
    public RestResponse<VariantView> create(
            @PathParam("organisationId") UUID organisationId,
            @NotNull @Valid VariantRequest request,
            @Context UriInfo uri) {
        CourseVariant variant = variants.create(organisationId, request);
        return RestResponse.ResponseBuilder.<VariantView>created(
                        uri.getAbsolutePathBuilder().path(variant.id.toString()).build())
                .entity(view(variant))
                .build();
    }

    @GET
    @Path("/{variantId}")
    @Operation(summary = "A variant, with its days as a cohort would run them")
    public VariantView get(@PathParam("organisationId") UUID organisationId, @PathParam("variantId") UUID variantId) {
        return variants.variant(organisationId, variantId)
                .map(this::view)
                .orElseThrow(() -> ProblemException.notFound("variant"));
    }

    @PUT
    @Path("/{variantId}")
    @OrganisationRole(Role.ORG_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a variant (a new revision; cohorts keep the revision they were planned with)")
    public VariantView update(
            @PathParam("organisationId") UUID organisationId,
            @PathParam("variantId") UUID variantId,
            @NotNull @Valid VariantRequest request) {
        return view(variants.update(organisationId, variantId, request));
    }

    private VariantView view(CourseVariant variant) {
        return new VariantView(summary(variant), variants.definition(variant), variants.resolve(variant));
    }

    private static VariantSummary summary(CourseVariant v) {
        return new VariantSummary(v.id, v.name, v.courseId, v.baseVersion, v.revision, v.updatedAt);
    }
}
