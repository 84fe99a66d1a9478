package io.mutuality.live.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The activities a room runs, with what is known of them together: which activity takes a
 * command, which folds an event kind, which keys of which events hold a person's text. Checked
 * when it is made: two activities cannot claim the same command, event kind or name, nor one the
 * room's own.
 */
public final class Activities {

    /** The commands of the room itself (joining, pinging, removing, the agenda, ending the day). */
    static final Map<String, Class<? extends Command>> ROOM_COMMANDS = Map.of(
            "hello", Command.Hello.class,
            "ping", Command.Ping.class,
            "participant.remove", Command.ParticipantRemove.class,
            "participant.admit", Command.ParticipantAdmit.class,
            "agenda.move", Command.AgendaMove.class,
            "day.end", Command.DayEnd.class);

    /** The events of the room itself. */
    static final Set<String> ROOM_EVENTS = Set.of(
            "presence.joined",
            "presence.left",
            "participant.removed",
            "participant.admitted",
            "participant.erased",
            "log.scrubbed",
            "agenda.moved",
            "day.ended");

    private static final Activities STANDARD = new Activities(List.of(
            Checkins.ACTIVITY,
            Timers.ACTIVITY,
            Roleplays.ACTIVITY,
            Reframing.ACTIVITY,
            Journal.ACTIVITY,
            Notes.ACTIVITY));

    private final List<Activity<?>> list;
    private final Map<Class<?>, Activity<?>> byCommand = new HashMap<>();
    private final Map<String, Activity<?>> byKind = new HashMap<>();
    private final Map<String, Class<? extends Command>> commandTypes = new TreeMap<>(ROOM_COMMANDS);
    private final Map<String, Set<String>> privateKeys = new HashMap<>();
    private final Set<String> exportedKinds = new LinkedHashSet<>();
    private final Map<String, String> createdIds = new HashMap<>();

    public Activities(List<Activity<?>> activities) {
        this.list = List.copyOf(activities);
        Set<String> names = new java.util.HashSet<>();
        for (Activity<?> activity : list) {
            if (!names.add(activity.name())) {
                throw new IllegalArgumentException("Two activities are called " + activity.name());
            }
            activity.commands().forEach((type, record) -> {
                if (commandTypes.putIfAbsent(type, record) != null) {
                    throw new IllegalArgumentException(
                            "The command " + type + " is claimed twice (" + activity.name() + ")");
                }
                byCommand.put(record, activity);
            });
            for (String kind : activity.eventKinds()) {
                if (ROOM_EVENTS.contains(kind) || byKind.putIfAbsent(kind, activity) != null) {
                    throw new IllegalArgumentException(
                            "The event kind " + kind + " is claimed twice (" + activity.name() + ")");
                }
            }
            activity.createdIds().forEach((kind, key) -> {
                if (!activity.eventKinds().contains(kind)) {
                    throw new IllegalArgumentException(
                            activity.name() + " declares an id in an event it does not write: " + kind);
                }
                createdIds.put(kind, key);
            });
            for (Activity.PrivateText text : activity.privateText()) {
                if (!activity.eventKinds().contains(text.kind())) {
                    throw new IllegalArgumentException(
                            activity.name() + " declares private text in an event it does not write: " + text.kind());
                }
                privateKeys
                        .computeIfAbsent(text.kind(), k -> new LinkedHashSet<>())
                        .addAll(text.keys());
                if (text.exported()) {
                    exportedKinds.add(text.kind());
                }
            }
        }
    }

    /** Check-ins, timers, role-plays, reframing, the journal and shared notes. */
    public static Activities standard() {
        return STANDARD;
    }

    /** These activities and one more (a new kind of activity, or one a test brings). */
    public Activities with(Activity<?> another) {
        List<Activity<?>> more = new ArrayList<>(list);
        more.add(another);
        return new Activities(more);
    }

    public List<Activity<?>> list() {
        return list;
    }

    /** Every command type a room takes, with the record it is read into. */
    public Map<String, Class<? extends Command>> commandTypes() {
        return Collections.unmodifiableMap(commandTypes);
    }

    /** Every kind of event a room can hold. */
    public Set<String> eventKinds() {
        Set<String> kinds = new java.util.TreeSet<>(ROOM_EVENTS);
        kinds.addAll(byKind.keySet());
        return kinds;
    }

    /** The activity that takes a command, or null for the room's own commands. */
    Activity<?> forCommand(Command command) {
        return byCommand.get(command.getClass());
    }

    /** The activity that folds an event kind, or null for the room's own events. */
    Activity<?> forKind(String kind) {
        return byKind.get(kind);
    }

    /** The keys of an event kind's data that hold what its author wrote (empty if none). */
    public Set<String> privateKeys(String kind) {
        return privateKeys.getOrDefault(kind, Set.of());
    }

    /** Removes what its author wrote from one event's data (as its activity declares it); true if anything was there. */
    public boolean removePrivateText(String kind, Map<String, Object> data) {
        boolean removed = false;
        for (String key : privateKeys(kind)) {
            if (data.containsKey(key)) {
                data.remove(key);
                removed = true;
            }
        }
        return removed;
    }

    /** The key of the id the server makes in an event of this kind ({@code checkin.started}: {@code checkinId}), or null. */
    public String createdIdKey(String kind) {
        return createdIds.get(kind);
    }

    /** The event kinds that make up what a person wrote, for their own export. */
    public Set<String> exportedKinds() {
        return Collections.unmodifiableSet(exportedKinds);
    }

    /** Every activity's part of a new room, by name. */
    Map<String, Object> newParts() {
        Map<String, Object> parts = new LinkedHashMap<>();
        list.forEach(activity -> parts.put(activity.name(), activity.newState()));
        return parts;
    }
}
