/**
 * The live room's event kinds, each with its data and who receives it, as
 * docs/protocol/asyncapi.yaml and activities.md describe them. Import them from ./protocol,
 * which re-exports them.
 */
import type {
  Visibility,
  CheckinMode,
  EnergyLevel,
  RoleplayGrouping,
  OddRule,
  NoteTask,
  ReframeMode,
  RoleplayRole,
  RoleplayDebriefPhase,
  RoleplayPerson,
  RoleplayGroupLayout,
  RoleAssignment,
  ServerLensMark,
} from './protocol';

/** Each event kind's data, and who receives it (in brackets). */
export interface EventDataMap {
  /** (everyone) */
  'presence.joined': { participantId: string; name: string; role: 'facilitator' | 'participant' };
  /** (everyone) */
  'presence.left': { participantId: string };
  /** (everyone) */
  'participant.removed': { participantId: string };
  /** (facilitators) */
  'participant.admitted': { participantId: string };
  /** (everyone) `order`: participant ids in round mode */
  'checkin.started': {
    checkinId: string;
    prompt: string;
    promptId?: string;
    closing: boolean;
    visibility: Visibility;
    mode: CheckinMode;
    order?: string[];
  };
  /** (everyone; round mode) */
  'checkin.turn': { checkinId: string; participantId: string };
  /**
   * (everyone when visibility is everyone; facilitators and the author when facilitators;
   * everyone without participantId and name when anonymous, and the author's own copy with them)
   */
  'checkin.answered': {
    checkinId: string;
    answerId: string;
    participantId?: string;
    name?: string;
    word?: string;
    sentence?: string;
    energy?: EnergyLevel;
  };
  /** who responded; in an anonymous check-in only how many have (`count`), never who */
  'checkin.responded': { checkinId: string; participantId?: string; count?: number };
  /** (only the person who passed) */
  'checkin.passed': { checkinId: string };
  /** (everyone; no names) `energy`: counts keyed "1".."5" */
  'checkin.closed': { checkinId: string; answers: number; energy: Partial<Record<'1' | '2' | '3' | '4' | '5', number>> };
  /** (everyone) */
  'timer.started': { timerId: string; label?: string; endsAt: string };
  /** (everyone) */
  'timer.paused': { timerId: string; remainingSeconds: number };
  /** (everyone) */
  'timer.resumed': { timerId: string; endsAt: string };
  /** (everyone) */
  'timer.cleared': { timerId: string };
  /** (everyone) the slot now under way */
  'agenda.moved': { slot: number; title: string };
  /** (everyone) */
  'note.shared': { text: string; by?: string };
  /** (only the author) */
  'journal.written': { entryId: string; text: string };
  /** (everyone) */
  'day.ended': Record<string, never>;

  /* ---- role-plays ---- */
  /** (everyone) */
  'roleplay.launched': {
    roleplayId: string;
    title: string;
    groupSize: number;
    grouping: RoleplayGrouping;
    oddRule: OddRule;
    rounds: number;
    minutes: number;
    scenarioCount: number;
  };
  /** (nobody: kept on the server) */
  'roleplay.prepared': { roleplayId: string; scenarios: unknown[] };
  /** (everyone) the whole layout each time it changes; `final` once rounds have begun */
  'roleplay.grouped': {
    roleplayId: string;
    groups: RoleplayGroupLayout[];
    unassigned: RoleplayPerson[];
    final: boolean;
  };
  /** (everyone) one clock for all groups */
  'roleplay.round-started': { roleplayId: string; round: number; rounds: number; endsAt: string; warnAt: string };
  /** (everyone) the round was extended */
  'roleplay.clock': { roleplayId: string; round: number; endsAt: string; warnAt: string };
  /** (everyone) at warnAt */
  'roleplay.time-warning': { roleplayId: string; round: number; endsAt: string };
  /** (everyone) */
  'roleplay.time-up': { roleplayId: string; round: number };
  /** (the group) */
  'roleplay.roles': { roleplayId: string; groupId: string; round: number; roles: RoleAssignment[] };
  /** (the group) contentNote null when there is none */
  'roleplay.scenario-offered': {
    roleplayId: string;
    groupId: string;
    round: number;
    scenarioId: string;
    title: string;
    contentNote: string | null;
  };
  /** (the group) */
  'roleplay.scenario-opened': {
    roleplayId: string;
    groupId: string;
    round: number;
    scenarioId: string;
    title: string;
    shared: string;
  };
  /** (the person: your own role card only) */
  'roleplay.card': { roleplayId: string; groupId: string; round: number; scenarioId: string; role: RoleplayRole; card: string };
  /** (the people: its author and the people it is about) */
  'roleplay.note-given': {
    roleplayId: string;
    noteId: string;
    groupId: string;
    round: number;
    task: NoteTask;
    moment: string;
    /** the author's name */
    by: string;
    byId: string;
    about: RoleplayPerson[];
  };
  /** (the people) */
  'roleplay.note-consented': { roleplayId: string; noteId: string; participantId: string };
  /** (facilitators; only once everyone the note is about has agreed) */
  'roleplay.note-for-facilitators': {
    roleplayId: string;
    noteId: string;
    groupId: string;
    round: number;
    task: NoteTask;
    moment: string;
    by: string;
    about: RoleplayPerson[];
  };
  /** (the group; no name: it comes from the group) */
  'roleplay.help': { roleplayId: string; groupId: string; on: boolean };
  /** (facilitators and the members of both groups) groupId null when they stop */
  'roleplay.listening': {
    roleplayId: string;
    facilitatorId: string;
    name: string;
    groupId: string | null;
    previousGroupId: string | null;
  };
  /** (everyone) */
  'roleplay.phase': { roleplayId: string; phase: RoleplayDebriefPhase };
  /** (the group only) */
  'roleplay.share-proposed': { roleplayId: string; groupId: string; proposalId: string; text: string; by: string };
  /** (the group only) */
  'roleplay.share-agreed': { roleplayId: string; groupId: string; proposalId: string; participantId: string };
  /** (the group only; nobody is named) */
  'roleplay.share-declined': { roleplayId: string; groupId: string; proposalId: string };
  /** (the group only: everyone agreed; it goes to the room at the room debrief) */
  'roleplay.share-ready': { roleplayId: string; groupId: string; proposalId: string };
  /** (everyone) */
  'roleplay.shared': { roleplayId: string; groupId: string; groupName: string; proposalId: string; text: string };
  /** (everyone) */
  'roleplay.ended': { roleplayId: string };

