/**
 * The live room's WebSocket messages, as docs/protocol/asyncapi.yaml (protocol version 1)
 * describes them. One socket per training-day room at /ws/rooms/{code}; JSON text frames,
 * each with `v` and `type`.
 */

export const PROTOCOL_VERSION = 1;

/** Who sees check-in answers: everyone with names, only facilitators (and the author), or everyone without names. */
export type Visibility = 'everyone' | 'facilitators' | 'anonymous';

/** `round` keeps a spoken turn order on screen. */
export type CheckinMode = 'open' | 'round';

export type EnergyLevel = 1 | 2 | 3 | 4 | 5;

/* ---- role-plays and reframing (docs/protocol/activities.md) ---- */

/** How people come into groups: by the server, by a facilitator, or by their own choice. */
export type RoleplayGrouping = 'auto' | 'manual' | 'choice';

/** What happens when the room does not divide evenly. */
export type OddRule = 'extra-observer' | 'facilitator-joins';

/** The three roles; a group of k has one person sharing, one peer supporter and k−2 observers. */
export type RoleplayRole = 'person-sharing' | 'peer-supporter' | 'observer';

export const ROLEPLAY_ROLES: readonly RoleplayRole[] = ['person-sharing', 'peer-supporter', 'observer'];

/** The four tasks an observer's note can be about. */
export type NoteTask = 'connection' | 'worldview' | 'mutuality' | 'moving-towards';

export const NOTE_TASKS: readonly NoteTask[] = ['connection', 'worldview', 'mutuality', 'moving-towards'];

/** A role-play's phases after forming, as `roleplay.phase` names them. */
export type RoleplayDebriefPhase = 'group-debrief' | 'room-debrief';

/** A scenario written for this role-play only. */
export interface AdHocScenario {
  title: string;
  contentNote?: string;
  shared: string;
  roles: { 'person-sharing': string; 'peer-supporter': string; observer?: string };
}

export type ReframeMode = 'solo' | 'pairs';

/** How a rewrite is shared after the reveal: with one's name, without it, or not at all. */
export type ShareAs = 'named' | 'anonymous' | 'none';

/** Someone in a role-play layout. */
export interface RoleplayPerson {
  participantId: string;
  name: string;
}

export interface RoleplayMember extends RoleplayPerson {
  /** a facilitator who joined a group (the odd-number rule "a facilitator joins") */
  facilitator: boolean;
}

export interface RoleplayGroupLayout {
  groupId: string;
  name: string;
  members: RoleplayMember[];
}

export interface RoleAssignment extends RoleplayPerson {
  role: RoleplayRole;
}

/** One language-lens mark the server found in a rewrite. */
export interface ServerLensMark {
  start: number;
  end: number;
  text: string;
  term: string;
  category: string;
}

/* ---- what clients send: hello, then commands, each with a client-chosen id ---- */

interface Envelope<T extends string> {
  v: typeof PROTOCOL_VERSION;
  type: T;
}

interface CommandEnvelope<T extends string> extends Envelope<T> {
  /** 1–64 characters, unique per connection attempt; sent again unchanged to retry. */
  id: string;
}

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

/* ---- what the server sends ---- */

export interface You {
  kind: 'facilitator' | 'participant';
  id: string;
  name: string;
}

export interface RoomInfo {
  code: string;
  cohortTitle: string;
  /** null in a practice room */
  dayNumber: number | null;
  /** ISO instant */
  closesAt: string;
}

export interface WelcomeMessage extends Envelope<'welcome'> {
  you: You;
  room: RoomInfo;
  /** the room's newest sequence number at the time */
  latestSeq: number;
  /** the server's clock when it welcomed (ISO instant): countdowns correct this device's clock by it */
  now?: string;
}

export interface SyncedMessage extends Envelope<'synced'> {
  seq: number;
}

export interface AckMessage extends Envelope<'ack'> {
  id: string;
  /** the sequence numbers of the events the command produced */
  seqs: number[];
  /** the ids the server created for the command, by name (e.g. `checkinId`, `roleplayId`) */
  created?: Record<string, string>;
}

export const ERROR_CODES = [
  'bad-json',
  'too-large',
  'unknown-type',
  'invalid',
  'not-allowed',
  'not-found',
  'conflict',
  'rate-limited',
  'unauthorised',
  'removed',
  'room-closed',
  'hello-first',
  /** hello refused: this person already has the room open in as many windows or devices as allowed */
  'too-many-connections',
  /** the room could not store the command just now; nothing was kept, send it again after reconnecting */
  'unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorMessage extends Envelope<'error'> {
  /** the command's id, when the server could read it */
  id?: string;
  code: ErrorCode;
  message: string;
}

export interface PongMessage extends Envelope<'pong'> {
  id?: string;
}

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

/** One event of the room's log: a discriminated union on `kind`. */
export type RoomEvent = {
  [K in EventKind]: Envelope<'event'> & {
    /** per-room sequence number, from 1 */
    seq: number;
    /** ISO instant */
    at: string;
    kind: K;
    data: EventDataMap[K];
  };
}[EventKind];

/** The event of one kind. */
export type EventOf<K extends EventKind> = Extract<RoomEvent, { kind: K }>;

export type ServerMessage = WelcomeMessage | RoomEvent | SyncedMessage | AckMessage | ErrorMessage | PongMessage;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one text frame from the server. Anything that is not JSON of a known type with the
 * fields this client relies on answers undefined (and is ignored), so a newer server's extra
 * messages never break an older client.
 */
export function parseServerMessage(text: string): ServerMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(value) || typeof value.type !== 'string') return undefined;
  if (value.v !== undefined && value.v !== PROTOCOL_VERSION) return undefined;
  switch (value.type) {
    case 'welcome':
      return isObject(value.you) && isObject(value.room) ? (value as unknown as WelcomeMessage) : undefined;
    case 'event':
      return typeof value.seq === 'number' &&
        typeof value.kind === 'string' &&
        (EVENT_KINDS as readonly string[]).includes(value.kind) &&
        isObject(value.data ?? {})
        ? ({ ...value, data: value.data ?? {} } as unknown as RoomEvent)
        : undefined;
    case 'synced':
      return typeof value.seq === 'number' ? (value as unknown as SyncedMessage) : undefined;
    case 'ack':
      return typeof value.id === 'string'
        ? ({ ...value, seqs: Array.isArray(value.seqs) ? value.seqs : [] } as AckMessage)
        : undefined;
    case 'error':
      return typeof value.code === 'string'
        ? ({ ...value, message: typeof value.message === 'string' ? value.message : '' } as ErrorMessage)
        : undefined;
    case 'pong':
      return value as unknown as PongMessage;
    default:
      return undefined;
  }
}
