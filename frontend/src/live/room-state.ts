/**
 * The room as one person sees it: a pure fold over the events they receive.
 *
 *   state = events.reduce(applyEvent, initialRoomState())
 *
 * Every function here returns a new state and never changes the one it was given. Events at
 * or below the highest seq already folded in are ignored, so folding the same event twice
 * (a reconnect that overlaps) changes nothing.
 */
import type { CheckinMode, EnergyLevel, EventDataMap, RoomEvent, RoomInfo, Visibility, WelcomeMessage, You } from './protocol';
import { foldReframe, isReframeEvent, type ReframeExercise } from './reframe-state';
import { foldRoleplay, isRoleplayEvent, type Roleplay } from './roleplay-state';

export type { ReframeExercise } from './reframe-state';
export type { Roleplay } from './roleplay-state';

export interface Person {
  id: string;
  name: string;
  role: 'facilitator' | 'participant';
}

/** An answer as it reached me: without a name (and author) when the check-in is anonymous. */
export interface Answer {
  answerId: string;
  participantId?: string;
  name?: string;
  word?: string;
  sentence?: string;
  energy?: EnergyLevel;
  /** ISO instant */
  at: string;
}

/** What I did with a check-in: answered (my own copy) or passed. Only I ever learn that I passed. */
export type MyResponse = { kind: 'answered'; answer: Answer } | { kind: 'passed'; at: string };

export interface Checkin {
  id: string;
  prompt: string;
  promptId?: string;
  /** a check-out */
  closing: boolean;
  visibility: Visibility;
  mode: CheckinMode;
  /** round mode: participant ids in speaking order */
  order: string[];
  /** round mode: whose turn it is */
  turn?: string;
  /** ISO instant */
  startedAt: string;
  /** the answers I may see, in the order they came */
  answers: Answer[];
  /** facilitators: who has responded (answered or passed, never which), in order; empty when anonymous */
  responded: string[];
  /** facilitators: how many have responded (in an anonymous check-in, the only thing they learn) */
  respondedCount: number;
  mine?: MyResponse;
}

export type EnergySpread = Record<EnergyLevel, number>;

export interface ClosedCheckin extends Checkin {
  /** ISO instant */
  closedAt: string;
  /** how many answers were given (passes are not answers) */
  answerCount: number;
  energy: EnergySpread;
}

export type Timer =
  | { id: string; label?: string; running: true; endsAt: string }
  | { id: string; label?: string; running: false; remainingSeconds: number };

export interface AgendaNow {
  slot: number;
  title: string;
  /** ISO instant: when the room moved to this slot */
  since: string;
}

export interface SharedNote {
  text: string;
  by?: string;
  /** ISO instant */
  at: string;
}

export interface JournalEntry {
  entryId: string;
  text: string;
  /** ISO instant */
  at: string;
}

export interface RoomState {
  /** the highest seq folded in */
  lastSeq: number;
  /** who I am, from the last welcome */
  me?: You;
  room?: RoomInfo;
  /** the room's newest seq when the server last welcomed me: anything up to it, I am past */
  welcomeSeq?: number;
  /** who is here now, by id, in the order they arrived */
  present: Record<string, Person>;
  /** everyone seen today, by id, so names stay known after someone leaves */
  known: Record<string, Person>;
  /** ids of people asked to step out and not yet let back in */
  removed: string[];
  checkin?: Checkin;
  closedCheckins: ClosedCheckin[];
  /** in the order they were started */
  timers: Timer[];
  agenda: {
    current?: AgendaNow;
    /** seconds spent on each slot index before the current stretch (gaps between agenda.moved events) */
    spentSeconds: Record<number, number>;
  };
  notes: SharedNote[];
  journal: JournalEntry[];
  ended: boolean;
  /** ISO instant */
  endedAt?: string;
  /** the role-play under way (or the last one, once ended, until another is launched) */
  roleplay?: Roleplay;
  /** the reframing exercise under way (or the last one, once closed) */
  reframe?: ReframeExercise;
  /**
   * The server's clock minus this device's, in ms, from the last welcome's `now`: countdowns
   * measure server instants (`endsAt`) against this device's clock plus this.
   */
  clockOffsetMs: number;
}

