package io.mutuality.live.engine;

import java.time.Instant;
import java.util.ArrayList;
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
    Checkin checkin;
    final Map<String, Timer> timers = new HashMap<>();
    Integer agendaSlot;
    boolean ended;
    /** What launching an activity can draw on; never needed to rebuild the state. */
    final RoomLibrary library;
    RoleplayState roleplay;
    ReframeState reframe;
    /** How often two people have been in a role-play group together today (see {@link Grouping#pair}). */
    final Map<String, Integer> met = new HashMap<>();

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

    static final class Timer {
        Instant endsAt;
        Long remainingSeconds;
    }

    public RoomState(List<String> agenda) {
        this(agenda, RoomLibrary.EMPTY);
    }

    public RoomState(List<String> agenda, RoomLibrary library) {
        this.agenda = List.copyOf(agenda);
        this.library = library;
    }

    /**
     * The same room folded again from its log (as it is stored now): after an erasure has
     * scrubbed the log, nothing the person wrote and not their name survives in memory either.
     */
    public RoomState refolded(List<RoomEvent> log) {
        RoomState fresh = new RoomState(agenda, library);
        log.forEach(fresh::apply);
        return fresh;
    }

    /** The role-play under way, if any: its id. */
    public String roleplayId() {
        return roleplay == null ? null : roleplay.id;
    }

    /** The reframing exercise under way, if any: its id. */
    public String reframeId() {
        return reframe == null ? null : reframe.id;
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

    public boolean ended() {
        return ended;
    }

    public String openCheckinId() {
        return checkin == null ? null : checkin.id;
    }

    /** Folds one stored event into the state. */
    @SuppressWarnings("unchecked")
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
            case "checkin.started" -> {
                List<UUID> order = new ArrayList<>();
                ((List<Object>) d.getOrDefault("order", List.of())).forEach(o -> order.add(uuid(o)));
                checkin = new Checkin((String) d.get("checkinId"), (String) d.get("visibility"), (String) d.get("mode"), order);
            }
            case "checkin.turn" -> {
                if (checkin != null) {
                    checkin.turn = d.get("participantId") == null ? null : uuid(d.get("participantId"));
                }
            }
            case "checkin.responded" -> {
                // an anonymous check-in's count for facilitators names nobody; the server's own copy does
                if (checkin != null && d.get("participantId") != null) {
                    checkin.responded.add(uuid(d.get("participantId")));
                }
            }
            case "checkin.answered" -> {
                // the everyone / facilitators copy counts; an author's own copy of an anonymous answer does not
                if (checkin != null && event.visibility().scope() != Visibility.Scope.PERSON) {
                    checkin.answers++;
                    Object energy = d.get("energy");
                    if (energy instanceof Number n && n.intValue() >= 1 && n.intValue() <= 5) {
                        checkin.energy[n.intValue() - 1]++;
                    }
                }
            }
            case "checkin.closed" -> checkin = null;
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
            case "agenda.moved" -> agendaSlot = ((Number) d.get("slot")).intValue();
            case "day.ended" -> ended = true;
            case "roleplay.launched" -> roleplay = new RoleplayState(d);
            case "roleplay.ended" -> roleplay = null;
            case "reframe.launched" -> reframe = new ReframeState(d);
            case "reframe.closed" -> reframe = null;
            default -> {
                if (event.kind().startsWith("roleplay.") && roleplay != null) {
                    roleplay.apply(event, met);
                } else if (event.kind().startsWith("reframe.") && reframe != null) {
                    reframe.apply(event);
                }
                // note.shared, journal.written, checkin.passed: nothing the server decides on
            }
        }
        lastSeq = Math.max(lastSeq, event.seq());
    }

    static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(String.valueOf(value));
    }
}
