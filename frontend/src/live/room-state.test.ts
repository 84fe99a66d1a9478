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
  spentOnSlot,
  timerRemaining,
  type RoomState,
} from './room-state';

const room = { code: 'KMR7TX', cohortTitle: 'Core', dayNumber: 1, closesAt: '2027-01-04T16:30:00Z' };

function as(you: You, events: RoomEvent[], latestSeq = 0): RoomState {
  return applyEvents(applyWelcome(initialRoomState(), { you, room, latestSeq }), events);
}

const joined = (seq: number, p: You) =>
  event(seq, 'presence.joined', { participantId: p.id, name: p.name, role: p.kind });

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
      const s = as(ana, [started(1, { visibility: 'anonymous', mode: 'round', order: ['p-ana', 'p-ben'], promptId: 'checkin-weather' })]);
      expect(s.checkin).toMatchObject({
        id: 'k1',
        prompt: 'One word for how you arrive today.',
        promptId: 'checkin-weather',
        closing: false,
        visibility: 'anonymous',
        mode: 'round',
        order: ['p-ana', 'p-ben'],
        answers: [],
        responded: [],
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
        event(3, 'checkin.answered', { checkinId: 'k1', answerId: 'a2', participantId: 'p-ana', name: 'Ana', word: 'curious', energy: 4 }),
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
      expect(s.checkin?.mine).toBeUndefined();
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
});
