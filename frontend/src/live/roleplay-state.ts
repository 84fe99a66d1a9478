/**
 * A role-play as one person sees it: the part of the room's fold that `roleplay.*` events
 * change (docs/protocol/activities.md). Pure functions; every one returns a new value and
 * never changes the one it was given.
 */
import type {
  EventDataMap,
  NoteTask,
  OddRule,
  RoleAssignment,
  RoleplayDebriefPhase,
  RoleplayGroupLayout,
  RoleplayGrouping,
  RoleplayPerson,
  RoleplayRole,
} from './protocol';

export type RoleplayPhase = 'forming' | 'rounds' | RoleplayDebriefPhase | 'ended';

/** The scenario offered to a group this round: its note first, then (once opened) its shared part. */
export interface GroupScenario {
  round: number;
  scenarioId: string;
  title: string;
  /** null when the scenario has none */
  contentNote: string | null;
  opened: boolean;
  /** what everyone in the group reads, once opened */
  shared?: string;
}

/** What I know of one group beyond its members: this round's roles, its scenario, its quiet signal. */
export interface GroupView {
  groupId: string;
  /** the round the roles are for (0 before any) */
  round: number;
  roles: RoleAssignment[];
  scenario?: GroupScenario;
  /** "we would like a facilitator" */
  help: boolean;
}

/** My own role card: nobody else's ever reaches me. */
export interface RoleCard {
  groupId: string;
  round: number;
  scenarioId: string;
  role: RoleplayRole;
  card: string;
}

/** An observer's note, as its author or a person it is about sees it. */
export interface RoleplayNote {
  noteId: string;
  groupId: string;
  round: number;
  task: NoteTask;
  moment: string;
  /** the author's name */
  by: string;
  byId: string;
  about: RoleplayPerson[];
  /** who of the people it is about have agreed that facilitators may read it */
  consented: string[];
  /** I wrote it */
  byMe: boolean;
  /** it is about me */
  aboutMe: boolean;
  /** ISO instant */
  at: string;
}

/** A note everyone it is about agreed the facilitators may read (facilitators only). */
export interface FacilitatorNote {
  noteId: string;
  groupId: string;
  round: number;
  task: NoteTask;
  moment: string;
  by: string;
  about: RoleplayPerson[];
  at: string;
}

/** Something a group might share with the room (the group only). Who declined is never known. */
export interface Proposal {
  proposalId: string;
  groupId: string;
  text: string;
  /** the proposer's name */
  by: string;
  /** who has agreed */
  agreed: string[];
  /** someone would rather not: it stays in the group */
  declined: boolean;
  /** everyone agreed: it goes to the room at the room debrief */
  ready: boolean;
  /** it has been shared with the room */
  shared: boolean;
  at: string;
}

/** What a group shared with the room. */
export interface RoomShare {
  proposalId: string;
  groupId: string;
  groupName: string;
  text: string;
  at: string;
}

/** A facilitator listening in on a group. */
export interface Listening {
  facilitatorId: string;
  name: string;
  groupId: string;
}

export interface Roleplay {
  id: string;
  title: string;
  groupSize: number;
  grouping: RoleplayGrouping;
  oddRule: OddRule;
  rounds: number;
  /** minutes a round */
  minutes: number;
  scenarioCount: number;
  phase: RoleplayPhase;
  groups: RoleplayGroupLayout[];
  unassigned: RoleplayPerson[];
  /** the layout is final: rounds have begun */
  final: boolean;
  /** the round under way (0 while forming) */
  round: number;
  /** ISO instants of the round's clock */
  endsAt?: string;
  warnAt?: string;
  /** the server said the round is nearly over */
  warned: boolean;
  /** the server said the round's time is up */
  timeUp: boolean;
  /** per group I may see (my own; every group for facilitators) */
  views: Record<string, GroupView>;
  card?: RoleCard;
  /** notes given by me or about me */
  notes: RoleplayNote[];
  /** facilitators: notes the people observed agreed to share */
  facilitatorNotes: FacilitatorNote[];
  listening: Listening[];
  /** my group's proposals (never the facilitators') */
  proposals: Proposal[];
  /** what groups shared with the room */
  shares: RoomShare[];
  launchedAt: string;
  endedAt?: string;
}

