/**
 * What a person has typed in the room and not yet had accepted: kept in memory and in
 * sessionStorage, so neither a dropped connection nor a reload of the page loses it.
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

const memory = new Map<string, RoomDrafts>();

function session(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

const empty = (): RoomDrafts => ({ journal: '', outbox: [] });

function read(key: string): RoomDrafts {
  const kept = memory.get(key);
  if (kept) return kept;
  try {
    const raw = session()?.getItem(key);
    if (raw) {
      const value = JSON.parse(raw) as Partial<RoomDrafts>;
      return {
        answer: value.answer && typeof value.answer.checkinId === 'string' ? value.answer : undefined,
        journal: typeof value.journal === 'string' ? value.journal : '',
        outbox: Array.isArray(value.outbox) ? value.outbox.filter((e) => e && typeof e.id === 'string' && typeof e.text === 'string') : [],
        rewrites:
          value.rewrites && typeof value.rewrites === 'object'
            ? Object.fromEntries(Object.entries(value.rewrites).filter(([, v]) => typeof v === 'string'))
            : undefined,
      };
    }
  } catch {
    // unreadable: start afresh
  }
  return empty();
}

/** One person's drafts in one room. */
export class DraftStore {
  readonly key: string;

  constructor(code: string, personId: string) {
    this.key = `${DRAFTS_PREFIX}${code}:${personId}`;
  }

  get value(): RoomDrafts {
    return read(this.key);
  }

  update(change: (drafts: RoomDrafts) => RoomDrafts): RoomDrafts {
    const next = change(this.value);
    memory.set(this.key, next);
    try {
      session()?.setItem(this.key, JSON.stringify(next));
    } catch {
      // storage full or refused: memory still has it for this page
    }
    return next;
  }

  /** Forgets everything (for tests, and after the day ends). */
  clear(): void {
    memory.delete(this.key);
    try {
      session()?.removeItem(this.key);
    } catch {
      // nothing to forget
    }
  }
}

/** Forgets every draft held in memory (for tests). */
export function forgetDraftsInMemory(): void {
  memory.clear();
}
