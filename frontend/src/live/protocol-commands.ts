/**
 * What clients send in the live room: `hello`, then commands, each with a client-chosen id,
 * as docs/protocol/asyncapi.yaml describes them. Import them from ./protocol, which re-exports them.
 */
import type {
  CommandEnvelope,
  Visibility,
  CheckinMode,
  EnergyLevel,
  RoleplayGrouping,
  OddRule,
  NoteTask,
  AdHocScenario,
  ReframeMode,
  ShareAs,
} from './protocol';

export interface HelloMessage extends CommandEnvelope<'hello'> {
  /** A participant's token; staff leave it out (their session cookie speaks for them). */
  token?: string;
  /** The highest seq already seen; 0 for everything. */
  lastSeq?: number;
}

export interface CheckinStartCommand extends CommandEnvelope<'checkin.start'> {
  prompt: string;
  promptId?: string;
  /** true for a check-out */
  closing?: boolean;
  visibility: Visibility;
  mode?: CheckinMode;
}

export interface CheckinAnswerCommand extends CommandEnvelope<'checkin.answer'> {
  checkinId: string;
  word?: string;
  sentence?: string;
  energy?: EnergyLevel;
}

export interface CheckinPassCommand extends CommandEnvelope<'checkin.pass'> {
  checkinId: string;
}

export interface CheckinNextCommand extends CommandEnvelope<'checkin.next'> {
  checkinId: string;
}

export interface CheckinCloseCommand extends CommandEnvelope<'checkin.close'> {
  checkinId: string;
}

export interface TimerSetCommand extends CommandEnvelope<'timer.set'> {
  /** 10 to 14 400 */
  seconds: number;
  label?: string;
}

export interface TimerPauseCommand extends CommandEnvelope<'timer.pause'> {
  timerId: string;
}

export interface TimerResumeCommand extends CommandEnvelope<'timer.resume'> {
  timerId: string;
}

export interface TimerExtendCommand extends CommandEnvelope<'timer.extend'> {
  timerId: string;
  /** 10 to 3 600 */
  seconds: number;
}

export interface TimerClearCommand extends CommandEnvelope<'timer.clear'> {
  timerId: string;
}

export interface NoteShareCommand extends CommandEnvelope<'note.share'> {
  text: string;
}

export interface JournalWriteCommand extends CommandEnvelope<'journal.write'> {
  text: string;
}

export interface ParticipantRemoveCommand extends CommandEnvelope<'participant.remove'> {
  participantId: string;
}

export interface ParticipantAdmitCommand extends CommandEnvelope<'participant.admit'> {
  participantId: string;
}

export interface AgendaMoveCommand extends CommandEnvelope<'agenda.move'> {
  /** index into the day's agenda as the cohort's pinned curriculum lists it */
  slot: number;
}

export type DayEndCommand = CommandEnvelope<'day.end'>;

export type PingCommand = CommandEnvelope<'ping'>;

/* role-plays */

export interface RoleplayLaunchCommand extends CommandEnvelope<'roleplay.launch'> {
  /** takes group size, rounds and the scenario themes from the module's role-play activity */
  moduleId?: string;
  title?: string;
  /** 1–12 from the scenario bank */
  scenarioIds?: string[];
  scenario?: AdHocScenario;
  /** 2–4 (default 3) */
  groupSize?: number;
  grouping: RoleplayGrouping;
  /** default extra-observer */
  oddRule?: OddRule;
  /** 1–8 (default: the group size) */
  rounds?: number;
  /** 1–60 (default 10) */
  minutes?: number;
}

export interface RoleplayAssignCommand extends CommandEnvelope<'roleplay.assign'> {
  roleplayId: string;
  participantId: string;
  /** null (or left out): back to unassigned */
  groupId?: string | null;
}

export interface RoleplayAddGroupCommand extends CommandEnvelope<'roleplay.add-group'> {
  roleplayId: string;
}

export interface RoleplayChooseCommand extends CommandEnvelope<'roleplay.choose'> {
  roleplayId: string;
  groupId: string;
}

export interface RoleplayStartCommand extends CommandEnvelope<'roleplay.start'> {
  roleplayId: string;
}

export interface RoleplayOpenCommand extends CommandEnvelope<'roleplay.open'> {
  roleplayId: string;
}

export interface RoleplaySwapCommand extends CommandEnvelope<'roleplay.swap'> {
  roleplayId: string;
}

export interface RoleplayNextRoundCommand extends CommandEnvelope<'roleplay.next-round'> {
  roleplayId: string;
}

export interface RoleplayExtendCommand extends CommandEnvelope<'roleplay.extend'> {
  roleplayId: string;
  /** 30 to 1 800 */
  seconds: number;
}

export interface RoleplayNoteCommand extends CommandEnvelope<'roleplay.note'> {
  roleplayId: string;
  task: NoteTask;
  /** 1–500 characters: one moment, as it happened */
  moment: string;
  /** participant ids in your group; default everyone in your group but you */
  about?: string[];
}

