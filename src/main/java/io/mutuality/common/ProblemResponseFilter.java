package io.mutuality.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives a problem+json body to every error answer that a resource returned without one (for
 * example {@code RestResponse.notFound()} from an empty {@code Optional}).
 */
public class ProblemResponseFilter {

    @ServerResponseFilter
    public void fillEmptyErrors(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || response.hasEntity()) {
            return;
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 404 ? "There is nothing here, or it is not yours to see." : type.title() + ".";
        response.setEntity(
                Problem.of(
                        type,
                        status,
                        detail,
                        request.getUriInfo().getRequestUri().getRawPath()),
                null,
                MediaType.valueOf(Problem.MEDIA_TYPE));
    }
}
