package io.mutuality.scheduling;

import java.util.Objects;
import java.util.UUID;

/** Identifies an organisation, the tenant that owns cohorts, members and everything shared in them. */
public record OrganisationId(UUID value) {

    public OrganisationId {
        Objects.requireNonNull(value, "value");
    }

    /** Parses a path segment; JAX-RS answers 404 when this throws. */
    public static OrganisationId fromString(String text) {
        return new OrganisationId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
