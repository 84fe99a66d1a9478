import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Task, initialState } from '@lit/task';
import { curriculaApi } from './api';
import type { Activity, Course, Coverage, CurriculumModule } from './types';
import {
  activityWords,
  bankWords,
  durationWords,
  humanise,
  listWords,
  partsWords,
  principleWords,
  roleWords,
  taskWords,
  themeWords,
} from './curriculum';
import { renderMarkdown } from '../shared/markdown';
import { coursePath, dayPath, materialsPath, modulePath } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { loadForStaff, signInToSee, type StaffLoadable } from './curricula-common';
import { failed, loading, readNow } from '../shared/loadable';

/** A module for trainers: what it is for, what it needs, what happens in it, and the facilitator notes. */
@customElement('mut-module')
export class MutModule extends LitElement {
  static styles = [
    shared,
    css`
      .crumbs {
        margin-bottom: var(--mut-space-4);
        display: flex;
        flex-wrap: wrap;
        gap: 0 var(--mut-space-6);
      }
      dl.facts {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-3) var(--mut-space-8);
        margin: 0 0 var(--mut-space-6);
      }
      dl.facts dt {
        font-size: var(--mut-text-sm);
        font-weight: 600;
        color: var(--mut-ink-soft);
      }
      dl.facts dd {
        margin: 0;
      }
      section {
        margin-top: var(--mut-space-8);
      }
      .columns {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 22rem), 1fr));
        gap: 0 var(--mut-space-8);
      }
      ul.plain {
        padding-left: var(--mut-space-6);
        margin: 0;
        max-width: 65ch;
      }
      ul.plain li + li {
        margin-top: var(--mut-space-1);
      }
      ol.activities {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-3);
      }
      ol.activities li {
        padding: var(--mut-space-4) var(--mut-space-6);
      }
      ol.activities h3 {
        font-size: var(--mut-text-md);
        margin-bottom: var(--mut-space-2);
      }
      ol.activities .minutes {
        font-weight: 400;
        color: var(--mut-ink-soft);
      }
      ol.activities blockquote {
        margin: 0 0 var(--mut-space-2);
        padding-left: var(--mut-space-4);
        border-left: 3px solid var(--mut-line);
        font-style: italic;
        max-width: 65ch;
      }
      ol.activities .details {
        margin: 0;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      .notes {
        max-width: 70ch;
      }
      .notes h3,
      .notes h4,
      .notes h5,
      .notes h6 {
        margin-top: var(--mut-space-8);
      }
      .notes h4 {
        font-size: var(--mut-text-md);
      }
      .notes ul,
      .notes ol {
        margin: 0 0 var(--mut-space-4);
        padding-left: var(--mut-space-6);
      }
      .notes li + li {
        margin-top: var(--mut-space-2);
      }
      .notes li > p {
        margin-bottom: var(--mut-space-2);
      }
      .notes blockquote {
        margin: 0 0 var(--mut-space-4);
        padding: var(--mut-space-2) var(--mut-space-4);
        border-left: 4px solid var(--mut-primary);
        background: var(--mut-calm);
      }
      .notes blockquote > :last-child {
        margin-bottom: 0;
      }
      .notes code {
        font-family: var(--mut-font-mono);
        font-size: 0.9em;
      }
      @media (max-width: 640px) {
        ol.activities li {
          padding: var(--mut-space-4);
        }
      }
      @media print {
        .crumbs {
          display: none;
        }
        ol.activities li,
        .notes blockquote {
          break-inside: avoid;
        }
        .notes blockquote {
          background: none;
          border-left-color: #000;
        }
      }
    `,
  ];

  @property() moduleId = '';

  @state() private coverage?: Coverage;
  /** Where the module is taught (a course and its day), to go back to; empty until known, or if it cannot be had. */
  @state() private places: Place[] = [];
  private placesFor?: string;

