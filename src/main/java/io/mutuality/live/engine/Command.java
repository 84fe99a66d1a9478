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
    @JsonSubTypes.Type(value = Command.RoleplayLaunch.class, name = "roleplay.launch"),
    @JsonSubTypes.Type(value = Command.RoleplayAssign.class, name = "roleplay.assign"),
    @JsonSubTypes.Type(value = Command.RoleplayAddGroup.class, name = "roleplay.add-group"),
    @JsonSubTypes.Type(value = Command.RoleplayChoose.class, name = "roleplay.choose"),
    @JsonSubTypes.Type(value = Command.RoleplayStart.class, name = "roleplay.start"),
    @JsonSubTypes.Type(value = Command.RoleplayOpen.class, name = "roleplay.open"),
    @JsonSubTypes.Type(value = Command.RoleplaySwap.class, name = "roleplay.swap"),
    @JsonSubTypes.Type(value = Command.RoleplayNextRound.class, name = "roleplay.next-round"),
    @JsonSubTypes.Type(value = Command.RoleplayExtend.class, name = "roleplay.extend"),
    @JsonSubTypes.Type(value = Command.RoleplayNote.class, name = "roleplay.note"),
    @JsonSubTypes.Type(value = Command.RoleplayNoteConsent.class, name = "roleplay.note-consent"),
    @JsonSubTypes.Type(value = Command.RoleplayHelp.class, name = "roleplay.help"),
    @JsonSubTypes.Type(value = Command.RoleplayListen.class, name = "roleplay.listen"),
    @JsonSubTypes.Type(value = Command.RoleplayDebrief.class, name = "roleplay.debrief"),
    @JsonSubTypes.Type(value = Command.RoleplaySharePropose.class, name = "roleplay.share-propose"),
    @JsonSubTypes.Type(value = Command.RoleplayShareAnswer.class, name = "roleplay.share-answer"),
    @JsonSubTypes.Type(value = Command.RoleplayRoomDebrief.class, name = "roleplay.room-debrief"),
    @JsonSubTypes.Type(value = Command.RoleplayEnd.class, name = "roleplay.end"),
    @JsonSubTypes.Type(value = Command.ReframeLaunch.class, name = "reframe.launch"),
    @JsonSubTypes.Type(value = Command.ReframeStatement.class, name = "reframe.statement"),
    @JsonSubTypes.Type(value = Command.ReframeWrite.class, name = "reframe.write"),
    @JsonSubTypes.Type(value = Command.ReframeReveal.class, name = "reframe.reveal"),
    @JsonSubTypes.Type(value = Command.ReframeShare.class, name = "reframe.share"),
    @JsonSubTypes.Type(value = Command.ReframeUnshare.class, name = "reframe.unshare"),
    @JsonSubTypes.Type(value = Command.ReframeResonate.class, name = "reframe.resonate"),
    @JsonSubTypes.Type(value = Command.ReframeHighlight.class, name = "reframe.highlight"),
    @JsonSubTypes.Type(value = Command.ReframeExamples.class, name = "reframe.examples"),
    @JsonSubTypes.Type(value = Command.ReframeClose.class, name = "reframe.close"),
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

    /** An ad-hoc scenario a facilitator writes for one role-play. */
    record AdHocScenario(String title, String contentNote, String shared, java.util.Map<String, String> roles) {
    }

    record RoleplayLaunch(String id, String moduleId, String title, java.util.List<String> scenarioIds, AdHocScenario scenario,
            Integer groupSize, String grouping, String oddRule, Integer rounds, Integer minutes) implements Command {
    }

    /** Commands that act on the role-play under way. */
    sealed interface RoleplayCommand extends Command {
        String roleplayId();
    }

    record RoleplayAssign(String id, String roleplayId, UUID participantId, String groupId) implements RoleplayCommand {
    }

    record RoleplayAddGroup(String id, String roleplayId) implements RoleplayCommand {
    }

    record RoleplayChoose(String id, String roleplayId, String groupId) implements RoleplayCommand {
    }

    record RoleplayStart(String id, String roleplayId) implements RoleplayCommand {
    }

    record RoleplayOpen(String id, String roleplayId) implements RoleplayCommand {
    }

    record RoleplaySwap(String id, String roleplayId) implements RoleplayCommand {
    }

    record RoleplayNextRound(String id, String roleplayId) implements RoleplayCommand {
    }

    record RoleplayExtend(String id, String roleplayId, Integer seconds) implements RoleplayCommand {
    }

    record RoleplayNote(String id, String roleplayId, String task, String moment, java.util.List<UUID> about)
            implements RoleplayCommand {
    }

    record RoleplayNoteConsent(String id, String roleplayId, String noteId) implements RoleplayCommand {
    }

    record RoleplayHelp(String id, String roleplayId, Boolean on) implements RoleplayCommand {
    }

    record RoleplayListen(String id, String roleplayId, String groupId) implements RoleplayCommand {
    }

    record RoleplayDebrief(String id, String roleplayId) implements RoleplayCommand {
    }

    record RoleplaySharePropose(String id, String roleplayId, String text) implements RoleplayCommand {
    }

    record RoleplayShareAnswer(String id, String roleplayId, String proposalId, Boolean agree) implements RoleplayCommand {
    }

    record RoleplayRoomDebrief(String id, String roleplayId) implements RoleplayCommand {
    }

    record RoleplayEnd(String id, String roleplayId) implements RoleplayCommand {
    }

    record ReframeLaunch(String id, java.util.List<String> reframeIds, java.util.List<String> statements, String mode)
            implements Command {
    }

    /** Commands that act on the reframing exercise under way. */
    sealed interface ReframeCommand extends Command {
        String exerciseId();
    }

    record ReframeStatement(String id, String exerciseId, String text) implements ReframeCommand {
    }

    record ReframeWrite(String id, String exerciseId, String statementId, String text) implements ReframeCommand {
    }

    record ReframeReveal(String id, String exerciseId) implements ReframeCommand {
    }

    record ReframeShare(String id, String exerciseId, String statementId, String as) implements ReframeCommand {
    }

    record ReframeUnshare(String id, String exerciseId, String entryId) implements ReframeCommand {
    }

    record ReframeResonate(String id, String exerciseId, String entryId) implements ReframeCommand {
    }

    record ReframeHighlight(String id, String exerciseId, String entryId, Boolean on) implements ReframeCommand {
    }

    record ReframeExamples(String id, String exerciseId, String statementId) implements ReframeCommand {
    }

    record ReframeClose(String id, String exerciseId) implements ReframeCommand {
    }

    record Ping(String id) implements Command {
    }
}
