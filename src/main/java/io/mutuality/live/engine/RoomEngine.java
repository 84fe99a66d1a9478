package io.mutuality.live.engine;

import io.mutuality.live.engine.Command.AgendaMove;
import io.mutuality.live.engine.Command.CheckinAnswer;
import io.mutuality.live.engine.Command.CheckinClose;
import io.mutuality.live.engine.Command.CheckinNext;
import io.mutuality.live.engine.Command.CheckinPass;
import io.mutuality.live.engine.Command.CheckinStart;
import io.mutuality.live.engine.Command.DayEnd;
import io.mutuality.live.engine.Command.JournalWrite;
import io.mutuality.live.engine.Command.NoteShare;
import io.mutuality.live.engine.Command.ParticipantAdmit;
import io.mutuality.live.engine.Command.ParticipantRemove;
import io.mutuality.live.engine.Command.TimerClear;
import io.mutuality.live.engine.Command.TimerExtend;
import io.mutuality.live.engine.Command.TimerPause;
import io.mutuality.live.engine.Command.TimerResume;
import io.mutuality.live.engine.Command.TimerSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The rules of a live room, as a pure function: a state and a command give the events that
 * follow, or a refusal with a code and a reason. No I/O, no clock of its own, no Quarkus: the
 * caller stores the events and folds them in with {@link RoomState#apply}.
 */
public final class RoomEngine {

    /** Every kind of event a room can hold; the protocol document lists exactly these. */
    public static final java.util.Set<String> EVENT_KINDS = java.util.Set.of("presence.joined", "presence.left",
            "participant.removed", "participant.admitted", "participant.erased", "log.scrubbed", "checkin.started", "checkin.turn", "checkin.answered",
            "checkin.responded", "checkin.passed", "checkin.closed", "timer.started", "timer.paused", "timer.resumed",
            "timer.cleared", "agenda.moved", "note.shared", "journal.written", "day.ended",
            "roleplay.launched", "roleplay.prepared", "roleplay.grouped", "roleplay.round-started", "roleplay.clock",
            "roleplay.time-warning", "roleplay.time-up", "roleplay.roles", "roleplay.scenario-offered",
            "roleplay.scenario-opened", "roleplay.card", "roleplay.note-given", "roleplay.note-consented",
            "roleplay.note-for-facilitators", "roleplay.help", "roleplay.listening", "roleplay.phase",
            "roleplay.share-proposed", "roleplay.share-agreed", "roleplay.share-declined", "roleplay.share-ready",
            "roleplay.shared", "roleplay.ended",
            "reframe.launched", "reframe.prepared", "reframe.paired", "reframe.statement-set", "reframe.written",
            "reframe.compared", "reframe.phase", "reframe.shared", "reframe.kept", "reframe.withdrawn", "reframe.resonated",
            "reframe.resonance-given", "reframe.highlighted", "reframe.examples-shown", "reframe.closed");

    /** The messages the server sends besides events' contents. */
    public static final java.util.Set<String> SERVER_MESSAGES = java.util.Set.of("welcome", "event", "synced", "ack",
            "error", "pong");

    public static final int MAX_PROMPT = 300;
    public static final int MAX_WORD = 40;
    public static final int MAX_SENTENCE = 500;
    public static final int MAX_NOTE = 500;
    public static final int MAX_JOURNAL = 5000;

    /** What a command came to. */
    public sealed interface Decision {
        record Accepted(List<RoomEvent> events) implements Decision {
        }

        record Rejected(String code, String message) implements Decision {
        }
    }

    static Decision reject(String code, String message) {
        return new Decision.Rejected(code, message);
    }

    /** The events of someone arriving (none if they are already here). */
    public List<RoomEvent> arrive(RoomState state, Actor actor, Instant now) {
        if (actor.viewer() || state.isPresent(actor.id())) {
            return List.of();
        }
        return List.of(event(now, "presence.joined", Visibility.EVERYONE, actor, "participantId", actor.id(),
                "name", actor.name(), "role", actor.facilitator() ? "facilitator" : "participant"));
    }

    /**
     * The mark that a participant was erased: from it on the room takes nothing more from them, on
     * any node, since every node folds it before deciding anything after it. Kept on the server.
     */
    public List<RoomEvent> erased(RoomState state, UUID participantId, Instant now) {
        if (state.isErased(participantId)) {
            return List.of();
        }
        return List.of(event(now, "participant.erased", new Visibility(Visibility.Scope.NOBODY, null), (UUID) null,
                "participantId", participantId));
    }

    /** The mark that the room's log was scrubbed (an erasure, retention): every node folds its copy again. Kept on the server. */
    public List<RoomEvent> scrubbed(Instant now) {
        return List.of(event(now, "log.scrubbed", new Visibility(Visibility.Scope.NOBODY, null), (UUID) null));
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
        if (command instanceof CheckinAnswer c) {
            return answer(state, actor, c, now);
        }
        if (command instanceof CheckinPass c) {
            return pass(state, actor, c, now);
        }
        if (command instanceof Command.RoleplayCommand c) {
            return Roleplays.decide(state, actor, c, now);
        }
        if (command instanceof Command.ReframeCommand c) {
            return Reframing.decide(state, actor, c, now);
        }
        if (command instanceof JournalWrite c) {
            return text(c.text(), MAX_JOURNAL)
                    ? accept(event(now, "journal.written", Visibility.person(actor.id()), actor,
                            "entryId", "j" + (state.lastSeq() + 1), "text", c.text()))
                    : reject("invalid", "A journal entry needs 1 to " + MAX_JOURNAL + " characters.");
        }
        if (!actor.facilitator()) {
            return reject("not-allowed", "Only facilitators can do that.");
        }
        if (command instanceof CheckinStart c) {
            return startCheckin(state, actor, c, now);
        } else if (command instanceof Command.RoleplayLaunch c) {
            return Roleplays.launch(state, actor, c, now);
        } else if (command instanceof Command.ReframeLaunch c) {
            return Reframing.launch(state, actor, c, now);
        } else if (command instanceof CheckinNext c) {
            return next(state, actor, c.checkinId(), now);
        } else if (command instanceof CheckinClose c) {
            return close(state, actor, c, now);
        } else if (command instanceof TimerSet c) {
            return setTimer(state, actor, c, now);
        } else if (command instanceof TimerPause c) {
            return pauseTimer(state, actor, c, now);
        } else if (command instanceof TimerResume c) {
            return resumeTimer(state, actor, c, now);
        } else if (command instanceof TimerExtend c) {
            return extendTimer(state, actor, c, now);
        } else if (command instanceof TimerClear c) {
            return clearTimer(state, actor, c, now);
        } else if (command instanceof NoteShare c) {
            return text(c.text(), MAX_NOTE)
                    ? accept(event(now, "note.shared", Visibility.EVERYONE, actor, "text", c.text().strip(), "by", actor.name()))
                    : reject("invalid", "A note needs 1 to " + MAX_NOTE + " characters.");
        } else if (command instanceof ParticipantRemove c) {
            return remove(state, actor, c, now);
        } else if (command instanceof ParticipantAdmit c) {
            return admit(state, actor, c, now);
        } else if (command instanceof AgendaMove c) {
            return moveAgenda(state, actor, c, now);
        } else if (command instanceof DayEnd) {
            return endDay(state, actor, now);
        }
        return reject("unknown-type", "This room does not know that command.");
    }

    /**
     * Ending the day stops everything that counts: every timer is cleared and a role-play's round
     * clock ends with the role-play, before the day itself ends, so no clock runs on in anyone's room.
     */
    private Decision endDay(RoomState state, Actor actor, Instant now) {
        List<RoomEvent> events = new ArrayList<>();
        state.timers.keySet().stream().sorted()
                .forEach(id -> events.add(event(now, "timer.cleared", Visibility.EVERYONE, actor, "timerId", id)));
        if (state.roleplay != null) {
            events.add(event(now, "roleplay.ended", Visibility.EVERYONE, actor, "roleplayId", state.roleplay.id));
        }
        events.add(event(now, "day.ended", Visibility.EVERYONE, actor));
        return new Decision.Accepted(events);
    }

    private Decision startCheckin(RoomState state, Actor actor, CheckinStart c, Instant now) {
        if (state.checkin != null) {
            return reject("conflict", "A check-in is already open; close it first.");
        }
        if (!text(c.prompt(), MAX_PROMPT)) {
            return reject("invalid", "A prompt needs 1 to " + MAX_PROMPT + " characters.");
        }
        if (c.visibility() == null || !List.of("everyone", "facilitators", "anonymous").contains(c.visibility())) {
            return reject("invalid", "visibility is everyone, facilitators or anonymous.");
        }
        String mode = c.mode() == null ? "open" : c.mode();
        if (!List.of("open", "round").contains(mode)) {
            return reject("invalid", "mode is open or round.");
        }
        if (mode.equals("round") && c.visibility().equals("anonymous")) {
            return reject("invalid", "A round goes person by person, so everyone would know whose answer is whose; "
                    + "run an anonymous check-in in open mode.");
        }
        String checkinId = "k" + (state.lastSeq() + 1);
        List<String> order = new ArrayList<>();
        if (mode.equals("round")) {
            state.present.keySet().stream().filter(id -> !state.facilitators.contains(id))
                    .forEach(id -> order.add(id.toString()));
        }
        List<RoomEvent> events = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("checkinId", checkinId);
        data.put("prompt", c.prompt().strip());
        if (c.promptId() != null) {
            data.put("promptId", c.promptId());
        }
        data.put("closing", Boolean.TRUE.equals(c.closing()));
        data.put("visibility", c.visibility());
        data.put("mode", mode);
        data.put("order", order);
        events.add(new RoomEvent(0, now, "checkin.started", data, Visibility.EVERYONE, actor.id()));
        if (!order.isEmpty()) {
            events.add(event(now, "checkin.turn", Visibility.EVERYONE, actor, "checkinId", checkinId, "participantId", order.get(0)));
        }
        return new Decision.Accepted(events);
    }

    private Decision answer(RoomState state, Actor actor, CheckinAnswer c, Instant now) {
        Decision open = requireOpen(state, actor, c.checkinId());
        if (open != null) {
            return open;
        }
        boolean hasWord = c.word() != null && !c.word().isBlank();
        boolean hasSentence = c.sentence() != null && !c.sentence().isBlank();
        if (!hasWord && !hasSentence && c.energy() == null) {
            return reject("invalid", "Answer with a word, a sentence or an energy level, or pass.");
        }
        if (hasWord && c.word().length() > MAX_WORD || hasSentence && c.sentence().length() > MAX_SENTENCE) {
            return reject("invalid", "A word has at most " + MAX_WORD + " characters and a sentence at most " + MAX_SENTENCE + ".");
        }
        if (c.energy() != null && (c.energy() < 1 || c.energy() > 5)) {
            return reject("invalid", "An energy level is from 1 to 5.");
        }
        String answerId = "a" + (state.lastSeq() + 1);
        Map<String, Object> named = new LinkedHashMap<>();
        named.put("checkinId", c.checkinId());
        named.put("answerId", answerId);
        named.put("participantId", actor.id().toString());
        named.put("name", actor.name());
        if (hasWord) {
            named.put("word", c.word().strip());
        }
        if (hasSentence) {
            named.put("sentence", c.sentence().strip());
        }
        if (c.energy() != null) {
            named.put("energy", c.energy());
        }
        List<RoomEvent> events = new ArrayList<>();
        switch (state.checkin.visibility) {
            case "everyone" -> events.add(new RoomEvent(0, now, "checkin.answered", named, Visibility.EVERYONE, actor.id()));
            case "facilitators" -> events.add(new RoomEvent(0, now, "checkin.answered", named,
                    Visibility.facilitatorsAnd(actor.id()), actor.id()));
            default -> {
                Map<String, Object> anonymous = new LinkedHashMap<>(named);
                anonymous.remove("participantId");
                anonymous.remove("name");
                events.add(new RoomEvent(0, now, "checkin.answered", anonymous, Visibility.everyoneExcept(actor.id()), actor.id()));
                events.add(new RoomEvent(0, now, "checkin.answered", named, Visibility.person(actor.id()), actor.id()));
            }
        }
        events.addAll(responded(state, actor, c.checkinId(), now));
        events.addAll(advanceIfTurn(state, actor, now));
        return new Decision.Accepted(events);
    }

    private Decision pass(RoomState state, Actor actor, CheckinPass c, Instant now) {
        Decision open = requireOpen(state, actor, c.checkinId());
        if (open != null) {
            return open;
        }
        List<RoomEvent> events = new ArrayList<>();
        events.add(event(now, "checkin.passed", Visibility.person(actor.id()), actor, "checkinId", c.checkinId()));
        events.addAll(responded(state, actor, c.checkinId(), now));
        events.addAll(advanceIfTurn(state, actor, now));
        return new Decision.Accepted(events);
    }

    /**
     * Who has responded (answered or passed). Facilitators see each person's name, except in an
     * anonymous check-in: there they see only how many have responded, and who is kept on the
     * server (so nobody answers twice), because a name arriving with an answer would link the two.
     */
    private List<RoomEvent> responded(RoomState state, Actor actor, String checkinId, Instant now) {
        if ("anonymous".equals(state.checkin.visibility)) {
            return List.of(
                    event(now, "checkin.responded", Visibility.NOBODY, actor, "checkinId", checkinId,
                            "participantId", actor.id().toString()),
                    event(now, "checkin.responded", Visibility.FACILITATORS, actor, "checkinId", checkinId,
                            "count", state.checkin.responded.size() + 1));
        }
        return List.of(event(now, "checkin.responded", Visibility.FACILITATORS, actor, "checkinId", checkinId,
                "participantId", actor.id().toString()));
    }

    private Decision requireOpen(RoomState state, Actor actor, String checkinId) {
        if (state.checkin == null || !state.checkin.id.equals(checkinId)) {
            return reject("not-found", "That check-in is not open.");
        }
        if (state.checkin.responded.contains(actor.id())) {
            return reject("conflict", "You have already responded to this check-in.");
        }
        return null;
    }

    /** In a spoken round, the turn moves on when the person whose turn it is responds. */
    private List<RoomEvent> advanceIfTurn(RoomState state, Actor actor, Instant now) {
        RoomState.Checkin checkin = state.checkin;
        if (!"round".equals(checkin.mode) || !actor.id().equals(checkin.turn)) {
            return List.of();
        }
        return nextTurn(state, actor, now, actor.id());
    }

    private Decision next(RoomState state, Actor actor, String checkinId, Instant now) {
        if (state.checkin == null || !state.checkin.id.equals(checkinId)) {
            return reject("not-found", "That check-in is not open.");
        }
        if (!"round".equals(state.checkin.mode)) {
            return reject("conflict", "Only a spoken round has turns.");
        }
        return new Decision.Accepted(nextTurn(state, actor, now, state.checkin.turn));
    }

    private List<RoomEvent> nextTurn(RoomState state, Actor actor, Instant now, UUID after) {
        RoomState.Checkin checkin = state.checkin;
        int from = after == null ? -1 : checkin.order.indexOf(after);
        UUID next = null;
        for (int i = from + 1; i < checkin.order.size(); i++) {
            UUID candidate = checkin.order.get(i);
            if (!checkin.responded.contains(candidate) && !candidate.equals(after) && state.isPresent(candidate)) {
                next = candidate;
                break;
            }
        }
        return List.of(event(now, "checkin.turn", Visibility.EVERYONE, actor, "checkinId", checkin.id,
                "participantId", next == null ? null : next.toString()));
    }

    private Decision close(RoomState state, Actor actor, CheckinClose c, Instant now) {
        if (state.checkin == null || !state.checkin.id.equals(c.checkinId())) {
            return reject("not-found", "That check-in is not open.");
        }
        Map<String, Object> energy = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            energy.put(String.valueOf(i + 1), state.checkin.energy[i]);
        }
        return accept(event(now, "checkin.closed", Visibility.EVERYONE, actor, "checkinId", c.checkinId(),
                "answers", state.checkin.answers, "energy", energy));
    }

    private Decision setTimer(RoomState state, Actor actor, TimerSet c, Instant now) {
        if (c.seconds() == null || c.seconds() < 10 || c.seconds() > 14_400) {
            return reject("invalid", "A timer runs from 10 seconds to 4 hours.");
        }
        String label = c.label() == null ? "" : c.label().strip();
        if (label.length() > 80) {
            return reject("invalid", "A timer's label has at most 80 characters.");
        }
        return accept(event(now, "timer.started", Visibility.EVERYONE, actor, "timerId", "t" + (state.lastSeq() + 1),
                "label", label, "endsAt", now.plusSeconds(c.seconds()).toString()));
    }

    private Decision pauseTimer(RoomState state, Actor actor, TimerPause c, Instant now) {
        RoomState.Timer timer = state.timers.get(c.timerId());
        if (timer == null || timer.endsAt == null) {
            return reject("not-found", "No running timer has that id.");
        }
        long remaining = Math.max(0, Duration.between(now, timer.endsAt).toSeconds());
        return accept(event(now, "timer.paused", Visibility.EVERYONE, actor, "timerId", c.timerId(),
                "remainingSeconds", remaining));
    }

    private Decision resumeTimer(RoomState state, Actor actor, TimerResume c, Instant now) {
        RoomState.Timer timer = state.timers.get(c.timerId());
        if (timer == null || timer.remainingSeconds == null) {
            return reject("not-found", "No paused timer has that id.");
        }
        return accept(event(now, "timer.resumed", Visibility.EVERYONE, actor, "timerId", c.timerId(),
                "endsAt", now.plusSeconds(timer.remainingSeconds).toString()));
    }

    private Decision extendTimer(RoomState state, Actor actor, TimerExtend c, Instant now) {
        RoomState.Timer timer = state.timers.get(c.timerId());
        if (timer == null) {
            return reject("not-found", "No timer has that id.");
        }
        if (c.seconds() == null || c.seconds() < 10 || c.seconds() > 3600) {
            return reject("invalid", "A timer can be extended by 10 seconds to an hour at a time.");
        }
        if (timer.endsAt != null) {
            Instant base = timer.endsAt.isBefore(now) ? now : timer.endsAt;
            return accept(event(now, "timer.resumed", Visibility.EVERYONE, actor, "timerId", c.timerId(),
                    "endsAt", base.plusSeconds(c.seconds()).toString()));
        }
        return accept(event(now, "timer.paused", Visibility.EVERYONE, actor, "timerId", c.timerId(),
                "remainingSeconds", timer.remainingSeconds + c.seconds()));
    }

    private Decision clearTimer(RoomState state, Actor actor, TimerClear c, Instant now) {
        if (!state.timers.containsKey(c.timerId())) {
            return reject("not-found", "No timer has that id.");
        }
        return accept(event(now, "timer.cleared", Visibility.EVERYONE, actor, "timerId", c.timerId()));
    }

    private Decision remove(RoomState state, Actor actor, ParticipantRemove c, Instant now) {
        if (c.participantId() == null || state.facilitators.contains(c.participantId())) {
            return reject("invalid", "Name a participant to remove.");
        }
        if (state.isRemoved(c.participantId())) {
            return reject("conflict", "That participant is already out of the room.");
        }
        return accept(event(now, "participant.removed", Visibility.EVERYONE, actor, "participantId", c.participantId().toString()));
    }

    private Decision admit(RoomState state, Actor actor, ParticipantAdmit c, Instant now) {
        if (c.participantId() == null || !state.isRemoved(c.participantId())) {
            return reject("not-found", "That participant has not been removed.");
        }
        return accept(event(now, "participant.admitted", Visibility.FACILITATORS, actor,
                "participantId", c.participantId().toString()));
    }

    private Decision moveAgenda(RoomState state, Actor actor, AgendaMove c, Instant now) {
        if (c.slot() == null || c.slot() < 0 || c.slot() >= state.agenda.size()) {
            return reject("invalid", "slot is an index into the day's agenda (0 to " + (state.agenda.size() - 1) + ").");
        }
        return accept(event(now, "agenda.moved", Visibility.EVERYONE, actor, "slot", c.slot(), "title", state.agenda.get(c.slot())));
    }

    /**
     * What the passing of time brings about by itself (a role-play round's warning and its end),
     * once each. The caller asks now and then; the events are stored like any other.
     */
    public List<RoomEvent> tick(RoomState state, Instant now) {
        if (state.ended()) {
            return List.of();
        }
        return Roleplays.tick(state, now);
    }

    static boolean text(String text, int max) {
        return text != null && !text.isBlank() && text.length() <= max;
    }

    static Decision accept(RoomEvent... events) {
        return new Decision.Accepted(List.of(events));
    }

    private static RoomEvent event(Instant now, String kind, Visibility visibility, Actor actor, Object... keyValues) {
        return event(now, kind, visibility, actor.id(), keyValues);
    }

    /** An event whose data are the given keys and values (ids as strings); {@code actorId} null for the room itself. */
    static RoomEvent event(Instant now, String kind, Visibility visibility, UUID actorId, Object... keyValues) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            Object value = keyValues[i + 1];
            data.put((String) keyValues[i], value instanceof UUID u ? u.toString() : value);
        }
        return new RoomEvent(0, now, kind, data, visibility, actorId);
    }
}
