/**
 * The "what happened?" reframing exercise as one person sees it: the part of the room's fold
 * that `reframe.*` events change (docs/protocol/activities.md). Pure functions.
 */
import type { EventDataMap, ReframeMode, ServerLensMark } from './protocol';

export type ReframePhase = 'writing' | 'reveal' | 'closed';

/** A "what's wrong" statement everyone rewrites (or, in pairs, one a person holds). */
export interface ReframeStatement {
  statementId: string;
  text: string;
  pattern: string | null;
  /** the bank has example rewrites the facilitators can show */
  hasExamples: boolean;
}

export interface PairMember {
  participantId: string;
  name: string;
  /** the statement this person holds */
  holds: string;
  /** the statement this person rewrites: their partner's */
  rewrites: string;
}

export interface ReframePair {
  pairId: string;
  members: PairMember[];
}

/** A statement someone in a pair put in their own words (the pair and facilitators). */
export interface HeldStatement {
  pairId: string;
  statementId: string;
  text: string;
  participantId: string;
}

/** My own rewrite, with the server's language-lens marks. Nobody else sees it until I share it. */
export interface MyRewrite {
  statementId: string;
  rewriteId: string;
  text: string;
  marks: ServerLensMark[];
  at: string;
}

export interface ComparedRewrite {
  statementId: string;
  statement: string;
  participantId: string;
  name: string;
  text: string;
}

/** A rewrite shared with the room. */
export interface BoardEntry {
  entryId: string;
  statementId: string;
  text: string;
  /** absent when shared without a name (except on the author's own copy) */
  participantId?: string;
  name?: string;
  /** mine */
  mine: boolean;
  /** shared without a name */
  anonymous: boolean;
  highlighted: boolean;
  /** someone found it opened something (facilitators, and the author for their own): never who, never how many */
  resonated: boolean;
  /** I marked it as opening something for me */
  resonanceGiven: boolean;
  at: string;
}

export interface ReframeExercise {
  id: string;
  mode: ReframeMode;
  phase: ReframePhase;
  statements: ReframeStatement[];
  pairs: ReframePair[];
  /** statements people put in their own words, by statementId */
  held: Record<string, HeldStatement>;
  /** my rewrites, by statementId */
  rewrites: Record<string, MyRewrite>;
  /** the pair's rewrites side by side, by pairId, once everyone in the pair has written */
  compared: Record<string, ComparedRewrite[]>;
  /** the shared board, in the order entries came (never by marks) */
  entries: BoardEntry[];
  /** statements whose rewrite I chose to keep to myself */
  kept: string[];
  /** the bank's example rewrites shown, by statementId */
  examples: Record<string, string[]>;
  launchedAt: string;
  closedAt?: string;
}

type ReframeEventKind = Extract<keyof EventDataMap, `reframe.${string}`>;

export type ReframeEvent = {
  [K in ReframeEventKind]: { kind: K; data: EventDataMap[K]; at: string };
}[ReframeEventKind];

export function isReframeEvent(e: { kind: string }): e is ReframeEvent {
  return e.kind.startsWith('reframe.');
}

function onEntry(x: ReframeExercise, entryId: string, change: (e: BoardEntry) => BoardEntry): ReframeExercise {
  if (!x.entries.some((e) => e.entryId === entryId)) return x;
  return { ...x, entries: x.entries.map((e) => (e.entryId === entryId ? change(e) : e)) };
}

