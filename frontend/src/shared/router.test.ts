import { describe, expect, it } from 'vitest';
import {
  CURRICULA_ROUTES,
  cohortFromQuery,
  coursePath,
  dayHandoutPath,
  dayPath,
  modulePath,
  pageTitle,
  organisationPath,
  parseCohortsQuery,
  parseRoute,
  replaceAddress,
  routePath,
  safeNextPath,
  signInPath,
} from './router';

describe('routes', () => {
  it.each([
    ['/', { name: 'home' }],
    ['', { name: 'home' }],
    ['/organisation', { name: 'organisation' }],
    ['/organisation/', { name: 'organisation' }],
    ['/facilitator', { name: 'facilitator' }],
    ['/join', { name: 'join' }],
    ['/join/KMR7TX', { name: 'join', code: 'KMR7TX' }],
    ['/nowhere', { name: 'not-found', path: '/nowhere' }],
    ['/join/a/b', { name: 'not-found', path: '/join/a/b' }],
    ['/sign-in', { name: 'sign-in' }],
    ['/room', { name: 'room' }],
    ['/facilitator/rooms/org-a/c1/2', { name: 'room-console', organisationId: 'org-a', cohortId: 'c1', day: 2 }],
    ['/facilitator/rooms/org-a/c1/0', { name: 'not-found', path: '/facilitator/rooms/org-a/c1/0' }],
    ['/facilitator/rooms/org-a/c1', { name: 'not-found', path: '/facilitator/rooms/org-a/c1' }],
    ['/facilitator/practice/org-a/KMR7TX', { name: 'practice-console', organisationId: 'org-a', code: 'KMR7TX' }],
    ['/facilitator/practice/org-a', { name: 'not-found', path: '/facilitator/practice/org-a' }],
    ['/account', { name: 'account' }],
    ['/organisation/members', { name: 'members' }],
    ['/organisation/members/', { name: 'members' }],
    ['/invitation/abc-123', { name: 'invitation', token: 'abc-123' }],
    ['/invitation/a%2Fb', { name: 'invitation', token: 'a/b' }],
    ['/invitation', { name: 'not-found', path: '/invitation' }],
    ['/invitation/a/b', { name: 'not-found', path: '/invitation/a/b' }],
    ['/organisation/other', { name: 'not-found', path: '/organisation/other' }],
    ['/organisation/cohorts/c1', { name: 'cohort', cohortId: 'c1' }],
    ['/organisation/cohorts', { name: 'not-found', path: '/organisation/cohorts' }],
    ['/organisation/cohorts/c1/more', { name: 'not-found', path: '/organisation/cohorts/c1/more' }],
    ['/organisation/cohorts/c1/evaluations', { name: 'cohort-evaluations', cohortId: 'c1' }],
    ['/register/c1', { name: 'register', cohortId: 'c1' }],
    ['/register', { name: 'not-found', path: '/register' }],
    ['/registration/r1.Ab-_9', { name: 'registration', token: 'r1.Ab-_9' }],
    ['/registration/a/b', { name: 'not-found', path: '/registration/a/b' }],
    ['/verify', { name: 'verify' }],
    ['/verify/IPS-ABCDE-23456', { name: 'verify', code: 'IPS-ABCDE-23456' }],
    ['/verify/a/b', { name: 'not-found', path: '/verify/a/b' }],
    ['/interest/org-a', { name: 'interest', organisationId: 'org-a' }],
    ['/interest', { name: 'not-found', path: '/interest' }],
    ['/organisation/interest', { name: 'interest-demand' }],
    ['/curricula', { name: 'curricula' }],
    ['/curricula/', { name: 'curricula' }],
    ['/curricula/core', { name: 'course', courseId: 'core' }],
    ['/curricula/train-the-trainer/days/3', { name: 'course', courseId: 'train-the-trainer', day: 3 }],
    ['/curricula/core/days/2/print', { name: 'day-print', courseId: 'core', day: 2 }],
    ['/curricula/core/days/2/handout', { name: 'day-handout', courseId: 'core', day: 2 }],
    ['/curricula/modules/core-connection', { name: 'module', moduleId: 'core-connection' }],
    ['/curricula/modules/a%2Fb', { name: 'module', moduleId: 'a/b' }],
    ['/curricula/role-cards', { name: 'role-cards' }],
    ['/curricula/observer-sheet', { name: 'observer-sheet' }],
    ['/curricula/modules', { name: 'not-found', path: '/curricula/modules' }],
    ['/curricula/core/days/0', { name: 'not-found', path: '/curricula/core/days/0' }],
    ['/curricula/core/days/two', { name: 'not-found', path: '/curricula/core/days/two' }],
    ['/curricula/core/days', { name: 'not-found', path: '/curricula/core/days' }],
    ['/curricula/core/days/1/slides', { name: 'not-found', path: '/curricula/core/days/1/slides' }],
    ['/curricula/role-cards/days/1', { name: 'not-found', path: '/curricula/role-cards/days/1' }],
  ])('%s parses', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('round-trips every route through its path', () => {
    for (const path of [
      '/',
      '/organisation',
      '/facilitator',
      '/join',
      '/join/KMR7TX',
      '/room',
      '/facilitator/rooms/org-a/c1/2',
      '/facilitator/practice/org-a/KMR7TX',
      '/sign-in',
      '/account',
      '/organisation/members',
      '/invitation/abc-123',
      '/organisation/cohorts/c1',
      '/organisation/cohorts/c1/evaluations',
      '/register/c1',
      '/registration/r1.Ab-_9',
      '/verify',
      '/verify/IPS-ABCDE-23456',
      '/interest/org-a',
      '/organisation/interest',
      '/curricula',
      '/curricula/core',
      '/curricula/core/days/2',
      '/curricula/core/days/2/print',
      '/curricula/core/days/2/handout',
      '/curricula/modules/core-connection',
      '/curricula/role-cards',
      '/curricula/observer-sheet',
      '/present/KMR7TX',
    ]) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
  });
});

describe('handouts printed for a cohort', () => {
  it('reads the cohort from the query, and builds the day handout’s address with it', () => {
    expect(cohortFromQuery('?cohort=c%201')).toBe('c 1');
    expect(cohortFromQuery('?cohort=')).toBeUndefined();
    expect(cohortFromQuery('')).toBeUndefined();
    expect(dayHandoutPath('core', 2)).toBe('/curricula/core/days/2/handout');
    expect(dayHandoutPath('core', 2, 'c 1')).toBe('/curricula/core/days/2/handout?cohort=c%201');
    expect(parseRoute('/curricula/core/days/2/handout')).toEqual({ name: 'day-handout', courseId: 'core', day: 2 });
  });
});

describe('page titles', () => {
  it('gives every kind of page its own title, ending in the name of the app', () => {
    const paths = [
      '/organisation',
      '/facilitator',
      '/join',
      '/join/kmr7tx',
      '/room',
      '/facilitator/rooms/org-a/c1/2',
      '/facilitator/practice/org-a/KMR7TX',
      '/sign-in',
      '/account',
      '/organisation/members',
      '/invitation/abc-123',
      '/organisation/cohorts/c1',
      '/organisation/cohorts/c1/evaluations',
      '/register/c1',
      '/registration/r1.Ab-_9',
      '/verify',
      '/interest/org-a',
      '/organisation/interest',
      '/curricula',
      '/curricula/core',
      '/curricula/core/days/2/print',
      '/curricula/core/days/2/handout',
      '/curricula/modules/core-connection',
      '/curricula/role-cards',
      '/curricula/observer-sheet',
      '/no/such/page',
      '/present/kmr7tx',
    ];
    const titles = paths.map((p) => pageTitle(parseRoute(p)));
    for (const t of titles) expect(t).toMatch(/^\S.* · Mutuality$/);
    expect(new Set(titles).size).toBe(titles.length);
    expect(pageTitle(parseRoute('/'))).toBe('Mutuality');
    expect(pageTitle(parseRoute('/join/kmr7tx'))).toBe('Join room KMR7TX · Mutuality');
  });
});

describe('where to go after signing in', () => {
  it.each([
    ['/organisation', '/organisation'],
    ['/organisation/members?x=1', '/organisation/members?x=1'],
    ['/account#password', '/account#password'],
  ])('follows a path on this site: %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    [null],
    [''],
    ['organisation'],
    ['//evil.example/steal'],
    ['/\\evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/\tevil.example'],
  ])('never leaves the site: %s', (next) => {
    expect(safeNextPath(next)).toBeUndefined();
  });

  it('builds the sign-in address that comes back here', () => {
    expect(signInPath('/organisation/members')).toBe('/sign-in?next=%2Forganisation%2Fmembers');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});

describe('curriculum addresses', () => {
  it('encodes ids so they cannot change the path', () => {
    expect(coursePath('a/b')).toBe('/curricula/a%2Fb');
    expect(dayPath('core', 4)).toBe('/curricula/core/days/4');
    expect(modulePath('../x')).toBe('/curricula/modules/..%2Fx');
    expect(parseRoute(modulePath('a b/c'))).toEqual({ name: 'module', moduleId: 'a b/c' });
  });

  it('knows which routes belong under Curricula in the navigation', () => {
    for (const path of ['/curricula', '/curricula/core', '/curricula/core/days/1/print', '/curricula/observer-sheet']) {
      expect(CURRICULA_ROUTES.has(parseRoute(path).name)).toBe(true);
    }
    expect(CURRICULA_ROUTES.has(parseRoute('/facilitator').name)).toBe(false);
  });
});

describe("the cohorts page's choices in its address", () => {
  it.each([
    ['', { view: 'list' }],
    ['?view=list', { view: 'list' }],
    ['?view=month', { view: 'month' }],
    ['?view=month&month=2027-01', { view: 'month', month: '2027-01' }],
    ['view=month&month=2027-12', { view: 'month', month: '2027-12' }],
    ['?view=month&month=2027-13', { view: 'month' }],
    ['?view=month&month=January', { view: 'month' }],
    ['?month=2027-01', { view: 'list' }],
    ['?view=week', { view: 'list' }],
  ])('%s reads as the right view', (search, query) => {
    expect(parseCohortsQuery(search)).toEqual(query);
  });

  it('writes the choices into the address, the list needing none', () => {
    expect(organisationPath()).toBe('/organisation');
    expect(organisationPath({ view: 'list', month: '2027-01' })).toBe('/organisation');
    expect(organisationPath({ view: 'month' })).toBe('/organisation?view=month');
    expect(organisationPath({ view: 'month', month: '2027-01' })).toBe('/organisation?view=month&month=2027-01');
    expect(organisationPath({ view: 'month', month: '../x' })).toBe('/organisation?view=month');
  });

  it('round-trips the choices, and the path still reads as the cohorts page', () => {
    for (const query of [{ view: 'list' }, { view: 'month' }, { view: 'month', month: '2026-11' }] as const) {
      const path = organisationPath(query);
      const url = new URL(path, 'http://localhost');
      expect(parseCohortsQuery(url.search)).toEqual(query);
      expect(parseRoute(url.pathname)).toEqual({ name: 'organisation' });
    }
  });

  it('changes the address in place, without a new history entry, keeping any #', () => {
    window.history.replaceState({}, '', '/organisation#cohorts');
    const before = window.history.length;
    replaceAddress('/organisation?view=month&month=2027-01');
    expect(window.location.pathname + window.location.search).toBe('/organisation?view=month&month=2027-01');
    expect(window.location.hash).toBe('#cohorts');
    expect(window.history.length).toBe(before);
    window.history.replaceState({}, '', '/');
  });
});
