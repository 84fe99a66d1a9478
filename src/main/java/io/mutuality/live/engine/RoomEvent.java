package io.mutuality.live.engine;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened in a room. {@code seq} is 0 until the event is stored; then it is
 * the room's sequence number, and the event is a fact.
 */
public record RoomEvent(
        long seq, Instant at, String kind, Map<String, Object> data, Visibility visibility, UUID actorId) {

    public RoomEvent withSeq(long seq) {
        return new RoomEvent(seq, at, kind, data, visibility, actorId);
    }
}