type RoleplayEventKind = Extract<keyof EventDataMap, `roleplay.${string}`>;

/** A role-play event as the fold reads it. */
export type RoleplayEvent = {
  [K in RoleplayEventKind]: { kind: K; data: EventDataMap[K]; at: string };
}[RoleplayEventKind];

export function isRoleplayEvent(e: { kind: string }): e is RoleplayEvent {
  return e.kind.startsWith('roleplay.');
}

const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? value : fallback;

const people = (list: unknown): RoleplayPerson[] =>
  Array.isArray(list)
    ? list
        .map((p) =>
          typeof p === 'string'
            ? { participantId: '', name: p }
            : p && typeof p === 'object'
              ? {
                  participantId: String((p as RoleplayPerson).participantId ?? ''),
                  name: String((p as RoleplayPerson).name ?? ''),
                }
              : undefined,
        )
        .filter((p): p is RoleplayPerson => !!p)
    : [];

function view(r: Roleplay, groupId: string): GroupView {
  return r.views[groupId] ?? { groupId, round: 0, roles: [], help: false };
}

function withView(r: Roleplay, groupId: string, change: (v: GroupView) => GroupView): Roleplay {
  return { ...r, views: { ...r.views, [groupId]: change(view(r, groupId)) } };
}

function onProposal(r: Roleplay, proposalId: string, change: (p: Proposal) => Proposal): Roleplay {
  if (!r.proposals.some((p) => p.proposalId === proposalId)) return r;
  return { ...r, proposals: r.proposals.map((p) => (p.proposalId === proposalId ? change(p) : p)) };
}

