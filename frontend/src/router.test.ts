import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from './router';

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
  ])('%s parses', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
  });

  it('round-trips every route through its path', () => {
    for (const path of ['/', '/organisation', '/facilitator', '/join', '/join/KMR7TX']) {
      expect(routePath(parseRoute(path))).toBe(path);
    }
  });
});
