import { describe, expect, it } from 'vitest';
import { RP, grouped, launched, twoGroups } from '../test/activity-fixtures';
import { event, sam } from '../test/fake-socket';
import type { RoomEvent } from './protocol';
import { applyEvents, applyWelcome, initialRoomState } from './room-state';
import { helpWords, newlyWaiting, titleWithHelp, waitingForHelp } from './help-signals';

const room = { code: 'KMR7TX', cohortTitle: 'Core', dayNumber: 1, closesAt: '2027-01-04T16:30:00Z' };
const withEvents = (...events: RoomEvent[]) =>
  applyEvents(applyWelcome(initialRoomState(), { you: sam, room, latestSeq: 0 }), events);
const help = (seq: number, groupId: string, on = true) => event(seq, 'roleplay.help', { roleplayId: RP, groupId, on });

describe('help signals', () => {
  it('lists the groups waiting by name, until one is heard or turns its signal off', () => {
    let s = withEvents(launched(1), grouped(2, twoGroups(), [], true), help(3, 'g1'), help(4, 'g2'));
    expect(waitingForHelp(s)).toEqual([
      { groupId: 'g1', name: 'Group 1' },
      { groupId: 'g2', name: 'Group 2' },
    ]);
    s = applyEvents(s, [
      event(5, 'roleplay.listening', {
        roleplayId: RP,
        facilitatorId: sam.id,
        name: sam.name,
        groupId: 'g1',
        previousGroupId: null,
      }),
    ]);
    expect(waitingForHelp(s).map((w) => w.groupId)).toEqual(['g2']);
    s = applyEvents(s, [help(6, 'g2', false)]);
    expect(waitingForHelp(s)).toEqual([]);
  });

  it('nobody waits once the role-play or the day has ended', () => {
    const s = withEvents(launched(1), grouped(2, twoGroups(), [], true), help(3, 'g1'));
    expect(waitingForHelp(applyEvents(s, [event(4, 'roleplay.ended', { roleplayId: RP })]))).toEqual([]);
    expect(waitingForHelp(applyEvents(s, [event(4, 'day.ended', {})]))).toEqual([]);
    expect(waitingForHelp(undefined)).toEqual([]);
  });

  it('words for the title and the toast, and which signals are new', () => {
    expect(titleWithHelp('Room KMR 7TX · Mutuality', 0)).toBe('Room KMR 7TX · Mutuality');
    expect(titleWithHelp('Room KMR 7TX · Mutuality', 2)).toBe('(2) Groups would like a facilitator · Room KMR 7TX · Mutuality');
    const g1 = { groupId: 'g1', name: 'Group 1' };
    const g2 = { groupId: 'g2', name: 'Group 2' };
    const g3 = { groupId: 'g3', name: 'Group 3' };
    expect(helpWords([g1, g2, g3])).toBe('Group 1, Group 2 and Group 3 would like a facilitator.');
    expect(newlyWaiting([g1], [g1, g2])).toEqual([g2]);
  });
});
