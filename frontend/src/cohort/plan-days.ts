/** Helpers for the training days of a cohort being planned: default hours and the next weekday. */

export const DEFAULT_STARTS = '09:30';
export const DEFAULT_ENDS = '16:30';

/** One training day as typed into the plan form. */
export interface DayDraft {
  date: string;
  startsAt: string;
  endsAt: string;
  /** the date was typed by hand, so filling in the dates after the first leaves it alone */
  dateTyped: boolean;
}

export function blankDay(): DayDraft {
  return { date: '', startsAt: DEFAULT_STARTS, endsAt: DEFAULT_ENDS, dateTyped: false };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The weekday after an ISO date (Friday → Monday), or '' when the date is not a date. */
export function nextWeekday(iso: string): string {
  const match = ISO_DATE.exec(iso);
  if (!match) return '';
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return '';
  do {
    date.setUTCDate(date.getUTCDate() + 1);
  } while (date.getUTCDay() === 0 || date.getUTCDay() === 6);
  return date.toISOString().slice(0, 10);
}

/**
 * The rows a course of `length` days needs: the rows already typed are kept (as many as
 * fit), new rows start at the usual hours, and dates not typed by hand follow the first
 * as consecutive weekdays.
 */
export function resizeDays(days: DayDraft[], length: number): DayDraft[] {
  const rows = Array.from({ length }, (_, i) => (days[i] ? { ...days[i] } : blankDay()));
  return fillWeekdays(rows);
}

/** Fills every date not typed by hand with the weekday after the day before it. */
export function fillWeekdays(days: DayDraft[]): DayDraft[] {
  const rows = days.map((d) => ({ ...d }));
  for (let i = 1; i < rows.length; i++) {
    if (!rows[i].dateTyped) rows[i].date = rows[i - 1].date ? nextWeekday(rows[i - 1].date) : '';
  }
  return rows;
}

/** "HH:MM" from what a time input gives ("09:30" or "09:30:00"). */
export function hhmm(time: string): string {
  return time.trim().slice(0, 5);
}
