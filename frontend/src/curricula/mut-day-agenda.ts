import { css, html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { placeSlots } from './curriculum';
import { shared } from '../shared/styles/shared';
import { printBarStyles, type DayOfCourse } from './curricula-common';
import { DayPage } from './day-page';

/** A training day's agenda on one sheet: times, titles, minutes and what each part is about. */
@customElement('mut-day-agenda')
export class MutDayAgenda extends DayPage {
  static styles = [
    shared,
    printBarStyles,
    css`
      .sheet {
        max-width: 56rem;
      }
      .hours {
        font-size: var(--mut-text-lg);
        margin-bottom: var(--mut-space-6);
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: var(--mut-surface);
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: var(--mut-space-3) var(--mut-space-4);
        border-bottom: 1px solid var(--mut-line);
      }
      thead th {
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        border-bottom-width: 2px;
      }
      tbody th {
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
        font-weight: 600;
        width: 8rem;
      }
      td.minutes {
        text-align: right;
        font-variant-numeric: tabular-nums;
        width: 6rem;
      }
      td p {
        margin: var(--mut-space-1) 0 0;
      }
      .unit {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
        white-space: nowrap;
      }
      tr.break td,
      tr.break th {
        color: var(--mut-ink-soft);
        font-weight: 400;
        background: var(--mut-break);
      }
      @media (max-width: 640px) {
        table,
        thead,
        tbody,
        tr,
        th,
        td {
          display: block;
        }
        thead {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0 0 0 0);
        }
        tr {
          padding: var(--mut-space-3) 0;
          border-bottom: 1px solid var(--mut-line);
        }
        tbody th,
        td,
        td.minutes {
          width: auto;
          text-align: left;
          border: 0;
          padding: 0 var(--mut-space-3);
        }
        tr.break {
          background: var(--mut-break);
        }
        .unit {
          position: static;
          width: auto;
          height: auto;
          overflow: visible;
          clip: auto;
        }
      }
      @media print {
        .sheet {
          max-width: none;
        }
        table {
          background: none;
        }
        tr {
          break-inside: avoid;
        }
        th,
        td {
          padding: var(--mut-space-2) var(--mut-space-3);
          border-bottom-color: #777;
        }
        tr.break td,
        tr.break th {
          background: none;
          font-style: italic;
        }
      }
    `,
  ];

  protected readonly pageName = 'Agenda';

  protected renderDay({ course, day, dayCount }: DayOfCourse) {
    return html`
      <article class="sheet">
        <p class="eyebrow">${course.title}${course.version ? ` · version ${course.version}` : ''}</p>
        <h1>Day ${day.number} of ${dayCount}: ${day.title}</h1>
        <p class="hours"><time>${day.starts}</time> to <time>${day.ends}</time></p>
        <table>
          <caption class="visually-hidden">
            The agenda for day ${day.number}
          </caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">What we do</th>
              <th scope="col" class="minutes">Minutes</th>
            </tr>
          </thead>
          <tbody>
            ${placeSlots(day).map(
              ({ slot, ends }) => html`<tr class=${slot.kind}>
                <th scope="row"><time>${slot.at}</time>–<time>${ends}</time></th>
                <td>
                  <strong>${slot.title}</strong>
                  ${slot.summary ? html`<p>${slot.summary}</p>` : nothing}
                </td>
                <td class="minutes">${slot.minutes}<span class="unit"> minutes</span></td>
              </tr>`,
            )}
          </tbody>
        </table>
      </article>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-day-agenda': MutDayAgenda;
  }
}
