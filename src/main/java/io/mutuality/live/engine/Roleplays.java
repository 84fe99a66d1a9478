package io.mutuality.live.engine;

import static io.mutuality.live.engine.RoleplayGroups.*;
import static io.mutuality.live.engine.RoleplayRounds.*;
import static io.mutuality.live.engine.RoleplaySetup.*;
import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.reject;

import io.mutuality.live.engine.Command.RoleplayCommand;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a role-play: grouping, private role cards, rotation over rounds, the round
 * clock, observer notes with consent, and group then room debriefs. The role-play
 * under way is this activity's part of the room.
 */
public final class Roleplays implements Activity<Roleplays.Part> {

    public static final Roleplays ACTIVITY = new Roleplays();

    /** The role-play under way, if any. */
    static final class Part {
        RoleplayState current;
    }

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
    static final String OBSERVER_CARD =
            "Watch the conversation through the four tasks: connection, worldview, mutuality and "
                    + "moving towards. Note moments as they happen (\"when ..., then ...\"), not judgements, and offer them "
                    + "afterwards to the people you watched.";

    private Roleplays() {}

    /** The id of the role-play under way in a room, or null. */
    public static String roleplayId(RoomState room) {
        RoleplayState current = current(room);
        return current == null ? null : current.id;
    }

    /** The role-play under way in a room, or null. */
    static RoleplayState current(RoomState room) {
        return room.part(ACTIVITY).current;
    }

    @Override
    public String name() {
        return "roleplay";
    }

    @Override
    public Map<String, Class<? extends Command>> commands() {
        Map<String, Class<? extends Command>> commands = new LinkedHashMap<>();
        commands.put("roleplay.launch", Command.RoleplayLaunch.class);
        commands.put("roleplay.assign", Command.RoleplayAssign.class);
        commands.put("roleplay.add-group", Command.RoleplayAddGroup.class);
        commands.put("roleplay.choose", Command.RoleplayChoose.class);
        commands.put("roleplay.start", Command.RoleplayStart.class);
        commands.put("roleplay.open", Command.RoleplayOpen.class);
        commands.put("roleplay.swap", Command.RoleplaySwap.class);
        commands.put("roleplay.next-round", Command.RoleplayNextRound.class);
        commands.put("roleplay.extend", Command.RoleplayExtend.class);
        commands.put("roleplay.note", Command.RoleplayNote.class);
        commands.put("roleplay.note-consent", Command.RoleplayNoteConsent.class);
        commands.put("roleplay.help", Command.RoleplayHelp.class);
        commands.put("roleplay.listen", Command.RoleplayListen.class);
        commands.put("roleplay.debrief", Command.RoleplayDebrief.class);
        commands.put("roleplay.share-propose", Command.RoleplaySharePropose.class);
        commands.put("roleplay.share-answer", Command.RoleplayShareAnswer.class);
        commands.put("roleplay.room-debrief", Command.RoleplayRoomDebrief.class);
        commands.put("roleplay.end", Command.RoleplayEnd.class);
        return commands;
    }

    @Override
    public Set<String> eventKinds() {
        return Set.of(
                "roleplay.launched",
                "roleplay.prepared",
                "roleplay.grouped",
                "roleplay.round-started",
                "roleplay.clock",
                "roleplay.time-warning",
                "roleplay.time-up",
                "roleplay.roles",
                "roleplay.scenario-offered",
                "roleplay.scenario-opened",
                "roleplay.card",
                "roleplay.note-given",
                "roleplay.note-consented",
                "roleplay.note-for-facilitators",
                "roleplay.help",
                "roleplay.listening",
                "roleplay.phase",
                "roleplay.share-proposed",
                "roleplay.share-agreed",
                "roleplay.share-declined",
                "roleplay.share-ready",
                "roleplay.shared",
                "roleplay.ended");
    }

    @Override
    public Part newState() {
        return new Part();
    }

    @Override
    public Map<String, String> createdIds() {
        return Map.of(
                "roleplay.launched",
                "roleplayId",
                "roleplay.note-given",
                "noteId",
                "roleplay.share-proposed",
                "proposalId");
    }

    @Override
    public List<PrivateText> privateText() {
        return List.of(
                new PrivateText("roleplay.note-given", Set.of("moment"), true),
                new PrivateText("roleplay.share-proposed", Set.of("text"), true),
                new PrivateText("roleplay.shared", Set.of("text"), false));
    }

    @Override
    public Decision decide(RoomState room, Part part, Actor actor, Command command, Instant now) {
        if (command instanceof Command.RoleplayLaunch c) {
            Decision notAllowed = Rules.facilitatorsOnly(actor);
            return notAllowed != null ? notAllowed : launch(room, actor, c, now);
        }
        return underWay(room, actor, (RoleplayCommand) command, now);
    }

    @Override
    public void apply(RoomState room, Part part, RoomEvent event) {
        switch (event.kind()) {
            case "roleplay.launched" -> part.current = new RoleplayState(event.data());
            case "roleplay.ended" -> part.current = null;
            default -> {
                if (part.current != null) {
                    part.current.apply(event, room.met);
                }
            }
        }
    }

