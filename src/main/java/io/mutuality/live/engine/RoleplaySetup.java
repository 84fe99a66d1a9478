package io.mutuality.live.engine;

import static io.mutuality.live.engine.Roleplays.GROUPINGS;
import static io.mutuality.live.engine.Roleplays.MAX_SCENARIOS;
import static io.mutuality.live.engine.Roleplays.OBSERVER;
import static io.mutuality.live.engine.Roleplays.ODD_RULES;
import static io.mutuality.live.engine.Roleplays.OBSERVER_CARD;
import static io.mutuality.live.engine.Roleplays.SHARING;
import static io.mutuality.live.engine.Roleplays.SUPPORTER;
import static io.mutuality.live.engine.Roleplays.current;
import static io.mutuality.live.engine.Roleplays.role;
import static io.mutuality.live.engine.Roleplays.roles;
import static io.mutuality.live.engine.Roleplays.warnLead;
import static io.mutuality.live.engine.Rules.accept;
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

    private RoleplaySetup() {
    }

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
        int groupSize = c.groupSize() != null ? c.groupSize() : plan != null && plan.groupSize() != null ? plan.groupSize() : 3;
        if (groupSize < 2 || groupSize > 4) {
            return reject("invalid", "A group has 2 to 4 people.");
        }
        int rounds = c.rounds() != null ? c.rounds() : plan != null && plan.rounds() != null ? plan.rounds() : groupSize;
        if (rounds < 1 || rounds > 8) {
            return reject("invalid", "A role-play has 1 to 8 rounds.");
        }
        int minutes = c.minutes() != null ? c.minutes()
                : plan != null && plan.roundMinutes() != null && (c.rounds() == null || c.rounds().equals(plan.rounds()))
                        ? plan.roundMinutes()
                : plan != null && plan.minutes() != null ? Math.max(5, Math.min(15, plan.minutes() / (rounds + 1))) : 10;
        if (minutes < 1 || minutes > 60) {
            return reject("invalid", "A round lasts 1 to 60 minutes.");
        }
        String title = c.title() == null || c.title().isBlank() ? "Role-play" : c.title().strip();
        if (title.length() > 120) {
            return reject("invalid", "A title has at most 120 characters.");
        }
        List<RoomLibrary.Scenario> scenarios = new ArrayList<>();
        if (c.scenarioIds() != null && !c.scenarioIds().isEmpty()) {
            if (c.scenarioIds().size() > MAX_SCENARIOS) {
                return reject("invalid", "Choose at most " + MAX_SCENARIOS + " scenarios.");
            }
            for (String scenarioId : new LinkedHashSet<>(c.scenarioIds())) {
                RoomLibrary.Scenario scenario = scenarioId == null ? null : state.library.scenario(scenarioId).orElse(null);
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
            if (!text(s.title(), 120) || !text(s.shared(), 2000) || !text(roles.get(SHARING), 2000)
                    || !text(roles.get(SUPPORTER), 2000)
                    || roles.get(OBSERVER) != null && !text(roles.get(OBSERVER), 2000)
                    || s.contentNote() != null && s.contentNote().length() > 300
                    || roles.keySet().stream().anyMatch(r -> !List.of(SHARING, SUPPORTER, OBSERVER).contains(r))) {
                return reject("invalid", "A scenario needs a title (up to 120 characters), the shared part (up to 2000) and a "
                        + "card for the person sharing and the peer supporter (up to 2000 each); the observer's card and a "
                        + "content note (up to 300) are optional.");
            }
            String note = s.contentNote() == null || s.contentNote().isBlank() ? null : s.contentNote().strip();
            scenarios.add(new RoomLibrary.Scenario("own-" + (state.lastSeq() + 1), s.title().strip(), note, s.shared().strip(), roles));
        } else {
            scenarios.addAll((plan == null ? state.library.scenarios(List.of()) : state.library.scenarios(plan.tasks(), plan.themes()))
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
        events.add(event(now, "roleplay.prepared", Visibility.NOBODY, actor.id(), "roleplayId", roleplayId, "scenarios", prepared));

        List<UUID> people = participantsHere(state);
        List<Layout> layout = new ArrayList<>();
        List<UUID> unassigned = new ArrayList<>();
        if (grouping.equals("auto")) {
            List<List<UUID>> formed = people.size() < 2 && !Grouping.FACILITATOR_JOINS.equals(oddRule) ? List.of()
                    : Grouping.form(people, groupSize, oddRule, actor.id(), state.met, state.lastSeq() + 1);
            for (int i = 0; i < formed.size(); i++) {
                layout.add(new Layout("g" + (i + 1), "Group " + (i + 1), new ArrayList<>(formed.get(i))));
            }
            if (formed.isEmpty()) {
                unassigned.addAll(people);
            }
        } else {
            int count = Math.max(1, Grouping.sizes(people.size(), groupSize, oddRule).size());
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
        return state.present.keySet().stream().filter(id -> !state.facilitators.contains(id) && !state.isRemoved(id)).toList();
    }

    /** One group as a command is about to leave it. */
    record Layout(String id, String name, List<UUID> members) {
    }

    static RoomEvent grouped(RoomState state, Actor actor, String roleplayId, List<Layout> layout, List<UUID> unassigned,
            boolean last, Instant now) {
        List<Map<String, Object>> groups = new ArrayList<>();
        for (Layout g : layout) {
            List<Map<String, Object>> members = new ArrayList<>();
            for (UUID id : g.members()) {
                members.add(Map.of("participantId", id.toString(), "name", name(state, actor, id),
                        "facilitator", state.facilitators.contains(id) || id.equals(actor.id()) && actor.facilitator()));
            }
            groups.add(Map.of("groupId", g.id(), "name", g.name(), "members", members));
        }
        List<Map<String, Object>> left = new ArrayList<>();
        for (UUID id : unassigned) {
            left.add(Map.of("participantId", id.toString(), "name", name(state, actor, id)));
        }
        return event(now, "roleplay.grouped", Visibility.EVERYONE, actor.id(), "roleplayId", roleplayId, "groups", groups,
                "unassigned", left, "final", last);
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

    static Decision choose(RoomState state, RoleplayState rp, Actor actor, Command.RoleplayChoose c, Instant now) {
        if (!rp.grouping.equals("choice") || !rp.phase.equals("forming")) {
            return reject("conflict", "Groups are not being chosen now.");
        }
        RoleplayState.Group target = rp.groups.get(c.groupId());
        if (target == null) {
            return reject("not-found", "There is no such group.");
        }
        if (target.members.containsKey(actor.id())) {
            return accept();
        }
        if (target.members.size() >= rp.groupSize + 1) {
            return reject("conflict", target.name + " is full; choose another group.");
        }
        return accept(move(state, rp, actor, actor.id(), c.groupId(), now));
    }

    static RoomEvent move(RoomState state, RoleplayState rp, Actor actor, UUID person, String groupId, Instant now) {
        List<Layout> layout = layout(rp);
        layout.forEach(g -> g.members().remove(person));
        List<UUID> unassigned = new ArrayList<>(rp.unassigned.keySet());
        unassigned.remove(person);
        if (groupId == null) {
            unassigned.add(person);
        } else {
            layout.stream().filter(g -> g.id().equals(groupId)).findFirst().ifPresent(g -> g.members().add(person));
        }
        return grouped(state, actor, rp.id, layout, unassigned, !rp.phase.equals("forming"), now);
    }

    static Decision assign(RoomState state, RoleplayState rp, Actor actor, Command.RoleplayAssign c, Instant now) {
        if (c.participantId() == null) {
            return reject("invalid", "Name the participant to move.");
        }
        UUID person = c.participantId();
        boolean known = state.isPresent(person) || rp.unassigned.containsKey(person) || rp.groupOf(person) != null;
        if (!known || state.isRemoved(person)) {
            return reject("not-found", "That person is not in the room.");
        }
        if (c.groupId() != null && !rp.groups.containsKey(c.groupId())) {
            return reject("not-found", "There is no such group.");
        }
        RoleplayState.Group from = rp.groupOf(person);
        if (from != null && from.id.equals(c.groupId())) {
            return accept();
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(move(state, rp, actor, person, c.groupId(), now));
        if (rp.phase.equals("rounds")) {
            // mid-round: the person leaving takes their role with them; the person arriving observes until the next round
            if (from != null) {
                Map<UUID, String> roles = new LinkedHashMap<>(from.roles);
                roles.remove(person);
                List<UUID> members = from.memberIds();
                members.remove(person);
                events.add(rolesEvent(state, actor, rp, from.id, members, roles, now));
            }
            if (c.groupId() != null) {
                RoleplayState.Group to = rp.groups.get(c.groupId());
                Map<UUID, String> roles = new LinkedHashMap<>(to.roles);
                roles.put(person, OBSERVER);
                List<UUID> members = to.memberIds();
                members.add(person);
                events.add(rolesEvent(state, actor, rp, to.id, members, roles, now));
                RoomLibrary.Scenario scenario = to.scenarioId == null ? null : rp.scenario(to.scenarioId);
                if (to.opened && scenario != null) {
                    events.add(card(rp, to.id, scenario, person, OBSERVER, actor.id(), now));
                }
            }
        }
        return new Decision.Accepted(events);
    }

    static Decision start(RoomState state, RoleplayState rp, Actor actor, Instant now) {
        if (!rp.phase.equals("forming")) {
            return reject("conflict", "This role-play has already started.");
        }
        List<Layout> layout = layout(rp);
        List<UUID> waiting = new ArrayList<>(rp.unassigned.keySet().stream().filter(state::isPresent).toList());
        participantsHere(state).stream().filter(id -> !waiting.contains(id) && rp.groupOf(id) == null).forEach(waiting::add);
        if (layout.stream().allMatch(g -> g.members().isEmpty())) {
            List<List<UUID>> formed = Grouping.form(waiting, rp.groupSize, rp.oddRule, actor.id(), state.met, state.lastSeq() + 1);
            layout.clear();
            for (int i = 0; i < formed.size(); i++) {
                layout.add(new Layout("g" + (i + 1), "Group " + (i + 1), new ArrayList<>(formed.get(i))));
            }
        } else {
            for (UUID person : waiting) {
                layout.stream().filter(g -> !g.members().isEmpty())
                        .min((a, b) -> Integer.compare(a.members().size(), b.members().size()))
                        .ifPresent(g -> g.members().add(person));
            }
        }
        layout.removeIf(g -> g.members().isEmpty());
        if (layout.isEmpty()) {
            return reject("conflict", "Nobody is in a group yet.");
        }
        for (Layout g : layout) {
            if (g.members().size() < 2) {
                return reject("conflict", g.name() + " has only one person; move someone to it, or move them to another group.");
            }
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(grouped(state, actor, rp.id, layout, List.of(), true, now));
        events.addAll(round(state, rp, actor, layout, 1, now));
        return new Decision.Accepted(events);
    }

    /** A round begins: the clock, then per group its roles, its next scenario and, if it needs no content note, the cards. */
    static List<RoomEvent> round(RoomState state, RoleplayState rp, Actor actor, List<Layout> layout, int round, Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        long seconds = rp.minutes * 60L;
        Instant endsAt = now.plusSeconds(seconds);
        events.add(event(now, "roleplay.round-started", Visibility.EVERYONE, actor.id(), "roleplayId", rp.id, "round", round,
                "rounds", rp.rounds, "endsAt", endsAt.toString(), "warnAt", endsAt.minusSeconds(warnLead(seconds)).toString()));
        int count = layout.size();
        for (int g = 0; g < count; g++) {
            Layout group = layout.get(g);
            Map<UUID, String> roles = new LinkedHashMap<>();
            for (int i = 0; i < group.members().size(); i++) {
                roles.put(group.members().get(i), role(i, group.members().size(), round));
            }
            events.add(rolesEvent(state, actor, rp, group.id(), group.members(), roles, round, now));
            RoleplayState.Group known = rp.groups.get(group.id());
            int current = known == null || known.scenarioId == null ? -1 : rp.scenarioIndex(known.scenarioId);
            int index = current < 0 ? g % rp.scenarios.size() : (current + count) % rp.scenarios.size();
            events.addAll(offer(rp, group.id(), group.members(), roles, rp.scenarios.get(index), round, actor.id(), now));
        }
        return events;
    }

    static RoomEvent rolesEvent(RoomState state, Actor actor, RoleplayState rp, String groupId, List<UUID> members,
            Map<UUID, String> roles, Instant now) {
        return rolesEvent(state, actor, rp, groupId, members, roles, rp.round, now);
    }

    static RoomEvent rolesEvent(RoomState state, Actor actor, RoleplayState rp, String groupId, List<UUID> members,
            Map<UUID, String> roles, int round, Instant now) {
        List<Map<String, Object>> list = new ArrayList<>();
        roles.forEach((person, role) -> list.add(Map.of("participantId", person.toString(), "name", name(state, actor, person),
                "role", role)));
        return event(now, "roleplay.roles", Visibility.group(members), actor.id(), "roleplayId", rp.id, "groupId", groupId,
                "round", round, "roles", list);
    }

    static List<RoomEvent> offer(RoleplayState rp, String groupId, List<UUID> members, Map<UUID, String> roles,
            RoomLibrary.Scenario scenario, int round, UUID actorId, Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "roleplay.scenario-offered", Visibility.group(members), actorId, "roleplayId", rp.id,
                "groupId", groupId, "round", round, "scenarioId", scenario.id(), "title", scenario.title(),
                "contentNote", scenario.contentNote()));
        if (scenario.contentNote() == null || scenario.contentNote().isBlank()) {
            events.addAll(reveal(rp, groupId, members, roles, scenario, round, actorId, now));
        }
        return events;
    }

    static List<RoomEvent> reveal(RoleplayState rp, String groupId, List<UUID> members, Map<UUID, String> roles,
            RoomLibrary.Scenario scenario, int round, UUID actorId, Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "roleplay.scenario-opened", Visibility.group(members), actorId, "roleplayId", rp.id,
                "groupId", groupId, "round", round, "scenarioId", scenario.id(), "title", scenario.title(), "shared", scenario.shared()));
        roles.forEach((person, role) -> events.add(card(rp, groupId, scenario, person, role, actorId, now, round)));
        return events;
    }

    static RoomEvent card(RoleplayState rp, String groupId, RoomLibrary.Scenario scenario, UUID person, String role,
            UUID actorId, Instant now) {
        return card(rp, groupId, scenario, person, role, actorId, now, rp.round);
    }

    static RoomEvent card(RoleplayState rp, String groupId, RoomLibrary.Scenario scenario, UUID person, String role,
            UUID actorId, Instant now, int round) {
        String card = scenario.roles().get(role);
        if (card == null || card.isBlank()) {
            card = OBSERVER.equals(role) ? OBSERVER_CARD : "";
        }
        return event(now, "roleplay.card", Visibility.person(person), actorId, "roleplayId", rp.id, "groupId", groupId,
                "round", round, "scenarioId", scenario.id(), "role", role, "card", card);
    }
}