/** The role-play after one of its events; `meId` is who I am. */
export function foldRoleplay(
  current: Roleplay | undefined,
  event: RoleplayEvent,
  meId: string | undefined,
): Roleplay | undefined {
  const at = event.at;
  if (event.kind === 'roleplay.launched') {
    const d = event.data;
    if (current && current.id === d.roleplayId) return current;
    return {
      id: d.roleplayId,
      title: d.title ?? '',
      groupSize: num(d.groupSize, 3),
      grouping: d.grouping,
      oddRule: d.oddRule,
      rounds: num(d.rounds, num(d.groupSize, 3)),
      minutes: num(d.minutes, 10),
      scenarioCount: num(d.scenarioCount, 0),
      phase: 'forming',
      groups: [],
      unassigned: [],
      final: false,
      round: 0,
      warned: false,
      timeUp: false,
      views: {},
      notes: [],
      facilitatorNotes: [],
      listening: [],
      proposals: [],
      shares: [],
      launchedAt: at,
    };
  }
  // everything else belongs to the role-play under way; anything about another is stale
  const r = current;
  if (!r || r.id !== event.data.roleplayId) return current;
  switch (event.kind) {
    case 'roleplay.prepared':
      return r;
    case 'roleplay.grouped': {
      const d = event.data;
      const groups: RoleplayGroupLayout[] = (Array.isArray(d.groups) ? d.groups : []).map((g) => ({
        groupId: g.groupId,
        name: g.name,
        members: (Array.isArray(g.members) ? g.members : []).map((m) => ({
          participantId: m.participantId,
          name: m.name,
          facilitator: !!m.facilitator,
        })),
      }));
      return { ...r, groups, unassigned: people(d.unassigned), final: !!d.final };
    }
    case 'roleplay.round-started': {
      const d = event.data;
      return {
        ...r,
        phase: 'rounds',
        round: num(d.round, r.round + 1),
        rounds: num(d.rounds, r.rounds),
        endsAt: d.endsAt,
        warnAt: d.warnAt,
        warned: false,
        timeUp: false,
      };
    }
    case 'roleplay.clock': {
      const d = event.data;
      if (num(d.round, r.round) !== r.round) return r;
      // more time: the warning and the end are ahead again
      return { ...r, endsAt: d.endsAt, warnAt: d.warnAt, warned: false, timeUp: false };
    }
    case 'roleplay.time-warning':
      return num(event.data.round, r.round) === r.round ? { ...r, warned: true, endsAt: event.data.endsAt ?? r.endsAt } : r;
    case 'roleplay.time-up':
      return num(event.data.round, r.round) === r.round ? { ...r, warned: true, timeUp: true } : r;
    case 'roleplay.roles': {
      const d = event.data;
      const roles = (Array.isArray(d.roles) ? d.roles : []).map((x) => ({
        participantId: x.participantId,
        name: x.name,
        role: x.role,
      }));
      return withView(r, d.groupId, (v) => ({ ...v, round: num(d.round, r.round), roles }));
    }
    case 'roleplay.scenario-offered': {
      const d = event.data;
      const next = withView(r, d.groupId, (v) => ({
        ...v,
        scenario: {
          round: num(d.round, r.round),
          scenarioId: d.scenarioId,
          title: d.title,
          contentNote: d.contentNote ?? null,
          opened: false,
        },
      }));
      // a card for another scenario (or round) no longer belongs to what my group is offered
      const card = r.card;
      if (card && card.groupId === d.groupId && (card.scenarioId !== d.scenarioId || card.round !== num(d.round, r.round))) {
        return { ...next, card: undefined };
      }
      return next;
    }
    case 'roleplay.scenario-opened': {
      const d = event.data;
      return withView(r, d.groupId, (v) => {
        const round = num(d.round, r.round);
        const offered =
          v.scenario && v.scenario.scenarioId === d.scenarioId && v.scenario.round === round ? v.scenario : undefined;
        return {
          ...v,
          scenario: {
            round,
            scenarioId: d.scenarioId,
            title: d.title ?? offered?.title ?? '',
            contentNote: offered?.contentNote ?? null,
            opened: true,
            shared: d.shared,
          },
        };
      });
    }
    case 'roleplay.card': {
      const d = event.data;
      return {
        ...r,
        card: { groupId: d.groupId, round: num(d.round, r.round), scenarioId: d.scenarioId, role: d.role, card: d.card },
      };
    }
    case 'roleplay.note-given': {
      const d = event.data;
      const about = people(d.about);
      const existing = r.notes.find((n) => n.noteId === d.noteId);
      const note: RoleplayNote = {
        noteId: d.noteId,
        groupId: d.groupId,
        round: num(d.round, r.round),
        task: d.task,
        moment: d.moment,
        by: d.by,
        byId: d.byId,
        about,
        consented: existing?.consented ?? [],
        byMe: !!meId && d.byId === meId,
        aboutMe: !!meId && about.some((p) => p.participantId === meId),
        at: existing?.at ?? at,
      };
      return {
        ...r,
        notes: existing ? r.notes.map((n) => (n.noteId === d.noteId ? note : n)) : [...r.notes, note],
      };
    }
    case 'roleplay.note-consented': {
      const d = event.data;
      return {
        ...r,
        notes: r.notes.map((n) =>
          n.noteId === d.noteId && !n.consented.includes(d.participantId)
            ? { ...n, consented: [...n.consented, d.participantId] }
            : n,
        ),
      };
    }
    case 'roleplay.note-for-facilitators': {
      const d = event.data;
      if (r.facilitatorNotes.some((n) => n.noteId === d.noteId)) return r;
      const note: FacilitatorNote = {
        noteId: d.noteId,
        groupId: d.groupId,
        round: num(d.round, r.round),
        task: d.task,
        moment: d.moment,
        by: d.by,
        about: people(d.about),
        at,
      };
      return { ...r, facilitatorNotes: [...r.facilitatorNotes, note] };
    }
    case 'roleplay.help':
      return withView(r, event.data.groupId, (v) => ({ ...v, help: !!event.data.on }));
    case 'roleplay.listening': {
      const d = event.data;
      const others = r.listening.filter((l) => l.facilitatorId !== d.facilitatorId);
      return {
        ...r,
        listening: d.groupId ? [...others, { facilitatorId: d.facilitatorId, name: d.name, groupId: d.groupId }] : others,
      };
    }
    case 'roleplay.phase': {
      const phase = event.data.phase;
      return phase === 'group-debrief' || phase === 'room-debrief' ? { ...r, phase } : r;
    }
    case 'roleplay.share-proposed': {
      const d = event.data;
      if (r.proposals.some((p) => p.proposalId === d.proposalId)) return r;
      const proposal: Proposal = {
        proposalId: d.proposalId,
        groupId: d.groupId,
        text: d.text,
        by: d.by,
        agreed: [],
        declined: false,
        ready: false,
        shared: false,
        at,
      };
      return { ...r, proposals: [...r.proposals, proposal] };
    }
    case 'roleplay.share-agreed': {
      const d = event.data;
      return onProposal(r, d.proposalId, (p) =>
        p.agreed.includes(d.participantId) ? p : { ...p, agreed: [...p.agreed, d.participantId] },
      );
    }
    case 'roleplay.share-declined':
      return onProposal(r, event.data.proposalId, (p) => ({ ...p, declined: true, ready: false }));
    case 'roleplay.share-ready':
      return onProposal(r, event.data.proposalId, (p) => ({ ...p, ready: true }));
    case 'roleplay.shared': {
      const d = event.data;
      if (r.shares.some((s) => s.proposalId === d.proposalId)) return r;
      const share: RoomShare = { proposalId: d.proposalId, groupId: d.groupId, groupName: d.groupName, text: d.text, at };
      return onProposal({ ...r, shares: [...r.shares, share] }, d.proposalId, (p) => ({ ...p, shared: true }));
    }
    case 'roleplay.ended':
      return { ...r, phase: 'ended', endedAt: at, listening: [] };
    default:
      return r;
  }
}

