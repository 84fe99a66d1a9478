package io.mutuality.scheduling;

import io.mutuality.scheduling.SchedulingApi.OrganisationView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationResource {

    @Inject
    SchedulingService scheduling;

    @Inject
    SchedulingMapper mapper;

    @GET
    @Operation(summary = "Organisations")
    public List<OrganisationView> organisations() {
        return scheduling.organisations().stream().map(mapper::toView).toList();
    }

    @GET
    @Path("/{organisationId}")
    @Operation(summary = "One organisation")
    public RestResponse<OrganisationView> organisation(@PathParam("organisationId") OrganisationId id) {
        return scheduling.organisation(id)
                .map(mapper::toView)
                .map(RestResponse::ok)
                .orElseGet(RestResponse::notFound);
    }
}
