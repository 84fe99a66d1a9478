package io.mutuality.live.engine;

import static io.mutuality.live.engine.Roleplays.GROUPINGS;
import static io.mutuality.live.engine.Roleplays.MAX_SCENARIOS;
import static io.mutuality.live.engine.Roleplays.OBSERVER;
import static io.mutuality.live.engine.Roleplays.ODD_RULES;
import static io.mutuality.live.engine.Roleplays.SHARING;
import static io.mutuality.live.engine.Roleplays.SUPPORTER;
import static io.mutuality.live.engine.Roleplays.current;
import static io.mutuality.live.engine.Roleplays.role;
import static io.mutuality.live.engine.Roleplays.roles;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.reject;
import static io.mutuality.live.engine.Rules.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Setting a role-play up and running its rounds: launching it with its scenarios, forming the
 * groups (by the room, by the facilitator, or by choice), and dealing the role cards each round.
 * Part of {@link Roleplays}.
 */
final class RoleplaySetup {

    private RoleplaySetup() {}

    static Decision launch(RoomState state, Actor actor, Command.RoleplayLaunch c, Instant now) {
        if (current(state) != null) {
            return reject("conflict", "A role-play is already under way; end it first.");
        }
        String grouping = c.grouping() == null ? "auto" : c.grouping();
        if (!GROUPINGS.contains(grouping)) {
            return reject("invalid", "grouping is auto, manual or choice.");
        }
        String oddRule = c.oddRule() == null ? Grouping.EXTRA_OBSERVER : c.oddRule();
        if (!ODD_RULES.contains(oddRule)) {
            return reject("invalid", "oddRule is extra-observer or facilitator-joins.");
        }
        RoomLibrary.RolePlayPlan plan = null;
        if (c.moduleId() != null) {
            plan = state.library.rolePlay(c.moduleId()).orElse(null);
            if (plan == null) {
                return reject("not-found", "That module has no role-play.");
            }
        }
        int groupSize =
                c.groupSize() != null ? c.groupSize() : plan != null && plan.groupSize() != null ? plan.groupSize() : 3;
        if (groupSize < 2 || groupSize > 4) {
            return reject("invalid", "A group has 2 to 4 people.");
        }
        int rounds =
                c.rounds() != null ? c.rounds() : plan != null && plan.rounds() != null ? plan.rounds() : groupSize;
        if (rounds < 1 || rounds > 8) {
            return reject("invalid", "A role-play has 1 to 8 rounds.");
        }
        int minutes = c.minutes() != null
                ? c.minutes()
                : plan != null
                                && plan.roundMinutes() != null
                                && (c.rounds() == null || c.rounds().equals(plan.rounds()))
                        ? plan.roundMinutes()
                        : plan != null && plan.minutes() != null
                                ? Math.max(5, Math.min(15, plan.minutes() / (rounds + 1)))
                                : 10;
        if (minutes < 1 || minutes > 60) {
            return reject("invalid", "A round lasts 1 to 60 minutes.");
        }
        String title = c.title() == null || c.title().isBlank()
                ? "Role-play"
                : c.title().strip();
        if (title.length() > 120) {
            return reject("invalid", "A title has at most 120 characters.");
        }
        List<RoomLibrary.Scenario> scenarios = new ArrayList<>();
        if (c.scenarioIds() != null && !c.scenarioIds().isEmpty()) {
            if (c.scenarioIds().size() > MAX_SCENARIOS) {
                return reject("invalid", "Choose at most " + MAX_SCENARIOS + " scenarios.");
            }
            for (String scenarioId : new LinkedHashSet<>(c.scenarioIds())) {
                RoomLibrary.Scenario scenario = scenarioId == null
                        ? null
                        : state.library.scenario(scenarioId).orElse(null);
                if (scenario == null) {
                    return reject("not-found", "There is no scenario '" + scenarioId + "'.");
                }
                scenarios.add(scenario);
            }
        } else if (c.scenario() != null) {
            Command.AdHocScenario s = c.scenario();
            // a role given as null is a role left out (JSON {"observer": null}), not a card with no text
            Map<String, String> roles = new LinkedHashMap<>();
            if (s.roles() != null) {
                s.roles().forEach((role, card) -> {
                    if (card != null) {
                        roles.put(role, card);
                    }
                });
            }
            if (!text(s.title(), 120)
                    || !text(s.shared(), 2000)
                    || !text(roles.get(SHARING), 2000)
                    || !text(roles.get(SUPPORTER), 2000)
                    || roles.get(OBSERVER) != null && !text(roles.get(OBSERVER), 2000)
                    || s.contentNote() != null && s.contentNote().length() > 300
                    || roles.keySet().stream()
                            .anyMatch(
                                    r -> !List.of(SHARING, SUPPORTER, OBSERVER).contains(r))) {
                return reject(
                        "invalid",
                        "A scenario needs a title (up to 120 characters), the shared part (up to 2000) and a "
                                + "card for the person sharing and the peer supporter (up to 2000 each); the observer's card and a "
                                + "content note (up to 300) are optional.");
            }
            String note = s.contentNote() == null || s.contentNote().isBlank()
                    ? null
                    : s.contentNote().strip();
            scenarios.add(new RoomLibrary.Scenario(
                    "own-" + (state.lastSeq() + 1),
                    s.title().strip(),
                    note,
                    s.shared().strip(),
                    roles));
        } else {
            scenarios.addAll((plan == null
                            ? state.library.scenarios(List.of())
                            : state.library.scenarios(plan.tasks(), plan.themes()))
                    .stream().limit(MAX_SCENARIOS).toList());
            if (scenarios.isEmpty()) {
                return reject("invalid", "Choose scenarios from the bank, or write one.");
            }
        }
        String roleplayId = "r" + (state.lastSeq() + 1);
        List<RoomEvent> events = new ArrayList<>();
        Map<String, Object> launched = new LinkedHashMap<>();
        launched.put("roleplayId", roleplayId);
        launched.put("title", title);
        launched.put("groupSize", groupSize);
        launched.put("grouping", grouping);
        launched.put("oddRule", oddRule);
        launched.put("rounds", rounds);
        launched.put("minutes", minutes);
        launched.put("scenarioCount", scenarios.size());
        events.add(new RoomEvent(0, now, "roleplay.launched", launched, Visibility.EVERYONE, actor.id()));
        List<Map<String, Object>> prepared = new ArrayList<>();
        for (RoomLibrary.Scenario s : scenarios) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("title", s.title());
            m.put("contentNote", s.contentNote());
            m.put("shared", s.shared());
            m.put("roles", new LinkedHashMap<>(s.roles()));
            prepared.add(m);
        }
        events.add(event(
                now,
                "roleplay.prepared",
                Visibility.NOBODY,
                actor.id(),
                "roleplayId",
                roleplayId,
                "scenarios",
                prepared));

