package io.mutuality.live.engine;

import static io.mutuality.live.engine.Rules.accept;
import static io.mutuality.live.engine.Rules.event;
import static io.mutuality.live.engine.Rules.facilitatorsOnly;
import static io.mutuality.live.engine.Rules.reject;

import io.mutuality.live.engine.Command.AgendaMove;
import io.mutuality.live.engine.Command.ParticipantAdmit;
import io.mutuality.live.engine.Command.ParticipantRemove;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The rules of a live room, as a pure function: a state and a command give the events that
 * follow, or a refusal with a code and a reason. No I/O, no clock of its own, no Quarkus: the
 * caller stores the events and folds them in with {@link RoomState#apply}.
 *
 * <p>The room's own rules live here: who may act (an ended day, a removed participant, the
 * projector's view), arriving and leaving, removing and admitting people, the agenda and the
 * end of the day. Everything else is an {@link Activity}, found through {@link Activities}:
 * this class names none of them.
 */
public final class RoomEngine {

    /** Every kind of event a room of the standard activities can hold; the protocol document lists exactly these. */
    public static final Set<String> EVENT_KINDS = Activities.standard().eventKinds();

    /** The messages the server sends besides events' contents. */
    public static final Set<String> SERVER_MESSAGES = Set.of("welcome", "event", "synced", "ack", "error", "pong");

    private final Activities activities;

    /** An engine for the standard activities. */
    public RoomEngine() {
        this(Activities.standard());
    }

    public RoomEngine(Activities activities) {
        this.activities = activities;
    }

    public Activities activities() {
        return activities;
    }

    /** A new, empty room of this engine's activities. */
    public RoomState newRoom(List<String> agenda, RoomLibrary library) {
        return new RoomState(agenda, library, activities);
    }

    /** The events of someone arriving (none if they are already here). */
    public List<RoomEvent> arrive(RoomState state, Actor actor, Instant now) {
        if (actor.viewer() || state.isPresent(actor.id())) {
            return List.of();
        }
        return List.of(event(
                now,
                "presence.joined",
                Visibility.EVERYONE,
                actor,
                "participantId",
                actor.id(),
                "name",
                actor.name(),
                "role",
                actor.facilitator() ? "facilitator" : "participant"));
    }

    /**
     * The mark that a participant was erased: from it on the room takes nothing more from them, on
     * any node, since every node folds it before deciding anything after it. Kept on the server.
     */
    public List<RoomEvent> erased(RoomState state, UUID participantId, Instant now) {
        if (state.isErased(participantId)) {
            return List.of();
        }
        return List.of(
                event(now, "participant.erased", Visibility.NOBODY, (UUID) null, "participantId", participantId));
    }

    /** The mark that the room's log was scrubbed (an erasure, retention): every node folds its copy again. Kept on the server. */
    public List<RoomEvent> scrubbed(Instant now) {
        return List.of(event(now, "log.scrubbed", Visibility.NOBODY, (UUID) null));
    }

    /** The events of someone's last connection closing. */
    public List<RoomEvent> leave(RoomState state, Actor actor, Instant now) {
        if (actor.viewer() || !state.isPresent(actor.id())) {
            return List.of();
        }
        return List.of(event(now, "presence.left", Visibility.EVERYONE, actor, "participantId", actor.id()));
    }

    public Decision decide(RoomState state, Actor actor, Command command, Instant now) {
        if (state.ended()) {
            return reject("room-closed", "The day has ended; the room takes no more changes.");
        }
        if (actor.viewer()) {
            return reject("not-allowed", "The projector's view only shows the room.");
        }
        if (!actor.facilitator() && state.isRemoved(actor.id())) {
            return reject("removed", "A facilitator has asked you to step out of the room for now.");
        }
        if (command instanceof Command.Ping) {
            return accept();
        }
        if (command instanceof Command.Hello) {
            return reject("invalid", "You have already said hello on this connection.");
        }
        Activity<?> activity = activities.forCommand(command);
        if (activity != null) {
            return decide(activity, state, actor, command, now);
        }
        Decision notAllowed = facilitatorsOnly(actor);
        if (notAllowed != null) {
            return notAllowed;
        }
        if (command instanceof ParticipantRemove c) {
            return remove(state, actor, c, now);
        } else if (command instanceof ParticipantAdmit c) {
            return admit(state, actor, c, now);
        } else if (command instanceof AgendaMove c) {
            return moveAgenda(state, actor, c, now);
        } else if (command instanceof Command.DayEnd) {
            return endDay(state, actor, now);
        }
        return reject("unknown-type", "This room does not know that command.");
    }

    private static <S> Decision decide(
            Activity<S> activity, RoomState state, Actor actor, Command command, Instant now) {
        return activity.decide(state, state.part(activity), actor, command, now);
    }

    /**
     * Ending the day stops everything that counts (every timer, a role-play's round clock), each
     * activity in turn, before the day itself ends, so no clock runs on in anyone's room.
     */
    private Decision endDay(RoomState state, Actor actor, Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        for (Activity<?> activity : state.activities.list()) {
            events.addAll(stop(activity, state, actor, now));
        }
        events.add(event(now, "day.ended", Visibility.EVERYONE, actor));
        return accept(events);
    }

    private static <S> List<RoomEvent> stop(Activity<S> activity, RoomState state, Actor actor, Instant now) {
        return activity.stop(state, state.part(activity), actor, now);
    }

    private Decision remove(RoomState state, Actor actor, ParticipantRemove c, Instant now) {
        if (c.participantId() == null || state.facilitators.contains(c.participantId())) {
            return reject("invalid", "Name a participant to remove.");
        }
        if (state.isRemoved(c.participantId())) {
            return reject("conflict", "That participant is already out of the room.");
        }
        return accept(event(
                now,
                "participant.removed",
                Visibility.EVERYONE,
                actor,
                "participantId",
                c.participantId().toString()));
    }

    private Decision admit(RoomState state, Actor actor, ParticipantAdmit c, Instant now) {
        if (c.participantId() == null || !state.isRemoved(c.participantId())) {
            return reject("not-found", "That participant has not been removed.");
        }
        return accept(event(
                now,
                "participant.admitted",
                Visibility.FACILITATORS,
                actor,
                "participantId",
                c.participantId().toString()));
    }

    private Decision moveAgenda(RoomState state, Actor actor, AgendaMove c, Instant now) {
        if (c.slot() == null || c.slot() < 0 || c.slot() >= state.agenda.size()) {
            return reject(
                    "invalid", "slot is an index into the day's agenda (0 to " + (state.agenda.size() - 1) + ").");
        }
        return accept(event(
                now,
                "agenda.moved",
                Visibility.EVERYONE,
                actor,
                "slot",
                c.slot(),
                "title",
                state.agenda.get(c.slot())));
    }

    /** Whether the passing of time can bring anything about in this room now (so its clock should call {@link #tick}). */
    public boolean ticking(RoomState state) {
        if (state.ended()) {
            return false;
        }
        for (Activity<?> activity : state.activities.list()) {
            if (ticking(activity, state)) {
                return true;
            }
        }
        return false;
    }

    private static <S> boolean ticking(Activity<S> activity, RoomState state) {
        return activity.ticking(state.part(activity));
    }

    /**
     * What the passing of time brings about by itself (a role-play round's warning and its end),
     * once each. The caller asks now and then; the events are stored like any other.
     */
    public List<RoomEvent> tick(RoomState state, Instant now) {
        if (state.ended()) {
            return List.of();
        }
        List<RoomEvent> events = new ArrayList<>();
        for (Activity<?> activity : state.activities.list()) {
            events.addAll(tick(activity, state, now));
        }
        return events;
    }

    private static <S> List<RoomEvent> tick(Activity<S> activity, RoomState state, Instant now) {
        return activity.tick(state, state.part(activity), now);
    }
}
