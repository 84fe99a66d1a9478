import { css, html, nothing } from 'lit';
import { curriculaApi } from './api';
import type { Course, CourseDay } from './types';
import { ApiError } from '../shared/api/http';
import { daysWords, prerequisiteWords } from './curriculum';
import { coursePath, signInPath } from '../shared/router';
import { sessionStore } from '../identity/session';
import { load, type Loadable } from '../shared/loadable';

/** Something only signed-in trainers can read: loaded, failed, or "please sign in" (a 401). */
export type StaffLoadable<T> = Loadable<T> | { state: 'sign-in' };

/**
 * Loads something for trainers. A 401 means the session has gone (or never was): the
 * session store hears about it so the header offers sign-in again.
 */
export async function loadForStaff<T>(work: () => Promise<T>): Promise<StaffLoadable<T>> {
  try {
    return { state: 'ready', value: await work() };
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      if (sessionStore.state.status === 'signed-in') sessionStore.signedOut();
      return { state: 'sign-in' };
    }
    if (e instanceof ApiError && e.status === 403) {
      return {
        state: 'failed',
        message: 'This is for the trainers and organisation admins who run trainings in Mutuality.',
      };
    }
    return { state: 'failed', message: e instanceof ApiError ? e.message : 'Something went wrong while loading.' };
  }
}

/** A short, friendly explanation that this needs signing in, with a way back here afterwards. */
export function signInToSee(what: string, path: string) {
  return html`<div class="sign-in-needed">
    <p>${what} are for the trainers who run these courses, so you need to sign in to see them.</p>
    <p><a class="button" href=${signInPath(path)}>Sign in to carry on</a></p>
    <p class="muted">
      Taking part in a training? Everything you need is shared in the room, and there is no account to make.
    </p>
  </div>`;
}

/** A course's facts as a description list: length, who it is for, what comes first, version. */
export function courseFacts(course: Course, all: Course[]) {
  return html`<dl class="facts">
    <div>
      <dt>Length</dt>
      <dd>${daysWords(course.lengthDays)}</dd>
    </div>
    <div>
      <dt>Who it is for</dt>
      <dd>${course.audience}</dd>
    </div>
    <div>
      <dt>Before this course</dt>
      <dd>${prerequisites(course, all)}</dd>
    </div>
    ${
      course.version
        ? html`<div>
          <dt>Version</dt>
          <dd>${course.version}</dd>
        </div>`
        : nothing
    }
  </dl>`;
}

function prerequisites(course: Course, all: Course[]) {
  const known = course.prerequisites.map((id) => all.find((c) => c.id === id));
  if (course.prerequisites.length === 0 || known.some((c) => !c)) return prerequisiteWords(course, all);
  return html`${known.map(
    (c, i) => html`${i > 0 ? (i === known.length - 1 ? ' and ' : ', ') : ''}<a href=${coursePath(c!.id)}>${c!.title}</a>`,
  )}
  first`;
}

export const factsStyles = css`
  dl.facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
    gap: var(--mut-space-3) var(--mut-space-6);
    margin: 0 0 var(--mut-space-4);
  }
  dl.facts div {
    min-width: 0;
  }
  dl.facts dt {
    font-size: var(--mut-text-sm);
    font-weight: 600;
    color: var(--mut-ink-soft);
  }
  dl.facts dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
`;

/** The strip above a printable page: a way back and the Print button. Hidden on paper. */
export function printBar(back: { href: string; label: string }, hint = true) {
  return html`<div class="print-bar no-print">
    <a href=${back.href}>${back.label}</a>
    <button class="button" type="button" @click=${() => window.print()}>Print</button>
    ${hint ? html`<p class="hint">In the print window you can also choose “Save as PDF”.</p>` : nothing}
  </div>`;
}

export const printBarStyles = css`
  .print-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mut-space-3) var(--mut-space-6);
    margin-bottom: var(--mut-space-8);
    padding-bottom: var(--mut-space-4);
    border-bottom: 1px solid var(--mut-line);
  }
  .print-bar .hint {
    flex-basis: 100%;
    margin: 0;
  }
  .eyebrow {
    font-size: var(--mut-text-sm);
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--mut-ink-soft);
    margin: 0 0 var(--mut-space-1);
  }
  @media print {
    .print-bar {
      display: none;
    }
  }
`;

/** One day of a course, with the course it belongs to. */
export interface DayOfCourse {
  course: Course;
  day: CourseDay;
  dayCount: number;
}

/** Loads a course and picks out day `number`; a missing day fails in words. */
export async function loadDay(courseId: string, number: number): Promise<Loadable<DayOfCourse>> {
  const detail = await load(() => curriculaApi.course(courseId));
  if (detail.state !== 'ready') return detail;
  const { course, days } = detail.value;
  const day = days.find((d) => d.number === number);
  if (!day) {
    const count = days.length === 1 ? 'one day' : `${days.length} days`;
    return { state: 'failed', message: `${course.title} has ${count}, so there is no day ${number} to show.` };
  }
  return { state: 'ready', value: { course, day, dayCount: days.length } };
}
