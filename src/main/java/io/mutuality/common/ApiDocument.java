package io.mutuality.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the OpenAPI document where annotations alone leave it wrong: how callers
 * authenticate (the staff session cookie, a participant's bearer token) and the CSRF header every
 * cookie-authenticated write sends; the problem+json body of every error; the statuses the
 * server really answers (201 and 202 where it creates or accepts, and 404, 409, 422 and 429 where
 * they happen); no request body where an endpoint reads none. Run when the document is built
 * ({@code mp.openapi.filter}); {@code docs/protocol/openapi.json} is its output, held to it by
 * {@code OpenApiDocumentTest}.
 */
public class ApiDocument implements OASFilter {

    /** The session scheme's name in the document. */
    public static final String SESSION = "session";
    /** The participant token scheme's name in the document. */
    public static final String PARTICIPANT = "participantToken";
    /** The cookie a signed-in staff member's session travels in (identity's Authentication.SESSION_COOKIE). */
    static final String SESSION_COOKIE = "mutuality_session";
    /** The header a cookie-authenticated write echoes its session's CSRF token in (identity's Authentication.CSRF_HEADER). */
    static final String CSRF_HEADER = "X-CSRF-Token";

    private static final String PROBLEM = "Problem";

    /** What an operation answers when it succeeds, where that is not 200 (a key is "METHOD path"). */
    private static final Map<String, List<String>> SUCCESS = Map.ofEntries(
            Map.entry("POST /api/organisations", List.of("201")),
            Map.entry("POST /api/organisations/{organisationId}/cohorts", List.of("201")),
            Map.entry("POST /api/organisations/{organisationId}/cohorts/{cohortId}/registrations", List.of("201")),
            Map.entry("POST /api/organisations/{organisationId}/invitations", List.of("201")),
            Map.entry("POST /api/organisations/{organisationId}/members/{accountId}/qualifications", List.of("201")),
            Map.entry("POST /api/organisations/{organisationId}/practice-rooms", List.of("201")),
            Map.entry("POST /api/curricula/organisations/{organisationId}/variants", List.of("201")),
            Map.entry("POST /api/rooms/{code}/participants", List.of("201")),
            Map.entry("POST /api/public/organisations/{organisation}/interest", List.of("201")),
            Map.entry("POST /api/public/cohorts/{cohortId}/registrations", List.of("202")),
            // the day's room: 201 when this call opened it, 200 when it was open already
            Map.entry(
                    "POST /api/organisations/{organisationId}/cohorts/{cohortId}/days/{dayNumber}/room",
                    List.of("200", "201")));

    /** Operations that refuse, with 409, what clashes with the current state. */
    private static final Set<String> CONFLICTS = Set.of(
            "POST /api/organisations",
            "POST /api/invitations/{token}/accept",
            "POST /api/organisations/{organisationId}/invitations",
            "PUT /api/organisations/{organisationId}/members/{accountId}",
            "DELETE /api/organisations/{organisationId}/members/{accountId}",
            "POST /api/organisations/{organisationId}/members/{accountId}/qualifications",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/trainers",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/close",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/cancel",
            "PUT /api/organisations/{organisationId}/cohorts/{cohortId}/follow-up",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/registrations",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/registrations/open",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/registrations/import",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/registrations/{registrationId}/cancel",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/completion/certificates",
            "POST /api/organisations/{organisationId}/completion/certificates/{code}/revoke",
            "POST /api/organisations/{organisationId}/interest/invite",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/days/{dayNumber}/room",
            "POST /api/public/cohorts/{cohortId}/registrations",
            "POST /api/public/registrations/{token}/accept",
            "POST /api/public/registrations/{token}/decline",
            "POST /api/public/registrations/{token}/cancel",
            "POST /api/public/registrations/{token}/evaluation");

    /** Operations that refuse, with 422, what breaks a rule of the domain (each pinned to the field at fault). */
    private static final Set<String> RULES = Set.of(
            "POST /api/organisations",
            "PUT /api/session/password",
            "POST /api/organisations/{organisationId}/cohorts",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/trainers",
            "PUT /api/organisations/{organisationId}/cohorts/{cohortId}/support-contact",
            "PUT /api/organisations/{organisationId}/cohorts/{cohortId}/follow-up",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/registrations",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/registrations/open",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/registrations/import",
            "PUT /api/organisations/{organisationId}/cohorts/{cohortId}/registrations/seating",
            "POST /api/organisations/{organisationId}/cohorts/{cohortId}/days/{dayNumber}/room",
            "PUT /api/organisations/{organisationId}/completion/rules/{courseId}",
            "POST /api/organisations/{organisationId}/interest/invite",
            "POST /api/curricula/organisations/{organisationId}/variants",
            "PUT /api/curricula/organisations/{organisationId}/variants/{variantId}",
            "POST /api/public/cohorts/{cohortId}/registrations",
            "POST /api/public/organisations/{organisation}/interest",
            "POST /api/rooms/{code}/participants");

    /** Operations with a rate limit (sign-in, joining a room, public registration and interest, accepting an invitation). */
    private static final Set<String> LIMITED = Set.of(
            "POST /api/session",
            "POST /api/invitations/{token}/accept",
            "POST /api/rooms/{code}/participants",
            "POST /api/public/cohorts/{cohortId}/registrations",
            "POST /api/public/organisations/{organisation}/interest");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        components.addSecurityScheme(
                SESSION,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name(SESSION_COOKIE)
                        .description(
                                "A staff member's session, set by signing in (POST /api/session) as an HttpOnly cookie. "
                                        + "Every write made with it (any method but GET, HEAD and OPTIONS) also sends the session's CSRF "
                                        + "token, given at sign-in, in the " + CSRF_HEADER + " header."));
        components.addSecurityScheme(
                PARTICIPANT,
                OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description(
                                "A participant's token for one room, given when they join it (POST /api/rooms/{code}/participants)."));
        components.addSchema(PROBLEM, problem());
        if (components.getSchemas() != null) {
            components.removeSchema("HttpServerRequest");
            components.setSchemas(new TreeMap<>(components.getSchemas()));
        }
        openAPI.setServers(null);
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) ->
                        item.getOperations().forEach((method, operation) -> complete(path, method, operation)));
    }

    private void complete(String path, PathItem.HttpMethod method, Operation operation) {
        String key = method.name() + " " + path;
        boolean unsafe = method != PathItem.HttpMethod.GET
                && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean session = authenticate(operation);
        if (method == PathItem.HttpMethod.DELETE || readsNoBody(operation)) {
            operation.setRequestBody(null);
        }
        if (unsafe && !key.equals("POST /api/session")) {
            operation.addParameter(OASFactory.createParameter()
                    .name(CSRF_HEADER)
                    .in(Parameter.In.HEADER)
                    .required(session)
                    .description(
                            session
                                    ? "The session's CSRF token, given at sign-in."
                                    : "The session's CSRF token, when the request carries a session cookie.")
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING)));
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<String> success = SUCCESS.get(key);
        if (success != null) {
            APIResponse ok = responses.getAPIResponse("200");
            responses.removeAPIResponse("200");
            for (String code : success) {
                APIResponse answer = ok == null ? OASFactory.createAPIResponse() : copy(ok);
                answer.setDescription(code.equals("201") ? "Created" : code.equals("202") ? "Accepted" : "OK");
                responses.addAPIResponse(code, answer);
            }
        }
        if (path.contains("{")) {
            problem(responses, "404", "Not found, or not yours to see");
        }
        if (CONFLICTS.contains(key)) {
            problem(responses, "409", "Clashes with the current state (the problem's detail says how)");
        }
        if (RULES.contains(key)) {
            problem(responses, "422", "Breaks a rule (the problem's errors name each field and why)");
        }
        if (LIMITED.contains(key)) {
            problem(responses, "429", "Too many attempts; the Retry-After header gives the seconds to wait");
        }
        for (String code : List.of("400", "401", "403")) {
            if (responses.hasAPIResponse(code)) {
                problem(responses, code, responses.getAPIResponse(code).getDescription());
            }
        }
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /** Names the real scheme of each secured operation; returns whether it is the session's. */
    private static boolean authenticate(Operation operation) {
        if (operation.getSecurity() == null) {
            return false;
        }
        boolean session = false;
        List<SecurityRequirement> renamed = new ArrayList<>();
        for (SecurityRequirement requirement : operation.getSecurity()) {
            SecurityRequirement named = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, roles) -> {
                boolean participant = roles != null && roles.contains("participant");
                named.addScheme(participant ? PARTICIPANT : SESSION, roles == null ? List.of() : roles);
            });
            session |= named.hasScheme(SESSION);
            renamed.add(named);
        }
        operation.setSecurity(renamed);
        return session;
    }

    /** A body whose schema is the HTTP request itself is a parameter the framework fills, not a body. */
    private static boolean readsNoBody(Operation operation) {
        if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
            return false;
        }
        return operation.getRequestBody().getContent().getMediaTypes().values().stream()
                .anyMatch(type -> type.getSchema() != null
                        && "#/components/schemas/HttpServerRequest"
                                .equals(type.getSchema().getRef()));
    }

    private static void problem(APIResponses responses, String code, String description) {
        Content content = OASFactory.createContent()
                .addMediaType(
                        Problem.MEDIA_TYPE,
                        OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(PROBLEM)));
        responses.addAPIResponse(
                code, OASFactory.createAPIResponse().description(description).content(content));
    }

    private static APIResponse copy(APIResponse response) {
        return OASFactory.createAPIResponse()
                .description(response.getDescription())
                .content(response.getContent())
                .headers(response.getHeaders());
    }

    /** RFC 9457 problem details, the body of every error (see docs/errors.md). */
    private static Schema problem() {
        Schema text = OASFactory.createSchema().addType(SchemaType.STRING);
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .description(
                        "A problem (RFC 9457): what went wrong, in words for people; for a refused form, each field's message.")
                .addProperty(
                        "type",
                        OASFactory.createSchema().addType(SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty(
                        "status",
                        OASFactory.createSchema().addType(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty(
                        "errors",
                        OASFactory.createSchema()
                                .addType(SchemaType.ARRAY)
                                .items(OASFactory.createSchema()
                                        .addType(SchemaType.OBJECT)
                                        .addProperty("field", text)
                                        .addProperty("message", text)
                                        .required(List.of("field", "message"))))
                .required(List.of("type", "title", "status"));
    }
}
