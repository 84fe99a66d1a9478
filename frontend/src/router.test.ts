import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, safeNextPath, signInPath } from './router';

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
    ['/account', { name: 'account' }],
    ['/organisation/members', { name: 'members' }],
    ['/organisation/members/', { name: 'members' }],
    ['/invitation/abc-123', { name: 'invitation', token: 'abc-123' }],
    ['/invitation/a%2Fb', { name: 'invitation', token: 'a/b' }],
    ['/invitation', { name: 'not-found', path: '/invitation' }],
    ['/invitation/a/b', { name: 'not-found', path: '/invitation/a/b' }],
    ['/organisation/other', { name: 'not-found', path: '/organisation/other' }],
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
      '/sign-in',
      '/account',
      '/organisation/members',
      '/invitation/abc-123',
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
