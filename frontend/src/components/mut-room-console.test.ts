import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cohort, PinnedCurriculum, Prompt, RoomView } from '../api/types';
import type { RoomEvent, You } from '../live/protocol';
import { setDefaultSocketFactory } from '../live/room-connection';
import { clearCookie, fakeApi, json, problem, setCookie, settle, text, type Handler } from '../test/fake-api';
import { ack, ana, ben, connectAs, event, fakeSockets, refusal, sam, type FakeSocket } from '../test/fake-socket';
import { connectionModule, core } from '../test/curriculum-fixtures';
import './mut-facilitator';
import './mut-room-console';
import type { MutRoomConsole } from './mut-room-console';
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
  return { el, api, socket: socket!, root: el.shadowRoot! };
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
    fake = fakeSockets();
    setDefaultSocketFactory(fake.factory);
    setCookie('mutuality_csrf=csrf-cookie; path=/');
  });

  afterEach(() => {
    document.body.innerHTML = '';
    setDefaultSocketFactory(undefined);
    clearCookie('mutuality_csrf');
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('opens the room, shows its code large and grouped with the join link, and connects as staff', async () => {
    const { api, socket, root } = await mount();
    const [call] = api.to(ROOM_URL);
    expect(call.headers['X-CSRF-Token']).toBe('csrf-cookie');
    expect(text(root.querySelector('.code [aria-hidden="true"]'))).toBe('KMR 7TX');
    expect(text(root.querySelector('.code .visually-hidden'))).toBe('K M R 7 T X');
    const link = root.querySelector<HTMLAnchorElement>('.code-card a')!;
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
      const names = [...root.querySelectorAll('ul[aria-label="Participants here"] li')].map((li) => text(li.querySelector('span')));
      expect(names).toEqual(['Ana', 'Ben']);
      expect(text(root.querySelector('ul[aria-label="Facilitators here"]'))).toContain('Sam Rivera (you)');

      await click(el, root.querySelector<HTMLButtonElement>('[data-remove="p-ben"]')!);
      expect(socket.commands).toEqual([]);
      expect(text(root.querySelector('.confirm'))).toMatch(/Ask Ben to step out of the room for now/);
      expect(root.activeElement?.hasAttribute('data-keep-in')).toBe(true);

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
      await click(el, root.querySelector<HTMLButtonElement>('[data-keep-in]')!);
      expect(socket.commands).toEqual([]);
      expect(root.querySelector('.confirm')).toBeNull();
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
      expect(socket.commands[0]).toMatchObject({ type: 'checkin.start', prompt: 'One thing you noticed today.', closing: true, visibility: 'facilitators', mode: 'open' });
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
      const { root } = await mount([joined(2, ana), joined(3, ben), started(4), event(5, 'checkin.responded', { checkinId: 'k1', participantId: 'p-ana' })]);
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
      await push(el, socket, ack(socket.commands[0].id, [5]), event(5, 'checkin.turn', { checkinId: 'k1', participantId: 'p-ana' }));
      expect(text(root.querySelector('.turn'))).toBe("It's Ana's turn.");
      expect(root.querySelector('ol.order li[aria-current="true"]')?.textContent).toContain('Ana');
      await click(el, button(root, 'Next person'));
      expect(socket.commands[1]).toMatchObject({ type: 'checkin.next', checkinId: 'k1' });
    });

    it('closes and shows the summary: how many answers and the spread of energy, no names', async () => {
      const { el, root, socket } = await mount([
        joined(2, ana),
        started(3),
        event(4, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', participantId: 'p-ana', name: 'Ana', word: 'sunny', energy: 4 }),
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
    await push(el, socket, ack(socket.commands[0].id, [2]), event(2, 'note.shared', { text: 'Back at 11:15.', by: 'Sam Rivera' }));
    expect(text(root.querySelector('.shown-note'))).toContain('Back at 11:15.');
    expect(root.querySelector<HTMLTextAreaElement>('#note-text')!.value).toBe('');
  });

  it('shows a QR code for the join link, with a label, and enlarges it for projecting', async () => {
    const { el, root } = await mount();
    const joinUrl = `${window.location.origin}/join/KMR7TX`;
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

    const large = root.querySelector<HTMLButtonElement>('[data-qr-large]')!;
    expect(text(large)).toBe('Show large');
    expect(large.getAttribute('aria-pressed')).toBe('false');
    await click(el, large);
    expect(large.getAttribute('aria-pressed')).toBe('true');
    expect(root.querySelector('.qr-box')!.classList.contains('large')).toBe(true);
    await click(el, large);
    expect(root.querySelector('.qr-box')!.classList.contains('large')).toBe(false);
  });

  it('holds the attendance and the end-of-day summary for the day', async () => {
    const { root } = await mount();
    const attendance = root.querySelector('mut-room-attendance')!;
    const summary = root.querySelector('mut-day-summary')!;
    expect([attendance.organisationId, attendance.cohortId, attendance.day]).toEqual(['org-a', 'c1', 1]);
    expect([summary.organisationId, summary.cohortId, summary.day]).toEqual(['org-a', 'c1', 1]);
  });

  it('ends the day only after a confirmation', async () => {
    const { el, root, socket } = await mount();
    await click(el, root.querySelector<HTMLButtonElement>('#end-day')!);
    expect(socket.commands).toEqual([]);
    expect(text(root.querySelector('.end .confirm'))).toMatch(/can't be undone/);
    expect(root.activeElement?.hasAttribute('data-not-yet')).toBe(true);
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
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      '/facilitator/rooms/org-a/c1/1',
      '/facilitator/rooms/org-a/c1/2',
    ]);
    expect(text(links[0])).toBe('Open the room for Core, spring group, day 1');
  });
});
