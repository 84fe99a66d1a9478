import { describe, expect, it } from 'vitest';
import { blankDay, fillWeekdays, hhmm, nextWeekday, resizeDays } from './plan-days';

describe('the days of a cohort being planned', () => {
  it('finds the next weekday, skipping the weekend and crossing months and years', () => {
    expect(nextWeekday('2027-03-15')).toBe('2027-03-16'); // Monday → Tuesday
    expect(nextWeekday('2027-03-19')).toBe('2027-03-22'); // Friday → Monday
    expect(nextWeekday('2027-03-20')).toBe('2027-03-22'); // Saturday → Monday
    expect(nextWeekday('2027-12-31')).toBe('2028-01-03'); // Friday → Monday, next year
    expect(nextWeekday('')).toBe('');
    expect(nextWeekday('soon')).toBe('');
  });

  it('keeps typed rows when the course changes, adding rows at the usual hours', () => {
    const typed = [{ date: '2027-03-15', startsAt: '10:00', endsAt: '15:00', dateTyped: false }];
    const rows = resizeDays(typed, 3);
    expect(rows).toEqual([typed[0], { ...blankDay(), date: '2027-03-16' }, { ...blankDay(), date: '2027-03-17' }]);
    expect(resizeDays(rows, 1)).toEqual([typed[0]]);
  });

  it('leaves dates typed by hand alone', () => {
    const rows = fillWeekdays([
      { ...blankDay(), date: '2027-03-15' },
      { ...blankDay(), date: '2027-04-01', dateTyped: true },
      blankDay(),
    ]);
    expect(rows.map((r) => r.date)).toEqual(['2027-03-15', '2027-04-01', '2027-04-02']);
  });

  it('sends times as hours and minutes', () => {
    expect(hhmm('09:30:00')).toBe('09:30');
    expect(hhmm('16:30')).toBe('16:30');
  });
});
