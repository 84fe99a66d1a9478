import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdentityApi } from './api';
import { Http } from '../shared/api/http';
import { ORGANISATION_KEY, SessionStore, type SessionState } from './session';
import { fakeApi, json, membership, problem, sessionView } from '../test/fake-api';

const twoOrganisations = sessionView([
  membership('org-a', 'Harbour Peer Network', 'ORG_ADMIN'),
  membership('org-b', 'Hillside Recovery College', 'TRAINER'),
]);

describe('SessionStore', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('asks the server once, however many pages ask, and tells subscribers', async () => {
    const server = fakeApi({ 'GET /api/session': json(twoOrganisations) });
    const store = new SessionStore(createIdentityApi(new Http()));
    const seen: SessionState['status'][] = [];
    store.subscribe((s) => seen.push(s.status));

    const [a, b] = await Promise.all([store.load(), store.load()]);
    await store.load();

    expect(server.to('GET /api/session')).toHaveLength(1);
    expect(a).toBe(b);
    expect(store.state.status).toBe('signed-in');
    expect(store.session?.account.displayName).toBe('Sam Rivera');
    expect(seen).toEqual(['signed-in']);
  });

  it('counts a 401 as nobody signed in', async () => {
    fakeApi({ 'GET /api/session': problem(401, 'not-signed-in', 'Nobody is signed in.') });
    const store = new SessionStore(createIdentityApi(new Http()));
    expect((await store.load()).status).toBe('signed-out');
    expect(store.session).toBeUndefined();
    expect(store.organisationId).toBeUndefined();
  });

  it('counts an answer of the wrong shape as nobody signed in', async () => {
    fakeApi({ 'GET /api/session': json([]) });
    const store = new SessionStore(createIdentityApi(new Http()));
    expect((await store.load()).status).toBe('signed-out');
  });

  it('says so when the server cannot be reached, and can ask again', async () => {
    const fetchFn = vi.fn(async () => {
      throw new TypeError('offline');
    });
    vi.stubGlobal('fetch', fetchFn);
    const store = new SessionStore(createIdentityApi(new Http()));
    const state = await store.load();
    expect(state.status).toBe('unavailable');
    expect(state.status === 'unavailable' && state.message).toMatch(/could not be reached/);

    fakeApi({ 'GET /api/session': json(twoOrganisations) });
    expect((await store.refresh()).status).toBe('signed-in');
  });

  it('works in the first organisation until another is chosen, and remembers the choice', async () => {
    fakeApi({ 'GET /api/session': json(twoOrganisations) });
    const store = new SessionStore(createIdentityApi(new Http()));
    await store.load();
    expect(store.organisationId).toBe('org-a');
    expect(store.isOrgAdmin).toBe(true);

    const listener = vi.fn();
    store.subscribe(listener);
    store.chooseOrganisation('org-b');

    expect(localStorage.getItem(ORGANISATION_KEY)).toBe('org-b');
    expect(store.organisationId).toBe('org-b');
    expect(store.membership?.organisationName).toBe('Hillside Recovery College');
    expect(store.isOrgAdmin).toBe(false);
    expect(listener).toHaveBeenCalledTimes(1);

    const later = new SessionStore(createIdentityApi(new Http()));
    later.signedIn(twoOrganisations);
    expect(later.organisationId).toBe('org-b');
  });

  it('ignores a remembered or chosen organisation the person no longer belongs to', () => {
    localStorage.setItem(ORGANISATION_KEY, 'org-gone');
    const store = new SessionStore(createIdentityApi(new Http()));
    store.signedIn(twoOrganisations);
    expect(store.organisationId).toBe('org-a');
    store.chooseOrganisation('org-elsewhere');
    expect(localStorage.getItem(ORGANISATION_KEY)).toBe('org-gone');
    expect(store.organisationId).toBe('org-a');
  });

  it('stops telling a subscriber who has left, and forgets the person on sign-out', () => {
    const store = new SessionStore(createIdentityApi(new Http()));
    const listener = vi.fn();
    const stop = store.subscribe(listener);
    store.signedIn(twoOrganisations);
    stop();
    store.signedOut();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.state.status).toBe('signed-out');
    expect(store.memberships).toEqual([]);
  });
});
