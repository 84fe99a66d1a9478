package io.mutuality.live.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The day as the whole room saw it, read from a room's log: the agenda with the time spent on
 * each slot, how many participants came, and each activity's own part. Only events every
 * participant could see are read, so nothing private reaches a summary: no journals, no
 * facilitator-only answers, no names on anonymous answers.
 */
public final class DaySummary {

    /** The agenda slots as they were moved through, the number of participants who came, and each activity's part by key. */
    public record Day(List<Map<String, Object>> agenda, int participants, Map<String, Object> parts) {}

    private DaySummary() {}

    public static Day of(List<RoomEvent> log, Activities activities) {
        List<Map<String, Object>> agenda = new ArrayList<>();
        Set<String> participants = new HashSet<>();
        Map<String, Activity.SummaryPart> parts = new LinkedHashMap<>();
        Map<String, Activity.SummaryPart> byKind = new LinkedHashMap<>();
        for (Activity<?> activity : activities.list()) {
            Activity.SummaryPart part = activity.summary();
            if (part != null) {
                parts.put(part.key(), part);
                activity.eventKinds().forEach(kind -> byKind.put(kind, part));
            }
        }
        Map<String, Object> slot = null;
        for (RoomEvent event : log) {
            if (event.visibility().scope() != Visibility.Scope.EVERYONE
                    && event.visibility().scope() != Visibility.Scope.EVERYONE_EXCEPT) {
                continue;
            }
            Map<String, Object> d = event.data();
            switch (event.kind()) {
                case "presence.joined" -> {
                    if ("participant".equals(d.get("role"))) {
                        participants.add(String.valueOf(d.get("participantId")));
                    }
                }
                case "agenda.moved" -> {
                    spent(slot, event.at());
                    slot = new LinkedHashMap<>(Map.of(
                            "slot",
                            d.get("slot"),
                            "title",
                            d.get("title"),
                            "startedAt",
                            event.at().toString()));
                    agenda.add(slot);
                }
                case "day.ended" -> {
                    spent(slot, event.at());
                    slot = null;
                }
                default -> {
                    Activity.SummaryPart part = byKind.get(event.kind());
                    if (part != null) {
                        part.add(event);
                    }
                }
            }
        }
        Map<String, Object> results = new LinkedHashMap<>();
        parts.forEach((key, part) -> results.put(key, part.result()));
        return new Day(agenda, participants.size(), results);
    }

    private static void spent(Map<String, Object> slot, Instant until) {
        if (slot != null) {
            slot.put(
                    "minutesSpent",
                    Duration.between(Instant.parse((String) slot.get("startedAt")), until)
                            .toMinutes());
        }
    }
}