export interface RoleplayNoteConsentCommand extends CommandEnvelope<'roleplay.note-consent'> {
  roleplayId: string;
  noteId: string;
}

export interface RoleplayHelpCommand extends CommandEnvelope<'roleplay.help'> {
  roleplayId: string;
  on: boolean;
}

export interface RoleplayListenCommand extends CommandEnvelope<'roleplay.listen'> {
  roleplayId: string;
  /** null (or left out): stop listening */
  groupId?: string | null;
}

export interface RoleplayDebriefCommand extends CommandEnvelope<'roleplay.debrief'> {
  roleplayId: string;
}

export interface RoleplayShareProposeCommand extends CommandEnvelope<'roleplay.share-propose'> {
  roleplayId: string;
  /** 1–500 */
  text: string;
}

export interface RoleplayShareAnswerCommand extends CommandEnvelope<'roleplay.share-answer'> {
  roleplayId: string;
  proposalId: string;
  agree: boolean;
}

export interface RoleplayRoomDebriefCommand extends CommandEnvelope<'roleplay.room-debrief'> {
  roleplayId: string;
}

export interface RoleplayEndCommand extends CommandEnvelope<'roleplay.end'> {
  roleplayId: string;
}

/* reframing */

export interface ReframeLaunchCommand extends CommandEnvelope<'reframe.launch'> {
  /** from the reframes bank */
  reframeIds?: string[];
  /** the facilitator's own, 1–300 characters each; 1–10 statements in all (pairs: none means everyone writes their own) */
  statements?: string[];
  /** default solo */
  mode?: ReframeMode;
}

export interface ReframeStatementCommand extends CommandEnvelope<'reframe.statement'> {
  exerciseId: string;
  /** 1–300 */
  text: string;
}

export interface ReframeWriteCommand extends CommandEnvelope<'reframe.write'> {
  exerciseId: string;
  statementId: string;
  /** 1–1000; writing again replaces the rewrite */
  text: string;
}

export interface ReframeRevealCommand extends CommandEnvelope<'reframe.reveal'> {
  exerciseId: string;
}

export interface ReframeShareCommand extends CommandEnvelope<'reframe.share'> {
  exerciseId: string;
  statementId: string;
  as: ShareAs;
}

export interface ReframeUnshareCommand extends CommandEnvelope<'reframe.unshare'> {
  exerciseId: string;
  entryId: string;
}

export interface ReframeResonateCommand extends CommandEnvelope<'reframe.resonate'> {
  exerciseId: string;
  entryId: string;
}

export interface ReframeHighlightCommand extends CommandEnvelope<'reframe.highlight'> {
  exerciseId: string;
  entryId: string;
  /** default true (highlight); false takes the highlight off */
  on?: boolean;
}

export interface ReframeExamplesCommand extends CommandEnvelope<'reframe.examples'> {
  exerciseId: string;
  statementId: string;
}

export interface ReframeCloseCommand extends CommandEnvelope<'reframe.close'> {
  exerciseId: string;
}

/** Every command after hello. */
export type Command =
  | CheckinStartCommand
  | CheckinAnswerCommand
  | CheckinPassCommand
  | CheckinNextCommand
  | CheckinCloseCommand
  | TimerSetCommand
  | TimerPauseCommand
  | TimerResumeCommand
  | TimerExtendCommand
  | TimerClearCommand
  | NoteShareCommand
  | JournalWriteCommand
  | ParticipantRemoveCommand
  | ParticipantAdmitCommand
  | AgendaMoveCommand
  | DayEndCommand
  | PingCommand
  | RoleplayLaunchCommand
  | RoleplayAssignCommand
  | RoleplayAddGroupCommand
  | RoleplayChooseCommand
  | RoleplayStartCommand
  | RoleplayOpenCommand
  | RoleplaySwapCommand
  | RoleplayNextRoundCommand
  | RoleplayExtendCommand
  | RoleplayNoteCommand
  | RoleplayNoteConsentCommand
  | RoleplayHelpCommand
  | RoleplayListenCommand
  | RoleplayDebriefCommand
  | RoleplayShareProposeCommand
  | RoleplayShareAnswerCommand
  | RoleplayRoomDebriefCommand
  | RoleplayEndCommand
  | ReframeLaunchCommand
  | ReframeStatementCommand
  | ReframeWriteCommand
  | ReframeRevealCommand
  | ReframeShareCommand
  | ReframeUnshareCommand
  | ReframeResonateCommand
  | ReframeHighlightCommand
  | ReframeExamplesCommand
  | ReframeCloseCommand;

export type CommandType = Command['type'];

/** Distributes Omit over a union, so each member keeps its own fields. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A command as callers write it: the connection adds `v` and the `id`. */
export type CommandBody = DistributiveOmit<Command, 'v' | 'id'>;

export type ClientMessage = HelloMessage | Command;
