import type { SupportContact } from '../live/protocol';
import type { FollowUp } from '../cohort/types';
/** The registration feature's part of the JSON the REST API reads and writes (see /q/openapi). */

import type { TrainingDay } from '../cohort/types';

/* ---- Registration: seats in pools, waitlists, offers of freed seats ---- */

/** Where someone's registration stands; CONFIRMED and OFFERED hold a seat. */
export type RegistrationStatus = 'CONFIRMED' | 'WAITLISTED' | 'OFFERED' | 'EXPIRED' | 'DECLINED' | 'CANCELLED';

/** Whether a cohort's public page takes registrations now. */
export type RegistrationState = 'open' | 'waitlist' | 'not-yet' | 'closed';

/** A training day as the public pages show it. */
export type PublicDay = TrainingDay;

/** A pool of seats open to the public: how many are left and how many people wait for one. */
export interface PublicPool {
  code: string;
  name: string;
  seatsLeft: number;
  waiting: number;
}

/** An open cohort's public page (GET /api/public/cohorts/{id}): nothing private on it. */
export interface PublicCohort {
  id: string;
  organisationName: string;
  courseTitle: string;
  title: string;
  timeZone: string;
  days: PublicDay[];
  venueName?: string | null;
  venueAddress?: string | null;
  online: boolean;
  /** ISO date */
  registrationOpens?: string | null;
  /** ISO date */
  registrationCloses?: string | null;
  registration: RegistrationState;
  pools: PublicPool[];
  /** ids of courses to have done first */
  prerequisites: string[];
}

export interface RegisterRequest {
  name: string;
  email: string;
  pool?: string;
  accessNeeds?: string;
  dietaryNeeds?: string;
  /** for a course that builds on another: the code on the certificate of that course (optional when the same email completed it here) */
  certificateCode?: string;
}

/** The answer to an admin adding someone: a seat or a waitlist place, and the person's own link token (also emailed). */
/**
 * The public answer to registering: the same whatever happened (a seat, the waitlist, or an email already
 * registered), so it never tells who is registered. The email sent to the address says which.
 */
export interface RegistrationReceived {
  detail: string;
  /** false when the email with the person's place and link could not be sent: the page must not say it is on its way */
  emailSent: boolean;
}

export interface Registered {
  status: RegistrationStatus;
  /** 1 for the first person waiting in the pool; null unless waitlisted */
  waitlistPlace: number | null;
  manageToken: string;
  /** whether the mail server took the email telling them so */
  emailSent: boolean;
}

/** A registration as its own person sees it, by their emailed link. */
export interface MyRegistration {
  name: string;
  cohortTitle: string;
  poolName: string;
  status: RegistrationStatus;
  waitlistPlace: number | null;
  /** ISO instant; set while a seat is offered */
  offerExpiresAt: string | null;
  days: PublicDay[];
  timeZone: string;
  /** who to reach during and between the days, when the cohort names someone */
  supportContact?: SupportContact | null;
  /** the co-reflection session after the course, when one is planned */
  followUp?: FollowUp | null;
  /** the anonymous evaluation at the end of the course: not open yet, open, or answered */
  evaluation?: 'NOT_OPEN' | 'OPEN' | 'ANSWERED';
}

/** A registration as the organisation sees it on the roster. */
export interface RegistrationView {
  id: string;
  name: string;
  email: string;
  /** the pool's code */
  pool: string;
  status: RegistrationStatus;
  waitlistPlace: number | null;
  offerExpiresAt: string | null;
  accessNeeds: string | null;
  dietaryNeeds: string | null;
  /** ISO instant */
  registeredAt: string;
}

export interface PoolView {
  code: string;
  name: string;
  seats: number;
  openToPublic: boolean;
  /** seats held: confirmed or offered */
  taken: number;
  waiting: number;
}

/** A cohort's roster (GET …/cohorts/{id}/registrations). */
export interface Roster {
  offerHours: number;
  pools: PoolView[];
  confirmed: RegistrationView[];
  offered: RegistrationView[];
  /** in order */
  waitlist: RegistrationView[];
  ended: RegistrationView[];
}

export interface PoolRequest {
  code: string;
  name: string;
  seats: number;
  /** left out: open to the public */
  openToPublic?: boolean;
}

/** How the seats are shared out and how long an offered seat is held (PUT …/registrations/seating). */
export interface SeatingRequest {
  offerHours: number;
  pools: PoolRequest[];
}

/* ---- Importing and exporting a roster ---- */

/** A CSV file of people to register (POST …/registrations/import); `dryRun` only tries it. */
export interface ImportRequest {
  /** columns name,email,pool,accessNeeds,dietaryNeeds; the first line names them */
  csv: string;
  /** left out: a dry run, which checks and stores nothing */
  dryRun?: boolean;
}

export type ImportOutcome = 'confirmed' | 'waitlisted' | 'already-registered' | 'error';

/** What one line of the file comes (or would come) to. */
export interface ImportRow {
  /** the line number in the file */
  line: number;
  name: string | null;
  email: string | null;
  pool: string | null;
  outcome: ImportOutcome;
  problems: string[];
}

export interface ImportReport {
  dryRun: boolean;
  confirmed: number;
  waitlisted: number;
  alreadyRegistered: number;
  errors: number;
  rows: ImportRow[];
}

/* ---- Interest in a course in a place ---- */

/** What an organisation's public interest page offers (GET /api/public/organisations/{id}/interest). */
export interface InterestPage {
  organisationName: string;
  courses: { id: string; title: string }[];
}

export interface InterestRequest {
  courseId: string;
  place: string;
  name: string;
  email: string;
}

/** How many people asked for a course in a place, and how many of them have not been invited yet. */
export interface Demand {
  courseId: string;
  courseTitle: string;
  place: string;
  people: number;
  notYetInvited: number;
}

/** Invites everyone who asked for a course in a place to an open cohort (admins). */
export interface InviteInterestRequest {
  courseId: string;
  place: string;
  cohortId: string;
}

export interface Invited {
  invited: number;
}

/** Answers to the end-of-course evaluation: open questions, each optional; never a score. */
export interface EvaluationAnswers {
  helped?: string;
  gotInTheWay?: string;
  takeWithYou?: string;
  anythingElse?: string;
}

/** One anonymous answer to the evaluation, as the cohort's staff read it: the words only, any of them left out. */
export interface EvaluationAnswer {
  helped?: string | null;
  gotInTheWay?: string | null;
  takeWithYou?: string | null;
  anythingElse?: string | null;
}

/**
 * A cohort's evaluation for its staff (GET …/evaluations): whether it has opened, how many people
 * were asked (everyone with a seat) and how many answered, and the answers in no particular
 * order. The server holds the answers back while fewer than `fewestToShow` people have answered.
 */
export interface CohortEvaluations {
  open: boolean;
  asked: number;
  answered: number;
  fewestToShow: number;
  answers: EvaluationAnswer[];
}
