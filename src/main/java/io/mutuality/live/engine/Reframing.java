package io.mutuality.live.engine;

import static io.mutuality.live.engine.ReframeWriting.*;
import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.reject;
import static io.mutuality.live.engine.Rules.text;

import io.mutuality.live.engine.Command.ReframeCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of the "what happened?" exercise: statements from the bank or the facilitator,
 * private rewrites checked by the language lens, pairs who rewrite each other's statement,
 * and a reveal where each person chooses to share with their name, without it, or not at all.
 * The exercise under way is this activity's part of the room.
 */
public final class Reframing implements Activity<Reframing.Part> {

    public static final Reframing ACTIVITY = new Reframing();

    /** The exercise under way, if any. */
    static final class Part {
        ReframeState current;
    }

    static final int MAX_STATEMENTS = 10;
    static final int MAX_STATEMENT = 300;
    static final int MAX_REWRITE = 1000;

    private Reframing() {}

    /** The id of the reframing exercise under way in a room, or null. */
    public static String exerciseId(RoomState room) {
        ReframeState current = current(room);
        return current == null ? null : current.id;
    }

    /** The exercise under way in a room, or null. */
    static ReframeState current(RoomState room) {
        return room.part(ACTIVITY).current;
    }

    @Override
    public String name() {
        return "reframe";
    }

    @Override
    public Map<String, Class<? extends Command>> commands() {
        Map<String, Class<? extends Command>> commands = new LinkedHashMap<>();
        commands.put("reframe.launch", Command.ReframeLaunch.class);
        commands.put("reframe.statement", Command.ReframeStatement.class);
        commands.put("reframe.write", Command.ReframeWrite.class);
        commands.put("reframe.reveal", Command.ReframeReveal.class);
        commands.put("reframe.share", Command.ReframeShare.class);
        commands.put("reframe.unshare", Command.ReframeUnshare.class);
        commands.put("reframe.resonate", Command.ReframeResonate.class);
        commands.put("reframe.highlight", Command.ReframeHighlight.class);
        commands.put("reframe.examples", Command.ReframeExamples.class);
        commands.put("reframe.close", Command.ReframeClose.class);
        return commands;
    }

    @Override
    public Set<String> eventKinds() {
        return Set.of(
                "reframe.launched",
                "reframe.prepared",
                "reframe.paired",
                "reframe.statement-set",
                "reframe.written",
                "reframe.compared",
                "reframe.phase",
                "reframe.shared",
                "reframe.kept",
                "reframe.withdrawn",
                "reframe.resonated",
                "reframe.resonance-given",
                "reframe.highlighted",
                "reframe.examples-shown",
                "reframe.closed");
    }

    @Override
    public Part newState() {
        return new Part();
    }

    /**
     * A person's own statement, their rewrites (with the lens's marks on them), what they shared,
     * and a pair's comparison they completed. Only the rewrites go into their export: the rest
     * repeats them or belongs to the pair.
     */
    @Override
    public Map<String, String> createdIds() {
        return Map.of(
                "reframe.launched",
                "exerciseId",
                "reframe.statement-set",
                "statementId",
                "reframe.written",
                "rewriteId",
                "reframe.shared",
                "entryId");
    }

    @Override
    public List<PrivateText> privateText() {
        return List.of(
                new PrivateText("reframe.statement-set", Set.of("text"), false),
                new PrivateText("reframe.written", Set.of("text", "marks"), true),
                new PrivateText("reframe.compared", Set.of("rewrites"), false),
                new PrivateText("reframe.shared", Set.of("text"), false));
    }

    @Override
    public Decision decide(RoomState room, Part part, Actor actor, Command command, Instant now) {
        if (command instanceof Command.ReframeLaunch c) {
            Decision notAllowed = Rules.facilitatorsOnly(actor);
            return notAllowed != null ? notAllowed : launch(room, actor, c, now);
        }
        return underWay(room, actor, (ReframeCommand) command, now);
    }

