package io.mutuality.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become RFC 9457 problem+json. Bodies name what went wrong in
 * words and by field; they never carry stack traces, exception messages from libraries or
 * Java class names.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e, HttpServerRequest request) {
        RestResponse<Problem> response =
                respond(Problem.of(e.type(), e.getMessage(), request.path()).withErrors(e.errors()));
        if (e.retryAfterSeconds() > 0) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper({
        io.quarkus.security.UnauthorizedException.class,
        io.quarkus.security.AuthenticationFailedException.class
    })
    public RestResponse<Problem> unauthenticated(RuntimeException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.NOT_SIGNED_IN, "Sign in to do this.", request.path()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(io.quarkus.security.ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(ProblemType.FORBIDDEN, "Your role does not allow this.", request.path()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> validation(ConstraintViolationException e, HttpServerRequest request) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::isReturnValue)) {
            return internal(e, request);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v.getPropertyPath()), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.size() == 1
                ? "One field needs attention: " + errors.get(0).field() + "."
                : errors.size() + " fields need attention.";
        return respond(
                Problem.of(ProblemType.VALIDATION, detail, request.path()).withErrors(errors));
    }

    /** Declared on its own so that it wins over the framework's mapper for this exception. */
    @ServerExceptionMapper
    public RestResponse<Problem> mismatched(MismatchedInputException e, HttpServerRequest request) {
        return unreadable(e, request);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unreadable(JsonProcessingException e, HttpServerRequest request) {
        if (e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()
                && (e instanceof MismatchedInputException)) {
            String field = jsonPath(mapping.getPath());
            String message = e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    ? "is not in the expected format" + formatHint(invalid.getTargetType())
                    : "has the wrong type of value";
            return respond(
                    Problem.of(ProblemType.VALIDATION, "One field needs attention: " + field + ".", request.path())
                            .withErrors(List.of(new Problem.FieldError(field, message))));
        }
        var location = e.getLocation();
        String where =
                location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return respond(
                Problem.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON" + where + ".", request.path()));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e, HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, request);
        }
        java.util.Set<String> allowed =
                status == 404 || status == 405 ? KnownRoutes.allowedMethods(request.path()) : java.util.Set.of();
        if (status == 404
                && !allowed.isEmpty()
                && !allowed.contains(request.method().name())) {
            status = 405; // a known path without this method
        }
        ProblemType type = ProblemType.forStatus(status);
        RestResponse<Problem> response = respond(Problem.of(type, status, describe(status, request), request.path()));
        if (status == 405 && !allowed.isEmpty()) {
            response.getHeaders().putSingle("Allow", String.join(", ", allowed));
        }
        return response;
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, HttpServerRequest request) {
        return internal(e, request);
    }

    private RestResponse<Problem> internal(Throwable e, HttpServerRequest request) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled failure on %s %s (incident %s)", request.method(), request.path(), incident);
        return respond(Problem.of(
                ProblemType.INTERNAL,
                "The request could not be completed. If it keeps happening, quote incident " + incident + ".",
                request.path()));
    }

    static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status())
                .entity(problem)
                .type(Problem.MEDIA_TYPE)
                .build();
    }

    static String describe(int status, HttpServerRequest request) {
        return switch (status) {
            case 404 -> "Nothing is found at " + request.path() + ".";
            case 405 -> request.method() + " is not supported at " + request.path() + ".";
            case 406 -> "This resource cannot answer in the media type asked for.";
            case 413 -> "The request body is larger than this server accepts.";
            case 415 -> "Send the body as application/json.";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "The request could not be completed." : known.getReasonPhrase() + ".";
            }
        };
    }

    private static boolean isReturnValue(ConstraintViolation<?> violation) {
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /**
     * Turns a validator path such as {@code plan.request.days[0].date} into the JSON path the
     * client sent ({@code days[0].date}): the method and the body parameter are dropped, a
     * query or path parameter keeps its own name.
     */
    static String fieldName(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        nodes.removeIf(n -> n.getKind() == ElementKind.METHOD || n.getKind() == ElementKind.CONSTRUCTOR);
        if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
            nodes.remove(0);
        }
        StringBuilder out = new StringBuilder();
        for (Path.Node node : nodes) {
            if (node.getIndex() != null && out.length() > 0 && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                // the index belongs to the container the node sits in: days[0].date
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    private static String formatHint(Class<?> target) {
        return switch (target.getSimpleName()) {
            case "LocalDate" -> " (a date such as 2027-03-15)";
            case "LocalTime" -> " (a time such as 09:30)";
            case "UUID" -> " (an identifier)";
            case "Integer", "int", "Long", "long" -> " (a whole number)";
            default -> target.isEnum() ? " (one of the listed values)" : "";
        };
    }
}