  /* ---- reframing ---- */
  /** (everyone) */
  'reframe.launched': {
    exerciseId: string;
    mode: ReframeMode;
    statements: { statementId: string; text: string; pattern: string | null; hasExamples: boolean }[];
  };
  /** (nobody: kept on the server) */
  'reframe.prepared': { exerciseId: string; examples: Record<string, string[]> };
  /** (everyone; pairs mode) `holds`: the statement you hold; `rewrites`: your partner's */
  'reframe.paired': {
    exerciseId: string;
    pairs: { pairId: string; members: { participantId: string; name: string; holds: string; rewrites: string }[] }[];
  };
  /** (the pair and facilitators) */
  'reframe.statement-set': { exerciseId: string; pairId: string; statementId: string; text: string; participantId: string };
  /** (the person) marks: the server's language-lens verdict on the text */
  'reframe.written': { exerciseId: string; statementId: string; rewriteId: string; text: string; marks: ServerLensMark[] };
  /** (the pair only, once every member of the pair has written) */
  'reframe.compared': {
    exerciseId: string;
    pairId: string;
    rewrites: { statementId: string; statement: string; participantId: string; name: string; text: string }[];
  };
  /** (everyone) */
  'reframe.phase': { exerciseId: string; phase: 'reveal' };
  /** (everyone; anonymous: without participantId and name, and the author's own copy with them and `mine: true`) */
  'reframe.shared': {
    exerciseId: string;
    entryId: string;
    statementId: string;
    text: string;
    participantId?: string;
    name?: string;
    mine?: boolean;
  };
  /** (the person: they chose not to share) */
  'reframe.kept': { exerciseId: string; statementId: string };
  /** (everyone) */
  'reframe.withdrawn': { exerciseId: string; entryId: string };
  /** (facilitators and the entry's author: never who, never a count) */
  'reframe.resonated': { exerciseId: string; entryId: string };
  /** (the person who marked it) */
  'reframe.resonance-given': { exerciseId: string; entryId: string };
  /** (everyone) */
  'reframe.highlighted': { exerciseId: string; entryId: string; on: boolean };
  /** (everyone) */
  'reframe.examples-shown': { exerciseId: string; statementId: string; rewrites: string[] };
  /** (everyone) */
  'reframe.closed': { exerciseId: string };
}

export type EventKind = keyof EventDataMap;

export const EVENT_KINDS: readonly EventKind[] = [
  'presence.joined',
  'presence.left',
  'participant.removed',
  'participant.admitted',
  'checkin.started',
  'checkin.turn',
  'checkin.answered',
  'checkin.responded',
  'checkin.passed',
  'checkin.closed',
  'timer.started',
  'timer.paused',
  'timer.resumed',
  'timer.cleared',
  'agenda.moved',
  'note.shared',
  'journal.written',
  'day.ended',
  'roleplay.launched',
  'roleplay.prepared',
  'roleplay.grouped',
  'roleplay.round-started',
  'roleplay.clock',
  'roleplay.time-warning',
  'roleplay.time-up',
  'roleplay.roles',
  'roleplay.scenario-offered',
  'roleplay.scenario-opened',
  'roleplay.card',
  'roleplay.note-given',
  'roleplay.note-consented',
  'roleplay.note-for-facilitators',
  'roleplay.help',
  'roleplay.listening',
  'roleplay.phase',
  'roleplay.share-proposed',
  'roleplay.share-agreed',
  'roleplay.share-declined',
  'roleplay.share-ready',
  'roleplay.shared',
  'roleplay.ended',
  'reframe.launched',
  'reframe.prepared',
  'reframe.paired',
  'reframe.statement-set',
  'reframe.written',
  'reframe.compared',
  'reframe.phase',
  'reframe.shared',
  'reframe.kept',
  'reframe.withdrawn',
  'reframe.resonated',
  'reframe.resonance-given',
  'reframe.highlighted',
  'reframe.examples-shown',
  'reframe.closed',
];
