package io.mutuality.identity;

import java.util.Objects;
import java.util.UUID;

/** Identifies an account of someone who runs trainings (an organisation admin or a trainer). */
public record AccountId(UUID value) {

    public AccountId {
        Objects.requireNonNull(value, "value");
    }

    public static AccountId fromString(String text) {
        return new AccountId(UUID.fromString(text));
    }

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
