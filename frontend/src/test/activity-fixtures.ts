/**
 * Test support (not a test itself): role-play and reframing events shaped as
 * docs/protocol/activities.md describes them.
 */
import type { EventDataMap, RoleAssignment, RoleplayGroupLayout, RoleplayPerson, RoleplayRole } from '../live/protocol';
import { event } from './fake-socket';

export const RP = 'rp1';
export const EX = 'x1';

export const cam = { id: 'p-cam', name: 'Cam' };

export const member = (participantId: string, name: string, facilitator = false) => ({ participantId, name, facilitator });

export const launched = (seq: number, over: Partial<EventDataMap['roleplay.launched']> = {}) =>
  event(seq, 'roleplay.launched', {
    roleplayId: RP,
    title: 'Awake at three',
    groupSize: 3,
    grouping: 'auto',
    oddRule: 'extra-observer',
    rounds: 3,
    minutes: 10,
    scenarioCount: 2,
    ...over,
  });

export const grouped = (seq: number, groups: RoleplayGroupLayout[], unassigned: RoleplayPerson[] = [], final = false) =>
  event(seq, 'roleplay.grouped', { roleplayId: RP, groups, unassigned, final });

/** Group g1 with Ana, Ben and Cam; group g2 with Dee and Eli. */
export const twoGroups = (): RoleplayGroupLayout[] => [
  { groupId: 'g1', name: 'Group 1', members: [member('p-ana', 'Ana'), member('p-ben', 'Ben'), member('p-cam', 'Cam')] },
  { groupId: 'g2', name: 'Group 2', members: [member('p-dee', 'Dee'), member('p-eli', 'Eli')] },
];

export const roundStarted = (seq: number, round: number, endsAt: string, warnAt: string, rounds = 3) =>
  event(seq, 'roleplay.round-started', { roleplayId: RP, round, rounds, endsAt, warnAt });

export const roles = (seq: number, groupId: string, round: number, list: [string, string, RoleplayRole][]) =>
  event(seq, 'roleplay.roles', {
    roleplayId: RP,
    groupId,
    round,
    roles: list.map(([participantId, name, role]): RoleAssignment => ({ participantId, name, role })),
  });

export const offered = (
  seq: number,
  groupId: string,
  round: number,
  scenarioId: string,
  title: string,
  contentNote: string | null,
) => event(seq, 'roleplay.scenario-offered', { roleplayId: RP, groupId, round, scenarioId, title, contentNote });

export const opened = (seq: number, groupId: string, round: number, scenarioId: string, title: string, shared: string) =>
  event(seq, 'roleplay.scenario-opened', { roleplayId: RP, groupId, round, scenarioId, title, shared });

export const card = (seq: number, groupId: string, round: number, scenarioId: string, role: RoleplayRole, text: string) =>
  event(seq, 'roleplay.card', { roleplayId: RP, groupId, round, scenarioId, role, card: text });

export const reframeLaunched = (seq: number, over: Partial<EventDataMap['reframe.launched']> = {}) =>
  event(seq, 'reframe.launched', {
    exerciseId: EX,
    mode: 'solo',
    statements: [
      { statementId: 's1', text: 'She is non-compliant with her meds.', pattern: 'labelling', hasExamples: true },
      { statementId: 's2', text: 'He is attention-seeking again.', pattern: 'motive', hasExamples: false },
    ],
    ...over,
  });

export const reframeShared = (seq: number, data: Omit<EventDataMap['reframe.shared'], 'exerciseId'>) =>
  event(seq, 'reframe.shared', { exerciseId: EX, ...data });

/** A small lexicon for the lens. */
export const lexicon = [
  {
    term: 'non-compliant',
    variants: ['noncompliant'],
    category: 'clinical',
    why: 'It names a person by whether they obey.',
    alternatives: ['chose not to take', 'has concerns about'],
  },
  {
    term: 'attention-seeking',
    variants: [],
    category: 'judgement',
    why: 'It guesses a motive and dismisses a need.',
    alternatives: ['reaching out', 'looking for connection'],
  },
];
