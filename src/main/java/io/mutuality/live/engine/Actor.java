package io.mutuality.live.engine;

import java.util.UUID;

/**
 * Who is acting in a room: a facilitator (a trainer or admin account) or a participant; or a
 * viewer — the projector's view a facilitator opened — which only watches: it is never present,
 * may do nothing, and sees only what everyone in the room sees.
 */
public record Actor(UUID id, String name, boolean facilitator, boolean viewer) {

    public Actor(UUID id, String name, boolean facilitator) {
        this(id, name, facilitator, false);
    }

    /** The projector's view of a room: watching only, seeing what everyone sees. */
    public static Actor viewer(UUID id) {
        return new Actor(id, "The projector", false, true);
    }
}
