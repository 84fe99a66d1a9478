package io.mutuality.live.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Random commands for one actor in a {@link RoomSimulation}: mostly aimed at what is under way
 * in the room (the open check-in, the running role-play, its groups and notes), with garbage
 * mixed in: missing fields, unknown ids, limits exceeded by one, huge and odd text, other
 * people's commands.
 */
final class CommandGenerator {

    private static final Integer[] NUMBERS = {
        null,
        -1,
        0,
        1,
        2,
        3,
        4,
        5,
        6,
        8,
        9,
        10,
        30,
        60,
        61,
        600,
        1800,
        3600,
        3601,
        14_400,
        14_401,
        Integer.MAX_VALUE,
        Integer.MIN_VALUE
    };

    private final RoomSimulation sim;
    private final Actor actor;

    CommandGenerator(RoomSimulation sim, Actor actor) {
        this.sim = sim;
        this.actor = actor;
    }

    Command next() {
        List<Supplier<Command>> choices = new ArrayList<>(everyone());
        if (actor.facilitator() || chance(15)) {
            choices.addAll(facilitators());
        }
        if (actor.facilitator() && chance(50)) {
            // keep the room moving: the next step of whatever is under way
            return sim.pick(lifecycle()).get();
        }
        if (chance(50)) {
            // take part: what someone in the room would do next
            List<Supplier<Command>> part = taking();
            if (!part.isEmpty()) {
                return sim.pick(part).get();
            }
        }
        return sim.pick(choices).get();
    }

    private List<Supplier<Command>> everyone() {
        return List.of(
                () -> new Command.CheckinAnswer(
                        id(),
                        checkinId(),
                        text("A", Checkins.MAX_WORD),
                        chance(60) ? null : text("A", Checkins.MAX_SENTENCE),
                        number()),
                () -> new Command.CheckinAnswer(id(), checkinId(), text("A", Checkins.MAX_WORD), null, null),
                () -> new Command.CheckinPass(id(), checkinId()),
                () -> new Command.JournalWrite(id(), text("J", Journal.MAX_JOURNAL)),
                () -> new Command.Ping(id()),
                () -> new Command.Hello(id(), chance(50) ? null : "token", (long) sim.random.nextInt(100)),
                () -> new Command.RoleplayChoose(id(), roleplayId(), groupId()),
                () -> new Command.RoleplayOpen(id(), roleplayId()),
                () -> new Command.RoleplaySwap(id(), roleplayId()),
                () -> new Command.RoleplayNote(
                        id(),
                        roleplayId(),
                        sim.pick(
                                Arrays.asList("connection", "worldview", "mutuality", "moving-towards", "vibes", null)),
                        text("N", 500),
                        about()),
                () -> new Command.RoleplayNoteConsent(id(), roleplayId(), noteId()),
                () -> new Command.RoleplayHelp(id(), roleplayId(), bool()),
                () -> new Command.RoleplaySharePropose(id(), roleplayId(), text("P", 500)),
                () -> new Command.RoleplayShareAnswer(id(), roleplayId(), proposalId(), bool()),
                () -> new Command.ReframeStatement(id(), exerciseId(), text("S", 300)),
                () -> new Command.ReframeWrite(id(), exerciseId(), statementId(), text("W", 1000)),
                () -> new Command.ReframeShare(
                        id(),
                        exerciseId(),
                        statementId(),
                        sim.pick(Arrays.asList("named", "anonymous", "none", "loud", null))),
                () -> new Command.ReframeUnshare(id(), exerciseId(), entryId()),
                () -> new Command.ReframeResonate(id(), exerciseId(), entryId()));
    }

