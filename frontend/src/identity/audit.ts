import type { AuditEntry } from './types';

type Phrase = (actor: string, target: string) => string;

const someone = (target: string) => target || 'someone';

/**
 * Readable sentences for the action codes the audit log uses. Codes are compared without
 * case or punctuation, so "member.role-changed" and "member.roleChanged" read the same.
 */
const PHRASES: Record<string, Phrase> = {
  memberinvited: (a, t) => `${a} invited ${someone(t)}`,
  invitationcreated: (a, t) => `${a} invited ${someone(t)}`,
  invitationwithdrawn: (a, t) => `${a} withdrew the invitation to ${someone(t)}`,
  invitationrevoked: (a, t) => `${a} withdrew the invitation to ${someone(t)}`,
  invitationaccepted: (a, t) => (t ? `${a} accepted the invitation sent to ${t}` : `${a} accepted an invitation`),
  memberjoined: (a) => `${a} joined the organisation`,
  memberrolechanged: (a, t) => `${a} changed the role of ${someone(t)}`,
  rolechanged: (a, t) => `${a} changed the role of ${someone(t)}`,
  memberremoved: (a, t) => `${a} removed ${someone(t)} from the organisation`,
  memberleft: (a) => `${a} left the organisation`,
  passwordchanged: (a) => `${a} changed their password`,
  accountpasswordchanged: (a) => `${a} changed their password`,
  sessionsignedin: (a) => `${a} signed in`,
  cohortplanned: (a, t) => `${a} planned the cohort ${t}`.trim(),
  cohortcreated: (a, t) => `${a} planned the cohort ${t}`.trim(),
  qualificationrecorded: (a, t) => `${a} recorded a completed ${qualificationName(t)}`,
};

/** "core" → "Core", "train_the_trainer" → "Train-the-Trainer", as the audit log names them. */
function qualificationName(target: string): string {
  const key = target.toLowerCase().replace(/[^a-z]/g, '');
  if (key === 'core') return 'Core';
  if (key === 'trainthetrainer') return 'Train-the-Trainer';
  return target || 'qualification';
}

const key = (action: string) => action.toLowerCase().replace(/[^a-z]/g, '');

export interface AuditLine {
  sentence: string;
  /** false when the code was not recognised and the sentence carries it as it came */
  known: boolean;
}

/** One audit entry as a sentence a person can read; an unknown code is shown as it came. */
export function describeAudit(entry: AuditEntry): AuditLine {
  const actor = entry.actorName || 'Someone';
  const target = entry.target ?? '';
  const phrase = PHRASES[key(entry.action)];
  if (phrase) return { sentence: phrase(actor, target), known: true };
  return { sentence: `${actor}: ${entry.action}${target ? ` (${target})` : ''}`, known: false };
}

/** Newest first, whatever order the entries came in. */
export function newestFirst(entries: AuditEntry[]): AuditEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