export function initialRoomState(): RoomState {
  return {
    lastSeq: 0,
    present: {},
    known: {},
    removed: [],
    closedCheckins: [],
    timers: [],
    agenda: { spentSeconds: {} },
    notes: [],
    journal: [],
    ended: false,
    clockOffsetMs: 0,
  };
}

/**
 * After `welcome`: who I am and which room. A welcome means the server let me in, so if I
 * had been asked to step out, I have been let back in since. With the server's `now` and
 * `receivedAt` (this device's clock when the welcome arrived, ms) it also learns how far this
 * device's clock is from the server's.
 */
export function applyWelcome(
  state: RoomState,
  welcome: Pick<WelcomeMessage, 'you' | 'room'> & Partial<Pick<WelcomeMessage, 'latestSeq' | 'now'>>,
  receivedAt: number = Date.now(),
): RoomState {
  const me = welcome.you;
  const serverNow = typeof welcome.now === 'string' ? Date.parse(welcome.now) : NaN;
  return {
    ...state,
    me,
    room: welcome.room,
    welcomeSeq: typeof welcome.latestSeq === 'number' ? welcome.latestSeq : state.welcomeSeq,
    removed: me?.id ? state.removed.filter((id) => id !== me.id) : state.removed,
    clockOffsetMs: Number.isNaN(serverNow) || !Number.isFinite(receivedAt) ? state.clockOffsetMs : serverNow - receivedAt,
  };
}

/** Folds many events in. */
export function applyEvents(state: RoomState, events: Iterable<RoomEvent>): RoomState {
  let next = state;
  for (const event of events) next = applyEvent(next, event);
  return next;
}

const seconds = (fromIso: string, toIso: string): number => {
  const from = Date.parse(fromIso);
  const to = Date.parse(toIso);
  return Number.isNaN(from) || Number.isNaN(to) ? 0 : Math.max(0, (to - from) / 1000);
};

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  if (!(key in record)) return record;
  const copy = { ...record };
  delete copy[key];
  return copy;
}

const emptySpread = (): EnergySpread => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

/** The one step of the fold: the state after `event`. */
export function applyEvent(state: RoomState, event: RoomEvent): RoomState {
  if (event.seq <= state.lastSeq) return state;
  return reduce({ ...state, lastSeq: event.seq }, event);
}

