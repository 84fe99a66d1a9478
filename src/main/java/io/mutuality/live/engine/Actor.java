package io.mutuality.live.engine;

import java.util.UUID;

/** Who is acting in a room: a facilitator (a trainer or admin account) or a participant. */
public record Actor(UUID id, String name, boolean facilitator) {
}
