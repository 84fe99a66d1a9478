import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from '../api/client';
import type { Cohort, Course, TrainingDay } from '../api/types';
import { formatDate, formatTime, where } from '../format';
import { roomConsolePath } from '../router';
import { shared } from '../styles/shared';
import { failed, load, loading, type Loadable } from './loadable';

interface UpcomingDay {
  cohort: Cohort;
  course?: Course;
  day: TrainingDay;
}

/** Lists every training day from today on, across cohorts, in date order. */
export function upcomingDays(cohorts: Cohort[], courses: Map<string, Course>, today: string): UpcomingDay[] {
  return cohorts
    .filter((c) => c.status !== 'CANCELLED')
    .flatMap((cohort) => cohort.days.map((day) => ({ cohort, course: courses.get(cohort.courseId), day })))
    .filter((d) => d.day.date >= today)
    .sort((a, b) => (a.day.date + a.day.startsAt).localeCompare(b.day.date + b.day.startsAt));
}

/** The trainer's view: the training days ahead, each with its course and place. */
@customElement('mut-facilitator')
export class MutFacilitator extends LitElement {
  static styles = [
    shared,
    css`
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-3);
      }
      li {
        display: grid;
        grid-template-columns: 10.5rem minmax(0, 1fr) auto;
        gap: var(--mut-space-4);
        align-items: start;
      }
      .when {
        font-weight: 700;
      }
      .when span {
        display: block;
        font-weight: 400;
        color: var(--mut-ink-soft);
      }
      li p {
        margin: 0;
      }
      h2 {
        font-size: var(--mut-text-md);
        margin-bottom: var(--mut-space-1);
      }
      .open {
        align-self: center;
      }
      @media (max-width: 640px) {
        li {
          grid-template-columns: 1fr;
          gap: var(--mut-space-1);
        }
        .open {
          margin-top: var(--mut-space-2);
        }
      }
    `,
  ];

  @state() private days: Loadable<UpcomingDay[]> = { state: 'loading' };

  async connectedCallback() {
    super.connectedCallback();
    this.days = await load(async () => {
      const [organisations, courseList] = await Promise.all([api.organisations(), api.courses()]);
      const cohorts = (await Promise.all(organisations.map((o) => api.cohorts(o.id)))).flat();
      const courses = new Map(courseList.map((c) => [c.id, c]));
      return upcomingDays(cohorts, courses, new Date().toISOString().slice(0, 10));
    });
  }

  render() {
    return html`
      <h1>Upcoming training days</h1>
      <p class="lede">Every day ahead, in order, with its course and where it happens.</p>
      ${this.renderDays()}
    `;
  }

  private renderDays() {
    if (this.days.state === 'loading') return loading('training days');
    if (this.days.state === 'failed') return failed(this.days.message);
    if (this.days.value.length === 0) return html`<p>No training days are coming up.</p>`;
    return html`<ol>
      ${this.days.value.map(
        ({ cohort, course, day }) => html`<li class="card">
          <div class="when">
            ${formatDate(day.date)}
            <span>${formatTime(day.startsAt)}–${formatTime(day.endsAt)}</span>
          </div>
          <div>
            <h2>${cohort.title}: day ${day.dayNumber} of ${cohort.days.length}</h2>
            <p class="muted">${course?.title ?? cohort.courseId} · ${where(cohort)}</p>
          </div>
          <div class="open">
            <a class="button secondary" href=${roomConsolePath(cohort.organisationId, cohort.id, day.dayNumber)}
              >Open the room<span class="visually-hidden"> for ${cohort.title}, day ${day.dayNumber}</span></a
            >
          </div>
        </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-facilitator': MutFacilitator;
  }
}