function reduce(state: RoomState, event: RoomEvent): RoomState {
  const at = event.at;
  if (isRoleplayEvent(event)) {
    const roleplay = foldRoleplay(state.roleplay, event, state.me?.id);
    return roleplay === state.roleplay ? state : { ...state, roleplay };
  }
  if (isReframeEvent(event)) {
    const reframe = foldReframe(state.reframe, event, state.me?.id);
    return reframe === state.reframe ? state : { ...state, reframe };
  }
  switch (event.kind) {
    case 'presence.joined': {
      const { participantId: id, name, role } = event.data;
      const person: Person = { id, name, role: role === 'facilitator' ? 'facilitator' : 'participant' };
      return { ...state, present: { ...state.present, [id]: person }, known: { ...state.known, [id]: person } };
    }
    case 'presence.left':
      return { ...state, present: without(state.present, event.data.participantId) };
    case 'participant.removed': {
      const id = event.data.participantId;
      // Being welcomed after it means I was let back in since (participants never see participant.admitted).
      const pastForMe = id === state.me?.id && state.welcomeSeq !== undefined && event.seq <= state.welcomeSeq;
      if (pastForMe) return { ...state, present: without(state.present, id) };
      return {
        ...state,
        present: without(state.present, id),
        removed: state.removed.includes(id) ? state.removed : [...state.removed, id],
      };
    }
    case 'participant.admitted':
      return { ...state, removed: state.removed.filter((id) => id !== event.data.participantId) };
    case 'checkin.started':
      return startCheckin(state, event.data, at);
    case 'checkin.turn':
      return onCheckin(state, event.data.checkinId, (c) => ({ ...c, turn: event.data.participantId }));
    case 'checkin.answered':
      return onCheckin(state, event.data.checkinId, (c) => answered(state, c, event.data, at));
    case 'checkin.responded': {
      const id = event.data.participantId;
      if (!id) {
        // an anonymous check-in tells facilitators how many, never who
        const count = Number(event.data.count ?? 0);
        return onCheckin(state, event.data.checkinId, (c) => ({ ...c, respondedCount: Math.max(c.respondedCount, count) }));
      }
      return onCheckin(state, event.data.checkinId, (c) =>
        c.responded.includes(id) ? c : { ...c, responded: [...c.responded, id], respondedCount: c.responded.length + 1 },
      );
    }
    case 'checkin.passed':
      return onCheckin(state, event.data.checkinId, (c) => ({ ...c, mine: { kind: 'passed', at } }));
    case 'checkin.closed':
      return closeCheckin(state, event.data, at);
    case 'timer.started': {
      const { timerId: id, label, endsAt } = event.data;
      const timer: Timer = { id, label, running: true, endsAt };
      return { ...state, timers: upsertTimer(state.timers, timer) };
    }
    case 'timer.paused': {
      const { timerId: id, remainingSeconds } = event.data;
      return updateTimer(state, id, (t) => ({ id, label: t?.label, running: false, remainingSeconds }));
    }
    case 'timer.resumed': {
      const { timerId: id, endsAt } = event.data;
      return updateTimer(state, id, (t) => ({ id, label: t?.label, running: true, endsAt }));
    }
    case 'timer.cleared':
      return { ...state, timers: state.timers.filter((t) => t.id !== event.data.timerId) };
    case 'agenda.moved': {
      const spentSeconds = closeStretch(state, at);
      return { ...state, agenda: { current: { slot: event.data.slot, title: event.data.title, since: at }, spentSeconds } };
    }
    case 'note.shared':
      return { ...state, notes: [...state.notes, { text: event.data.text, by: event.data.by, at }] };
    case 'journal.written': {
      const { entryId, text } = event.data;
      if (state.journal.some((e) => e.entryId === entryId)) return state;
      return { ...state, journal: [...state.journal, { entryId, text, at }] };
    }
    case 'day.ended':
      // the end of the day: everyone leaves with it, and no clock runs on
      return {
        ...state,
        ended: true,
        endedAt: at,
        present: {},
        timers: [],
        agenda: { ...state.agenda, spentSeconds: state.ended ? state.agenda.spentSeconds : closeStretch(state, at) },
      };
    default:
      return state;
  }
}

function startCheckin(state: RoomState, data: EventDataMap['checkin.started'], at: string): RoomState {
  const checkin: Checkin = {
    id: data.checkinId,
    prompt: data.prompt,
    promptId: data.promptId,
    closing: !!data.closing,
    visibility: data.visibility,
    mode: data.mode === 'round' ? 'round' : 'open',
    order: Array.isArray(data.order) ? [...data.order] : [],
    startedAt: at,
    answers: [],
    responded: [],
    respondedCount: 0,
  };
  return { ...state, checkin };
}

/** Changes the open check-in if it is the one the event names; anything else is stale. */
function onCheckin(state: RoomState, checkinId: string, change: (c: Checkin) => Checkin): RoomState {
  if (!state.checkin || state.checkin.id !== checkinId) return state;
  return { ...state, checkin: change(state.checkin) };
}

function answered(state: RoomState, c: Checkin, data: EventDataMap['checkin.answered'], at: string): Checkin {
  const answer: Answer = {
    answerId: data.answerId,
    participantId: data.participantId,
    name: data.name,
    word: data.word,
    sentence: data.sentence,
    energy: data.energy,
    at,
  };
  // The same answer may reach the author twice (the anonymous copy and their own): keep one,
  // with whatever names it carried.
  const index = c.answers.findIndex((a) => a.answerId === answer.answerId);
  const answers =
    index < 0
      ? [...c.answers, answer]
      : c.answers.map((a, i) =>
          i === index
            ? { ...a, ...answer, participantId: answer.participantId ?? a.participantId, name: answer.name ?? a.name }
            : a,
        );
  const mineNow = state.me && data.participantId === state.me.id;
  const mineBefore = c.mine?.kind === 'answered' && c.mine.answer.answerId === answer.answerId;
  const mine: MyResponse | undefined =
    mineNow || mineBefore ? { kind: 'answered', answer: answers[index < 0 ? answers.length - 1 : index] } : c.mine;
  return { ...c, answers, mine };
}

