import { describe, expect, it } from 'vitest';
import {
  addMonths,
  dateSpan,
  entriesByDate,
  isMonth,
  monthWeeks,
  monthWords,
  thisMonth,
  todayIso,
  upcomingAndPast,
} from './cohort-calendar';
import { staffCohort } from '../test/registration-fixtures';

const day = (dayNumber: number, date: string, startsAt = '09:30:00') => ({ dayNumber, date, startsAt, endsAt: '16:30:00' });

describe('the cohort calendar', () => {
  it('reads today and this month where the person is', () => {
    expect(todayIso(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
    expect(thisMonth(new Date(2027, 11, 31, 0, 1))).toBe('2027-12');
  });

  it('steps through months across the turn of the year', () => {
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-03', 13)).toBe('2028-04');
    expect(addMonths('2027-03', -15)).toBe('2025-12');
  });

  it('knows a month when it sees one', () => {
    expect(isMonth('2027-01')).toBe(true);
    expect(isMonth('2027-13')).toBe(false);
    expect(isMonth('2027-1')).toBe(false);
    expect(isMonth(undefined)).toBe(false);
  });

  it('names a month', () => {
    expect(monthWords('2027-01')).toBe('January 2027');
  });

  it('lays a month out in weeks, Monday first', () => {
    // February 2027 starts on a Monday and has exactly four weeks
    const february = monthWeeks('2027-02');
    expect(february).toHaveLength(4);
    expect(february[0][0]).toBe('2027-02-01');
    expect(february[3][6]).toBe('2027-02-28');
    // August 2027 starts on a Sunday: six days before it belong to July
    const august = monthWeeks('2027-08');
    expect(august[0]).toEqual([null, null, null, null, null, null, '2027-08-01']);
    expect(august).toHaveLength(6);
    expect(august[5][1]).toBe('2027-08-31');
    expect(august[5].slice(2)).toEqual([null, null, null, null, null]);
    // a leap year
    expect(monthWeeks('2028-02').flat().filter(Boolean)).toHaveLength(29);
  });

  it('puts each training day on its own date, keeping only the month asked for', () => {
    const a = staffCohort({ id: 'a', title: 'A', days: [day(1, '2027-01-29'), day(2, '2027-02-02')] });
    const b = staffCohort({ id: 'b', title: 'B', days: [day(1, '2027-01-29', '08:00:00')] });
    const january = entriesByDate([a, b], '2027-01');
    expect([...january.keys()]).toEqual(['2027-01-29']);
    expect(january.get('2027-01-29')!.map((e) => `${e.cohort.id}${e.day.dayNumber}`)).toEqual(['b1', 'a1']);
    expect(
      entriesByDate([a, b], '2027-02')
        .get('2027-02-02')!
        .map((e) => e.day.dayNumber),
    ).toEqual([2]);
  });

  it('splits cohorts into those to come and those past, by their last date', () => {
    const running = staffCohort({ id: 'running', days: [day(2, '2027-01-25'), day(1, '2027-01-10')] });
    const soon = staffCohort({ id: 'soon', days: [day(1, '2027-02-01')] });
    const undated = staffCohort({ id: 'undated', days: [] });
    const done = staffCohort({ id: 'done', days: [day(1, '2026-10-01')] });
    const earlier = staffCohort({ id: 'earlier', days: [day(1, '2026-05-01')] });
    expect(dateSpan(running)).toEqual({ first: '2027-01-10', last: '2027-01-25' });
    const { upcoming, past } = upcomingAndPast([undated, earlier, soon, done, running], '2027-01-20');
    expect(upcoming.map((c) => c.id)).toEqual(['running', 'soon', 'undated']);
    expect(past.map((c) => c.id)).toEqual(['done', 'earlier']);
  });
});
