/** The places in the app, one per audience, addressed by ordinary paths. */
export type Route =
  | { name: 'home' }
  | { name: 'organisation' }
  | { name: 'members' }
  | { name: 'interest-demand' }
  | { name: 'interest'; organisationId: string }
  | { name: 'verify'; code?: string }
  | { name: 'cohort'; cohortId: string }
  | { name: 'cohort-evaluations'; cohortId: string }
  | { name: 'register'; cohortId: string }
  | { name: 'registration'; token: string }
  | { name: 'facilitator' }
  | { name: 'join'; code?: string }
  | { name: 'room' }
  | { name: 'present'; code: string }
  | { name: 'room-console'; organisationId: string; cohortId: string; day: number }
  | { name: 'practice-console'; organisationId: string; code: string }
  | { name: 'sign-in' }
  | { name: 'account' }
  | { name: 'invitation'; token: string }
  | { name: 'curricula' }
  | { name: 'course'; courseId: string; day?: number }
  | { name: 'day-print'; courseId: string; day: number }
  | { name: 'day-handout'; courseId: string; day: number }
  | { name: 'module'; moduleId: string }
  | { name: 'role-cards' }
  | { name: 'observer-sheet' }
  | { name: 'materials'; moduleId: string }
  | { name: 'letter'; courseId: string }
  | { name: 'not-found'; path: string };

/** The routes of the curriculum browser and its printable pages, for the navigation. */
export const CURRICULA_ROUTES: ReadonlySet<Route['name']> = new Set([
  'curricula',
  'course',
  'day-print',
  'day-handout',
  'module',
  'role-cards',
  'observer-sheet',
  'materials',
  'letter',
]);

const FIXED: Record<string, Route> = {
  '/': { name: 'home' },
  '/organisation': { name: 'organisation' },
  '/organisation/members': { name: 'members' },
  '/organisation/interest': { name: 'interest-demand' },
  '/verify': { name: 'verify' },
  '/facilitator': { name: 'facilitator' },
  '/join': { name: 'join' },
  '/room': { name: 'room' },
  '/sign-in': { name: 'sign-in' },
  '/account': { name: 'account' },
  '/curricula': { name: 'curricula' },
  '/curricula/role-cards': { name: 'role-cards' },
  '/curricula/observer-sheet': { name: 'observer-sheet' },
};

/** Words under /curricula/ that are places of their own, never a course id. */
const NOT_COURSES = new Set(['modules', 'role-cards', 'observer-sheet']);

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  const fixed = FIXED[path];
  if (fixed) return { ...fixed };
  const present = /^\/present\/([^/]+)$/.exec(path);
  if (present) return { name: 'present', code: decode(present[1]) };
  const join = /^\/join\/([^/]+)$/.exec(path);
  if (join) return { name: 'join', code: decode(join[1]) };
  const roomConsole = /^\/facilitator\/rooms\/([^/]+)\/([^/]+)\/([1-9]\d{0,2})$/.exec(path);
  if (roomConsole) {
    return {
      name: 'room-console',
      organisationId: decode(roomConsole[1]),
      cohortId: decode(roomConsole[2]),
      day: Number(roomConsole[3]),
    };
  }
  const practice = /^\/facilitator\/practice\/([^/]+)\/([^/]+)$/.exec(path);
  if (practice) return { name: 'practice-console', organisationId: decode(practice[1]), code: decode(practice[2]) };
  const cohort = /^\/organisation\/cohorts\/([^/]+)$/.exec(path);
  if (cohort) return { name: 'cohort', cohortId: decode(cohort[1]) };
  const evaluations = /^\/organisation\/cohorts\/([^/]+)\/evaluations$/.exec(path);
  if (evaluations) return { name: 'cohort-evaluations', cohortId: decode(evaluations[1]) };
  const register = /^\/register\/([^/]+)$/.exec(path);
  if (register) return { name: 'register', cohortId: decode(register[1]) };
  const registration = /^\/registration\/([^/]+)$/.exec(path);
  if (registration) return { name: 'registration', token: decode(registration[1]) };
  const verify = /^\/verify\/([^/]+)$/.exec(path);
  if (verify) return { name: 'verify', code: decode(verify[1]) };
  const interest = /^\/interest\/([^/]+)$/.exec(path);
  if (interest) return { name: 'interest', organisationId: decode(interest[1]) };
  const invitation = /^\/invitation\/([^/]+)$/.exec(path);
  if (invitation) return { name: 'invitation', token: decode(invitation[1]) };
  const module = /^\/curricula\/modules\/([^/]+)$/.exec(path);
  if (module) return { name: 'module', moduleId: decode(module[1]) };
  const materials = /^\/curricula\/modules\/([^/]+)\/materials$/.exec(path);
  if (materials) return { name: 'materials', moduleId: decode(materials[1]) };
  const letter = /^\/curricula\/([^/]+)\/letter$/.exec(path);
  if (letter && !NOT_COURSES.has(letter[1])) return { name: 'letter', courseId: decode(letter[1]) };
  const course = /^\/curricula\/([^/]+)(?:\/days\/([1-9]\d{0,2})(?:\/(print|handout))?)?$/.exec(path);
  if (course && !NOT_COURSES.has(course[1])) {
    const courseId = decode(course[1]);
    if (!course[2]) return { name: 'course', courseId };
    const day = Number(course[2]);
    if (course[3] === 'print') return { name: 'day-print', courseId, day };
    if (course[3] === 'handout') return { name: 'day-handout', courseId, day };
    return { name: 'course', courseId, day };
  }
  return { name: 'not-found', path };
}

