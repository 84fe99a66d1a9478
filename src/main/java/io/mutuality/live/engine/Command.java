package io.mutuality.live.engine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/** What a client asks a room to do (see docs/protocol/asyncapi.yaml). Every command has a client-chosen id. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.Hello.class, name = "hello"),
    @JsonSubTypes.Type(value = Command.CheckinStart.class, name = "checkin.start"),
    @JsonSubTypes.Type(value = Command.CheckinAnswer.class, name = "checkin.answer"),
    @JsonSubTypes.Type(value = Command.CheckinPass.class, name = "checkin.pass"),
    @JsonSubTypes.Type(value = Command.CheckinNext.class, name = "checkin.next"),
    @JsonSubTypes.Type(value = Command.CheckinClose.class, name = "checkin.close"),
    @JsonSubTypes.Type(value = Command.TimerSet.class, name = "timer.set"),
    @JsonSubTypes.Type(value = Command.TimerPause.class, name = "timer.pause"),
    @JsonSubTypes.Type(value = Command.TimerResume.class, name = "timer.resume"),
    @JsonSubTypes.Type(value = Command.TimerExtend.class, name = "timer.extend"),
    @JsonSubTypes.Type(value = Command.TimerClear.class, name = "timer.clear"),
    @JsonSubTypes.Type(value = Command.NoteShare.class, name = "note.share"),
    @JsonSubTypes.Type(value = Command.JournalWrite.class, name = "journal.write"),
    @JsonSubTypes.Type(value = Command.ParticipantRemove.class, name = "participant.remove"),
    @JsonSubTypes.Type(value = Command.ParticipantAdmit.class, name = "participant.admit"),
    @JsonSubTypes.Type(value = Command.AgendaMove.class, name = "agenda.move"),
    @JsonSubTypes.Type(value = Command.DayEnd.class, name = "day.end"),
    @JsonSubTypes.Type(value = Command.Ping.class, name = "ping")
})
public sealed interface Command {

    String id();

    record Hello(String id, String token, Long lastSeq) implements Command {
    }

    record CheckinStart(String id, String prompt, String promptId, Boolean closing, String visibility, String mode)
            implements Command {
    }

    record CheckinAnswer(String id, String checkinId, String word, String sentence, Integer energy) implements Command {
    }

    record CheckinPass(String id, String checkinId) implements Command {
    }

    record CheckinNext(String id, String checkinId) implements Command {
    }

    record CheckinClose(String id, String checkinId) implements Command {
    }

    record TimerSet(String id, Integer seconds, String label) implements Command {
    }

    record TimerPause(String id, String timerId) implements Command {
    }

    record TimerResume(String id, String timerId) implements Command {
    }

    record TimerExtend(String id, String timerId, Integer seconds) implements Command {
    }

    record TimerClear(String id, String timerId) implements Command {
    }

    record NoteShare(String id, String text) implements Command {
    }

    record JournalWrite(String id, String text) implements Command {
    }

    record ParticipantRemove(String id, UUID participantId) implements Command {
    }

    record ParticipantAdmit(String id, UUID participantId) implements Command {
    }

    record AgendaMove(String id, Integer slot) implements Command {
    }

    record DayEnd(String id) implements Command {
    }

    record Ping(String id) implements Command {
    }
}
