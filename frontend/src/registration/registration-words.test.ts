import { describe, expect, it } from 'vitest';
import { formatInstant } from '../shared/format';
import {
  dayWords,
  hasFreeSeat,
  heldUntilWords,
  holdWords,
  holdsSeat,
  isActive,
  placeWords,
  poolCode,
  poolWords,
  statusWords,
} from './registration-words';

describe('registration words', () => {
  it('says how many seats are left and how many people wait', () => {
    expect(poolWords({ seatsLeft: 5, waiting: 0 })).toBe('5 seats left');
    expect(poolWords({ seatsLeft: 1, waiting: 0 })).toBe('1 seat left');
    expect(poolWords({ seatsLeft: 0, waiting: 1 })).toBe('No seats left · 1 person waiting');
    expect(poolWords({ seatsLeft: 0, waiting: 0 })).toBe('No seats left');
  });

  it('counts a seat as free only when nobody is ahead in the queue', () => {
    expect(hasFreeSeat({ seatsLeft: 2, waiting: 0 })).toBe(true);
    expect(hasFreeSeat({ seatsLeft: 1, waiting: 1 })).toBe(false);
    expect(hasFreeSeat({ seatsLeft: 0, waiting: 0 })).toBe(false);
  });

  it('writes a day with its hours', () => {
    expect(dayWords({ dayNumber: 2, date: '2027-03-16', startsAt: '10:00:00', endsAt: '15:30:00' })).toMatch(
      /^Day 2: Tue,? 16 Mar 2027, 10:00–15:30$/,
    );
  });

  it('gives an offer’s time in the reader’s zone and in the cohort’s', () => {
    const iso = '2027-02-12T04:00:00Z';
    expect(heldUntilWords(iso, 'Pacific/Auckland', 'Europe/London')).toBe(
      `${formatInstant(iso, 'en-GB', 'Europe/London')} your time (${formatInstant(iso, 'en-GB', 'Pacific/Auckland')} in Pacific/Auckland)`,
    );
    expect(heldUntilWords(iso, 'Europe/London', 'Europe/London')).toBe(
      `${formatInstant(iso, 'en-GB', 'Europe/London')} (Europe/London time)`,
    );
  });

  it('names where a registration stands in plain words', () => {
    expect(statusWords('CONFIRMED')).toBe('Has a seat');
    expect(statusWords('EXPIRED')).toBe('Offer ran out');
    expect(statusWords('DECLINED')).toBe('Let the offered seat go');
    expect(statusWords('CANCELLED')).toBe('Cancelled');
    expect(placeWords(3)).toBe('You are number 3 on the waitlist');
    expect(placeWords(null)).toBe('You are on the waitlist');
    expect(isActive('WAITLISTED')).toBe(true);
    expect(isActive('EXPIRED')).toBe(false);
    expect(holdsSeat('OFFERED')).toBe(true);
    expect(holdsSeat('WAITLISTED')).toBe(false);
  });

  it('says how long an offer is held', () => {
    expect(holdWords(48)).toBe('2 days');
    expect(holdWords(24)).toBe('1 day');
    expect(holdWords(36)).toBe('36 hours');
    expect(holdWords(1)).toBe('1 hour');
  });

  it('makes a pool code from a name', () => {
    expect(poolCode('NHS staff seats')).toBe('nhs-staff-seats');
    expect(poolCode('  Bursary / pay-what-you-can!  ')).toBe('bursary-pay-what-you-can');
    expect(poolCode('Café Ó Briain')).toBe('cafe-o-briain');
    expect(poolCode('!!!')).toBe('');
    expect(poolCode('a'.repeat(39) + ' b')).toBe('a'.repeat(39));
  });
});
