import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PinnedCurriculum } from '../cohort/types';
import type { RoomView } from '../room/types';
import type { RoomEvent, You } from '../live/protocol';
import { RP, card, grouped, launched, member, offered, opened, roles, roundStarted, twoGroups } from '../test/activity-fixtures';
import { connectionModule, core, scenarios } from '../test/curriculum-fixtures';
import { fakeApi, json, settle, text, type Handler } from '../test/fake-api';
import { confirmStep } from '../test/page';
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
import './mut-room-console';
import type { MutRoomConsole } from './mut-room-console';

const NOW = Date.parse('2027-01-04T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
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
      ],
    },
  ],
};

let fake: ReturnType<typeof fakeSockets>;

async function mount(events: RoomEvent[] = [], routes: Record<string, Handler> = {}) {
  const api = fakeApi({
    [ROOM_URL]: json(roomView, 201),
    [CURRICULUM_URL]: json(pinned),
    'GET /api/curricula/prompts': json([]),
    'GET /api/curricula/scenarios': json(scenarios),
    'GET /api/curricula/reframes': json([]),
    ...routes,
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
  const rpc = () => el.shadowRoot!.querySelector('mut-roleplay-console')!.shadowRoot!;
  return { el, api, socket, rpc };
}

const joined = (seq: number, p: You) => event(seq, 'presence.joined', { participantId: p.id, name: p.name, role: p.kind });

async function push(el: MutRoomConsole, socket: FakeSocket, ...messages: unknown[]) {
  for (const m of messages) socket.receive(m);
  await settle(el, 3);
}

async function click(el: MutRoomConsole, b: Element | null | undefined) {
  if (!b) throw new Error('Nothing to click');
  (b as HTMLElement).click();
  await settle(el, 3);
}

async function setValue(
  el: MutRoomConsole,
  field: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null,
  value: string,
) {
  if (!field) throw new Error('No field');
  field.value = value;
  field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input'));
  await settle(el, 2);
}

async function submit(el: MutRoomConsole, form: Element | null) {
  if (!form) throw new Error('No form');
  form.dispatchEvent(new Event('submit', { cancelable: true }));
  await settle(el, 3);
}

describe('<mut-roleplay-console>', () => {
  beforeEach(() => {
    fake = openFakeRoom();
  });

  afterEach(() => {
    closeFakeRoom();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  describe('launching', () => {
    it('ad hoc: scenarios picked from the bank with their content notes, and every setting', async () => {
      const { el, socket, rpc } = await mount();
      expect(rpc().querySelectorAll('[data-test="roleplay-scenario"]')).toHaveLength(0); // no list of every card until asked
      await click(el, rpc().querySelector('[data-test="roleplay-scenario-find"]'));
      const list = [...rpc().querySelectorAll<HTMLInputElement>('[data-test="roleplay-scenario"]')];
      expect(list.map((i) => i.value)).toEqual(['respite-cant-sleep', 'warm-line-quiet', 'workplace-review']);
      expect(list.every((i) => !i.checked)).toBe(true);
      expect(text(list[0].closest('label'))).toContain('Content note: Mentions being held down during a past hospital stay.');
      expect(text(rpc().querySelector('[data-test="roleplay-launch-submit"]'))).toBe('Launch the role-play');

      list[0].click();
      list[2].click();
      await settle(el, 2);
      await setValue(el, rpc().querySelector('[data-test="roleplay-title"]'), 'Tuesday practice');
      await setValue(el, rpc().querySelector('[data-test="roleplay-group-size"]'), '4');
      rpc().querySelector<HTMLInputElement>('[data-test="roleplay-grouping"][value="manual"]')!.click();
      rpc().querySelector<HTMLInputElement>('[data-test="roleplay-odd-rule"][value="facilitator-joins"]')!.click();
      await setValue(el, rpc().querySelector('[data-test="roleplay-rounds"]'), '4');
      await setValue(el, rpc().querySelector('[data-test="roleplay-minutes"]'), '12');
      await submit(el, rpc().querySelector('[data-test="roleplay-launch"]'));
      expect(socket.commands[0]).toEqual({
        v: 1,
        type: 'roleplay.launch',
        id: socket.commands[0].id,
        title: 'Tuesday practice',
        scenarioIds: ['respite-cant-sleep', 'workplace-review'],
        groupSize: 4,
        grouping: 'manual',
        oddRule: 'facilitator-joins',
        rounds: 4,
        minutes: 12,
      });
    });

    it('from the current module’s role-play activity', async () => {
      const { socket, el, rpc } = await mount([event(2, 'agenda.moved', { slot: 0, title: 'Connection and disconnection' })]);
      expect(text(rpc().querySelector('.module-offer'))).toContain(
        'Connection, disconnection and finding our way back has a role-play: groups of 3, 3 rounds, with Awake at three in the morning, The caller who says little.',
      );
      const chosen = [...rpc().querySelectorAll('[data-test="roleplay-scenario-chosen"] [data-unchoose]')].map((b) =>
        b.getAttribute('data-unchoose'),
      );
      expect(chosen).toEqual(['respite-cant-sleep', 'warm-line-quiet']);
      const go = rpc().querySelector('[data-test="roleplay-launch-submit"]')!;
      expect(text(go)).toBe('Start this role-play');
      await click(el, go);
      expect(socket.commands[0]).toEqual({
        v: 1,
        type: 'roleplay.launch',
        id: socket.commands[0].id,
        moduleId: 'core-connection',
        title: 'Connection, disconnection and finding our way back',
        scenarioIds: ['respite-cant-sleep', 'warm-line-quiet'],
        groupSize: 3,
        grouping: 'auto',
        oddRule: 'extra-observer',
        rounds: 3,
        minutes: 10,
      });

      // choosing "Something else" launches ad hoc, without the module
      rpc().querySelector<HTMLInputElement>('[data-test="roleplay-basis"][value="ad-hoc"]')!.click();
      await settle(el, 2);
      expect(text(rpc().querySelector('[data-test="roleplay-launch-submit"]'))).toBe('Launch the role-play');
      await submit(el, rpc().querySelector('[data-test="roleplay-launch"]'));
      expect(socket.commands[1]).not.toHaveProperty('moduleId');
    });

    it('with a scenario written for today', async () => {
      const { el, socket, rpc } = await mount();
      rpc().querySelector<HTMLInputElement>('[data-test="roleplay-scenario-source"][value="own"]')!.click();
      await settle(el, 2);
      await submit(el, rpc().querySelector('[data-test="roleplay-launch"]'));
      expect(socket.commands).toEqual([]);
      expect(text(rpc().querySelector('[data-problem="roleplay"]'))).toMatch(/needs a title/);

      await setValue(el, rpc().querySelector('[data-test="roleplay-adhoc-title"]'), 'The missed appointment');
      await setValue(el, rpc().querySelector('[data-test="roleplay-adhoc-content-note"]'), 'Mentions a hospital stay.');
      await setValue(
        el,
        rpc().querySelector('[data-test="roleplay-adhoc-shared"]'),
        'Two people meet after a missed appointment.',
      );
      await setValue(el, rpc().querySelector('[data-test="roleplay-adhoc-person-sharing"]'), 'You could not face going.');
      await setValue(el, rpc().querySelector('[data-test="roleplay-adhoc-peer-supporter"]'), 'You were worried.');
      await submit(el, rpc().querySelector('[data-test="roleplay-launch"]'));
      expect(socket.commands[0]).toMatchObject({
        type: 'roleplay.launch',
        scenario: {
          title: 'The missed appointment',
          contentNote: 'Mentions a hospital stay.',
          shared: 'Two people meet after a missed appointment.',
          roles: { 'person-sharing': 'You could not face going.', 'peer-supporter': 'You were worried.' },
        },
        groupSize: 3,
        grouping: 'auto',
        oddRule: 'extra-observer',
      });
      expect(socket.commands[0]).not.toHaveProperty('scenarioIds');
      expect(socket.commands[0].scenario.roles).not.toHaveProperty('observer');
    });

    it('asks for a scenario, and keeps numbers within their ranges, before sending', async () => {
      const { el, socket, rpc } = await mount();
      await submit(el, rpc().querySelector('[data-test="roleplay-launch"]'));
      expect(text(rpc().querySelector('[data-problem="roleplay"]'))).toMatch(/Choose at least one scenario/);
      await click(el, rpc().querySelector('[data-test="roleplay-scenario-find"]'));
      rpc().querySelector<HTMLInputElement>('[data-test="roleplay-scenario"]')!.click();
      await setValue(el, rpc().querySelector('[data-test="roleplay-minutes"]'), '90');
      await submit(el, rpc().querySelector('[data-test="roleplay-launch"]'));
      expect(text(rpc().querySelector('[data-problem="roleplay"]'))).toMatch(/between 1 and 60 minutes/);
      expect(socket.commands).toEqual([]);
    });

    it('shows a refusal in words', async () => {
      const { el, socket, rpc } = await mount();
      await click(el, rpc().querySelector('[data-test="roleplay-scenario-find"]'));
      rpc().querySelector<HTMLInputElement>('[data-test="roleplay-scenario"]')!.click();
      await submit(el, rpc().querySelector('[data-test="roleplay-launch"]'));
      await push(el, socket, refusal('conflict', 'A role-play is already under way.', socket.commands[0].id));
      expect(text(rpc().querySelector('[data-problem="roleplay"]'))).toBe('A role-play is already under way.');
    });
  });

  describe('forming', () => {
    const forming = (): RoomEvent[] => [
      joined(2, ana),
      joined(3, ben),
      launched(4, { grouping: 'manual' }),
      grouped(
        5,
        [
          { groupId: 'g1', name: 'Group 1', members: [member('p-ana', 'Ana')] },
          { groupId: 'g2', name: 'Group 2', members: [] },
        ],
        [{ participantId: 'p-ben', name: 'Ben' }],
      ),
    ];

    it('shows the groups board with everyone, and the launch form is gone', async () => {
      const { rpc } = await mount(forming());
      expect(rpc().querySelector('[data-test="roleplay-launch"]')).toBeNull();
      const board = rpc().querySelector('[data-test="roleplay-groups-board"]')!;
      expect(text(board.querySelector('[data-test="roleplay-unassigned"]'))).toContain('Ben');
      const groups = [...board.querySelectorAll('[data-test="roleplay-group"]')];
      expect(groups.map((g) => g.getAttribute('data-group'))).toEqual(['g1', 'g2']);
      expect(text(groups[0])).toContain('Ana');
      expect(board.querySelector('[data-test="roleplay-person"][data-person="p-ben"]')!.getAttribute('draggable')).toBe('true');
    });

    it('moves a person with their group list (keyboard friendly)', async () => {
      const { el, socket, rpc } = await mount(forming());
      const select = rpc().querySelector<HTMLSelectElement>('[data-test="roleplay-assign"][data-person="p-ben"]')!;
      expect(select.getAttribute('aria-label')).toBe('Group for Ben');
      expect([...select.options].map((o) => [o.value, text(o)])).toEqual([
        ['', 'Not in a group'],
        ['g1', 'Group 1'],
        ['g2', 'Group 2'],
      ]);
      await setValue(el, select, 'g2');
      expect(socket.commands[0]).toEqual({
        v: 1,
        type: 'roleplay.assign',
        id: socket.commands[0].id,
        roleplayId: RP,
        participantId: 'p-ben',
        groupId: 'g2',
      });
      await setValue(el, rpc().querySelector<HTMLSelectElement>('[data-test="roleplay-assign"][data-person="p-ana"]'), '');
      expect(socket.commands[1]).toMatchObject({ type: 'roleplay.assign', participantId: 'p-ana', groupId: null });
    });

    it('moves a person by drag and drop', async () => {
      const { el, socket, rpc } = await mount(forming());
      const person = rpc().querySelector('[data-test="roleplay-person"][data-person="p-ben"]')!;
      const zone = rpc().querySelector('[data-test="roleplay-group"][data-group="g1"]')!;
      const transfer = new DataTransfer();
      const drag = (type: string) => {
        const e = new Event(type, { bubbles: true, cancelable: true, composed: true });
        Object.defineProperty(e, 'dataTransfer', { value: transfer });
        return e;
      };
      person.dispatchEvent(drag('dragstart'));
      expect(transfer.getData('text/plain')).toBe('p-ben');
      const over = drag('dragover');
      zone.dispatchEvent(over);
      expect(over.defaultPrevented).toBe(true);
      await settle(el, 2);
      expect(zone.classList.contains('over')).toBe(true);
      zone.dispatchEvent(drag('drop'));
      await settle(el, 3);
      expect(socket.commands[0]).toMatchObject({ type: 'roleplay.assign', participantId: 'p-ben', groupId: 'g1' });
    });

    it('adds a group, starts, and ends only after a confirmation', async () => {
      const { el, socket, rpc } = await mount(forming());
      await click(el, rpc().querySelector('[data-test="roleplay-add-group"]'));
      await click(el, rpc().querySelector('[data-test="roleplay-start"]'));
      await click(el, rpc().querySelector('[data-test="roleplay-end"]'));
      expect(socket.commands.map((c) => c.type)).toEqual(['roleplay.add-group', 'roleplay.start']);
      await click(el, confirmStep(rpc())!.confirm);
      expect(socket.commands[2]).toMatchObject({ type: 'roleplay.end', roleplayId: RP });
    });
  });

  describe('running', () => {
    const ENDS = NOW + 10 * 60_000;
    const running = (): RoomEvent[] => [
      launched(2),
      grouped(3, twoGroups(), [], true),
      roundStarted(4, 1, iso(ENDS), iso(ENDS - 60_000)),
      roles(5, 'g1', 1, [
        ['p-ana', 'Ana', 'person-sharing'],
        ['p-ben', 'Ben', 'peer-supporter'],
        ['p-cam', 'Cam', 'observer'],
      ]),
      roles(6, 'g2', 1, [
        ['p-dee', 'Dee', 'person-sharing'],
        ['p-eli', 'Eli', 'peer-supporter'],
      ]),
      offered(7, 'g1', 1, 'respite', 'Awake at three in the morning', 'A note.'),
      offered(8, 'g2', 1, 'warm-line', 'The caller who says little', null),
      opened(9, 'g2', 1, 'warm-line', 'The caller who says little', 'Shared.'),
      event(10, 'roleplay.help', { roleplayId: RP, groupId: 'g2', on: true }),
    ];

    it('shows each group: this round’s roles, its scenario, and a quiet "would like a facilitator"', async () => {
      const { rpc } = await mount(running());
      const [g1, g2] = [...rpc().querySelectorAll('[data-test="roleplay-group-status"]')];
      expect(text(g1)).toContain('Ana The person sharing');
      expect(text(g1.querySelector('[data-test="roleplay-scenario-status"]'))).toBe(
        'Reading the content note: Awake at three in the morning',
      );
      expect(text(g2.querySelector('[data-test="roleplay-scenario-status"]'))).toBe('Scenario open: The caller who says little');
      expect(g1.querySelector('[data-test="roleplay-help-marker"]')).toBeNull();
      expect(text(g2.querySelector('[data-test="roleplay-help-marker"]'))).toBe('Would like a facilitator');
      expect(text(rpc().querySelector('[data-test="roleplay-clock"] [role="timer"]'))).toBe('10:00');
    });

    it('listens to a group and stops', async () => {
      const { el, socket, rpc } = await mount(running());
      await click(el, rpc().querySelector('[data-test="roleplay-listen"][data-group="g2"]'));
      expect(socket.commands[0]).toMatchObject({ type: 'roleplay.listen', roleplayId: RP, groupId: 'g2' });
      await push(
        el,
        socket,
        ack(socket.commands[0].id, [11]),
        event(11, 'roleplay.listening', {
          roleplayId: RP,
          facilitatorId: 'f-sam',
          name: 'Sam Rivera',
          groupId: 'g2',
          previousGroupId: null,
        }),
      );
      expect(text(rpc().querySelector('[data-group="g2"][data-test="roleplay-group-status"]'))).toContain('Listening: you');
      await click(el, rpc().querySelector('[data-test="roleplay-stop-listening"]'));
      expect(socket.commands[1]).toMatchObject({ type: 'roleplay.listen', groupId: null });
    });

    it('extends, moves to the next round and to the debriefs', async () => {
      const { el, socket, rpc } = await mount(running());
      await click(el, rpc().querySelector('[data-test="roleplay-extend"]'));
      await click(el, rpc().querySelector('[data-test="roleplay-next-round"]'));
      await click(el, rpc().querySelector('[data-test="roleplay-group-debrief"]'));
      expect(socket.commands.map((c) => [c.type, c.seconds])).toEqual([
        ['roleplay.extend', 120],
        ['roleplay.next-round', undefined],
        ['roleplay.debrief', undefined],
      ]);
      await push(el, socket, event(11, 'roleplay.phase', { roleplayId: RP, phase: 'group-debrief' }));
      expect(rpc().querySelector('[data-test="roleplay-next-round"]')).toBeNull();
      await click(el, rpc().querySelector('[data-test="roleplay-room-debrief"]'));
      expect(socket.commands[3]).toMatchObject({ type: 'roleplay.room-debrief', roleplayId: RP });
    });

    it('shows notes people agreed to share, and what groups shared with the room', async () => {
      const { rpc } = await mount([
        ...running(),
        event(11, 'roleplay.note-for-facilitators', {
          roleplayId: RP,
          noteId: 'n1',
          groupId: 'g1',
          round: 1,
          task: 'connection',
          moment: 'When Ben went quiet, Ana waited with him.',
          by: 'Cam',
          about: [{ participantId: 'p-ana', name: 'Ana' }],
        }),
        event(12, 'roleplay.phase', { roleplayId: RP, phase: 'room-debrief' }),
        event(13, 'roleplay.shared', {
          roleplayId: RP,
          groupId: 'g1',
          groupName: 'Group 1',
          proposalId: 'q1',
          text: 'Silence can be company.',
        }),
      ]);
      const note = text(rpc().querySelector('[data-test="roleplay-facilitator-note"]'));
      expect(note).toContain('Connection');
      expect(note).toContain('When Ben went quiet, Ana waited with him.');
      expect(note).toContain('Group 1, round 1 · by Cam · about Ana');
      expect(text(rpc().querySelector('[data-test="roleplay-room-share"]'))).toBe('Silence can be company. — Group 1');
    });

    it('a facilitator who joined a group sees their own part there', async () => {
      const { rpc } = await mount([
        launched(2, { oddRule: 'facilitator-joins' }),
        grouped(
          3,
          [{ groupId: 'g1', name: 'Group 1', members: [member('p-ana', 'Ana'), member('f-sam', 'Sam Rivera', true)] }],
          [],
          true,
        ),
        roundStarted(4, 1, iso(ENDS), iso(ENDS - 60_000)),
        roles(5, 'g1', 1, [
          ['p-ana', 'Ana', 'person-sharing'],
          ['f-sam', 'Sam Rivera', 'peer-supporter'],
        ]),
        offered(6, 'g1', 1, 'warm-line', 'The caller who says little', null),
        opened(7, 'g1', 1, 'warm-line', 'The caller who says little', 'Shared.'),
        card(8, 'g1', 1, 'warm-line', 'peer-supporter', 'Silence on the phone makes you anxious.'),
      ]);
      const own = rpc().querySelector('mut-roleplay')!.shadowRoot!;
      expect(text(own.querySelector('[data-test="role-card"]'))).toContain('Silence on the phone makes you anxious.');
    });
  });
});
