import { LitElement, css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { Task } from './types';
import { TASKS, taskWords } from './curriculum';
import { shared } from '../shared/styles/shared';
import { printBar, printBarStyles } from './curricula-common';

/** What an observer might watch for under each task, as an invitation to notice, never a checklist. */
const LOOK_FOR: Record<Task, string> = {
  connection:
    'Moments the two came closer or drifted apart, and what happened just before. Was a disconnection named? How did they find their way back?',
  worldview:
    'Moments a way of seeing things came into view: a story someone tells about themselves, an assumption checked out rather than acted on, a “how did you come to see it that way?”',
  mutuality:
    'Moments both people’s needs, feelings or limits were spoken about, and where power showed up and was talked through together.',
  'moving-towards': 'Moments the energy turned from what to get away from towards what each of them wants to move towards.',
};

/** How many moments each task has room for on the sheet. */
const MOMENTS = 2;

/**
 * A printable sheet for the observer in a role-play, set out by the four tasks, with room to
 * write down moments as "when …, …": things seen and heard, to offer back in the debrief.
 */
@customElement('mut-observer-sheet')
export class MutObserverSheet extends LitElement {
  static styles = [
    shared,
    printBarStyles,
    css`
      .sheet {
        max-width: 52rem;
      }
      .lede {
        max-width: 60ch;
      }
      .about {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2) var(--mut-space-8);
        margin: 0 0 var(--mut-space-6);
      }
      .about p {
        flex: 1 1 14rem;
        display: flex;
        align-items: flex-end;
        gap: var(--mut-space-2);
        margin: 0;
      }
      .line {
        flex: 1;
        min-width: 3rem;
        display: block;
        height: 1.75rem;
        border-bottom: 1px solid var(--mut-ink-soft);
      }
      ol.tasks {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-4);
      }
      ol.tasks > li {
        display: flex;
      }
      ol.tasks > li > section {
        flex: 1;
        min-width: 0;
      }
      section.task,
      section.offer {
        padding: var(--mut-space-4) var(--mut-space-6);
        border-left: 6px solid var(--edge, var(--mut-line));
      }
      section.task h2,
      section.offer h2 {
        font-size: var(--mut-text-lg);
        margin-bottom: var(--mut-space-1);
      }
      .look {
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        margin-bottom: var(--mut-space-3);
      }
      ul.moments {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-3);
      }
      .moment {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        align-items: end;
        gap: var(--mut-space-1) var(--mut-space-2);
      }
      .moment .word {
        font-weight: 600;
      }
      .moment .first {
        display: flex;
        align-items: end;
        gap: 2px;
        min-width: 0;
      }
      .moment .then {
        grid-column: 1 / -1;
        display: flex;
        align-items: end;
        gap: var(--mut-space-2);
      }
      .connection {
        --edge: var(--mut-task-connection-edge);
      }
      .worldview {
        --edge: var(--mut-task-worldview-edge);
      }
      .mutuality {
        --edge: var(--mut-task-mutuality-edge);
      }
      .moving-towards {
        --edge: var(--mut-task-moving-towards-edge);
      }
      section.offer {
        margin-top: var(--mut-space-4);
      }
      @media (max-width: 640px) {
        section.task,
        section.offer {
          padding: var(--mut-space-4);
        }
      }
      @media print {
        .sheet {
          max-width: none;
        }
        h1 {
          margin-bottom: var(--mut-space-1);
        }
        .lede {
          font-size: var(--mut-text-sm);
          margin-bottom: var(--mut-space-3);
        }
        /* the four tasks two by two, so the sheet fits on one page */
        ol.tasks {
          grid-template-columns: 1fr 1fr;
          gap: var(--mut-space-3);
        }
        .look {
          margin-bottom: var(--mut-space-2);
        }
        section.task,
        section.offer {
          padding: var(--mut-space-2) var(--mut-space-4) var(--mut-space-3);
          border: 1px solid #555;
          border-left: 4px solid #000;
          break-inside: avoid;
        }
        .line {
          border-bottom-color: #000;
        }
      }
    `,
  ];

  render() {
    return html`
      ${printBar({ href: '/curricula', label: 'Back to the curricula' })}
      <article class="sheet">
        <h1>Observer sheet</h1>
        <p class="lede">
          Your part is to notice. Jot down moments as they happen, in the words people used if you can, so you can offer
          them back in the debrief as things you saw and heard. There is nothing here to add up, and no right answers.
        </p>
        <div class="about">
          <p>Scenario or situation <span class="line" aria-hidden="true"></span></p>
          <p>Round <span class="line" aria-hidden="true"></span></p>
        </div>
        <ol class="tasks">
          ${TASKS.map((task) => this.task(task))}
        </ol>
        <section class="card offer" aria-labelledby="offer-heading">
          <h2 id="offer-heading">Something to offer back</h2>
          <p class="look">
            A moment you would like to give back to the pair, told as what you noticed, and a question you are left with.
          </p>
          <ul class="moments">
            ${this.moment('offer-1', 'When', 'I noticed')} ${this.moment('offer-2', 'I wonder', null)}
          </ul>
        </section>
      </article>
    `;
  }

  private task(task: Task) {
    const id = `task-${task}`;
    return html`<li>
      <section class="card task ${task}" data-task=${task} aria-labelledby="${id}-heading">
        <h2 id="${id}-heading">${taskWords(task)}</h2>
        <p class="look">${LOOK_FOR[task]}</p>
        <ul class="moments" aria-label="Room for moments you notice">
          ${Array.from({ length: MOMENTS }, (_, i) => this.moment(`${id}-${i + 1}`))}
        </ul>
      </section>
    </li>`;
  }

  /** A space to write "When …, …" by hand; `then` null leaves a single line. */
  private moment(id: string, opening = 'When', then: string | null = ',') {
    const comma = then === ',';
    return html`<li class="moment" data-moment=${id}>
      <span class="word">${opening}</span
      ><span class="first"><span class="line" aria-hidden="true"></span>${comma ? html`<span class="word">,</span>` : nothing}</span>
      ${
        then !== null
          ? html`<span class="then"
            >${comma ? nothing : html`<span class="word">${then}</span>`}<span class="line" aria-hidden="true"></span
          ></span>`
          : nothing
      }
      <span class="visually-hidden">(space to write by hand)</span>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-observer-sheet': MutObserverSheet;
  }
}
