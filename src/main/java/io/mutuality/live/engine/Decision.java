package io.mutuality.live.engine;

import java.util.List;

/** What a command came to: the events that follow from it, or a refusal with a code and a reason. */
public sealed interface Decision {

    record Accepted(List<RoomEvent> events) implements Decision {}

    record Rejected(String code, String message) implements Decision {}
}