function closeCheckin(state: RoomState, data: EventDataMap['checkin.closed'], at: string): RoomState {
  const open = state.checkin && state.checkin.id === data.checkinId ? state.checkin : undefined;
  if (state.closedCheckins.some((c) => c.id === data.checkinId)) return state;
  const energy = emptySpread();
  for (const level of [1, 2, 3, 4, 5] as EnergyLevel[]) {
    const count = Number(data.energy?.[String(level) as '1'] ?? 0);
    energy[level] = Number.isFinite(count) && count > 0 ? count : 0;
  }
  const base: Checkin = open ?? {
    id: data.checkinId,
    prompt: '',
    closing: false,
    visibility: 'everyone',
    mode: 'open',
    order: [],
    startedAt: at,
    answers: [],
    responded: [],
    respondedCount: 0,
  };
  const closed: ClosedCheckin = { ...base, turn: undefined, closedAt: at, answerCount: Number(data.answers) || 0, energy };
  return {
    ...state,
    checkin: open ? undefined : state.checkin,
    closedCheckins: [...state.closedCheckins, closed],
  };
}

function upsertTimer(timers: Timer[], timer: Timer): Timer[] {
  return timers.some((t) => t.id === timer.id) ? timers.map((t) => (t.id === timer.id ? timer : t)) : [...timers, timer];
}

function updateTimer(state: RoomState, id: string, change: (t: Timer | undefined) => Timer): RoomState {
  const existing = state.timers.find((t) => t.id === id);
  return { ...state, timers: upsertTimer(state.timers, change(existing)) };
}

/** The time spent on each slot once the current stretch ends at `at`. */
function closeStretch(state: RoomState, at: string): Record<number, number> {
  const current = state.agenda.current;
  if (!current || state.ended) return state.agenda.spentSeconds;
  const spent = { ...state.agenda.spentSeconds };
  spent[current.slot] = (spent[current.slot] ?? 0) + seconds(current.since, at);
  return spent;
}

/* ---- questions the views ask of the state ---- */

/** Seconds spent on a slot so far, counting the current stretch up to `now` (ms). */
export function spentOnSlot(state: RoomState, slot: number, now: number): number {
  let total = state.agenda.spentSeconds[slot] ?? 0;
  const current = state.agenda.current;
  if (current && current.slot === slot && !state.ended) {
    const since = Date.parse(current.since);
    if (!Number.isNaN(since)) total += Math.max(0, (now - since) / 1000);
  }
  return total;
}

/** Whole seconds left on a timer at `now` (ms), never below zero. */
export function timerRemaining(timer: Timer, now: number): number {
  if (!timer.running) return Math.max(0, Math.ceil(timer.remainingSeconds));
  const ends = Date.parse(timer.endsAt);
  if (Number.isNaN(ends)) return 0;
  return Math.max(0, Math.ceil((ends - now) / 1000));
}

/** The server's clock now (ms), from this device's clock `localNow` and the offset the welcome gave. */
export function serverNow(state: RoomState | undefined, localNow: number): number {
  return localNow + (state?.clockOffsetMs ?? 0);
}

/** The latest note shared with the room. */
export function currentNote(state: RoomState): SharedNote | undefined {
  return state.notes[state.notes.length - 1];
}

/** True when I have been asked to step out. */
export function amRemoved(state: RoomState): boolean {
  return !!state.me && state.removed.includes(state.me.id);
}

/** A person's name if it is known, else undefined. */
export function nameOf(state: RoomState, id: string | undefined): string | undefined {
  return id ? state.known[id]?.name : undefined;
}

/** Participants (not facilitators) here now, in arrival order. */
export function presentParticipants(state: RoomState): Person[] {
  return Object.values(state.present).filter((p) => p.role === 'participant');
}

/** How many participants have been in the room today, as far as this device has seen. */
export function participantsSeen(state: RoomState): number {
  return Object.values(state.known).filter((p) => p.role === 'participant').length;
}

export function presentFacilitators(state: RoomState): Person[] {
  return Object.values(state.present).filter((p) => p.role === 'facilitator');
}

/** The latest check-in that closed, if any. */
export function lastClosed(state: RoomState): ClosedCheckin | undefined {
  return state.closedCheckins[state.closedCheckins.length - 1];
}
