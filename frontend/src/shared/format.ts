import type { Cohort, CohortStatus, TrainingDay } from '../cohort/types';

const STATUS_WORDS: Record<CohortStatus, string> = {
  DRAFT: 'Being planned',
  OPEN: 'Open for registration',
  FULL: 'Full (waitlist open)',
  CLOSED: 'Registration closed',
  RUNNING: 'Running now',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
};

export function statusWords(status: CohortStatus): string {
  return STATUS_WORDS[status];
}

/** "Mon 15 Mar 2027" from an ISO date, read as a calendar date (no time-zone shift). */
export function formatDate(iso: string, locale = 'en-GB'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

export function formatTime(time: string): string {
  return time.slice(0, 5);
}

export function dayRange(days: TrainingDay[]): string {
  if (days.length === 0) return 'No days set';
  const first = formatDate(days[0].date);
  if (days.length === 1) return first;
  return `${first} – ${formatDate(days[days.length - 1].date)}`;
}

export function where(cohort: Cohort): string {
  const parts = [cohort.venue?.name, cohort.onlineLink ? 'online' : undefined].filter(Boolean);
  return parts.length ? parts.join(' and ') : 'Place to be confirmed';
}

/** The days and the hours of the first day: "Mon 4 Jan 2027 – Fri 8 Jan 2027, 09:30–16:30". */
export function hours(cohort: Cohort): string {
  if (cohort.days.length === 0) return dayRange(cohort.days);
  const first = cohort.days[0];
  return `${dayRange(cohort.days)}, ${formatTime(first.startsAt)}–${formatTime(first.endsAt)}`;
}

/** "Organisation admin" or "Trainer"; an unknown role as it came. */
export function roleWords(role: string): string {
  return role === 'ORG_ADMIN' ? 'Organisation admin' : role === 'TRAINER' ? 'Trainer' : role;
}

/** "15 Mar 2027, 09:30" from an ISO instant, in the browser's time zone unless told. */
export function formatInstant(iso: string, locale = 'en-GB', timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}

/** "09:30" from an ISO instant, in the browser's time zone unless told. */
export function formatClock(iso: string, locale = 'en-GB', timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(date);
}

/** How long to wait, in words: "in a minute", "in 15 minutes", "in about 2 hours". */
export function waitWords(seconds: number): string {
  if (seconds <= 60) return 'in a minute';
  if (seconds < 3600) return `in ${Math.ceil(seconds / 60)} minutes`;
  const hours = Math.round(seconds / 3600);
  return `in about ${hours} hour${hours === 1 ? '' : 's'}`;
}

/** "4 Jan 2027" from an ISO instant, in the browser's time zone unless told. */
export function formatInstantDate(iso: string, locale = 'en-GB', timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(date);
}
