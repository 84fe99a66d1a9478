/** The console feature's part of the JSON the REST API reads and writes (see /q/openapi). */

/** One participant's attendance on a training day, from the room's joins and leaves (staff). */
export interface AttendanceRow {
  participantId: string;
  name: string;
  /** ISO instant, or null when they never joined */
  firstJoined: string | null;
  /** ISO instant, or null when they have not left */
  lastLeft: string | null;
  minutesPresent: number;
  present: boolean;
  /** true when a facilitator has corrected the record */
  corrected: boolean;
  note: string | null;
  /** true when they were still here when the day ended: the end of the day closed their attendance */
  leftAtEnd?: boolean;
}

/**
 * Where a training day's room stands (GET …/day-rooms): live, with how many participants are in
 * it now, or ended. A day whose room was never opened is not listed.
 */
export interface DayRoomStatus {
  cohortId: string;
  dayNumber: number;
  code: string;
  status: 'live' | 'ended';
  here: number;
  /** ISO instant */
  closesAt: string;
}

/** A facilitator's correction to one participant's attendance (PUT …/attendance/{participantId}). */
export interface AttendanceCorrection {
  present: boolean;
  minutes?: number;
  note?: string;
}

/** One answer shared with the whole room; anonymous ones carry no name. */
export interface SharedAnswer {
  name?: string | null;
  word?: string | null;
  sentence?: string | null;
  energy?: number | null;
}

export interface SummaryCheckin {
  prompt: string;
  closing: boolean;
  visibility: 'everyone' | 'facilitators' | 'anonymous';
  at: string;
  /** how many answered */
  answers?: number | null;
  /** how many chose each energy level, keyed "1".."5" */
  energy?: Record<string, number> | null;
  sharedAnswers: SharedAnswer[];
}

/** What the whole room saw on a training day (GET …/days/{n}/room/summary, staff). */
export interface DaySummary {
  code: string;
  cohortTitle: string;
  dayNumber: number;
  participants: number;
  agenda: { slot: number; title: string; startedAt: string; minutesSpent?: number | null }[];
  checkins: SummaryCheckin[];
  notes: { text: string; by: string; at: string }[];
  /** the "what happened?" exercises and the rewrites shared with the room (absent from older servers) */
  reframing?: SummaryReframe[];
  /** the role-plays and what each group agreed to share with the room (absent from older servers) */
  roleplays?: SummaryRoleplay[];
}

/** A rewrite shared with the room; one shared without a name carries none. */
export interface SummaryRewrite {
  text: string;
  name?: string | null;
  /** a facilitator brought it up for the room to discuss */
  highlighted: boolean;
}

/** One statement of a reframing exercise with its shared rewrites. */
export interface SummaryReframeStatement {
  /** null for rewrites of statements people wrote themselves in pairs: those statements stayed in the pair */
  statement: string | null;
  rewrites: SummaryRewrite[];
  /** example rewrites from the bank that were shown to the room */
  examples?: string[] | null;
}

/** One "what happened?" exercise as the room saw it. */
export interface SummaryReframe {
  at: string;
  mode: 'solo' | 'pairs';
  statements: SummaryReframeStatement[];
}

/** One role-play with what each group agreed to share with the room. */
export interface SummaryRoleplay {
  title: string;
  at: string;
  rounds: number;
  shared: { group: string; text: string }[];
}
