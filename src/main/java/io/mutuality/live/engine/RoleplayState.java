package io.mutuality.live.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The role-play under way in a room, as folded from its events. Only the engine reads it. */
final class RoleplayState {

    final String id;
    final String title;
    final int groupSize;
    final String grouping;
    final String oddRule;
    final int rounds;
    final int minutes;
    List<RoomLibrary.Scenario> scenarios = List.of();
    final LinkedHashMap<String, Group> groups = new LinkedHashMap<>();
    final LinkedHashMap<UUID, String> unassigned = new LinkedHashMap<>();
    String phase = "forming";
    int round;
    Instant endsAt;
    Instant warnAt;
    boolean warned;
    boolean timeUp;
    final Map<String, Note> notes = new HashMap<>();
    final LinkedHashMap<String, Proposal> proposals = new LinkedHashMap<>();
    final Map<UUID, String> listening = new HashMap<>();
    /** Pairs already counted as having met in this role-play, so a regrouping is not counted twice. */
    final Set<String> counted = new HashSet<>();

    static final class Group {
        final String id;
        String name;
        final LinkedHashMap<UUID, String> members = new LinkedHashMap<>();
        final Set<UUID> facilitatorMembers = new HashSet<>();
        final Map<UUID, String> roles = new LinkedHashMap<>();
        String scenarioId;
        boolean opened;
        boolean help;

        Group(String id, String name) {
            this.id = id;
            this.name = name;
        }

        List<UUID> memberIds() {
            return new ArrayList<>(members.keySet());
        }
    }

    static final class Note {
        final String id;
        final UUID author;
        final Set<UUID> about;
        final Set<UUID> consented = new HashSet<>();
        /** The note as its author and the people it is about saw it; facilitators get it only with everyone's consent. */
        final Map<String, Object> data;

        Note(String id, UUID author, Set<UUID> about, Map<String, Object> data) {
            this.id = id;
            this.author = author;
            this.about = about;
            this.data = new LinkedHashMap<>(data);
        }
    }

    static final class Proposal {
        final String id;
        final String groupId;
        final String text;
        final Set<UUID> agreed = new HashSet<>();
        boolean declined;
        boolean ready;
        boolean shared;

        Proposal(String id, String groupId, String text) {
            this.id = id;
            this.groupId = groupId;
            this.text = text;
        }
    }

    RoleplayState(Map<String, Object> d) {
        id = (String) d.get("roleplayId");
        title = (String) d.get("title");
        groupSize = ((Number) d.get("groupSize")).intValue();
        grouping = (String) d.get("grouping");
        oddRule = (String) d.get("oddRule");
        rounds = ((Number) d.get("rounds")).intValue();
        minutes = ((Number) d.get("minutes")).intValue();
    }

    Group groupOf(UUID person) {
        return groups.values().stream()
                .filter(g -> g.members.containsKey(person))
                .findFirst()
                .orElse(null);
    }

