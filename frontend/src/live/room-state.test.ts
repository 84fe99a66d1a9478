import { describe, expect, it } from 'vitest';
import { ana, ben, event, sam } from '../test/fake-socket';
import type { EventDataMap, RoomEvent, You } from './protocol';
import {
  amRemoved,
  applyEvent,
  applyEvents,
  applyWelcome,
  currentNote,
  initialRoomState,
  nameOf,
  presentFacilitators,
  presentParticipants,
  serverNow,
  spentOnSlot,
  timerRemaining,
  type RoomState,
} from './room-state';
import { boardColumns, boardText, myPair, mySharedEntry, statementText } from './reframe-state';
import { currentScenario, listenersOf, myCard, myGroup, myRole, roundClock } from './roleplay-state';
import {
  EX,
  RP,
  card,
  grouped,
  launched,
  offered,
  opened,
  reframeLaunched,
  reframeShared,
  roles,
  roundStarted,
  twoGroups,
} from '../test/activity-fixtures';

const room = { code: 'KMR7TX', cohortTitle: 'Core', dayNumber: 1, closesAt: '2027-01-04T16:30:00Z' };

function as(you: You, events: RoomEvent[], latestSeq = 0): RoomState {
  return applyEvents(applyWelcome(initialRoomState(), { you, room, latestSeq }), events);
}

const joined = (seq: number, p: You) => event(seq, 'presence.joined', { participantId: p.id, name: p.name, role: p.kind });

const started = (seq: number, over: Partial<EventDataMap['checkin.started']> = {}) =>
  event(seq, 'checkin.started', {
    checkinId: 'k1',
    prompt: 'One word for how you arrive today.',
    closing: false,
    visibility: 'everyone',
    mode: 'open',
    order: [],
    ...over,
  });

