package io.mutuality.live.guide;

import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.facilitatorsOnly;
import static io.mutuality.live.engine.Rules.reject;
import static io.mutuality.live.engine.Rules.text;

import io.mutuality.live.engine.Activity;
import io.mutuality.live.engine.Actor;
import io.mutuality.live.engine.Command;
import io.mutuality.live.engine.Decision;
import io.mutuality.live.engine.RoomEvent;
import io.mutuality.live.engine.RoomState;
import io.mutuality.live.engine.Visibility;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The activity that {@code docs/adding-an-activity.md} builds, step by step: a closing round of
 * appreciations. A facilitator opens it, each participant may write one line to the room (or
 * write nothing: passing needs no command), and it closes by hand or with the day. It lives
 * outside the engine's package and uses only what any new activity can use.
 */
public final class Appreciations implements Activity<Appreciations.Part> {

    static final int MAX_LINE = 280;

    // step 1: the commands, as records
    public record Open(String id, String prompt) implements Command {}

    public record Write(String id, String text) implements Command {}

    public record Close(String id) implements Command {}

    // step 2: the activity's part of a room's state, changed only by apply
    public static final class Part {
        String prompt;
        int written;
    }

    @Override
    public String name() {
        return "appreciation";
    }

    @Override
    public Map<String, Class<? extends Command>> commands() {
        return Map.of(
                "appreciation.open", Open.class, "appreciation.write", Write.class, "appreciation.close", Close.class);
    }

    @Override
    public Set<String> eventKinds() {
        return Set.of("appreciation.opened", "appreciation.written", "appreciation.closed");
    }

    @Override
    public Part newState() {
        return new Part();
    }

    // step 3: deciding
    @Override
    public Decision decide(RoomState room, Part part, Actor actor, Command command, Instant now) {
        if (command instanceof Write c) {
            if (part.prompt == null) {
                return reject("conflict", "No round of appreciations is open.");
            }
            if (!text(c.text(), MAX_LINE)) {
                return reject("invalid", "An appreciation needs 1 to " + MAX_LINE + " characters.");
            }
            return accept(event(
                    now,
                    "appreciation.written",
                    Visibility.EVERYONE,
                    actor,
                    "name",
                    actor.name(),
                    "text",
                    c.text().strip()));
        }
        Decision notAllowed = facilitatorsOnly(actor);
        if (notAllowed != null) {
            return notAllowed;
        }
        if (command instanceof Open c) {
            if (part.prompt != null) {
                return reject("conflict", "A round of appreciations is already open.");
            }
            if (!text(c.prompt(), 200)) {
                return reject("invalid", "A prompt needs 1 to 200 characters.");
            }
            return accept(event(
                    now,
                    "appreciation.opened",
                    Visibility.EVERYONE,
                    actor,
                    "prompt",
                    c.prompt().strip()));
        }
        if (part.prompt == null) {
            return reject("conflict", "No round of appreciations is open.");
        }
        return accept(event(now, "appreciation.closed", Visibility.EVERYONE, actor));
    }

    // step 4: folding
    @Override
    public void apply(RoomState room, Part part, RoomEvent event) {
        switch (event.kind()) {
            case "appreciation.opened" -> part.prompt = (String) event.data().get("prompt");
            case "appreciation.written" -> part.written++;
            default -> part.prompt = null;
        }
    }

    // step 5: the end of the day closes an open round
    @Override
    public List<RoomEvent> stop(RoomState room, Part part, Actor actor, Instant now) {
        return part.prompt == null ? List.of() : List.of(event(now, "appreciation.closed", Visibility.EVERYONE, actor));
    }

    // step 6: what a person wrote, for erasure, retention and their export
    @Override
    public List<PrivateText> privateText() {
        return List.of(new PrivateText("appreciation.written", Set.of("text"), true));
    }

    // step 7: its part of the day's summary
    @Override
    public SummaryPart summary() {
        return new SummaryPart() {
            private final List<Map<String, Object>> lines = new ArrayList<>();

            @Override
            public String key() {
                return "appreciations";
            }

            @Override
            public void add(RoomEvent event) {
                if (event.kind().equals("appreciation.written") && event.data().get("text") != null) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("name", event.data().get("name"));
                    line.put("text", event.data().get("text"));
                    lines.add(line);
                }
            }

            @Override
            public Object result() {
                return lines;
            }
        };
    }

    /** How many appreciations have been written in a room (for the walk-through's checks). */
    static int written(RoomState room, Appreciations activity) {
        return room.part(activity).written;
    }
}
