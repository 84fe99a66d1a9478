package io.mutuality.live.engine;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who may receive an event. Enforced in one place ({@link #allows}): the server only ever
 * sends a connection the events this says its actor may see.
 */
public record Visibility(Scope scope, UUID person, Set<UUID> people) {

    public enum Scope {
        /** Everyone in the room. */
        EVERYONE,
        /** Facilitators only. */
        FACILITATORS,
        /** Only this person (a private journal entry, one's own pass, one's own role card). */
        PERSON,
        /** Facilitators and this person (an answer visible to facilitators only, seen by its author too). */
        FACILITATORS_AND_PERSON,
        /** Everyone but this person (an anonymous answer; its author gets their own copy). */
        EVERYONE_EXCEPT,
        /** These people only (an observer's note and the people it is about; a group deciding what to share). */
        PEOPLE,
        /** These people and the facilitators (a role-play group's scenario and roles). */
        GROUP,
        /** Nobody: kept on the server (a role-play's full scenario texts, folded into the room's state). */
        NOBODY
    }

    public Visibility {
        people = people == null ? Set.of() : Set.copyOf(people);
    }

    public Visibility(Scope scope, UUID person) {
        this(scope, person, Set.of());
    }

    public static final Visibility EVERYONE = new Visibility(Scope.EVERYONE, null);
    public static final Visibility FACILITATORS = new Visibility(Scope.FACILITATORS, null);
    public static final Visibility NOBODY = new Visibility(Scope.NOBODY, null);

    public static Visibility person(UUID id) {
        return new Visibility(Scope.PERSON, id);
    }

    public static Visibility facilitatorsAnd(UUID id) {
        return new Visibility(Scope.FACILITATORS_AND_PERSON, id);
    }

    public static Visibility everyoneExcept(UUID id) {
        return new Visibility(Scope.EVERYONE_EXCEPT, id);
    }

    public static Visibility people(Collection<UUID> ids) {
        return new Visibility(Scope.PEOPLE, null, new LinkedHashSet<>(ids));
    }

    public static Visibility group(Collection<UUID> members) {
        return new Visibility(Scope.GROUP, null, new LinkedHashSet<>(members));
    }

    public boolean allows(Actor actor) {
        if (actor.viewer()) {
            // the projector shows the room: only what everyone in it sees (an anonymous answer goes to everyone
            // but its author, so it is for everyone too); never a facilitator's, a group's or a person's own
            return scope == Scope.EVERYONE || scope == Scope.EVERYONE_EXCEPT;
        }
        return switch (scope) {
            case EVERYONE -> true;
            case FACILITATORS -> actor.facilitator();
            case PERSON -> actor.id().equals(person);
            case FACILITATORS_AND_PERSON -> actor.facilitator() || actor.id().equals(person);
            case EVERYONE_EXCEPT -> !actor.id().equals(person);
            case PEOPLE -> people.contains(actor.id());
            case GROUP -> actor.facilitator() || people.contains(actor.id());
            case NOBODY -> false;
        };
    }

    /** The people, as stored: comma-separated ids, or null. */
    public String peopleColumn() {
        return people.isEmpty() ? null : people.stream().map(UUID::toString).collect(Collectors.joining(","));
    }

    public static Set<UUID> parsePeople(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(","))
                .map(UUID::fromString)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
