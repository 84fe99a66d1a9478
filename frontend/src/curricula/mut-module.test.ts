import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../identity/session';
import { allCourses, connectionModule, core, introductionDetail } from '../test/curriculum-fixtures';
import { fakeApi, json, membership, problem, sessionView, settle, text, type Handler } from '../test/fake-api';
import './mut-module';
import type { MutModule } from './mut-module';

const coverage = {
  topicTitles: { 'four-tasks': 'The four tasks' },
  topics: { 'four-tasks': ['core-connection'] },
  outcomeTitles: { 'seeks-connection': 'look for connection, say when it breaks, and find their way back' },
  outcomes: { 'seeks-connection': ['core-connection'] },
};

function server(module: Handler = json(connectionModule)) {
  return fakeApi({
    'GET /api/curricula/modules/core-connection': module,
    'GET /api/curricula/coverage': json(coverage),
  });
}

async function mount(moduleId = 'core-connection'): Promise<MutModule> {
  const el = document.createElement('mut-module');
  el.moduleId = moduleId;
  document.body.append(el);
  await settle(el);
  return el;
}

const section = (el: MutModule, id: string) => el.shadowRoot!.querySelector(`#${id}-heading`)!.closest('section')!;

/** Core with the module on its second day, the other days without it. */
const coreDetail = {
  course: core,
  days: [1, 2, 3].map((number) => ({
    number,
    title: `Day ${number}`,
    starts: '09:30',
    ends: '16:30',
    agenda: [
      {
        at: '09:30',
        minutes: 90,
        kind: 'module',
        moduleId: number === 2 ? 'core-connection' : `core-other-${number}`,
        title: 'A module',
        summary: null,
        tasks: [],
      },
    ],
  })),
};

