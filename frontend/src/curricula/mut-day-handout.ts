import { css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { listWords, placeSlots } from './curriculum';
import { shared } from '../shared/styles/shared';
import { printBarStyles, type DayOfCourse } from './curricula-common';
import { DayPage } from './day-page';
import { materialsPath } from '../shared/router';
import { HandoutContact, forCohort, handoutCohortNote, handoutSupportBox, handoutSupportStyles } from './handout-contact';

/** How many ruled lines the notes space has. */
const NOTE_LINES = 12;

/** A handout for participants: what the day holds, in their words, and room for their own notes. */
@customElement('mut-day-handout')
export class MutDayHandout extends DayPage {
  static styles = [
    shared,
    printBarStyles,
    handoutSupportStyles,
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

  /** The cohort the handout is printed for (`?cohort=…`): its support contact is printed on it. */
  @property() cohortId?: string;

  private readonly contact = new HandoutContact(this, () => this.cohortId);

  protected renderDay({ course, day, dayCount }: DayOfCourse) {
    const placed = placeSlots(day);
    const modules = placed.filter((p) => p.slot.kind === 'module');
    const breaks = placed.filter((p) => p.slot.kind === 'break').map((p) => `${p.slot.title.toLowerCase()} at ${p.slot.at}`);
    const contact = this.contact.value;
    // each of the day's modules once, for the links to their materials
    const dayModules = modules
      .map((p) => ({ id: p.slot.moduleId ?? '', title: p.slot.title }))
      .filter((m, i, all) => m.id && all.findIndex((n) => n.id === m.id) === i);
    return html`
      ${handoutCohortNote(contact)}
      ${
        this.cohortId && dayModules.length
          ? html`<nav class="no-print cohort-materials" aria-label="Materials for this day" data-test="day-materials">
            <p>
              The day’s modules’ materials, printed for the same cohort:
              ${dayModules.map(
                (m, i) => html`${i ? ', ' : ''}<a href=${forCohort(materialsPath(m.id), this.cohortId)}>${m.title}</a>`,
              )}.
            </p>
          </nav>`
          : nothing
      }
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
        ${handoutSupportBox(contact)}
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-day-handout': MutDayHandout;
  }
}
