import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { curriculaApi } from './api';
import type { Course, CourseDay, CourseDetail } from './types';
import { durationWords, moduleMinutes } from './curriculum';
import { coursePath, dayPath, letterPath } from '../shared/router';
import { SessionController } from '../identity/session';
import { shared } from '../shared/styles/shared';
import { courseFacts, factsStyles } from './curricula-common';
import { failed, load, loading, readNow } from '../shared/loadable';
import './mut-day-timeline';

interface Loaded {
  detail: CourseDetail;
  /** every course, to name the prerequisites; empty if that list could not be had */
  all: Course[];
}

/** A course and its days as timelines; with `day`, that one day on its own. */
@customElement('mut-course')
export class MutCourse extends LitElement {
  static styles = [
    shared,
    factsStyles,
    css`
      .crumbs {
        margin-bottom: var(--mut-space-4);
      }
      section.day {
        margin-top: var(--mut-space-12);
      }
      section.day.alone {
        margin-top: 0;
      }
      section.day h2 a {
        color: var(--mut-ink);
        text-decoration-thickness: 1px;
      }
      section.day h2 a:hover {
        color: var(--mut-primary-strong);
      }
      .day-meta {
        color: var(--mut-ink-soft);
        margin-bottom: var(--mut-space-3);
      }
      ul.links {
        list-style: none;
        margin: 0 0 var(--mut-space-6);
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--mut-space-6);
      }
      ul.links a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        font-weight: 600;
      }
      .printables {
        margin-top: var(--mut-space-8);
        padding: var(--mut-space-4) var(--mut-space-6);
      }
      .printables h2 {
        font-size: var(--mut-text-lg);
      }
      .printables p {
        margin: 0;
      }
      nav.days ul {
        list-style: none;
        margin: var(--mut-space-12) 0 0;
        padding: var(--mut-space-4) 0 0;
        border-top: 1px solid var(--mut-line);
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--mut-space-3);
      }
      nav.days a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
      @media (max-width: 640px) {
        .printables {
          padding: var(--mut-space-4);
        }
      }
      @media print {
        .crumbs,
        ul.links,
        .printables,
        nav.days {
          display: none;
        }
        section.day {
          margin-top: var(--mut-space-6);
        }
      }
    `,
  ];

  @property() courseId = '';
  /** one day's number, or undefined for every day */
  @property({ type: Number }) day?: number;

  private readonly session = new SessionController(this);

  /** The course, read again when the id changes; only the newest read is shown. */
  private readonly courseRead = new Task(this, {
    args: () => [this.courseId] as const,
    task: ([courseId]) =>
      courseId
        ? load(async (): Promise<Loaded> => {
            const [detail, all] = await Promise.all([
              curriculaApi.course(courseId),
              curriculaApi.courses().catch(() => [] as Course[]),
            ]);
            return { detail, all };
          })
        : initialState,
  });

  render() {
    const loaded = readNow(this.courseRead);
    if (loaded.state === 'loading') return loading('the course');
    if (loaded.state === 'failed') {
      return html`<h1>Course</h1>
        ${failed(loaded.message)}
        <p><a href="/curricula">See all the courses</a></p>`;
    }
    const { detail, all } = loaded.value;
    return this.day ? this.renderOneDay(detail, this.day) : this.renderCourse(detail, all);
  }

  private renderCourse(detail: CourseDetail, all: Course[]) {
    const { course, days } = detail;
    return html`
      <p class="crumbs"><a href="/curricula">All curricula</a></p>
      <h1>${course.title}</h1>
      <p class="lede">${course.summary}</p>
      ${courseFacts(course, all)} ${this.printables()}
      ${days.length === 0 ? html`<p>This course has no days set out yet.</p>` : nothing}
      ${days.map((day) => this.renderDay(day, true))}
    `;
  }

  private renderOneDay(detail: CourseDetail, number: number) {
    const { course, days } = detail;
    const day = days.find((d) => d.number === number);
    const crumbs = html`<p class="crumbs"><a href=${coursePath(course.id)}>${course.title}</a></p>`;
    if (!day) {
      return html`${crumbs}
        <h1>No day ${number}</h1>
        <p>${course.title} has ${days.length === 1 ? 'one day' : `${days.length} days`}. Choose one from the course.</p>`;
    }
    const previous = days.find((d) => d.number === number - 1);
    const next = days.find((d) => d.number === number + 1);
    return html`
      ${crumbs}
      <h1>Day ${day.number} of ${days.length}: ${day.title}</h1>
      ${this.renderDay(day, false)} ${this.printables()}
      <nav class="days" aria-label="Other days">
        <ul>
          <li>
            ${
              previous
                ? html`<a href=${dayPath(course.id, previous.number)} rel="prev">← Day ${previous.number}: ${previous.title}</a>`
                : nothing
            }
          </li>
          <li>
            ${
              next ? html`<a href=${dayPath(course.id, next.number)} rel="next">Day ${next.number}: ${next.title} →</a>` : nothing
            }
          </li>
        </ul>
      </nav>
    `;
  }

  private renderDay(day: CourseDay, withHeading: boolean) {
    const courseId = this.courseId;
    const base = dayPath(courseId, day.number);
    const headingId = `day-${day.number}-heading`;
    return html`<section class="day ${withHeading ? '' : 'alone'}" data-day=${day.number} aria-labelledby=${withHeading ? headingId : nothing}>
      ${withHeading ? html`<h2 id=${headingId}><a href=${base}>Day ${day.number}: ${day.title}</a></h2>` : nothing}
      <p class="day-meta">
        <time>${day.starts}</time> to <time>${day.ends}</time> · ${durationWords(moduleMinutes(day))} together, plus
        breaks
      </p>
      <ul class="links" aria-label="Print for day ${day.number}">
        <li><a href="${base}/print">Agenda to print<span class="visually-hidden"> for day ${day.number}</span></a></li>
        <li>
          <a href="${base}/handout">Handout for participants<span class="visually-hidden"> for day ${day.number}</span></a>
        </li>
      </ul>
      <mut-day-timeline .day=${day} ?notes=${this.session.store.state.status === 'signed-in'}></mut-day-timeline>
    </section>`;
  }

  private printables() {
    return html`<aside class="card printables" aria-labelledby="printables-heading">
      <h2 id="printables-heading">For role-plays on paper</h2>
      <p>
        <a href="/curricula/role-cards">Role cards</a> and an <a href="/curricula/observer-sheet">observer sheet</a>, for
        groups working without devices (trainers sign in to print them).
      </p>
      <p>
        <a href=${letterPath(this.courseId)} data-test="course-letter">The letter to send before the course</a>: what to
        expect, taking part in your own way, access needs and what to bring, for your organisation to adapt.
      </p>
    </aside>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-course': MutCourse;
  }
}
