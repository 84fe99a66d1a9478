import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetDraftsInMemory } from '../live/drafts';
import { forgetLexicon } from '../live/lexicon';
import type { RoomEvent, You } from '../live/protocol';
import { setDefaultSocketFactory } from '../live/room-connection';
import { PARTICIPANT_KEY } from './participation';
import { EX, lexicon, reframeLaunched, reframeShared } from '../test/activity-fixtures';
import { fakeApi, json, settle, text } from '../test/fake-api';
import { ack, ana, ben, connectAs, event, fakeSockets, type FakeSocket } from '../test/fake-socket';
import './mut-room';
import type { MutRoom } from './mut-room';

const NOW = Date.parse('2027-01-04T10:00:00Z');

let fake: ReturnType<typeof fakeSockets>;
let server: ReturnType<typeof fakeApi>;

function place(you: You) {
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

async function mount(you: You, events: RoomEvent[] = []) {
  place(you);
  const el = document.createElement('mut-room') as MutRoom;
  el.now = () => NOW;
  document.body.append(el);
  await el.updateComplete;
  const socket = fake.last;
  connectAs(socket, you, events);
  await settle(el, 4);
  return { el, socket, rf: () => el.shadowRoot!.querySelector('mut-reframe')!.shadowRoot! };
}

async function push(el: MutRoom, socket: FakeSocket, ...messages: unknown[]) {
  for (const m of messages) socket.receive(m);
  await settle(el, 3);
}

async function click(el: MutRoom, b: Element | null | undefined) {
  if (!b) throw new Error('Nothing to click');
  (b as HTMLElement).click();
  await settle(el, 3);
}

async function typeIn(el: MutRoom, area: HTMLTextAreaElement | null, value: string) {
  if (!area) throw new Error('No text box');
  area.value = value;
  area.dispatchEvent(new InputEvent('input'));
  await settle(el, 2);
}

const revealed = (): RoomEvent[] => [
  reframeLaunched(1),
  event(2, 'reframe.written', {
    exerciseId: EX,
    statementId: 's1',
    rewriteId: 'w1',
    text: 'What happened before she stopped?',
    marks: [],
  }),
  event(3, 'reframe.phase', { exerciseId: EX, phase: 'reveal' }),
];

describe('<mut-reframe> in the room', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    forgetDraftsInMemory();
    forgetLexicon();
    fake = fakeSockets();
    setDefaultSocketFactory(fake.factory);
    server = fakeApi({ 'GET /api/curricula/lexicon': json(lexicon) });
  });

  afterEach(() => {
    document.body.innerHTML = '';
    setDefaultSocketFactory(undefined);
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists each statement with a private rewrite box', async () => {
    const { rf } = await mount(ana, [reframeLaunched(1)]);
    const items = [...rf().querySelectorAll('[data-test="reframe-statements"] [data-test="reframe-statement"]')];
    expect(items.map((li) => li.getAttribute('data-statement'))).toEqual(['s1', 's2']);
    expect(text(items[0].querySelector('.original'))).toContain('She is non-compliant with her meds.');
    expect(items[0].querySelector('[data-test="reframe-rewrite"]')).not.toBeNull();
    expect(text(items[0])).toContain('Only you see this.');
    expect(rf().querySelector('[data-test="reframe-board"]')).toBeNull();
  });

  it('the language lens marks words as they are typed, says why and offers other words, and never blocks keeping', async () => {
    const { el, socket, rf } = await mount(ana, [reframeLaunched(1)]);
    expect(server.to('GET /api/curricula/lexicon')).toHaveLength(1);
    const box = rf().querySelector<HTMLTextAreaElement>('[data-test="reframe-rewrite"][data-statement="s1"]');
    await typeIn(el, box, 'She is noncompliant');
    let marks = [...rf().querySelectorAll('[data-test="lens-mark"]')];
    expect(marks.map((m) => [text(m), m.getAttribute('data-term')])).toEqual([['noncompliant', 'non-compliant']]);
    expect(text(rf().querySelector('[data-test="lens-preview"]'))).toContain('She is noncompliant');
    const note = text(rf().querySelector('[data-test="lens-note"]'));
    expect(note).toContain('It names a person by whether they obey.');
    expect(note).toContain('chose not to take; has concerns about');

    await typeIn(el, box, 'What happened when she stopped? Is she attention-seeking, or non-compliant?');
    marks = [...rf().querySelectorAll('[data-test="lens-mark"]')];
    expect(marks.map((m) => text(m))).toEqual(['attention-seeking', 'non-compliant']);

    await typeIn(el, box, 'What happened when she stopped?');
    expect(rf().querySelectorAll('[data-test="lens-mark"]')).toHaveLength(0);

    // typing sends nothing: only "Keep this rewrite" does
    await typeIn(el, box, 'Was she non-compliant?');
    expect(socket.commands).toHaveLength(0);
    // marked or not, keeping goes ahead
    await click(el, rf().querySelector('[data-statement="s1"] [data-test="reframe-keep"]'));
    expect(socket.commands[0]).toEqual({
      v: 1,
      type: 'reframe.write',
      id: socket.commands[0].id,
      exerciseId: EX,
      statementId: 's1',
      text: 'Was she non-compliant?',
    });
    // the lexicon was fetched once
    expect(server.to('GET /api/curricula/lexicon')).toHaveLength(1);
  });

  it('renders what is typed as text, never as markup', async () => {
    const { el, rf } = await mount(ana, [reframeLaunched(1)]);
    await typeIn(
      el,
      rf().querySelector<HTMLTextAreaElement>('[data-test="reframe-rewrite"]'),
      '<img src=x onerror=alert(1)> non-compliant',
    );
    const preview = rf().querySelector('[data-test="lens-preview"]')!;
    expect(preview.querySelector('img')).toBeNull();
    expect(text(preview)).toContain('<img src=x onerror=alert(1)>');
  });

  it('keeps a rewrite, and says it is kept once the server has it', async () => {
    const { el, socket, rf } = await mount(ana, [reframeLaunched(1)]);
    await typeIn(
      el,
      rf().querySelector<HTMLTextAreaElement>('[data-statement="s2"] [data-test="reframe-rewrite"]'),
      ' What is he reaching for? ',
    );
    await click(el, rf().querySelector('[data-statement="s2"] [data-test="reframe-keep"]'));
    expect(socket.commands[0]).toMatchObject({ type: 'reframe.write', statementId: 's2', text: 'What is he reaching for?' });
    await push(
      el,
      socket,
      ack(socket.commands[0].id, [2]),
      event(2, 'reframe.written', {
        exerciseId: EX,
        statementId: 's2',
        rewriteId: 'w2',
        text: 'What is he reaching for?',
        marks: [],
      }),
    );
    expect(text(rf().querySelector('[data-statement="s2"] .kept-line'))).toBe('Kept. Only you see it.');
    expect(rf().querySelector<HTMLTextAreaElement>('[data-statement="s2"] [data-test="reframe-rewrite"]')!.value).toBe(
      'What is he reaching for?',
    );
  });

  it.each([
    ['reframe-share-named', 'named'],
    ['reframe-share-anonymous', 'anonymous'],
    ['reframe-share-none', 'none'],
  ] as const)('after the reveal, %s sends reframe.share as %s', async (button, as) => {
    const { el, socket, rf } = await mount(ana, revealed());
    const choice = rf().querySelector('[data-statement="s1"] [data-test="reframe-share-choice"]')!;
    expect([...choice.querySelectorAll('button')].map((b) => text(b))).toEqual([
      'Share with my name',
      'Share without my name',
      'Keep it to myself',
    ]);
    // nothing to share for a statement I did not rewrite
    expect(rf().querySelector('[data-statement="s2"] [data-test="reframe-share-choice"]')).toBeNull();
    await click(el, choice.querySelector(`[data-test="${button}"]`));
    expect(socket.commands[0]).toEqual({
      v: 1,
      type: 'reframe.share',
      id: socket.commands[0].id,
      exerciseId: EX,
      statementId: 's1',
      as,
    });
  });

  it('shows my shared entry as mine, and takes it back', async () => {
    const { el, socket, rf } = await mount(ana, [
      ...revealed(),
      reframeShared(4, {
        entryId: 'e1',
        statementId: 's1',
        text: 'What happened before she stopped?',
        participantId: 'p-ana',
        name: 'Ana',
        mine: true,
      }),
    ]);
    expect(text(rf().querySelector('[data-statement="s1"] [data-test="reframe-share-choice"]'))).toContain(
      'Shared on the board without your name.',
    );
    const entry = rf().querySelector('[data-test="reframe-board"] [data-test="reframe-entry"]')!;
    expect(text(entry)).toContain('Yours, shared without your name');
    expect(entry.querySelector('[data-test="reframe-resonate"]')).toBeNull();
    await click(el, rf().querySelector('[data-test="reframe-unshare"]'));
    expect(socket.commands[0]).toMatchObject({ type: 'reframe.unshare', exerciseId: EX, entryId: 'e1' });
    await push(el, socket, ack(socket.commands[0].id, [5]), event(5, 'reframe.withdrawn', { exerciseId: EX, entryId: 'e1' }));
    expect(rf().querySelector('[data-test="reframe-entry"]')).toBeNull();
    expect(rf().querySelector('[data-test="reframe-share-named"]')).not.toBeNull();
  });

  it('the board: originals with shared rewrites side by side, names only when given, highlights, examples', async () => {
    const { rf } = await mount(ben, [
      reframeLaunched(1),
      event(2, 'reframe.phase', { exerciseId: EX, phase: 'reveal' }),
      reframeShared(3, { entryId: 'e1', statementId: 's1', text: 'What happened before she stopped?' }),
      reframeShared(4, {
        entryId: 'e2',
        statementId: 's1',
        text: 'What is it like for her?',
        participantId: 'p-cam',
        name: 'Cam',
      }),
      reframeShared(5, {
        entryId: 'e3',
        statementId: 's2',
        text: 'What is he reaching for?',
        participantId: 'p-dee',
        name: 'Dee',
      }),
      event(6, 'reframe.highlighted', { exerciseId: EX, entryId: 'e2', on: true }),
      event(7, 'reframe.examples-shown', {
        exerciseId: EX,
        statementId: 's1',
        rewrites: ['What has she noticed about the meds?'],
      }),
    ]);
    const columns = [...rf().querySelectorAll('[data-test="reframe-board"] .board-column')];
    expect(columns.map((c) => c.getAttribute('data-statement'))).toEqual(['s1', 's2']);
    // each column is a region with a name of its own
    const labels = columns.map((c) => c.getAttribute('aria-label'));
    expect(new Set(labels).size).toBe(2);
    expect(labels[0]).toBe('Rewrites of statement 1: She is non-compliant with her meds.');
    expect(text(columns[0].querySelector('.original'))).toContain('She is non-compliant with her meds.');
    const entries = [...columns[0].querySelectorAll('[data-test="reframe-entry"]')];
    expect(entries.map((e) => e.getAttribute('data-entry'))).toEqual(['e1', 'e2']);
    expect(entries[0].querySelector('.who')).toBeNull();
    expect(text(entries[1].querySelector('.who'))).toBe('— Cam');
    expect(entries[1].classList.contains('highlighted')).toBe(true);
    expect(text(columns[0].querySelector('[data-test="reframe-examples-list"]'))).toContain(
      'What has she noticed about the meds?',
    );
    expect(text(rf().querySelector('[data-test="reframe-board"]'))).not.toMatch(/\b\d+ (people|marks|votes)\b|score|rank/i);
  });

  it('"This opens something for me" on others’ entries: my own mark shows, never a count', async () => {
    const { el, socket, rf } = await mount(ana, [
      ...revealed(),
      reframeShared(4, { entryId: 'e1', statementId: 's1', text: 'Mine.', participantId: 'p-ana', name: 'Ana' }),
      reframeShared(5, { entryId: 'e2', statementId: 's1', text: 'Ben’s.', participantId: 'p-ben', name: 'Ben' }),
    ]);
    const bens = () => rf().querySelector('[data-entry="e2"]')!;
    await click(el, bens().querySelector('[data-test="reframe-resonate"]'));
    expect(socket.commands[0]).toMatchObject({ type: 'reframe.resonate', exerciseId: EX, entryId: 'e2' });
    await push(
      el,
      socket,
      ack(socket.commands[0].id, [6]),
      event(6, 'reframe.resonance-given', { exerciseId: EX, entryId: 'e2' }),
      event(7, 'reframe.resonated', { exerciseId: EX, entryId: 'e1' }),
    );
    const mark = bens().querySelector('[data-test="reframe-resonate"]')!;
    expect(mark.getAttribute('aria-pressed')).toBe('true');
    expect(text(mark)).toBe('This opened something for you');
    expect(text(rf().querySelector('[data-entry="e1"] [data-test="reframe-resonated"]'))).toBe(
      'Someone found this opened something for them.',
    );
    expect(text(rf().querySelector('[data-test="reframe-board"]'))).not.toMatch(/\d/);
  });

  it('in pairs: my partner’s statement to rewrite, my own in my own words, and the comparison', async () => {
    const { el, socket, rf } = await mount(ana, [
      reframeLaunched(1, { mode: 'pairs', statements: [] }),
      event(2, 'reframe.paired', {
        exerciseId: EX,
        pairs: [
          {
            pairId: 'pa',
            members: [
              { participantId: 'p-ana', name: 'Ana', holds: 'sa', rewrites: 'sb' },
              { participantId: 'p-ben', name: 'Ben', holds: 'sb', rewrites: 'sa' },
            ],
          },
        ],
      }),
    ]);
    expect(text(rf())).toContain("You're in a pair with Ben.");
    expect(text(rf().querySelector('[data-statement="sb"]'))).toContain('Waiting for Ben to put their statement into words.');
    await typeIn(
      el,
      rf().querySelector<HTMLTextAreaElement>('[data-test="reframe-own-statement"]'),
      'My neighbour is so negative.',
    );
    await click(el, rf().querySelector('[data-test="reframe-own-statement-submit"]'));
    expect(socket.commands[0]).toEqual({
      v: 1,
      type: 'reframe.statement',
      id: socket.commands[0].id,
      exerciseId: EX,
      text: 'My neighbour is so negative.',
    });

    await push(
      el,
      socket,
      ack(socket.commands[0].id, [3]),
      event(3, 'reframe.statement-set', {
        exerciseId: EX,
        pairId: 'pa',
        statementId: 'sa',
        text: 'My neighbour is so negative.',
        participantId: 'p-ana',
      }),
      event(4, 'reframe.statement-set', {
        exerciseId: EX,
        pairId: 'pa',
        statementId: 'sb',
        text: 'My brother is lazy.',
        participantId: 'p-ben',
      }),
    );
    expect(text(rf().querySelector('[data-test="reframe-held"] .original'))).toContain('My neighbour is so negative.');
    const partner = rf().querySelector('[data-test="reframe-statement"][data-statement="sb"]')!;
    expect(text(partner.querySelector('.original'))).toContain('My brother is lazy.');
    await typeIn(el, partner.querySelector<HTMLTextAreaElement>('[data-test="reframe-rewrite"]'), 'What is a day like for him?');
    await click(el, rf().querySelector('[data-statement="sb"] [data-test="reframe-keep"]'));
    expect(socket.commands[1]).toMatchObject({ type: 'reframe.write', statementId: 'sb', text: 'What is a day like for him?' });

    await push(
      el,
      socket,
      event(5, 'reframe.compared', {
        exerciseId: EX,
        pairId: 'pa',
        rewrites: [
          {
            statementId: 'sb',
            statement: 'My brother is lazy.',
            participantId: 'p-ana',
            name: 'Ana',
            text: 'What is a day like for him?',
          },
          {
            statementId: 'sa',
            statement: 'My neighbour is so negative.',
            participantId: 'p-ben',
            name: 'Ben',
            text: 'What has she been through?',
          },
        ],
      }),
    );
    const compared = text(rf().querySelector('[data-test="reframe-compared"]'));
    expect(compared).toContain('What has she been through? — Ben');
    expect(compared).toContain('What is a day like for him? — You');
  });

  it('keeps what was typed across a reload of the page', async () => {
    const first = await mount(ana, [reframeLaunched(1)]);
    await typeIn(
      first.el,
      first.rf().querySelector<HTMLTextAreaElement>('[data-statement="s1"] [data-test="reframe-rewrite"]'),
      'Half a thought',
    );
    document.body.innerHTML = '';
    const again = await mount(ana, [reframeLaunched(1)]);
    expect(again.rf().querySelector<HTMLTextAreaElement>('[data-statement="s1"] [data-test="reframe-rewrite"]')!.value).toBe(
      'Half a thought',
    );
  });

  it('when closed, the board stays and nothing more can be marked', async () => {
    const { rf } = await mount(ben, [
      ...revealed(),
      reframeShared(4, { entryId: 'e1', statementId: 's1', text: 'Ana’s.', participantId: 'p-ana', name: 'Ana' }),
      event(5, 'reframe.closed', { exerciseId: EX }),
    ]);
    expect(text(rf())).toContain('The exercise has closed.');
    expect(rf().querySelector('[data-test="reframe-entry"]')).not.toBeNull();
    expect(rf().querySelector('[data-test="reframe-resonate"]')).toBeNull();
    expect(rf().querySelector('[data-test="reframe-rewrite"]')).toBeNull();
  });
});
