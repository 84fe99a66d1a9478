import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PinnedCurriculum } from '../cohort/types';
import type { CurriculumModule, Reframe } from '../curricula/types';
import type { RoomView } from '../room/types';
import type { RoomEvent, You } from '../live/protocol';
import { EX, reframeLaunched, reframeShared } from '../test/activity-fixtures';
import { core } from '../test/curriculum-fixtures';
import { fakeApi, json, settle, text } from '../test/fake-api';
import { confirmStep } from '../test/page';
import { ack, connectAs, event, fakeSockets, sam, type FakeSocket, closeFakeRoom, openFakeRoom } from '../test/fake-socket';
import './mut-room-console';
import type { MutRoomConsole } from './mut-room-console';

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

const bank: Reframe[] = [
  {
    id: 'rf-noncompliant',
    statement: 'She is non-compliant with her meds.',
    pattern: 'labelling',
    rewrites: ['What has she noticed?'],
  },
  { id: 'rf-attention', statement: 'He is attention-seeking again.', pattern: 'motive', rewrites: [] },
  { id: 'rf-manipulative', statement: 'She is being manipulative.', pattern: 'motive', rewrites: [] },
];

const whatHappened: CurriculumModule = {
  id: 'core-what-happened',
  title: 'What happened?',
  minutes: 45,
  tasks: ['worldview'],
  principles: [],
  topics: [],
  outcomes: [],
  learningOutcomes: [],
  summary: 'How stories change when we ask what happened.',
  materials: [],
  activities: [{ kind: 'reframe', minutes: 30, bank: 'reframes', cards: ['rf-attention', 'rf-manipulative'], roles: [] }],
  facilitatorNotes: '',
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
        { at: '09:30', minutes: 60, kind: 'module', title: 'Arriving', module: null },
        { at: '10:30', minutes: 45, kind: 'module', title: 'What happened?', module: whatHappened },
      ],
    },
  ],
};

let fake: ReturnType<typeof fakeSockets>;

const joined = (seq: number, p: You) => event(seq, 'presence.joined', { participantId: p.id, name: p.name, role: p.kind });

async function mount(events: RoomEvent[] = []) {
  fakeApi({
    [ROOM_URL]: json(roomView, 201),
    [CURRICULUM_URL]: json(pinned),
    'GET /api/curricula/prompts': json([]),
    'GET /api/curricula/scenarios': json([]),
    'GET /api/curricula/reframes': json(bank),
  });
  const el = document.createElement('mut-room-console') as MutRoomConsole;
  el.organisationId = 'org-a';
  el.cohortId = 'c1';
  el.day = 1;
  el.now = () => NOW;
  document.body.append(el);
  await settle(el);
  const socket = fake.last;
  connectAs(socket, sam, [joined(1, sam), ...events]);
  await settle(el, 4);
  return { el, socket, rfc: () => el.shadowRoot!.querySelector('mut-reframe-console')!.shadowRoot! };
}

async function push(el: MutRoomConsole, socket: FakeSocket, ...messages: unknown[]) {
  for (const m of messages) socket.receive(m);
  await settle(el, 3);
}

async function click(el: MutRoomConsole, b: Element | null | undefined) {
  if (!b) throw new Error('Nothing to click');
  (b as HTMLElement).click();
  await settle(el, 3);
}

async function submit(el: MutRoomConsole, form: Element | null) {
  if (!form) throw new Error('No form');
  form.dispatchEvent(new Event('submit', { cancelable: true }));
  await settle(el, 3);
}

