import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORGANISATION_KEY, sessionStore } from '../identity/session';
import { fakeApi, json, membership, noContent, problem, sessionView, settle, text } from '../test/fake-api';
import '../test/all-pages';
import './mut-app';
import type { MutApp } from './mut-app';

async function mount(path: string): Promise<MutApp> {
  window.history.replaceState({}, '', path);
  const app = document.createElement('mut-app');
  document.body.append(app);
  await app.updateComplete;
  return app;
}

const twoOrganisations = sessionView([
  membership('org-a', 'Harbour Peer Network', 'ORG_ADMIN'),
  membership('org-b', 'Hillside Recovery College', 'TRAINER'),
]);

const cohort = (id: string, title: string) => ({
  id,
  organisationId: 'x',
  courseId: 'core',
  title,
  timeZone: 'Europe/Dublin',
  capacity: 12,
  status: 'OPEN',
  days: [],
  trainers: [],
});

function signedInServer() {
  return fakeApi({
    'GET /api/session': json(twoOrganisations),
    'GET /api/curricula/courses': json([]),
    'GET /api/organisations': json([]),
    'GET /api/organisations/org-a/cohorts': json([cohort('c1', 'Core, spring group')]),
    'GET /api/organisations/org-b/cohorts': json([cohort('c2', 'Hillside introduction')]),
    'DELETE /api/session': noContent,
  });
}

