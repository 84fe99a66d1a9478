import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cohort, PinnedCurriculum } from '../cohort/types';
import type { Prompt } from '../curricula/types';
import type { RoomView } from '../room/types';
import type { RoomEvent, You } from '../live/protocol';
import { fakeApi, json, problem, settle, text, type Handler } from '../test/fake-api';
import {
  ack,
  ana,
  ben,
  connectAs,
  event,
  fakeSockets,
  refusal,
  sam,
  type FakeSocket,
  closeFakeRoom,
  openFakeRoom,
} from '../test/fake-socket';
import { connectionModule, core, scenarios } from '../test/curriculum-fixtures';
import { deepRoot } from '../test/page';
import { RP, grouped, launched, roundStarted, twoGroups } from '../test/activity-fixtures';
import './mut-facilitator';
import './mut-room-console';
import { CHIME_KEY, type MutRoomConsole } from './mut-room-console';
import { qrModules, qrPath } from './qr-code';

const NOW = Date.parse('2027-01-04T10:00:00Z');
const ROOM_URL = 'POST /api/organisations/org-a/cohorts/c1/days/1/room';
const CURRICULUM_URL = 'GET /api/organisations/org-a/cohorts/c1/curriculum';

const roomView: RoomView = {
  code: 'KMR7TX',
  cohortId: 'c1',
  cohortTitle: 'Core training, January 2027',
  dayNumber: 1,
  closesAt: '2027-01-04T16:30:00Z',
  joinPath: '/join/KMR7TX',
};

const pinned: PinnedCurriculum = {
  source: 'repository',
  version: '2026.2',
  course: core,
  days: [
    {
      number: 1,
      title: 'Arriving together',
      starts: '09:30',
      ends: '11:30',
      agenda: [
        { at: '09:30', minutes: 60, kind: 'module', title: 'Connection and disconnection', module: connectionModule },
        { at: '10:30', minutes: 15, kind: 'break', title: 'Morning tea', module: null },
        { at: '10:45', minutes: 45, kind: 'module', title: 'What happened?', module: null },
      ],
    },
  ],
  ownPrompts: [{ id: 'own-tide', kind: 'check-in', text: 'Where is your tide today?', tags: [] }],
};

const prompts: Prompt[] = [
  { id: 'checkin-weather', kind: 'check-in', text: 'What is your weather right now?', tags: [] },
  { id: 'checkout-take', kind: 'check-out', text: 'What do you take with you?', tags: [] },
];

let fake: ReturnType<typeof fakeSockets>;

function server(routes: Record<string, Handler> = {}) {
  return fakeApi({
    [ROOM_URL]: json(roomView, 201),
    [CURRICULUM_URL]: json(pinned),
    'GET /api/curricula/prompts': json(prompts),
    ...routes,
  });
}

async function mount(events: RoomEvent[] = [], routes: Record<string, Handler> = {}) {
  const api = server(routes);
  const el = document.createElement('mut-room-console');
  el.organisationId = 'org-a';
  el.cohortId = 'c1';
  el.day = 1;
  el.now = () => NOW;
  document.body.append(el);
  await settle(el);
  const socket = fake.sockets.length ? fake.last : undefined;
  if (socket) {
    connectAs(socket, sam, [joined(1, sam), ...events]);
    await settle(el, 2);
  }
  return { el, api, socket: socket!, root: deepRoot(el) };
}

async function push(el: MutRoomConsole, socket: FakeSocket, ...messages: unknown[]) {
  for (const m of messages) socket.receive(m);
  await settle(el, 2);
}

function button(root: ParentNode, label: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) =>
    typeof label === 'string' ? text(b) === label : label.test(text(b)),
  );
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

async function click(el: MutRoomConsole, b: HTMLElement) {
  b.click();
  await settle(el, 2);
}

const joined = (seq: number, p: You) => event(seq, 'presence.joined', { participantId: p.id, name: p.name, role: p.kind });

const started = (seq: number, over: Partial<Extract<RoomEvent, { kind: 'checkin.started' }>['data']> = {}) =>
  event(seq, 'checkin.started', {
    checkinId: 'k1',
    prompt: 'What is your weather right now?',
    closing: false,
    visibility: 'everyone',
    mode: 'open',
    order: [],
    ...over,
  });

