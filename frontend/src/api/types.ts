/** The JSON the Mutuality REST API reads and writes (see /q/openapi). */

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Course {
  id: string;
  title: string;
  lengthDays: number;
  audience: string;
  summary: string;
  prerequisites: string[];
}

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

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
  days: { date: string; startsAt: string; endsAt: string }[];
}

/* ---- People who run trainings: accounts, sessions, organisations ---- */

export type Role = 'ORG_ADMIN' | 'TRAINER';

export interface Account {
  id: string;
  email: string;
  displayName: string;
  platformAdmin: boolean;
}

export interface Membership {
  organisationId: string;
  organisationName: string;
  role: Role;
}

/** Who is signed in, where they belong, and the token that guards unsafe requests. */
export interface SessionView {
  account: Account;
  memberships: Membership[];
  csrfToken: string;
}

export interface SignInRequest {
  email: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface Member {
  accountId: string;
  displayName: string;
  email: string;
  role: Role;
  /** ISO instant */
  since: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  /** the display name of whoever sent it */
  invitedBy: string;
  /** ISO instant */
  expiresAt: string;
}

export interface InviteRequest {
  email: string;
  role: Role;
}

export interface AuditEntry {
  /** ISO instant */
  at: string;
  actorName: string;
  /** a stable code such as "member.invited" */
  action: string;
  target?: string;
  detail?: string;
}

/** What the emailed invitation link opens, before it is accepted. */
export interface InvitationView {
  organisationName: string;
  email: string;
  role: Role;
  /** ISO instant */
  expiresAt: string;
  accountExists: boolean;
}

export interface AcceptInvitationRequest {
  displayName?: string;
  password: string;
}

/* ---- Participants: no account, a token for the day ---- */

export interface JoinRequest {
  displayName: string;
  email?: string;
  deviceToken?: string;
}

export interface RoomSummary {
  code: string;
  cohortTitle: string;
  dayNumber: number;
  organisationName: string;
  /** ISO instant */
  closesAt: string;
}

export interface JoinView {
  participant: { id: string; displayName: string };
  /** bearer token for the participant's own calls */
  token: string;
  /** ISO instant */
  expiresAt: string;
  /** kept on the device so the same laptop is recognised on the next day */
  deviceToken: string;
  recognised: boolean;
  room: RoomSummary;
}