    private List<Supplier<Command>> facilitators() {
        return List.of(
                this::checkinStart,
                () -> new Command.CheckinNext(id(), checkinId()),
                () -> new Command.CheckinClose(id(), checkinId()),
                () -> new Command.TimerSet(id(), number(), text("L", 80)),
                () -> new Command.TimerPause(id(), timerId()),
                () -> new Command.TimerResume(id(), timerId()),
                () -> new Command.TimerExtend(id(), timerId(), number()),
                () -> new Command.TimerClear(id(), timerId()),
                () -> new Command.NoteShare(id(), text("O", Notes.MAX_NOTE)),
                () -> new Command.ParticipantRemove(id(), person()),
                () -> new Command.ParticipantAdmit(id(), person()),
                () -> new Command.AgendaMove(id(), number()),
                () -> new Command.DayEnd(id()),
                this::roleplayLaunch,
                () -> new Command.RoleplayAssign(id(), roleplayId(), person(), groupId()),
                () -> new Command.RoleplayAddGroup(id(), roleplayId()),
                () -> new Command.RoleplayStart(id(), roleplayId()),
                () -> new Command.RoleplayNextRound(id(), roleplayId()),
                () -> new Command.RoleplayExtend(id(), roleplayId(), number()),
                () -> new Command.RoleplayListen(id(), roleplayId(), groupId()),
                () -> new Command.RoleplayDebrief(id(), roleplayId()),
                () -> new Command.RoleplayRoomDebrief(id(), roleplayId()),
                () -> new Command.RoleplayEnd(id(), roleplayId()),
                this::reframeLaunch,
                () -> new Command.ReframeReveal(id(), exerciseId()),
                () -> new Command.ReframeHighlight(id(), exerciseId(), entryId(), bool()),
                () -> new Command.ReframeExamples(id(), exerciseId(), statementId()),
                () -> new Command.ReframeClose(id(), exerciseId()));
    }

    /** What moves the room along: start or end a check-in, run a role-play through its phases, reframing, rarely the day's end. */
    private List<Supplier<Command>> lifecycle() {
        List<Supplier<Command>> steps = new ArrayList<>();
        steps.add(
                Checkins.open(sim.state) == null
                        ? this::checkinStart
                        : () -> new Command.CheckinNext(id(), checkinId()));
        if (Checkins.open(sim.state) != null && chance(30)) {
            steps.add(() -> new Command.CheckinClose(id(), checkinId()));
        }
        if (Roleplays.current(sim.state) == null) {
            steps.add(this::roleplayLaunch);
        } else {
            steps.add(() -> new Command.RoleplayStart(id(), roleplayId()));
            steps.add(() -> new Command.RoleplayAssign(id(), roleplayId(), person(), groupId()));
            steps.add(() -> new Command.RoleplayNextRound(id(), roleplayId()));
            steps.add(() -> new Command.RoleplayDebrief(id(), roleplayId()));
            steps.add(() -> new Command.RoleplayRoomDebrief(id(), roleplayId()));
            steps.add(() -> new Command.RoleplayListen(id(), roleplayId(), groupId()));
            if (chance(20)) {
                steps.add(() -> new Command.RoleplayEnd(id(), roleplayId()));
            }
        }
        if (Reframing.current(sim.state) == null) {
            steps.add(this::reframeLaunch);
        } else {
            steps.add(() -> new Command.ReframeReveal(id(), exerciseId()));
            steps.add(() -> new Command.ReframeHighlight(id(), exerciseId(), entryId(), bool()));
            steps.add(() -> new Command.ReframeExamples(id(), exerciseId(), statementId()));
            if (chance(20)) {
                steps.add(() -> new Command.ReframeClose(id(), exerciseId()));
            }
        }
        steps.add(() -> new Command.TimerSet(id(), number(), text("L", 80)));
        steps.add(() -> new Command.ParticipantRemove(id(), person()));
        steps.add(() -> new Command.ParticipantAdmit(id(), person()));
        if (chance(3)) {
            steps.add(() -> new Command.DayEnd(id()));
        }
        return steps;
    }