export function routePath(route: Route): string {
  switch (route.name) {
    case 'home':
      return '/';
    case 'members':
      return '/organisation/members';
    case 'interest-demand':
      return '/organisation/interest';
    case 'interest':
      return interestPath(route.organisationId);
    case 'verify':
      return route.code ? verifyPath(route.code) : '/verify';
    case 'join':
      return route.code ? `/join/${encodeURIComponent(route.code)}` : '/join';
    case 'present':
      return presentPath(route.code);
    case 'invitation':
      return `/invitation/${encodeURIComponent(route.token)}`;
    case 'cohort':
      return cohortPath(route.cohortId);
    case 'cohort-evaluations':
      return cohortEvaluationsPath(route.cohortId);
    case 'register':
      return registerPath(route.cohortId);
    case 'registration':
      return registrationPath(route.token);
    case 'course':
      return route.day ? dayPath(route.courseId, route.day) : coursePath(route.courseId);
    case 'day-print':
      return `${dayPath(route.courseId, route.day)}/print`;
    case 'day-handout':
      return dayHandoutPath(route.courseId, route.day);
    case 'module':
      return modulePath(route.moduleId);
    case 'role-cards':
      return '/curricula/role-cards';
    case 'observer-sheet':
      return '/curricula/observer-sheet';
    case 'materials':
      return materialsPath(route.moduleId);
    case 'letter':
      return letterPath(route.courseId);
    case 'room-console':
      return roomConsolePath(route.organisationId, route.cohortId, route.day);
    case 'practice-console':
      return practiceConsolePath(route.organisationId, route.code);
    case 'not-found':
      return route.path;
    default:
      return `/${route.name}`;
  }
}

/** How the cohorts page shows the organisation's cohorts: as a list, or on a month calendar. */
export type CohortsView = 'list' | 'month';

/** The cohorts page's choices, kept in its address: `/organisation?view=month&month=2027-01`. */
export interface CohortsQuery {
  view: CohortsView;
  /** the month shown ("2027-01"), in the month view */
  month?: string;
}

const MONTH_QUERY = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The cohorts page's choices from its address's query; anything unknown reads as the list. */
export function parseCohortsQuery(search: string): CohortsQuery {
  const params = new URLSearchParams(search);
  if (params.get('view') !== 'month') return { view: 'list' };
  const month = params.get('month');
  return month && MONTH_QUERY.test(month) ? { view: 'month', month } : { view: 'month' };
}

/** The cohorts page's address with these choices: the list needs no query. */
export function organisationPath(query: CohortsQuery = { view: 'list' }): string {
  if (query.view !== 'month') return '/organisation';
  const params = new URLSearchParams({ view: 'month' });
  if (query.month && MONTH_QUERY.test(query.month)) params.set('month', query.month);
  return `/organisation?${params}`;
}

/** One cohort as its organisation's staff see it: details, registration, roster. */
export function cohortPath(cohortId: string): string {
  return `/organisation/cohorts/${encodeURIComponent(cohortId)}`;
}

/** What a cohort's participants said in the anonymous end-of-course evaluation, for its staff. */
export function cohortEvaluationsPath(cohortId: string): string {
  return `${cohortPath(cohortId)}/evaluations`;
}

/** A cohort's public registration page: no sign-in. */
export function registerPath(cohortId: string): string {
  return `/register/${encodeURIComponent(cohortId)}`;
}

/** A person's own registration, by the link emailed to them. */
export function registrationPath(token: string): string {
  return `/registration/${encodeURIComponent(token)}`;
}

/** The public certificate check for one code: no sign-in. */
export function verifyPath(code: string): string {
  return `/verify/${encodeURIComponent(code)}`;
}

/** An organisation's public page for saying one would like a course in one's place: no sign-in. */
export function interestPath(organisationId: string): string {
  return `/interest/${encodeURIComponent(organisationId)}`;
}

/** The facilitator's console for one training day's live room. */
export function roomConsolePath(organisationId: string, cohortId: string, day: number): string {
  return `/facilitator/rooms/${encodeURIComponent(organisationId)}/${encodeURIComponent(cohortId)}/${day}`;
}

