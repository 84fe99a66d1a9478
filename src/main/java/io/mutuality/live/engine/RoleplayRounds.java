package io.mutuality.live.engine;

import static io.mutuality.live.engine.RoleplaySetup.*;
import static io.mutuality.live.engine.Roleplays.*;
import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.reject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Forming a role-play's groups by hand or by choice, starting it, and each round: who plays which
 * role, the scenario offered and opened, each person's own card. Part of {@link Roleplays}.
 */
final class RoleplayRounds {

    private RoleplayRounds() {}

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
            layout.stream()
                    .filter(g -> g.id().equals(groupId))
                    .findFirst()
                    .ifPresent(g -> g.members().add(person));
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
            // mid-round: the person leaving takes their role with them; the person arriving observes until the next
            // round
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
        List<UUID> waiting = new ArrayList<>(
                rp.unassigned.keySet().stream().filter(state::isPresent).toList());
        participantsHere(state).stream()
                .filter(id -> !waiting.contains(id) && rp.groupOf(id) == null)
                .forEach(waiting::add);
        if (layout.stream().allMatch(g -> g.members().isEmpty())) {
            List<List<UUID>> formed =
                    Grouping.form(waiting, rp.groupSize, rp.oddRule, actor.id(), state.met, state.lastSeq() + 1);
            layout.clear();
            for (int i = 0; i < formed.size(); i++) {
                layout.add(new Layout("g" + (i + 1), "Group " + (i + 1), new ArrayList<>(formed.get(i))));
            }
        } else {
            for (UUID person : waiting) {
                layout.stream()
                        .filter(g -> !g.members().isEmpty())
                        .min((a, b) ->
                                Integer.compare(a.members().size(), b.members().size()))
                        .ifPresent(g -> g.members().add(person));
            }
        }
        layout.removeIf(g -> g.members().isEmpty());
        if (layout.isEmpty()) {
            return reject("conflict", "Nobody is in a group yet.");
        }
        for (Layout g : layout) {
            if (g.members().size() < 2) {
                return reject(
                        "conflict",
                        g.name() + " has only one person; move someone to it, or move them to another group.");
            }
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(grouped(state, actor, rp.id, layout, List.of(), true, now));
        events.addAll(round(state, rp, actor, layout, 1, now));
        return new Decision.Accepted(events);
    }

    /** A round begins: the clock, then per group its roles, its next scenario and, if it needs no content note, the cards. */
    static List<RoomEvent> round(
            RoomState state, RoleplayState rp, Actor actor, List<Layout> layout, int round, Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        long seconds = rp.minutes * 60L;
        Instant endsAt = now.plusSeconds(seconds);
        events.add(event(
                now,
                "roleplay.round-started",
                Visibility.EVERYONE,
                actor.id(),
                "roleplayId",
                rp.id,
                "round",
                round,
                "rounds",
                rp.rounds,
                "endsAt",
                endsAt.toString(),
                "warnAt",
                endsAt.minusSeconds(warnLead(seconds)).toString()));
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
            events.addAll(
                    offer(rp, group.id(), group.members(), roles, rp.scenarios.get(index), round, actor.id(), now));
        }
        return events;
    }

    static RoomEvent rolesEvent(
            RoomState state,
            Actor actor,
            RoleplayState rp,
            String groupId,
            List<UUID> members,
            Map<UUID, String> roles,
            Instant now) {
        return rolesEvent(state, actor, rp, groupId, members, roles, rp.round, now);
    }

    static RoomEvent rolesEvent(
            RoomState state,
            Actor actor,
            RoleplayState rp,
            String groupId,
            List<UUID> members,
            Map<UUID, String> roles,
            int round,
            Instant now) {
        List<Map<String, Object>> list = new ArrayList<>();
        roles.forEach((person, role) ->
                list.add(Map.of("participantId", person.toString(), "name", name(state, actor, person), "role", role)));
        return event(
                now,
                "roleplay.roles",
                Visibility.group(members),
                actor.id(),
                "roleplayId",
                rp.id,
                "groupId",
                groupId,
                "round",
                round,
                "roles",
                list);
    }

    static List<RoomEvent> offer(
            RoleplayState rp,
            String groupId,
            List<UUID> members,
            Map<UUID, String> roles,
            RoomLibrary.Scenario scenario,
            int round,
            UUID actorId,
            Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(
                now,
                "roleplay.scenario-offered",
                Visibility.group(members),
                actorId,
                "roleplayId",
                rp.id,
                "groupId",
                groupId,
                "round",
                round,
                "scenarioId",
                scenario.id(),
                "title",
                scenario.title(),
                "contentNote",
                scenario.contentNote()));
        if (scenario.contentNote() == null || scenario.contentNote().isBlank()) {
            events.addAll(reveal(rp, groupId, members, roles, scenario, round, actorId, now));
        }
        return events;
    }

    static List<RoomEvent> reveal(
            RoleplayState rp,
            String groupId,
            List<UUID> members,
            Map<UUID, String> roles,
            RoomLibrary.Scenario scenario,
            int round,
            UUID actorId,
            Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(
                now,
                "roleplay.scenario-opened",
                Visibility.group(members),
                actorId,
                "roleplayId",
                rp.id,
                "groupId",
                groupId,
                "round",
                round,
                "scenarioId",
                scenario.id(),
                "title",
                scenario.title(),
                "shared",
                scenario.shared()));
        roles.forEach((person, role) -> events.add(card(rp, groupId, scenario, person, role, actorId, now, round)));
        return events;
    }

    static RoomEvent card(
            RoleplayState rp,
            String groupId,
            RoomLibrary.Scenario scenario,
            UUID person,
            String role,
            UUID actorId,
            Instant now) {
        return card(rp, groupId, scenario, person, role, actorId, now, rp.round);
    }

    static RoomEvent card(
            RoleplayState rp,
            String groupId,
            RoomLibrary.Scenario scenario,
            UUID person,
            String role,
            UUID actorId,
            Instant now,
            int round) {
        String card = scenario.roles().get(role);
        if (card == null || card.isBlank()) {
            card = OBSERVER.equals(role) ? OBSERVER_CARD : "";
        }
        return event(
                now,
                "roleplay.card",
                Visibility.person(person),
                actorId,
                "roleplayId",
                rp.id,
                "groupId",
                groupId,
                "round",
                round,
                "scenarioId",
                scenario.id(),
                "role",
                role,
                "card",
                card);
    }
}
