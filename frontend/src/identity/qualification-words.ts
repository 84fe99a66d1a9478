import type { Qualification, QualificationKind } from './types';
import { formatInstantDate } from '../shared/format';

/** Every kind of qualification, in the order people gain them. */
export const QUALIFICATION_KINDS: QualificationKind[] = ['CORE', 'TRAIN_THE_TRAINER'];

const KIND_WORDS: Record<QualificationKind, string> = {
  CORE: 'Completed Core',
  TRAIN_THE_TRAINER: 'Completed Train-the-Trainer (leads Core)',
};

/** "Completed Core" / "Completed Train-the-Trainer (leads Core)"; an unknown kind as it came. */
export function qualificationWords(kind: QualificationKind | string): string {
  return KIND_WORDS[kind as QualificationKind] ?? kind;
}

/** How it came to be recorded, and when: "recorded 4 Jan 2027" or "completed here, 4 Jan 2027". */
export function recordedWords(q: Pick<Qualification, 'source' | 'recordedAt'>, locale = 'en-GB', timeZone?: string): string {
  const when = formatInstantDate(q.recordedAt, locale, timeZone);
  return q.source === 'completed_here' ? `completed here, ${when}` : `recorded ${when}`;
}
