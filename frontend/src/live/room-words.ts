/** The live room's words: how answers will be seen, energy levels, countdowns, problems. */
import type { ConnectionStatus } from './room-connection';
import { RoomCommandError } from './room-connection';
import type { CheckinMode, EnergyLevel, OddRule, RoleplayGrouping, ShareAs, Visibility } from './protocol';
import type { Answer, RoomState } from './room-state';

export const ENERGY_LEVELS: readonly EnergyLevel[] = [1, 2, 3, 4, 5];

const ENERGY_WORDS: Record<EnergyLevel, string> = {
  1: 'Very low',
  2: 'Low',
  3: 'In the middle',
  4: 'Good',
  5: 'High',
};

/** Energy as words, never as a number to compare. */
export function energyWords(level: EnergyLevel | number | undefined): string {
  return ENERGY_WORDS[level as EnergyLevel] ?? '';
}

/** What a participant reads before answering: who will see it, and how. */
export function visibilitySentence(visibility: Visibility): string {
  switch (visibility) {
    case 'everyone':
      return 'Everyone in the room will see your answer with your name.';
    case 'facilitators':
      return 'Only the facilitators will see your answer.';
    case 'anonymous':
      return 'Everyone will see your answer, without your name.';
  }
}

/** How a facilitator names a visibility. */
export function visibilityWords(visibility: Visibility): string {
  switch (visibility) {
    case 'everyone':
      return 'Everyone, with names';
    case 'facilitators':
      return 'Facilitators only';
    case 'anonymous':
      return 'Everyone, without names';
  }
}

export function visibilityHint(visibility: Visibility): string {
  switch (visibility) {
    case 'everyone':
      return 'Everyone in the room sees each answer and who gave it.';
    case 'facilitators':
      return 'Only you and the other facilitators see the answers; each person sees their own.';
    case 'anonymous':
      return 'Everyone sees the answers; nobody, facilitators included, sees who gave which.';
  }
}

export function modeWords(mode: CheckinMode): string {
  return mode === 'round' ? 'Spoken round' : 'Open';
}

export function checkinWord(closing: boolean, capital = true): string {
  const word = closing ? 'check-out' : 'check-in';
  return capital ? word[0].toUpperCase() + word.slice(1) : word;
}

