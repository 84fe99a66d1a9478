package io.mutuality.live.engine;

import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.reject;
import static io.mutuality.live.engine.Rules.text;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A private journal: what a person writes is seen by them alone, and is theirs to export or have erased. */
public final class Journal implements Activity<Void> {

    public static final Journal ACTIVITY = new Journal();

    public static final int MAX_JOURNAL = 5000;

    private Journal() {}

    @Override
    public String name() {
        return "journal";
    }

    @Override
    public Map<String, Class<? extends Command>> commands() {
        return Map.of("journal.write", Command.JournalWrite.class);
    }

    @Override
    public Set<String> eventKinds() {
        return Set.of("journal.written");
    }

    @Override
    public Void newState() {
        return null;
    }

    @Override
    public Map<String, String> createdIds() {
        return Map.of("journal.written", "entryId");
    }

    @Override
    public List<PrivateText> privateText() {
        return List.of(new PrivateText("journal.written", Set.of("text"), true));
    }

    @Override
    public Decision decide(RoomState room, Void nothing, Actor actor, Command command, Instant now) {
        Command.JournalWrite c = (Command.JournalWrite) command;
        return text(c.text(), MAX_JOURNAL)
                ? accept(event(
                        now,
                        "journal.written",
                        Visibility.person(actor.id()),
                        actor,
                        "entryId",
                        "j" + (room.lastSeq() + 1),
                        "text",
                        c.text()))
                : reject("invalid", "A journal entry needs 1 to " + MAX_JOURNAL + " characters.");
    }

    @Override
    public void apply(RoomState room, Void nothing, RoomEvent event) {
        // the room decides nothing on a journal entry
    }
}
