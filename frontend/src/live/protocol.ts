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
  | PingCommand;

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
}

export interface SyncedMessage extends Envelope<'synced'> {
  seq: number;
}

export interface AckMessage extends Envelope<'ack'> {
  id: string;
  /** the sequence numbers of the events the command produced */
  seqs: number[];
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
  /** (facilitators: answered or passed, not which) */
  'checkin.responded': { checkinId: string; participantId: string };
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
      return typeof value.id === 'string' ? ({ ...value, seqs: Array.isArray(value.seqs) ? value.seqs : [] } as AckMessage) : undefined;
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
