package io.mutuality.live.engine;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One seeded run of a room: a facilitator or two and several participants sending random
 * commands (valid, garbage, wrong-role), joining, leaving and letting time pass, driven through
 * {@link RoomEngine} exactly as the server drives it (decide, number, fold). Every emitted event
 * is recorded as the server stores it (JSON), with who may receive it. The checks are in
 * {@link RoomEngineFuzzTest}; this class only records what happened and throws
 * {@link AssertionError} with a description when a property fails on the way.
 */
final class RoomSimulation {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    static final Set<String> REJECTION_CODES =
            Set.of("invalid", "not-found", "conflict", "not-allowed", "removed", "room-closed", "unknown-type");

    /** Commands only a facilitator may have accepted. */
    static final Set<Class<?>> FACILITATOR_ONLY = Set.of(
            Command.CheckinStart.class,
            Command.CheckinNext.class,
            Command.CheckinClose.class,
            Command.TimerSet.class,
            Command.TimerPause.class,
            Command.TimerResume.class,
            Command.TimerExtend.class,
            Command.TimerClear.class,
            Command.NoteShare.class,
            Command.ParticipantRemove.class,
            Command.ParticipantAdmit.class,
            Command.AgendaMove.class,
            Command.DayEnd.class,
            Command.RoleplayLaunch.class,
            Command.ReframeLaunch.class,
            Command.RoleplayAssign.class,
            Command.RoleplayAddGroup.class,
            Command.RoleplayStart.class,
            Command.RoleplayNextRound.class,
            Command.RoleplayExtend.class,
            Command.RoleplayListen.class,
            Command.RoleplayDebrief.class,
            Command.RoleplayRoomDebrief.class,
            Command.RoleplayEnd.class,
            Command.ReframeReveal.class,
            Command.ReframeHighlight.class,
            Command.ReframeExamples.class,
            Command.ReframeClose.class);

    /** Text written in private, marked with a token so it can be followed through every event. */
    enum Secret {
        /** A journal entry: its author only. */
        JOURNAL,
        /** An answer to a facilitators-only check-in: its author and the facilitators. */
        FACILITATORS_ANSWER,
        /** An observer's or group member's note: its author and the people it is about; facilitators after consent. */
        NOTE,
        /** Something a role-play group considers sharing: the group, until it is shared. */
        PROPOSAL,
        /** A reframing rewrite: its author; the partner when compared; everyone once shared. */
        REWRITE,
        /** A role card: the person who plays the role. */
        CARD
    }

    record Secrecy(Secret kind, UUID author, Set<UUID> audience) {}

    /** An event as stored: the JSON of its data taken when it was emitted, and its visibility. */
    record Stored(RoomEvent event, String dataJson, Set<UUID> recipients) {}

    static final Pattern TOKEN = Pattern.compile("§[A-Z]+\\d+§");

    static final RoomLibrary.Scenario KITCHEN = new RoomLibrary.Scenario(
            "kitchen",
            "The kitchen at night",
            null,
            "It is three in the morning.",
            Map.of("person-sharing", "§CARD1§", "peer-supporter", "§CARD2§", "observer", "§CARD3§"));
    static final RoomLibrary.Scenario WALK = new RoomLibrary.Scenario(
            "walk",
            "A walk after dark",
            "Mentions bereavement.",
            "Just before midnight.",
            Map.of("person-sharing", "§CARD4§", "peer-supporter", "§CARD5§"));

