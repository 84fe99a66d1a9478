package io.mutuality.identity;

import io.mutuality.common.Problem;
import io.mutuality.common.ProblemType;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place where organisation data is scoped to the caller. Every endpoint whose path
 * names an {@code {organisationId}} passes here: a caller who is not a member of that
 * organisation gets 404 (the same answer as for an organisation that does not exist), and a
 * member without the role the endpoint asks for gets 403. Also checks the CSRF token of
 * cookie-authenticated writes.
 */
public class TenantGuard {

    static final String ORGANISATION_PARAM = "organisationId";
    static final String COHORT_PARAM = "cohortId";

    /** The answer for a trainer who is not booked on the cohort; the room and attendance give the same one. */
    public static final String NOT_ON_COHORT = "Only the cohort's trainers and the organisation's admins can do this.";

    @Inject
    jakarta.enterprise.inject.Instance<CohortBookings> bookings;

    @Inject
    Caller caller;

    @ServerRequestFilter
    public Optional<Response> guard(ContainerRequestContext request, ResourceInfo resource) {
        Optional<Response> csrf = checkCsrf(request);
        if (csrf.isPresent()) {
            return csrf;
        }
        String organisation = request.getUriInfo().getPathParameters().getFirst(ORGANISATION_PARAM);
        if (organisation == null) {
            return Optional.empty();
        }
        UUID organisationId;
        try {
            organisationId = UUID.fromString(organisation);
        } catch (IllegalArgumentException e) {
            return Optional.of(
                    problem(request, ProblemType.NOT_FOUND, "There is nothing here, or it is not yours to see."));
        }
        if (caller.account().isEmpty()) {
            return Optional.of(problem(request, ProblemType.NOT_SIGNED_IN, "Sign in to do this."));
        }
        if (!caller.canSee(organisationId)) {
            return Optional.of(
                    problem(request, ProblemType.NOT_FOUND, "There is nothing here, or it is not yours to see."));
        }
        Role needed = required(resource);
        if (needed == Role.ORG_ADMIN && !caller.administers(organisationId)) {
            return Optional.of(problem(request, ProblemType.FORBIDDEN, "Only an organisation admin can do this."));
        }
        String cohort = request.getUriInfo().getPathParameters().getFirst(COHORT_PARAM);
        if (cohort != null
                && !caller.administers(organisationId)
                && !wholeOrganisation(resource)
                && !booked(organisationId, cohort)) {
            // a cohort this organisation does not have is not found, as it is for everyone else
            return Optional.of(
                    cohortExists(organisationId, cohort)
                            ? problem(request, ProblemType.FORBIDDEN, NOT_ON_COHORT)
                            : problem(
                                    request,
                                    ProblemType.NOT_FOUND,
                                    "There is nothing here, or it is not yours to see."));
        }
        return Optional.empty();
    }

    /** Writes made with the session cookie must echo the session's CSRF token in a header. */
    private Optional<Response> checkCsrf(ContainerRequestContext request) {
        String method = request.getMethod();
        boolean unsafe = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        Optional<String> expected = caller.csrfToken();
        if (!unsafe || expected.isEmpty()) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getPath();
        if (method.equals("POST") && (path.equals("/session") || path.equals("/api/session"))) {
            return Optional.empty(); // signing in again: SameSite keeps it from other sites
        }
        String sent = request.getHeaderString(Authentication.CSRF_HEADER);
        if (!io.mutuality.common.Secrets.same(expected.get(), sent)) {
            return Optional.of(problem(
                    request, ProblemType.CSRF, "Send the X-CSRF-Token header with the token given at sign-in."));
        }
        return Optional.empty();
    }

    private boolean booked(UUID organisationId, String cohort) {
        try {
            UUID cohortId = UUID.fromString(cohort);
            return bookings.isResolvable()
                    && caller.account()
                            .map(a -> bookings.get().isBooked(organisationId, cohortId, a.value()))
                            .orElse(false);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private boolean cohortExists(UUID organisationId, String cohort) {
        try {
            return bookings.isResolvable() && bookings.get().exists(organisationId, UUID.fromString(cohort));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean wholeOrganisation(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(WholeOrganisation.class);
    }

    private static Role required(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        OrganisationRole onMethod = method == null ? null : method.getAnnotation(OrganisationRole.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Class<?> type = resource.getResourceClass();
        OrganisationRole onType = type == null ? null : type.getAnnotation(OrganisationRole.class);
        return onType == null ? Role.TRAINER : onType.value();
    }

    private static Response problem(ContainerRequestContext request, ProblemType type, String detail) {
        return Response.status(type.status())
                .type(MediaType.valueOf(Problem.MEDIA_TYPE))
                .entity(Problem.of(
                        type, detail, request.getUriInfo().getRequestUri().getRawPath()))
                .build();
    }
}
