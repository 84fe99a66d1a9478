package io.mutuality.common;

import java.net.URI;

/**
 * The stable kinds of problem the API answers with. The {@code type} URI of each is part of
 * the API contract (RFC 9457): clients may switch on it, so a constant here is never renamed.
 * Each is described in docs/errors.md.
 */
public enum ProblemType {
    VALIDATION("validation", 400, "Some of what was sent is not valid"),
    MALFORMED_REQUEST("malformed-request", 400, "The request could not be read"),
    NOT_SIGNED_IN("not-signed-in", 401, "Sign in to continue"),
    SIGN_IN_FAILED("sign-in-failed", 401, "Signing in did not work"),
    FORBIDDEN("forbidden", 403, "This needs a different role"),
    CSRF("csrf", 403, "The request is missing its form token"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable"),
    CONFLICT("conflict", 409, "This clashes with the current state"),
    INVITATION_EXPIRED("invitation-expired", 410, "This invitation has expired"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    RULE_VIOLATION("rule-violation", 422, "This breaks a rule"),
    TOO_MANY_ATTEMPTS("too-many-attempts", 429, "Too many attempts"),
    HTTP("http-error", 400, "The request could not be completed"),
    INTERNAL("internal", 500, "Something went wrong on our side");

    public static final String BASE = "https://mutuality.io/problems/";

    private final String slug;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type that best describes a bare HTTP status raised by the framework. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> NOT_SIGNED_IN;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_ATTEMPTS;
            case 422 -> RULE_VIOLATION;
            default -> status >= 500 ? INTERNAL : HTTP;
        };
    }
}
