import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RoomView } from './types';
import { deepRoot } from '../test/page';
import { setDefaultSocketFactory } from '../live/room-connection';
import { sessionStore } from '../identity/session';
import {
  clearCookie,
  fakeApi,
  json,
  membership,
  problem,
  sessionView,
  setCookie,
  settle,
  submitForm,
  text,
  typeInto,
} from '../test/fake-api';
import { ack, connectAs, event, fakeSockets, sam } from '../test/fake-socket';
import '../console/mut-facilitator';
import '../console/mut-room-console';

const NOW = Date.parse('2027-01-04T10:00:00Z');
const PRACTICE_URL = '/api/organisations/org-a/practice-rooms';

const practice: RoomView = {
  code: 'PRX4QT',
  cohortId: null,
  cohortTitle: 'Role-play practice',
  dayNumber: null,
  closesAt: '2027-01-04T16:30:00Z',
  joinPath: '/join/PRX4QT',
};

function baseRoutes() {
  return {
    'GET /api/organisations': json([{ id: 'org-a', slug: 'a', name: 'Harbour Peer Network', timeZone: 'Europe/Dublin' }]),
    'GET /api/curricula/courses': json([]),
    'GET /api/organisations/org-a/cohorts': json([]),
    'GET /api/curricula/prompts': json([]),
  };
}

beforeEach(() => {
  setCookie('mutuality_csrf=csrf-cookie; path=/');
  sessionStore.signedIn(sessionView([membership('org-a', 'Harbour Peer Network', 'TRAINER')]));
});

afterEach(() => {
  document.body.innerHTML = '';
  setDefaultSocketFactory(undefined);
  clearCookie('mutuality_csrf');
  sessionStore.reset();
  vi.unstubAllGlobals();
  window.history.pushState({}, '', '/');
});

describe('<mut-facilitator> practice rooms', () => {
  async function mount(routes = {}) {
    const api = fakeApi({ ...baseRoutes(), ...routes });
    const el = document.createElement('mut-facilitator');
    document.body.append(el);
    await settle(el);
    return { el, api, root: el.shadowRoot! };
  }

  it("lists the organisation's open practice rooms with links to their consoles", async () => {
    const { root } = await mount({ [`GET ${PRACTICE_URL}`]: json([practice]) });
    const link = root.querySelector<HTMLAnchorElement>('ul.practice-rooms a')!;
    expect(link.getAttribute('href')).toBe('/facilitator/practice/org-a/PRX4QT');
    expect(text(link)).toBe('Role-play practice');
  });

  it('opens a practice room for the chosen organisation and goes to its console', async () => {
    const { el, api, root } = await mount({
      [`GET ${PRACTICE_URL}`]: json([]),
      [`POST ${PRACTICE_URL}`]: json(practice, 201),
    });
    expect(text(root.querySelector('.practice'))).toMatch(/No practice rooms are open/);
    typeInto(root, '#practice-title', '  Role-play practice ');
    submitForm(root, '.practice form');
    await settle(el);
    const posts = api.to(`POST ${PRACTICE_URL}`);
    expect(posts).toHaveLength(1);
    expect(posts[0].body).toEqual({ title: 'Role-play practice' });
    expect(posts[0].headers['X-CSRF-Token']).toBe('csrf-cookie');
    expect(window.location.pathname).toBe('/facilitator/practice/org-a/PRX4QT');
  });

  it("shows the server's message for the title inline", async () => {
    const { el, root } = await mount({
      [`GET ${PRACTICE_URL}`]: json([]),
      [`POST ${PRACTICE_URL}`]: problem(400, 'validation', 'Check the title.', {
        errors: [{ field: 'title', message: 'The title must be 1 to 120 characters.' }],
      }),
    });
    typeInto(root, '#practice-title', 'Practice');
    submitForm(root, '.practice form');
    await settle(el);
    expect(text(root.querySelector('#practice-title-error'))).toBe('The title must be 1 to 120 characters.');
    expect(root.querySelector('#practice-title')!.getAttribute('aria-invalid')).toBe('true');
    expect(window.location.pathname).toBe('/');
  });

  it('asks for a title before calling the server', async () => {
    const { el, api, root } = await mount({ [`GET ${PRACTICE_URL}`]: json([]) });
    submitForm(root, '.practice form');
    await settle(el);
    expect(text(root.querySelector('#practice-title-error'))).toBe('Give the practice room a title.');
    expect(api.to(`POST ${PRACTICE_URL}`)).toHaveLength(0);
  });
});

describe('<mut-room-console> in practice mode', () => {
  let fake: ReturnType<typeof fakeSockets>;

  beforeEach(() => {
    fake = fakeSockets();
    setDefaultSocketFactory(fake.factory);
  });

  async function mount(rooms: RoomView[] = [practice], code = 'PRX4QT') {
    const api = fakeApi({ ...baseRoutes(), [`GET ${PRACTICE_URL}`]: json(rooms) });
    const el = document.createElement('mut-room-console');
    el.organisationId = 'org-a';
    el.practiceCode = code;
    el.now = () => NOW;
    document.body.append(el);
    await settle(el);
    const socket = fake.sockets.length ? fake.last : undefined;
    if (socket) {
      connectAs(socket, sam, [event(1, 'presence.joined', { participantId: sam.id, name: sam.name, role: sam.kind })]);
      await settle(el, 2);
    }
    return { el, api, socket, root: deepRoot(el) };
  }

  it('finds the room by its code and connects, with no agenda, attendance or summary', async () => {
    const { api, socket, root } = await mount();
    expect(api.to(`GET ${PRACTICE_URL}`)).toHaveLength(1);
    expect(api.calls.some((c) => /\/room$|\/curriculum$|\/attendance$|\/summary$/.test(c.url))).toBe(false);
    expect(socket).toBeDefined();
    expect(text(root.querySelector('h1'))).toBe('Role-play practice');
    expect(text(root.querySelector('[data-test="topbar-code"]'))).toContain('PRX');
    expect(root.querySelector('[data-qr-large]')).not.toBeNull();
    expect(root.querySelector('.agenda, #agenda-title, .now, [data-move]')).toBeNull();
    expect(root.querySelector('mut-room-attendance, mut-day-summary')).toBeNull();
    // the check-in controls, timers, notes and people are all there
    expect(root.querySelector('form.start #prompt-text')).not.toBeNull();
    expect(text(root.querySelector('form.start button[type="submit"]'))).toBe('Start the check-in');
    expect(root.querySelector('.timer-form')).not.toBeNull();
    expect(root.querySelector('#note-text')).not.toBeNull();
    expect(root.querySelector('.people-card')).not.toBeNull();
    expect(text(root.querySelector('#end-day'))).toBe('Close the practice room');
  });

  it('closes the practice room with day.end after confirming', async () => {
    const { el, socket, root } = await mount();
    root.querySelector<HTMLButtonElement>('#end-day')!.click();
    await settle(el, 2);
    root.querySelector<HTMLButtonElement>('[data-confirm-end]')!.click();
    await settle(el, 2);
    expect(socket!.commands.at(-1)).toMatchObject({ type: 'day.end' });
    socket!.receive(ack(socket!.commands.at(-1)!.id, [2]));
    socket!.receive(event(2, 'day.ended', {}));
    await settle(el, 2);
    expect(text(root.querySelector('.ended'))).toMatch(/This practice room is closed/);
  });

  it('says so when no open practice room has the code', async () => {
    const { socket, root } = await mount([], 'GONE12');
    expect(socket).toBeUndefined();
    expect(text(root)).toMatch(/no open practice room GONE12/);
  });
});
