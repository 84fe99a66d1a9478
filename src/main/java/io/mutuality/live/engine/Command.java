package io.mutuality.live.engine;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * What a client asks a room to do (see docs/protocol/asyncapi.yaml). Every command has a
 * client-chosen id. The protocol's name of each command type comes from the room's own commands
 * and the activity that takes it ({@link Activities#commandTypes()}), not from this file.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface Command {

    String id();

    record Hello(String id, String token, Long lastSeq) implements Command {}

    record CheckinStart(String id, String prompt, String promptId, Boolean closing, String visibility, String mode)
            implements Command {}

    record CheckinAnswer(String id, String checkinId, String word, String sentence, Integer energy)
            implements Command {}

    record CheckinPass(String id, String checkinId) implements Command {}

    record CheckinNext(String id, String checkinId) implements Command {}

    record CheckinClose(String id, String checkinId) implements Command {}

    record TimerSet(String id, Integer seconds, String label) implements Command {}

    record TimerPause(String id, String timerId) implements Command {}

    record TimerResume(String id, String timerId) implements Command {}

    record TimerExtend(String id, String timerId, Integer seconds) implements Command {}

    record TimerClear(String id, String timerId) implements Command {}

    record NoteShare(String id, String text) implements Command {}

    record JournalWrite(String id, String text) implements Command {}

    record ParticipantRemove(String id, UUID participantId) implements Command {}

    record ParticipantAdmit(String id, UUID participantId) implements Command {}

    record AgendaMove(String id, Integer slot) implements Command {}

    record DayEnd(String id) implements Command {}

    /** An ad-hoc scenario a facilitator writes for one role-play. */
    record AdHocScenario(String title, String contentNote, String shared, java.util.Map<String, String> roles) {}

    record RoleplayLaunch(
            String id,
            String moduleId,
            String title,
            java.util.List<String> scenarioIds,
            AdHocScenario scenario,
            Integer groupSize,
            String grouping,
            String oddRule,
            Integer rounds,
            Integer minutes)
            implements Command {}

    /** Commands that act on the role-play under way. */
    sealed interface RoleplayCommand extends Command {
        String roleplayId();
    }

    record RoleplayAssign(String id, String roleplayId, UUID participantId, String groupId)
            implements RoleplayCommand {}

    record RoleplayAddGroup(String id, String roleplayId) implements RoleplayCommand {}

    record RoleplayChoose(String id, String roleplayId, String groupId) implements RoleplayCommand {}

    record RoleplayStart(String id, String roleplayId) implements RoleplayCommand {}

    record RoleplayOpen(String id, String roleplayId) implements RoleplayCommand {}

    record RoleplaySwap(String id, String roleplayId) implements RoleplayCommand {}

    record RoleplayNextRound(String id, String roleplayId) implements RoleplayCommand {}

    record RoleplayExtend(String id, String roleplayId, Integer seconds) implements RoleplayCommand {}

    record RoleplayNote(String id, String roleplayId, String task, String moment, java.util.List<UUID> about)
            implements RoleplayCommand {}

    record RoleplayNoteConsent(String id, String roleplayId, String noteId) implements RoleplayCommand {}

    record RoleplayHelp(String id, String roleplayId, Boolean on) implements RoleplayCommand {}

    record RoleplayListen(String id, String roleplayId, String groupId) implements RoleplayCommand {}

    record RoleplayDebrief(String id, String roleplayId) implements RoleplayCommand {}

    record RoleplaySharePropose(String id, String roleplayId, String text) implements RoleplayCommand {}

    record RoleplayShareAnswer(String id, String roleplayId, String proposalId, Boolean agree)
            implements RoleplayCommand {}

    record RoleplayRoomDebrief(String id, String roleplayId) implements RoleplayCommand {}

    record RoleplayEnd(String id, String roleplayId) implements RoleplayCommand {}

    record ReframeLaunch(String id, java.util.List<String> reframeIds, java.util.List<String> statements, String mode)
            implements Command {}

    /** Commands that act on the reframing exercise under way. */
    sealed interface ReframeCommand extends Command {
        String exerciseId();
    }

    record ReframeStatement(String id, String exerciseId, String text) implements ReframeCommand {}

    record ReframeWrite(String id, String exerciseId, String statementId, String text) implements ReframeCommand {}

    record ReframeReveal(String id, String exerciseId) implements ReframeCommand {}

    record ReframeShare(String id, String exerciseId, String statementId, String as) implements ReframeCommand {}

    record ReframeUnshare(String id, String exerciseId, String entryId) implements ReframeCommand {}

    record ReframeResonate(String id, String exerciseId, String entryId) implements ReframeCommand {}

    record ReframeHighlight(String id, String exerciseId, String entryId, Boolean on) implements ReframeCommand {}

    record ReframeExamples(String id, String exerciseId, String statementId) implements ReframeCommand {}

    record ReframeClose(String id, String exerciseId) implements ReframeCommand {}

    record Ping(String id) implements Command {}
}