/* ---- questions the views ask ---- */

/** The group I am in, if any. */
export function myGroup(r: Roleplay | undefined, meId: string | undefined): RoleplayGroupLayout | undefined {
  if (!r || !meId) return undefined;
  return r.groups.find((g) => g.members.some((m) => m.participantId === meId));
}

/** My role this round, if roles have been given for it. */
export function myRole(r: Roleplay | undefined, meId: string | undefined): RoleplayRole | undefined {
  const group = myGroup(r, meId);
  if (!r || !group) return undefined;
  const v = r.views[group.groupId];
  if (!v || v.round !== r.round) return undefined;
  return v.roles.find((x) => x.participantId === meId)?.role;
}

/** A group's scenario for the round under way, if it has one. */
export function currentScenario(r: Roleplay, groupId: string): GroupScenario | undefined {
  const s = r.views[groupId]?.scenario;
  return s && s.round === r.round ? s : undefined;
}

/** This round's roles in a group (empty until they are given). */
export function currentRoles(r: Roleplay, groupId: string): RoleAssignment[] {
  const v = r.views[groupId];
  return v && v.round === r.round ? v.roles : [];
}

/**
 * My card, when it belongs to what my group has open this round: a card from an earlier round
 * or for a scenario swapped away is never shown.
 */
export function myCard(r: Roleplay | undefined, meId: string | undefined): RoleCard | undefined {
  const card = r?.card;
  const group = myGroup(r, meId);
  if (!r || !card || !group || card.groupId !== group.groupId || card.round !== r.round) return undefined;
  const scenario = currentScenario(r, group.groupId);
  return scenario && scenario.opened && scenario.scenarioId === card.scenarioId ? card : undefined;
}

/** Facilitators listening to a group. */
export function listenersOf(r: Roleplay, groupId: string): Listening[] {
  return r.listening.filter((l) => l.groupId === groupId);
}

/** The clock of the round under way: seconds left at `now` (ms), and whether to warn or say time. */
export function roundClock(r: Roleplay, now: number): { left: number; warning: boolean; done: boolean } | undefined {
  if (r.phase !== 'rounds' || !r.endsAt) return undefined;
  const ends = Date.parse(r.endsAt);
  const warnAt = r.warnAt ? Date.parse(r.warnAt) : NaN;
  const left = Number.isNaN(ends) ? 0 : Math.max(0, Math.ceil((ends - now) / 1000));
  const done = r.timeUp || left === 0;
  const warning = !done && (r.warned || (!Number.isNaN(warnAt) && now >= warnAt));
  return { left, warning, done };
}