    @Override
    public boolean ticking(Part part) {
        return part.current != null;
    }

    @Override
    public List<RoomEvent> tick(RoomState room, Part part, Instant now) {
        return clock(room, now);
    }

    /** Ending the day ends a role-play under way, so its round clock stops with it. */
    @Override
    public List<RoomEvent> stop(RoomState room, Part part, Actor actor, Instant now) {
        return part.current == null
                ? List.of()
                : List.of(event(now, "roleplay.ended", Visibility.EVERYONE, actor.id(), "roleplayId", part.current.id));
    }

    @Override
    public SummaryPart summary() {
        return new SummaryPart() {
            private final List<Map<String, Object>> roleplays = new ArrayList<>();
            private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();

            @Override
            public String key() {
                return "roleplays";
            }

            @Override
            @SuppressWarnings("unchecked")
            public void add(RoomEvent event) {
                Map<String, Object> d = event.data();
                if (event.kind().equals("roleplay.launched")) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("title", d.get("title"));
                    entry.put("at", event.at().toString());
                    entry.put("rounds", d.get("rounds"));
                    entry.put("shared", new ArrayList<Map<String, Object>>());
                    byId.put((String) d.get("roleplayId"), entry);
                    roleplays.add(entry);
                } else if (event.kind().equals("roleplay.shared")) {
                    Map<String, Object> entry = byId.get((String) d.get("roleplayId"));
                    if (entry != null && d.get("text") != null) {
                        ((List<Map<String, Object>>) entry.get("shared"))
                                .add(Map.of("group", d.get("groupName"), "text", d.get("text")));
                    }
                }
            }

            @Override
            public Object result() {
                return roleplays;
            }
        };
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

    // ------------------------------------------------------------------ the role-play under way

    private static Decision underWay(RoomState state, Actor actor, RoleplayCommand command, Instant now) {
        RoleplayState rp = current(state);
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
            int number = rp.groups.values().stream()
                            .mapToInt(g -> Integer.parseInt(g.id.substring(1)))
                            .max()
                            .orElse(0)
                    + 1;
            List<Layout> layout = layout(rp);
            layout.add(new Layout("g" + number, "Group " + number, new ArrayList<>()));
            return accept(grouped(
                    state,
                    actor,
                    rp.id,
                    layout,
                    new ArrayList<>(rp.unassigned.keySet()),
                    !rp.phase.equals("forming"),
                    now));
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
            Instant warnAt =
                    endsAt.minusSeconds(warnLead(Duration.between(now, endsAt).toSeconds()));
            return accept(event(
                    now,
                    "roleplay.clock",
                    Visibility.EVERYONE,
                    actor.id(),
                    "roleplayId",
                    rp.id,
                    "round",
                    rp.round,
                    "endsAt",
                    endsAt.toString(),
                    "warnAt",
                    warnAt.toString()));
        } else if (command instanceof Command.RoleplayListen c) {
            return listen(rp, actor, c, now);
        } else if (command instanceof Command.RoleplayDebrief) {
            if (!rp.phase.equals("rounds")) {
                return reject("conflict", "The debrief follows the rounds.");
            }
            return accept(event(
                    now,
                    "roleplay.phase",
                    Visibility.EVERYONE,
                    actor.id(),
                    "roleplayId",
                    rp.id,
                    "phase",
                    "group-debrief"));
        } else if (command instanceof Command.RoleplayRoomDebrief) {
            if (!rp.phase.equals("group-debrief") && !rp.phase.equals("rounds")) {
                return reject("conflict", "The room debrief follows the groups' debriefs.");
            }
            List<RoomEvent> events = new ArrayList<>();
            events.add(event(
                    now,
                    "roleplay.phase",
                    Visibility.EVERYONE,
                    actor.id(),
                    "roleplayId",
                    rp.id,
                    "phase",
                    "room-debrief"));
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

    // ------------------------------------------------------------------ the clock

    /** The warning and the end of a round, once each, when their moment has come. */
    private static List<RoomEvent> clock(RoomState state, Instant now) {
        RoleplayState rp = current(state);
        if (rp == null || !rp.phase.equals("rounds") || rp.endsAt == null || rp.timeUp) {
            return List.of();
        }
        if (!now.isBefore(rp.endsAt)) {
            return List.of(event(
                    now, "roleplay.time-up", Visibility.EVERYONE, (UUID) null, "roleplayId", rp.id, "round", rp.round));
        }
        if (!rp.warned && !now.isBefore(rp.warnAt)) {
            return List.of(event(
                    now,
                    "roleplay.time-warning",
                    Visibility.EVERYONE,
                    (UUID) null,
                    "roleplayId",
                    rp.id,
                    "round",
                    rp.round,
                    "endsAt",
                    rp.endsAt.toString()));
        }
        return List.of();
    }
}