/** The facilitator's console for an ad-hoc practice room (no cohort, no day). */
export function practiceConsolePath(organisationId: string, code: string): string {
  return `/facilitator/practice/${encodeURIComponent(organisationId)}/${encodeURIComponent(code)}`;
}

export function coursePath(courseId: string): string {
  return `/curricula/${encodeURIComponent(courseId)}`;
}

export function dayPath(courseId: string, day: number): string {
  return `${coursePath(courseId)}/days/${day}`;
}

/** A day's handout for participants, ready to print; `?cohort=…` prints that cohort's support contact on it. */
export function dayHandoutPath(courseId: string, day: number, cohortId?: string): string {
  const path = `${dayPath(courseId, day)}/handout`;
  return cohortId ? `${path}?cohort=${encodeURIComponent(cohortId)}` : path;
}

export function modulePath(moduleId: string): string {
  return `/curricula/modules/${encodeURIComponent(moduleId)}`;
}

/** A module's printable materials (cards and sheets), ready to print. */
export function materialsPath(moduleId: string): string {
  return `${modulePath(moduleId)}/materials`;
}

/** A course's letter to people before it starts, ready to adapt and print. */
export function letterPath(courseId: string): string {
  return `${coursePath(courseId)}/letter`;
}

/**
 * A `?next=` value that is safe to go to after signing in: a path on this site only
 * ("/…" but never "//…" or "/\…", which browsers read as another host). Anything else: undefined.
 */
export function safeNextPath(next: string | null | undefined): string | undefined {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(next)) return undefined;
  try {
    const url = new URL(next, window.location.origin);
    if (url.origin !== window.location.origin) return undefined;
    return url.pathname + url.search + url.hash;
  } catch {
    return undefined;
  }
}

/** The sign-in page's address, coming back to `path` afterwards. */
export function signInPath(path: string): string {
  const next = safeNextPath(path);
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

/**
 * Changes the address in place, without a new history entry and without moving page: for a
 * choice made on the page (a view, a month) that a reload or a shared link should keep.
 */
export function replaceAddress(path: string): void {
  const here = window.location.pathname + window.location.search;
  if (path === here) return;
  window.history.replaceState(window.history.state, '', path + window.location.hash);
}

/** Moves to a path (with any query) without reloading and tells the app shell. */
export function navigate(path: string): void {
  const here = window.location.pathname + window.location.search;
  if (path === here) return;
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

const SITE = 'Mutuality';

/** Each page's own title, for the browser's tab and history ("Facilitate · Mutuality"). Pages that know more (a room's code) say more. */
export function pageTitle(route: Route): string {
  const titled = (words: string) => `${words} · ${SITE}`;
  switch (route.name) {
    case 'home':
      return SITE;
    case 'organisation':
      return titled('Organise trainings');
    case 'members':
      return titled('Members and invitations');
    case 'interest-demand':
      return titled('Interest in courses');
    case 'interest':
      return titled('Ask for a training near you');
    case 'verify':
      return titled('Check a certificate');
    case 'cohort':
      return titled('Cohort');
    case 'cohort-evaluations':
      return titled('Looking back: the evaluation');
    case 'register':
      return titled('Register for a training');
    case 'registration':
      return titled('Your registration');
    case 'facilitator':
      return titled('Facilitate');
    case 'join':
      return titled(route.code ? `Join room ${route.code.toUpperCase()}` : 'Join with a code');
    case 'room':
      return titled('The room');
    case 'present':
      return titled(`Projector, room ${route.code.toUpperCase()}`);
    case 'room-console':
      return titled(`The live room, day ${route.day}`);
    case 'practice-console':
      return titled(`Practice room ${route.code.toUpperCase()}`);
    case 'sign-in':
      return titled('Sign in');
    case 'account':
      return titled('Your account');
    case 'invitation':
      return titled('Your invitation');
    case 'curricula':
      return titled('Curricula');
    case 'course':
      return titled(route.day ? `Course, day ${route.day}` : 'Course');
    case 'day-print':
      return titled(`Agenda for day ${route.day}`);
    case 'day-handout':
      return titled(`Handout for day ${route.day}`);
    case 'module':
      return titled('Facilitator notes');
    case 'role-cards':
      return titled('Role cards');
    case 'observer-sheet':
      return titled('Observer sheet');
    case 'materials':
      return titled('Materials to print');
    case 'letter':
      return titled('Letter before the course');
    case 'not-found':
      return titled('Nothing here');
  }
}

/** The projector's view of a room, opened from the console. */
export function presentPath(code: string): string {
  return `/present/${encodeURIComponent(code)}`;
}

/** The scenario ids in `?scenarios=a,b`, for links that arrive with a choice made. */
export function scenariosFromQuery(search: string): string[] {
  const value = new URLSearchParams(search).get('scenarios');
  return value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
}

/** The cohort a handout is printed for, from `?cohort=…`; none when it is printed for any group. */
export function cohortFromQuery(search: string): string | undefined {
  return new URLSearchParams(search).get('cohort')?.trim() || undefined;
}
