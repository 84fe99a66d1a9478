import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CourseDay } from './types';
import { categoryWords, durationWords, legendFor, listWords, placeSlots, taskWords, type PlacedSlot } from './curriculum';
import { modulePath } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { cssProps } from '../shared/css-props';

/**
 * One training day as a timeline: a bar where every module and break takes room in
 * proportion to its minutes, coloured by the module's first task, with a legend; and the
 * same slots as an ordered list, which is what screen readers and narrow screens read.
 */
@customElement('mut-day-timeline')
export class MutDayTimeline extends LitElement {
  static styles = [
    shared,
    css`
      .bar {
        display: flex;
        width: 100%;
        min-height: 5.5rem;
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
        overflow: hidden;
        background: var(--mut-surface);
      }
      .seg {
        flex: 0 0 auto;
        min-width: 0;
        overflow: hidden;
        display: flex;
        flex-direction: column;
        gap: 2px;
        padding: var(--mut-space-2) var(--mut-space-1) var(--mut-space-2) var(--mut-space-2);
        border-top: 5px solid var(--edge);
        border-right: 1px solid var(--mut-surface);
        background: var(--fill);
        color: var(--mut-ink);
        font-size: var(--mut-text-sm);
        line-height: 1.25;
      }
      .seg:last-child {
        border-right: 0;
      }
      .seg .time {
        font-variant-numeric: tabular-nums;
        font-weight: 600;
      }
      .seg .time,
      .seg .title {
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      /* a slot too narrow for words keeps its time, smaller; its title is in the list below */
      .seg.narrow {
        padding: var(--mut-space-2) 2px;
        font-size: 0.6875rem;
        text-align: center;
      }
      .seg.narrow .title {
        display: none;
      }
      .seg.narrow .time {
        text-overflow: clip;
      }
      /* titles wrap onto up to three lines, then end in an ellipsis */
      .seg:not(.narrow) .title {
        white-space: normal;
        overflow-wrap: anywhere;
        display: -webkit-box;
        -webkit-line-clamp: 3;
        -webkit-box-orient: vertical;
      }
      .connection {
        --fill: var(--mut-task-connection);
        --edge: var(--mut-task-connection-edge);
      }
      .worldview {
        --fill: var(--mut-task-worldview);
        --edge: var(--mut-task-worldview-edge);
      }
      .mutuality {
        --fill: var(--mut-task-mutuality);
        --edge: var(--mut-task-mutuality-edge);
      }
      .moving-towards {
        --fill: var(--mut-task-moving-towards);
        --edge: var(--mut-task-moving-towards-edge);
      }
      .other {
        --fill: var(--mut-task-other);
        --edge: var(--mut-task-other-edge);
      }
      .break {
        --fill: var(--mut-break);
        --edge: var(--mut-break-edge);
        background-image: repeating-linear-gradient(
          135deg,
          transparent 0 6px,
          rgb(154 148 135 / 18%) 6px 8px
        );
        color: var(--mut-ink-soft);
      }
      .legend {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2) var(--mut-space-4);
        margin: var(--mut-space-3) 0 0;
        padding: 0;
        font-size: var(--mut-text-sm);
      }
      .legend li {
        display: inline-flex;
        align-items: center;
        gap: var(--mut-space-2);
      }
      .swatch {
        width: 1.25rem;
        height: 0.875rem;
        border-top: 4px solid var(--edge);
        background: var(--fill);
        border-radius: 2px;
        outline: 1px solid var(--mut-line);
      }
      ol.slots {
        list-style: none;
        margin: var(--mut-space-6) 0 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-2);
      }
      ol.slots li {
        display: grid;
        grid-template-columns: 8.5rem minmax(0, 1fr);
        gap: var(--mut-space-1) var(--mut-space-4);
        padding: var(--mut-space-3) var(--mut-space-4);
        border-left: 5px solid var(--edge);
        background: var(--mut-surface);
        border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
      }
      ol.slots li.break {
        background: var(--mut-break);
      }
      ol.slots .when {
        font-variant-numeric: tabular-nums;
        color: var(--mut-ink-soft);
      }
      ol.slots .when span {
        display: block;
        font-size: var(--mut-text-sm);
      }
      ol.slots .what {
        min-width: 0;
        overflow-wrap: anywhere;
      }
      ol.slots .what > * {
        margin: 0;
      }
      ol.slots .what > * + * {
        margin-top: var(--mut-space-1);
      }
      ol.slots .tasks {
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      ol.slots a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
      }
      /* on a phone the bar stands upright: each slot's height follows its minutes */
      @media (max-width: 640px) {
        .bar {
          flex-direction: column;
          min-height: 0;
        }
        .seg {
          width: 100% !important;
          height: calc(var(--minutes) * 0.11rem);
          min-height: 1.5rem;
          flex-direction: row;
          align-items: center;
          gap: var(--mut-space-2);
          padding: 0 var(--mut-space-2);
          border-top: 0;
          border-left: 5px solid var(--edge);
          border-right: 0;
          border-bottom: 1px solid var(--mut-surface);
        }
        .seg:not(.narrow) .title {
          -webkit-line-clamp: 2;
        }
        .seg .time {
          flex: 0 0 auto;
        }
        .seg.narrow {
          padding: 0 var(--mut-space-2);
          font-size: var(--mut-text-sm);
          text-align: left;
        }
        .seg.narrow .title {
          display: block;
        }
        ol.slots li {
          grid-template-columns: 1fr;
        }
        ol.slots .when span {
          display: inline;
        }
      }
      @media print {
        .bar,
        .swatch,
        ol.slots li {
          print-color-adjust: exact;
          -webkit-print-color-adjust: exact;
        }
        ol.slots li {
          break-inside: avoid;
        }
      }
    `,
  ];