/** "4:59", "0:07", "1:04:59" */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "about 5 minutes", "less than a minute" — for screen readers and summaries. */
export function minutesWords(totalSeconds: number): string {
  const minutes = Math.round(totalSeconds / 60);
  if (totalSeconds > 0 && minutes === 0) return 'less than a minute';
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/** One answer in words: "curious — I slept well · energy: Good". */
export function answerParts(a: Pick<Answer, 'word' | 'sentence' | 'energy'>): {
  word?: string;
  sentence?: string;
  energy?: string;
} {
  return {
    word: a.word?.trim() || undefined,
    sentence: a.sentence?.trim() || undefined,
    energy: a.energy ? energyWords(a.energy) : undefined,
  };
}

/**
 * Anonymous answers in an order that does not follow when they arrived, so nobody can match
 * them to who responded when.
 */
export function unlinkedOrder(answers: Answer[]): Answer[] {
  const key = (a: Answer) => `${(a.word ?? '').toLowerCase()}\u0000${(a.sentence ?? '').toLowerCase()}\u0000${a.energy ?? 0}`;
  return [...answers].sort((x, y) => key(x).localeCompare(key(y)));
}

/** Groups a room code the way it is read aloud: "KMR 7TX". */
export function groupedCode(code: string): string {
  const c = code.replace(/\s+/g, '').toUpperCase();
  return c.length === 6 ? `${c.slice(0, 3)} ${c.slice(3)}` : c;
}

/** What a refused command means, in words for the person who tried. */
export function commandProblem(e: unknown): string {
  if (!(e instanceof RoomCommandError)) return 'That did not work. Please try again.';
  switch (e.code) {
    case 'rate-limited':
      return 'That was a lot at once. Wait a few seconds, then try again.';
    case 'not-allowed':
      return e.message || 'Only the facilitators of this training can do that.';
    case 'conflict':
      return e.message || 'Something changed in the room just now. Have a look, then try again.';
    case 'not-found':
      return e.message || 'That is no longer in the room.';
    case 'too-large':
      return 'That is longer than the room can take. Try something shorter.';
    case 'removed':
      return 'A facilitator has asked you to step out of the room for now.';
    case 'room-closed':
      return 'The room has closed for today.';
    default:
      return e.message || 'That did not work. Please try again.';
  }
}

/** The connection in words, for the status line; undefined when all is well. */
export function connectionWords(status: ConnectionStatus): string | undefined {
  switch (status) {
    case 'connecting':
      return 'Connecting to the room…';
    case 'reconnecting':
      return 'Reconnecting, your text is kept.';
    default:
      return undefined;
  }
}

/** The words for a connection the browser says is offline. */
export const OFFLINE_WORDS = "You're offline. Reconnecting, your text is kept.";

/** "Room 54U G5X · Mutuality": a room page's title. */
export function roomTitle(code: string): string {
  return `Room ${groupedCode(code)} · Mutuality`;
}

/**
 * What "Now" says about the activity running, if any: a role-play (which round, or its
 * debrief) or reframing. Undefined when neither runs.
 */
export function activityNow(state: Pick<RoomState, 'roleplay' | 'reframe'> | undefined): string | undefined {
  const r = state?.roleplay;
  if (r && r.phase !== 'ended') {
    const title = r.title ? `: ${r.title}` : '';
    switch (r.phase) {
      case 'forming':
        return `A role-play is starting${title}. The groups are forming.`;
      case 'rounds':
        return `A role-play is running${title}. Round ${r.round} of ${r.rounds}.`;
      case 'group-debrief':
        return `A role-play${title}: each group is talking it over.`;
      case 'room-debrief':
        return `A role-play${title}: we are talking it over together.`;
    }
  }
  const x = state?.reframe;
  if (x && x.phase !== 'closed') {
    return x.phase === 'writing' ? 'Reframing is running: “What happened?”' : 'Reframing: the shared board is open.';
  }
  return undefined;
}

/** A room's heading: "Core training, day 2", or just the title for a practice room (no day). */
export function roomHeading(title: string, dayNumber: number | null | undefined): string {
  return dayNumber ? `${title}, day ${dayNumber}` : title;
}

/* ---- role-plays and reframing ---- */

/** How the groups come together, in words for a facilitator choosing. */
export function groupingWords(grouping: RoleplayGrouping): string {
  switch (grouping) {
    case 'auto':
      return 'The room forms groups';
    case 'manual':
      return 'I arrange the groups';
    case 'choice':
      return 'People choose a group';
  }
}

export function groupingHint(grouping: RoleplayGrouping): string {
  switch (grouping) {
    case 'auto':
      return 'Everyone here is placed in a group as they are; you can still move people before you start.';
    case 'manual':
      return 'You move people into groups yourself, by dragging or with each person’s group list.';
    case 'choice':
      return 'Each participant picks a group on their own device; a group holds at most one more than its size.';
  }
}

export function oddRuleWords(rule: OddRule): string {
  return rule === 'extra-observer' ? 'Extra observer' : 'A facilitator joins';
}

export function oddRuleHint(rule: OddRule): string {
  return rule === 'extra-observer'
    ? 'When the room does not divide evenly, a group takes one more observer.'
    : 'When the room does not divide evenly, a facilitator joins a group to make it up.';
}

/** What a participant is told while groups form. */
export function formingSentence(grouping: RoleplayGrouping, groupSize: number): string {
  switch (grouping) {
    case 'auto':
      return `Groups of about ${groupSize} are forming. You'll see yours here.`;
    case 'manual':
      return 'The facilitators are putting the groups together. You’ll see yours here.';
    case 'choice':
      return `Choose a group to join. Each has room for ${groupSize + 1}.`;
  }
}

export function shareAsWords(as: ShareAs): string {
  switch (as) {
    case 'named':
      return 'Share with my name';
    case 'anonymous':
      return 'Share without my name';
    case 'none':
      return 'Keep it to myself';
  }
}
