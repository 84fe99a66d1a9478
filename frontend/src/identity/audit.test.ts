import { describe, expect, it } from 'vitest';
import { describeAudit, newestFirst } from './audit';

const entry = (action: string, target?: string) => ({ at: '2026-03-01T09:00:00Z', actorName: 'Sam', action, target });

describe('the activity log in words', () => {
  it.each([
    ['member.invited', 'ria@example.test', 'Sam invited ria@example.test'],
    ['member.role-changed', 'Jo', 'Sam changed the role of Jo'],
    ['member.roleChanged', 'Jo', 'Sam changed the role of Jo'],
    ['MEMBER_REMOVED', 'Jo', 'Sam removed Jo from the organisation'],
    ['invitation.withdrawn', 'lee@example.test', 'Sam withdrew the invitation to lee@example.test'],
    ['password.changed', undefined, 'Sam changed their password'],
    ['qualification.recorded', 'train_the_trainer', 'Sam recorded a completed Train-the-Trainer'],
    ['qualification.recorded', 'core', 'Sam recorded a completed Core'],
  ])('%s reads as a sentence', (action, target, sentence) => {
    expect(describeAudit(entry(action, target))).toEqual({ sentence, known: true });
  });

  it('shows a code it does not know as it came', () => {
    expect(describeAudit(entry('room.opened', 'KMR7TX'))).toEqual({ sentence: 'Sam: room.opened (KMR7TX)', known: false });
    expect(describeAudit({ ...entry('room.closed'), actorName: '' }).sentence).toBe('Someone: room.closed');
  });

  it('puts the newest first', () => {
    const list = [
      { ...entry('a'), at: '2026-01-01T00:00:00Z' },
      { ...entry('b'), at: '2026-03-01T00:00:00Z' },
      { ...entry('c'), at: '2026-02-01T00:00:00Z' },
    ];
    expect(newestFirst(list).map((e) => e.action)).toEqual(['b', 'c', 'a']);
  });
});