    @Override
    public void apply(RoomState room, Part part, RoomEvent event) {
        switch (event.kind()) {
            case "reframe.launched" -> part.current = new ReframeState(event.data());
            case "reframe.closed" -> part.current = null;
            default -> {
                if (part.current != null) {
                    part.current.apply(event);
                }
            }
        }
    }

    @Override
    public SummaryPart summary() {
        return new ReframeSummary();
    }

    private static Decision launch(RoomState state, Actor actor, Command.ReframeLaunch c, Instant now) {
        if (current(state) != null) {
            return reject("conflict", "A reframing exercise is already under way; close it first.");
        }
        String mode = c.mode() == null ? "solo" : c.mode();
        if (!List.of("solo", "pairs").contains(mode)) {
            return reject("invalid", "mode is solo or pairs.");
        }
        String exerciseId = "x" + (state.lastSeq() + 1);
        List<Map<String, Object>> statements = new ArrayList<>();
        Map<String, Object> examples = new LinkedHashMap<>();
        if (c.reframeIds() != null) {
            for (String reframeId : c.reframeIds()) {
                RoomLibrary.Statement found = reframeId == null
                        ? null
                        : state.library.statement(reframeId).orElse(null);
                if (found == null) {
                    return reject("not-found", "There is no statement '" + reframeId + "' in the reframes bank.");
                }
                if (statements.stream().noneMatch(s -> s.get("statementId").equals(found.id()))) {
                    statements.add(statement(
                            found.id(),
                            found.text(),
                            found.pattern(),
                            !found.rewrites().isEmpty()));
                    examples.put(found.id(), found.rewrites());
                }
            }
        }
        if (c.statements() != null) {
            for (String own : c.statements()) {
                if (!text(own, MAX_STATEMENT)) {
                    return reject("invalid", "A statement needs 1 to " + MAX_STATEMENT + " characters.");
                }
                statements.add(statement(exerciseId + "-" + (statements.size() + 1), own.strip(), null, false));
            }
        }
        if (statements.size() > MAX_STATEMENTS) {
            return reject("invalid", "Choose at most " + MAX_STATEMENTS + " statements.");
        }
        if (statements.isEmpty() && mode.equals("solo")) {
            return reject("invalid", "Choose at least one statement, from the bank or your own.");
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(
                now,
                "reframe.launched",
                Visibility.EVERYONE,
                actor.id(),
                "exerciseId",
                exerciseId,
                "mode",
                mode,
                "statements",
                statements));
        events.add(event(
                now,
                "reframe.prepared",
                Visibility.NOBODY,
                actor.id(),
                "exerciseId",
                exerciseId,
                "examples",
                examples));
        if (mode.equals("pairs")) {
            List<UUID> people = state.present.keySet().stream()
                    .filter(id -> !state.facilitators.contains(id) && !state.isRemoved(id))
                    .toList();
            List<List<UUID>> pairs =
                    Grouping.form(people, 2, Grouping.EXTRA_OBSERVER, null, state.met, state.lastSeq() + 1);
            List<Map<String, Object>> list = new ArrayList<>();
            int handed = 0;
            for (int p = 0; p < pairs.size(); p++) {
                List<UUID> members = pairs.get(p);
                List<Map<String, Object>> memberList = new ArrayList<>();
                List<String> held = new ArrayList<>();
                for (int i = 0; i < members.size(); i++) {
                    held.add(
                            statements.isEmpty()
                                    ? null
                                    : (String) statements
                                            .get(handed++ % statements.size())
                                            .get("statementId"));
                }
                for (int i = 0; i < members.size(); i++) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("participantId", members.get(i).toString());
                    m.put("name", state.present.get(members.get(i)));
                    m.put("holds", held.get(i));
                    m.put("rewrites", held.get((i + 1) % members.size()));
                    memberList.add(m);
                }
                list.add(Map.of("pairId", "q" + (p + 1), "members", memberList));
            }
            events.add(event(
                    now, "reframe.paired", Visibility.EVERYONE, actor.id(), "exerciseId", exerciseId, "pairs", list));
        }
        return new Decision.Accepted(events);
    }

    private static Map<String, Object> statement(String id, String text, String pattern, boolean hasExamples) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("statementId", id);
        s.put("text", text);
        s.put("pattern", pattern);
        s.put("hasExamples", hasExamples);
        return s;
    }

    private static Decision underWay(RoomState state, Actor actor, ReframeCommand command, Instant now) {
        ReframeState x = current(state);
        if (x == null || !x.id.equals(command.exerciseId())) {
            return reject("not-found", "That reframing exercise is not under way.");
        }
        if (command instanceof Command.ReframeStatement c) {
            return ownStatement(state, x, actor, c, now);
        } else if (command instanceof Command.ReframeWrite c) {
            return write(state, x, actor, c, now);
        } else if (command instanceof Command.ReframeShare c) {
            return share(state, x, actor, c, now);
        } else if (command instanceof Command.ReframeUnshare c) {
            ReframeState.Entry entry = c.entryId() == null ? null : x.entries.get(c.entryId());
            if (entry == null || entry.withdrawn || !entry.author.equals(actor.id())) {
                return reject("not-found", "You have shared nothing with that id.");
            }
            return accept(event(
                    now,
                    "reframe.withdrawn",
                    Visibility.EVERYONE,
                    actor.id(),
                    "exerciseId",
                    x.id,
                    "entryId",
                    entry.id));
        } else if (command instanceof Command.ReframeResonate c) {
            ReframeState.Entry entry = c.entryId() == null ? null : x.entries.get(c.entryId());
            if (entry == null || entry.withdrawn) {
                return reject("not-found", "Nothing shared has that id.");
            }
            if (entry.author.equals(actor.id())) {
                return reject("conflict", "That one is yours.");
            }
            if (x.resonance.contains(entry.id + "|" + actor.id())) {
                return reject("conflict", "You have already marked that one.");
            }
            return new Decision.Accepted(List.of(
                    event(
                            now,
                            "reframe.resonated",
                            Visibility.facilitatorsAnd(entry.author),
                            actor.id(),
                            "exerciseId",
                            x.id,
                            "entryId",
                            entry.id),
                    event(
                            now,
                            "reframe.resonance-given",
                            Visibility.person(actor.id()),
                            actor.id(),
                            "exerciseId",
                            x.id,
                            "entryId",
                            entry.id)));
        }
        if (!actor.facilitator()) {
            return reject("not-allowed", "Only facilitators can do that.");
        }
        if (command instanceof Command.ReframeReveal) {
            if (!x.phase.equals("writing")) {
                return reject("conflict", "The rewrites have already been revealed.");
            }
            return accept(event(
                    now, "reframe.phase", Visibility.EVERYONE, actor.id(), "exerciseId", x.id, "phase", "reveal"));
        } else if (command instanceof Command.ReframeHighlight c) {
            ReframeState.Entry entry = c.entryId() == null ? null : x.entries.get(c.entryId());
            if (entry == null || entry.withdrawn) {
                return reject("not-found", "Nothing shared has that id.");
            }
            return accept(event(
                    now,
                    "reframe.highlighted",
                    Visibility.EVERYONE,
                    actor.id(),
                    "exerciseId",
                    x.id,
                    "entryId",
                    entry.id,
                    "on",
                    !Boolean.FALSE.equals(c.on())));
        } else if (command instanceof Command.ReframeExamples c) {
            List<String> rewrites = c.statementId() == null ? null : x.examples.get(c.statementId());
            if (rewrites == null || rewrites.isEmpty()) {
                return reject("not-found", "That statement has no example rewrites.");
            }
            return accept(event(
                    now,
                    "reframe.examples-shown",
                    Visibility.EVERYONE,
                    actor.id(),
                    "exerciseId",
                    x.id,
                    "statementId",
                    c.statementId(),
                    "rewrites",
                    rewrites));
        } else if (command instanceof Command.ReframeClose) {
            return accept(event(now, "reframe.closed", Visibility.EVERYONE, actor.id(), "exerciseId", x.id));
        }
        return reject("unknown-type", "This room does not know that command.");
    }
}
