import { describe, expect, it } from 'vitest';
import { dayRange, formatClock, formatDate, formatInstant, formatTime, hours, roleWords, waitWords, where } from './format';
import type { Cohort } from '../cohort/types';
import { upcomingDays } from '../console/mut-facilitator';

const cohort = (over: Partial<Cohort>): Cohort => ({
  id: 'c',
  organisationId: 'o',
  courseId: 'core',
  title: 'Core',
  timeZone: 'Europe/Dublin',
  capacity: 10,
  status: 'OPEN',
  days: [],
  trainers: [],
  ...over,
});

describe('formatting', () => {
  it('reads an ISO date as a calendar date, whatever the browser time zone', () => {
    expect(formatDate('2027-03-15')).toMatch(/^Mon,? 15 Mar 2027$/);
  });

  it('shows times to the minute and ranges of days', () => {
    expect(formatTime('09:30:00')).toBe('09:30');
    const days = [
      { dayNumber: 1, date: '2027-03-15', startsAt: '09:30:00', endsAt: '16:30:00' },
      { dayNumber: 2, date: '2027-03-19', startsAt: '09:30:00', endsAt: '16:30:00' },
    ];
    expect(dayRange(days)).toMatch(/^Mon,? 15 Mar 2027 – Fri,? 19 Mar 2027$/);
    expect(dayRange([])).toBe('No days set');
  });

  it('gives the days with the hours of the first day', () => {
    const days = [{ dayNumber: 1, date: '2027-03-15', startsAt: '09:30:00', endsAt: '16:30:00' }];
    expect(hours(cohort({ days }))).toMatch(/^Mon,? 15 Mar 2027, 09:30–16:30$/);
    expect(hours(cohort({}))).toBe('No days set');
  });

  it('says where a cohort meets', () => {
    expect(where(cohort({ venue: { name: 'Hall' }, onlineLink: 'https://x' }))).toBe('Hall and online');
    expect(where(cohort({}))).toBe('Place to be confirmed');
  });
});

describe('upcoming training days', () => {
  it('lists days from today on, in order, and leaves out cancelled cohorts', () => {
    const a = cohort({
      id: 'a',
      days: [
        { dayNumber: 1, date: '2027-01-10', startsAt: '09:30:00', endsAt: '16:30:00' },
        { dayNumber: 2, date: '2027-02-10', startsAt: '09:30:00', endsAt: '16:30:00' },
      ],
    });
    const b = cohort({ id: 'b', days: [{ dayNumber: 1, date: '2027-01-20', startsAt: '10:00:00', endsAt: '15:00:00' }] });
    const cancelled = cohort({
      id: 'x',
      status: 'CANCELLED',
      days: [{ dayNumber: 1, date: '2027-01-15', startsAt: '10:00:00', endsAt: '15:00:00' }],
    });

    const days = upcomingDays([a, b, cancelled], new Map(), '2027-01-11');

    expect(days.map((d) => `${d.cohort.id}${d.day.dayNumber}`)).toEqual(['b1', 'a2']);
  });
});

describe('people and moments', () => {
  it('names roles the way people say them', () => {
    expect(roleWords('ORG_ADMIN')).toBe('Organisation admin');
    expect(roleWords('TRAINER')).toBe('Trainer');
    expect(roleWords('SOMETHING_NEW')).toBe('SOMETHING_NEW');
  });

  it('says how long to wait in words', () => {
    expect(waitWords(20)).toBe('in a minute');
    expect(waitWords(60)).toBe('in a minute');
    expect(waitWords(61)).toBe('in 2 minutes');
    expect(waitWords(900)).toBe('in 15 minutes');
    expect(waitWords(3600)).toBe('in about 1 hour');
    expect(waitWords(7200)).toBe('in about 2 hours');
  });

  it('shows an instant in a given time zone, and leaves nonsense as it came', () => {
    expect(formatInstant('2027-03-15T09:30:00Z', 'en-GB', 'Europe/Dublin')).toBe('15 Mar 2027, 09:30');
    expect(formatClock('2027-07-15T16:00:00Z', 'en-GB', 'Europe/Dublin')).toBe('17:00');
    expect(formatInstant('not a time')).toBe('not a time');
  });
});
