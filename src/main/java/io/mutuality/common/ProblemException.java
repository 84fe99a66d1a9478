package io.mutuality.common;

import java.util.List;

/**
 * A failure a feature raises on purpose, carrying what the client needs to know. The
 * {@link ProblemMapper} turns it into problem+json; the message is written for people.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private long retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(ProblemType.NOT_FOUND, "There is no " + what + " here.");
    }

    /** A rule of the domain that the request would break, pinned to the field at fault. */
    public static ProblemException rule(String field, String message) {
        return new ProblemException(
                ProblemType.RULE_VIOLATION, message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException conflict(String message) {
        return new ProblemException(ProblemType.CONFLICT, message);
    }

    /** Too many attempts: the answer carries Retry-After with the seconds to wait. */
    public static ProblemException tooManyAttempts(String detail, long retryAfterSeconds) {
        ProblemException e = new ProblemException(ProblemType.TOO_MANY_ATTEMPTS, detail);
        e.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        return e;
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
