import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { listWords, placeSlots } from './curriculum';
import { shared } from '../shared/styles/shared';
import { printBarStyles, type DayOfCourse } from './curricula-common';
import { DayPage } from './day-page';

/** How many ruled lines the notes space has. */
const NOTE_LINES = 12;

/** A handout for participants: what the day holds, in their words, and room for their own notes. */
@customElement('mut-day-handout')
export class MutDayHandout extends DayPage {
  static styles = [
    shared,
    printBarStyles,
    css`
      .sheet {
        max-width: 48rem;
      }
      .welcome {
        font-size: var(--mut-text-lg);
      }
      ol.modules {
        list-style: none;
        margin: var(--mut-space-6) 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-4);
      }
      ol.modules li {
        break-inside: avoid;
        padding-left: var(--mut-space-4);
        border-left: 4px solid var(--mut-primary);
      }
      ol.modules h2 {
        font-size: var(--mut-text-lg);
        margin-bottom: var(--mut-space-1);
      }
      ol.modules .when {
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        margin-bottom: var(--mut-space-1);
        font-variant-numeric: tabular-nums;
      }
      ol.modules p {
        margin-bottom: 0;
      }
      .breaks {
        color: var(--mut-ink-soft);
      }
      section.notes {
        margin-top: var(--mut-space-8);
        break-inside: avoid;
      }
      .lines {
        margin-top: var(--mut-space-4);
      }
      .lines span {
        display: block;
        height: 2.25rem;
        border-bottom: 1px solid var(--mut-line);
      }
      @media print {
        .sheet {
          max-width: none;
        }
        .welcome {
          font-size: var(--mut-text-md);
        }
        ol.modules {
          gap: var(--mut-space-3);
        }
        ol.modules li {
          border-left-color: #000;
        }
        .lines span {
          height: 0.9cm;
          border-bottom-color: #777;
        }
      }
    `,
  ];

  protected readonly pageName = 'Handout';

  protected renderDay({ course, day, dayCount }: DayOfCourse) {
    const placed = placeSlots(day);
    const modules = placed.filter((p) => p.slot.kind === 'module');
    const breaks = placed.filter((p) => p.slot.kind === 'break').map((p) => `${p.slot.title.toLowerCase()} at ${p.slot.at}`);
    return html`
      <article class="sheet">
        <p class="eyebrow">${course.title} · day ${day.number} of ${dayCount}</p>
        <h1>${day.title}</h1>
        <p class="welcome">
          Welcome. Here is what today holds, from <time>${day.starts}</time> to <time>${day.ends}</time>. Take part in the
          way that suits you: you can pass on anything, and step out whenever you need to.
        </p>
        <ol class="modules">
          ${modules.map(
            ({ slot, ends }) => html`<li>
              <p class="when"><time>${slot.at}</time>–<time>${ends}</time></p>
              <h2>${slot.title}</h2>
              ${slot.summary ? html`<p>${slot.summary}</p>` : ''}
            </li>`,
          )}
        </ol>
        ${breaks.length ? html`<p class="breaks">We pause for ${listWords(breaks)}.</p>` : ''}
        <section class="notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">Your notes</h2>
          <p>
            Anything you want to remember, wonder about, or bring back to the group. This page is yours to keep; nobody
            collects it.
          </p>
          <div class="lines" aria-hidden="true">${Array.from({ length: NOTE_LINES }, () => html`<span></span>`)}</div>
        </section>
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-day-handout': MutDayHandout;
  }
}
