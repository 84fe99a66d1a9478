import type {
  AcceptInvitationRequest,
  AttendanceCorrection,
  AttendanceRow,
  RoomViewToken,
  AuditEntry,
  BookTrainerRequest,
  CalendarLink,
  ChangePasswordRequest,
  Cohort,
  CompletionGrid,
  CompletionRule,
  Course,
  CourseDetail,
  Coverage,
  CurriculumModule,
  DaySummary,
  Demand,
  FileDownload,
  ImportReport,
  ImportRequest,
  InterestPage,
  InterestRequest,
  Invitation,
  InvitationSent,
  InvitationView,
  InviteInterestRequest,
  InviteRequest,
  Invited,
  JoinRequest,
  JoinView,
  LexiconTerm,
  MarkRequest,
  Member,
  MyRegistration,
  Organisation,
  PinnedCurriculum,
  PlanCohortRequest,
  Problem,
  Prompt,
  PublicCohort,
  Qualification,
  QualificationRequest,
  Reframe,
  RegisterRequest,
  Registered,
  RegistrationReceived,
  Role,
  RoomView,
  Roster,
  RuleRequest,
  Scenario,
  SessionView,
  SeatingRequest,
  SignInRequest,
  Verification,
} from './types';

/** Every problem type the API answers with starts with this. */
export const PROBLEM_BASE = 'https://mutuality.io/problems/';

/** The cookie that carries the token for unsafe requests, and the header that echoes it. */
export const CSRF_COOKIE = 'mutuality_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

/** A failed API call, carrying the server's problem details (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly problem: Problem,
    /** seconds to wait before trying again, from a Retry-After header */
    readonly retryAfter?: number,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }

  /** True when the problem type is this one, e.g. `is('sign-in-failed')`. */
  is(type: string): boolean {
    return this.problem.type === PROBLEM_BASE + type;
  }

  /** The message for one field, if the server named it. */
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

/** The value of one cookie readable by scripts, or undefined. */
export function readCookie(name: string, cookies: string = document.cookie): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return undefined;
}

/** Seconds from a Retry-After header, which may be a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

type Fetch = typeof fetch;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface SendOptions {
  body?: unknown;
  /** a participant's token: sent as `Authorization: Bearer …` instead of relying on the session */
  bearer?: string;
  /** sees the headers of a successful answer, e.g. to read Location */
  onHeaders?: (headers: Headers) => void;
}

const org = (id: string) => `/organisations/${encodeURIComponent(id)}`;
const registrations = (organisationId: string, cohortId: string) =>
  `${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}/registrations`;
const mine = (token: string) => `/public/registrations/${encodeURIComponent(token)}`;
const cohortAt = (organisationId: string, cohortId: string) =>
  `${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}`;
const qualifications = (organisationId: string, accountId: string) =>
  `${org(organisationId)}/members/${encodeURIComponent(accountId)}/qualifications`;
const day = (organisationId: string, cohortId: string, dayNumber: number) =>
  `${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}/days/${dayNumber}`;

/** A typed client for the Mutuality REST API under /api. */
export class ApiClient {
  constructor(
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
    private readonly base = '/api',
  ) {}

  /* ---- session ---- */

  signIn(request: SignInRequest): Promise<SessionView> {
    return this.send('POST', '/session', { body: request });
  }

  /** Who is signed in; a 401 (`not-signed-in`) when nobody is. */
  session(): Promise<SessionView> {
    return this.get('/session');
  }

  signOut(): Promise<void> {
    return this.send('DELETE', '/session');
  }

  changePassword(request: ChangePasswordRequest): Promise<void> {
    return this.send('PUT', '/session/password', { body: request });
  }

  /* ---- curricula: courses and days are public; modules and card banks are for staff ---- */

  courses(): Promise<Course[]> {
    return this.get('/curricula/courses');
  }

  /** A course with its days and each day's timed agenda. */
  course(id: string): Promise<CourseDetail> {
    return this.get(`/curricula/courses/${encodeURIComponent(id)}`);
  }

