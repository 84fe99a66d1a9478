package io.mutuality.live.engine;

import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.facilitatorsOnly;
import static io.mutuality.live.engine.Rules.reject;
import static io.mutuality.live.engine.Rules.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Check-ins: a prompt, answers as a word, a sentence or an energy level (or a pass), shown to
 * everyone, to facilitators only, or to everyone without names; in open mode or as a spoken
 * round where the turn moves person by person.
 */
public final class Checkins implements Activity<Checkins.Part> {

    public static final Checkins ACTIVITY = new Checkins();

    public static final int MAX_PROMPT = 300;
    public static final int MAX_WORD = 40;
    public static final int MAX_SENTENCE = 500;

    /** The check-in that is open, if any. */
    static final class Part {
        Checkin open;
    }

    static final class Checkin {
        final String id;
        final String visibility;
        final String mode;
        final List<UUID> order;
        final Set<UUID> responded = new HashSet<>();
        int answers;
        final int[] energy = new int[5];
        UUID turn;

        Checkin(String id, String visibility, String mode, List<UUID> order) {
            this.id = id;
            this.visibility = visibility;
            this.mode = mode;
            this.order = order;
        }
    }

    private Checkins() {}

    /** The open check-in's id, or null. */
    public static String openCheckinId(RoomState room) {
        Checkin open = room.part(ACTIVITY).open;
        return open == null ? null : open.id;
    }

    static Checkin open(RoomState room) {
        return room.part(ACTIVITY).open;
    }

    @Override
    public String name() {
        return "checkin";
    }

    @Override
    public Map<String, Class<? extends Command>> commands() {
        return Map.of(
                "checkin.start",
                Command.CheckinStart.class,
                "checkin.answer",
                Command.CheckinAnswer.class,
                "checkin.pass",
                Command.CheckinPass.class,
                "checkin.next",
                Command.CheckinNext.class,
                "checkin.close",
                Command.CheckinClose.class);
    }

    @Override
    public Set<String> eventKinds() {
        return Set.of(
                "checkin.started",
                "checkin.turn",
                "checkin.answered",
                "checkin.responded",
                "checkin.passed",
                "checkin.closed");
    }

    @Override
    public Part newState() {
        return new Part();
    }

    @Override
    public Map<String, String> createdIds() {
        return Map.of("checkin.started", "checkinId", "checkin.answered", "answerId");
    }

    @Override
    public List<PrivateText> privateText() {
        return List.of(new PrivateText("checkin.answered", Set.of("word", "sentence"), true));
    }

