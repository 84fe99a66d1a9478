import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetDraftsInMemory } from '../live/drafts';
import type { RoomEvent, You } from '../live/protocol';
import { setDefaultSocketFactory } from '../live/room-connection';
import { PARTICIPANT_KEY } from './participation';
import { fakeApi, json, settle, text } from '../test/fake-api';
import { ack, ana, ben, connectAs, event, fakeSockets, refusal, synced, welcome, type FakeSocket } from '../test/fake-socket';
import { launched, reframeLaunched, roundStarted } from '../test/activity-fixtures';
import './mut-room';
import { activityOrder, type MutRoom } from './mut-room';
import type { RoomState } from '../live/room-state';

const NOW = Date.parse('2027-01-04T10:00:00Z');

function place(you: You = ana) {
  localStorage.setItem(
    PARTICIPANT_KEY,
    JSON.stringify({
      token: `token-${you.id}`,
      expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
      deviceToken: 'device-1',
      participant: { id: you.id, displayName: you.name },
      room: {
        code: 'KMR7TX',
        cohortTitle: 'Core training, January 2027',
        dayNumber: 1,
        organisationName: 'Harbour Peer Network',
        closesAt: '2027-01-04T16:30:00Z',
      },
    }),
  );
}

let fake: ReturnType<typeof fakeSockets>;

async function mount(you: You = ana, events: RoomEvent[] = []): Promise<{ el: MutRoom; socket: FakeSocket; root: ShadowRoot }> {
  place(you);
  const el = document.createElement('mut-room');
  el.now = () => NOW;
  document.body.append(el);
  await el.updateComplete;
  const socket = fake.last;
  connectAs(socket, you, events);
  await settle(el, 2);
  return { el, socket, root: el.shadowRoot! };
}

async function push(el: MutRoom, socket: FakeSocket, ...messages: unknown[]) {
  for (const m of messages) socket.receive(m);
  await settle(el, 2);
}