  /** A module with its activities and facilitator notes; 401 unless signed in. */
  module(id: string): Promise<CurriculumModule> {
    return this.get(`/curricula/modules/${encodeURIComponent(id)}`);
  }

  /** Role-play scenarios with every role's card; 401 unless signed in. */
  scenarios(): Promise<Scenario[]> {
    return this.get('/curricula/scenarios');
  }

  /** "What's wrong" statements with "what happened?" rewrites; 401 unless signed in. */
  reframes(): Promise<Reframe[]> {
    return this.get('/curricula/reframes');
  }

  /** Check-in and check-out prompts; 401 unless signed in. */
  prompts(): Promise<Prompt[]> {
    return this.get('/curricula/prompts');
  }

  /** The language lens. */
  lexicon(): Promise<LexiconTerm[]> {
    return this.get('/curricula/lexicon');
  }

  /** Which Core modules teach each Core topic and serve each outcome. */
  coverage(): Promise<Coverage> {
    return this.get('/curricula/coverage');
  }

  /* ---- organisations, cohorts ---- */

  /** The organisations the signed-in person belongs to. */
  organisations(): Promise<Organisation[]> {
    return this.get('/organisations');
  }

  cohorts(organisationId: string): Promise<Cohort[]> {
    return this.get(`${org(organisationId)}/cohorts`);
  }

  cohort(organisationId: string, cohortId: string): Promise<Cohort> {
    return this.get(`${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}`);
  }

  /**
   * Plans a new cohort, as a draft (admins). A 400 or 422 names the fields at fault, e.g.
   * `days[1].date`. The answer is the new cohort; its id comes from the Location header
   * when the body does not carry one.
   */
  async planCohort(organisationId: string, request: PlanCohortRequest): Promise<Cohort> {
    let location: string | null = null;
    const cohort = await this.send<Cohort | undefined>('POST', `${org(organisationId)}/cohorts`, {
      body: request,
      onHeaders: (headers) => (location = headers.get('Location')),
    });
    if (cohort?.id) return cohort;
    const id = lastSegment(location);
    if (!id) throw new Error('The cohort was planned, but the answer did not say where to find it.');
    return { ...(cohort ?? ({} as Cohort)), id };
  }

  /** Books a trainer as lead or co-trainer; 422 with words for a clash or a missing qualification (admins). */
  bookTrainer(organisationId: string, cohortId: string, request: BookTrainerRequest): Promise<Cohort> {
    return this.send('POST', `${cohortAt(organisationId, cohortId)}/trainers`, { body: request });
  }

  /** Takes a trainer off a cohort (admins). */
  unbookTrainer(organisationId: string, cohortId: string, accountId: string): Promise<Cohort> {
    return this.send('DELETE', `${cohortAt(organisationId, cohortId)}/trainers/${encodeURIComponent(accountId)}`);
  }

  /**
   * Closes an open or full cohort's registration now (admins): people already registered keep
   * their places; nobody new can register. The answer is the cohort as it is now.
   */
  closeRegistration(organisationId: string, cohortId: string): Promise<Cohort> {
    return this.send('POST', `${cohortAt(organisationId, cohortId)}/close`);
  }

  /**
   * Cancels a cohort (admins): everyone registered is emailed the reason and their places are
   * cancelled. A 400 or 422 names the reason when it is missing or too long; a 409 says why the
   * cohort cannot be cancelled. The answer is the cohort as it is now.
   */
  cancelCohort(organisationId: string, cohortId: string, reason: string): Promise<Cohort> {
    return this.send('POST', `${cohortAt(organisationId, cohortId)}/cancel`, { body: { reason } });
  }

  /** The private calendar feed of a cohort's training days. */
  cohortCalendar(organisationId: string, cohortId: string): Promise<CalendarLink> {
    return this.get(`${cohortAt(organisationId, cohortId)}/calendar`);
  }

  /** The private calendar feed of the signed-in trainer's own training days. */
  myCalendar(): Promise<CalendarLink> {
    return this.get('/calendars/mine');
  }

