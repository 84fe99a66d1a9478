/**
 * A group's "we would like a facilitator", for the console: which groups are waiting (their
 * signal is on and no facilitator has gone to them yet), and the tab's title while they wait.
 */
import type { RoomState } from './room-state';

export interface HelpSignal {
  groupId: string;
  /** the group's name, e.g. "Group 2" */
  name: string;
}

/** Groups whose signal is on and whom no facilitator is listening to: a facilitator going to them is the answer. */
export function waitingForHelp(state: Pick<RoomState, 'roleplay' | 'ended'> | undefined): HelpSignal[] {
  const r = state?.roleplay;
  if (!r || r.phase === 'ended' || state?.ended) return [];
  const heard = new Set(r.listening.map((l) => l.groupId));
  return Object.values(r.views)
    .filter((v) => v.help && !heard.has(v.groupId))
    .map((v) => ({ groupId: v.groupId, name: r.groups.find((g) => g.groupId === v.groupId)?.name ?? 'A group' }));
}

/** The tab's title: the count of groups waiting first, so it shows in a tab strip. */
export function titleWithHelp(base: string, waiting: number): string {
  return waiting > 0
    ? `(${waiting}) ${waiting === 1 ? 'A group would like a facilitator' : 'Groups would like a facilitator'} · ${base}`
    : base;
}

/** The words of the toast. */
export function helpWords(signals: HelpSignal[]): string {
  if (!signals.length) return '';
  if (signals.length === 1) return `${signals[0].name} would like a facilitator.`;
  const names = signals.map((s) => s.name);
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} would like a facilitator.`;
}

/** The names of groups whose signal is new since `before`: these chime (when the chime is on). */
export function newlyWaiting(before: HelpSignal[], now: HelpSignal[]): HelpSignal[] {
  const was = new Set(before.map((s) => s.groupId));
  return now.filter((s) => !was.has(s.groupId));
}
