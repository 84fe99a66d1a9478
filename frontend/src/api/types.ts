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

/** A course as the curriculum lists it (GET /api/curricula/courses). */
export interface Course {
  id: string;
  title: string;
  /** e.g. "2026.1"; cohorts keep the version they were planned with */
  version?: string;
  lengthDays: number;
  audience: string;
  summary: string;
  /** ids of courses to have done first */
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
  /** where the cohort's curriculum comes from, pinned when it was planned */
  curriculumSource?: string;
  curriculumVersion?: string;
  /** what the course asks of its lead trainer; absent when any trainer of the organisation may lead */
  leadNeeds?: 'CORE' | 'TRAIN_THE_TRAINER';
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
  lead: boolean;
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

/** A private calendar feed (.ics) that calendar apps subscribe to. */
export interface CalendarLink {
  url: string;
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

/* ---- Participants: no account, a token for the day ---- */

export interface JoinRequest {
  displayName: string;
  email?: string;
  deviceToken?: string;
}

export interface RoomSummary {
  code: string;
  cohortTitle: string;
  /** null for a practice room */
  dayNumber: number | null;
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

/**
 * A live room as opened by staff: a training day's (POST …/days/{dayNumber}/room), or a
 * practice room (POST …/practice-rooms), which has no cohort or day and carries its title
 * in `cohortTitle`.
 */
export interface RoomView {
  /** six characters, e.g. KMR7TX */
  code: string;
  /** null for a practice room */
  cohortId: string | null;
  cohortTitle: string;
  /** null for a practice room */
  dayNumber: number | null;
  /** ISO instant */
  closesAt: string;
  /** e.g. /join/KMR7TX */
  joinPath: string;
}

/* ---- Curricula: courses, modules and the card banks ---- */

/** The four tasks of Intentional Peer Support, as the curriculum spells them. */
export type Task = 'connection' | 'worldview' | 'mutuality' | 'moving-towards';

export type CourseSummary = Course;

/** One slot of a training day: a module (with its participant-facing summary) or a break. */
export interface AgendaSlot {
  /** local start time, "09:30" */
  at: string;
  minutes: number;
  kind: 'module' | 'break';
  moduleId?: string | null;
  title: string;
  summary?: string | null;
  tasks: string[];
}

export interface CourseDay {
  number: number;
  title: string;
  starts: string;
  ends: string;
  agenda: AgendaSlot[];
}

export interface CourseDetail {
  course: CourseSummary;
  days: CourseDay[];
}

/** What the live room runs within a module. */
export interface Activity {
  kind: string;
  title?: string | null;
  minutes: number;
  prompt?: string | null;
  /** the card bank it draws on: scenarios, reframes, prompts or lexicon */
  bank?: string | null;
  /** particular card ids in that bank */
  cards: string[];
  groupSize?: number | null;
  roles: string[];
  rounds?: number | null;
  /** in Train-the-Trainer: the Core topic id participants teach back */
  teachBack?: string | null;
  /** for a role-play: the scenario themes it practises (the room draws scenarios on these) */
  themes?: string[];
  /** how its minutes are spent */
  parts?: ActivityParts | null;
}

/** How an activity's minutes are spent: set-up, each round and change of roles, and the debrief. */
export interface ActivityParts {
  setup?: number | null;
  round?: number | null;
  changeover?: number | null;
  debrief?: number | null;
}

/** A module for trainers, with its facilitator notes (Markdown). */
export interface CurriculumModule {
  id: string;
  title: string;
  minutes: number;
  tasks: string[];
  principles: string[];
  topics: string[];
  outcomes: string[];
  learningOutcomes: string[];
  summary: string;
  materials: string[];
  activities: Activity[];
  facilitatorNotes: string;
}

/** A role-play scenario: what everyone reads, and what each role alone reads. */
export interface Scenario {
  id: string;
  title: string;
  setting: string;
  tasks: string[];
  /** what it is about: limit, planning-ahead, big-feelings, ... */
  themes?: string[];
  /** light, moderate or heavy */
  intensity?: string | null;
  /** shown before the scenario opens, so people can choose to sit it out or swap roles */
  contentNote?: string | null;
  shared: string;
  /** keyed by role: person-sharing, peer-supporter and (usually) observer */
  roles: Record<string, string>;
}

/** A "what's wrong" statement and ways to ask "what happened?" instead. */
export interface Reframe {
  id: string;
  statement: string;
  pattern: string;
  rewrites: string[];
}

export interface Prompt {
  id: string;
  kind: 'check-in' | 'check-out';
  text: string;
  tags: string[];
}

/** The language lens: a term, why it matters, and other ways to say it. */
export interface LexiconTerm {
  term: string;
  variants: string[];
  category: string;
  why: string;
  alternatives: string[];
}

/** Which Core modules teach each Core topic and serve each outcome. */
export interface Coverage {
  topicTitles: Record<string, string>;
  topics: Record<string, string[]>;
  outcomeTitles: Record<string, string>;
  outcomes: Record<string, string[]>;
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

/** A facilitator's correction to one participant's attendance (PUT …/attendance/{participantId}). */
export interface AttendanceCorrection {
  present: boolean;
  minutes: number;
  note: string;
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
}

export interface Registered {
  status: RegistrationStatus;
  /** 1 for the first person waiting in the pool; null unless waitlisted */
  waitlistPlace: number | null;
  manageToken: string;
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
  openToPublic: boolean;
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
  dryRun: boolean;
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

/** A file fetched from the API (a CSV export, a certificate PDF), with the name the server suggests. */
export interface FileDownload {
  blob: Blob;
  filename?: string;
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

/** The projector's view token for a room. */
export interface RoomViewToken {
  token: string;
  code: string;
  /** ISO instant */
  expiresAt: string;
}