describe('<mut-room-console>', () => {
  beforeEach(() => {
    fake = openFakeRoom();
  });

  afterEach(() => {
    closeFakeRoom();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('opens the room, shows its code large and grouped with the join link, and connects as staff', async () => {
    const { api, socket, root } = await mount();
    const [call] = api.to(ROOM_URL);
    expect(call.headers['X-CSRF-Token']).toBe('csrf-cookie');
    expect(text(root.querySelector('[data-test="topbar-code"]'))).toBe('KMR 7TX');
    expect(text(root.querySelector('[data-test="topbar-code"] + .visually-hidden'))).toBe('K M R 7 T X');
    const link = root.querySelector<HTMLAnchorElement>('.join-line a')!;
    expect(link.getAttribute('href')).toBe(`${window.location.origin}/join/KMR7TX`);
    expect(socket.url).toMatch(/\/ws\/rooms\/KMR7TX$/);
    expect(socket.hello).not.toHaveProperty('token');
    expect(text(root.querySelector('h1'))).toBe('Core training, January 2027, day 1');
  });

  it('asks before opening a room more than a day ahead, and opens it early only when told to', async () => {
    const early = 'Day 1 is on 2027-01-18. Its room opens from the day before; open it now only to get ready (early=true).';
    const { api, el, root } = await mount([], {
      [ROOM_URL]: problem(409, 'conflict', early, { errors: [{ field: 'early', message: early }] }),
      [`${ROOM_URL}?early=true`]: json(roomView, 201),
    });
    expect(fake.sockets).toHaveLength(0);
    const card = root.querySelector('[data-test="open-early"]')!;
    expect(text(card)).toContain('Day 1 is on 2027-01-18. Its room opens from the day before.');
    expect(text(card)).not.toContain('early=true');
    expect(api.to(`${ROOM_URL}?early=true`)).toHaveLength(0);
    card.querySelector<HTMLButtonElement>('[data-open-early]')!.click();
    await settle(el, 2);
    expect(api.to(`${ROOM_URL}?early=true`)).toHaveLength(1);
    expect(fake.sockets).toHaveLength(1);
  });

  it('explains a 403 in words', async () => {
    const { root } = await mount([], { [ROOM_URL]: problem(403, 'forbidden', 'Forbidden') });
    expect(fake.sockets).toHaveLength(0);
    expect(text(root.querySelector('[role="alert"]'))).toMatch(/Only this cohort's trainers and its organisation's admins/);
  });

  describe('the agenda', () => {
    it('lists the day with planned minutes and moves the room on', async () => {
      const { el, root, socket } = await mount();
      const slots = [...root.querySelectorAll('ol.slots li')];
      expect(slots).toHaveLength(3);
      expect(text(slots[0])).toContain('Connection and disconnection');
      expect(text(slots[0])).toContain('planned 60 min');
      expect(text(root.querySelector('.now .slot'))).toBe('Not started yet');

      await click(el, root.querySelector<HTMLButtonElement>('[data-move="2"]')!);
      expect(socket.commands[0]).toMatchObject({ type: 'agenda.move', slot: 2 });
    });

    it('marks the slot under way, with time spent, day progress and the module’s notes', async () => {
      const { el, root, socket } = await mount([
        event(2, 'agenda.moved', { slot: 0, title: 'Connection and disconnection' }, '2027-01-04T09:30:00Z'),
      ]);
      const first = root.querySelector('ol.slots li[data-slot="0"]')!;
      expect(first.getAttribute('aria-current')).toBe('step');
      expect(text(first)).toContain('spent 30 min');
      expect(first.querySelector('[data-move]')).toBeNull();
      const bar = root.querySelector('[role="progressbar"]')!;
      expect(bar.getAttribute('aria-valuenow')).toBe('25'); // 30 of 120 planned minutes
      expect(text(root.querySelector('[data-test="topbar-progress"]'))).toBe("25% through the day's plan");
      expect((bar.querySelector('.fill') as HTMLElement).style.getPropertyValue('--progress')).toBe('25%');

      const notes = root.querySelector('.notes')!;
      expect(text(notes.querySelector('h3'))).toBe('Starting from experience');
      expect(notes.querySelector('script')).toBeNull();
      expect(text(notes)).toContain('<script>');

      await push(el, socket, event(3, 'agenda.moved', { slot: 1, title: 'Morning tea' }, '2027-01-04T09:50:00Z'));
      expect(text(root.querySelector('ol.slots li[data-slot="0"]'))).toContain('spent 20 min');
      expect(text(root.querySelector('ol.slots li[data-slot="1"]'))).toContain('spent 10 min');
      expect(text(root.querySelector('.now .slot'))).toBe('Morning tea');
    });
  });

  describe('people', () => {
    it('lists who is here and removes only after an inline confirmation', async () => {
      const { el, root, socket } = await mount([joined(2, ana), joined(3, ben)]);
      const names = [...root.querySelectorAll('ul[aria-label="Participants here"] li')].map((li) =>
        text(li.querySelector('span')),
      );
      expect(names).toEqual(['Ana', 'Ben']);
      expect(text(root.querySelector('ul[aria-label="Facilitators here"]'))).toContain('Sam Rivera (you)');

      await click(el, root.querySelector<HTMLButtonElement>('[data-remove="p-ben"]')!);
      expect(socket.commands).toEqual([]);
      expect(text(root.querySelector('mut-confirm'))).toMatch(/Ask Ben to step out of the room for now/);
      expect(root.activeElement?.hasAttribute('data-keep')).toBe(true);
      expect(text(root.querySelector('[data-confirm-remove]'))).toBe('Ask Ben to step out');

      await click(el, root.querySelector<HTMLButtonElement>('[data-confirm-remove]')!);
      expect(socket.commands[0]).toMatchObject({ type: 'participant.remove', participantId: 'p-ben' });

      await push(el, socket, ack(socket.commands[0].id, [4]), event(4, 'participant.removed', { participantId: 'p-ben' }));
      expect(text(root.querySelector('ul[aria-label="Asked to step out"]'))).toContain('Ben');
      await click(el, root.querySelector<HTMLButtonElement>('[data-admit="p-ben"]')!);
      expect(socket.commands[1]).toMatchObject({ type: 'participant.admit', participantId: 'p-ben' });
      await push(el, socket, ack(socket.commands[1].id, [5]), event(5, 'participant.admitted', { participantId: 'p-ben' }));
      expect(root.querySelector('ul[aria-label="Asked to step out"]')).toBeNull();
    });

    it('"keep them in" sends nothing', async () => {
      const { el, root, socket } = await mount([joined(2, ana)]);
      await click(el, root.querySelector<HTMLButtonElement>('[data-remove="p-ana"]')!);
      await click(
        el,
        root.querySelector<HTMLButtonElement>('mut-confirm')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-keep]')!,
      );
      expect(socket.commands).toEqual([]);
      expect(root.querySelector('mut-confirm')).toBeNull();
      expect(root.activeElement).toBe(root.querySelector('[data-remove="p-ana"]'));
    });
  });

  describe('check-ins', () => {
    it('starts one from the bank with the chosen visibility and mode', async () => {
      const { el, root, socket } = await mount();
      const select = root.querySelector<HTMLSelectElement>('#prompt-choice')!;
      const options = [...select.querySelectorAll('option')].map((o) => text(o));
      expect(options).toEqual(['Write my own', 'Where is your tide today?', 'What is your weather right now?']);
      select.value = 'checkin-weather';
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(root.querySelector<HTMLTextAreaElement>('#prompt-text')!.value).toBe('What is your weather right now?');
      root.querySelector<HTMLInputElement>('input[name="visibility"][value="facilitators"]')!.click();
      root.querySelector<HTMLInputElement>('input[name="mode"][value="round"]')!.click();
      await el.updateComplete;
      root.querySelector('form.start')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      expect(socket.commands[0]).toEqual({
        v: 1,
        type: 'checkin.start',
        id: socket.commands[0].id,
        prompt: 'What is your weather right now?',
        promptId: 'checkin-weather',
        closing: false,
        visibility: 'facilitators',
        mode: 'round',
      });
    });

    it('does not offer a round for anonymous answers, whose turn order would name them', async () => {
      const { el, root } = await mount();
      root.querySelector<HTMLInputElement>('input[name="mode"][value="round"]')!.click();
      await el.updateComplete;
      root.querySelector<HTMLInputElement>('input[name="visibility"][value="anonymous"]')!.click();
      await el.updateComplete;
      const round = root.querySelector<HTMLInputElement>('input[name="mode"][value="round"]')!;
      expect(round.disabled).toBe(true);
      expect(round.checked).toBe(false);
      expect(root.querySelector<HTMLInputElement>('input[name="mode"][value="open"]')!.checked).toBe(true);
    });

    it('starts a check-out in the facilitator’s own words, without a bank id', async () => {
      const { el, root, socket } = await mount();
      const kinds = root.querySelectorAll<HTMLInputElement>('input[name="kind"]');
      kinds[1].click();
      await el.updateComplete;
      expect(text(button(root, /^Start the/))).toBe('Start the check-out');
      const options = [...root.querySelectorAll('#prompt-choice option')].map((o) => text(o));
      expect(options).toEqual(['Write my own', 'What do you take with you?']);
      const area = root.querySelector<HTMLTextAreaElement>('#prompt-text')!;
      area.value = 'One thing you noticed today.';
      area.dispatchEvent(new InputEvent('input'));
      root.querySelector<HTMLInputElement>('input[name="visibility"][value="facilitators"]')!.click();
      await el.updateComplete;
      root.querySelector('form.start')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      expect(socket.commands[0]).toMatchObject({
        type: 'checkin.start',
        prompt: 'One thing you noticed today.',
        closing: true,
        visibility: 'facilitators',
        mode: 'open',
      });
      expect(socket.commands[0]).not.toHaveProperty('promptId');
    });

    it('shows a refusal with its message', async () => {
      const { el, root, socket } = await mount();
      const area = root.querySelector<HTMLTextAreaElement>('#prompt-text')!;
      area.value = 'How do you arrive?';
      area.dispatchEvent(new InputEvent('input'));
      root.querySelector('form.start')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      await push(el, socket, refusal('not-allowed', 'Only facilitators can start a check-in.', socket.commands[0].id));
      expect(text(root.querySelector('[data-problem="checkin"]'))).toBe('Only facilitators can start a check-in.');
    });

    it('shows "responded" for an answer and for a pass alike', async () => {
      const { root } = await mount([
        joined(2, ana),
        joined(3, ben),
        started(4),
        event(5, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', participantId: 'p-ana', name: 'Ana', word: 'sunny' }),
        event(6, 'checkin.responded', { checkinId: 'k1', participantId: 'p-ana' }),
        event(7, 'checkin.responded', { checkinId: 'k1', participantId: 'p-ben' }), // Ben passed
      ]);
      const rows = [...root.querySelectorAll('ul.responded li')].map((li) => text(li));
      expect(rows).toEqual(['Ana Responded', 'Ben Responded']);
      expect(text(root.querySelector('.responded-count'))).toBe('2 of 2 participants here have responded.');
      expect(text(root.querySelector('.checkin'))).not.toMatch(/\bpassed\b/i);
    });

    it('shows who has not responded yet', async () => {
      const { root } = await mount([
        joined(2, ana),
        joined(3, ben),
        started(4),
        event(5, 'checkin.responded', { checkinId: 'k1', participantId: 'p-ana' }),
      ]);
      const rows = [...root.querySelectorAll('ul.responded li')].map((li) => text(li));
      expect(rows).toEqual(['Ana Responded', 'Ben Not yet']);
    });

    it('anonymous answers show no names', async () => {
      const { root } = await mount([
        joined(2, ana),
        joined(3, ben),
        started(4, { visibility: 'anonymous' }),
        event(5, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', word: 'sunny', energy: 4 }),
        event(6, 'checkin.responded', { checkinId: 'k1', count: 1 }),
        event(7, 'checkin.answered', { checkinId: 'k1', answerId: 'a2', word: 'cloudy' }),
        event(8, 'checkin.responded', { checkinId: 'k1', count: 2 }),
      ]);
      // how many have responded, but no list of who
      expect(text(root.querySelector('.responded-count')!)).toMatch(/^2 of 2 participants here have responded/);
      expect(root.querySelector('ul.responded')).toBeNull();
      const answers = root.querySelector('ul.answers')!;
      expect(answers.querySelectorAll('li')).toHaveLength(2);
      expect(text(answers)).not.toMatch(/Ana|Ben/);
      expect(answers.querySelector('.who')).toBeNull();
      // not in the order they came, so they can't be matched to who responded when
      expect([...answers.querySelectorAll('.word')].map((w) => text(w))).toEqual(['cloudy', 'sunny']);
    });

    it('in a round, shows the turn and moves it on', async () => {
      const { el, root, socket } = await mount([
        joined(2, ana),
        joined(3, ben),
        started(4, { mode: 'round', order: ['p-ana', 'p-ben'] }),
      ]);
      expect(text(root.querySelector('.turn'))).toBe('The round has not started yet.');
      await click(el, button(root, 'Start with the first person'));
      expect(socket.commands[0]).toMatchObject({ type: 'checkin.next', checkinId: 'k1' });
      await push(
        el,
        socket,
        ack(socket.commands[0].id, [5]),
        event(5, 'checkin.turn', { checkinId: 'k1', participantId: 'p-ana' }),
      );
      expect(text(root.querySelector('.turn'))).toBe("It's Ana's turn.");
      expect(root.querySelector('ol.order li[aria-current="true"]')?.textContent).toContain('Ana');
      await click(el, button(root, 'Next person'));
      expect(socket.commands[1]).toMatchObject({ type: 'checkin.next', checkinId: 'k1' });
    });

    it('closes and shows the summary: how many answers and the spread of energy, no names', async () => {
      const { el, root, socket } = await mount([
        joined(2, ana),
        started(3),
        event(4, 'checkin.answered', {
          checkinId: 'k1',
          answerId: 'a1',
          participantId: 'p-ana',
          name: 'Ana',
          word: 'sunny',
          energy: 4,
        }),
      ]);
      await click(el, root.querySelector<HTMLButtonElement>('[data-close]')!);
      expect(socket.commands[0]).toMatchObject({ type: 'checkin.close', checkinId: 'k1' });
      await push(
        el,
        socket,
        ack(socket.commands[0].id, [5]),
        event(5, 'checkin.closed', { checkinId: 'k1', answers: 4, energy: { '2': 1, '4': 2, '5': 1 } }),
      );
      const summary = root.querySelector('.summary')!;
      expect(text(summary.querySelector('.summary-count'))).toBe('4 answers');
      expect(text(summary)).not.toContain('Ana');
      const bars = [...summary.querySelectorAll<HTMLElement>('ul.energy-chart li')];
      expect(bars.map((li) => text(li.querySelector('.count')))).toEqual(['0', '1', '0', '2', '1']);
      expect(bars[3].querySelector<HTMLElement>('.fill')!.style.getPropertyValue('--share')).toBe('100.0%');
      expect(bars[1].querySelector<HTMLElement>('.fill')!.style.getPropertyValue('--share')).toBe('50.0%');
      // ready for the next one
      expect(root.querySelector('form.start')).not.toBeNull();
    });
  });

  describe('timers', () => {
    it('sets one with minutes and a label, and counts down from endsAt', async () => {
      const { el, root, socket } = await mount();
      const minutes = root.querySelector<HTMLInputElement>('#timer-minutes')!;
      minutes.value = '7';
      minutes.dispatchEvent(new InputEvent('input'));
      const label = root.querySelector<HTMLInputElement>('#timer-label')!;
      label.value = 'Pairs';
      label.dispatchEvent(new InputEvent('input'));
      root.querySelector('form.timer-form')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      expect(socket.commands[0]).toMatchObject({ type: 'timer.set', seconds: 420, label: 'Pairs' });

      await push(
        el,
        socket,
        ack(socket.commands[0].id, [2]),
        event(2, 'timer.started', { timerId: 't1', label: 'Pairs', endsAt: new Date(NOW + 420_000).toISOString() }),
      );
      expect(text(root.querySelector('[role="timer"]'))).toBe('7:00');
      el.now = () => NOW + 90_500;
      el.requestUpdate();
      await el.updateComplete;
      expect(text(root.querySelector('[role="timer"]'))).toBe('5:30');
    });

    it('pauses, resumes, extends by 2 or 5 minutes and clears', async () => {
      const { el, root, socket } = await mount([
        event(2, 'timer.started', { timerId: 't1', label: 'Pairs', endsAt: new Date(NOW + 300_000).toISOString() }),
      ]);
      await click(el, root.querySelector<HTMLButtonElement>('[data-pause]')!);
      await click(el, root.querySelector<HTMLButtonElement>('[data-extend="120"]')!);
      await click(el, root.querySelector<HTMLButtonElement>('[data-extend="300"]')!);
      await push(el, socket, event(3, 'timer.paused', { timerId: 't1', remainingSeconds: 720 }));
      expect(text(root.querySelector('.timer'))).toContain('Paused');
      expect(text(root.querySelector('[role="timer"]'))).toBe('12:00');
      await click(el, root.querySelector<HTMLButtonElement>('[data-resume]')!);
      await click(el, root.querySelector<HTMLButtonElement>('[data-clear]')!);
      expect(socket.commands.map((c) => [c.type, c.seconds])).toEqual([
        ['timer.pause', undefined],
        ['timer.extend', 120],
        ['timer.extend', 300],
        ['timer.resume', undefined],
        ['timer.clear', undefined],
      ]);
      expect(socket.commands.every((c) => c.timerId === 't1')).toBe(true);
    });
  });

  it('shares a note with the room', async () => {
    const { el, root, socket } = await mount();
    const area = root.querySelector<HTMLTextAreaElement>('#note-text')!;
    area.value = 'Back at 11:15.';
    area.dispatchEvent(new InputEvent('input'));
    button(root, 'Share with the room').click();
    await settle(el, 2);
    expect(socket.commands[0]).toMatchObject({ type: 'note.share', text: 'Back at 11:15.' });
    await push(
      el,
      socket,
      ack(socket.commands[0].id, [2]),
      event(2, 'note.shared', { text: 'Back at 11:15.', by: 'Sam Rivera' }),
    );
    expect(text(root.querySelector('.shown-note'))).toContain('Back at 11:15.');
    expect(root.querySelector<HTMLTextAreaElement>('#note-text')!.value).toBe('');
  });

  it('shows the code large with a QR code for the join link, for projecting, and closes it again', async () => {
    const { el, root } = await mount();
    const joinUrl = `${window.location.origin}/join/KMR7TX`;
    const large = root.querySelector<HTMLButtonElement>('[data-qr-large]')!;
    expect(text(large)).toBe('Show large');
    expect(large.getAttribute('aria-pressed')).toBe('false');
    expect(root.querySelector('[data-test="code-large"]')).toBeNull();
    await click(el, large);
    expect(large.getAttribute('aria-pressed')).toBe('true');
    const shown = root.querySelector('[data-test="code-large"]')!;
    expect(text(shown.querySelector('.big-code [aria-hidden="true"]'))).toBe('KMR 7TX');
    expect(text(shown)).toContain(joinUrl.replace(/^https?:\/\//, ''));
    expect(root.activeElement).toBe(shown.querySelector('[data-close-large]'));
    const qr = root.querySelector<SVGSVGElement>('svg.qr')!;
    expect(qr.getAttribute('role')).toBe('img');
    expect(qr.getAttribute('aria-label')).toBe('QR code for the join link');
    const modules = qrModules(joinUrl);
    expect(Number(qr.getAttribute('data-modules'))).toBe(modules.length);
    expect(qr.getAttribute('viewBox')).toBe(`0 0 ${modules.length + 8} ${modules.length + 8}`);
    // the path's runs cover exactly the dark modules
    const d = qr.querySelector('path')!.getAttribute('d')!;
    const runs = [...d.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => Number(m[3]));
    expect(runs.reduce((a, b) => a + b, 0)).toBe(modules.flat().filter(Boolean).length);
    expect(d).toBe(qrPath(modules));
    expect(root.innerHTML).not.toContain('data:image');

    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle(el, 2);
    expect(root.querySelector('[data-test="code-large"]')).toBeNull();
    expect(large.getAttribute('aria-pressed')).toBe('false');
  });

  it('holds the attendance and the end-of-day summary for the day', async () => {
    const { root } = await mount();
    const attendance = root.querySelector('mut-room-attendance')!;
    const summary = root.querySelector('mut-day-summary')!;
    expect([attendance.organisationId, attendance.cohortId, attendance.day]).toEqual(['org-a', 'c1', 1]);
    expect([summary.organisationId, summary.cohortId, summary.day]).toEqual(['org-a', 'c1', 1]);
  });

  describe('the top bar', () => {
    const rolePlaying = () => [
      launched(2),
      grouped(3, twoGroups(), [], true),
      roundStarted(4, 1, new Date(NOW + 600_000).toISOString(), new Date(NOW + 540_000).toISOString()),
    ];

    it('starts a 3-minute timer in one click, during a role-play, and pauses, extends and clears it there', async () => {
      const { el, root, socket } = await mount(rolePlaying());
      // the role-play fills the main area first
      const main = root.querySelector('.main')!;
      expect(
        main.querySelector('mut-roleplay-console')!.compareDocumentPosition(main.querySelector('mut-console-checkin')!) &
          Node.DOCUMENT_POSITION_FOLLOWING,
      ).toBeTruthy();
      const bar = root.querySelector('mut-console-topbar')!;
      expect([...root.querySelectorAll('[data-quick]')].map((b) => b.getAttribute('data-quick'))).toEqual([
        '60',
        '180',
        '300',
        '600',
      ]);
      await click(el, root.querySelector<HTMLButtonElement>('[data-quick="180"]')!);
      expect(socket.commands).toEqual([expect.objectContaining({ type: 'timer.set', seconds: 180 })]);
      await push(
        el,
        socket,
        ack(socket.commands[0].id, [5]),
        event(5, 'timer.started', { timerId: 't5', endsAt: new Date(NOW + 180_000).toISOString() }),
      );
      expect(text(bar.shadowRoot!.querySelector('[data-test="quick-running"] [role="timer"]'))).toBe('3:00');
      await click(el, root.querySelector<HTMLButtonElement>('[data-test="quick-pause"]')!);
      await click(el, root.querySelector<HTMLButtonElement>('[data-test="quick-extend"]')!);
      await click(el, root.querySelector<HTMLButtonElement>('[data-test="quick-clear"]')!);
      expect(socket.commands.slice(1).map((c) => [c.type, c.timerId, c.seconds])).toEqual([
        ['timer.pause', 't5', undefined],
        ['timer.extend', 't5', 60],
        ['timer.clear', 't5', undefined],
      ]);
    });

    it('starts a timer of any number of minutes, and says when the number will not do', async () => {
      const { el, root, socket } = await mount();
      const input = root.querySelector<HTMLInputElement>('[data-test="quick-custom"]')!;
      input.value = '0';
      input.dispatchEvent(new InputEvent('input'));
      await click(el, root.querySelector<HTMLButtonElement>('[data-test="quick-custom-start"]')!);
      expect(socket.commands).toEqual([]);
      expect(text(root.querySelector('mut-console-topbar [data-problem="timers"], [data-problem="timers"]'))).toBe(
        'Choose between 1 and 240 minutes.',
      );
      input.value = '7';
      input.dispatchEvent(new InputEvent('input'));
      await click(el, root.querySelector<HTMLButtonElement>('[data-test="quick-custom-start"]')!);
      expect(socket.commands).toEqual([expect.objectContaining({ type: 'timer.set', seconds: 420 })]);
    });

    it('counts who is here, and the count opens the list', async () => {
      const { el, root } = await mount([joined(2, ana), joined(3, ben)]);
      const count = root.querySelector<HTMLButtonElement>('[data-test="here-count"]')!;
      expect(text(count)).toBe('2 here: show who is here');
      await click(el, count);
      expect(root.activeElement).toBe(root.querySelector('#people-title'));
    });

    it("a group's help signal shows a toast and the count in the tab's title until a facilitator goes to them", async () => {
      const chimes: number[] = [];
      const { el, root, socket } = await mount(rolePlaying());
      el.chimePlayer = () => chimes.push(1);
      expect(document.title).toBe('Room KMR 7TX · Mutuality');
      expect(root.querySelector('[data-test="help-toast"]')).toBeNull();
      await push(el, socket, event(5, 'roleplay.help', { roleplayId: RP, groupId: 'g2', on: true }));
      expect(text(root.querySelector('[data-test="help-toast"]'))).toContain('Group 2 would like a facilitator.');
      expect(root.querySelector('[data-test="help-toast"]')!.getAttribute('role')).toBe('alert');
      expect(text(root.querySelector('[data-test="topbar-help"]'))).toBe('1 group would like a facilitator');
      expect(document.title).toBe('(1) A group would like a facilitator · Room KMR 7TX · Mutuality');
      expect(chimes).toEqual([]); // the chime is off unless turned on

      await click(el, root.querySelector<HTMLButtonElement>('[data-go-to="g2"]')!);
      expect(socket.commands.at(-1)).toMatchObject({ type: 'roleplay.listen', roleplayId: RP, groupId: 'g2' });
      await push(
        el,
        socket,
        ack(socket.commands.at(-1)!.id, [6]),
        event(6, 'roleplay.listening', {
          roleplayId: RP,
          facilitatorId: sam.id,
          name: sam.name,
          groupId: 'g2',
          previousGroupId: null,
        }),
      );
      expect(root.querySelector('[data-test="help-toast"]')).toBeNull();
      expect(document.title).toBe('Room KMR 7TX · Mutuality');
    });

    it('chimes for a new help signal once the chime is turned on, and remembers it on this device', async () => {
      const chimes: string[] = [];
      const { el, root, socket } = await mount(rolePlaying());
      el.chimePlayer = () => chimes.push('ding');
      const toggle = root.querySelector<HTMLButtonElement>('[data-test="chime"]')!;
      expect(toggle.getAttribute('aria-pressed')).toBe('false');
      await click(el, toggle);
      expect(toggle.getAttribute('aria-pressed')).toBe('true');
      expect(localStorage.getItem(CHIME_KEY)).toBe('on');
      await push(el, socket, event(5, 'roleplay.help', { roleplayId: RP, groupId: 'g1', on: true }));
      await push(el, socket, event(6, 'note.shared', { text: 'Tea is ready.', by: 'Sam Rivera' }));
      expect(chimes).toEqual(['ding']); // once for the new signal, not again for other events
      localStorage.removeItem(CHIME_KEY);
    });
  });

  describe('keyboard shortcuts', () => {
    const press = async (el: MutRoomConsole, k: string, target: EventTarget = document.body) => {
      target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true }));
      await settle(el, 3);
    };

    it('start, pause and carry on a timer, and move to the next part of the agenda, saying what happened', async () => {
      const { el, root, socket } = await mount();
      await press(el, '3');
      expect(socket.commands.at(-1)).toMatchObject({ type: 'timer.set', seconds: 180 });
      await push(
        el,
        socket,
        ack(socket.commands.at(-1)!.id, [2]),
        event(2, 'timer.started', { timerId: 't2', endsAt: new Date(NOW + 180_000).toISOString() }),
      );
      expect(text(root.querySelector('[data-test="shortcut-said"]'))).toBe('A 3-minute timer has started.');
      await press(el, 'p');
      expect(socket.commands.at(-1)).toMatchObject({ type: 'timer.pause', timerId: 't2' });
      await push(
        el,
        socket,
        ack(socket.commands.at(-1)!.id, [3]),
        event(3, 'timer.paused', { timerId: 't2', remainingSeconds: 170 }),
      );
      await press(el, 'p');
      expect(socket.commands.at(-1)).toMatchObject({ type: 'timer.resume', timerId: 't2' });

      await press(el, 'n');
      expect(socket.commands.at(-1)).toMatchObject({ type: 'agenda.move', slot: 0 });
      await push(
        el,
        socket,
        ack(socket.commands.at(-1)!.id, [4]),
        event(4, 'agenda.moved', { slot: 0, title: 'Connection and disconnection' }),
      );
      expect(text(root.querySelector('[data-test="shortcut-said"]'))).toBe('Now: Connection and disconnection.');
      await press(el, 'n');
      expect(socket.commands.at(-1)).toMatchObject({ type: 'agenda.move', slot: 1 });
    });

    it('do nothing while the facilitator types in a field', async () => {
      const { el, root, socket } = await mount();
      const field = root.querySelector<HTMLInputElement>('[data-test="quick-custom"]')!;
      await press(el, '3', field);
      await press(el, 'n', field);
      expect(socket.commands).toEqual([]);
    });

    it('"?" lists the keys in an overlay that Escape closes, giving focus back', async () => {
      const { el, root } = await mount();
      const opener = root.querySelector<HTMLButtonElement>('[data-test="show-shortcuts"]')!;
      await click(el, opener);
      const overlay = root.querySelector('[data-test="shortcuts"]')!;
      expect(overlay.getAttribute('role')).toBe('dialog');
      expect(text(overlay)).toContain('Move to the next part of the agenda');
      expect(root.activeElement).toBe(root.querySelector('[data-close-keys]'));
      await press(el, 'Escape');
      expect(root.querySelector('[data-test="shortcuts"]')).toBeNull();
      expect(root.activeElement).toBe(opener);
      await press(el, '?');
      expect(root.querySelector('[data-test="shortcuts"]')).not.toBeNull();
      await press(el, '3'); // keys wait while the overlay is open
      await click(el, root.querySelector<HTMLButtonElement>('[data-close-keys]')!);
      expect(root.querySelector('[data-test="shortcuts"]')).toBeNull();
    });

    it('"f" opens the scenario search of the role-play that can be launched, with the cursor in it', async () => {
      const { el, root } = await mount([], {
        'GET /api/curricula/scenarios': json(scenarios),
        'GET /api/curricula/reframes': json([]),
      });
      await settle(el, 3);
      await press(el, 'f');
      await settle(el, 3);
      expect(root.activeElement).toBe(root.querySelector('[data-test="roleplay-scenario-search"]'));
      expect(root.querySelectorAll('[data-test="roleplay-scenario"]').length).toBeGreaterThan(0);
    });

    it('say why a key cannot act after the day has ended', async () => {
      const { el, root, socket } = await mount([event(2, 'day.ended', {})]);
      await press(el, '5');
      expect(socket.commands).toEqual([]);
      expect(text(root.querySelector('[data-test="shortcut-said"]'))).toBe('This day has ended.');
    });
  });

  it('ends the day only after a confirmation', async () => {
    const { el, root, socket } = await mount();
    await click(el, root.querySelector<HTMLButtonElement>('#end-day')!);
    expect(socket.commands).toEqual([]);
    expect(text(root.querySelector('.end mut-confirm'))).toMatch(/can't be undone/);
    expect(root.activeElement?.hasAttribute('data-keep')).toBe(true);
    await click(el, root.querySelector<HTMLButtonElement>('[data-confirm-end]')!);
    expect(socket.commands[0]).toMatchObject({ type: 'day.end' });
    await push(el, socket, ack(socket.commands[0].id, [2]), event(2, 'day.ended', {}));
    expect(text(root.querySelector('.ended'))).toMatch(/This day has ended/);
    expect(root.querySelector('#end-day')).toBeNull();
    expect(root.querySelector('[data-move]')).toBeNull();
  });

  it('after the end of the day, the summary and attendance load again without a refresh', async () => {
    const ATTENDANCE = 'GET /api/organisations/org-a/cohorts/c1/days/1/attendance';
    const SUMMARY = 'GET /api/organisations/org-a/cohorts/c1/days/1/room/summary';
    const { el, api, root, socket } = await mount([joined(2, ana)]);
    expect(text(root.querySelector('.people-card'))).toContain('Ana');
    const before = [api.to(ATTENDANCE).length, api.to(SUMMARY).length];
    await push(el, socket, event(3, 'day.ended', {}));
    await settle(el, 3);
    await settle(root.querySelector('mut-room-attendance')!, 2);
    expect(api.to(ATTENDANCE).length).toBe(before[0] + 1);
    expect(api.to(SUMMARY).length).toBe(before[1] + 1);
    // who is here: everyone left at the end of the day
    expect(text(root.querySelector('.people-card'))).not.toContain('Ana');
  });

  it('says when the connection is lost and reconnects', async () => {
    const { el, root, socket } = await mount();
    socket.drop();
    await settle(el, 2);
    expect(text(root.querySelector('.connection'))).toContain('Reconnecting, your text is kept.');
    button(root, 'Try now').click();
    await settle(el, 2);
    fake.last.open();
    expect(fake.last.hello.lastSeq).toBe(1);
  });
});

describe('<mut-facilitator>', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('offers "Open the room" on each upcoming day', async () => {
    const cohort: Cohort = {
      id: 'c1',
      organisationId: 'org-a',
      courseId: 'core',
      title: 'Core, spring group',
      timeZone: 'Europe/Dublin',
      capacity: 12,
      status: 'RUNNING',
      days: [
        { dayNumber: 1, date: '2999-01-04', startsAt: '09:30:00', endsAt: '16:30:00' },
        { dayNumber: 2, date: '2999-01-05', startsAt: '09:30:00', endsAt: '16:30:00' },
      ],
      trainers: [],
    };
    fakeApi({
      'GET /api/organisations': json([{ id: 'org-a', slug: 'a', name: 'Harbour', timeZone: 'Europe/Dublin' }]),
      'GET /api/curricula/courses': json([core]),
      'GET /api/organisations/org-a/cohorts': json([cohort]),
    });
    const el = document.createElement('mut-facilitator');
    document.body.append(el);
    await settle(el);
    const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a.button')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/facilitator/rooms/org-a/c1/1', '/facilitator/rooms/org-a/c1/2']);
    expect(text(links[0])).toBe('Open the room for Core, spring group, day 1');
  });
});