  /** The curriculum the cohort runs, pinned when it was planned: every module in full. */
  cohortCurriculum(organisationId: string, cohortId: string): Promise<PinnedCurriculum> {
    return this.get(`${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}/curriculum`);
  }

  /**
   * Opens a training day's live room, or gets the one already open (staff: the cohort's
   * trainers and the organisation's admins; others get 403).
   */
  /** `early`: the trainer confirmed opening the room more than a day before the day. */
  openRoom(organisationId: string, cohortId: string, dayNumber: number, early = false): Promise<RoomView> {
    return this.send(
      'POST',
      `${org(organisationId)}/cohorts/${encodeURIComponent(cohortId)}/days/${dayNumber}/room${early ? '?early=true' : ''}`,
    );
  }

  /**
   * Opens an ad-hoc practice room, not tied to a cohort day (any member of the organisation).
   * A 400 names the `title` field when it is empty or longer than 120 characters.
   */
  openPracticeRoom(organisationId: string, title: string): Promise<RoomView> {
    return this.send('POST', `${org(organisationId)}/practice-rooms`, { body: { title } });
  }

  /** The organisation's open practice rooms. */
  practiceRooms(organisationId: string): Promise<RoomView[]> {
    return this.get(`${org(organisationId)}/practice-rooms`);
  }

  /** Who came to a training day and for how long, from the room (staff). */
  attendance(organisationId: string, cohortId: string, dayNumber: number): Promise<AttendanceRow[]> {
    return this.get(`${day(organisationId, cohortId, dayNumber)}/attendance`);
  }

  /** Corrects one participant's attendance; a 400 names the fields that need attention. */
  correctAttendance(
    organisationId: string,
    cohortId: string,
    dayNumber: number,
    participantId: string,
    correction: AttendanceCorrection,
  ): Promise<void> {
    return this.send('PUT', `${day(organisationId, cohortId, dayNumber)}/attendance/${encodeURIComponent(participantId)}`, {
      body: correction,
    });
  }

  /** The end-of-day summary: only what the whole room saw (staff). */
  roomSummary(organisationId: string, cohortId: string, dayNumber: number): Promise<DaySummary> {
    return this.get(`${day(organisationId, cohortId, dayNumber)}/room/summary`);
  }

  /* ---- registration, as the organisation manages it (staff read; admins write) ---- */

  /** Seats by pool, who holds one, offers, the waitlist in order, ended registrations. */
  roster(organisationId: string, cohortId: string): Promise<Roster> {
    return this.get(registrations(organisationId, cohortId));
  }

  /** Registers someone on their behalf, in any pool (admins). */
  addRegistration(organisationId: string, cohortId: string, request: RegisterRequest): Promise<Registered> {
    return this.send('POST', registrations(organisationId, cohortId), { body: request });
  }

  /** Cancels someone's registration; a seat they held goes to the next person waiting (admins). */
  cancelRegistration(organisationId: string, cohortId: string, registrationId: string): Promise<Roster> {
    return this.send('POST', `${registrations(organisationId, cohortId)}/${encodeURIComponent(registrationId)}/cancel`);
  }

  /** Shares the seats into pools and sets how long an offer is held; a 422 names the fields at fault (admins). */
  arrangeSeating(organisationId: string, cohortId: string, request: SeatingRequest): Promise<Roster> {
    return this.send('PUT', `${registrations(organisationId, cohortId)}/seating`, { body: request });
  }

  /** Opens a draft cohort for registration; 409 or 422 with words when it cannot (admins). */
  openRegistration(organisationId: string, cohortId: string): Promise<Roster> {
    return this.send('POST', `${registrations(organisationId, cohortId)}/open`);
  }

  /**
   * Tries a CSV file of people to register (`dryRun: true`: nothing changes, every line says what it
   * would come to), or imports its good lines (`dryRun: false`). A 422 on `file` says why the file
   * cannot be read (admins).
   */
  importRegistrations(organisationId: string, cohortId: string, request: ImportRequest): Promise<ImportReport> {
    return this.send('POST', `${registrations(organisationId, cohortId)}/import`, { body: request });
  }