/** The exercise after one of its events; `meId` is who I am. */
export function foldReframe(
  current: ReframeExercise | undefined,
  event: ReframeEvent,
  meId: string | undefined,
): ReframeExercise | undefined {
  const at = event.at;
  if (event.kind === 'reframe.launched') {
    const d = event.data;
    if (current && current.id === d.exerciseId) return current;
    return {
      id: d.exerciseId,
      mode: d.mode === 'pairs' ? 'pairs' : 'solo',
      phase: 'writing',
      statements: (Array.isArray(d.statements) ? d.statements : []).map((s) => ({
        statementId: s.statementId,
        text: s.text,
        pattern: s.pattern ?? null,
        hasExamples: !!s.hasExamples,
      })),
      pairs: [],
      held: {},
      rewrites: {},
      compared: {},
      entries: [],
      kept: [],
      examples: {},
      launchedAt: at,
    };
  }
  const x = current;
  if (!x || x.id !== event.data.exerciseId) return current;
  switch (event.kind) {
    case 'reframe.prepared':
      return x;
    case 'reframe.paired':
      return {
        ...x,
        pairs: (Array.isArray(event.data.pairs) ? event.data.pairs : []).map((p) => ({
          pairId: p.pairId,
          members: (Array.isArray(p.members) ? p.members : []).map((m) => ({
            participantId: m.participantId,
            name: m.name,
            holds: m.holds,
            rewrites: m.rewrites,
          })),
        })),
      };
    case 'reframe.statement-set': {
      const d = event.data;
      return {
        ...x,
        held: {
          ...x.held,
          [d.statementId]: { pairId: d.pairId, statementId: d.statementId, text: d.text, participantId: d.participantId },
        },
      };
    }
    case 'reframe.written': {
      const d = event.data;
      const rewrite: MyRewrite = {
        statementId: d.statementId,
        rewriteId: d.rewriteId,
        text: d.text,
        marks: Array.isArray(d.marks) ? d.marks : [],
        at,
      };
      return { ...x, rewrites: { ...x.rewrites, [d.statementId]: rewrite } };
    }
    case 'reframe.compared': {
      const d = event.data;
      return {
        ...x,
        compared: { ...x.compared, [d.pairId]: Array.isArray(d.rewrites) ? d.rewrites.map((r) => ({ ...r })) : [] },
      };
    }
    case 'reframe.phase':
      return event.data.phase === 'reveal' && x.phase === 'writing' ? { ...x, phase: 'reveal' } : x;
    case 'reframe.shared': {
      const d = event.data;
      const mineNow = d.mine === true || (!!meId && d.participantId === meId);
      const anonymousNow = !d.participantId || d.mine === true;
      const existing = x.entries.find((e) => e.entryId === d.entryId);
      const entry: BoardEntry = existing
        ? {
            ...existing,
            text: d.text,
            participantId: d.participantId ?? existing.participantId,
            name: d.name ?? existing.name,
            mine: existing.mine || mineNow,
            anonymous: existing.anonymous || anonymousNow,
          }
        : {
            entryId: d.entryId,
            statementId: d.statementId,
            text: d.text,
            participantId: d.participantId,
            name: d.name,
            mine: mineNow,
            anonymous: anonymousNow,
            highlighted: false,
            resonated: false,
            resonanceGiven: false,
            at,
          };
      const entries = existing ? x.entries.map((e) => (e.entryId === d.entryId ? entry : e)) : [...x.entries, entry];
      const kept = entry.mine ? x.kept.filter((id) => id !== d.statementId) : x.kept;
      return { ...x, entries, kept };
    }
    case 'reframe.kept': {
      const id = event.data.statementId;
      return x.kept.includes(id) ? x : { ...x, kept: [...x.kept, id] };
    }
    case 'reframe.withdrawn':
      return { ...x, entries: x.entries.filter((e) => e.entryId !== event.data.entryId) };
    case 'reframe.resonated':
      return onEntry(x, event.data.entryId, (e) => ({ ...e, resonated: true }));
    case 'reframe.resonance-given':
      return onEntry(x, event.data.entryId, (e) => ({ ...e, resonanceGiven: true }));
    case 'reframe.highlighted':
      return onEntry(x, event.data.entryId, (e) => ({ ...e, highlighted: !!event.data.on }));
    case 'reframe.examples-shown': {
      const d = event.data;
      return { ...x, examples: { ...x.examples, [d.statementId]: Array.isArray(d.rewrites) ? [...d.rewrites] : [] } };
    }
    case 'reframe.closed':
      return { ...x, phase: 'closed', closedAt: at };
    default:
      return x;
  }
}

/* ---- questions the views ask ---- */

/** My pair and my place in it (pairs mode). */
export function myPair(
  x: ReframeExercise | undefined,
  meId: string | undefined,
): { pair: ReframePair; me: PairMember } | undefined {
  if (!x || !meId) return undefined;
  for (const pair of x.pairs) {
    const me = pair.members.find((m) => m.participantId === meId);
    if (me) return { pair, me };
  }
  return undefined;
}

/** A statement's words as far as I know them: put in someone's own words, or as launched. */
export function statementText(x: ReframeExercise, statementId: string): string | undefined {
  return x.held[statementId]?.text ?? x.statements.find((s) => s.statementId === statementId)?.text;
}

/** My shared entry for a statement, if it is on the board. */
export function mySharedEntry(x: ReframeExercise, statementId: string): BoardEntry | undefined {
  return x.entries.find((e) => e.mine && e.statementId === statementId);
}

/**
 * A board column's name for assistive technology: unique on the page (its number), with the start
 * of its statement, so a screen reader's list of regions tells the columns apart.
 */
export function boardColumnLabel(index: number, text: string | null | undefined): string {
  const words = (text ?? 'a statement one of the pairs held').trim();
  const short = words.length > 60 ? `${words.slice(0, 57).trimEnd()}…` : words;
  return `Rewrites of statement ${index + 1}: ${short}`;
}

/**
 * The board: each statement with the rewrites shared for it, statements in the order they were
 * launched and then any others (statements held in pairs), entries in the order they came.
 */
export function boardColumns(x: ReframeExercise): { statementId: string; text?: string; entries: BoardEntry[] }[] {
  const ids = [...x.statements.map((s) => s.statementId)];
  for (const e of x.entries) if (!ids.includes(e.statementId)) ids.push(e.statementId);
  return ids
    .map((statementId) => ({
      statementId,
      text: statementText(x, statementId),
      entries: x.entries.filter((e) => e.statementId === statementId),
    }))
    .filter((c) => c.entries.length || x.statements.some((s) => s.statementId === c.statementId) || x.examples[c.statementId]);
}

/** The shared board as plain text, for copying or keeping. */
export function boardText(x: ReframeExercise): string {
  const lines: string[] = ['What happened? — the shared board', ''];
  for (const column of boardColumns(x)) {
    lines.push(`“${column.text ?? 'A statement someone held'}”`);
    if (!column.entries.length) lines.push('  (nothing shared)');
    for (const e of column.entries) {
      const who = e.anonymous || !e.name ? '' : ` — ${e.name}`;
      lines.push(`  • ${e.text}${who}${e.highlighted ? ' (highlighted)' : ''}`);
    }
    const examples = x.examples[column.statementId];
    if (examples?.length) {
      lines.push('  Examples from the bank:');
      for (const ex of examples) lines.push(`    ◦ ${ex}`);
    }
    lines.push('');
  }
  return lines.join('\n').trimEnd() + '\n';
}