        List<UUID> people = participantsHere(state);
        List<Layout> layout = new ArrayList<>();
        List<UUID> unassigned = new ArrayList<>();
        if (grouping.equals("auto")) {
            List<List<UUID>> formed = people.size() < 2 && !Grouping.FACILITATOR_JOINS.equals(oddRule)
                    ? List.of()
                    : Grouping.form(people, groupSize, oddRule, actor.id(), state.met, state.lastSeq() + 1);
            for (int i = 0; i < formed.size(); i++) {
                layout.add(new Layout("g" + (i + 1), "Group " + (i + 1), new ArrayList<>(formed.get(i))));
            }
            if (formed.isEmpty()) {
                unassigned.addAll(people);
            }
        } else {
            int count = Math.max(
                    1, Grouping.sizes(people.size(), groupSize, oddRule).size());
            for (int i = 0; i < count; i++) {
                layout.add(new Layout("g" + (i + 1), "Group " + (i + 1), new ArrayList<>()));
            }
            unassigned.addAll(people);
        }
        events.add(grouped(state, actor, roleplayId, layout, unassigned, false, now));
        return new Decision.Accepted(events);
    }

    /** The participants in the room now: present, not facilitators, not asked to step out. */
    static List<UUID> participantsHere(RoomState state) {
        return state.present.keySet().stream()
                .filter(id -> !state.facilitators.contains(id) && !state.isRemoved(id))
                .toList();
    }

    /** One group as a command is about to leave it. */
    record Layout(String id, String name, List<UUID> members) {}

    static RoomEvent grouped(
            RoomState state,
            Actor actor,
            String roleplayId,
            List<Layout> layout,
            List<UUID> unassigned,
            boolean last,
            Instant now) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Layout g : layout) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (UUID id : g.members()) {
                members.add(Map.of(
                        "participantId",
                        id.toString(),
                        "name",
                        name(state, actor, id),
                        "facilitator",
                        state.facilitators.contains(id) || id.equals(actor.id()) && actor.facilitator()));
            }
            groups.add(Map.of("groupId", g.id(), "name", g.name(), "members", members));
        }
        List<Map<String, Object>> left = new ArrayList<>();
        for (UUID id : unassigned) {
            left.add(Map.of("participantId", id.toString(), "name", name(state, actor, id)));
        }
        return event(
                now,
                "roleplay.grouped",
                Visibility.EVERYONE,
                actor.id(),
                "roleplayId",
                roleplayId,
                "groups",
                groups,
                "unassigned",
                left,
                "final",
                last);
    }

    static String name(RoomState state, Actor actor, UUID id) {
        if (id.equals(actor.id())) {
            return actor.name();
        }
        String name = state.present.get(id);
        if (name != null) {
            return name;
        }
        RoleplayState rp = current(state);
        if (rp != null) {
            for (RoleplayState.Group g : rp.groups.values()) {
                if (g.members.containsKey(id)) {
                    return g.members.get(id);
                }
            }
            if (rp.unassigned.containsKey(id)) {
                return rp.unassigned.get(id);
            }
        }
        return "Participant";
    }

    static List<Layout> layout(RoleplayState rp) {
        List<Layout> layout = new ArrayList<>();
        rp.groups.values().forEach(g -> layout.add(new Layout(g.id, g.name, g.memberIds())));
        return layout;
    }
}