    @Override
    public Decision decide(RoomState room, Part part, Actor actor, Command command, Instant now) {
        if (command instanceof Command.CheckinAnswer c) {
            return answer(room, part, actor, c, now);
        }
        if (command instanceof Command.CheckinPass c) {
            return pass(room, part, actor, c, now);
        }
        Decision notAllowed = facilitatorsOnly(actor);
        if (notAllowed != null) {
            return notAllowed;
        }
        if (command instanceof Command.CheckinStart c) {
            return start(room, part, actor, c, now);
        }
        if (command instanceof Command.CheckinNext c) {
            if (part.open == null || !part.open.id.equals(c.checkinId())) {
                return reject("not-found", "That check-in is not open.");
            }
            if (!"round".equals(part.open.mode)) {
                return reject("conflict", "Only a spoken round has turns.");
            }
            return accept(nextTurn(room, part.open, actor, now, part.open.turn));
        }
        if (command instanceof Command.CheckinClose c) {
            if (part.open == null || !part.open.id.equals(c.checkinId())) {
                return reject("not-found", "That check-in is not open.");
            }
            Map<String, Object> energy = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                energy.put(String.valueOf(i + 1), part.open.energy[i]);
            }
            return accept(event(
                    now,
                    "checkin.closed",
                    Visibility.EVERYONE,
                    actor,
                    "checkinId",
                    c.checkinId(),
                    "answers",
                    part.open.answers,
                    "energy",
                    energy));
        }
        return reject("unknown-type", "This room does not know that command.");
    }

    private Decision start(RoomState room, Part part, Actor actor, Command.CheckinStart c, Instant now) {
        if (part.open != null) {
            return reject("conflict", "A check-in is already open; close it first.");
        }
        if (!text(c.prompt(), MAX_PROMPT)) {
            return reject("invalid", "A prompt needs 1 to " + MAX_PROMPT + " characters.");
        }
        if (c.visibility() == null
                || !List.of("everyone", "facilitators", "anonymous").contains(c.visibility())) {
            return reject("invalid", "visibility is everyone, facilitators or anonymous.");
        }
        String mode = c.mode() == null ? "open" : c.mode();
        if (!List.of("open", "round").contains(mode)) {
            return reject("invalid", "mode is open or round.");
        }
        if (mode.equals("round") && c.visibility().equals("anonymous")) {
            return reject(
                    "invalid",
                    "A round goes person by person, so everyone would know whose answer is whose; "
                            + "run an anonymous check-in in open mode.");
        }
        String checkinId = "k" + (room.lastSeq() + 1);
        List<String> order = new ArrayList<>();
        if (mode.equals("round")) {
            room.present.keySet().stream()
                    .filter(id -> !room.facilitators.contains(id))
                    .forEach(id -> order.add(id.toString()));
        }
        List<RoomEvent> events = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("checkinId", checkinId);
        data.put("prompt", c.prompt().strip());
        if (c.promptId() != null) {
            data.put("promptId", c.promptId());
        }
        data.put("closing", Boolean.TRUE.equals(c.closing()));
        data.put("visibility", c.visibility());
        data.put("mode", mode);
        data.put("order", order);
        events.add(new RoomEvent(0, now, "checkin.started", data, Visibility.EVERYONE, actor.id()));
        if (!order.isEmpty()) {
            events.add(event(
                    now,
                    "checkin.turn",
                    Visibility.EVERYONE,
                    actor,
                    "checkinId",
                    checkinId,
                    "participantId",
                    order.get(0)));
        }
        return accept(events);
    }

    private Decision answer(RoomState room, Part part, Actor actor, Command.CheckinAnswer c, Instant now) {
        Decision open = requireOpen(part, actor, c.checkinId());
        if (open != null) {
            return open;
        }
        boolean hasWord = c.word() != null && !c.word().isBlank();
        boolean hasSentence = c.sentence() != null && !c.sentence().isBlank();
        if (!hasWord && !hasSentence && c.energy() == null) {
            return reject("invalid", "Answer with a word, a sentence or an energy level, or pass.");
        }
        if (hasWord && c.word().length() > MAX_WORD
                || hasSentence && c.sentence().length() > MAX_SENTENCE) {
            return reject(
                    "invalid",
                    "A word has at most " + MAX_WORD + " characters and a sentence at most " + MAX_SENTENCE + ".");
        }
        if (c.energy() != null && (c.energy() < 1 || c.energy() > 5)) {
            return reject("invalid", "An energy level is from 1 to 5.");
        }
        String answerId = "a" + (room.lastSeq() + 1);
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("checkinId", c.checkinId());
        named.put("answerId", answerId);
        named.put("participantId", actor.id().toString());
        named.put("name", actor.name());
        if (hasWord) {
            named.put("word", c.word().strip());
        }
        if (hasSentence) {
            named.put("sentence", c.sentence().strip());
        }
        if (c.energy() != null) {
            named.put("energy", c.energy());
        }
        List<RoomEvent> events = new ArrayList<>();
        switch (part.open.visibility) {
            case "everyone" ->
                events.add(new RoomEvent(0, now, "checkin.answered", named, Visibility.EVERYONE, actor.id()));
            case "facilitators" ->
                events.add(new RoomEvent(
                        0, now, "checkin.answered", named, Visibility.facilitatorsAnd(actor.id()), actor.id()));
            default -> {
                Map<String, Object> anonymous = new LinkedHashMap<>(named);
                anonymous.remove("participantId");
                anonymous.remove("name");
                events.add(new RoomEvent(
                        0, now, "checkin.answered", anonymous, Visibility.everyoneExcept(actor.id()), actor.id()));
                events.add(new RoomEvent(0, now, "checkin.answered", named, Visibility.person(actor.id()), actor.id()));
            }
        }
        events.addAll(responded(part.open, actor, c.checkinId(), now));
        events.addAll(advanceIfTurn(room, part.open, actor, now));
        return accept(events);
    }

    private Decision pass(RoomState room, Part part, Actor actor, Command.CheckinPass c, Instant now) {
        Decision open = requireOpen(part, actor, c.checkinId());
        if (open != null) {
            return open;
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "checkin.passed", Visibility.person(actor.id()), actor, "checkinId", c.checkinId()));
        events.addAll(responded(part.open, actor, c.checkinId(), now));
        events.addAll(advanceIfTurn(room, part.open, actor, now));
        return accept(events);
    }

    /**
     * Who has responded (answered or passed). Facilitators see each person's name, except in an
     * anonymous check-in: there they see only how many have responded, and who is kept on the
     * server (so nobody answers twice), because a name arriving with an answer would link the two.
     */
    private static List<RoomEvent> responded(Checkin checkin, Actor actor, String checkinId, Instant now) {
        if ("anonymous".equals(checkin.visibility)) {
            return List.of(
                    event(
                            now,
                            "checkin.responded",
                            Visibility.NOBODY,
                            actor,
                            "checkinId",
                            checkinId,
                            "participantId",
                            actor.id().toString()),
                    event(
                            now,
                            "checkin.responded",
                            Visibility.FACILITATORS,
                            actor,
                            "checkinId",
                            checkinId,
                            "count",
                            checkin.responded.size() + 1));
        }
        return List.of(event(
                now,
                "checkin.responded",
                Visibility.FACILITATORS,
                actor,
                "checkinId",
                checkinId,
                "participantId",
                actor.id().toString()));
    }

    private static Decision requireOpen(Part part, Actor actor, String checkinId) {
        if (part.open == null || !part.open.id.equals(checkinId)) {
            return reject("not-found", "That check-in is not open.");
        }
        if (part.open.responded.contains(actor.id())) {
            return reject("conflict", "You have already responded to this check-in.");
        }
        return null;
    }

    /** In a spoken round, the turn moves on when the person whose turn it is responds. */
    private static List<RoomEvent> advanceIfTurn(RoomState room, Checkin checkin, Actor actor, Instant now) {
        if (!"round".equals(checkin.mode) || !actor.id().equals(checkin.turn)) {
            return List.of();
        }
        return nextTurn(room, checkin, actor, now, actor.id());
    }

    private static List<RoomEvent> nextTurn(RoomState room, Checkin checkin, Actor actor, Instant now, UUID after) {
        int from = after == null ? -1 : checkin.order.indexOf(after);
        UUID next = null;
        for (int i = from + 1; i < checkin.order.size(); i++) {
            UUID candidate = checkin.order.get(i);
            if (!checkin.responded.contains(candidate) && !candidate.equals(after) && room.isPresent(candidate)) {
                next = candidate;
                break;
            }
        }
        return List.of(event(
                now,
                "checkin.turn",
                Visibility.EVERYONE,
                actor,
                "checkinId",
                checkin.id,
                "participantId",
                next == null ? null : next.toString()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void apply(RoomState room, Part part, RoomEvent event) {
        Map<String, Object> d = event.data();
        switch (event.kind()) {
            case "checkin.started" -> {
                List<UUID> order = new ArrayList<>();
                ((List<Object>) d.getOrDefault("order", List.of())).forEach(o -> order.add(RoomState.uuid(o)));
                part.open = new Checkin(
                        (String) d.get("checkinId"), (String) d.get("visibility"), (String) d.get("mode"), order);
            }
            case "checkin.turn" -> {
                if (part.open != null) {
                    part.open.turn = d.get("participantId") == null ? null : RoomState.uuid(d.get("participantId"));
                }
            }
            case "checkin.responded" -> {
                // an anonymous check-in's count for facilitators names nobody; the server's own copy does
                if (part.open != null && d.get("participantId") != null) {
                    part.open.responded.add(RoomState.uuid(d.get("participantId")));
                }
            }
            case "checkin.answered" -> {
                // the everyone / facilitators copy counts; an author's own copy of an anonymous answer does not
                if (part.open != null && event.visibility().scope() != Visibility.Scope.PERSON) {
                    part.open.answers++;
                    Object energy = d.get("energy");
                    if (energy instanceof Number n && n.intValue() >= 1 && n.intValue() <= 5) {
                        part.open.energy[n.intValue() - 1]++;
                    }
                }
            }
            case "checkin.closed" -> part.open = null;
            default -> {
                // checkin.passed: nothing the server decides on
            }
        }
    }

    @Override
    public SummaryPart summary() {
        return new CheckinSummary();
    }

    /** Check-ins with their prompts, the answers shared with everyone, and how many answered at what energy. */
    private static final class CheckinSummary implements SummaryPart {
        private final List<Map<String, Object>> checkins = new ArrayList<>();
        private final Map<String, Map<String, Object>> byId = new LinkedHashMap<>();

        @Override
        public String key() {
            return "checkins";
        }

        @Override
        @SuppressWarnings("unchecked")
        public void add(RoomEvent event) {
            Map<String, Object> d = event.data();
            switch (event.kind()) {
                case "checkin.started" -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("prompt", d.get("prompt"));
                    entry.put("closing", d.get("closing"));
                    entry.put("visibility", d.get("visibility"));
                    entry.put("at", event.at().toString());
                    entry.put("sharedAnswers", new ArrayList<Map<String, Object>>());
                    byId.put((String) d.get("checkinId"), entry);
                    checkins.add(entry);
                }
                case "checkin.answered" -> {
                    Map<String, Object> entry = byId.get((String) d.get("checkinId"));
                    if (entry != null && !Boolean.TRUE.equals(d.get("erased"))) {
                        Map<String, Object> answer = new LinkedHashMap<>();
                        for (String key : List.of("name", "word", "sentence", "energy")) {
                            if (d.containsKey(key)) {
                                answer.put(key, d.get(key));
                            }
                        }
                        ((List<Map<String, Object>>) entry.get("sharedAnswers")).add(answer);
                    }
                }
                case "checkin.closed" -> {
                    Map<String, Object> entry = byId.get((String) d.get("checkinId"));
                    if (entry != null) {
                        entry.put("answers", d.get("answers"));
                        entry.put("energy", d.get("energy"));
                    }
                }
                default -> {}
            }
        }

        @Override
        public Object result() {
            return checkins;
        }
    }
}
