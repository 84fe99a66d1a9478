import { describe, expect, it } from 'vitest';
import { qualificationWords, recordedWords } from './qualification-words';

describe('qualification words', () => {
  it('names each kind as something completed', () => {
    expect(qualificationWords('CORE')).toBe('Completed Core');
    expect(qualificationWords('TRAIN_THE_TRAINER')).toBe('Completed Train-the-Trainer (leads Core)');
    expect(qualificationWords('ADVANCED')).toBe('ADVANCED');
  });

  it('says how and when it was recorded', () => {
    expect(recordedWords({ source: 'entered', recordedAt: '2027-01-04T10:00:00Z' }, 'en-GB', 'UTC')).toBe('recorded 4 Jan 2027');
    expect(recordedWords({ source: 'completed_here', recordedAt: '2027-01-04T10:00:00Z' }, 'en-GB', 'UTC')).toBe(
      'completed here, 4 Jan 2027',
    );
  });
});
