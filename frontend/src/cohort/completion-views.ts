/** Parts of the completion section that need nothing but what they are given. */
import { html, nothing } from 'lit';
import type { DayCell, PersonRow } from './types';
import { daysWords, makeUpWords, stateWords } from './completion-words';
import { safeId } from '../shared/fields';

/** Limits the server keeps to: minutes missed on a day, a note, a reason. */
export const MAX_DAY_MINUTES = 1440;
export const MAX_NOTE = 200;
export const MAX_REASON = 300;

/** Where one person stands by the rule, with the later cohorts they could make days up in. */
export function stateView(p: PersonRow) {
  const kind = p.state.toLowerCase().replace('_', '-');
  return html`<span class="state ${kind}" data-test="state-words">${stateWords(p)}</span>
    ${p.reason ? html`<p data-test="state-reason">${p.reason}</p>` : nothing}
    ${
      p.state === 'MAKE_UP'
        ? p.makeUpIn.length
          ? html`<p class="small">Later cohorts to make up ${daysWords(p.daysToMakeUp)} in:</p>
            <ul data-test="make-up-in">
              ${p.makeUpIn.map((m) => html`<li>${makeUpWords(m)}</li>`)}
            </ul>`
          : html`<p class="small" data-test="make-up-none">No later cohort of this course is planned yet.</p>`
        : nothing
    }`;
}

/** A day nobody has recorded yet. */
export function emptyCell(dayNumber: number): DayCell {
  return { dayNumber, minutesMissed: null, source: 'not-recorded', note: null };
}

/** The id of the button that corrects one person's day. */
export function cellButtonId(registrationId: string, day: number): string {
  return `correct-${safeId(registrationId)}-${day}`;
}

/** The id of the button that revokes one certificate. */
export function revokeButtonId(code: string): string {
  return `revoke-${safeId(code)}`;
}

/** The cell being corrected. */
export interface Editing {
  registrationId: string;
  dayNumber: number;
}

/** Something said beside one person's certificate: why the PDF could not be fetched, for example. */
export interface InlineNotice {
  code: string;
  message: string;
}
