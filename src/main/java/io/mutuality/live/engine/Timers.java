package io.mutuality.live.engine;

import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.facilitatorsOnly;
import static io.mutuality.live.engine.Rules.reject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Timers everyone in the room sees: set, paused, resumed, extended and cleared by facilitators. */
public final class Timers implements Activity<Map<String, Timers.Timer>> {

    public static final Timers ACTIVITY = new Timers();

    /** A timer runs until {@code endsAt}, or is paused with {@code remainingSeconds} left. */
    static final class Timer {
        Instant endsAt;
        Long remainingSeconds;
    }

    private Timers() {}

    /** The room's timers by id. */
    static Map<String, Timer> of(RoomState room) {
        return room.part(ACTIVITY);
    }

    @Override
    public String name() {
        return "timer";
    }

    @Override
    public Map<String, Class<? extends Command>> commands() {
        return Map.of(
                "timer.set",
                Command.TimerSet.class,
                "timer.pause",
                Command.TimerPause.class,
                "timer.resume",
                Command.TimerResume.class,
                "timer.extend",
                Command.TimerExtend.class,
                "timer.clear",
                Command.TimerClear.class);
    }

    @Override
    public Set<String> eventKinds() {
        return Set.of("timer.started", "timer.paused", "timer.resumed", "timer.cleared");
    }

    @Override
    public Map<String, String> createdIds() {
        return Map.of("timer.started", "timerId");
    }

    @Override
    public Map<String, Timer> newState() {
        return new HashMap<>();
    }

    @Override
    public Decision decide(RoomState room, Map<String, Timer> timers, Actor actor, Command command, Instant now) {
        Decision notAllowed = facilitatorsOnly(actor);
        if (notAllowed != null) {
            return notAllowed;
        }
        if (command instanceof Command.TimerSet c) {
            if (c.seconds() == null || c.seconds() < 10 || c.seconds() > 14_400) {
                return reject("invalid", "A timer runs from 10 seconds to 4 hours.");
            }
            String label = c.label() == null ? "" : c.label().strip();
            if (label.length() > 80) {
                return reject("invalid", "A timer's label has at most 80 characters.");
            }
            return accept(event(
                    now,
                    "timer.started",
                    Visibility.EVERYONE,
                    actor,
                    "timerId",
                    "t" + (room.lastSeq() + 1),
                    "label",
                    label,
                    "endsAt",
                    now.plusSeconds(c.seconds()).toString()));
        }
        if (command instanceof Command.TimerPause c) {
            Timer timer = timers.get(c.timerId());
            if (timer == null || timer.endsAt == null) {
                return reject("not-found", "No running timer has that id.");
            }
            long remaining = Math.max(0, Duration.between(now, timer.endsAt).toSeconds());
            return accept(event(
                    now,
                    "timer.paused",
                    Visibility.EVERYONE,
                    actor,
                    "timerId",
                    c.timerId(),
                    "remainingSeconds",
                    remaining));
        }
        if (command instanceof Command.TimerResume c) {
            Timer timer = timers.get(c.timerId());
            if (timer == null || timer.remainingSeconds == null) {
                return reject("not-found", "No paused timer has that id.");
            }
            return accept(event(
                    now,
                    "timer.resumed",
                    Visibility.EVERYONE,
                    actor,
                    "timerId",
                    c.timerId(),
                    "endsAt",
                    now.plusSeconds(timer.remainingSeconds).toString()));
        }
        if (command instanceof Command.TimerExtend c) {
            return extend(timers, actor, c, now);
        }
        if (command instanceof Command.TimerClear c) {
            if (!timers.containsKey(c.timerId())) {
                return reject("not-found", "No timer has that id.");
            }
            return accept(event(now, "timer.cleared", Visibility.EVERYONE, actor, "timerId", c.timerId()));
        }
        return reject("unknown-type", "This room does not know that command.");
    }

    private static Decision extend(Map<String, Timer> timers, Actor actor, Command.TimerExtend c, Instant now) {
        Timer timer = timers.get(c.timerId());
        if (timer == null) {
            return reject("not-found", "No timer has that id.");
        }
        if (c.seconds() == null || c.seconds() < 10 || c.seconds() > 3600) {
            return reject("invalid", "A timer can be extended by 10 seconds to an hour at a time.");
        }
        if (timer.endsAt != null) {
            Instant base = timer.endsAt.isBefore(now) ? now : timer.endsAt;
            return accept(event(
                    now,
                    "timer.resumed",
                    Visibility.EVERYONE,
                    actor,
                    "timerId",
                    c.timerId(),
                    "endsAt",
                    base.plusSeconds(c.seconds()).toString()));
        }
        return accept(event(
                now,
                "timer.paused",
                Visibility.EVERYONE,
                actor,
                "timerId",
                c.timerId(),
                "remainingSeconds",
                timer.remainingSeconds + c.seconds()));
    }

    /** Ending the day clears every timer, so no countdown runs on in anyone's room. */
    @Override
    public List<RoomEvent> stop(RoomState room, Map<String, Timer> timers, Actor actor, Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        timers.keySet().stream()
                .sorted()
                .forEach(id -> events.add(event(now, "timer.cleared", Visibility.EVERYONE, actor, "timerId", id)));
        return events;
    }

    @Override
    public void apply(RoomState room, Map<String, Timer> timers, RoomEvent event) {
        Map<String, Object> d = event.data();
        switch (event.kind()) {
            case "timer.started", "timer.resumed" -> {
                Timer timer = timers.computeIfAbsent((String) d.get("timerId"), k -> new Timer());
                timer.endsAt = Instant.parse((String) d.get("endsAt"));
                timer.remainingSeconds = null;
            }
            case "timer.paused" -> {
                Timer timer = timers.computeIfAbsent((String) d.get("timerId"), k -> new Timer());
                timer.endsAt = null;
                timer.remainingSeconds = ((Number) d.get("remainingSeconds")).longValue();
            }
            case "timer.cleared" -> timers.remove((String) d.get("timerId"));
            default -> {}
        }
    }
}
