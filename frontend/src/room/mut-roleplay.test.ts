import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetDraftsInMemory } from '../live/drafts';
import type { RoomEvent, You } from '../live/protocol';
import { setDefaultSocketFactory } from '../live/room-connection';
import { PARTICIPANT_KEY } from './participation';
import { RP, card, grouped, launched, member, offered, opened, roles, roundStarted, twoGroups } from '../test/activity-fixtures';
import { settle, text } from '../test/fake-api';
import { ack, ana, ben, connectAs, event, fakeSockets, type FakeSocket } from '../test/fake-socket';
import './mut-room';
import type { MutRoom } from './mut-room';

const NOW = Date.parse('2027-01-04T10:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

let fake: ReturnType<typeof fakeSockets>;

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

async function mount(you: You, events: RoomEvent[] = [], serverNow?: string) {
  place(you);
  const el = document.createElement('mut-room') as MutRoom;
  el.now = () => NOW;
  document.body.append(el);
  await el.updateComplete;
  const socket = fake.last;
  connectAs(socket, you, events, serverNow);
  await settle(el, 3);
  return { el, socket, root: el.shadowRoot!, rp: () => el.shadowRoot!.querySelector('mut-roleplay')!.shadowRoot! };
}

async function push(el: MutRoom, socket: FakeSocket, ...messages: unknown[]) {
  for (const m of messages) socket.receive(m);
  await settle(el, 3);
}

async function click(el: MutRoom, b: Element | null) {
  if (!b) throw new Error('Nothing to click');
  (b as HTMLElement).click();
  await settle(el, 3);
}

const ENDS = NOW + 10 * 60_000;
const WARN = ENDS - 60_000;

/** Ana's log: group 1 with Ben and Cam, round 1, Ana shares. */
const roundOne = (note: string | null = 'Mentions being held down.'): RoomEvent[] => [
  launched(1),
  grouped(2, twoGroups(), [], true),
  roundStarted(3, 1, iso(ENDS), iso(WARN)),
  roles(4, 'g1', 1, [
    ['p-ana', 'Ana', 'person-sharing'],
    ['p-ben', 'Ben', 'peer-supporter'],
    ['p-cam', 'Cam', 'observer'],
  ]),
  offered(5, 'g1', 1, 'respite', 'Awake at three in the morning', note),
];

describe('<mut-roleplay> in the room', () => {
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

  it('shows nothing of a role-play until one is launched', async () => {
    const { root } = await mount(ana);
    expect(root.querySelector('mut-roleplay')).toBeNull();
  });

  it('while forming by choice, shows the groups and joins the one picked', async () => {
    const groups = [
      { groupId: 'g1', name: 'Group 1', members: [member('p-ben', 'Ben')] },
      {
        groupId: 'g2',
        name: 'Group 2',
        members: [member('p-dee', 'Dee'), member('p-eli', 'Eli'), member('p-fay', 'Fay'), member('p-gus', 'Gus')],
      },
    ];
    const { el, socket, rp } = await mount(ana, [
      launched(1, { grouping: 'choice' }),
      grouped(2, groups, [{ participantId: 'p-ana', name: 'Ana' }]),
    ]);
    expect(text(rp())).toContain('Choose a group to join. Each has room for 4.');
    const choices = [...rp().querySelectorAll<HTMLButtonElement>('[data-test="roleplay-choose-group"]')];
    expect(choices.map((b) => [b.dataset.group, b.disabled])).toEqual([
      ['g1', false],
      ['g2', true],
    ]);
    await click(el, choices[0]);
    expect(socket.commands[0]).toMatchObject({ type: 'roleplay.choose', roleplayId: RP, groupId: 'g1' });

    await push(
      el,
      socket,
      ack(socket.commands[0].id, [3]),
      grouped(3, [{ ...groups[0], members: [member('p-ben', 'Ben'), member('p-ana', 'Ana')] }, groups[1]]),
    );
    expect(text(rp().querySelector('[data-test="roleplay-my-group"]'))).toBe("You're in Group 1.");
    expect(rp().querySelector('[data-test="roleplay-choose-group"][data-group="g1"]')).toBeNull();
  });

  it('shows my group and who plays what, the content note first, with Open and Choose another', async () => {
    const { el, socket, rp } = await mount(ana, roundOne());
    expect(text(rp().querySelector('[data-test="roleplay-my-group"]'))).toBe('Your group: Group 1');
    const rows = [...rp().querySelectorAll('.group-members li')].map((li) => text(li));
    expect(rows).toEqual(['You The person sharing', 'Ben The peer supporter', 'Cam The observer']);
    expect(text(rp().querySelector('[data-test="roleplay-content-note"]'))).toContain('Mentions being held down.');
    expect(rp().querySelector('[data-test="roleplay-shared"]')).toBeNull();
    expect(rp().querySelector('[data-test="role-card"]')).toBeNull();

    await click(el, rp().querySelector('[data-test="roleplay-swap"]'));
    expect(socket.commands[0]).toEqual({ v: 1, type: 'roleplay.swap', id: socket.commands[0].id, roleplayId: RP });
    expect(text(rp())).not.toMatch(/why/i);
    await click(el, rp().querySelector('[data-test="roleplay-open"]'));
    expect(socket.commands[1]).toMatchObject({ type: 'roleplay.open', roleplayId: RP });
  });

  it('once opened, shows the shared part and only my own role card', async () => {
    const { rp } = await mount(ana, [
      ...roundOne(),
      opened(6, 'g1', 1, 'respite', 'Awake at three in the morning', 'The second night of a stay at the respite house.'),
      card(7, 'g1', 1, 'respite', 'person-sharing', 'Nights in a strange building bring it all back.'),
    ]);
    expect(text(rp().querySelector('[data-test="roleplay-shared"]'))).toContain('The second night of a stay');
    const cards = rp().querySelectorAll('[data-test="role-card"]');
    expect(cards).toHaveLength(1);
    expect(cards[0].getAttribute('data-role')).toBe('person-sharing');
    expect(text(cards[0])).toContain('Your part: The person sharing');
    expect(text(cards[0])).toContain('Nights in a strange building bring it all back.');
    expect(text(cards[0])).toContain('Only you see this card.');
    // nothing of the other roles' cards is anywhere on the page
    expect(rp().innerHTML).not.toMatch(/paperwork|Watch for the moment/);
    expect(rp().querySelectorAll('[data-role]')).toHaveLength(1);
  });

  it('a new round replaces the card and rotates the roles', async () => {
    const { rp } = await mount(ana, [
      ...roundOne(null),
      opened(6, 'g1', 1, 'respite', 'Awake at three in the morning', 'Shared one.'),
      card(7, 'g1', 1, 'respite', 'person-sharing', 'First card.'),
      roundStarted(8, 2, iso(ENDS + 600_000), iso(ENDS + 540_000)),
      roles(9, 'g1', 2, [
        ['p-ana', 'Ana', 'observer'],
        ['p-ben', 'Ben', 'person-sharing'],
        ['p-cam', 'Cam', 'peer-supporter'],
      ]),
      offered(10, 'g1', 2, 'warm-line', 'The caller who says little', null),
      opened(11, 'g1', 2, 'warm-line', 'The caller who says little', 'Shared two.'),
      card(12, 'g1', 2, 'warm-line', 'observer', 'Second card.'),
    ]);
    const cards = rp().querySelectorAll('[data-test="role-card"]');
    expect(cards).toHaveLength(1);
    expect(text(cards[0])).toContain('Second card.');
    expect(text(rp())).not.toContain('First card.');
    expect(text(rp().querySelector('[data-test="roleplay-clock"] .round'))).toBe('Round 2 of 3');
    // observing this round: the note form is offered
    expect(rp().querySelector('[data-test="roleplay-note-form"]')).not.toBeNull();
  });

  it('counts the round down from endsAt by the server’s clock, warns calmly, then says Time', async () => {
    // the server is a minute ahead of this device
    const { el, socket, rp } = await mount(ana, roundOne(), iso(NOW + 60_000));
    expect(text(rp().querySelector('[data-test="roleplay-clock"] [role="timer"]'))).toBe('9:00');
    expect(rp().querySelector('[data-test="roleplay-time-warning"]')).toBeNull();

    el.now = () => NOW + 8 * 60_000 + 30_000; // warnAt has passed on the server's clock
    el.requestUpdate();
    await settle(el, 3);
    expect(text(rp().querySelector('[data-test="roleplay-clock"] [role="timer"]'))).toBe('0:30');
    expect(text(rp().querySelector('[data-test="roleplay-time-warning"]'))).toMatch(/Nearly time/);

    await push(el, socket, event(6, 'roleplay.time-up', { roleplayId: RP, round: 1 }));
    expect(text(rp().querySelector('[data-test="roleplay-clock"] [role="timer"]'))).toBe('Time');
    expect(rp().querySelector('[data-test="roleplay-time-up"]')).not.toBeNull();
  });

  it('the help toggle asks quietly for a facilitator, and takes it back', async () => {
    const { el, socket, rp } = await mount(ana, roundOne());
    const toggle = rp().querySelector<HTMLButtonElement>('[data-test="roleplay-help"]')!;
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    await click(el, toggle);
    expect(socket.commands[0]).toEqual({ v: 1, type: 'roleplay.help', id: socket.commands[0].id, roleplayId: RP, on: true });
    await push(
      el,
      socket,
      ack(socket.commands[0].id, [6]),
      event(6, 'roleplay.help', { roleplayId: RP, groupId: 'g1', on: true }),
    );
    expect(rp().querySelector('[data-test="roleplay-help"]')!.getAttribute('aria-pressed')).toBe('true');
    await click(el, rp().querySelector('[data-test="roleplay-help"]'));
    expect(socket.commands[1]).toMatchObject({ type: 'roleplay.help', on: false });
  });

  it('says when a facilitator is listening in', async () => {
    const { rp } = await mount(ana, [
      ...roundOne(),
      event(6, 'roleplay.listening', {
        roleplayId: RP,
        facilitatorId: 'f-sam',
        name: 'Sam Rivera',
        groupId: 'g1',
        previousGroupId: null,
      }),
    ]);
    expect(text(rp().querySelector('.listening'))).toBe('Sam Rivera is listening in.');
  });

  it('an observer gives a note about one moment: a task, the moment, everyone else by default', async () => {
    const cam: You = { kind: 'participant', id: 'p-cam', name: 'Cam' };
    const { el, socket, rp } = await mount(cam, roundOne());
    const form = rp().querySelector('[data-test="roleplay-note-form"]')!;
    const tasks = [...form.querySelectorAll<HTMLInputElement>('[data-test="roleplay-note-task"]')];
    expect(tasks.map((t) => t.value)).toEqual(['connection', 'worldview', 'mutuality', 'moving-towards']);
    const about = [...form.querySelectorAll<HTMLInputElement>('[data-test="roleplay-note-about"]')];
    expect(about.map((a) => [a.value, a.checked])).toEqual([
      ['p-ana', true],
      ['p-ben', true],
    ]);
    expect(form.querySelector<HTMLTextAreaElement>('[data-test="roleplay-note-moment"]')!.placeholder).toBe('When …, …');

    tasks[0].click();
    const moment = form.querySelector<HTMLTextAreaElement>('[data-test="roleplay-note-moment"]')!;
    moment.value = 'When Ben went quiet, Ana waited with him.';
    moment.dispatchEvent(new InputEvent('input'));
    await settle(el, 2);
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el, 3);
    expect(socket.commands[0]).toEqual({
      v: 1,
      type: 'roleplay.note',
      id: socket.commands[0].id,
      roleplayId: RP,
      task: 'connection',
      moment: 'When Ben went quiet, Ana waited with him.',
    });

    await push(el, socket, ack(socket.commands[0].id, [6]));
    rp().querySelectorAll<HTMLInputElement>('[data-test="roleplay-note-task"]')[2].click();
    const again = rp().querySelector<HTMLTextAreaElement>('[data-test="roleplay-note-moment"]')!;
    again.value = 'When Ana named what she needed.';
    again.dispatchEvent(new InputEvent('input'));
    rp().querySelector<HTMLInputElement>('[data-test="roleplay-note-about"][value="p-ben"]')!.click();
    await settle(el, 2);
    rp()
      .querySelector('[data-test="roleplay-note-form"]')!
      .dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el, 3);
    expect(socket.commands[1]).toMatchObject({ type: 'roleplay.note', task: 'mutuality', about: ['p-ana'] });
  });

  it('a note given to me stays private unless I let the facilitators read it', async () => {
    const { el, socket, rp } = await mount(ana, [
      ...roundOne(),
      event(6, 'roleplay.note-given', {
        roleplayId: RP,
        noteId: 'n1',
        groupId: 'g1',
        round: 1,
        task: 'worldview',
        moment: 'When Ana said “I always mess up”, Ben asked how she came to see it that way.',
        by: 'Cam',
        byId: 'p-cam',
        about: [
          { participantId: 'p-ana', name: 'Ana' },
          { participantId: 'p-ben', name: 'Ben' },
        ],
      }),
    ]);
    const note = rp().querySelector('[data-test="roleplay-note"]')!;
    expect(text(note)).toContain('Worldview');
    expect(text(note)).toContain('— Cam');
    expect(text(note)).toContain('Otherwise it stays private');
    expect(text(rp())).toMatch(/These are private/);
    await click(el, note.querySelector('[data-test="roleplay-note-consent"]'));
    expect(socket.commands[0]).toMatchObject({ type: 'roleplay.note-consent', roleplayId: RP, noteId: 'n1' });
    await push(
      el,
      socket,
      ack(socket.commands[0].id, [7]),
      event(7, 'roleplay.note-consented', { roleplayId: RP, noteId: 'n1', participantId: 'p-ana' }),
    );
    expect(rp().querySelector('[data-test="roleplay-note-consent"]')).toBeNull();
    expect(text(rp().querySelector('[data-test="roleplay-note"]'))).toContain('You agreed the facilitators may read this');
  });

  it('in the group debrief: suggest, agree or "not this one" (never who), and what is ready', async () => {
    const { el, socket, rp } = await mount(ana, [
      ...roundOne(),
      event(6, 'roleplay.phase', { roleplayId: RP, phase: 'group-debrief' }),
      event(7, 'roleplay.share-proposed', {
        roleplayId: RP,
        groupId: 'g1',
        proposalId: 'q1',
        text: 'Silence can be company.',
        by: 'Ben',
      }),
      event(8, 'roleplay.share-proposed', {
        roleplayId: RP,
        groupId: 'g1',
        proposalId: 'q2',
        text: 'Fixing gets in the way.',
        by: 'Cam',
      }),
    ]);
    const area = rp().querySelector<HTMLTextAreaElement>('[data-test="roleplay-propose-text"]')!;
    area.value = 'Asking what happened changed the story.';
    area.dispatchEvent(new InputEvent('input'));
    await settle(el, 2);
    await click(el, rp().querySelector('[data-test="roleplay-propose"]'));
    expect(socket.commands[0]).toMatchObject({
      type: 'roleplay.share-propose',
      roleplayId: RP,
      text: 'Asking what happened changed the story.',
    });

    const first = rp().querySelector('[data-test="roleplay-proposal"][data-proposal="q1"]')!;
    await click(el, first.querySelector('[data-test="roleplay-agree"]'));
    expect(socket.commands[1]).toMatchObject({ type: 'roleplay.share-answer', proposalId: 'q1', agree: true });
    await click(el, rp().querySelector('[data-test="roleplay-proposal"][data-proposal="q2"] [data-test="roleplay-decline"]'));
    expect(socket.commands[2]).toMatchObject({ type: 'roleplay.share-answer', proposalId: 'q2', agree: false });

    await push(
      el,
      socket,
      event(9, 'roleplay.share-agreed', { roleplayId: RP, groupId: 'g1', proposalId: 'q1', participantId: 'p-ana' }),
      event(10, 'roleplay.share-ready', { roleplayId: RP, groupId: 'g1', proposalId: 'q1' }),
      event(11, 'roleplay.share-declined', { roleplayId: RP, groupId: 'g1', proposalId: 'q2' }),
    );
    const q1 = text(rp().querySelector('[data-proposal="q1"]'));
    const q2 = text(rp().querySelector('[data-proposal="q2"]'));
    expect(q1).toContain('Everyone agreed: this will be shared with the room.');
    expect(q2).toContain('Not this one: it stays in your group.');
    expect(q2).not.toMatch(/Ana|Ben|declined by/i);
  });

  it('in the room debrief, shows what every group shared', async () => {
    const { rp } = await mount(ana, [
      ...roundOne(),
      event(6, 'roleplay.phase', { roleplayId: RP, phase: 'room-debrief' }),
      event(7, 'roleplay.shared', {
        roleplayId: RP,
        groupId: 'g1',
        groupName: 'Group 1',
        proposalId: 'q1',
        text: 'Silence can be company.',
      }),
      event(8, 'roleplay.shared', {
        roleplayId: RP,
        groupId: 'g2',
        groupName: 'Group 2',
        proposalId: 'q9',
        text: 'We slowed down.',
      }),
    ]);
    const shares = [...rp().querySelectorAll('[data-test="roleplay-room-share"]')].map((li) => text(li));
    expect(shares).toEqual(['Silence can be company. — Group 1', 'We slowed down. — Group 2']);
  });

  it('after a reload, the replay brings back my group, role, card and clock', async () => {
    const log = [
      ...roundOne(),
      opened(6, 'g1', 1, 'respite', 'Awake at three in the morning', 'Shared part.'),
      card(7, 'g1', 1, 'respite', 'person-sharing', 'My card.'),
    ];
    const first = await mount(ana, log);
    const before = first.rp().innerHTML;
    document.body.innerHTML = '';
    const again = await mount(ana, log);
    expect(again.socket.hello.lastSeq).toBe(0);
    expect(again.rp().innerHTML).toBe(before);
    expect(text(again.rp().querySelector('[data-test="role-card"]'))).toContain('My card.');
    expect(text(again.rp().querySelector('[data-test="roleplay-clock"] [role="timer"]'))).toBe('10:00');
  });

  it('never uses scores or rankings', async () => {
    const { rp } = await mount(ben, roundOne());
    expect(text(rp())).not.toMatch(/score|rank|leaderboard|points/i);
  });
});