  /** The module, read again when the id changes; only the newest read is shown. */
  private readonly moduleRead = new Task(this, {
    args: () => [this.moduleId] as const,
    task: ([moduleId]): Promise<StaffLoadable<CurriculumModule>> | typeof initialState => {
      if (!moduleId) return initialState;
      if (!this.coverage) {
        curriculaApi.coverage().then(
          (c) => (this.coverage = c),
          () => undefined, // the ids stand in for their titles
        );
      }
      return loadForStaff(() => curriculaApi.module(moduleId));
    },
  });

  protected willUpdate(): void {
    if (this.moduleId && this.placesFor !== this.moduleId) this.findPlaces(this.moduleId);
  }

  /** Looks for the module in each course's days; the page stands without it (then the curricula are the way back). */
  private async findPlaces(moduleId: string) {
    this.placesFor = moduleId;
    this.places = [];
    const places = await placesOf(moduleId).catch(() => [] as Place[]);
    if (this.placesFor === moduleId) this.places = places;
  }

  render() {
    const module = readNow(this.moduleRead);
    switch (module.state) {
      case 'loading':
        return loading('the module');
      case 'sign-in':
        return html`<h1>Facilitator notes</h1>
          ${signInToSee('Facilitator notes', modulePath(this.moduleId))}`;
      case 'failed':
        return html`<h1>Facilitator notes</h1>
          ${failed(module.message)}
          <p><a href="/curricula">Back to the curricula</a></p>`;
      case 'ready':
        return this.renderModule(module.value);
    }
  }

  private renderModule(m: CurriculumModule) {
    return html`
      ${this.crumbs()}
      <h1>${m.title}</h1>
      <dl class="facts">
        <div>
          <dt>Length</dt>
          <dd>${durationWords(m.minutes)}</dd>
        </div>
        ${
          m.tasks.length
            ? html`<div>
              <dt>${m.tasks.length === 1 ? 'Task' : 'Tasks'}</dt>
              <dd>${listWords(m.tasks.map(taskWords))}</dd>
            </div>`
            : nothing
        }
        ${
          m.principles.length
            ? html`<div>
              <dt>${m.principles.length === 1 ? 'Principle' : 'Principles'}</dt>
              <dd>${listWords(m.principles.map(principleWords))}</dd>
            </div>`
            : nothing
        }
      </dl>
      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading">What participants read</h2>
        <p class="lede">${m.summary}</p>
      </section>
      <div class="columns">
        ${this.list('outcomes', 'Afterwards, participants can', m.learningOutcomes)}
        ${this.list('materials', 'Materials', m.materials)}
        ${this.list(
          'topics',
          'Core topics it teaches',
          m.topics.map((t) => this.coverage?.topicTitles[t] ?? humanise(t)),
        )}
        ${this.list(
          'serves',
          'Outcomes it serves',
          m.outcomes.map((o) => sentence(this.coverage?.outcomeTitles[o] ?? humanise(o))),
        )}
      </div>
      ${
        m.printables?.length
          ? html`<p class="print-materials">
            <a class="button secondary" href=${materialsPath(m.id)} data-test="print-materials"
              >Print its cards and sheets (${m.printables.length})</a
            >
          </p>`
          : nothing
      }
      <section aria-labelledby="activities-heading">
        <h2 id="activities-heading">Activities</h2>
        ${
          m.activities.length
            ? html`<ol class="activities">
              ${m.activities.map((a, i) => this.activity(a, i))}
            </ol>`
            : html`<p>This module has no activities for the live room.</p>`
        }
      </section>
      <section aria-labelledby="notes-heading">
        <h2 id="notes-heading">Facilitator notes</h2>
        <div class="notes">
          ${
            m.facilitatorNotes?.trim()
              ? renderMarkdown(m.facilitatorNotes, { topLevel: 3 })
              : html`<p>There are no notes for this module yet.</p>`
          }
        </div>
      </section>
    `;
  }

