/**
 * What a person has typed in the room and not yet had accepted: kept in memory and in
 * localStorage, so neither a dropped connection, a reload, a closed tab nor a restarted
 * device loses it. One entry per person and room; inside it, each activity's drafts are kept
 * by that activity (the check-in's id, the reframing exercise and statement).
 *
 * Nothing private stays after the day: a room's drafts are cleared when its day ends, and any
 * entry not touched for `DRAFT_MAX_AGE_MS` is removed the next time the room page opens.
 */
import type { EnergyLevel } from './protocol';

export interface AnswerDraft {
  checkinId: string;
  word: string;
  sentence: string;
  energy?: EnergyLevel;
  /** the command id while it is being sent, so a reload sends it again as the same command */
  sendingId?: string;
  /** passing rather than answering, while it is being sent */
  passing?: boolean;
}

export interface OutboxEntry {
  /** the command id, kept so a resend is recognised as the same entry */
  id: string;
  text: string;
}

export interface RoomDrafts {
  answer?: AnswerDraft;
  journal: string;
  /** journal entries sent but not yet acknowledged */
  outbox: OutboxEntry[];
  /** reframing: what I am writing, by "exerciseId/statementId" (a rewrite) or "exerciseId/held" (my own statement) */
  rewrites?: Record<string, string>;
}

export const DRAFTS_PREFIX = 'mutuality.room-drafts:';

/** How long drafts are kept without being touched: a training day and the night after it. */
export const DRAFT_MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface Stored extends RoomDrafts {
  /** when this person last changed anything here (ms since the epoch) */
  savedAt?: number;
}

const memory = new Map<string, RoomDrafts>();

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

function sessionStore(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const empty = (): RoomDrafts => ({ journal: '', outbox: [] });

function parse(raw: string): RoomDrafts {
  const value = JSON.parse(raw) as Partial<Stored>;
  return {
    answer: value.answer && typeof value.answer.checkinId === 'string' ? value.answer : undefined,
    journal: typeof value.journal === 'string' ? value.journal : '',
    outbox: Array.isArray(value.outbox)
      ? value.outbox.filter((e) => e && typeof e.id === 'string' && typeof e.text === 'string')
      : [],
    rewrites:
      value.rewrites && typeof value.rewrites === 'object'
        ? Object.fromEntries(Object.entries(value.rewrites).filter(([, v]) => typeof v === 'string'))
        : undefined,
  };
}

function read(key: string): RoomDrafts {
  const kept = memory.get(key);
  if (kept) return kept;
  try {
    // drafts from before they moved to localStorage are still in this tab's sessionStorage
    const raw = storage()?.getItem(key) ?? sessionStore()?.getItem(key);
    if (raw) return parse(raw);
  } catch {
    // unreadable: start afresh
  }
  return empty();
}

function isEmpty(d: RoomDrafts): boolean {
  return !d.answer && !d.journal && !d.outbox.length && !Object.keys(d.rewrites ?? {}).length;
}

/** One person's drafts in one room. */
export class DraftStore {
  readonly key: string;

  constructor(
    code: string,
    personId: string,
    private readonly clock: () => number = () => Date.now(),
  ) {
    this.key = `${DRAFTS_PREFIX}${code}:${personId}`;
  }

  get value(): RoomDrafts {
    return read(this.key);
  }

  update(change: (drafts: RoomDrafts) => RoomDrafts): RoomDrafts {
    const next = change(this.value);
    memory.set(this.key, next);
    try {
      // nothing left to keep: no entry at all, rather than an empty one
      if (isEmpty(next)) storage()?.removeItem(this.key);
      else storage()?.setItem(this.key, JSON.stringify({ ...next, savedAt: this.clock() } satisfies Stored));
      sessionStore()?.removeItem(this.key);
    } catch {
      // storage full or refused: memory still has it for this page
    }
    return next;
  }

  /** Forgets everything kept for this person in this room (after the day ends, and for tests). */
  clear(): void {
    memory.delete(this.key);
    try {
      storage()?.removeItem(this.key);
      sessionStore()?.removeItem(this.key);
    } catch {
      // nothing to forget
    }
  }
}

/** Removes every room's drafts left untouched for longer than `maxAgeMs`; returns how many went. */
export function pruneOldDrafts(now: number = Date.now(), maxAgeMs: number = DRAFT_MAX_AGE_MS): number {
  const store = storage();
  if (!store) return 0;
  const old: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (!key?.startsWith(DRAFTS_PREFIX)) continue;
      let savedAt: unknown;
      try {
        savedAt = (JSON.parse(store.getItem(key) ?? '{}') as Stored).savedAt;
      } catch {
        savedAt = undefined; // unreadable: nothing worth keeping
      }
      if (typeof savedAt !== 'number' || now - savedAt > maxAgeMs) old.push(key);
    }
    for (const key of old) {
      store.removeItem(key);
      memory.delete(key);
    }
  } catch {
    return 0;
  }
  return old.length;
}

/** Forgets every draft held in memory, as a closed tab does (for tests). */
export function forgetDraftsInMemory(): void {
  memory.clear();
}