    /** What a person in the room would plausibly do now: answer, write notes, agree to share, rewrite. */
    private List<Supplier<Command>> taking() {
        List<Supplier<Command>> steps = new ArrayList<>();
        Checkins.Checkin checkin = Checkins.open(sim.state);
        if (checkin != null && !checkin.responded.contains(actor.id())) {
            steps.add(() -> new Command.CheckinAnswer(
                    id(),
                    checkin.id,
                    chance(80) ? "word " + sim.token("A") : null,
                    chance(50) ? "A sentence " + sim.token("A") : null,
                    chance(50) ? 1 + sim.random.nextInt(5) : null));
            steps.add(() -> new Command.CheckinPass(id(), checkin.id));
        }
        RoleplayState rp = Roleplays.current(sim.state);
        if (rp != null && rp.groupOf(actor.id()) != null) {
            steps.add(() -> new Command.RoleplayOpen(id(), rp.id));
            steps.add(() -> new Command.RoleplayNote(id(), rp.id, "connection", "I noticed " + sim.token("N"), null));
            steps.add(() -> new Command.RoleplayNoteConsent(id(), rp.id, noteId()));
            steps.add(() -> new Command.RoleplayHelp(id(), rp.id, chance(70)));
            if (rp.phase.endsWith("debrief")) {
                steps.add(() -> new Command.RoleplaySharePropose(id(), rp.id, "We learned " + sim.token("P")));
                steps.add(() -> new Command.RoleplayShareAnswer(id(), rp.id, proposalId(), chance(90)));
                steps.add(() -> new Command.RoleplayShareAnswer(id(), rp.id, proposalId(), true));
            }
        }
        if (rp != null && "choice".equals(rp.grouping)) {
            steps.add(() -> new Command.RoleplayChoose(id(), rp.id, groupId()));
        }
        ReframeState x = Reframing.current(sim.state);
        if (x != null) {
            steps.add(() -> new Command.ReframeWrite(id(), x.id, statementId(), "What happened? " + sim.token("W")));
            steps.add(() -> new Command.ReframeShare(
                    id(), x.id, statementId(), sim.pick(List.of("named", "anonymous", "none"))));
            steps.add(() -> new Command.ReframeResonate(id(), x.id, entryId()));
            if ("pairs".equals(x.mode)) {
                steps.add(() -> new Command.ReframeStatement(id(), x.id, "They never listen " + sim.token("S")));
            }
        }
        if (chance(10)) {
            steps.add(() -> new Command.JournalWrite(id(), "Today " + sim.token("J")));
        }
        return steps;
    }

    private Command checkinStart() {
        return new Command.CheckinStart(
                id(),
                chance(90) ? "How do you arrive? " + sim.token("Q") : text("Q", Checkins.MAX_PROMPT),
                chance(80) ? null : "prompt-" + sim.random.nextInt(3),
                bool(),
                sim.pick(Arrays.asList(
                        "everyone", "facilitators", "anonymous", "anonymous", "facilitators", "secret", null)),
                sim.pick(Arrays.asList("open", "round", "round", null, "circle")));
    }

    private Command roleplayLaunch() {
        Command.AdHocScenario own = null;
        List<String> scenarioIds = null;
        int roll = sim.random.nextInt(4);
        if (roll == 0) {
            scenarioIds = sim.pick(Arrays.asList(
                    List.of("kitchen"),
                    List.of("kitchen", "walk"),
                    List.of("walk"),
                    List.of("nope"),
                    Arrays.asList("kitchen", null)));
        } else if (roll == 1) {
            Map<String, String> roles = new java.util.LinkedHashMap<>();
            roles.put("person-sharing", text("C", 2000));
            roles.put("peer-supporter", text("C", 2000));
            if (chance(50)) {
                roles.put(chance(80) ? "observer" : "villain", text("C", 2000));
            }
            own = new Command.AdHocScenario(text("T", 120), chance(70) ? null : text("T", 300), text("T", 2000), roles);
        }
        return new Command.RoleplayLaunch(
                id(),
                chance(70) ? null : sim.pick(Arrays.asList("core-big-feelings", "nope")),
                chance(70) ? null : text("T", 120),
                scenarioIds,
                own,
                chance(60) ? null : number(),
                sim.pick(Arrays.asList("auto", "auto", "manual", "choice", "random", null)),
                sim.pick(Arrays.asList("extra-observer", "facilitator-joins", "drop", null)),
                chance(60) ? null : number(),
                chance(60) ? null : number());
    }

    private Command reframeLaunch() {
        List<String> bank = chance(50)
                ? null
                : sim.pick(Arrays.asList(
                        List.of("label"), List.of("label", "refuses"), List.of("missing"), Arrays.asList((String)
                                null)));
        List<String> own = null;
        if (chance(50)) {
            own = new ArrayList<>();
            int n = sim.random.nextInt(chance(90) ? 4 : 13);
            for (int i = 0; i < n; i++) {
                own.add(text("S", 300));
            }
        }
        return new Command.ReframeLaunch(
                id(), bank, own, sim.pick(Arrays.asList("solo", "pairs", "pairs", null, "trios")));
    }

    // ------------------------------------------------------------------ values

    private boolean chance(int percent) {
        return sim.random.nextInt(100) < percent;
    }

    private String id() {
        return chance(97) ? "c" + sim.commands : sim.pick(Arrays.asList(null, "", "x".repeat(100)));
    }

