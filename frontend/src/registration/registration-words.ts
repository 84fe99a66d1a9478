import type { PublicDay, PublicPool, RegistrationStatus } from './types';
import { formatDate, formatInstant, formatTime } from '../shared/format';

/** "1 seat" / "5 seats". */
export function seats(n: number): string {
  return `${n} ${n === 1 ? 'seat' : 'seats'}`;
}

/** "1 person" / "3 people". */
export function people(n: number): string {
  return `${n} ${n === 1 ? 'person' : 'people'}`;
}

/** A pool takes a new registration straight into a seat: a seat is free and nobody is ahead in the queue. */
export function hasFreeSeat(pool: Pick<PublicPool, 'seatsLeft' | 'waiting'>): boolean {
  return pool.seatsLeft > 0 && pool.waiting === 0;
}

/** "5 seats left" / "No seats left", with "· 2 people waiting" when anyone waits. */
export function poolWords(pool: Pick<PublicPool, 'seatsLeft' | 'waiting'>): string {
  const left = pool.seatsLeft > 0 ? `${seats(pool.seatsLeft)} left` : 'No seats left';
  return pool.waiting > 0 ? `${left} · ${people(pool.waiting)} waiting` : left;
}

/** "Day 1: Mon 15 Mar 2027, 09:30–16:30". */
export function dayWords(day: PublicDay): string {
  return `Day ${day.dayNumber}: ${formatDate(day.date)}, ${formatTime(day.startsAt)}–${formatTime(day.endsAt)}`;
}

/** The browser's own time zone, e.g. "Europe/London"; undefined if it cannot tell. */
export function browserZone(): string | undefined {
  try {
    return new Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/**
 * When an offered seat is held until: in the reader's own time, and in the cohort's time zone
 * when that is a different one. "12 Mar 2027, 17:00 your time (12 Mar 2027, 17:00 in Europe/Dublin)".
 */
export function heldUntilWords(iso: string, cohortZone: string, readerZone: string | undefined = browserZone()): string {
  const local = formatInstant(iso, 'en-GB', readerZone);
  if (readerZone === cohortZone) return `${local} (${cohortZone} time)`;
  let there: string;
  try {
    there = formatInstant(iso, 'en-GB', cohortZone);
  } catch {
    return `${local} your time`;
  }
  return `${local} your time (${there} in ${cohortZone})`;
}

/** A registration that ended, or where one stands, in a few plain words for the organisation's roster. */
export function statusWords(status: RegistrationStatus): string {
  switch (status) {
    case 'CONFIRMED':
      return 'Has a seat';
    case 'OFFERED':
      return 'Offered a seat';
    case 'WAITLISTED':
      return 'On the waitlist';
    case 'EXPIRED':
      return 'Offer ran out';
    case 'DECLINED':
      return 'Let the offered seat go';
    case 'CANCELLED':
      return 'Cancelled';
  }
}

/** Whether a registration still counts: a seat, an offer, or a waitlist place. */
export function isActive(status: RegistrationStatus): boolean {
  return status === 'CONFIRMED' || status === 'OFFERED' || status === 'WAITLISTED';
}

/** Whether a registration holds a seat (a confirmed one, or one offered and not yet answered). */
export function holdsSeat(status: RegistrationStatus): boolean {
  return status === 'CONFIRMED' || status === 'OFFERED';
}

/** "You are number 3 on the waitlist"; without a place, just "You are on the waitlist". */
export function placeWords(place: number | null | undefined): string {
  if (!place || place < 1) return 'You are on the waitlist';
  return `You are number ${place} on the waitlist`;
}

/** "48 hours" or "2 days" when it is whole days. */
export function holdWords(hours: number): string {
  if (hours >= 24 && hours % 24 === 0) {
    const days = hours / 24;
    return `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** A pool code made from a name: "NHS staff seats" → "nhs-staff-seats" (lower-case words and hyphens). */
export function poolCode(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}