describe('<mut-module>', () => {
  beforeEach(() => sessionStore.reset());

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('shows the module: length, tasks, principles, what participants read, outcomes and materials', async () => {
    server();
    const el = await mount();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).toBe('Connection, disconnection and finding our way back');
    const facts = [...root.querySelectorAll('dl.facts > div')].map((d) => text(d));
    expect(facts).toEqual(['Length 1 hour 30 minutes', 'Tasks Connection and Moving towards', 'Principle Relationship']);
    expect(text(section(el, 'summary'))).toContain('What does it feel like when we are really with someone?');
    expect([...section(el, 'outcomes').querySelectorAll('li')].map(text)).toEqual([
      'Notice a disconnection as it happens and name it without blame.',
    ]);
    expect([...section(el, 'materials').querySelectorAll('li')].map(text)).toEqual(['A bell or chime for the rounds']);
    expect(text(section(el, 'topics').querySelector('li'))).toBe('The four tasks');
    expect(text(section(el, 'serves').querySelector('li'))).toBe(
      'Look for connection, say when it breaks, and find their way back',
    );
  });

  it('describes each activity in words: kind, minutes, prompt, groups, roles and rounds', async () => {
    server();
    const el = await mount();
    const [talk, rolePlay] = [...el.shadowRoot!.querySelectorAll('ol.activities > li')];
    expect(text(talk.querySelector('h3'))).toBe('Discussion: When were you really met? · 20 minutes');
    expect(text(talk.querySelector('blockquote'))).toBe('Think of a time you felt truly met by someone.');
    expect(text(rolePlay.querySelector('h3'))).toBe('Role-play · 45 minutes');
    const details = text(rolePlay.querySelector('.details'));
    expect(details).toContain('In groups of 3');
    expect(details).toContain('Roles: the person sharing, the peer supporter and the observer');
    expect(details).toContain('3 rounds');
    expect(details).toContain('7 minutes to set up · 3 rounds of 12 minutes, 1 minute between them');
    expect(details).not.toContain('debrief');
    expect(details).toContain('Scenarios about saying a limit and power');
    expect(details).toContain('Draws on scenario cards (2 cards chosen for this module)');
    expect(rolePlay.querySelector('a')!.getAttribute('href')).toBe(
      '/curricula/role-cards?scenarios=respite-cant-sleep,warm-line-quiet',
    );
  });

  it('says "in pairs" for work in twos', async () => {
    server();
    const el = await mount();
    const pairs = [...el.shadowRoot!.querySelectorAll('ol.activities > li')][2];
    expect(text(pairs.querySelector('h3'))).toBe('Discussion: One-way relationships · 20 minutes');
    expect(text(pairs.querySelector('.details'))).toBe('In pairs');
  });

  it('renders the facilitator notes from Markdown, under the page’s own heading', async () => {
    server();
    const el = await mount();
    const notes = el.shadowRoot!.querySelector('.notes')!;
    expect(text(notes.querySelector('h3'))).toBe('Starting from experience');
    expect(text(notes.querySelector('strong'))).toBe('memory');
    expect(text(notes.querySelector('em'))).toBe('definition');
    expect([...notes.querySelectorAll('ol > li')].map(text)).toEqual(['Check out what happened.', 'Own your part.']);
    expect(text(notes.querySelector('blockquote'))).toBe('Disconnection is not a failure.');
  });

  it('keeps markup written in the notes as plain text', async () => {
    server();
    const el = await mount();
    const notes = el.shadowRoot!.querySelector('.notes')!;
    expect(notes.querySelector('script, img')).toBeNull();
    expect(text(notes)).toContain('A note with <script>alert("hi")</script> and <img src=x onerror="alert(1)"> in it.');
  });

  it('links back to the course and the day it is taught on', async () => {
    fakeApi({
      'GET /api/curricula/modules/core-connection': json(connectionModule),
      'GET /api/curricula/coverage': json(coverage),
      'GET /api/curricula/courses': json(allCourses),
      'GET /api/curricula/courses/core': json(coreDetail),
      'GET /api/curricula/courses/introduction': json(introductionDetail),
      // the other courses cannot be had: the place found still shows
    });
    const el = await mount();
    const root = el.shadowRoot!;
    const places = [...root.querySelectorAll('[data-test="module-place"]')];
    expect(places.map(text)).toEqual(['← IPS Core Training, day 2 of IPS Core Training']);
    expect(root.querySelector('[data-test="module-course"]')!.getAttribute('href')).toBe('/curricula/core');
    expect(root.querySelector('[data-test="module-day"]')!.getAttribute('href')).toBe('/curricula/core/days/2');
    // the back links come before the module's title
    expect(root.querySelector('.crumbs')!.nextElementSibling!.tagName).toBe('H1');
  });

  it('links back to the curricula when where it is taught cannot be found', async () => {
    server();
    const el = await mount();
    const root = el.shadowRoot!;
    expect(root.querySelector('[data-test="module-place"]')).toBeNull();
    expect(root.querySelector('.crumbs a')!.getAttribute('href')).toBe('/curricula');
    expect(text(root.querySelector('h1'))).toBe('Connection, disconnection and finding our way back');
  });

  it('asks to sign in, and to come back here, when the server says nobody is signed in', async () => {
    sessionStore.signedIn(sessionView([membership('org-a', 'Harbour Peer Network', 'TRAINER')]));
    server(problem(401, 'not-signed-in', 'Nobody is signed in.'));
    const el = await mount();
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).toBe('Facilitator notes');
    expect(text(root)).toMatch(/Facilitator notes are for the trainers .* so you need to sign in/);
    expect(root.querySelector('a.button')!.getAttribute('href')).toBe('/sign-in?next=%2Fcurricula%2Fmodules%2Fcore-connection');
    expect(root.querySelector('.notes')).toBeNull();
    // the session had ended: the rest of the app hears so
    expect(sessionStore.state.status).toBe('signed-out');
  });

  it('explains other failures in words', async () => {
    server(problem(404, 'not-found', "There is no module 'core-connection'."));
    const el = await mount();
    expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).toBe("There is no module 'core-connection'.");
  });

  it('still shows the module when the topic titles cannot be had', async () => {
    fakeApi({
      'GET /api/curricula/modules/core-connection': json(connectionModule),
      'GET /api/curricula/coverage': problem(503, 'unavailable'),
    });
    const el = await mount();
    expect(text(section(el, 'topics').querySelector('li'))).toBe('Four tasks');
  });
});