    static final RoomLibrary LIBRARY = new RoomLibrary() {
        @Override
        public Optional<Scenario> scenario(String id) {
            return Stream.of(KITCHEN, WALK).filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public List<Scenario> scenarios(List<String> tasks) {
            return List.of(KITCHEN, WALK);
        }

        @Override
        public Optional<Statement> statement(String id) {
            return Stream.of(
                            new Statement(
                                    "label",
                                    "He's a schizophrenic who lives alone.",
                                    "diagnostic-label",
                                    List.of("He lives alone; I would like to hear his story.")),
                            new Statement("refuses", "She is non-compliant with her meds.", "controlling", List.of()))
                    .filter(s -> s.id().equals(id))
                    .findFirst();
        }

        @Override
        public Optional<RolePlayPlan> rolePlay(String moduleId) {
            return "core-big-feelings".equals(moduleId)
                    ? Optional.of(new RolePlayPlan(3, 3, 45, List.of("connection")))
                    : Optional.empty();
        }

        @Override
        public List<LensMark> lens(String text) {
            int at = text.toLowerCase().indexOf("schizophrenic");
            return at < 0
                    ? List.of()
                    : List.of(new LensMark(at, at + 13, text.substring(at, at + 13), "schizophrenic", "diagnostic"));
        }
    };

    /** One command in this many is checked for leaving the state as it was (a snapshot before and after deciding). */
    static final int PURITY_EVERY = Integer.getInteger("fuzz.purity-every", 16);

    private static final List<String> NAMES = List.of("Ana", "Ben", "Chi", "Dev", "Eli", "Fay", "Gus", "Hal");

    final long seed;
    final Random random;
    final RoomEngine engine = new RoomEngine();
    final RoomState state = new RoomState(List.of("Arriving", "Morning tea", "Connection"), LIBRARY);
    final List<Actor> facilitators = new ArrayList<>();
    final List<Actor> participants = new ArrayList<>();
    final List<Actor> everyone = new ArrayList<>();
    final List<Stored> log = new ArrayList<>();
    final Map<String, Secrecy> secrets = new HashMap<>();
    /** Anonymous check-ins by id, and who answered each (anything the answer named them by). */
    final Map<String, Set<UUID>> anonymousAnswerers = new LinkedHashMap<>();
    /** Notes (by id) and the people who agreed to show them to facilitators. */
    final Map<String, Set<UUID>> noteConsents = new HashMap<>();

    final Map<String, Set<UUID>> noteAbout = new HashMap<>();
    int commands;
    int accepted;
    final Map<String, Integer> outcomes = new TreeMap<>();
    private int tokens;
    private Instant now = Instant.parse("2027-01-04T09:00:00Z");

    RoomSimulation(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        int facilitatorCount = 1 + random.nextInt(2);
        for (int i = 0; i < facilitatorCount; i++) {
            facilitators.add(new Actor(new UUID(seed, i), i == 0 ? "Sam" : "Kim", true));
        }
        int participantCount = 2 + random.nextInt(6);
        for (int i = 0; i < participantCount; i++) {
            participants.add(new Actor(new UUID(seed, 100 + i), NAMES.get(i), false));
        }
        everyone.addAll(facilitators);
        everyone.addAll(participants);
    }

    /** Runs {@code steps} random steps. */
    RoomSimulation run(int steps) {
        facilitators.forEach(f -> commit(engine.arrive(state, f, now), null));
        for (Actor p : participants) {
            if (random.nextInt(4) > 0) {
                commit(engine.arrive(state, p, now), null);
            }
        }
        for (int step = 0; step < steps; step++) {
            int roll = random.nextInt(100);
            if (roll < 6) {
                Actor who = pick(everyone);
                if (!state.ended() && !(state.isRemoved(who.id()) && !who.facilitator())) {
                    commit(engine.arrive(state, who, now), null);
                }
            } else if (roll < 10) {
                Actor who = pick(everyone);
                if (!state.ended()) {
                    commit(engine.leave(state, who, now), null);
                }
            } else if (roll < 16) {
                now = now.plusSeconds(random.nextInt(4) == 0 ? random.nextInt(3600) : random.nextInt(120));
                commit(engine.tick(state, now), null);
            } else {
                command(chooseActor());
            }
        }
        return this;
    }

    private Actor chooseActor() {
        // mostly people in the room (only connected people can send); now and then anyone at all
        List<Actor> here =
                everyone.stream().filter(a -> state.isPresent(a.id())).toList();
        if (here.isEmpty() || random.nextInt(20) == 0) {
            return pick(everyone);
        }
        List<Actor> hereFacilitators = here.stream().filter(Actor::facilitator).toList();
        if (!hereFacilitators.isEmpty() && random.nextInt(100) < 35) {
            return pick(hereFacilitators);
        }
        return pick(here);
    }

    private void command(Actor actor) {
        Command command = new CommandGenerator(this, actor).next();
        commands++;
        String before = PURITY_EVERY > 0 && random.nextInt(PURITY_EVERY) == 0 ? snapshot(state) : null;
        Decision decision;
        try {
            decision = engine.decide(state, actor, command, now);
        } catch (RuntimeException e) {
            throw new AssertionError("decide threw " + e + " for " + describe(actor) + " sending " + command, e);
        }
        if (decision == null) {
            throw new AssertionError("no answer for " + command);
        }
        if (before != null && !before.equals(snapshot(state))) {
            throw new AssertionError("deciding changed the state: " + command);
        }
        String outcome;
        if (decision instanceof Decision.Rejected rejected) {
            if (!REJECTION_CODES.contains(rejected.code())
                    || rejected.message() == null
                    || rejected.message().isBlank()) {
                throw new AssertionError("odd rejection " + rejected + " for " + command);
            }
            outcome = command.getClass().getSimpleName() + " rejected " + rejected.code();
        } else {
            Decision.Accepted ok = (Decision.Accepted) decision;
            if (ok.events() == null) {
                throw new AssertionError("accepted with no event list: " + command);
            }
            if (state.ended()) {
                throw new AssertionError("accepted after the day ended: " + command);
            }
            if (!actor.facilitator() && FACILITATOR_ONLY.contains(command.getClass())) {
                throw new AssertionError("a participant had a facilitator's command accepted: " + command);
            }
            if (!actor.facilitator() && state.isRemoved(actor.id())) {
                throw new AssertionError("a removed participant had a command accepted: " + command);
            }
            registerSecrets(actor, command);
            accepted++;
            outcome = command.getClass().getSimpleName() + " accepted";
            commit(ok.events(), actor);
            if (!actor.facilitator()) {
                erasable(actor, command, ok.events());
            }
        }
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /**
     * What a participant writes must go when they are erased: in every event they caused, the keys
     * its activity declares as private text hold every marked word of theirs, so removing them
     * (as the log's erasure does) leaves none behind.
     */
    private void erasable(Actor actor, Command command, List<RoomEvent> events) {
        Set<String> written = new LinkedHashSet<>();
        for (java.lang.reflect.RecordComponent component : command.getClass().getRecordComponents()) {
            try {
                Object value = component.getAccessor().invoke(command);
                if (value instanceof String text) {
                    Matcher m = TOKEN.matcher(text);
                    while (m.find()) {
                        written.add(m.group());
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        for (RoomEvent event : events) {
            if (written.isEmpty() || !actor.id().equals(event.actorId())) {
                continue;
            }
            Map<String, Object> scrubbed = new java.util.LinkedHashMap<>(event.data());
            engine.activities().removePrivateText(event.kind(), scrubbed);
            String left;
            try {
                left = JSON.writeValueAsString(scrubbed);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            for (String token : written) {
                if (left.contains(token)) {
                    throw new AssertionError(event.kind() + " keeps what " + describe(actor) + " wrote (" + token
                            + ") outside the keys its activity declares as private text: " + left);
                }
            }
        }
    }

    /** Texts that the accepted command makes private, by the rule of the room at that moment. */
    private void registerSecrets(Actor actor, Command command) {
        if (command instanceof Command.JournalWrite c) {
            secret(c.text(), Secret.JOURNAL, actor, Set.of());
        } else if (command instanceof Command.CheckinAnswer c) {
            if ("facilitators".equals(Checkins.open(state).visibility)) {
                secret(c.word(), Secret.FACILITATORS_ANSWER, actor, Set.of());
                secret(c.sentence(), Secret.FACILITATORS_ANSWER, actor, Set.of());
            }
            if ("anonymous".equals(Checkins.open(state).visibility)) {
                anonymousAnswerers
                        .computeIfAbsent(Checkins.open(state).id, k -> new LinkedHashSet<>())
                        .add(actor.id());
            }
        } else if (command instanceof Command.RoleplayNote c) {
            secret(c.moment(), Secret.NOTE, actor, Set.of());
        } else if (command instanceof Command.RoleplaySharePropose c) {
            secret(
                    c.text(),
                    Secret.PROPOSAL,
                    actor,
                    Set.copyOf(Roleplays.current(state).groupOf(actor.id()).memberIds()));
        } else if (command instanceof Command.ReframeWrite c) {
            Set<UUID> partner = new LinkedHashSet<>();
            String pair = Reframing.current(state).pairOf.get(actor.id());
            if (pair != null) {
                partner.addAll(Reframing.current(state).pairs.get(pair));
            }
            secret(c.text(), Secret.REWRITE, actor, partner);
        } else if (command instanceof Command.RoleplayLaunch c
                && c.scenario() != null
                && c.scenario().roles() != null) {
            c.scenario().roles().values().forEach(card -> secret(card, Secret.CARD, actor, Set.of()));
        }
    }

    private void secret(String text, Secret kind, Actor author, Set<UUID> audience) {
        if (text == null) {
            return;
        }
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            secrets.putIfAbsent(m.group(), new Secrecy(kind, author.id(), audience));
        }
    }

    /** Numbers, records and folds events as LiveRooms.commit does, checking each on the way. */
    private void commit(List<RoomEvent> events, Actor sender) {
        long seq = state.lastSeq();
        List<Stored> stored = new ArrayList<>();
        for (RoomEvent event : events) {
            long previous = seq;
            RoomEvent numbered = event.withSeq(++seq);
            if (numbered.seq() <= previous
                    || !log.isEmpty()
                            && numbered.seq() <= log.get(log.size() - 1).event().seq()) {
                throw new AssertionError("sequence number did not increase: " + numbered);
            }
            if (!RoomEngine.EVENT_KINDS.contains(numbered.kind())) {
                throw new AssertionError("unknown event kind " + numbered.kind());
            }
            if (numbered.visibility() == null) {
                throw new AssertionError("event without visibility " + numbered);
            }
            Set<UUID> recipients = new LinkedHashSet<>();
            everyone.stream().filter(a -> numbered.visibility().allows(a)).forEach(a -> recipients.add(a.id()));
            stored.add(new Stored(numbered, write(numbered.data()), recipients));
        }
        for (Stored s : stored) {
            state.apply(s.event());
            log.add(s);
            checkRecipients(s);
            if (state.lastSeq() != s.event().seq()) {
                throw new AssertionError("state is at seq " + state.lastSeq() + " after folding "
                        + s.event().seq());
            }
        }
        for (Stored s : stored) {
            if (!s.dataJson().equals(write(s.event().data()))) {
                throw new AssertionError("folding changed an event after it was stored: " + s.dataJson() + " became "
                        + write(s.event().data()));
            }
        }
    }

    /** Who receives each event: the rules by kind, and where private text goes. */
    private void checkRecipients(Stored s) {
        RoomEvent e = s.event();
        Set<UUID> got = s.recipients();
        UUID actor = e.actorId();
        switch (e.kind()) {
            case "journal.written", "checkin.passed", "reframe.written", "reframe.kept", "reframe.resonance-given" ->
                require(got.equals(Set.of(actor)), s, "only its author may receive it");
            case "checkin.responded" -> require(got.stream().allMatch(this::isFacilitator), s, "facilitators only");
            case "roleplay.prepared", "reframe.prepared" -> require(got.isEmpty(), s, "kept on the server");
            case "roleplay.card" -> require(got.size() == 1, s, "one person's card");
            case "roleplay.note-for-facilitators" -> {
                String noteId = (String) e.data().get("noteId");
                Set<UUID> about = noteAbout.getOrDefault(noteId, Set.of());
                require(
                        !about.isEmpty()
                                && noteConsents.getOrDefault(noteId, Set.of()).containsAll(about),
                        s,
                        "a note reaches facilitators only when everyone it is about agreed");
                require(got.stream().allMatch(this::isFacilitator), s, "facilitators only");
            }
            case "roleplay.note-given" -> {
                Set<UUID> about = new LinkedHashSet<>();
                for (Object o : (List<?>) e.data().get("about")) {
                    about.add(UUID.fromString((String) ((Map<?, ?>) o).get("participantId")));
                }
                noteAbout.put((String) e.data().get("noteId"), about);
                Matcher moment = TOKEN.matcher(String.valueOf(e.data().get("moment")));
                while (moment.find()) {
                    secrets.computeIfPresent(moment.group(), (k, v) -> new Secrecy(v.kind(), v.author(), about));
                }
            }
            case "roleplay.note-consented" ->
                noteConsents
                        .computeIfAbsent((String) e.data().get("noteId"), k -> new LinkedHashSet<>())
                        .add(UUID.fromString((String) e.data().get("participantId")));
            case "reframe.shared" -> {
                if (!e.data().containsKey("name") && !got.isEmpty()) {
                    // an anonymous share: nobody but its author may learn whose it is
                    require(!got.contains(actor), s, "the anonymous copy is not for its author");
                }
                if (e.data().containsKey("name")
                        && !Boolean.TRUE.equals(e.data().get("mine"))) {
                    require(got.size() == everyone.size(), s, "a named share is for everyone");
                }
            }
            default -> {}
        }
        if (e.visibility().scope() == Visibility.Scope.NOBODY) {
            require(got.isEmpty(), s, "NOBODY means nobody");
        }
        Matcher m = TOKEN.matcher(s.dataJson());
        while (m.find()) {
            Secrecy secrecy = secrets.get(m.group());
            if (secrecy == null) {
                continue;
            }
            for (UUID r : got) {
                if (r.equals(secrecy.author())) {
                    continue;
                }
                boolean allowed = switch (secrecy.kind()) {
                    case JOURNAL -> false;
                    case FACILITATORS_ANSWER -> isFacilitator(r);
                    case NOTE ->
                        secrecy.audience().contains(r)
                                || isFacilitator(r) && e.kind().equals("roleplay.note-for-facilitators");
                    case PROPOSAL -> secrecy.audience().contains(r) || e.kind().equals("roleplay.shared");
                    case REWRITE ->
                        e.kind().equals("reframe.shared")
                                || e.kind().equals("reframe.highlighted")
                                || e.kind().equals("reframe.compared")
                                        && secrecy.audience().contains(r);
                    case CARD -> e.kind().equals("roleplay.card") && got.size() == 1;
                };
                require(allowed, s, secrecy.kind() + " text " + m.group() + " reached " + name(r));
            }
        }
    }

    private void require(boolean ok, Stored s, String rule) {
        if (!ok) {
            throw new AssertionError("visibility: " + rule + "; event "
                    + s.event().seq() + " " + s.event().kind() + " " + s.dataJson() + " "
                    + s.event().visibility() + " reaches "
                    + s.recipients().stream().map(this::name).toList());
        }
    }

    boolean isFacilitator(UUID id) {
        return facilitators.stream().anyMatch(f -> f.id().equals(id));
    }

    String name(UUID id) {
        return everyone.stream()
                .filter(a -> a.id().equals(id))
                .map(Actor::name)
                .findFirst()
                .orElse(String.valueOf(id));
    }

    private String describe(Actor a) {
        return (a.facilitator() ? "facilitator " : "participant ")
                + a.name()
                + (state.isPresent(a.id()) ? "" : " (not present)")
                + (state.isRemoved(a.id()) ? " (removed)" : "");
    }

    /** The room folded from scratch from the stored log, as a restarted server rebuilds it from the database. */
    RoomState replay() {
        RoomState fresh = new RoomState(List.of("Arriving", "Morning tea", "Connection"), LIBRARY);
        for (Stored s : log) {
            RoomEvent e = s.event();
            Map<String, Object> data;
            try {
                data = JSON.readValue(s.dataJson(), MAP);
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
            fresh.apply(new RoomEvent(e.seq(), e.at(), e.kind(), data, e.visibility(), e.actorId()));
        }
        return fresh;
    }

    /** A private token for a text, remembered if the command carrying it is accepted. */
    String token(String kind) {
        return "§" + kind + (++tokens) + "§";
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ state snapshots

    /** A canonical text of everything a state holds (fields, recursively; sets and maps sorted; numbers as numbers). */
    static String snapshot(Object state) {
        StringBuilder out = new StringBuilder();
        snapshot(state, out, 0);
        return out.toString();
    }

    private static void snapshot(Object value, StringBuilder out, int depth) {
        if (depth > 30) {
            throw new IllegalStateException("state nests too deeply");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof Number n) {
            out.append(
                    n instanceof Double || n instanceof Float
                            ? String.valueOf(n.doubleValue())
                            : String.valueOf(n.longValue()));
        } else if (value instanceof CharSequence
                || value instanceof UUID
                || value instanceof Instant
                || value instanceof Boolean
                || value instanceof Enum<?>
                || value instanceof Character) {
            out.append('"').append(value).append('"');
        } else if (value instanceof RoomLibrary) {
            out.append("library");
        } else if (value instanceof Activities) {
            out.append("activities");
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, String> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                StringBuilder item = new StringBuilder();
                snapshot(v, item, depth + 1);
                sorted.put(String.valueOf(k), item.toString());
            });
            out.append(sorted);
        } else if (value instanceof Set<?> set) {
            List<String> items = new ArrayList<>();
            for (Object o : set) {
                StringBuilder item = new StringBuilder();
                snapshot(o, item, depth + 1);
                items.add(item.toString());
            }
            items.sort(null);
            out.append("set").append(items);
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            for (Object o : list) {
                snapshot(o, out, depth + 1);
                out.append(',');
            }
            out.append(']');
        } else if (value instanceof int[] ints) {
            out.append(java.util.Arrays.toString(ints));
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (Object o : (Object[]) value) {
                snapshot(o, out, depth + 1);
                out.append(',');
            }
            out.append(']');
        } else {
            out.append(value.getClass().getSimpleName()).append('{');
            for (Class<?> c = value.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
                        continue;
                    }
                    f.setAccessible(true);
                    out.append(f.getName()).append('=');
                    try {
                        snapshot(f.get(value), out, depth + 1);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                    out.append(';');
                }
            }
            out.append('}');
        }
    }
}
