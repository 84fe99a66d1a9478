/** The identity feature's part of the JSON the REST API reads and writes (see /q/openapi). */

export interface Organisation {
  id: string;
  slug: string;
  name: string;
  timeZone: string;
}

/** What a trainer has completed: Core, or Train-the-Trainer (which a lead of Core needs). */
export type QualificationKind = 'CORE' | 'TRAIN_THE_TRAINER';

/** One qualification of a member (GET …/members/{accountId}/qualifications). */
export interface Qualification {
  kind: QualificationKind;
  /** a certificate code, for example */
  evidence: string;
  /** entered by an organisation admin, or completed on a cohort here */
  source: 'entered' | 'completed_here';
  /** ISO instant */
  recordedAt: string;
}

export interface QualificationRequest {
  kind: QualificationKind;
  evidence: string;
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

/** A new invitation. emailSent false: the mail server could not be reached, and link is the one-time link to pass on. */
export interface InvitationSent extends Invitation {
  emailSent: boolean;
  /** only when the email could not be sent */
  link?: string;
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
