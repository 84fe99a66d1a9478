package io.mutuality.live.engine;

import static io.mutuality.live.engine.RoomEngine.accept;
import static io.mutuality.live.engine.RoomEngine.event;
import static io.mutuality.live.engine.RoomEngine.reject;
import static io.mutuality.live.engine.RoomEngine.text;

import io.mutuality.live.engine.Command.RoleplayCommand;
import io.mutuality.live.engine.RoomEngine.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a role-play: grouping, private role cards, rotation over rounds, the round
 * clock, observer notes with consent, and group then room debriefs. Part of {@link RoomEngine}.
 */
final class Roleplays {

    static final String SHARING = "person-sharing";
    static final String SUPPORTER = "peer-supporter";
    static final String OBSERVER = "observer";
    static final List<String> GROUPINGS = List.of("auto", "manual", "choice");
    static final List<String> ODD_RULES = List.of(Grouping.EXTRA_OBSERVER, Grouping.FACILITATOR_JOINS);
    static final List<String> TASKS = List.of("connection", "worldview", "mutuality", "moving-towards");
    static final int MAX_SCENARIOS = 12;
    static final int MAX_MOMENT = 500;
    static final int MAX_PROPOSAL = 500;

    /** The observer card when a scenario has none of its own. */
    static final String OBSERVER_CARD = "Watch the conversation through the four tasks: connection, worldview, mutuality and "
            + "moving towards. Note moments as they happen (\"when ..., then ...\"), not judgements, and offer them "
            + "afterwards to the people you watched.";

    private Roleplays() {
    }

    /** The roles in a group of {@code k}: the person sharing, the peer supporter, and observers. */
    static List<String> roles(int k) {
        List<String> roles = new ArrayList<>(List.of(SHARING, SUPPORTER));
        for (int i = 2; i < k; i++) {
            roles.add(OBSERVER);
        }
        return roles.subList(0, Math.max(0, Math.min(k, roles.size())));
    }

    /** The role of the member at {@code index} of a group of {@code k} in round {@code round} (from 1). */
    static String role(int index, int k, int round) {
        return roles(k).get(Math.floorMod(index + round - 1, k));
    }

    /** Seconds before the end at which the warning comes: a minute, or a quarter of a short round. */
    static long warnLead(long roundSeconds) {
        return Math.min(60, roundSeconds / 4);
    }

    // ------------------------------------------------------------------ launch

