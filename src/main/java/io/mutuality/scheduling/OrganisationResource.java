package io.mutuality.scheduling;

import io.mutuality.identity.Caller;
import io.mutuality.identity.Roles;
import io.mutuality.scheduling.SchedulingApi.FoundOrganisationRequest;
import io.mutuality.scheduling.SchedulingApi.OrganisationView;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
@RolesAllowed(Roles.STAFF)
public class OrganisationResource {

    @Inject
    SchedulingService scheduling;

    @Inject
    SchedulingMapper mapper;

    @Inject
    Caller caller;

    @Inject
    io.mutuality.identity.AuditLog audit;

    @GET
    @Operation(summary = "The organisations the caller belongs to (all of them for a platform admin)")
    public List<OrganisationView> organisations() {
        return scheduling.organisations().stream()
                .filter(o -> caller.canSee(o.getId()))
                .map(mapper::toView)
                .toList();
    }

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Add an organisation (platform admins)")
    public RestResponse<OrganisationView> found(
            @NotNull @Valid FoundOrganisationRequest request, @Context UriInfo uri) {
        Organisation organisation = scheduling.foundOrganisation(
                request.name(), request.slug(), SchedulingApi.zone("timeZone", request.timeZone()));
        audit.record(organisation.getId(), "organisation.created", organisation.getName(), null);
        return RestResponse.ResponseBuilder.<OrganisationView>created(uri.getAbsolutePathBuilder()
                        .path(organisation.getId().toString())
                        .build())
                .entity(mapper.toView(organisation))
                .build();
    }

    @GET
    @Path("/{organisationId}")
    @Operation(summary = "One organisation")
    public RestResponse<OrganisationView> organisation(@PathParam("organisationId") OrganisationId id) {
        return scheduling
                .organisation(id)
                .map(mapper::toView)
                .map(RestResponse::ok)
                .orElseGet(RestResponse::notFound);
    }
}
