package io.mutuality.live.engine;

import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.facilitatorsOnly;
import static io.mutuality.live.engine.Rules.reject;
import static io.mutuality.live.engine.Rules.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Short notes a facilitator shares with the whole room ("back at 11:15"), kept in the day's summary. */
public final class Notes implements Activity<Void> {

    public static final Notes ACTIVITY = new Notes();

    public static final int MAX_NOTE = 500;

    private Notes() {}

    @Override
    public String name() {
        return "note";
    }

    @Override
    public Map<String, Class<? extends Command>> commands() {
        return Map.of("note.share", Command.NoteShare.class);
    }

    @Override
    public Set<String> eventKinds() {
        return Set.of("note.shared");
    }

    @Override
    public Void newState() {
        return null;
    }

    @Override
    public Decision decide(RoomState room, Void nothing, Actor actor, Command command, Instant now) {
        Decision notAllowed = facilitatorsOnly(actor);
        if (notAllowed != null) {
            return notAllowed;
        }
        Command.NoteShare c = (Command.NoteShare) command;
        return text(c.text(), MAX_NOTE)
                ? accept(event(
                        now,
                        "note.shared",
                        Visibility.EVERYONE,
                        actor,
                        "text",
                        c.text().strip(),
                        "by",
                        actor.name()))
                : reject("invalid", "A note needs 1 to " + MAX_NOTE + " characters.");
    }

    @Override
    public void apply(RoomState room, Void nothing, RoomEvent event) {
        // a shared note changes nothing the room decides on
    }

    @Override
    public SummaryPart summary() {
        return new SummaryPart() {
            private final List<Map<String, Object>> notes = new ArrayList<>();

            @Override
            public String key() {
                return "notes";
            }

            @Override
            public void add(RoomEvent event) {
                if (event.kind().equals("note.shared")) {
                    notes.add(Map.of(
                            "text",
                            event.data().get("text"),
                            "by",
                            event.data().get("by"),
                            "at",
                            event.at().toString()));
                }
            }

            @Override
            public Object result() {
                return notes;
            }
        };
    }
}
