package io.mutuality.live.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What every activity builds its decisions from: accepting with events, refusing with a code,
 * building an event, checking a piece of text. It sits below the activities and the engine, so
 * nothing here points back up to them.
 */
public final class Rules {

    private Rules() {}

    public static Decision accept(RoomEvent... events) {
        return new Decision.Accepted(List.of(events));
    }

    public static Decision accept(List<RoomEvent> events) {
        return new Decision.Accepted(List.copyOf(events));
    }

    public static Decision reject(String code, String message) {
        return new Decision.Rejected(code, message);
    }

    /** The refusal for a participant who tries a facilitator's act, or null for a facilitator. */
    public static Decision facilitatorsOnly(Actor actor) {
        return actor.facilitator() ? null : reject("not-allowed", "Only facilitators can do that.");
    }

    /** Text that is there (not blank) and at most {@code max} characters long. */
    public static boolean text(String text, int max) {
        return text != null && !text.isBlank() && text.length() <= max;
    }

    /** An event whose data are the given keys and values (ids as strings); {@code actorId} null for the room itself. */
    public static RoomEvent event(Instant now, String kind, Visibility visibility, UUID actorId, Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            data.put((String) keyValues[i], value instanceof UUID u ? u.toString() : value);
        }
        return new RoomEvent(0, now, kind, data, visibility, actorId);
    }

    public static RoomEvent event(Instant now, String kind, Visibility visibility, Actor actor, Object... keyValues) {
        return event(now, kind, visibility, actor.id(), keyValues);
    }
}
