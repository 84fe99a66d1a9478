package io.mutuality.live.engine;

import static io.mutuality.live.engine.RoleplayRounds.*;
import static io.mutuality.live.engine.RoleplaySetup.*;
import static io.mutuality.live.engine.Roleplays.*;
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
import java.util.Set;
import java.util.UUID;

/**
 * What happens inside a role-play group once it is under way: opening the scenario, swapping
 * roles, notes with consent, asking for a facilitator, listening in, and what a group agrees to
 * share with the room. Part of {@link Roleplays}.
 */
final class RoleplayGroups {

    private RoleplayGroups() {}

    static RoleplayState.Group memberGroup(RoleplayState rp, Actor actor) {
        return rp.groupOf(actor.id());
    }

    static Decision open(RoomState state, RoleplayState rp, Actor actor, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        if (group == null || !rp.phase.equals("rounds") || group.scenarioId == null) {
            return reject("conflict", "Your group has no scenario to open.");
        }
        if (group.opened) {
            return reject("conflict", "Your group's scenario is already open.");
        }
        return new Decision.Accepted(reveal(
                rp,
                group.id,
                group.memberIds(),
                group.roles,
                rp.scenario(group.scenarioId),
                rp.round,
                actor.id(),
                now));
    }

    static Decision swap(RoomState state, RoleplayState rp, Actor actor, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        if (group == null || !rp.phase.equals("rounds") || group.scenarioId == null) {
            return reject("conflict", "Your group has no scenario to swap.");
        }
        if (rp.scenarios.size() < 2) {
            return reject(
                    "conflict",
                    "This role-play has only one scenario. You can still step out of your role at any time.");
        }
        int next = (rp.scenarioIndex(group.scenarioId) + 1) % rp.scenarios.size();
        return new Decision.Accepted(
                offer(rp, group.id, group.memberIds(), group.roles, rp.scenarios.get(next), rp.round, actor.id(), now));
    }

    static Decision note(RoomState state, RoleplayState rp, Actor actor, Command.RoleplayNote c, Instant now) {
        RoleplayState.Group group = memberGroup(rp, actor);
        if (group == null || rp.phase.equals("forming")) {
            return reject("conflict", "Notes are for the people in your group, once the role-play has begun.");
        }
        if (rp.phase.equals("rounds") && !OBSERVER.equals(group.roles.get(actor.id()))) {
            return reject(
                    "conflict", "During a round, the observers take notes; everyone can give notes in the debrief.");
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
        return accept(event(
                now,
                "roleplay.note-given",
                Visibility.people(audience),
                actor.id(),
                "roleplayId",
                rp.id,
                "noteId",
                "n" + (state.lastSeq() + 1),
                "groupId",
                group.id,
                "round",
                rp.round,
                "task",
                c.task(),
                "moment",
                c.moment().strip(),
                "by",
                actor.name(),
                "byId",
                actor.id().toString(),
                "about",
                aboutList));
    }

    static Decision consent(RoleplayState rp, Actor actor, Command.RoleplayNoteConsent c, Instant now) {
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
        events.add(event(
                now,
                "roleplay.note-consented",
                Visibility.people(audience),
                actor.id(),
                "roleplayId",
                rp.id,
                "noteId",
                note.id,
                "participantId",
                actor.id().toString()));
        Set<UUID> agreed = new LinkedHashSet<>(note.consented);
        agreed.add(actor.id());
        if (agreed.containsAll(note.about)) {
            Map<String, Object> copy = new LinkedHashMap<>(note.data);
            copy.remove("byId");
            events.add(
                    new RoomEvent(0, now, "roleplay.note-for-facilitators", copy, Visibility.FACILITATORS, actor.id()));
        }
        return new Decision.Accepted(events);
    }

    static Decision help(RoleplayState rp, Actor actor, Command.RoleplayHelp c, Instant now) {
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
        return accept(event(
                now,
                "roleplay.help",
                Visibility.group(group.memberIds()),
                actor.id(),
                "roleplayId",
                rp.id,
                "groupId",
                group.id,
                "on",
                c.on()));
    }

    static Decision listen(RoleplayState rp, Actor actor, Command.RoleplayListen c, Instant now) {
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
        events.add(event(
                now,
                "roleplay.listening",
                Visibility.group(audience),
                actor.id(),
                "roleplayId",
                rp.id,
                "facilitatorId",
                actor.id().toString(),
                "name",
                actor.name(),
                "groupId",
                c.groupId(),
                "previousGroupId",
                previous));
        if (group != null && group.help) {
            events.add(event(
                    now,
                    "roleplay.help",
                    Visibility.group(group.memberIds()),
                    actor.id(),
                    "roleplayId",
                    rp.id,
                    "groupId",
                    group.id,
                    "on",
                    false));
        }
        return new Decision.Accepted(events);
    }

    static Decision propose(
            RoomState state, RoleplayState rp, Actor actor, Command.RoleplaySharePropose c, Instant now) {
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
        events.add(event(
                now,
                "roleplay.share-proposed",
                onlyGroup,
                actor.id(),
                "roleplayId",
                rp.id,
                "groupId",
                group.id,
                "proposalId",
                proposalId,
                "text",
                c.text().strip(),
                "by",
                actor.name()));
        events.add(event(
                now,
                "roleplay.share-agreed",
                onlyGroup,
                actor.id(),
                "roleplayId",
                rp.id,
                "groupId",
                group.id,
                "proposalId",
                proposalId,
                "participantId",
                actor.id().toString()));
        return new Decision.Accepted(events);
    }

    static Decision answer(RoleplayState rp, Actor actor, Command.RoleplayShareAnswer c, Instant now) {
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
            return accept(event(
                    now,
                    "roleplay.share-declined",
                    onlyGroup,
                    actor.id(),
                    "roleplayId",
                    rp.id,
                    "groupId",
                    group.id,
                    "proposalId",
                    proposal.id));
        }
        if (proposal.agreed.contains(actor.id())) {
            return reject("conflict", "You have already agreed to this one.");
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(
                now,
                "roleplay.share-agreed",
                onlyGroup,
                actor.id(),
                "roleplayId",
                rp.id,
                "groupId",
                group.id,
                "proposalId",
                proposal.id,
                "participantId",
                actor.id().toString()));
        Set<UUID> agreed = new LinkedHashSet<>(proposal.agreed);
        agreed.add(actor.id());
        if (agreed.containsAll(group.members.keySet())) {
            events.add(
                    rp.phase.equals("room-debrief")
                            ? shared(rp, group, proposal, actor.id(), now)
                            : event(
                                    now,
                                    "roleplay.share-ready",
                                    onlyGroup,
                                    actor.id(),
                                    "roleplayId",
                                    rp.id,
                                    "groupId",
                                    group.id,
                                    "proposalId",
                                    proposal.id));
        }
        return new Decision.Accepted(events);
    }

    static RoomEvent shared(
            RoleplayState rp, RoleplayState.Group group, RoleplayState.Proposal proposal, UUID actorId, Instant now) {
        return event(
                now,
                "roleplay.shared",
                Visibility.EVERYONE,
                actorId,
                "roleplayId",
                rp.id,
                "groupId",
                group.id,
                "groupName",
                group.name,
                "proposalId",
                proposal.id,
                "text",
                proposal.text);
    }
}
