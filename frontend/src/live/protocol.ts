/**
 * The live room's WebSocket messages, as docs/protocol/asyncapi.yaml (protocol version 1)
 * describes them. One socket per training-day room at /ws/rooms/{code}; JSON text frames,
 * each with `v` and `type`.
 */
import { EVENT_KINDS, type EventDataMap, type EventKind } from './protocol-events';

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

/* ---- the envelope every message has; commands add a client-chosen id ---- */

export interface Envelope<T extends string> {
  v: typeof PROTOCOL_VERSION;
  type: T;
}

export interface CommandEnvelope<T extends string> extends Envelope<T> {
  /** 1–64 characters, unique per connection attempt; sent again unchanged to retry. */
  id: string;
}

/* ---- what clients send: hello, then commands (protocol-commands.ts) ---- */

export type {
  HelloMessage,
  CheckinStartCommand,
  CheckinAnswerCommand,
  CheckinPassCommand,
  CheckinNextCommand,
  CheckinCloseCommand,
  TimerSetCommand,
  TimerPauseCommand,
  TimerResumeCommand,
  TimerExtendCommand,
  TimerClearCommand,
  NoteShareCommand,
  JournalWriteCommand,
  ParticipantRemoveCommand,
  ParticipantAdmitCommand,
  AgendaMoveCommand,
  DayEndCommand,
  PingCommand,
  RoleplayLaunchCommand,
  RoleplayAssignCommand,
  RoleplayAddGroupCommand,
  RoleplayChooseCommand,
  RoleplayStartCommand,
  RoleplayOpenCommand,
  RoleplaySwapCommand,
  RoleplayNextRoundCommand,
  RoleplayExtendCommand,
  RoleplayNoteCommand,
  RoleplayNoteConsentCommand,
  RoleplayHelpCommand,
  RoleplayListenCommand,
  RoleplayDebriefCommand,
  RoleplayShareProposeCommand,
  RoleplayShareAnswerCommand,
  RoleplayRoomDebriefCommand,
  RoleplayEndCommand,
  ReframeLaunchCommand,
  ReframeStatementCommand,
  ReframeWriteCommand,
  ReframeRevealCommand,
  ReframeShareCommand,
  ReframeUnshareCommand,
  ReframeResonateCommand,
  ReframeHighlightCommand,
  ReframeExamplesCommand,
  ReframeCloseCommand,
  Command,
  CommandType,
  CommandBody,
  ClientMessage,
} from './protocol-commands';

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
  /** who participants can reach during and between the days (a day's room; null when none is set or in a practice room) */
  supportContact?: SupportContact | null;
  /** the group's working agreements, kept with the cohort and shown each day (empty when none) */
  workingAgreements?: string[];
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

/* ---- the events (protocol-events.ts) ---- */

export type { EventDataMap, EventKind } from './protocol-events';
export { EVENT_KINDS } from './protocol-events';

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

/** Who participants can reach during and between the training days. */
export interface SupportContact {
  name: string;
  phone?: string | null;
  email?: string | null;
  note?: string | null;
}