    int scenarioIndex(String scenarioId) {
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).id().equals(scenarioId)) {
                return i;
            }
        }
        return -1;
    }

    RoomLibrary.Scenario scenario(String scenarioId) {
        int index = scenarioIndex(scenarioId);
        return index < 0 ? null : scenarios.get(index);
    }

    /** Folds one of the role-play's events. */
    @SuppressWarnings("unchecked")
    void apply(RoomEvent event, Map<String, Integer> met) {
        Map<String, Object> d = event.data();
        switch (event.kind()) {
            case "roleplay.prepared" -> {
                List<RoomLibrary.Scenario> list = new ArrayList<>();
                for (Map<String, Object> s : (List<Map<String, Object>>) d.get("scenarios")) {
                    list.add(new RoomLibrary.Scenario(
                            (String) s.get("id"),
                            (String) s.get("title"),
                            (String) s.get("contentNote"),
                            (String) s.get("shared"),
                            (Map<String, String>) s.get("roles")));
                }
                scenarios = List.copyOf(list);
            }
            case "roleplay.grouped" -> {
                Map<String, Group> before = new HashMap<>(groups);
                groups.clear();
                for (Map<String, Object> g : (List<Map<String, Object>>) d.get("groups")) {
                    String groupId = (String) g.get("groupId");
                    Group group = before.containsKey(groupId)
                            ? before.get(groupId)
                            : new Group(groupId, (String) g.get("name"));
                    group.members.clear();
                    group.facilitatorMembers.clear();
                    for (Map<String, Object> m : (List<Map<String, Object>>) g.get("members")) {
                        UUID person = RoomState.uuid(m.get("participantId"));
                        group.members.put(person, (String) m.get("name"));
                        if (Boolean.TRUE.equals(m.get("facilitator"))) {
                            group.facilitatorMembers.add(person);
                        }
                    }
                    groups.put(groupId, group);
                }
                unassigned.clear();
                for (Map<String, Object> m : (List<Map<String, Object>>) d.getOrDefault("unassigned", List.of())) {
                    unassigned.put(RoomState.uuid(m.get("participantId")), (String) m.get("name"));
                }
                if (Boolean.TRUE.equals(d.get("final"))) {
                    for (Group group : groups.values()) {
                        List<UUID> ids = group.memberIds();
                        for (int i = 0; i < ids.size(); i++) {
                            for (int j = i + 1; j < ids.size(); j++) {
                                String pair = Grouping.pair(ids.get(i), ids.get(j));
                                if (counted.add(pair)) {
                                    met.merge(pair, 1, Integer::sum);
                                }
                            }
                        }
                    }
                }
            }
            case "roleplay.round-started" -> {
                phase = "rounds";
                round = ((Number) d.get("round")).intValue();
                clock(d);
                groups.values().forEach(g -> g.help = false);
            }
            case "roleplay.clock" -> clock(d);
            case "roleplay.time-warning" -> warned = true;
            case "roleplay.time-up" -> {
                warned = true;
                timeUp = true;
            }
            case "roleplay.roles" -> {
                Group group = groups.get((String) d.get("groupId"));
                if (group != null) {
                    group.roles.clear();
                    for (Map<String, Object> r : (List<Map<String, Object>>) d.get("roles")) {
                        group.roles.put(RoomState.uuid(r.get("participantId")), (String) r.get("role"));
                    }
                }
            }
            case "roleplay.scenario-offered" -> {
                Group group = groups.get((String) d.get("groupId"));
                if (group != null) {
                    group.scenarioId = (String) d.get("scenarioId");
                    group.opened = false;
                }
            }
            case "roleplay.scenario-opened" -> {
                Group group = groups.get((String) d.get("groupId"));
                if (group != null) {
                    group.opened = true;
                }
            }
            case "roleplay.note-given" -> {
                Set<UUID> about = new LinkedHashSet<>();
                ((List<Map<String, Object>>) d.get("about"))
                        .forEach(a -> about.add(RoomState.uuid(a.get("participantId"))));
                notes.put(
                        (String) d.get("noteId"),
                        new Note((String) d.get("noteId"), RoomState.uuid(d.get("byId")), about, d));
            }
            case "roleplay.note-consented" -> {
                Note note = notes.get((String) d.get("noteId"));
                if (note != null) {
                    note.consented.add(RoomState.uuid(d.get("participantId")));
                }
            }
            case "roleplay.help" -> {
                Group group = groups.get((String) d.get("groupId"));
                if (group != null) {
                    group.help = Boolean.TRUE.equals(d.get("on"));
                }
            }
            case "roleplay.listening" -> {
                UUID facilitator = RoomState.uuid(d.get("facilitatorId"));
                if (d.get("groupId") == null) {
                    listening.remove(facilitator);
                } else {
                    listening.put(facilitator, (String) d.get("groupId"));
                }
            }
            case "roleplay.phase" -> {
                phase = (String) d.get("phase");
                endsAt = null;
                warnAt = null;
            }
            case "roleplay.share-proposed" ->
                proposals.put(
                        (String) d.get("proposalId"),
                        new Proposal((String) d.get("proposalId"), (String) d.get("groupId"), (String) d.get("text")));
            case "roleplay.share-agreed" -> {
                Proposal proposal = proposals.get((String) d.get("proposalId"));
                if (proposal != null) {
                    proposal.agreed.add(RoomState.uuid(d.get("participantId")));
                }
            }
            case "roleplay.share-declined" -> {
                Proposal proposal = proposals.get((String) d.get("proposalId"));
                if (proposal != null) {
                    proposal.declined = true;
                }
            }
            case "roleplay.share-ready" -> {
                Proposal proposal = proposals.get((String) d.get("proposalId"));
                if (proposal != null) {
                    proposal.ready = true;
                }
            }
            case "roleplay.shared" -> {
                Proposal proposal = proposals.get((String) d.get("proposalId"));
                if (proposal != null) {
                    proposal.ready = true;
                    proposal.shared = true;
                }
            }
            default -> {
                // roleplay.card, roleplay.note-for-facilitators: nothing the server decides on
            }
        }
    }

    private void clock(Map<String, Object> d) {
        endsAt = Instant.parse((String) d.get("endsAt"));
        warnAt = Instant.parse((String) d.get("warnAt"));
        warned = false;
        timeUp = false;
    }
}
