/**
 * The cohorts page's calendar: which training days fall in a month, the month's weeks (Monday
 * first), and the cohorts split into those still to come and those past. Dates are the cohort's
 * own calendar dates ("2027-03-15"), read as they are: never shifted into another time zone.
 */
import type { Cohort, CohortStatus, TrainingDay } from './types';

/** A month as it appears in addresses: "2027-01". */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string | null | undefined): value is string {
  return !!value && MONTH.test(value);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Today's date where the person is: "2027-01-29". */
export function todayIso(now: Date = new Date()): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** This month where the person is: "2027-01". */
export function thisMonth(now: Date = new Date()): string {
  return todayIso(now).slice(0, 7);
}

/** The month `n` months after `month` (before, when `n` is negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

function utc(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d ?? 1));
}

/** "January 2027". */
export function monthWords(month: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(month));
}

/** "Friday 29 January 2027": a date in full, for a calendar cell. */
export function fullDate(iso: string, locale = 'en-GB'): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(utc(iso));
}

/** The days of the week, Monday first, short and in full. */
export const WEEKDAYS: readonly { short: string; full: string }[] = [
  { short: 'Mon', full: 'Monday' },
  { short: 'Tue', full: 'Tuesday' },
  { short: 'Wed', full: 'Wednesday' },
  { short: 'Thu', full: 'Thursday' },
  { short: 'Fri', full: 'Friday' },
  { short: 'Sat', full: 'Saturday' },
  { short: 'Sun', full: 'Sunday' },
];

/**
 * The month's weeks, Monday first: seven dates a week ("2027-01-04"), with null for the days
 * before the 1st and after the last that belong to the months either side.
 */
export function monthWeeks(month: string): (string | null)[][] {
  const first = utc(month);
  const lead = (first.getUTCDay() + 6) % 7;
  const [y, m] = month.split('-').map(Number);
  const length = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const cells: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length }, (_, i) => `${month}-${pad(i + 1)}`),
  ];
  while (cells.length % 7) cells.push(null);
  const weeks: (string | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/** One training day of one cohort, as the calendar shows it. */
export interface CalendarEntry {
  cohort: Cohort;
  day: TrainingDay;
}

/**
 * The training days that fall in `month`, by date: each cohort's days on their own dates (they
 * need not follow one another), earliest start first on a shared date.
 */
export function entriesByDate(cohorts: readonly Cohort[], month: string): Map<string, CalendarEntry[]> {
  const byDate = new Map<string, CalendarEntry[]>();
  for (const cohort of cohorts) {
    for (const day of cohort.days) {
      if (day.date.slice(0, 7) !== month) continue;
      const list = byDate.get(day.date) ?? [];
      list.push({ cohort, day });
      byDate.set(day.date, list);
    }
  }
  for (const list of byDate.values()) {
    list.sort(
      (a, b) =>
        a.day.startsAt.localeCompare(b.day.startsAt) ||
        a.cohort.title.localeCompare(b.cohort.title) ||
        a.day.dayNumber - b.day.dayNumber,
    );
  }
  return byDate;
}

/** The first and the last of a cohort's dates, whatever order its days came in; undefined without days. */
export function dateSpan(cohort: Cohort): { first: string; last: string } | undefined {
  if (cohort.days.length === 0) return undefined;
  const dates = cohort.days.map((d) => d.date).sort();
  return { first: dates[0], last: dates[dates.length - 1] };
}

/**
 * The cohorts still to come (or running today), soonest first, then those without dates; and the
 * cohorts whose last day is past, the most recent first.
 */
export function upcomingAndPast(cohorts: readonly Cohort[], today: string): { upcoming: Cohort[]; past: Cohort[] } {
  const upcoming: Cohort[] = [];
  const past: Cohort[] = [];
  for (const cohort of cohorts) {
    const span = dateSpan(cohort);
    if (span && span.last < today) past.push(cohort);
    else upcoming.push(cohort);
  }
  const first = (c: Cohort) => dateSpan(c)?.first ?? '\uffff';
  const last = (c: Cohort) => dateSpan(c)?.last ?? '';
  upcoming.sort((a, b) => first(a).localeCompare(first(b)) || a.title.localeCompare(b.title));
  past.sort((a, b) => last(b).localeCompare(last(a)) || a.title.localeCompare(b.title));
  return { upcoming, past };
}

/**
 * How a calendar entry says the cohort's status: in a word or two, shown for the states worth
 * seeing at a glance (still a draft, full, cancelled) and said only to screen readers otherwise.
 */
export const ENTRY_STATUS: Record<CohortStatus, { words: string; shown: boolean }> = {
  DRAFT: { words: 'draft', shown: true },
  OPEN: { words: 'open for registration', shown: false },
  FULL: { words: 'full', shown: true },
  CLOSED: { words: 'registration closed', shown: false },
  RUNNING: { words: 'running', shown: false },
  COMPLETED: { words: 'completed', shown: false },
  CANCELLED: { words: 'cancelled', shown: true },
};
