package io.mutuality.live.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A room as the server sees it: the fold of every event in its log. Rebuilt from the log on
 * start, so a restart loses nothing that was stored. Only the engine changes it.
 */
public final class RoomState {

    /** The day's agenda slot titles, so that agenda moves can be checked. */
    final List<String> agenda;

    long lastSeq;
    final Map<UUID, String> present = new LinkedHashMap<>();
    final Set<UUID> facilitators = new HashSet<>();
    final Set<UUID> removed = new HashSet<>();
    /** Participants erased at their request: the room takes nothing more from them. */
    final Set<UUID> erased = new HashSet<>();

    Integer agendaSlot;
    boolean ended;
    /** What launching an activity can draw on; never needed to rebuild the state. */
    final RoomLibrary library;
    /** How often two people have been in a group or a pair together today (see {@link Grouping#pair}). */
    final Map<String, Integer> met = new HashMap<>();
    /** The activities this room runs, and each one's part of the state, by name. */
    final Activities activities;

    private final Map<String, Object> parts;

    public RoomState(List<String> agenda) {
        this(agenda, RoomLibrary.EMPTY);
    }

    public RoomState(List<String> agenda, RoomLibrary library) {
        this(agenda, library, Activities.standard());
    }

    public RoomState(List<String> agenda, RoomLibrary library, Activities activities) {
        this.agenda = List.copyOf(agenda);
        this.library = library;
        this.activities = activities;
        this.parts = activities.newParts();
    }

    /** An activity's part of this room's state. */
    @SuppressWarnings("unchecked")
    public <S> S part(Activity<S> activity) {
        return (S) parts.get(activity.name());
    }

    /**
     * The same room folded again from its log (as it is stored now): after an erasure has
     * scrubbed the log, nothing the person wrote and not their name survives in memory either.
     */
    public RoomState refolded(List<RoomEvent> log) {
        RoomState fresh = new RoomState(agenda, library, activities);
        log.forEach(fresh::apply);
        return fresh;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public boolean isRemoved(UUID participant) {
        return removed.contains(participant);
    }

    public boolean isErased(UUID participant) {
        return erased.contains(participant);
    }

    public boolean isPresent(UUID person) {
        return present.containsKey(person);
    }

    /** How many participants (not facilitators, not the projector) are in the room now. */
    public int participantsHere() {
        return (int) present.keySet().stream()
                .filter(id -> !facilitators.contains(id))
                .count();
    }

    public boolean ended() {
        return ended;
    }

    /** Folds one stored event into the state: the room's own events here, every other by the activity that wrote it. */
    public void apply(RoomEvent event) {
        Map<String, Object> d = event.data();
        switch (event.kind()) {
            case "presence.joined" -> {
                UUID id = uuid(d.get("participantId"));
                present.put(id, (String) d.get("name"));
                if ("facilitator".equals(d.get("role"))) {
                    facilitators.add(id);
                }
            }
            case "presence.left" -> present.remove(uuid(d.get("participantId")));
            case "participant.removed" -> {
                UUID id = uuid(d.get("participantId"));
                removed.add(id);
                present.remove(id);
            }
            case "participant.admitted" -> removed.remove(uuid(d.get("participantId")));
            case "participant.erased" -> {
                UUID id = uuid(d.get("participantId"));
                erased.add(id);
                present.remove(id);
            }
            case "agenda.moved" -> agendaSlot = ((Number) d.get("slot")).intValue();
            case "day.ended" -> ended = true;
            default -> {
                Activity<?> activity = activities.forKind(event.kind());
                if (activity != null) {
                    fold(activity, event);
                }
                // log.scrubbed, and kinds no activity of this room knows: nothing to fold
            }
        }
        lastSeq = Math.max(lastSeq, event.seq());
    }

    private <S> void fold(Activity<S> activity, RoomEvent event) {
        activity.apply(this, part(activity), event);
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(String.valueOf(value));
    }
}