  @property({ attribute: false }) day?: CourseDay;
  /** Signed-in trainers get a link from each module to its facilitator notes. */
  @property({ type: Boolean }) notes = false;

  render() {
    const day = this.day;
    if (!day) return nothing;
    const placed = placeSlots(day);
    return html`
      <div class="visual" aria-hidden="true">
        <div class="bar">${placed.map((p) => this.segment(p))}</div>
        <ul class="legend">
          ${legendFor(day).map((c) => html`<li><span class="swatch ${c}"></span>${categoryWords(c)}</li>`)}
        </ul>
      </div>
      <ol class="slots" aria-label="Day ${day.number}, slot by slot">
        ${placed.map((p) => this.item(p))}
      </ol>
    `;
  }

  private segment(p: PlacedSlot) {
    const { slot } = p;
    return html`<div
      class="seg ${p.category} ${p.share < 0.06 ? 'narrow' : ''}"
      data-minutes=${slot.minutes}
      title="${slot.at}–${p.ends} ${slot.title} (${durationWords(slot.minutes)})"
      ${cssProps({ width: p.width, '--minutes': String(slot.minutes) })}
    >
      <span class="time">${slot.at}</span>
      <span class="title">${slot.title}</span>
    </div>`;
  }

  private item(p: PlacedSlot) {
    const { slot } = p;
    const isBreak = slot.kind === 'break';
    return html`<li class=${p.category} data-minutes=${slot.minutes}>
      <p class="when">
        <time>${slot.at}</time>–<time>${p.ends}</time>
        <span>${durationWords(slot.minutes)}</span>
      </p>
      <div class="what">
        <p><strong>${slot.title}</strong>${isBreak ? html`<span class="visually-hidden"> (a break)</span>` : nothing}</p>
        ${
          !isBreak && slot.tasks.length
            ? html`<p class="tasks">${slot.tasks.length === 1 ? 'Task' : 'Tasks'}: ${listWords(slot.tasks.map(taskWords))}</p>`
            : nothing
        }
        ${slot.summary ? html`<p>${slot.summary}</p>` : nothing}
        ${
          this.notes && slot.moduleId
            ? html`<p class="no-print">
              <a href=${modulePath(slot.moduleId)}>Facilitator notes<span class="visually-hidden"> for ${slot.title}</span></a>
            </p>`
            : nothing
        }
      </div>
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-day-timeline': MutDayTimeline;
  }
}