describe('<mut-app>', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('offers a way in for each of the three audiences, and the curricula', async () => {
    const app = await mount('/');
    const links = [...app.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).toEqual(['Organise trainings', 'Facilitate', 'Curricula', 'Join with a code']);
    expect(app.shadowRoot!.querySelector('mut-home')).not.toBeNull();
  });

  it('marks the current place in the navigation', async () => {
    const app = await mount('/join');
    const current = app.shadowRoot!.querySelector('nav a[aria-current="page"]');
    expect(current?.textContent?.trim()).toBe('Join with a code');
    expect(app.shadowRoot!.querySelector('mut-join')).not.toBeNull();
  });

  it('moves between pages without reloading when a link is clicked', async () => {
    signedInServer();
    const app = await mount('/');
    await settle(app);
    const link = app.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="/facilitator"]')!;
    link.click();
    await app.updateComplete;
    expect(window.location.pathname).toBe('/facilitator');
    expect(app.shadowRoot!.querySelector('mut-facilitator')).not.toBeNull();
  });

  it('says so, in words, for a page that does not exist', async () => {
    const app = await mount('/nowhere');
    expect(app.shadowRoot!.querySelector('main')!.textContent).toContain('There is no page at');
  });

  it('gives each page its own title', async () => {
    await mount('/curricula');
    expect(document.title).toBe('Curricula · Mutuality');
    const app = await mount('/facilitator');
    await app.updateComplete;
    expect(document.title).toBe('Facilitate · Mutuality');
  });

  it("a participant's room has a minimal layout: no staff navigation, no signing in, a way to their data", async () => {
    const app = await mount('/room');
    const root = app.shadowRoot!;
    expect(root.querySelector('header')!.getAttribute('data-layout')).toBe('participant');
    expect(root.querySelector('nav')).toBeNull();
    expect(text(root.querySelector('header'))).not.toMatch(/Sign in|Facilitate|Organise/);
    expect(root.querySelector('header a[href="/join"]')).not.toBeNull();
    expect(root.querySelector('main mut-room')).not.toBeNull();
    expect(document.title).toBe('The room · Mutuality');
  });

  it('starts with a skip link inside the banner, for staff and participant pages alike, that takes the focus to the page', async () => {
    for (const path of ['/curricula', '/join']) {
      const app = await mount(path);
      const root = app.shadowRoot!;
      const skip = root.querySelector<HTMLAnchorElement>('a.skip')!;
      expect(text(skip)).toBe('Skip to content');
      expect(skip.closest('header')).not.toBeNull();
      expect(root.querySelector('header')!.firstElementChild).toBe(skip);
      skip.click();
      await settle(app);
      expect(root.activeElement).toBe(root.querySelector('main#content'));
      app.remove();
    }
  });

  it('asks the server who is signed in only once', async () => {
    const server = signedInServer();
    const app = await mount('/organisation');
    await settle(app);
    app.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="/facilitator"]')!.click();
    await settle(app);
    expect(server.to('GET /api/session')).toHaveLength(1);
  });

  describe('when nobody is signed in', () => {
    beforeEach(() => {
      fakeApi({ 'GET /api/session': problem(401, 'not-signed-in', 'Nobody is signed in.') });
    });

    it('explains the pages for people who run trainings, with a way to sign in and come back', async () => {
      for (const [path, next] of [
        ['/organisation', '%2Forganisation'],
        ['/facilitator', '%2Ffacilitator'],
        ['/organisation/members', '%2Forganisation%2Fmembers'],
        ['/account', '%2Faccount'],
      ]) {
        const app = await mount(path);
        await settle(app);
        const main = app.shadowRoot!.querySelector('main')!;
        expect(text(main)).toMatch(/needs you to sign in/);
        expect(main.querySelector('a.button')!.getAttribute('href')).toBe(`/sign-in?next=${next}`);
        expect(main.querySelector('mut-organisation, mut-facilitator, mut-members, mut-account')).toBeNull();
        app.remove();
      }
    });

    it('comes back to the cohorts page with the view and month that were asked for', async () => {
      const app = await mount('/organisation?view=month&month=2027-01');
      await settle(app);
      const main = app.shadowRoot!.querySelector('main')!;
      expect(main.querySelector('a.button')!.getAttribute('href')).toBe(
        `/sign-in?next=${encodeURIComponent('/organisation?view=month&month=2027-01')}`,
      );
    });

    it('keeps the facilitator notes and the printable role-play sheets for signed-in trainers', async () => {
      for (const [path, next, tag] of [
        ['/curricula/modules/core-connection', '%2Fcurricula%2Fmodules%2Fcore-connection', 'mut-module'],
        ['/curricula/role-cards', '%2Fcurricula%2Frole-cards', 'mut-role-cards'],
        ['/curricula/observer-sheet', '%2Fcurricula%2Fobserver-sheet', 'mut-observer-sheet'],
      ]) {
        const app = await mount(path);
        await settle(app);
        const main = app.shadowRoot!.querySelector('main')!;
        expect(text(main)).toMatch(/needs you to sign in/);
        expect(main.querySelector('a.button')!.getAttribute('href')).toBe(`/sign-in?next=${next}`);
        expect(main.querySelector(tag)).toBeNull();
        app.remove();
      }
    });

    it('shows the courses, their days and the printable day pages to anyone', async () => {
      for (const [path, tag] of [
        ['/curricula', 'mut-curricula'],
        ['/curricula/core', 'mut-course'],
        ['/curricula/core/days/2', 'mut-course'],
        ['/curricula/core/days/2/print', 'mut-day-agenda'],
        ['/curricula/core/days/2/handout', 'mut-day-handout'],
      ]) {
        const app = await mount(path);
        await settle(app);
        const main = app.shadowRoot!.querySelector('main')!;
        expect(main.querySelector(tag)).not.toBeNull();
        expect(text(main)).not.toMatch(/needs you to sign in/);
        expect(text(app.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe('Curricula');
        app.remove();
      }
    });

    it('never asks a participant to sign in to join', async () => {
      const app = await mount('/join/KMR7TX');
      await settle(app);
      expect(app.shadowRoot!.querySelector('mut-join')).not.toBeNull();
      expect(text(app.shadowRoot!.querySelector('main'))).not.toMatch(/needs you to sign in/);
    });

    it('never asks anyone to sign in to register, or to open their own registration link', async () => {
      for (const [path, tag] of [
        ['/register/c1', 'mut-register'],
        ['/registration/r1.sig', 'mut-my-registration'],
      ]) {
        const app = await mount(path);
        await settle(app);
        const main = app.shadowRoot!.querySelector('main')!;
        expect(main.querySelector(tag)).not.toBeNull();
        expect(text(main)).not.toMatch(/needs you to sign in/);
        app.remove();
      }
      const app = await mount('/registration/r1.sig');
      expect(app.shadowRoot!.querySelector('mut-my-registration')!.token).toBe('r1.sig');
      app.remove();
      const again = await mount('/register/c1');
      expect(again.shadowRoot!.querySelector('mut-register')!.cohortId).toBe('c1');
    });

    it('hands the day handout the cohort it is printed for, from the address', async () => {
      let app = await mount('/curricula/core/days/2/handout?cohort=c1');
      await settle(app);
      expect(app.shadowRoot!.querySelector('mut-day-handout')!.cohortId).toBe('c1');
      app.remove();
      app = await mount('/curricula/core/days/2/handout');
      await settle(app);
      expect(app.shadowRoot!.querySelector('mut-day-handout')!.cohortId).toBeUndefined();
    });

    it("keeps a cohort's evaluation for signed-in staff", async () => {
      const app = await mount('/organisation/cohorts/c1/evaluations');
      await settle(app);
      const main = app.shadowRoot!.querySelector('main')!;
      expect(text(main)).toMatch(/needs you to sign in/);
      expect(main.querySelector('a.button')!.getAttribute('href')).toBe(
        '/sign-in?next=%2Forganisation%2Fcohorts%2Fc1%2Fevaluations',
      );
      expect(main.querySelector('mut-cohort-evaluations')).toBeNull();
    });

    it("keeps a cohort's page, with its roster, for signed-in staff", async () => {
      const app = await mount('/organisation/cohorts/c1');
      await settle(app);
      const main = app.shadowRoot!.querySelector('main')!;
      expect(text(main)).toMatch(/needs you to sign in/);
      expect(main.querySelector('a.button')!.getAttribute('href')).toBe('/sign-in?next=%2Forganisation%2Fcohorts%2Fc1');
      expect(main.querySelector('mut-cohort')).toBeNull();
    });

    it("keeps the projector view for the room's facilitators, with nothing of the app around it", async () => {
      const app = await mount('/present/KMR7TX');
      await settle(app);
      const root = app.shadowRoot!;
      expect(text(root.querySelector('main'))).toMatch(/needs you to sign in/);
      expect(root.querySelector('header')).toBeNull();
      expect(root.querySelector('nav')).toBeNull();
      expect(root.querySelector('mut-present')).toBeNull();
    });

    it('never asks a participant to sign in to be in the room', async () => {
      const app = await mount('/room');
      await settle(app);
      expect(app.shadowRoot!.querySelector('mut-room')).not.toBeNull();
      expect(text(app.shadowRoot!.querySelector('main'))).not.toMatch(/needs you to sign in/);
      // the room's own minimal layout: no staff navigation at all
      expect(app.shadowRoot!.querySelector('nav')).toBeNull();
    });

    it("keeps a day's live-room console for signed-in staff", async () => {
      const app = await mount('/facilitator/rooms/org-a/c1/2');
      await settle(app);
      const main = app.shadowRoot!.querySelector('main')!;
      expect(text(main)).toMatch(/needs you to sign in/);
      expect(main.querySelector('a.button')!.getAttribute('href')).toBe('/sign-in?next=%2Ffacilitator%2Frooms%2Forg-a%2Fc1%2F2');
      expect(main.querySelector('mut-room-console')).toBeNull();
    });

    it('offers a sign-in link in the header', async () => {
      const app = await mount('/');
      await settle(app);
      const link = app.shadowRoot!.querySelector<HTMLAnchorElement>('header .you a')!;
      expect(text(link)).toBe('Sign in');
      link.click();
      await settle(app);
      expect(window.location.pathname).toBe('/sign-in');
      expect(app.shadowRoot!.querySelector('mut-sign-in')).not.toBeNull();
    });

    it('passes ?next= on to the sign-in page', async () => {
      const app = await mount('/sign-in?next=%2Faccount');
      await settle(app);
      expect(app.shadowRoot!.querySelector('mut-sign-in')!.next).toBe('/account');
    });
  });

  describe('when someone is signed in', () => {
    it('shows their name, their organisations and a way to sign out', async () => {
      signedInServer();
      const app = await mount('/organisation');
      await settle(app);
      const header = app.shadowRoot!.querySelector('header')!;
      expect(text(header.querySelector('a[href="/account"]'))).toContain('Sam Rivera');
      const options = [...header.querySelectorAll<HTMLOptionElement>('#organisation-switcher option')];
      expect(options.map((o) => text(o))).toEqual(['Harbour Peer Network', 'Hillside Recovery College']);
      expect(header.querySelector<HTMLLabelElement>('label[for="organisation-switcher"]')).not.toBeNull();
      expect(text(header.querySelector('button'))).toBe('Sign out');
      expect(app.shadowRoot!.querySelector('mut-organisation')).not.toBeNull();
    });

    it('remembers the organisation chosen in the switcher, and the cohorts follow it', async () => {
      const server = signedInServer();
      const app = await mount('/organisation');
      await settle(app);
      const page = () => app.shadowRoot!.querySelector('mut-organisation')!;
      await settle(page());
      expect(text(page().shadowRoot!.querySelector('.lede'))).toBe('Harbour Peer Network');
      expect(text(page().shadowRoot!.querySelector('h2'))).toBe('Core, spring group');

      const select = app.shadowRoot!.querySelector<HTMLSelectElement>('#organisation-switcher')!;
      select.value = 'org-b';
      select.dispatchEvent(new Event('change'));
      await settle(page());

      expect(localStorage.getItem(ORGANISATION_KEY)).toBe('org-b');
      expect(server.to('GET /api/organisations/org-b/cohorts')).toHaveLength(1);
      expect(text(page().shadowRoot!.querySelector('.lede'))).toBe('Hillside Recovery College');
      expect(text(page().shadowRoot!.querySelector('h2'))).toBe('Hillside introduction');

      // A new visit starts in the remembered organisation.
      app.remove();
      sessionStore.reset();
      const again = await mount('/organisation');
      await settle(again);
      expect(again.shadowRoot!.querySelector<HTMLSelectElement>('#organisation-switcher')!.value).toBe('org-b');
    });

    it('signs out with the CSRF token and offers sign-in again', async () => {
      document.cookie = 'mutuality_csrf=csrf-cookie; path=/';
      const server = signedInServer();
      const app = await mount('/organisation');
      await settle(app);
      app.shadowRoot!.querySelector<HTMLButtonElement>('header button')!.click();
      await settle(app);

      const [call] = server.to('DELETE /api/session');
      expect(call.headers['X-CSRF-Token']).toBe('csrf-cookie');
      expect(sessionStore.state.status).toBe('signed-out');
      expect(window.location.pathname).toBe('/');
      expect(text(app.shadowRoot!.querySelector('header .you'))).toBe('Sign in');
      document.cookie = 'mutuality_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    });

    it('opens a module’s notes, and role cards with the scenarios from the address', async () => {
      const server = signedInServer();
      server.routes['GET /api/curricula/modules/core-connection'] = json({
        id: 'core-connection',
        title: 'Connection',
        minutes: 90,
        tasks: ['connection'],
        principles: [],
        topics: [],
        outcomes: [],
        learningOutcomes: [],
        summary: 'Being with someone.',
        materials: [],
        activities: [],
        facilitatorNotes: '## Begin',
      });
      const app = await mount('/curricula/modules/core-connection');
      await settle(app);
      const module = app.shadowRoot!.querySelector('mut-module')!;
      await settle(module);
      expect(module.moduleId).toBe('core-connection');
      expect(text(module.shadowRoot!.querySelector('h1'))).toBe('Connection');
      app.remove();

      const again = await mount('/curricula/role-cards?scenarios=a,b');
      await settle(again);
      expect(again.shadowRoot!.querySelector('mut-role-cards')!.chosen).toEqual(['a', 'b']);
    });

    it("opens a day's live-room console from its address", async () => {
      signedInServer();
      const app = await mount('/facilitator/rooms/org-a/c1/2');
      await settle(app);
      const roomConsole = app.shadowRoot!.querySelector('mut-room-console')!;
      expect(roomConsole.organisationId).toBe('org-a');
      expect(roomConsole.cohortId).toBe('c1');
      expect(roomConsole.day).toBe(2);
      expect(text(app.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe('Facilitate');
    });

    it("links each cohort to its own page, under 'Organise trainings'", async () => {
      signedInServer();
      const app = await mount('/organisation');
      await settle(app);
      const page = app.shadowRoot!.querySelector('mut-organisation')!;
      await settle(page);
      const link = page.shadowRoot!.querySelector<HTMLAnchorElement>('[data-test="cohort-link"]')!;
      expect(link.getAttribute('href')).toBe('/organisation/cohorts/c1');
      link.click();
      await settle(app);
      expect(window.location.pathname).toBe('/organisation/cohorts/c1');
      expect(app.shadowRoot!.querySelector('mut-cohort')!.cohortId).toBe('c1');
      expect(text(app.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe('Organise trainings');
    });

    it('links an organisation admin to the members page, and not a trainer', async () => {
      signedInServer();
      const app = await mount('/organisation');
      await settle(app);
      const page = app.shadowRoot!.querySelector('mut-organisation')!;
      await settle(page);
      expect(page.shadowRoot!.querySelector('a[href="/organisation/members"]')).not.toBeNull();

      sessionStore.chooseOrganisation('org-b');
      await settle(page);
      expect(page.shadowRoot!.querySelector('a[href="/organisation/members"]')).toBeNull();
    });
  });
});

describe('<mut-app> certificate and interest pages', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('checks a certificate and takes interest without anyone signing in', async () => {
    fakeApi({
      'GET /api/session': problem(401, 'not-signed-in', 'Nobody is signed in.'),
      'GET /api/public/certificates/IPS-ABCDE-23456': json({
        code: 'IPS-ABCDE-23456',
        genuine: true,
        revoked: false,
        revokedReason: null,
        holderName: 'Ana Lopez',
        courseTitle: 'IPS Core Training',
        organisationName: 'Harbour Peer Network',
        firstDay: '2027-03-15',
        lastDay: '2027-03-19',
        trainers: 'Jo Okafor',
      }),
      'GET /api/public/organisations/org-a/interest': json({ organisationName: 'Harbour Peer Network', courses: [] }),
    });
    const app = await mount('/verify/IPS-ABCDE-23456');
    await settle(app);
    const verify = app.shadowRoot!.querySelector('mut-verify')!;
    await settle(verify);
    expect(verify.shadowRoot!.querySelector<HTMLElement>('[data-test="verify-result"]')!.dataset.state).toBe('genuine');
    app.remove();

    const interest = await mount('/interest/org-a');
    await settle(interest);
    expect(interest.shadowRoot!.querySelector('mut-interest')).not.toBeNull();
    expect(text(interest.shadowRoot!.querySelector('main'))).not.toMatch(/needs you to sign in/);
  });

  it('keeps the interest in courses for signed-in staff, under Organise trainings', async () => {
    fakeApi({ 'GET /api/session': problem(401, 'not-signed-in', 'Nobody is signed in.') });
    const app = await mount('/organisation/interest');
    await settle(app);
    const main = app.shadowRoot!.querySelector('main')!;
    expect(text(main)).toMatch(/needs you to sign in/);
    expect(main.querySelector('mut-interest-demand')).toBeNull();
    expect(main.querySelector('a.button')!.getAttribute('href')).toBe('/sign-in?next=%2Forganisation%2Finterest');
    expect(text(app.shadowRoot!.querySelector('nav a[aria-current="page"]'))).toBe('Organise trainings');
  });
});

describe('<mut-app> loading pages by route', () => {
  it('loads a page’s code by its route', async () => {
    const { loadPage } = await import('./mut-app');
    await expect(loadPage('not-found')).resolves.toBeUndefined();
    await expect(loadPage('join')).resolves.toBeDefined();
    expect(customElements.get('mut-join')).toBeDefined();
  });

  it('says the page did not load, with a way to load it again, when its code cannot be downloaded', async () => {
    fakeApi({ 'GET /api/session': problem(401, 'unauthenticated', 'Sign in first.') });
    window.history.replaceState(null, '', '/join');
    const app = document.createElement('mut-app') as MutApp;
    document.body.append(app);
    await settle(app);
    Object.assign(app, { pageProblem: true });
    await settle(app);
    const alert = app.shadowRoot!.querySelector('[data-test="page-not-loaded"]')!;
    expect(text(alert.querySelector('h1'))).toBe('This page did not load');
    expect(alert.querySelector('a')!.getAttribute('href')).toBe('/join');
    app.remove();
  });
});