  /** Back to where the module is taught: "← IPS Core Training, day 2", the course and the day each a link. */
  private crumbs() {
    if (this.places.length === 0) return html`<p class="crumbs"><a href="/curricula">Curricula</a></p>`;
    return html`<p class="crumbs">
      ${this.places.map(
        ({ course, day }) =>
          html`<span class="place" data-test="module-place"
            >← <a href=${coursePath(course.id)} data-test="module-course">${course.title}</a>,
            <a href=${dayPath(course.id, day)} data-test="module-day"
              >day ${day}<span class="visually-hidden"> of ${course.title}</span></a
            ></span
          >`,
      )}
    </p>`;
  }

  private list(id: string, heading: string, items: string[]) {
    if (items.length === 0) return nothing;
    return html`<section aria-labelledby="${id}-heading">
      <h2 id="${id}-heading">${heading}</h2>
      <ul class="plain">
        ${items.map((item) => html`<li>${item}</li>`)}
      </ul>
    </section>`;
  }

  private activity(a: Activity, index: number) {
    const details: unknown[] = [];
    if (a.groupSize) details.push(a.groupSize === 2 ? 'In pairs' : `In groups of ${a.groupSize}`);
    if (a.roles.length) details.push(`Roles: ${listWords(a.roles.map((r) => roleWords(r).replace(/^The /, 'the ')))}`);
    if (a.rounds) details.push(`${a.rounds} ${a.rounds === 1 ? 'round' : 'rounds'}, so each person can take each role`);
    if (a.parts) details.push(partsWords(a.parts, a.rounds));
    if (a.themes?.length) details.push(`Scenarios about ${listWords(a.themes.map(themeWords))}`);
    if (a.bank) details.push(this.bank(a));
    if (a.teachBack) {
      details.push(`Teaching back: ${this.coverage?.topicTitles[a.teachBack] ?? humanise(a.teachBack)}`);
    }
    const kind = activityWords(a.kind);
    return html`<li class="card" data-activity=${index}>
      <h3>
        ${kind}${a.title ? html`: ${a.title}` : nothing}
        <span class="minutes">· ${durationWords(a.minutes)}</span>
      </h3>
      ${a.prompt ? html`<blockquote>${a.prompt}</blockquote>` : nothing}
      ${
        details.length
          ? html`<p class="details">${details.map((d, i) => html`${i > 0 ? html`<br />` : nothing}${d}`)}</p>`
          : nothing
      }
    </li>`;
  }

  private bank(a: Activity) {
    const bank = a.bank!;
    const words = bankWords(bank);
    const n = a.cards.length;
    const chosen = n ? ` (${n === 1 ? 'one card' : `${n} cards`} chosen for this module)` : '';
    if (bank !== 'scenarios') return `Draws on ${words}${chosen}`;
    const href = a.cards.length
      ? `/curricula/role-cards?scenarios=${a.cards.map(encodeURIComponent).join(',')}`
      : '/curricula/role-cards';
    return html`Draws on ${words}${chosen} ·
      <a href=${href}>${a.cards.length ? 'Print role cards for these' : 'Print role cards'}</a>`;
  }
}

/** A course and the number of one of its days a module is taught on. */
interface Place {
  course: Course;
  day: number;
}

/** Every day of every course that has the module on its agenda, in the curricula's order. */
async function placesOf(moduleId: string): Promise<Place[]> {
  const courses = await curriculaApi.courses();
  const details = await Promise.all(courses.map((c) => curriculaApi.course(c.id).catch(() => undefined)));
  return details.flatMap((detail) =>
    detail
      ? detail.days
          .filter((d) => d.agenda.some((slot) => slot.moduleId === moduleId))
          .map((d) => ({ course: detail.course, day: d.number }))
      : [],
  );
}

/** Outcomes are written to follow "participants can …": start them with a capital on their own. */
function sentence(text: string): string {
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-module': MutModule;
  }
}