  /** The roster as a CSV file (staff). */
  rosterCsv(organisationId: string, cohortId: string): Promise<FileDownload> {
    return this.file(`${registrations(organisationId, cohortId)}/export`, 'text/csv');
  }

  /** A training day's attendance from its live room as a CSV file; 404 when the day had no room (staff). */
  attendanceCsv(organisationId: string, cohortId: string, dayNumber: number): Promise<FileDownload> {
    return this.file(`${day(organisationId, cohortId, dayNumber)}/attendance/export`, 'text/csv');
  }

  /* ---- attendance, completion and certificates ---- */

  /** Each registered person's attendance per day, the rule in force, and where each person stands (staff). */
  completion(organisationId: string, cohortId: string): Promise<CompletionGrid> {
    return this.get(`${cohortAt(organisationId, cohortId)}/completion`);
  }

  /** Records how much of a day someone missed; a trainer's mark wins over the live room (staff). */
  markAttendance(
    organisationId: string,
    cohortId: string,
    registrationId: string,
    dayNumber: number,
    request: MarkRequest,
  ): Promise<CompletionGrid> {
    return this.send(
      'PUT',
      `${cohortAt(organisationId, cohortId)}/completion/${encodeURIComponent(registrationId)}/days/${dayNumber}`,
      { body: request },
    );
  }

  /** Issues a certificate to everyone who completed and has none yet; 409 with words when nobody can have one (admins). */
  issueCertificates(organisationId: string, cohortId: string): Promise<CompletionGrid> {
    return this.send('POST', `${cohortAt(organisationId, cohortId)}/completion/certificates`);
  }

  /** The organisation's completion rule for a course: the standard one until it sets its own (staff). */
  completionRule(organisationId: string, courseId: string): Promise<CompletionRule> {
    return this.get(`${org(organisationId)}/completion/rules/${encodeURIComponent(courseId)}`);
  }

  /** Sets the organisation's completion rule for a course; a 400 or 422 names the fields at fault (admins). */
  setCompletionRule(organisationId: string, courseId: string, request: RuleRequest): Promise<CompletionRule> {
    return this.send('PUT', `${org(organisationId)}/completion/rules/${encodeURIComponent(courseId)}`, { body: request });
  }

  /** A certificate as a PDF file (staff). */
  certificatePdf(organisationId: string, code: string): Promise<FileDownload> {
    return this.file(`${org(organisationId)}/completion/certificates/${encodeURIComponent(code)}/pdf`, 'application/pdf');
  }

  /** Revokes a certificate, with the reason anyone checking its code is shown (admins). */
  revokeCertificate(organisationId: string, code: string, reason: string): Promise<Verification> {
    return this.send('POST', `${org(organisationId)}/completion/certificates/${encodeURIComponent(code)}/revoke`, {
      body: { reason },
    });
  }

  /* ---- interest in a course in a place ---- */

  /** How many people asked for each course in each place (staff). */
  demand(organisationId: string): Promise<Demand[]> {
    return this.get(`${org(organisationId)}/interest`);
  }

  /** Emails everyone who asked for this course in this place the cohort's registration link (admins). */
  inviteInterested(organisationId: string, request: InviteInterestRequest): Promise<Invited> {
    return this.send('POST', `${org(organisationId)}/interest/invite`, { body: request });
  }

  /* ---- members and invitations (organisation admins) ---- */

  members(organisationId: string): Promise<Member[]> {
    return this.get(`${org(organisationId)}/members`);
  }

  changeRole(organisationId: string, accountId: string, role: Role): Promise<Member> {
    return this.send('PUT', `${org(organisationId)}/members/${encodeURIComponent(accountId)}`, { body: { role } });
  }

  /** `unbook`: also take them off cohorts that have not finished (otherwise the server refuses, listing them). */
  removeMember(organisationId: string, accountId: string, unbook = false): Promise<void> {
    return this.send('DELETE', `${org(organisationId)}/members/${encodeURIComponent(accountId)}${unbook ? '?bookings=unbook' : ''}`);
  }

