package io.mutuality.live.engine;

import java.util.UUID;

/**
 * Who may receive an event. Enforced in one place ({@link #allows}): the server only ever
 * sends a connection the events this says its actor may see.
 */
public record Visibility(Scope scope, UUID person) {

    public enum Scope {
        /** Everyone in the room. */
        EVERYONE,
        /** Facilitators only. */
        FACILITATORS,
        /** Only this person (a private journal entry, one's own pass). */
        PERSON,
        /** Facilitators and this person (an answer visible to facilitators only, seen by its author too). */
        FACILITATORS_AND_PERSON,
        /** Everyone but this person (an anonymous answer; its author gets their own copy). */
        EVERYONE_EXCEPT
    }

    public static final Visibility EVERYONE = new Visibility(Scope.EVERYONE, null);
    public static final Visibility FACILITATORS = new Visibility(Scope.FACILITATORS, null);

    public static Visibility person(UUID id) {
        return new Visibility(Scope.PERSON, id);
    }

    public static Visibility facilitatorsAnd(UUID id) {
        return new Visibility(Scope.FACILITATORS_AND_PERSON, id);
    }

    public static Visibility everyoneExcept(UUID id) {
        return new Visibility(Scope.EVERYONE_EXCEPT, id);
    }

    public boolean allows(Actor actor) {
        return switch (scope) {
            case EVERYONE -> true;
            case FACILITATORS -> actor.facilitator();
            case PERSON -> actor.id().equals(person);
            case FACILITATORS_AND_PERSON -> actor.facilitator() || actor.id().equals(person);
            case EVERYONE_EXCEPT -> !actor.id().equals(person);
        };
    }
}
