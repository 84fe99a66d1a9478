import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PinnedCurriculum, PinnedDay } from '../cohort/types';
import { spentOnSlot, type RoomState } from '../live/room-state';
import { shared } from '../shared/styles/shared';
import { ConsolePanel, panelBase } from './console-panel';
import { cssProps } from '../shared/css-props';
import { liveStyles } from '../room/live-common';
import { failed, loading, type Loadable } from '../shared/loadable';

const minutes = (seconds: number) => Math.round(seconds / 60);

/** How far through the day's plan the room is, 0..1: slots before the current one, and the current one so far. */
export function dayProgress(day: PinnedDay, state: RoomState, now: number): number {
  const total = day.agenda.reduce((sum, s) => sum + Math.max(0, s.minutes), 0);
  const current = state.agenda.current;
  if (!total || !current) return 0;
  const before = day.agenda.slice(0, current.slot).reduce((sum, s) => sum + Math.max(0, s.minutes), 0);
  const slot = day.agenda[current.slot];
  const within = slot ? Math.min(slot.minutes, spentOnSlot(state, current.slot, now) / 60) : 0;
  return Math.min(1, (before + within) / total);
}

/** The console's agenda, in a side panel that folds away: the day's slots, time planned and spent, progress, and moving the room on. */
@customElement('mut-console-agenda')
export class MutConsoleAgenda extends ConsolePanel {
  static styles = [
    shared,
    liveStyles,
    panelBase,
    css`
      details > summary {
        cursor: pointer;
        list-style-position: outside;
        min-height: 44px;
        display: flex;
        align-items: center;
        gap: var(--mut-space-2);
      }
      details > summary h2 {
        margin: 0;
        font-size: var(--mut-text-lg);
      }
      ol.slots {
        list-style: none;
        margin: var(--mut-space-4) 0 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-1);
      }
      ol.slots li {
        display: grid;
        grid-template-columns: 3.25rem minmax(0, 1fr) auto;
        gap: 0 var(--mut-space-2);
        align-items: center;
        padding: var(--mut-space-1) var(--mut-space-2);
        border-left: 4px solid var(--mut-line);
        border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
      }
      ol.slots li.break {
        background: var(--mut-break);
      }
      ol.slots li.current {
        border-left-color: var(--mut-primary);
        background: var(--mut-calm);
      }
      ol.slots .at {
        font-variant-numeric: tabular-nums;
        color: var(--mut-ink-soft);
        font-size: var(--mut-text-sm);
      }
      ol.slots .title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      ol.slots .mins {
        display: block;
        font-weight: 400;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      ol.slots .over {
        color: var(--mut-accent);
      }
      .progress {
        height: 0.75rem;
        background: var(--mut-break);
        border-radius: 999px;
        overflow: hidden;
        margin-top: var(--mut-space-2);
      }
      .progress .fill {
        display: block;
        height: 100%;
        width: var(--progress, 0%);
        background: var(--mut-primary);
      }
    `,
  ];

  @property({ attribute: false }) curriculum: Loadable<PinnedCurriculum> = { state: 'loading' };
  @property({ type: Number }) dayNumber = 0;

  private get day(): PinnedDay | undefined {
    return this.curriculum.state === 'ready' ? this.curriculum.value.days.find((d) => d.number === this.dayNumber) : undefined;
  }

  private frame(body: unknown) {
    return html`<section class="card agenda" aria-labelledby="agenda-title">
      <details open>
        <summary><h2 id="agenda-title">Today's agenda</h2></summary>
        ${body}
      </details>
    </section>`;
  }

  render() {
    const curriculum = this.curriculum;
    if (curriculum.state === 'loading') return this.frame(loading("the day's agenda"));
    const day = this.day;
    if (curriculum.state === 'failed' || !day) {
      return this.frame(
        failed(curriculum.state === 'failed' ? curriculum.message : `The cohort's curriculum has no day ${this.dayNumber}.`),
      );
    }
    const s = this.state;
    const now = this.now;
    const current = s?.agenda.current;
    const percent = Math.round((s ? dayProgress(day, s, now) : 0) * 100);
    return this.frame(html`
      <p class="meta">${day.title} · ${day.starts}–${day.ends}</p>
      <div
        class="progress"
        role="progressbar"
        aria-label="Through the day's plan"
        aria-valuemin="0"
        aria-valuemax="100"
        aria-valuenow=${percent}
      >
        <span class="fill" ${cssProps({ '--progress': `${percent}%` })}></span>
      </div>
      <p class="hint">About ${percent}% through the day's plan.</p>
      <ol class="slots">
        ${day.agenda.map((slot, i) => {
          const isCurrent = current?.slot === i;
          const spent = s ? minutes(spentOnSlot(s, i, now)) : 0;
          const over = spent > slot.minutes;
          return html`<li class="${slot.kind} ${isCurrent ? 'current' : ''}" aria-current=${isCurrent ? 'step' : 'false'} data-slot=${i}>
            <span class="at">${slot.at}</span>
            <span class="title"
              >${slot.title}
              <span class="mins ${over ? 'over' : ''}"
                >planned ${slot.minutes} min${spent || isCurrent ? html` · spent ${spent} min` : ''}</span
              ></span
            >
            ${
              isCurrent
                ? html`<span class="badge">Now</span>`
                : this.ended
                  ? html`<span></span>`
                  : html`<button
                    class="quiet"
                    type="button"
                    data-move=${i}
                    ?disabled=${this.isBusy(`move:${i}`)}
                    @click=${() => this.run('agenda', `move:${i}`, { type: 'agenda.move', slot: i })}
                  >
                    Move to<span class="visually-hidden"> ${slot.title}</span>
                  </button>`
            }
          </li>`;
        })}
      </ol>
      ${this.problem('agenda')}
    `);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-console-agenda': MutConsoleAgenda;
  }
}
