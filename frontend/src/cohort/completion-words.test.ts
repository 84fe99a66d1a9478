import { describe, expect, it } from 'vitest';
import {
  cellWords,
  daysWords,
  durationWords,
  hoursWords,
  importOutcomeWords,
  listWords,
  makeUpWords,
  ruleWords,
  sourceWords,
  stateWords,
} from './completion-words';
import { formatDate } from '../shared/format';

describe('completion words', () => {
  it('says lengths of time plainly', () => {
    expect(durationWords(0)).toBe('0 min');
    expect(durationWords(45)).toBe('45 min');
    expect(durationWords(120)).toBe('2 h 0 min');
    expect(durationWords(95)).toBe('1 h 35 min');
    expect(hoursWords(210)).toBe('3.5 hours');
    expect(hoursWords(60)).toBe('1 hour');
    expect(hoursWords(0)).toBe('no time');
  });

  it('lists days', () => {
    expect(listWords([1])).toBe('1');
    expect(listWords([1, 3])).toBe('1 and 3');
    expect(listWords([1, 2, 3])).toBe('1, 2 and 3');
    expect(daysWords([2])).toBe('day 2');
    expect(daysWords([2, 4])).toBe('days 2 and 4');
  });

  it('says what each cell holds and where it came from', () => {
    expect(cellWords({ dayNumber: 1, minutesMissed: 0, source: 'room', note: null })).toBe('all there');
    expect(cellWords({ dayNumber: 1, minutesMissed: 120, source: 'trainer', note: null })).toBe('missed 2 h 0 min');
    expect(cellWords({ dayNumber: 1, minutesMissed: null, source: 'not-held', note: null })).toBe('not held yet');
    expect(cellWords({ dayNumber: 1, minutesMissed: null, source: 'not-recorded', note: null })).toBe('not recorded');
    expect(sourceWords({ dayNumber: 1, minutesMissed: 0, source: 'room', note: null })).toBe('live room');
    expect(sourceWords({ dayNumber: 1, minutesMissed: 0, source: 'trainer', note: null })).toBe('trainer');
    expect(sourceWords({ dayNumber: 1, minutesMissed: null, source: 'not-held', note: null })).toBeUndefined();
  });

  it('says where someone stands', () => {
    expect(stateWords({ state: 'ON_TRACK', daysToMakeUp: [] })).toBe('on track');
    expect(stateWords({ state: 'COMPLETED', daysToMakeUp: [] })).toBe('completed');
    expect(stateWords({ state: 'MAKE_UP', daysToMakeUp: [2] })).toBe('to make up day 2');
    expect(stateWords({ state: 'MAKE_UP', daysToMakeUp: [1, 3] })).toBe('to make up days 1 and 3');
    expect(stateWords({ state: 'REPEAT', daysToMakeUp: [] })).toBe('to take the course again');
  });

  it('names a later cohort with the dates of the days to make up', () => {
    expect(makeUpWords({ cohortId: 'c2', title: 'Core, autumn', days: { '3': '2027-09-15', '2': '2027-09-14' } })).toBe(
      `Core, autumn: day 2 on ${formatDate('2027-09-14')} and day 3 on ${formatDate('2027-09-15')}`,
    );
    expect(makeUpWords({ cohortId: 'c2', title: 'Core, autumn', days: {} })).toBe('Core, autumn');
  });

  it('puts the rule in sentences', () => {
    expect(ruleWords({ mustAttendDays: [1], maxMinutesMissed: 210, otherwise: 'MAKE_UP' })).toEqual([
      'Day 1 must be attended (a few minutes late is fine).',
      'Up to 3.5 hours may be missed over the other days.',
      'Otherwise, people make up the days they missed in a later cohort of this course.',
    ]);
    expect(ruleWords({ mustAttendDays: [], maxMinutesMissed: 0, otherwise: 'REPEAT' })).toEqual([
      'No day has to be attended in full.',
      'No time may be missed over the course.',
      'Otherwise, people take the course again.',
    ]);
  });

  it('says what an import line comes to', () => {
    expect(importOutcomeWords('confirmed', true)).toBe('confirmed: would get a seat');
    expect(importOutcomeWords('already-registered', false)).toBe('already registered: left as it is');
    expect(importOutcomeWords('error', true)).toBe('error: left out');
  });
});
