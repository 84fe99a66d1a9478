import { describe, expect, it } from 'vitest';
import {
  activityWords,
  durationWords,
  legendFor,
  listWords,
  orderedRoles,
  partsWords,
  placeSlots,
  prerequisiteWords,
  roleWords,
  slotCategory,
  taskWords,
  themeWords,
} from './curriculum';
import { advanced, allCourses, introduction, introductionDetail, trainTheTrainer } from '../test/curriculum-fixtures';

const day1 = introductionDetail.days[0];

describe('placing a day’s slots on the timeline', () => {
  it('gives each slot room in proportion to its minutes', () => {
    const placed = placeSlots(day1);
    const [ninety, , fortyFive] = placed;
    expect(ninety.slot.minutes).toBe(90);
    expect(fortyFive.slot.minutes).toBe(45);
    expect(ninety.share).toBeCloseTo(2 * fortyFive.share, 10);
    expect(placed.reduce((sum, p) => sum + p.share, 0)).toBeCloseTo(1, 10);
    // 90 of 195 minutes
    expect(ninety.width).toBe('46.1538%');
    expect(parseFloat(ninety.width)).toBeCloseTo(2 * parseFloat(fortyFive.width), 3);
  });

  it('works out when each slot ends', () => {
    expect(placeSlots(day1).map((p) => `${p.slot.at}-${p.ends}`)).toEqual([
      '09:30-11:00',
      '11:00-11:15',
      '11:15-12:00',
      '12:00-12:45',
    ]);
  });

  it('colours a module by its first task, a break as a break, and a module without tasks as other', () => {
    expect(day1.agenda.map(slotCategory)).toEqual(['connection', 'break', 'worldview', 'other']);
  });

  it('lists in the legend only what the day uses, tasks first in their usual order', () => {
    expect(legendFor(day1)).toEqual(['connection', 'worldview', 'other', 'break']);
    expect(legendFor(introductionDetail.days[1])).toEqual(['moving-towards']);
  });

  it('copes with an empty day', () => {
    expect(placeSlots({ ...day1, agenda: [] })).toEqual([]);
  });
});

describe('curriculum words', () => {
  it('names the four tasks as people say them', () => {
    expect(['connection', 'worldview', 'mutuality', 'moving-towards'].map(taskWords)).toEqual([
      'Connection',
      'Worldview',
      'Mutuality',
      'Moving towards',
    ]);
    expect(taskWords('something-new')).toBe('Something new');
  });

  it('says durations in hours and minutes', () => {
    expect(durationWords(15)).toBe('15 minutes');
    expect(durationWords(60)).toBe('1 hour');
    expect(durationWords(90)).toBe('1 hour 30 minutes');
    expect(durationWords(121)).toBe('2 hours 1 minute');
  });

  it('joins lists the way a sentence does', () => {
    expect(listWords(['a'])).toBe('a');
    expect(listWords(['a', 'b'])).toBe('a and b');
    expect(listWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('names prerequisites by course title', () => {
    expect(prerequisiteWords(introduction, allCourses)).toBe('None: anyone is welcome');
    expect(prerequisiteWords(advanced, allCourses)).toBe('IPS Core Training first');
    expect(prerequisiteWords(trainTheTrainer, allCourses)).toBe('IPS Core Training and IPS Advanced first');
    expect(prerequisiteWords(advanced, [])).toBe('Core first');
  });

  it('orders a scenario’s roles as they are handed out', () => {
    expect(orderedRoles({ observer: 'o', extra: 'x', 'person-sharing': 'p', 'peer-supporter': 's' })).toEqual([
      'person-sharing',
      'peer-supporter',
      'observer',
      'extra',
    ]);
    expect(orderedRoles({ 'peer-supporter': 's', observer: '' })).toEqual(['peer-supporter']);
    expect(['person-sharing', 'peer-supporter', 'observer'].map(roleWords)).toEqual([
      'The person sharing',
      'The peer supporter',
      'The observer',
    ]);
  });

  it('names activity kinds in words', () => {
    expect(['check-in', 'role-play', 'co-reflection', 'teach-back', 'new-kind'].map(activityWords)).toEqual([
      'Check-in',
      'Role-play',
      'Co-reflection',
      'Teach-back',
      'New kind',
    ]);
  });

  it('says how an activity spends its minutes, and what its scenarios are about', () => {
    expect(partsWords({ setup: 7, round: 13, changeover: 1, debrief: 2 }, 3)).toBe(
      '7 minutes to set up · 3 rounds of 13 minutes, 1 minute between them · 2 minutes of debrief',
    );
    expect(partsWords({ setup: 5, round: 20, debrief: 10 }, 1)).toBe(
      '5 minutes to set up · 1 round of 20 minutes · 10 minutes of debrief',
    );
    expect(partsWords({ setup: 5, debrief: 5 })).toBe('5 minutes to set up · 5 minutes of debrief');
    expect(['limit', 'planning-ahead', 'past-trauma'].map(themeWords)).toEqual([
      'saying a limit',
      'planning ahead in a calm time',
      'past trauma',
    ]);
  });
});