describe('<mut-reframe-console>', () => {
  beforeEach(() => {
    fake = openFakeRoom();
  });

  afterEach(() => {
    closeFakeRoom();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('launches with statements from the bank and the facilitator’s own, one a line, in pairs', async () => {
    const { el, socket, rfc } = await mount();
    await click(el, rfc().querySelector('[data-test="reframe-bank-statement-find"]'));
    const boxes = [...rfc().querySelectorAll<HTMLInputElement>('[data-test="reframe-bank-statement"]')];
    expect(boxes.map((b) => b.value)).toEqual(['rf-noncompliant', 'rf-attention', 'rf-manipulative']);
    boxes[0].click();
    const own = rfc().querySelector<HTMLTextAreaElement>('[data-test="reframe-own-statements"]')!;
    own.value = 'He never listens.\n\n  They are so difficult.  \n';
    own.dispatchEvent(new InputEvent('input'));
    rfc().querySelector<HTMLInputElement>('[data-test="reframe-mode"][value="pairs"]')!.click();
    await settle(el, 2);
    expect(text(rfc().querySelector('[data-test="reframe-launch"] [role="status"]'))).toMatch(/^3 statements/);
    expect(text(rfc().querySelector('[data-test="reframe-launch-submit"]'))).toBe('Launch reframing');
    await submit(el, rfc().querySelector('[data-test="reframe-launch"]'));
    expect(socket.commands[0]).toEqual({
      v: 1,
      type: 'reframe.launch',
      id: socket.commands[0].id,
      reframeIds: ['rf-noncompliant'],
      statements: ['He never listens.', 'They are so difficult.'],
      mode: 'pairs',
    });
  });

  it('offers the current module’s reframing, its statements already chosen', async () => {
    const { el, socket, rfc } = await mount([event(2, 'agenda.moved', { slot: 1, title: 'What happened?' })]);
    expect(text(rfc().querySelector('.module-offer'))).toContain('What happened? has a reframing exercise');
    const chosen = [...rfc().querySelectorAll('[data-test="reframe-bank-statement-chosen"] [data-unchoose]')].map((b) =>
      b.getAttribute('data-unchoose'),
    );
    expect(chosen).toEqual(['rf-attention', 'rf-manipulative']);
    await click(el, rfc().querySelector('[data-test="reframe-launch-submit"]'));
    expect(text(rfc().querySelector('[data-test="reframe-launch-submit"]'))).toBe('Start reframing');
    expect(socket.commands[0]).toMatchObject({
      type: 'reframe.launch',
      reframeIds: ['rf-attention', 'rf-manipulative'],
      mode: 'solo',
    });
  });

  it('asks for a statement when working alone, but pairs can start with none', async () => {
    const { el, socket, rfc } = await mount();
    await submit(el, rfc().querySelector('[data-test="reframe-launch"]'));
    expect(socket.commands).toEqual([]);
    expect(text(rfc().querySelector('[data-problem="reframe"]'))).toMatch(/at least one statement/);
    rfc().querySelector<HTMLInputElement>('[data-test="reframe-mode"][value="pairs"]')!.click();
    await settle(el, 2);
    await submit(el, rfc().querySelector('[data-test="reframe-launch"]'));
    expect(socket.commands[0]).toEqual({ v: 1, type: 'reframe.launch', id: socket.commands[0].id, mode: 'pairs' });
  });

  it('reveals, shows examples, highlights entries, shows quietly which opened something, and closes', async () => {
    const { el, socket, rfc } = await mount([reframeLaunched(2)]);
    expect(rfc().querySelector('[data-test="reframe-launch"]')).toBeNull();
    const statements = [...rfc().querySelectorAll('[data-test="reframe-statements"] [data-test="reframe-statement"]')];
    expect(statements).toHaveLength(2);
    // only a statement with bank examples offers them
    expect(statements[0].querySelector('[data-test="reframe-examples"]')).not.toBeNull();
    expect(statements[1].querySelector('[data-test="reframe-examples"]')).toBeNull();
    expect(rfc().querySelector('[data-test="reframe-board"]')).toBeNull();

    await click(el, rfc().querySelector('[data-test="reframe-reveal"]'));
    expect(socket.commands[0]).toMatchObject({ type: 'reframe.reveal', exerciseId: EX });
    await click(el, rfc().querySelector('[data-test="reframe-examples"]'));
    expect(socket.commands[1]).toMatchObject({ type: 'reframe.examples', exerciseId: EX, statementId: 's1' });

    await push(
      el,
      socket,
      ack(socket.commands[0].id, [3]),
      event(3, 'reframe.phase', { exerciseId: EX, phase: 'reveal' }),
      reframeShared(4, { entryId: 'e1', statementId: 's1', text: 'What happened before she stopped?' }),
      reframeShared(5, {
        entryId: 'e2',
        statementId: 's1',
        text: 'What is it like for her?',
        participantId: 'p-cam',
        name: 'Cam',
      }),
      event(6, 'reframe.resonated', { exerciseId: EX, entryId: 'e2' }),
      event(7, 'reframe.resonated', { exerciseId: EX, entryId: 'e2' }),
      event(8, 'reframe.examples-shown', { exerciseId: EX, statementId: 's1', rewrites: ['What has she noticed?'] }),
    );
    const entries = [...rfc().querySelectorAll('[data-test="reframe-board"] [data-test="reframe-entry"]')];
    expect(entries.map((e) => e.getAttribute('data-entry'))).toEqual(['e1', 'e2']);
    expect(text(entries[0])).toContain('Shared without a name');
    expect(text(entries[1])).toContain('— Cam');
    expect(entries[0].querySelector('[data-test="reframe-resonated"]')).toBeNull();
    expect(text(entries[1].querySelector('[data-test="reframe-resonated"]'))).toBe('● Opened something for someone');
    expect(text(rfc().querySelector('[data-test="reframe-board"]'))).not.toMatch(/\b2\b|twice|votes|rank/);
    expect(text(rfc().querySelector('[data-test="reframe-examples-list"]'))).toContain('What has she noticed?');
    expect(rfc().querySelector('[data-test="reframe-examples"]')).toBeNull();

    await click(el, entries[0].querySelector('[data-test="reframe-highlight"]'));
    expect(socket.commands[2]).toMatchObject({ type: 'reframe.highlight', exerciseId: EX, entryId: 'e1', on: true });
    await push(
      el,
      socket,
      ack(socket.commands[2].id, [9]),
      event(9, 'reframe.highlighted', { exerciseId: EX, entryId: 'e1', on: true }),
    );
    const first = rfc().querySelector('[data-entry="e1"]')!;
    expect(first.classList.contains('highlighted')).toBe(true);
    await click(el, first.querySelector('[data-test="reframe-highlight"]'));
    expect(socket.commands[3]).toMatchObject({ type: 'reframe.highlight', entryId: 'e1', on: false });

    await click(el, rfc().querySelector('[data-test="reframe-close"]'));
    expect(socket.commands).toHaveLength(4);
    await click(el, confirmStep(rfc())!.confirm);
    expect(socket.commands[4]).toMatchObject({ type: 'reframe.close', exerciseId: EX });
  });

  it('copies the shared board as text, names only where they were given', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    const { el, rfc } = await mount([
      reframeLaunched(2),
      event(3, 'reframe.phase', { exerciseId: EX, phase: 'reveal' }),
      reframeShared(4, { entryId: 'e1', statementId: 's1', text: 'What happened before she stopped?' }),
      reframeShared(5, {
        entryId: 'e2',
        statementId: 's2',
        text: 'What is he reaching for?',
        participantId: 'p-dee',
        name: 'Dee',
      }),
      event(6, 'reframe.closed', { exerciseId: EX }),
    ]);
    expect(rfc().querySelector('[data-test="reframe-launch"]')).not.toBeNull();
    expect(rfc().querySelector('[data-test="reframe-highlight"]')).toBeNull();
    await click(el, rfc().querySelector('[data-test="reframe-copy-board"]'));
    expect(writeText).toHaveBeenCalledTimes(1);
    const copied = (writeText.mock.calls[0] as unknown as [string])[0];
    expect(copied).toContain('“She is non-compliant with her meds.”');
    expect(copied).toContain('• What happened before she stopped?\n');
    expect(copied).toContain('• What is he reaching for? — Dee');
    expect(text(rfc().querySelector('.board-tools [role="status"]'))).toBe('The board is copied.');
  });
});
