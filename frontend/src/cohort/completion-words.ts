import type { CompletionRule, DayCell, MakeUp, PersonRow } from './types';
import type { ImportOutcome } from '../registration/types';
import { formatDate } from '../shared/format';

/** "45 min", "2 h 0 min": a length of time for the attendance grid. */
export function durationWords(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "1 hour", "3.5 hours", "no time": an allowance, in hours. */
export function hoursWords(minutes: number): string {
  if (minutes <= 0) return 'no time';
  const hours = Math.round((minutes / 60) * 100) / 100;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "1", "1 and 3", "1, 2 and 3". */
export function listWords(items: (string | number)[]): string {
  const words = items.map(String);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "day 2", "days 2 and 3". */
export function daysWords(days: number[]): string {
  return `${days.length === 1 ? 'day' : 'days'} ${listWords(days)}`;
}

/** One cell of the grid: "all there", "missed 2 h 0 min", "not held yet" or "not recorded". */
export function cellWords(cell: DayCell): string {
  if (cell.minutesMissed === null) return cell.source === 'not-held' ? 'not held yet' : 'not recorded';
  return cell.minutesMissed === 0 ? 'all there' : `missed ${durationWords(cell.minutesMissed)}`;
}

/** Where a cell's attendance came from, when it came from anywhere. */
export function sourceWords(cell: DayCell): string | undefined {
  switch (cell.source) {
    case 'room':
      return 'live room';
    case 'trainer':
      return 'trainer';
    default:
      return undefined;
  }
}

/** Where someone stands, in a few words: "on track", "completed", "to make up day 2", "to take the course again". */
export function stateWords(row: Pick<PersonRow, 'state' | 'daysToMakeUp'>): string {
  switch (row.state) {
    case 'ON_TRACK':
      return 'on track';
    case 'COMPLETED':
      return 'completed';
    case 'MAKE_UP':
      return row.daysToMakeUp.length ? `to make up ${daysWords(row.daysToMakeUp)}` : 'to make up missed time';
    case 'REPEAT':
      return 'to take the course again';
  }
}

/** "Core, autumn group: day 2 on Mon 10 May 2027" (the dates of the days to make up there). */
export function makeUpWords(option: MakeUp): string {
  const days = Object.entries(option.days)
    .map(([day, date]) => [Number(day), date] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([day, date]) => `day ${day} on ${formatDate(date)}`);
  return days.length ? `${option.title}: ${listWords(days)}` : option.title;
}

/** The rule in force, as sentences. */
export function ruleWords(rule: Pick<CompletionRule, 'mustAttendDays' | 'maxMinutesMissed' | 'otherwise'>): string[] {
  const must = [...rule.mustAttendDays].sort((a, b) => a - b);
  const first = must.length
    ? `${must.length === 1 ? 'Day' : 'Days'} ${listWords(must)} must be attended (a few minutes late is fine).`
    : 'No day has to be attended in full.';
  const others = must.length ? 'the other days' : 'the course';
  const second =
    rule.maxMinutesMissed > 0
      ? `Up to ${hoursWords(rule.maxMinutesMissed)} may be missed over ${others}.`
      : `No time may be missed over ${others}.`;
  const third =
    rule.otherwise === 'MAKE_UP'
      ? 'Otherwise, people make up the days they missed in a later cohort of this course.'
      : 'Otherwise, people take the course again.';
  return [first, second, third];
}

/** What a line of an import file comes, or would come, to. */
export function importOutcomeWords(outcome: ImportOutcome, dryRun: boolean): string {
  switch (outcome) {
    case 'confirmed':
      return dryRun ? 'confirmed: would get a seat' : 'confirmed: has a seat';
    case 'waitlisted':
      return dryRun ? 'waitlisted: would join the waitlist' : 'waitlisted: on the waitlist';
    case 'already-registered':
      return 'already registered: left as it is';
    case 'error':
      return 'error: left out';
  }
}
