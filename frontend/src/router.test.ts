import { describe, expect, it } from 'vitest';
import { CURRICULA_ROUTES, coursePath, dayPath, modulePath, parseRoute, routePath, safeNextPath, signInPath } from './router';

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
    ]) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
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
