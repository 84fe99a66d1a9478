package io.mutuality.live.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The reframing exercise under way in a room, as folded from its events. Only the engine reads it. */
final class ReframeState {

    final String id;
    final String mode;
    /** statementId → the "what's wrong" statement. */
    final LinkedHashMap<String, String> statements = new LinkedHashMap<>();

    final Map<String, List<String>> examples = new HashMap<>();
    String phase = "writing";
    /** Pairs mode: pairId → members in order; who holds which statement and rewrites which. */
    final LinkedHashMap<String, List<UUID>> pairs = new LinkedHashMap<>();

    final Map<UUID, String> pairOf = new HashMap<>();
    final Map<UUID, String> holds = new HashMap<>();
    final Map<UUID, String> rewritesStatement = new HashMap<>();
    final Map<UUID, String> names = new HashMap<>();
    /** author|statementId → the latest rewrite. */
    final Map<String, Rewrite> rewrites = new HashMap<>();

    final Map<String, Entry> entries = new LinkedHashMap<>();
    final Set<String> resonance = new HashSet<>();

    record Rewrite(String id, String text) {}

    static final class Entry {
        final String id;
        final UUID author;
        final String statementId;
        boolean withdrawn;

        Entry(String id, UUID author, String statementId) {
            this.id = id;
            this.author = author;
            this.statementId = statementId;
        }
    }

    @SuppressWarnings("unchecked")
    ReframeState(Map<String, Object> d) {
        id = (String) d.get("exerciseId");
        mode = (String) d.get("mode");
        for (Map<String, Object> s : (List<Map<String, Object>>) d.get("statements")) {
            statements.put((String) s.get("statementId"), (String) s.get("text"));
        }
    }

    static String key(UUID author, String statementId) {
        return author + "|" + statementId;
    }

    /** The entry this person has shared for this statement and not taken back, if any. */
    Entry sharedBy(UUID author, String statementId) {
        return entries.values().stream()
                .filter(e -> !e.withdrawn && e.author.equals(author) && e.statementId.equals(statementId))
                .findFirst()
                .orElse(null);
    }

    /** Pairs mode: the people in this person's pair, in order. */
    List<UUID> pairMembers(UUID person) {
        String pairId = pairOf.get(person);
        return pairId == null ? List.of() : pairs.get(pairId);
    }

    @SuppressWarnings("unchecked")
    void apply(RoomEvent event) {
        Map<String, Object> d = event.data();
        switch (event.kind()) {
            case "reframe.prepared" ->
                ((Map<String, List<String>>) d.get("examples")).forEach((k, v) -> examples.put(k, List.copyOf(v)));
            case "reframe.paired" -> {
                for (Map<String, Object> p : (List<Map<String, Object>>) d.get("pairs")) {
                    String pairId = (String) p.get("pairId");
                    List<UUID> members = new ArrayList<>();
                    for (Map<String, Object> m : (List<Map<String, Object>>) p.get("members")) {
                        UUID person = RoomState.uuid(m.get("participantId"));
                        members.add(person);
                        pairOf.put(person, pairId);
                        names.put(person, (String) m.get("name"));
                        if (m.get("holds") != null) {
                            holds.put(person, (String) m.get("holds"));
                        }
                        if (m.get("rewrites") != null) {
                            rewritesStatement.put(person, (String) m.get("rewrites"));
                        }
                    }
                    pairs.put(pairId, members);
                }
            }
            case "reframe.statement-set" -> {
                UUID person = RoomState.uuid(d.get("participantId"));
                String statementId = (String) d.get("statementId");
                statements.put(statementId, (String) d.get("text"));
                holds.put(person, statementId);
                List<UUID> members = pairMembers(person);
                int at = members.indexOf(person);
                if (at >= 0 && members.size() > 1) {
                    // the person before in the pair's cycle rewrites what this person holds
                    rewritesStatement.put(members.get(Math.floorMod(at - 1, members.size())), statementId);
                }
            }
            case "reframe.written" -> {
                if (event.actorId() != null) {
                    rewrites.put(
                            key(event.actorId(), (String) d.get("statementId")),
                            new Rewrite((String) d.get("rewriteId"), (String) d.get("text")));
                }
            }
            case "reframe.phase" -> phase = (String) d.get("phase");
            case "reframe.shared" ->
                entries.putIfAbsent(
                        (String) d.get("entryId"),
                        new Entry((String) d.get("entryId"), event.actorId(), (String) d.get("statementId")));
            case "reframe.withdrawn" -> {
                Entry entry = entries.get((String) d.get("entryId"));
                if (entry != null) {
                    entry.withdrawn = true;
                }
            }
            case "reframe.resonance-given" -> resonance.add(d.get("entryId") + "|" + event.actorId());
            default -> {
                // reframe.kept, reframe.compared, reframe.resonated, reframe.highlighted, reframe.examples-shown
            }
        }
    }
}