    static Decision launch(RoomState state, Actor actor, Command.RoleplayLaunch c, Instant now) {
        if (state.roleplay != null) {
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
    private static List<UUID> participantsHere(RoomState state) {
        return state.present.keySet().stream().filter(id -> !state.facilitators.contains(id) && !state.isRemoved(id)).toList();
    }

    /** One group as a command is about to leave it. */
    record Layout(String id, String name, List<UUID> members) {
    }

    private static RoomEvent grouped(RoomState state, Actor actor, String roleplayId, List<Layout> layout, List<UUID> unassigned,
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

    private static String name(RoomState state, Actor actor, UUID id) {
        if (id.equals(actor.id())) {
            return actor.name();
        }
        String name = state.present.get(id);
        if (name != null) {
            return name;
        }
        RoleplayState rp = state.roleplay;
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

    private static List<Layout> layout(RoleplayState rp) {
        List<Layout> layout = new ArrayList<>();
        rp.groups.values().forEach(g -> layout.add(new Layout(g.id, g.name, g.memberIds())));
        return layout;
    }

    // ------------------------------------------------------------------ the role-play under way

    static Decision decide(RoomState state, Actor actor, RoleplayCommand command, Instant now) {
        RoleplayState rp = state.roleplay;
        if (rp == null || !rp.id.equals(command.roleplayId())) {
            return reject("not-found", "That role-play is not under way.");
        }
        if (command instanceof Command.RoleplayChoose c) {
            return choose(state, rp, actor, c, now);
        }
        if (command instanceof Command.RoleplayOpen) {
            return open(state, rp, actor, now);
        }
        if (command instanceof Command.RoleplaySwap) {
            return swap(state, rp, actor, now);
        }
        if (command instanceof Command.RoleplayNote c) {
            return note(state, rp, actor, c, now);
        }
        if (command instanceof Command.RoleplayNoteConsent c) {
            return consent(rp, actor, c, now);
        }
        if (command instanceof Command.RoleplayHelp c) {
            return help(rp, actor, c, now);
        }
        if (command instanceof Command.RoleplaySharePropose c) {
            return propose(state, rp, actor, c, now);
        }
        if (command instanceof Command.RoleplayShareAnswer c) {
            return answer(rp, actor, c, now);
        }
        if (!actor.facilitator()) {
            return reject("not-allowed", "Only facilitators can do that.");
        }
        if (command instanceof Command.RoleplayAssign c) {
            return assign(state, rp, actor, c, now);
        } else if (command instanceof Command.RoleplayAddGroup) {
            int number = rp.groups.values().stream().mapToInt(g -> Integer.parseInt(g.id.substring(1))).max().orElse(0) + 1;
            List<Layout> layout = layout(rp);
            layout.add(new Layout("g" + number, "Group " + number, new ArrayList<>()));
            return accept(grouped(state, actor, rp.id, layout, new ArrayList<>(rp.unassigned.keySet()), !rp.phase.equals("forming"), now));
        } else if (command instanceof Command.RoleplayStart) {
            return start(state, rp, actor, now);
        } else if (command instanceof Command.RoleplayNextRound) {
            if (!rp.phase.equals("rounds")) {
                return reject("conflict", "Rounds are not under way.");
            }
            if (rp.round >= rp.rounds) {
                return reject("conflict", "That was the last round; move on to the debrief.");
            }
            return new Decision.Accepted(round(state, rp, actor, layout(rp), rp.round + 1, now));
        } else if (command instanceof Command.RoleplayExtend c) {
            if (!rp.phase.equals("rounds") || rp.endsAt == null) {
                return reject("conflict", "No round is running.");
            }
            if (c.seconds() == null || c.seconds() < 30 || c.seconds() > 1800) {
                return reject("invalid", "A round can be extended by 30 seconds to 30 minutes.");
            }
            Instant endsAt = (rp.endsAt.isBefore(now) ? now : rp.endsAt).plusSeconds(c.seconds());
            Instant warnAt = endsAt.minusSeconds(warnLead(Duration.between(now, endsAt).toSeconds()));
            return accept(event(now, "roleplay.clock", Visibility.EVERYONE, actor.id(), "roleplayId", rp.id, "round", rp.round,
                    "endsAt", endsAt.toString(), "warnAt", warnAt.toString()));
        } else if (command instanceof Command.RoleplayListen c) {
            return listen(rp, actor, c, now);
        } else if (command instanceof Command.RoleplayDebrief) {
            if (!rp.phase.equals("rounds")) {
                return reject("conflict", "The debrief follows the rounds.");
            }
            return accept(event(now, "roleplay.phase", Visibility.EVERYONE, actor.id(), "roleplayId", rp.id, "phase", "group-debrief"));
        } else if (command instanceof Command.RoleplayRoomDebrief) {
            if (!rp.phase.equals("group-debrief") && !rp.phase.equals("rounds")) {
                return reject("conflict", "The room debrief follows the groups' debriefs.");
            }
            List<RoomEvent> events = new ArrayList<>();
            events.add(event(now, "roleplay.phase", Visibility.EVERYONE, actor.id(), "roleplayId", rp.id, "phase", "room-debrief"));
            for (RoleplayState.Group group : rp.groups.values()) {
                for (RoleplayState.Proposal p : rp.proposals.values()) {
                    if (p.groupId.equals(group.id) && p.ready && !p.shared) {
                        events.add(shared(rp, group, p, actor.id(), now));
                    }
                }
            }
            return new Decision.Accepted(events);
        } else if (command instanceof Command.RoleplayEnd) {
            return accept(event(now, "roleplay.ended", Visibility.EVERYONE, actor.id(), "roleplayId", rp.id));
        }
        return reject("unknown-type", "This room does not know that command.");
    }

    private static Decision choose(RoomState state, RoleplayState rp, Actor actor, Command.RoleplayChoose c, Instant now) {
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

    private static RoomEvent move(RoomState state, RoleplayState rp, Actor actor, UUID person, String groupId, Instant now) {
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

    private static Decision assign(RoomState state, RoleplayState rp, Actor actor, Command.RoleplayAssign c, Instant now) {
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

    private static Decision start(RoomState state, RoleplayState rp, Actor actor, Instant now) {
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
    private static List<RoomEvent> round(RoomState state, RoleplayState rp, Actor actor, List<Layout> layout, int round, Instant now) {
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

    private static RoomEvent rolesEvent(RoomState state, Actor actor, RoleplayState rp, String groupId, List<UUID> members,
            Map<UUID, String> roles, Instant now) {
        return rolesEvent(state, actor, rp, groupId, members, roles, rp.round, now);
    }

    private static RoomEvent rolesEvent(RoomState state, Actor actor, RoleplayState rp, String groupId, List<UUID> members,
            Map<UUID, String> roles, int round, Instant now) {
        List<Map<String, Object>> list = new ArrayList<>();
        roles.forEach((person, role) -> list.add(Map.of("participantId", person.toString(), "name", name(state, actor, person),
                "role", role)));
        return event(now, "roleplay.roles", Visibility.group(members), actor.id(), "roleplayId", rp.id, "groupId", groupId,
                "round", round, "roles", list);
    }

    private static List<RoomEvent> offer(RoleplayState rp, String groupId, List<UUID> members, Map<UUID, String> roles,
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

    private static List<RoomEvent> reveal(RoleplayState rp, String groupId, List<UUID> members, Map<UUID, String> roles,
            RoomLibrary.Scenario scenario, int round, UUID actorId, Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "roleplay.scenario-opened", Visibility.group(members), actorId, "roleplayId", rp.id,
                "groupId", groupId, "round", round, "scenarioId", scenario.id(), "title", scenario.title(), "shared", scenario.shared()));
        roles.forEach((person, role) -> events.add(card(rp, groupId, scenario, person, role, actorId, now, round)));
        return events;
    }

    private static RoomEvent card(RoleplayState rp, String groupId, RoomLibrary.Scenario scenario, UUID person, String role,
            UUID actorId, Instant now) {
        return card(rp, groupId, scenario, person, role, actorId, now, rp.round);
    }

    private static RoomEvent card(RoleplayState rp, String groupId, RoomLibrary.Scenario scenario, UUID person, String role,
            UUID actorId, Instant now, int round) {
        String card = scenario.roles().get(role);
        if (card == null || card.isBlank()) {
            card = OBSERVER.equals(role) ? OBSERVER_CARD : "";
        }
        return event(now, "roleplay.card", Visibility.person(person), actorId, "roleplayId", rp.id, "groupId", groupId,
                "round", round, "scenarioId", scenario.id(), "role", role, "card", card);
    }

    private static RoleplayState.Group memberGroup(RoleplayState rp, Actor actor) {
        return rp.groupOf(actor.id());
    }

    private static Decision open(RoomState state, RoleplayState rp, Actor actor, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        if (group == null || !rp.phase.equals("rounds") || group.scenarioId == null) {
            return reject("conflict", "Your group has no scenario to open.");
        }
        if (group.opened) {
            return reject("conflict", "Your group's scenario is already open.");
        }
        return new Decision.Accepted(reveal(rp, group.id, group.memberIds(), group.roles, rp.scenario(group.scenarioId), rp.round,
                actor.id(), now));
    }

    private static Decision swap(RoomState state, RoleplayState rp, Actor actor, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        if (group == null || !rp.phase.equals("rounds") || group.scenarioId == null) {
            return reject("conflict", "Your group has no scenario to swap.");
        }
        if (rp.scenarios.size() < 2) {
            return reject("conflict", "This role-play has only one scenario. You can still step out of your role at any time.");
        }
        int next = (rp.scenarioIndex(group.scenarioId) + 1) % rp.scenarios.size();
        return new Decision.Accepted(offer(rp, group.id, group.memberIds(), group.roles, rp.scenarios.get(next), rp.round,
                actor.id(), now));
    }

    private static Decision note(RoomState state, RoleplayState rp, Actor actor, Command.RoleplayNote c, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        if (group == null || rp.phase.equals("forming")) {
            return reject("conflict", "Notes are for the people in your group, once the role-play has begun.");
        }
        if (rp.phase.equals("rounds") && !OBSERVER.equals(group.roles.get(actor.id()))) {
            return reject("conflict", "During a round, the observers take notes; everyone can give notes in the debrief.");
        }
        if (c.task() == null || !TASKS.contains(c.task())) {
            return reject("invalid", "task is connection, worldview, mutuality or moving-towards.");
        }
        if (!text(c.moment(), MAX_MOMENT)) {
            return reject("invalid", "A note is one moment, in 1 to " + MAX_MOMENT + " characters.");
        }
        Set<UUID> about = new LinkedHashSet<>();
        if (c.about() == null || c.about().isEmpty()) {
            group.members.keySet().stream().filter(id -> !id.equals(actor.id())).forEach(about::add);
        } else {
            for (UUID id : c.about()) {
                if (id == null || id.equals(actor.id()) || !group.members.containsKey(id)) {
                    return reject("invalid", "A note is about people in your group other than you.");
                }
                about.add(id);
            }
        }
        List<Map<String, Object>> aboutList = new ArrayList<>();
        about.forEach(id -> aboutList.add(Map.of("participantId", id.toString(), "name", group.members.get(id))));
        Set<UUID> audience = new LinkedHashSet<>(about);
        audience.add(actor.id());
        return accept(event(now, "roleplay.note-given", Visibility.people(audience), actor.id(), "roleplayId", rp.id,
                "noteId", "n" + (state.lastSeq() + 1), "groupId", group.id, "round", rp.round, "task", c.task(),
                "moment", c.moment().strip(), "by", actor.name(), "byId", actor.id().toString(), "about", aboutList));
    }

    private static Decision consent(RoleplayState rp, Actor actor, Command.RoleplayNoteConsent c, Instant now) {
        RoleplayState.Note note = c.noteId() == null ? null : rp.notes.get(c.noteId());
        if (note == null || !note.about.contains(actor.id())) {
            return reject("not-found", "There is no note about you with that id.");
        }
        if (note.consented.contains(actor.id())) {
            return reject("conflict", "You have already agreed to share this note.");
        }
        Set<UUID> audience = new LinkedHashSet<>(note.about);
        audience.add(note.author);
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "roleplay.note-consented", Visibility.people(audience), actor.id(), "roleplayId", rp.id,
                "noteId", note.id, "participantId", actor.id().toString()));
        Set<UUID> agreed = new LinkedHashSet<>(note.consented);
        agreed.add(actor.id());
        if (agreed.containsAll(note.about)) {
            Map<String, Object> copy = new LinkedHashMap<>(note.data);
            copy.remove("byId");
            events.add(new RoomEvent(0, now, "roleplay.note-for-facilitators", copy, Visibility.FACILITATORS, actor.id()));
        }
        return new Decision.Accepted(events);
    }

    private static Decision help(RoleplayState rp, Actor actor, Command.RoleplayHelp c, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        if (group == null) {
            return reject("conflict", "You are not in a group.");
        }
        if (c.on() == null) {
            return reject("invalid", "on is true or false.");
        }
        if (group.help == c.on()) {
            return accept();
        }
        return accept(event(now, "roleplay.help", Visibility.group(group.memberIds()), actor.id(), "roleplayId", rp.id,
                "groupId", group.id, "on", c.on()));
    }

    private static Decision listen(RoleplayState rp, Actor actor, Command.RoleplayListen c, Instant now) {
        RoleplayState.Group group = c.groupId() == null ? null : rp.groups.get(c.groupId());
        if (c.groupId() != null && group == null) {
            return reject("not-found", "There is no such group.");
        }
        String previous = rp.listening.get(actor.id());
        if (java.util.Objects.equals(previous, c.groupId())) {
            return accept();
        }
        Set<UUID> audience = new LinkedHashSet<>();
        if (group != null) {
            audience.addAll(group.members.keySet());
        }
        if (previous != null && rp.groups.containsKey(previous)) {
            audience.addAll(rp.groups.get(previous).members.keySet());
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "roleplay.listening", Visibility.group(audience), actor.id(), "roleplayId", rp.id,
                "facilitatorId", actor.id().toString(), "name", actor.name(), "groupId", c.groupId(), "previousGroupId", previous));
        if (group != null && group.help) {
            events.add(event(now, "roleplay.help", Visibility.group(group.memberIds()), actor.id(), "roleplayId", rp.id,
                    "groupId", group.id, "on", false));
        }
        return new Decision.Accepted(events);
    }

    private static Decision propose(RoomState state, RoleplayState rp, Actor actor, Command.RoleplaySharePropose c, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        if (group == null || !rp.phase.endsWith("debrief")) {
            return reject("conflict", "Groups choose what to share during the debrief.");
        }
        if (!text(c.text(), MAX_PROPOSAL)) {
            return reject("invalid", "Something to share needs 1 to " + MAX_PROPOSAL + " characters.");
        }
        String proposalId = "p" + (state.lastSeq() + 1);
        Visibility onlyGroup = Visibility.people(group.memberIds());
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "roleplay.share-proposed", onlyGroup, actor.id(), "roleplayId", rp.id, "groupId", group.id,
                "proposalId", proposalId, "text", c.text().strip(), "by", actor.name()));
        events.add(event(now, "roleplay.share-agreed", onlyGroup, actor.id(), "roleplayId", rp.id, "groupId", group.id,
                "proposalId", proposalId, "participantId", actor.id().toString()));
        return new Decision.Accepted(events);
    }

    private static Decision answer(RoleplayState rp, Actor actor, Command.RoleplayShareAnswer c, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        RoleplayState.Proposal proposal = c.proposalId() == null ? null : rp.proposals.get(c.proposalId());
        if (group == null || proposal == null || !proposal.groupId.equals(group.id)) {
            return reject("not-found", "Your group has no such proposal.");
        }
        if (c.agree() == null) {
            return reject("invalid", "agree is true or false.");
        }
        if (proposal.declined || proposal.ready) {
            return reject("conflict", "Your group has already settled this one.");
        }
        Visibility onlyGroup = Visibility.people(group.memberIds());
        if (!c.agree()) {
            return accept(event(now, "roleplay.share-declined", onlyGroup, actor.id(), "roleplayId", rp.id, "groupId", group.id,
                    "proposalId", proposal.id));
        }
        if (proposal.agreed.contains(actor.id())) {
            return reject("conflict", "You have already agreed to this one.");
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "roleplay.share-agreed", onlyGroup, actor.id(), "roleplayId", rp.id, "groupId", group.id,
                "proposalId", proposal.id, "participantId", actor.id().toString()));
        Set<UUID> agreed = new LinkedHashSet<>(proposal.agreed);
        agreed.add(actor.id());
        if (agreed.containsAll(group.members.keySet())) {
            events.add(rp.phase.equals("room-debrief") ? shared(rp, group, proposal, actor.id(), now)
                    : event(now, "roleplay.share-ready", onlyGroup, actor.id(), "roleplayId", rp.id, "groupId", group.id,
                            "proposalId", proposal.id));
        }
        return new Decision.Accepted(events);
    }

    private static RoomEvent shared(RoleplayState rp, RoleplayState.Group group, RoleplayState.Proposal proposal, UUID actorId,
            Instant now) {
        return event(now, "roleplay.shared", Visibility.EVERYONE, actorId, "roleplayId", rp.id, "groupId", group.id,
                "groupName", group.name, "proposalId", proposal.id, "text", proposal.text);
    }

    // ------------------------------------------------------------------ the clock

    /** The warning and the end of a round, once each, when their moment has come. */
    static List<RoomEvent> tick(RoomState state, Instant now) {
        RoleplayState rp = state.roleplay;
        if (rp == null || !rp.phase.equals("rounds") || rp.endsAt == null || rp.timeUp) {
            return List.of();
        }
        if (!now.isBefore(rp.endsAt)) {
            return List.of(event(now, "roleplay.time-up", Visibility.EVERYONE, (UUID) null, "roleplayId", rp.id, "round", rp.round));
        }
        if (!rp.warned && !now.isBefore(rp.warnAt)) {
            return List.of(event(now, "roleplay.time-warning", Visibility.EVERYONE, (UUID) null, "roleplayId", rp.id, "round", rp.round,
                    "endsAt", rp.endsAt.toString()));
        }
        return List.of();
    }
}