function type(root: ShadowRoot, selector: string, value: string) {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
  if (!input) throw new Error(`No field ${selector}`);
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

function button(root: ShadowRoot, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === label);
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

const joined = (seq: number, p: You) => event(seq, 'presence.joined', { participantId: p.id, name: p.name, role: p.kind });

const started = (seq: number, over: Partial<Extract<RoomEvent, { kind: 'checkin.started' }>['data']> = {}) =>
  event(seq, 'checkin.started', {
    checkinId: 'k1',
    prompt: 'One word for how you arrive today.',
    closing: false,
    visibility: 'everyone',
    mode: 'open',
    order: [],
    ...over,
  });

describe('activityOrder', () => {
  const state = (over: Partial<RoomState>) => over as RoomState;
  it('puts what asks something of the person first, and what has finished after', () => {
    expect(activityOrder(undefined)).toEqual(['checkin']);
    const roleplayEnded = { phase: 'ended' } as RoomState['roleplay'];
    const reframeOpen = { phase: 'writing' } as unknown as RoomState['reframe'];
    // no check-in open: the reframing under way comes before the role-play that ended and the last check-in's summary
    expect(activityOrder(state({ roleplay: roleplayEnded, reframe: reframeOpen }))).toEqual(['reframe', 'checkin', 'roleplay']);
    // an open check-in comes first of all
    const checkin = {} as RoomState['checkin'];
    expect(activityOrder(state({ checkin, roleplay: roleplayEnded, reframe: reframeOpen }))).toEqual([
      'checkin',
      'reframe',
      'roleplay',
    ]);
    const roleplayOn = { phase: 'running' } as unknown as RoomState['roleplay'];
    const reframeClosed = { phase: 'closed' } as RoomState['reframe'];
    expect(activityOrder(state({ roleplay: roleplayOn, reframe: reframeClosed }))).toEqual(['roleplay', 'checkin', 'reframe']);
  });
});

describe('<mut-room>', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    forgetDraftsInMemory();
    fake = fakeSockets();
    setDefaultSocketFactory(fake.factory);
  });

  afterEach(() => {
    document.body.innerHTML = '';
    setDefaultSocketFactory(undefined);
    vi.restoreAllMocks();
  });

  it('without a place on this device, points to joining', async () => {
    const el = document.createElement('mut-room');
    document.body.append(el);
    await el.updateComplete;
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe('The room');
    expect(el.shadowRoot!.querySelector('a[href="/join"]')).not.toBeNull();
    expect(fake.sockets).toHaveLength(0);
  });

  it('connects with the stored token and says hello from the start', async () => {
    const { socket, root } = await mount();
    expect(socket.url).toMatch(/\/ws\/rooms\/KMR7TX$/);
    expect(socket.hello).toMatchObject({ type: 'hello', token: 'token-p-ana', lastSeq: 0 });
    expect(text(root.querySelector('h1'))).toBe('Core training, January 2027, day 1');
    expect(text(root)).toContain("You're here as Ana");
  });

  it('shows what is happening now: the slot, the shared note and a timer counting down from endsAt', async () => {
    const { el, root, socket } = await mount(ana, [
      event(1, 'agenda.moved', { slot: 1, title: 'Connection and disconnection' }),
      event(2, 'note.shared', { text: 'Back at 11:15.', by: 'Sam Rivera' }),
      event(3, 'timer.started', { timerId: 't1', label: 'Pairs', endsAt: new Date(NOW + 5 * 60_000).toISOString() }),
    ]);
    expect(text(root.querySelector('.now .slot'))).toBe('Connection and disconnection');
    expect(text(root.querySelector('.note'))).toContain('Back at 11:15.');
    expect(text(root.querySelector('.timer .label'))).toBe('Pairs');
    expect(text(root.querySelector('[role="timer"]'))).toBe('5:00');

    el.now = () => NOW + 61_000;
    await el.updateComplete;
    expect(text(root.querySelector('[role="timer"]'))).toBe('3:59');

    await push(el, socket, event(4, 'timer.paused', { timerId: 't1', remainingSeconds: 200 }));
    el.now = () => NOW + 3600_000;
    await el.updateComplete;
    expect(text(root.querySelector('[role="timer"]'))).toBe('3:20');
    expect(text(root.querySelector('.timer'))).toContain('Paused');

    await push(el, socket, event(5, 'timer.resumed', { timerId: 't1', endsAt: new Date(NOW + 3600_000 + 10_000).toISOString() }));
    el.now = () => NOW + 3600_000 + 20_000;
    await el.updateComplete;
    expect(text(root.querySelector('[role="timer"]'))).toBe('0:00');
    expect(text(root.querySelector('.timer'))).toContain("Time's up");
  });

  describe('a check-in', () => {
    it.each([
      ['everyone', 'Everyone in the room will see your answer with your name.'],
      ['facilitators', 'Only the facilitators will see your answer.'],
      ['anonymous', 'Everyone will see your answer, without your name.'],
    ] as const)('says how answers will be seen (%s) before answering', async (visibility, sentence) => {
      const { root } = await mount(ana, [started(1, { visibility })]);
      const said = root.querySelector('.visibility')!;
      const form = root.querySelector('form.answer')!;
      expect(text(said)).toBe(sentence);
      expect(said.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
      expect(form.getAttribute('aria-describedby')).toBe(said.id);
    });

    it('offers a word, a sentence, five energy levels in words, and Pass beside Share', async () => {
      const { root } = await mount(ana, [started(1)]);
      expect(text(root.querySelector('.prompt'))).toBe('One word for how you arrive today.');
      const energies = [...root.querySelectorAll<HTMLInputElement>('input[name="energy"]')];
      expect(energies).toHaveLength(5);
      const words = energies.map((i) => text(i.closest('label')));
      expect(words).toEqual(['Very low', 'Low', 'In the middle', 'Good', 'High']);
      expect(words.some((w) => /\d/.test(w))).toBe(false);
      const share = button(root, 'Share my answer');
      const pass = button(root, 'Pass');
      expect(share.classList.contains('button')).toBe(true);
      expect(pass.classList.contains('button')).toBe(true);
      expect(share.parentElement).toBe(pass.parentElement);
    });

    it('shares an answer and then shows what the person chose', async () => {
      const { el, root, socket } = await mount(ana, [joined(1, ana), started(2)]);
      type(root, '#answer-word', ' curious ');
      type(root, '#answer-sentence', 'I slept well for once.');
      root.querySelectorAll<HTMLInputElement>('input[name="energy"]')[3].click();
      await el.updateComplete;
      root.querySelector('form.answer')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);

      const [sent] = socket.commands;
      expect(sent).toMatchObject({
        type: 'checkin.answer',
        checkinId: 'k1',
        word: 'curious',
        sentence: 'I slept well for once.',
        energy: 4,
      });
      expect(text(root.querySelector('.chosen'))).toContain('Sharing your answer');

      await push(
        el,
        socket,
        ack(sent.id, [3]),
        event(3, 'checkin.answered', {
          checkinId: 'k1',
          answerId: 'a1',
          participantId: 'p-ana',
          name: 'Ana',
          word: 'curious',
          sentence: 'I slept well for once.',
          energy: 4,
        }),
      );
      expect(root.querySelector('form.answer')).toBeNull();
      const mine = text(root.querySelector('.mine'));
      expect(mine).toContain('You answered');
      expect(mine).toContain('curious');
      expect(mine).toContain('Energy: Good');
      expect(text(root.querySelector('ul.answers'))).toContain('You');
    });

    it('asks for something before sharing, and points to Pass', async () => {
      const { el, root, socket } = await mount(ana, [started(1)]);
      root.querySelector('form.answer')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await el.updateComplete;
      expect(socket.commands).toEqual([]);
      expect(text(root.querySelector('[role="alert"]'))).toMatch(/or choose Pass/);
    });

    it('a pass shows as passed to the person, and as nothing among the answers', async () => {
      const { el, root, socket } = await mount(ana, [started(1)]);
      button(root, 'Pass').click();
      await settle(el, 2);
      const [sent] = socket.commands;
      expect(sent).toMatchObject({ type: 'checkin.pass', checkinId: 'k1' });
      await push(el, socket, ack(sent.id, [2]), event(2, 'checkin.passed', { checkinId: 'k1' }));
      expect(text(root.querySelector('.mine'))).toContain('You passed');
      expect(root.querySelector('form.answer')).toBeNull();
      expect(root.querySelector('ul.answers')).toBeNull();
      expect(text(root.querySelector('.checkin'))).toContain('No answers yet');
    });

    it("someone else's pass shows nothing at all to others", async () => {
      // Ana passed: only Ana receives checkin.passed, so Ben's room has nothing about it
      const { root } = await mount(ben, [joined(1, ana), joined(2, ben), started(3)]);
      expect(text(root.querySelector('.checkin'))).toContain('No answers yet');
      expect(text(root)).not.toMatch(/pass(ed)?\b.*Ana|Ana.*passed/i);
    });

    it('shows the others’ answers with names when everyone sees them', async () => {
      const { root } = await mount(ana, [
        joined(1, ben),
        started(2),
        event(3, 'checkin.answered', {
          checkinId: 'k1',
          answerId: 'a1',
          participantId: 'p-ben',
          name: 'Ben',
          word: 'tired',
          energy: 2,
        }),
      ]);
      const list = text(root.querySelector('ul.answers'));
      expect(list).toContain('Ben');
      expect(list).toContain('tired');
      expect(list).toContain('Energy: Low');
    });

    it('anonymous answers show no names, not even to the one who wrote it', async () => {
      const { root } = await mount(ana, [
        started(1, { visibility: 'anonymous' }),
        event(2, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', word: 'tired' }),
        event(3, 'checkin.answered', { checkinId: 'k1', answerId: 'a2', participantId: 'p-ana', name: 'Ana', word: 'curious' }),
      ]);
      const list = root.querySelector('ul.answers')!;
      expect(list.querySelectorAll('li')).toHaveLength(2);
      expect(text(list)).not.toContain('Ana');
      expect(text(list)).not.toContain('Ben');
      expect(text(list)).toContain('Yours');
    });

    it('when only facilitators see answers, says so and shows none of the others', async () => {
      const { root } = await mount(ana, [started(1, { visibility: 'facilitators' })]);
      expect(root.querySelector('ul.answers')).toBeNull();
      expect(text(root.querySelector('.checkin'))).toContain('Only the facilitators see the answers.');
    });

    it('in a spoken round, shows the order and whose turn it is', async () => {
      const { el, root, socket } = await mount(ana, [
        joined(1, ana),
        joined(2, ben),
        started(3, { mode: 'round', order: ['p-ben', 'p-ana'] }),
        event(4, 'checkin.turn', { checkinId: 'k1', participantId: 'p-ben' }),
      ]);
      expect(text(root.querySelector('.turn'))).toBe("It's Ben's turn.");
      const items = [...root.querySelectorAll('ol.order li')];
      expect(items.map((li) => text(li).replace(' (speaking now)', ''))).toEqual(['Ben', 'You']);
      expect(items[0].getAttribute('aria-current')).toBe('true');

      await push(el, socket, event(5, 'checkin.turn', { checkinId: 'k1', participantId: 'p-ana' }));
      expect(text(root.querySelector('.turn'))).toMatch(/It's your turn/);
      expect(root.querySelectorAll('ol.order li')[1].getAttribute('aria-current')).toBe('true');
    });

    it('after it closes, shows the summary without names', async () => {
      const { root } = await mount(ana, [
        joined(1, ben),
        started(2, { closing: true, prompt: 'What do you take with you?' }),
        event(3, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', participantId: 'p-ben', name: 'Ben', word: 'hope' }),
        event(4, 'checkin.closed', { checkinId: 'k1', answers: 6, energy: { '2': 1, '4': 3 } }),
      ]);
      const closed = root.querySelector('.closed')!;
      expect(text(closed.querySelector('h2'))).toBe('The check-out has closed');
      expect(text(closed)).toContain('6 answers were shared');
      expect(text(closed)).not.toContain('Ben');
      expect(closed.querySelectorAll('ul.energy-chart li')).toHaveLength(5);
    });

    it('says "1 answer was shared" for a single answer', async () => {
      const { root } = await mount(ana, [started(2), event(3, 'checkin.closed', { checkinId: 'k1', answers: 1, energy: {} })]);
      expect(text(root.querySelector('.closed'))).toContain('1 answer was shared.');
    });

    it('a refused answer keeps what was typed and says why', async () => {
      const { el, root, socket } = await mount(ana, [started(1)]);
      type(root, '#answer-word', 'curious');
      root.querySelector('form.answer')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      await push(el, socket, refusal('conflict', 'This check-in has closed.', socket.commands[0].id));
      expect(text(root.querySelector('[role="alert"]'))).toBe('This check-in has closed.');
      expect(root.querySelector<HTMLInputElement>('#answer-word')!.value).toBe('curious');
    });
  });

  describe('drafts and confirmations', () => {
    const stored = () => JSON.parse(localStorage.getItem('mutuality.room-drafts:KMR7TX:p-ana') ?? '{}');

    it('removes the answer draft once the server acknowledged it, and focus moves to the confirmation', async () => {
      const { el, root, socket } = await mount(ana, [joined(1, ana), started(2)]);
      type(root, '#answer-word', 'curious');
      expect(stored().answer).toMatchObject({ checkinId: 'k1', word: 'curious' });
      root.querySelector('form.answer')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      expect(root.activeElement).toBe(root.querySelector('.chosen'));
      expect(stored().answer).toMatchObject({ word: 'curious', sendingId: socket.commands[0].id });
      await push(el, socket, ack(socket.commands[0].id, [3]));
      expect(stored().answer).toBeUndefined();
      await push(
        el,
        socket,
        event(3, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', participantId: 'p-ana', name: 'Ana', word: 'curious' }),
      );
      expect(root.activeElement).toBe(root.querySelector('.chosen.mine'));
    });

    it('after keeping a journal entry, focus moves to the word that it is kept', async () => {
      const { el, root, socket } = await mount(ana, []);
      type(root, '#journal-text', 'A thought');
      root.querySelector('form.journal')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      expect(root.activeElement).toBe(root.querySelector('.kept'));
      await push(el, socket, ack(socket.commands[0].id, [1]), event(1, 'journal.written', { entryId: 'j1', text: 'A thought' }));
      expect(text(root.querySelector('.kept'))).toBe('Kept in your journal. Only you see it.');
      expect(stored().outbox ?? []).toEqual([]);
    });

    it('keeps nothing on the device once the day has ended', async () => {
      const { el, root, socket } = await mount(ana, [started(1)]);
      type(root, '#answer-word', 'private words');
      expect(localStorage.getItem('mutuality.room-drafts:KMR7TX:p-ana')).not.toBeNull();
      await push(el, socket, event(2, 'day.ended', {}));
      expect(localStorage.getItem('mutuality.room-drafts:KMR7TX:p-ana')).toBeNull();
    });
  });

  describe('the page', () => {
    it('has its own title, with the room code', async () => {
      await mount(ana, []);
      expect(document.title).toBe('Room KMR 7TX · Mutuality');
    });

    it('"Now" says when a role-play is running, and which round', async () => {
      const { root } = await mount(ana, [launched(1), roundStarted(2, 2, '2027-01-04T10:10:00Z', '2027-01-04T10:08:00Z')]);
      expect(text(root.querySelector('.now'))).not.toContain('The day will start soon');
      expect(text(root.querySelector('[data-test="now-activity"]'))).toBe(
        'A role-play is running: Awake at three. Round 2 of 3.',
      );
    });

    it('"Now" says when reframing is running, beside the agenda slot', async () => {
      fakeApi({ 'GET /api/curricula/lexicon': json([]) });
      const { root } = await mount(ana, [event(1, 'agenda.moved', { slot: 2, title: 'What happened?' }), reframeLaunched(2)]);
      expect(text(root.querySelector('.now .slot'))).toBe('What happened?');
      expect(text(root.querySelector('[data-test="now-activity"]'))).toBe('Reframing is running: “What happened?”');
    });
  });

  describe('the journal', () => {
    it('is clearly private, keeps entries and lists them newest first', async () => {
      const { el, root, socket } = await mount(ana, [event(1, 'journal.written', { entryId: 'j1', text: 'First thought.' })]);
      expect(text(root.querySelector('.private'))).toContain('Only you see this');
      type(root, '#journal-text', 'Noticed how quickly I wanted to fix it.');
      root.querySelector('form.journal')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      const [sent] = socket.commands;
      expect(sent).toMatchObject({ type: 'journal.write', text: 'Noticed how quickly I wanted to fix it.' });
      expect(root.querySelector<HTMLTextAreaElement>('#journal-text')!.value).toBe('');
      expect(text(root.querySelector('[data-outbox]'))).toContain('Being kept');

      await push(
        el,
        socket,
        ack(sent.id, [2]),
        event(2, 'journal.written', { entryId: 'j2', text: 'Noticed how quickly I wanted to fix it.' }),
      );
      expect(root.querySelector('[data-outbox]')).toBeNull();
      const entries = [...root.querySelectorAll('ul.entries li')].map((li) => text(li));
      expect(entries[0]).toContain('Noticed how quickly');
      expect(entries[1]).toContain('First thought.');
    });
  });

  describe('when the connection drops', () => {
    it('says so calmly and keeps what was typed, through the reconnect', async () => {
      const { el, root, socket } = await mount(ana, [started(1)]);
      type(root, '#answer-word', 'hopeful');
      type(root, '#answer-sentence', 'Glad to be back.');
      type(root, '#journal-text', 'Half a thought');
      socket.drop();
      await settle(el, 2);
      expect(text(root.querySelector('.connection'))).toContain('Reconnecting, your text is kept.');
      expect(root.querySelector<HTMLInputElement>('#answer-word')!.value).toBe('hopeful');

      button(root, 'Try now').click();
      await settle(el, 2);
      const again = fake.last;
      expect(again).not.toBe(socket);
      again.open();
      expect(again.hello.lastSeq).toBe(1);
      connectAs(again, ana, []);
      await settle(el, 2);
      expect(text(root.querySelector('.connection'))).toBe('');
      expect(root.querySelector<HTMLInputElement>('#answer-word')!.value).toBe('hopeful');
      expect(root.querySelector<HTMLTextAreaElement>('#answer-sentence')!.value).toBe('Glad to be back.');
      expect(root.querySelector<HTMLTextAreaElement>('#journal-text')!.value).toBe('Half a thought');
    });

    it('keeps typed text when the tab is closed and the room opened again, in localStorage', async () => {
      const { root } = await mount(ana, [started(1)]);
      type(root, '#answer-word', 'hopeful');
      type(root, '#journal-text', 'Half a thought');
      document.body.innerHTML = '';
      forgetDraftsInMemory(); // a closed tab forgets memory and sessionStorage; localStorage stays
      sessionStorage.clear();

      const again = await mount(ana, [started(1)]);
      expect(again.root.querySelector<HTMLInputElement>('#answer-word')!.value).toBe('hopeful');
      expect(again.root.querySelector<HTMLTextAreaElement>('#journal-text')!.value).toBe('Half a thought');
    });

    it('says at once when the browser goes offline', async () => {
      const { el, root } = await mount(ana, [started(1)]);
      type(root, '#answer-word', 'hopeful');
      window.dispatchEvent(new Event('offline'));
      await settle(el, 2);
      expect(text(root.querySelector('.connection'))).toBe("You're offline. Reconnecting, your text is kept. Try now");
      expect(root.querySelector<HTMLInputElement>('#answer-word')!.value).toBe('hopeful');
      window.dispatchEvent(new Event('online'));
      await settle(el, 2);
      connectAs(fake.last, ana, []);
      await settle(el, 2);
      expect(text(root.querySelector('.connection'))).toBe('');
    });

    it('an answer sent while disconnected goes once the connection is back, with its id', async () => {
      const { el, root, socket } = await mount(ana, [started(1)]);
      socket.drop();
      await settle(el, 2);
      type(root, '#answer-word', 'steady');
      root.querySelector('form.answer')!.dispatchEvent(new Event('submit', { cancelable: true }));
      await settle(el, 2);
      expect(text(root.querySelector('.chosen'))).toContain('goes as soon as the connection is back');
      button(root, 'Try now').click();
      await settle(el, 2);
      connectAs(fake.last, ana, []);
      expect(fake.last.commands).toHaveLength(1);
      expect(fake.last.commands[0]).toMatchObject({ type: 'checkin.answer', word: 'steady' });
    });
  });

  it('a person asked to step out sees it said plainly, and can come back once let in', async () => {
    const { el, root, socket } = await mount(ana, [joined(1, ana)]);
    await push(el, socket, event(2, 'participant.removed', { participantId: 'p-ana' }));
    expect(text(root.querySelector('.removed'))).toBe('A facilitator has asked you to step out of the room for now.');
    expect(root.querySelector('form')).toBeNull();
    button(root, 'Come back in').click();
    await settle(el, 2);
    connectAs(fake.last, ana, [joined(3, ana)]);
    await settle(el, 2);
    expect(root.querySelector('.removed')).toBeNull();
    expect(text(root.querySelector('h1'))).toBe('Core training, January 2027, day 1');
  });

  it('a hello refused because the person was asked to step out shows the same', async () => {
    place(ana);
    const el = document.createElement('mut-room');
    document.body.append(el);
    await el.updateComplete;
    fake.last.open();
    fake.last.receive(refusal('removed', 'Removed for today.', fake.last.hello.id));
    await settle(el, 2);
    expect(text(el.shadowRoot!.querySelector('.removed'))).toBe('A facilitator has asked you to step out of the room for now.');
  });

  it('says when the day has ended', async () => {
    const { el, root, socket } = await mount(ana, [event(1, 'journal.written', { entryId: 'j1', text: 'Kept this.' })]);
    await push(el, socket, event(2, 'day.ended', {}));
    expect(text(root.querySelector('h1'))).toBe("Today's training day has ended");
    expect(text(root)).toContain('Kept this.');
    expect(root.querySelector('form')).toBeNull();
  });

  it('shows the group’s working agreements and who to reach between sessions, from the welcome', async () => {
    place(ana);
    const el = document.createElement('mut-room');
    el.now = () => NOW;
    document.body.append(el);
    await el.updateComplete;
    const socket = fake.last;
    socket.open();
    const hello = welcome(ana);
    socket.receive({
      ...hello,
      room: {
        ...hello.room,
        workingAgreements: ['We can pass on anything.', 'What is shared here stays here.'],
        supportContact: { name: 'Róisín', phone: '+353 1 555 0100', email: null, note: 'Weekdays 9 to 5.' },
      },
    });
    socket.receive(synced(0));
    await settle(el, 2);
    const root = el.shadowRoot!;
    expect([...root.querySelectorAll('[data-test="working-agreements"] li')].map((li) => text(li))).toEqual([
      'We can pass on anything.',
      'What is shared here stays here.',
    ]);
    expect(text(root.querySelector('[data-test="support-contact"]'))).toBe(
      'If you would like someone to talk to between sessions: Róisín, +353 1 555 0100. Weekdays 9 to 5.',
    );
  });

  it('shows nothing of the kind when the cohort has no agreements or contact', async () => {
    const { root } = await mount();
    expect(root.querySelector('[data-test="room-together"]')).toBeNull();
  });
});