  /** What a member has completed (Core, Train-the-Trainer), with the evidence. */
  qualifications(organisationId: string, accountId: string): Promise<Qualification[]> {
    return this.get(qualifications(organisationId, accountId));
  }

  /** Records a member's qualification with its evidence; 409 when it is already recorded (admins). */
  recordQualification(organisationId: string, accountId: string, request: QualificationRequest): Promise<Qualification> {
    return this.send('POST', qualifications(organisationId, accountId), { body: request });
  }

  invitations(organisationId: string): Promise<Invitation[]> {
    return this.get(`${org(organisationId)}/invitations`);
  }

  /** 201 with emailSent; when the email could not be sent, the answer carries the link for the admin to pass on. */
  invite(organisationId: string, request: InviteRequest): Promise<InvitationSent> {
    return this.send('POST', `${org(organisationId)}/invitations`, { body: request });
  }

  withdrawInvitation(organisationId: string, invitationId: string): Promise<void> {
    return this.send('DELETE', `${org(organisationId)}/invitations/${encodeURIComponent(invitationId)}`);
  }

  /** What happened in the organisation, newest first. */
  audit(organisationId: string): Promise<AuditEntry[]> {
    return this.get(`${org(organisationId)}/audit`);
  }

  /* ---- invitation links (public) ---- */

  invitation(token: string): Promise<InvitationView> {
    return this.get(`/invitations/${encodeURIComponent(token)}`);
  }

  /** Accepts and signs the person in. */
  acceptInvitation(token: string, request: AcceptInvitationRequest): Promise<SessionView> {
    return this.send('POST', `/invitations/${encodeURIComponent(token)}/accept`, { body: request });
  }

  /* ---- registering for a cohort (public, no account) ---- */

  /** An open cohort's public page; 404 for a draft or unknown cohort. */
  publicCohort(cohortId: string): Promise<PublicCohort> {
    return this.get(`/public/cohorts/${encodeURIComponent(cohortId)}`);
  }

  /** Registers (202): the email sent says whether it is a seat or a waitlist place. 409 for closed registration, 429 when rate limited. */
  register(cohortId: string, request: RegisterRequest): Promise<RegistrationReceived> {
    return this.send('POST', `/public/cohorts/${encodeURIComponent(cohortId)}/registrations`, { body: request });
  }

  /** A registration by its own emailed link. */
  myRegistration(token: string): Promise<MyRegistration> {
    return this.get(mine(token));
  }

  /** Takes an offered seat; 409 when the offer has lapsed. */
  acceptOffer(token: string): Promise<MyRegistration> {
    return this.send('POST', `${mine(token)}/accept`);
  }

  /** Lets an offered seat go to the next person waiting; 409 when the offer has lapsed. */
  declineOffer(token: string): Promise<MyRegistration> {
    return this.send('POST', `${mine(token)}/decline`);
  }

  /** Cancels one's own registration. */
  cancelMyRegistration(token: string): Promise<MyRegistration> {
    return this.send('POST', `${mine(token)}/cancel`);
  }

  /** One's own certificate as a PDF file, by one's own link; 404 while there is none. */
  myCertificate(token: string): Promise<FileDownload> {
    return this.file(`${mine(token)}/certificate`, 'application/pdf');
  }

  /* ---- certificates and interest (public, no account) ---- */

  /** Whether a certificate code is genuine and still stands; 404 when no certificate has it. */
  verifyCertificate(code: string): Promise<Verification> {
    return this.get(`/public/certificates/${encodeURIComponent(code)}`);
  }

  /** An organisation's public interest page: its name and the courses to ask for; 404 for an unknown organisation. */
  interestPage(organisationId: string): Promise<InterestPage> {
    return this.get(`/public/organisations/${encodeURIComponent(organisationId)}/interest`);
  }

