package io.mutuality.scheduling;

import java.util.Objects;
import java.util.UUID;

/** Identifies one cohort: one run of a course for a group of participants. */
public record CohortId(UUID value) {

    public CohortId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a path segment; JAX-RS answers 404 when this throws. */
    public static CohortId fromString(String text) {
        return new CohortId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