describe('the room fold', () => {
  it('starts empty', () => {
    const s = initialRoomState();
    expect(s.lastSeq).toBe(0);
    expect(s.present).toEqual({});
    expect(s.checkin).toBeUndefined();
    expect(s.ended).toBe(false);
  });

  it('never changes the state it is given', () => {
    const before = as(ana, [joined(1, ana)]);
    const frozen = JSON.stringify(before);
    applyEvent(before, joined(2, ben));
    applyEvent(before, started(3));
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('ignores an event it has already folded in, and older ones', () => {
    const s = as(ana, [joined(1, ana), joined(2, ben)]);
    expect(applyEvent(s, joined(2, ben))).toBe(s);
    expect(applyEvent(s, event(1, 'presence.left', { participantId: 'p-ana' }))).toBe(s);
    expect(s.lastSeq).toBe(2);
  });

  it('keeps the highest seq even across gaps (events I may not see leave holes)', () => {
    const s = as(ana, [joined(1, ana), joined(7, ben)]);
    expect(s.lastSeq).toBe(7);
  });

  describe('presence', () => {
    it('knows who is here and keeps names of those who left', () => {
      const s = as(sam, [joined(1, sam), joined(2, ana), joined(3, ben), event(4, 'presence.left', { participantId: 'p-ben' })]);
      expect(presentParticipants(s).map((p) => p.name)).toEqual(['Ana']);
      expect(presentFacilitators(s).map((p) => p.name)).toEqual(['Sam Rivera']);
      expect(nameOf(s, 'p-ben')).toBe('Ben');
    });

    it('a person who comes back is here again', () => {
      const s = as(sam, [joined(1, ana), event(2, 'presence.left', { participantId: 'p-ana' }), joined(3, ana)]);
      expect(Object.keys(s.present)).toEqual(['p-ana']);
    });

    it('removing takes a person out of the room until they are admitted', () => {
      let s = as(sam, [joined(1, ana), joined(2, ben), event(3, 'participant.removed', { participantId: 'p-ben' })]);
      expect(s.removed).toEqual(['p-ben']);
      expect(s.present['p-ben']).toBeUndefined();
      s = applyEvent(s, event(4, 'participant.admitted', { participantId: 'p-ben' }));
      expect(s.removed).toEqual([]);
    });

    it('tells me when I am the one asked to step out', () => {
      const s = as(ana, [joined(1, ana), event(2, 'participant.removed', { participantId: 'p-ana' })]);
      expect(amRemoved(s)).toBe(true);
    });

    it('a removal from before my latest welcome is history: I was let back in since', () => {
      const s = as(ana, [joined(1, ana), event(2, 'participant.removed', { participantId: 'p-ana' }), joined(3, ana)], 3);
      expect(amRemoved(s)).toBe(false);
      expect(s.present['p-ana']).toBeDefined();
    });

    it('a welcome after being removed clears it', () => {
      const removed = as(ana, [event(1, 'participant.removed', { participantId: 'p-ana' })]);
      expect(amRemoved(applyWelcome(removed, { you: ana, room, latestSeq: 1 }))).toBe(false);
    });
  });

  describe('check-ins', () => {
    it('opens with its prompt, visibility, mode and order', () => {
      const s = as(ana, [
        started(1, { visibility: 'facilitators', mode: 'round', order: ['p-ana', 'p-ben'], promptId: 'checkin-weather' }),
      ]);
      expect(s.checkin).toMatchObject({
        id: 'k1',
        prompt: 'One word for how you arrive today.',
        promptId: 'checkin-weather',
        closing: false,
        visibility: 'facilitators',
        mode: 'round',
        order: ['p-ana', 'p-ben'],
        answers: [],
        responded: [],
        respondedCount: 0,
      });
      expect(s.checkin?.turn).toBeUndefined();
    });

    it('follows whose turn it is in a round', () => {
      const s = as(ana, [
        started(1, { mode: 'round', order: ['p-ana', 'p-ben'] }),
        event(2, 'checkin.turn', { checkinId: 'k1', participantId: 'p-ana' }),
        event(3, 'checkin.turn', { checkinId: 'k1', participantId: 'p-ben' }),
      ]);
      expect(s.checkin?.turn).toBe('p-ben');
    });

    it('collects the answers I may see, and recognises my own', () => {
      const s = as(ana, [
        started(1),
        event(2, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', participantId: 'p-ben', name: 'Ben', word: 'tired' }),
        event(3, 'checkin.answered', {
          checkinId: 'k1',
          answerId: 'a2',
          participantId: 'p-ana',
          name: 'Ana',
          word: 'curious',
          energy: 4,
        }),
      ]);
      expect(s.checkin?.answers.map((a) => a.word)).toEqual(['tired', 'curious']);
      expect(s.checkin?.mine).toMatchObject({ kind: 'answered', answer: { word: 'curious', energy: 4 } });
    });

    it('an anonymous answer carries no name, and my own copy is mine once', () => {
      const s = as(ana, [
        started(1, { visibility: 'anonymous' }),
        event(2, 'checkin.answered', { checkinId: 'k1', answerId: 'a1', word: 'calm' }),
        event(3, 'checkin.answered', { checkinId: 'k1', answerId: 'a2', participantId: 'p-ana', name: 'Ana', word: 'curious' }),
        event(4, 'checkin.answered', { checkinId: 'k1', answerId: 'a2', word: 'curious' }),
      ]);
      expect(s.checkin?.answers).toHaveLength(2);
      expect(s.checkin?.answers[0].name).toBeUndefined();
      expect(s.checkin?.answers[0].participantId).toBeUndefined();
      expect(s.checkin?.mine?.kind).toBe('answered');
    });

    it('a pass is mine alone: nothing shows among the answers', () => {
      const s = as(ana, [started(1), event(2, 'checkin.passed', { checkinId: 'k1' })]);
      expect(s.checkin?.mine).toMatchObject({ kind: 'passed' });
      expect(s.checkin?.answers).toEqual([]);
    });

    it('facilitators learn who responded, once each, not how', () => {
      const s = as(sam, [
        started(1),
        event(2, 'checkin.responded', { checkinId: 'k1', participantId: 'p-ana' }),
        event(3, 'checkin.responded', { checkinId: 'k1', participantId: 'p-ben' }),
        event(4, 'checkin.responded', { checkinId: 'k1', participantId: 'p-ana' }),
      ]);
      expect(s.checkin?.responded).toEqual(['p-ana', 'p-ben']);
      expect(s.checkin?.respondedCount).toBe(2);
      expect(s.checkin?.mine).toBeUndefined();
    });

    it('in an anonymous check-in facilitators learn how many responded, never who', () => {
      const s = as(sam, [
        started(1, { visibility: 'anonymous' }),
        event(2, 'checkin.answered', { checkinId: 'k1', answerId: 'a2', word: 'tired' }),
        event(3, 'checkin.responded', { checkinId: 'k1', count: 1 }),
        event(5, 'checkin.responded', { checkinId: 'k1', count: 2 }),
      ]);
      expect(s.checkin?.responded).toEqual([]);
      expect(s.checkin?.respondedCount).toBe(2);
    });

    it('ignores events about a check-in that is not the open one', () => {
      const s = as(ana, [started(1), event(2, 'checkin.turn', { checkinId: 'old', participantId: 'p-ana' })]);
      expect(s.checkin?.turn).toBeUndefined();
    });

    it('closing keeps the summary and empties the stage', () => {
      const s = as(ana, [
        started(1, { closing: true }),
        event(2, 'checkin.passed', { checkinId: 'k1' }),
        event(3, 'checkin.closed', { checkinId: 'k1', answers: 5, energy: { '1': 1, '3': 2, '5': 2 } }),
      ]);
      expect(s.checkin).toBeUndefined();
      expect(s.closedCheckins).toHaveLength(1);
      expect(s.closedCheckins[0]).toMatchObject({
        id: 'k1',
        closing: true,
        answerCount: 5,
        energy: { 1: 1, 2: 0, 3: 2, 4: 0, 5: 2 },
        mine: { kind: 'passed' },
      });
    });

    it('a new check-in replaces the open one', () => {
      const s = as(ana, [started(1), started(2, { checkinId: 'k2', prompt: 'What do you take with you?' })]);
      expect(s.checkin?.id).toBe('k2');
      expect(s.checkin?.answers).toEqual([]);
    });
  });

  describe('timers', () => {
    const now = Date.parse('2027-01-04T10:00:00Z');

    it('runs to an end time, pauses with what is left, resumes and clears', () => {
      let s = as(ana, [event(1, 'timer.started', { timerId: 't1', label: 'Pairs', endsAt: '2027-01-04T10:10:00Z' })]);
      expect(s.timers).toEqual([{ id: 't1', label: 'Pairs', running: true, endsAt: '2027-01-04T10:10:00Z' }]);
      expect(timerRemaining(s.timers[0], now)).toBe(600);

      s = applyEvent(s, event(2, 'timer.paused', { timerId: 't1', remainingSeconds: 420 }));
      expect(s.timers[0]).toEqual({ id: 't1', label: 'Pairs', running: false, remainingSeconds: 420 });
      expect(timerRemaining(s.timers[0], now + 3600_000)).toBe(420);

      s = applyEvent(s, event(3, 'timer.resumed', { timerId: 't1', endsAt: '2027-01-04T10:20:00Z' }));
      expect(s.timers[0]).toMatchObject({ running: true, label: 'Pairs', endsAt: '2027-01-04T10:20:00Z' });

      s = applyEvent(s, event(4, 'timer.cleared', { timerId: 't1' }));
      expect(s.timers).toEqual([]);
    });

    it('never counts below zero, and rounds a part second up', () => {
      const t = { id: 't', running: true as const, endsAt: '2027-01-04T10:00:00Z' };
      expect(timerRemaining(t, now + 5000)).toBe(0);
      expect(timerRemaining(t, now - 1500)).toBe(2);
    });

    it('a timer started again with the same id replaces it (extending shows as new facts)', () => {
      const s = as(ana, [
        event(1, 'timer.started', { timerId: 't1', label: 'Pairs', endsAt: '2027-01-04T10:10:00Z' }),
        event(2, 'timer.started', { timerId: 't1', label: 'Pairs', endsAt: '2027-01-04T10:12:00Z' }),
        event(3, 'timer.started', { timerId: 't2', endsAt: '2027-01-04T10:30:00Z' }),
      ]);
      expect(s.timers.map((t) => t.id)).toEqual(['t1', 't2']);
      expect(s.timers[0]).toMatchObject({ endsAt: '2027-01-04T10:12:00Z' });
    });
  });

  describe('the agenda', () => {
    const at = (hhmm: string) => `2027-01-04T${hhmm}:00Z`;

    it('knows the slot under way and since when', () => {
      const s = as(ana, [event(1, 'agenda.moved', { slot: 0, title: 'Arriving' }, at('09:30'))]);
      expect(s.agenda.current).toEqual({ slot: 0, title: 'Arriving', since: at('09:30') });
    });

    it('adds up the time spent on each slot from consecutive moves', () => {
      const s = as(sam, [
        event(1, 'agenda.moved', { slot: 0, title: 'Arriving' }, at('09:30')),
        event(2, 'agenda.moved', { slot: 1, title: 'Connection' }, at('09:50')),
        event(3, 'agenda.moved', { slot: 0, title: 'Arriving' }, at('10:40')),
        event(4, 'agenda.moved', { slot: 2, title: 'Break' }, at('10:45')),
      ]);
      expect(s.agenda.spentSeconds).toEqual({ 0: 25 * 60, 1: 50 * 60 });
      expect(spentOnSlot(s, 2, Date.parse(at('10:55')))).toBe(600);
      expect(spentOnSlot(s, 0, Date.parse(at('10:55')))).toBe(25 * 60);
      expect(spentOnSlot(s, 5, Date.parse(at('10:55')))).toBe(0);
    });

    it('stops the clock on the current slot when the day ends', () => {
      const s = as(sam, [
        event(1, 'agenda.moved', { slot: 3, title: 'Closing' }, at('16:00')),
        event(2, 'day.ended', {}, at('16:20')),
      ]);
      expect(s.ended).toBe(true);
      expect(s.endedAt).toBe(at('16:20'));
      expect(spentOnSlot(s, 3, Date.parse(at('18:00')))).toBe(20 * 60);
    });
  });

  it('keeps every shared note, the latest on top', () => {
    const s = as(ana, [
      event(1, 'note.shared', { text: 'Back at 11:15.', by: 'Sam Rivera' }),
      event(2, 'note.shared', { text: 'Water is in the kitchen.', by: 'Sam Rivera' }),
    ]);
    expect(s.notes).toHaveLength(2);
    expect(currentNote(s)).toMatchObject({ text: 'Water is in the kitchen.', by: 'Sam Rivera' });
  });

  it('keeps my journal entries once each, in order', () => {
    const s = as(ana, [
      event(1, 'journal.written', { entryId: 'j1', text: 'Noticed how quickly I wanted to fix it.' }),
      event(2, 'journal.written', { entryId: 'j2', text: 'Curious about silence.' }),
      event(3, 'journal.written', { entryId: 'j1', text: 'Noticed how quickly I wanted to fix it.' }),
    ]);
    expect(s.journal.map((e) => e.entryId)).toEqual(['j1', 'j2']);
  });

  it('knows when the day has ended', () => {
    const s = as(ana, [event(1, 'day.ended', {})]);
    expect(s.ended).toBe(true);
  });

  it('lets everyone leave and stops every timer when the day ends', () => {
    const before = as(sam, [
      joined(1, ana),
      event(2, 'timer.started', { timerId: 't1', label: 'Pairs', endsAt: '2027-01-04T10:10:00Z' }),
    ]);
    expect(presentParticipants(before)).toHaveLength(1);
    const s = applyEvent(before, event(3, 'day.ended', {}));
    expect(presentParticipants(s)).toEqual([]);
    expect(s.timers).toEqual([]);
  });
});

describe('the clock offset', () => {
  it('learns how far this device is from the server from welcome.now', () => {
    const s = applyWelcome(
      initialRoomState(),
      { you: ana, room, latestSeq: 0, now: '2027-01-04T10:00:30Z' },
      Date.parse('2027-01-04T10:00:00Z'),
    );
    expect(s.clockOffsetMs).toBe(30_000);
    expect(serverNow(s, Date.parse('2027-01-04T10:00:00Z'))).toBe(Date.parse('2027-01-04T10:00:30Z'));
  });

  it('keeps the offset it had when a welcome carries no time', () => {
    const s = applyWelcome(
      initialRoomState(),
      { you: ana, room, now: '2027-01-04T10:00:30Z' },
      Date.parse('2027-01-04T10:00:00Z'),
    );
    expect(applyWelcome(s, { you: ana, room }).clockOffsetMs).toBe(30_000);
    expect(initialRoomState().clockOffsetMs).toBe(0);
  });
});

describe('role-plays', () => {
  const ENDS = '2027-01-04T10:10:00Z';
  const WARN = '2027-01-04T10:09:00Z';

  /** The log as Ana (in group 1) receives it: forming, then two rounds. */
  const anaLog = (): RoomEvent[] => [
    launched(1),
    grouped(2, twoGroups()),
    grouped(3, twoGroups(), [], true),
    roundStarted(4, 1, ENDS, WARN),
    roles(5, 'g1', 1, [
      ['p-ana', 'Ana', 'person-sharing'],
      ['p-ben', 'Ben', 'peer-supporter'],
      ['p-cam', 'Cam', 'observer'],
    ]),
    offered(6, 'g1', 1, 'respite', 'Awake at three in the morning', 'Mentions being held down.'),
    opened(7, 'g1', 1, 'respite', 'Awake at three in the morning', 'The second night of a stay.'),
    card(8, 'g1', 1, 'respite', 'person-sharing', 'Nights bring it all back.'),
  ];

  it('launches in forming, with its settings', () => {
    const s = as(ana, [launched(1, { grouping: 'choice', groupSize: 4, rounds: 4, minutes: 12 })]);
    expect(s.roleplay).toMatchObject({
      id: RP,
      phase: 'forming',
      groupSize: 4,
      grouping: 'choice',
      oddRule: 'extra-observer',
      rounds: 4,
      minutes: 12,
      round: 0,
      groups: [],
    });
  });

  it('follows the layout each time it changes, and knows my group', () => {
    const s = as(ana, [launched(1), grouped(2, twoGroups(), [{ participantId: 'p-fay', name: 'Fay' }])]);
    expect(s.roleplay!.groups.map((g) => g.name)).toEqual(['Group 1', 'Group 2']);
    expect(s.roleplay!.unassigned).toEqual([{ participantId: 'p-fay', name: 'Fay' }]);
    expect(myGroup(s.roleplay, 'p-ana')?.groupId).toBe('g1');
    expect(s.roleplay!.final).toBe(false);
  });

  it('starts a round with one clock, roles, the scenario offered then opened, and my card', () => {
    const s = as(ana, anaLog());
    const r = s.roleplay!;
    expect(r).toMatchObject({
      phase: 'rounds',
      round: 1,
      rounds: 3,
      endsAt: ENDS,
      warnAt: WARN,
      warned: false,
      timeUp: false,
      final: true,
    });
    expect(myRole(r, 'p-ana')).toBe('person-sharing');
    expect(currentScenario(r, 'g1')).toMatchObject({
      scenarioId: 'respite',
      contentNote: 'Mentions being held down.',
      opened: true,
      shared: 'The second night of a stay.',
    });
    expect(myCard(r, 'p-ana')).toEqual({
      groupId: 'g1',
      round: 1,
      scenarioId: 'respite',
      role: 'person-sharing',
      card: 'Nights bring it all back.',
    });
  });

  it('a scenario with a content note waits to be opened; the card only counts once it is', () => {
    const s = as(ana, anaLog().slice(0, 6));
    expect(currentScenario(s.roleplay!, 'g1')).toMatchObject({ opened: false, contentNote: 'Mentions being held down.' });
    expect(currentScenario(s.roleplay!, 'g1')?.shared).toBeUndefined();
    expect(myCard(s.roleplay, 'p-ana')).toBeUndefined();
  });

  it('a replay of the whole log rebuilds the same view: group, role, card and clock', () => {
    const log = anaLog();
    // event by event, as it happened live
    let live = applyWelcome(initialRoomState(), { you: ana, room, latestSeq: 0 });
    for (const e of log) live = applyEvent(live, e);
    // a laptop that reconnects with lastSeq 0 gets it all again at once
    const replayed = as(ana, log);
    expect(replayed.roleplay).toEqual(live.roleplay);
    expect(myGroup(replayed.roleplay, 'p-ana')?.name).toBe('Group 1');
    expect(myRole(replayed.roleplay, 'p-ana')).toBe('person-sharing');
    expect(myCard(replayed.roleplay, 'p-ana')?.card).toBe('Nights bring it all back.');
    expect(replayed.roleplay!.endsAt).toBe(ENDS);
    // and folding the same events again changes nothing
    expect(applyEvents(replayed, log)).toBe(replayed);
  });

  it('a new card for a new round replaces the old one, and roles rotate', () => {
    const s = as(ana, [
      ...anaLog(),
      roundStarted(9, 2, '2027-01-04T10:21:00Z', '2027-01-04T10:20:00Z'),
      roles(10, 'g1', 2, [
        ['p-ana', 'Ana', 'peer-supporter'],
        ['p-ben', 'Ben', 'observer'],
        ['p-cam', 'Cam', 'person-sharing'],
      ]),
      offered(11, 'g1', 2, 'warm-line', 'The caller who says little', null),
      opened(12, 'g1', 2, 'warm-line', 'The caller who says little', 'A regular caller goes quiet.'),
      card(13, 'g1', 2, 'warm-line', 'peer-supporter', 'Silence makes you anxious.'),
    ]);
    const r = s.roleplay!;
    expect(r.round).toBe(2);
    expect(myRole(r, 'p-ana')).toBe('peer-supporter');
    expect(r.card).toEqual({
      groupId: 'g1',
      round: 2,
      scenarioId: 'warm-line',
      role: 'peer-supporter',
      card: 'Silence makes you anxious.',
    });
    expect(myCard(r, 'p-ana')?.card).toBe('Silence makes you anxious.');
  });

  it('between rounds, the last round’s card and scenario are not shown', () => {
    const s = as(ana, [...anaLog(), roundStarted(9, 2, '2027-01-04T10:21:00Z', '2027-01-04T10:20:00Z')]);
    expect(myCard(s.roleplay, 'p-ana')).toBeUndefined();
    expect(currentScenario(s.roleplay!, 'g1')).toBeUndefined();
    expect(myRole(s.roleplay, 'p-ana')).toBeUndefined();
  });

  it('a swap offers another scenario and lets go of the card for the old one', () => {
    const s = as(ana, [...anaLog(), offered(9, 'g1', 1, 'warm-line', 'The caller who says little', 'Mentions silence.')]);
    expect(s.roleplay!.card).toBeUndefined();
    expect(currentScenario(s.roleplay!, 'g1')).toMatchObject({ scenarioId: 'warm-line', opened: false });
  });

  it('warns, says time, and an extension puts the clock ahead again', () => {
    let s = as(ana, [...anaLog(), event(9, 'roleplay.time-warning', { roleplayId: RP, round: 1, endsAt: ENDS })]);
    expect(s.roleplay).toMatchObject({ warned: true, timeUp: false });
    s = applyEvent(s, event(10, 'roleplay.time-up', { roleplayId: RP, round: 1 }));
    expect(s.roleplay).toMatchObject({ warned: true, timeUp: true });
    s = applyEvent(
      s,
      event(11, 'roleplay.clock', { roleplayId: RP, round: 1, endsAt: '2027-01-04T10:12:00Z', warnAt: '2027-01-04T10:11:00Z' }),
    );
    expect(s.roleplay).toMatchObject({ warned: false, timeUp: false, endsAt: '2027-01-04T10:12:00Z' });
  });

  it('counts the round down from endsAt, warning from warnAt even before the event', () => {
    const s = as(ana, anaLog());
    const r = s.roleplay!;
    expect(roundClock(r, Date.parse('2027-01-04T10:05:00Z'))).toEqual({ left: 300, warning: false, done: false });
    expect(roundClock(r, Date.parse('2027-01-04T10:09:30Z'))).toEqual({ left: 30, warning: true, done: false });
    expect(roundClock(r, Date.parse('2027-01-04T10:11:00Z'))).toEqual({ left: 0, warning: false, done: true });
  });

  it('notes: given to me and by me, with consent, and for facilitators once everyone agreed', () => {
    const note = event(9, 'roleplay.note-given', {
      roleplayId: RP,
      noteId: 'n1',
      groupId: 'g1',
      round: 1,
      task: 'connection',
      moment: 'When Ben went quiet, Ana leaned in.',
      by: 'Cam',
      byId: 'p-cam',
      about: [
        { participantId: 'p-ana', name: 'Ana' },
        { participantId: 'p-ben', name: 'Ben' },
      ],
    });
    const s = as(ana, [
      ...anaLog(),
      note,
      event(10, 'roleplay.note-consented', { roleplayId: RP, noteId: 'n1', participantId: 'p-ana' }),
    ]);
    expect(s.roleplay!.notes).toHaveLength(1);
    expect(s.roleplay!.notes[0]).toMatchObject({
      noteId: 'n1',
      aboutMe: true,
      byMe: false,
      consented: ['p-ana'],
      task: 'connection',
    });

    const byCam = as({ kind: 'participant', id: 'p-cam', name: 'Cam' }, [launched(1), note]);
    expect(byCam.roleplay!.notes[0]).toMatchObject({ byMe: true, aboutMe: false });

    const facilitator = as(sam, [
      launched(1),
      event(2, 'roleplay.note-for-facilitators', {
        roleplayId: RP,
        noteId: 'n1',
        groupId: 'g1',
        round: 1,
        task: 'connection',
        moment: 'When Ben went quiet, Ana leaned in.',
        by: 'Cam',
        about: [{ participantId: 'p-ana', name: 'Ana' }],
      }),
    ]);
    expect(facilitator.roleplay!.facilitatorNotes).toHaveLength(1);
    expect(facilitator.roleplay!.notes).toEqual([]);
  });

  it('help signals per group, and who is listening where', () => {
    let s = as(sam, [...anaLog(), event(9, 'roleplay.help', { roleplayId: RP, groupId: 'g1', on: true })]);
    expect(s.roleplay!.views.g1.help).toBe(true);
    s = applyEvents(s, [
      event(10, 'roleplay.listening', {
        roleplayId: RP,
        facilitatorId: 'f-sam',
        name: 'Sam Rivera',
        groupId: 'g1',
        previousGroupId: null,
      }),
      event(11, 'roleplay.listening', {
        roleplayId: RP,
        facilitatorId: 'f-sam',
        name: 'Sam Rivera',
        groupId: 'g2',
        previousGroupId: 'g1',
      }),
    ]);
    expect(listenersOf(s.roleplay!, 'g1')).toEqual([]);
    expect(listenersOf(s.roleplay!, 'g2').map((l) => l.name)).toEqual(['Sam Rivera']);
    s = applyEvents(s, [
      event(12, 'roleplay.help', { roleplayId: RP, groupId: 'g1', on: false }),
      event(13, 'roleplay.listening', {
        roleplayId: RP,
        facilitatorId: 'f-sam',
        name: 'Sam Rivera',
        groupId: null,
        previousGroupId: 'g2',
      }),
    ]);
    expect(s.roleplay!.views.g1.help).toBe(false);
    expect(s.roleplay!.listening).toEqual([]);
  });

  it('debrief: proposals agreed, declined without a name, ready, then shared with the room', () => {
    const s = as(ana, [
      ...anaLog(),
      event(9, 'roleplay.phase', { roleplayId: RP, phase: 'group-debrief' }),
      event(10, 'roleplay.share-proposed', {
        roleplayId: RP,
        groupId: 'g1',
        proposalId: 'q1',
        text: 'Silence can be company.',
        by: 'Ben',
      }),
      event(11, 'roleplay.share-proposed', {
        roleplayId: RP,
        groupId: 'g1',
        proposalId: 'q2',
        text: 'Fixing gets in the way.',
        by: 'Cam',
      }),
      event(12, 'roleplay.share-agreed', { roleplayId: RP, groupId: 'g1', proposalId: 'q1', participantId: 'p-ana' }),
      event(13, 'roleplay.share-declined', { roleplayId: RP, groupId: 'g1', proposalId: 'q2' }),
      event(14, 'roleplay.share-ready', { roleplayId: RP, groupId: 'g1', proposalId: 'q1' }),
    ]);
    const r = s.roleplay!;
    expect(r.phase).toBe('group-debrief');
    expect(r.proposals.map((p) => [p.proposalId, p.agreed, p.declined, p.ready])).toEqual([
      ['q1', ['p-ana'], false, true],
      ['q2', [], true, false],
    ]);
    const later = applyEvents(s, [
      event(15, 'roleplay.phase', { roleplayId: RP, phase: 'room-debrief' }),
      event(16, 'roleplay.shared', {
        roleplayId: RP,
        groupId: 'g1',
        groupName: 'Group 1',
        proposalId: 'q1',
        text: 'Silence can be company.',
      }),
      event(17, 'roleplay.ended', { roleplayId: RP }),
    ]);
    expect(later.roleplay!.phase).toBe('ended');
    expect(later.roleplay!.shares).toMatchObject([{ groupName: 'Group 1', text: 'Silence can be company.' }]);
    expect(later.roleplay!.proposals[0].shared).toBe(true);
  });

  it('ignores events about another role-play, and a new launch starts afresh', () => {
    let s = as(ana, anaLog());
    s = applyEvent(s, event(9, 'roleplay.help', { roleplayId: 'old', groupId: 'g1', on: true }));
    expect(s.roleplay!.views.g1.help).toBe(false);
    s = applyEvent(s, launched(10, { roleplayId: 'rp2', title: 'Another' }));
    expect(s.roleplay).toMatchObject({ id: 'rp2', phase: 'forming', groups: [], round: 0 });
    expect(s.roleplay!.card).toBeUndefined();
  });
});

describe('reframing', () => {
  it('launches in writing with its statements', () => {
    const s = as(ana, [reframeLaunched(1)]);
    expect(s.reframe).toMatchObject({ id: EX, mode: 'solo', phase: 'writing' });
    expect(s.reframe!.statements.map((x) => x.statementId)).toEqual(['s1', 's2']);
  });

  it('keeps my rewrites with the server’s marks; writing again replaces', () => {
    const marks = [{ start: 4, end: 17, text: 'non-compliant', term: 'non-compliant', category: 'clinical' }];
    const s = as(ana, [
      reframeLaunched(1),
      event(2, 'reframe.written', { exerciseId: EX, statementId: 's1', rewriteId: 'w1', text: 'She non-compliant', marks }),
      event(3, 'reframe.written', {
        exerciseId: EX,
        statementId: 's1',
        rewriteId: 'w1',
        text: 'What happened when she stopped?',
        marks: [],
      }),
    ]);
    expect(s.reframe!.rewrites.s1).toMatchObject({ text: 'What happened when she stopped?', marks: [] });
  });

  it('pairs: who holds and rewrites what, statements in own words, and the comparison', () => {
    const s = as(ana, [
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
      event(3, 'reframe.statement-set', {
        exerciseId: EX,
        pairId: 'pa',
        statementId: 'sb',
        text: 'My brother is lazy.',
        participantId: 'p-ben',
      }),
      event(4, 'reframe.compared', {
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
        ],
      }),
    ]);
    const mine = myPair(s.reframe, 'p-ana')!;
    expect(mine.me).toMatchObject({ holds: 'sa', rewrites: 'sb' });
    expect(statementText(s.reframe!, 'sb')).toBe('My brother is lazy.');
    expect(s.reframe!.compared.pa).toHaveLength(1);
  });

  it('shows anonymous entries without a name to others, and my own copy as mine', () => {
    const others = as(ben, [
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
    ]);
    expect(others.reframe!.phase).toBe('reveal');
    const [anonymous, named] = others.reframe!.entries;
    expect(anonymous).toMatchObject({ anonymous: true, mine: false });
    expect(anonymous.name).toBeUndefined();
    expect(anonymous.participantId).toBeUndefined();
    expect(named).toMatchObject({ anonymous: false, name: 'Cam' });

    const author = as(ana, [
      reframeLaunched(1),
      event(2, 'reframe.kept', { exerciseId: EX, statementId: 's1' }),
      reframeShared(3, {
        entryId: 'e1',
        statementId: 's1',
        text: 'What happened before she stopped?',
        participantId: 'p-ana',
        name: 'Ana',
        mine: true,
      }),
      reframeShared(4, { entryId: 'e1', statementId: 's1', text: 'What happened before she stopped?' }),
    ]);
    expect(author.reframe!.entries).toHaveLength(1);
    expect(author.reframe!.entries[0]).toMatchObject({ mine: true, anonymous: true });
    expect(mySharedEntry(author.reframe!, 's1')?.entryId).toBe('e1');
    expect(author.reframe!.kept).toEqual([]);
    expect(boardText(author.reframe!)).not.toContain('Ana');
  });

  it('a withdrawn entry disappears from the board', () => {
    const s = as(ben, [
      reframeLaunched(1),
      reframeShared(2, { entryId: 'e1', statementId: 's1', text: 'How does she see it?', participantId: 'p-ana', name: 'Ana' }),
      reframeShared(3, { entryId: 'e2', statementId: 's2', text: 'What is he reaching for?' }),
      event(4, 'reframe.withdrawn', { exerciseId: EX, entryId: 'e1' }),
    ]);
    expect(s.reframe!.entries.map((e) => e.entryId)).toEqual(['e2']);
    expect(boardText(s.reframe!)).not.toContain('How does she see it?');
    expect(boardText(s.reframe!)).toContain('What is he reaching for?');
  });

  it('resonance: my own marks, "it opened something" for my entries, never a count', () => {
    const s = as(ana, [
      reframeLaunched(1),
      reframeShared(2, { entryId: 'e1', statementId: 's1', text: 'Mine', participantId: 'p-ana', name: 'Ana' }),
      reframeShared(3, { entryId: 'e2', statementId: 's1', text: 'Ben’s', participantId: 'p-ben', name: 'Ben' }),
      event(4, 'reframe.resonance-given', { exerciseId: EX, entryId: 'e2' }),
      event(5, 'reframe.resonated', { exerciseId: EX, entryId: 'e1' }),
      event(6, 'reframe.resonated', { exerciseId: EX, entryId: 'e1' }),
    ]);
    const [mine, bens] = s.reframe!.entries;
    expect(mine).toMatchObject({ mine: true, resonated: true, resonanceGiven: false });
    expect(bens).toMatchObject({ mine: false, resonanceGiven: true });
    expect(typeof mine.resonated).toBe('boolean');
  });

  it('highlights, examples and closing', () => {
    const s = as(ben, [
      reframeLaunched(1),
      reframeShared(2, { entryId: 'e1', statementId: 's1', text: 'What happened?' }),
      event(3, 'reframe.highlighted', { exerciseId: EX, entryId: 'e1', on: true }),
      event(4, 'reframe.examples-shown', {
        exerciseId: EX,
        statementId: 's1',
        rewrites: ['What has she noticed about the meds?'],
      }),
      event(5, 'reframe.closed', { exerciseId: EX }),
    ]);
    expect(s.reframe!.entries[0].highlighted).toBe(true);
    expect(s.reframe!.examples.s1).toEqual(['What has she noticed about the meds?']);
    expect(s.reframe!.phase).toBe('closed');
    expect(boardColumns(s.reframe!).map((c) => [c.statementId, c.entries.length])).toEqual([
      ['s1', 1],
      ['s2', 0],
    ]);
  });

  it('a replay rebuilds the same exercise', () => {
    const log = [
      reframeLaunched(1),
      event(2, 'reframe.written', { exerciseId: EX, statementId: 's1', rewriteId: 'w1', text: 'What happened?', marks: [] }),
      event(3, 'reframe.phase', { exerciseId: EX, phase: 'reveal' }),
      reframeShared(4, { entryId: 'e1', statementId: 's1', text: 'What happened?', participantId: 'p-ana', name: 'Ana' }),
      event(5, 'reframe.kept', { exerciseId: EX, statementId: 's2' }),
    ] as RoomEvent[];
    let live = applyWelcome(initialRoomState(), { you: ana, room, latestSeq: 0 });
    for (const e of log) live = applyEvent(live, e);
    expect(as(ana, log).reframe).toEqual(live.reframe);
  });
});