  /** Says someone would like a course in their place. 400 or 422 name the fields at fault, 429 when rate limited. */
  registerInterest(organisationId: string, request: InterestRequest): Promise<void> {
    return this.send('POST', `/public/organisations/${encodeURIComponent(organisationId)}/interest`, { body: request });
  }

  /* ---- rooms and participants (no account) ---- */

  /**
   * Asks to join the live room with this code. Rooms are opened by a trainer on the day;
   * an unknown or closed code answers 404.
   */
  joinRoom(code: string, displayName: string, extra: Omit<JoinRequest, 'displayName'> = {}): Promise<JoinView> {
    const body: JoinRequest = { displayName };
    if (extra.email) body.email = extra.email;
    if (extra.deviceToken) body.deviceToken = extra.deviceToken;
    return this.send('POST', `/rooms/${encodeURIComponent(code)}/participants`, { body });
  }

  /** A token for the projector's view of a room (its facilitators only): it sees only what everyone sees. */
  roomViewToken(code: string): Promise<RoomViewToken> {
    return this.send('POST', `/rooms/${encodeURIComponent(code)}/view`);
  }

  /** Everything the participant wrote, as JSON. */
  exportContributions(participantToken: string): Promise<unknown> {
    return this.send('GET', '/participant/export', { bearer: participantToken });
  }

  /** Erases the participant's name, email and contributions; the token stops working. */
  eraseParticipant(participantToken: string): Promise<void> {
    return this.send('DELETE', '/participant', { bearer: participantToken });
  }

  /* ---- plumbing ---- */

  private get<T>(path: string): Promise<T> {
    return this.send('GET', path);
  }

  /** Fetches a file (CSV, PDF) with the session's cookies; a failure carries the server's problem details. */
  private async file(path: string, accept: string): Promise<FileDownload> {
    let response: Response;
    try {
      response = await this.fetchFn(this.base + path, {
        method: 'GET',
        headers: { Accept: `${accept}, application/problem+json` },
        credentials: 'same-origin',
      });
    } catch {
      throw noConnection();
    }
    if (!response.ok) {
      throw new ApiError(await readProblem(response), parseRetryAfter(response.headers.get('Retry-After')));
    }
    return { blob: await response.blob(), filename: dispositionFilename(response.headers.get('Content-Disposition')) };
  }

  private async send<T>(method: string, path: string, options: SendOptions = {}): Promise<T> {
    const { body, bearer, onHeaders } = options;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (bearer) {
      headers.Authorization = `Bearer ${bearer}`;
    } else if (UNSAFE.has(method)) {
      const csrf = readCookie(CSRF_COOKIE);
      if (csrf) headers[CSRF_HEADER] = csrf;
    }
    let response: Response;
    try {
      response = await this.fetchFn(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw noConnection();
    }
    if (!response.ok) {
      throw new ApiError(await readProblem(response), parseRetryAfter(response.headers.get('Retry-After')));
    }
    onHeaders?.(response.headers);
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

function noConnection(): ApiError {
  return new ApiError({
    type: 'about:blank',
    title: 'No connection',
    status: 0,
    detail: 'Mutuality could not be reached. Check the connection and try again.',
  });
}

/**
 * The file name a Content-Disposition header suggests (`attachment; filename="roster.csv"`),
 * kept to a plain name: no folders, no control characters. Undefined when there is none.
 */
export function dispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(header);
  if (!match) return undefined;
  let name = match[1];
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep it as it came
  }
  name = name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim();
  return name && name !== '.' && name !== '..' ? name : undefined;
}

/** The last path segment of a URL or path, decoded: the id in a Location header. */
function lastSegment(location: string | null): string | undefined {
  if (!location) return undefined;
  const path = location.split(/[?#]/)[0].replace(/\/+$/, '');
  const segment = path.slice(path.lastIndexOf('/') + 1);
  if (!segment) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

async function readProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || 'Request failed',
    status: response.status,
  };
  const contentType = response.headers.get('Content-Type') ?? '';
  if (!contentType.includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: response.status };
  } catch {
    return fallback;
  }
}

export const api = new ApiClient();