    private Integer number() {
        return NUMBERS[sim.random.nextInt(NUMBERS.length)];
    }

    private Boolean bool() {
        return sim.pick(Arrays.asList(true, false, null));
    }

    /** Usually valid text carrying a private token; sometimes empty, blank, one over the limit, huge or odd. */
    private String text(String kind, int max) {
        int roll = sim.random.nextInt(100);
        if (roll < 70) {
            return sim.pick(List.of("I notice ", "  What happened? ", "so tired ", "", "schizophrenic "))
                    + sim.token(kind);
        }
        return switch (roll % 10) {
            case 0 -> null;
            case 1 -> "";
            case 2 -> " \t\n ";
            case 3 -> sim.token(kind) + "x".repeat(Math.max(0, max - 10));
            case 4 -> "y".repeat(max + 1);
            case 5 -> "z".repeat(100_000);
            case 6 -> sim.token(kind) + "\u0000\u202E\uD800\uDFFF\uD800 \u200B\uFEFF 🙂 <script>\"'\\";
            case 7 -> sim.token(kind) + "\n\r\t";
            case 8 -> "{\"type\":\"hello\"}" + sim.token(kind);
            default -> "§" + sim.token(kind);
        };
    }

    private String checkinId() {
        String open = Checkins.openCheckinId(sim.state);
        return open != null && chance(85) ? open : sim.pick(Arrays.asList(null, "", "k1", "k999", "a1"));
    }

    private String timerId() {
        List<String> timers = new ArrayList<>(Timers.of(sim.state).keySet());
        timers.sort(null);
        return !timers.isEmpty() && chance(85) ? sim.pick(timers) : sim.pick(Arrays.asList(null, "", "t1", "t999"));
    }

    private String roleplayId() {
        String id = Roleplays.roleplayId(sim.state);
        return id != null && chance(90) ? id : sim.pick(Arrays.asList(null, "", "r1", "r999"));
    }

    private String exerciseId() {
        String id = Reframing.exerciseId(sim.state);
        return id != null && chance(90) ? id : sim.pick(Arrays.asList(null, "", "x1", "x999"));
    }

    private String groupId() {
        RoleplayState rp = Roleplays.current(sim.state);
        if (rp != null && !rp.groups.isEmpty() && chance(85)) {
            return sim.pick(new ArrayList<>(rp.groups.keySet()));
        }
        return sim.pick(Arrays.asList(null, "", "g1", "g2", "g99"));
    }

    private String noteId() {
        RoleplayState rp = Roleplays.current(sim.state);
        if (rp != null && !rp.notes.isEmpty() && chance(85)) {
            List<String> ids = new ArrayList<>(rp.notes.keySet());
            ids.sort(null);
            return sim.pick(ids);
        }
        return sim.pick(Arrays.asList(null, "", "n1"));
    }

    private String proposalId() {
        RoleplayState rp = Roleplays.current(sim.state);
        if (rp != null && !rp.proposals.isEmpty() && chance(85)) {
            return sim.pick(new ArrayList<>(rp.proposals.keySet()));
        }
        return sim.pick(Arrays.asList(null, "", "s1"));
    }

    private String statementId() {
        ReframeState x = Reframing.current(sim.state);
        if (x != null && !x.statements.isEmpty() && chance(85)) {
            return sim.pick(new ArrayList<>(x.statements.keySet()));
        }
        return sim.pick(Arrays.asList(null, "", "label", "x1-1"));
    }

    private String entryId() {
        ReframeState x = Reframing.current(sim.state);
        if (x != null && !x.entries.isEmpty() && chance(85)) {
            return sim.pick(new ArrayList<>(x.entries.keySet()));
        }
        return sim.pick(Arrays.asList(null, "", "e1"));
    }

    private UUID person() {
        int roll = sim.random.nextInt(10);
        if (roll < 7) {
            return sim.pick(sim.participants).id();
        }
        return roll == 7
                ? sim.pick(sim.facilitators).id()
                : roll == 8 ? null : new UUID(sim.random.nextLong(), sim.random.nextLong());
    }

    private List<UUID> about() {
        int roll = sim.random.nextInt(10);
        if (roll < 5) {
            return null;
        }
        if (roll < 8) {
            return Arrays.asList(person());
        }
        return roll == 8 ? List.of() : Arrays.asList(person(), person(), null);
    }
}
