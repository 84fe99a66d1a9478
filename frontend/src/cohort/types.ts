import type { SupportContact } from '../live/protocol';
/** The cohort feature's part of the JSON the REST API reads and writes (see /q/openapi). */

import type { CourseSummary, CurriculumModule, Prompt, Scenario } from '../curricula/types';

export type CohortStatus = 'DRAFT' | 'OPEN' | 'FULL' | 'CLOSED' | 'RUNNING' | 'COMPLETED' | 'CANCELLED';

export interface TrainingDay {
  dayNumber: number;
  /** ISO date in the cohort's time zone, e.g. 2027-03-15 */
  date: string;
  /** local time, e.g. 09:30:00 */
  startsAt: string;
  endsAt: string;
}

export interface Trainer {
  accountId: string;
  displayName: string;
  lead: boolean;
}

export interface Cohort {
  id: string;
  organisationId: string;
  courseId: string;
  title: string;
  timeZone: string;
  capacity: number;
  status: CohortStatus;
  venue?: { name: string; address?: string };
  onlineLink?: string;
  registrationOpens?: string;
  registrationCloses?: string;
  days: TrainingDay[];
  trainers: Trainer[];
  /** where the cohort's curriculum comes from, pinned when it was planned */
  curriculumSource?: string;
  curriculumVersion?: string;
  /** what the course asks of its lead trainer; absent when any trainer of the organisation may lead */
  leadNeeds?: 'CORE' | 'TRAIN_THE_TRAINER';
  /** who participants can reach during and between the days */
  supportContact?: SupportContact | null;
  /** the group's working agreements, made on the first day */
  workingAgreements?: string[];
  /** a co-reflection session after the course, when one is planned */
  followUp?: FollowUp | null;
}

/** A co-reflection session a cohort meets for after the course. */
export interface FollowUp {
  /** ISO date */
  date: string;
  /** HH:mm[:ss] */
  startsAt: string;
  endsAt: string;
  /** a place or a link */
  place: string;
  note?: string | null;
}

export interface PlanCohortRequest {
  courseId: string;
  title: string;
  timeZone?: string;
  capacity: number;
  venue?: { name: string; address?: string };
  onlineLink?: string;
  registrationOpens?: string;
  registrationCloses?: string;
  days: PlanDay[];
  /** one of the organisation's variants of the course, instead of the course as published */
  variantId?: string;
}

/** One training day of a plan: an ISO date and local times "HH:MM". */
export interface PlanDay {
  date: string;
  startsAt: string;
  endsAt: string;
}

/** Books a member of the organisation onto a cohort, as its lead or as a co-trainer. */
export interface BookTrainerRequest {
  accountId: string;
  /** left out: a co-trainer */
  lead?: boolean;
}

/** A private calendar feed (.ics) that calendar apps subscribe to. */
export interface CalendarLink {
  url: string;
}

/** One slot of a day as a cohort runs it: a module in full (with facilitator notes) or a break. */
export interface PinnedSlot {
  at: string;
  minutes: number;
  kind: 'module' | 'break';
  title: string;
  module?: CurriculumModule | null;
}

export interface PinnedDay {
  number: number;
  title: string;
  starts: string;
  ends: string;
  agenda: PinnedSlot[];
}

/** The curriculum a cohort runs, as pinned when it was planned (GET …/cohorts/{id}/curriculum). */
export interface PinnedCurriculum {
  source: string;
  version: string;
  course: CourseSummary;
  variantName?: string | null;
  days: PinnedDay[];
  ownScenarios?: Scenario[];
  /** the organisation's own check-in and check-out prompts */
  ownPrompts?: Prompt[];
}

/* ---- Attendance, completion and certificates ---- */

/** What happens to someone who does not meet the organisation's rule. */
export type Otherwise = 'MAKE_UP' | 'REPEAT';

/** An organisation's completion rule for a course; `standard` until the organisation sets its own. */
export interface CompletionRule {
  courseId: string;
  mustAttendDays: number[];
  maxMinutesMissed: number;
  otherwise: Otherwise;
  standard: boolean;
}

/** Sets a completion rule (PUT /api/organisations/{org}/completion/rules/{courseId}, admins). */
export interface RuleRequest {
  mustAttendDays: number[];
  /** 0 to 3000 */
  maxMinutesMissed: number;
  otherwise: Otherwise;
}

/** Where a day's attendance came from. */
export type CellSource = 'room' | 'trainer' | 'not-held' | 'not-recorded';

/** One person on one training day: minutes missed (null while unknown) and where that came from. */
export interface DayCell {
  dayNumber: number;
  minutesMissed: number | null;
  source: CellSource;
  note: string | null;
}

/** A later cohort of the same course where missed days can be made up: its title and the dates of those days. */
export interface MakeUp {
  cohortId: string;
  title: string;
  /** day number → ISO date */
  days: Record<string, string>;
}

export type CompletionState = 'ON_TRACK' | 'COMPLETED' | 'MAKE_UP' | 'REPEAT';

/** One registered person's attendance and where they stand. */
export interface PersonRow {
  registrationId: string;
  name: string;
  email: string;
  days: DayCell[];
  state: CompletionState;
  minutesMissed: number;
  reason: string | null;
  daysToMakeUp: number[];
  makeUpIn: MakeUp[];
  /** the certificate code, e.g. IPS-ABCDE-23456, once issued */
  certificate: string | null;
  certificateRevoked: boolean;
}

/** A cohort's attendance and completion (GET …/cohorts/{id}/completion). */
export interface CompletionGrid {
  rule: CompletionRule;
  dayNumbers: number[];
  people: PersonRow[];
}

/** A trainer's mark for one person and day (PUT …/completion/{registrationId}/days/{dayNumber}). */
export interface MarkRequest {
  /** 0 to 1440 */
  minutesMissed: number;
  note?: string;
}

/** Whether a certificate code is genuine (GET /api/public/certificates/{code}), or what revoking one came to. */
export interface Verification {
  code: string;
  genuine: boolean;
  revoked: boolean;
  revokedReason: string | null;
  holderName: string;
  courseTitle: string;
  organisationName: string;
  /** ISO date */
  firstDay: string;
  /** ISO date */
  lastDay: string;
  /** the trainers' names, joined with commas */
  trainers: string;
}

/** Who participants can reach (PUT …/support-contact): a name, and a phone or an email or both. */
export interface SupportContactRequest {
  name: string;
  phone?: string;
  email?: string;
  note?: string;
}
