package io.mutuality.live.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kind of live activity in a room (check-ins, timers, role-plays, reframing, the journal,
 * shared notes): the commands it takes, how it decides them, how its events fold into its part
 * of the room's state, what the passing of time and the end of the day do to it, its part of
 * the day's summary, and which of its events hold text a person wrote (for erasure, retention
 * and the person's export). The engine, the room's state, the reports, the log and the tick loop
 * go over the list of activities ({@link Activities}); adding one touches none of them.
 *
 * @param <S> the activity's own part of a room's state, created empty for every room and changed
 *        only by {@link #apply}
 */
public interface Activity<S> {

    /** A short name, unique among a room's activities. */
    String name();

    /** The protocol's command types this activity takes, each with the record it is read into. */
    Map<String, Class<? extends Command>> commands();

    /** The kinds of event this activity writes; only it folds them. */
    Set<String> eventKinds();

    /** The activity's part of a new, empty room. */
    S newState();

    /** What one of this activity's commands comes to. The room's own rules (ended, removed, viewer) were checked before. */
    Decision decide(RoomState room, S state, Actor actor, Command command, Instant now);

    /** Folds one of this activity's stored events into its part. */
    void apply(RoomState room, S state, RoomEvent event);

    /** Whether the passing of time can bring about something now (so the room's clock should ask {@link #tick}). */
    default boolean ticking(S state) {
        return false;
    }

    /** What the passing of time brings about by itself, once each. */
    default List<RoomEvent> tick(RoomState room, S state, Instant now) {
        return List.of();
    }

    /** The events that stop whatever of this activity still runs when the day ends (a clock, a timer). */
    default List<RoomEvent> stop(RoomState room, S state, Actor actor, Instant now) {
        return List.of();
    }

    /** The events of this activity that hold what a person wrote, and under which keys. */
    default List<PrivateText> privateText() {
        return List.of();
    }

    /**
     * The ids the server makes for this activity's events, by event kind: the key in the event's
     * data (for example {@code checkin.started} makes a {@code checkinId}). The sender of a command
     * finds them in its {@code ack}'s {@code created}, so it need not wait for the event.
     */
    default Map<String, String> createdIds() {
        return Map.of();
    }

    /** A fresh collector of this activity's part of the day's summary, or null if it has none. */
    default SummaryPart summary() {
        return null;
    }

    /**
     * What a person wrote in one kind of event: the keys erased when they ask to be forgotten or
     * when the room's retention runs out, and whether the event is part of their own export.
     */
    record PrivateText(String kind, Set<String> keys, boolean exported) {}

    /**
     * An activity's part of the day as the whole room saw it. It is given, in order, only the
     * events every participant could see, and is asked for its result once at the end.
     */
    interface SummaryPart {

        /** The key of this part in the summary (for example {@code checkins}). */
        String key();

        void add(RoomEvent event);

        Object result();
    }
}
