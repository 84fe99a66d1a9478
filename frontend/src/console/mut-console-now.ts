import { css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PinnedDay, PinnedSlot } from '../cohort/types';
import { durationWords } from '../curricula/curriculum';
import { spentOnSlot } from '../live/room-state';
import { activityNow } from '../live/room-words';
import { renderMarkdown } from '../shared/markdown';
import { shared } from '../shared/styles/shared';
import { ConsolePanel, panelBase } from './console-panel';
import { liveStyles } from '../room/live-common';

const minutes = (seconds: number) => Math.round(seconds / 60);

/** The console's "Now": the slot under way, time planned and spent, the activity running, and the module's notes (folded away until opened). */
@customElement('mut-console-now')
export class MutConsoleNow extends ConsolePanel {
  static styles = [
    shared,
    liveStyles,
    panelBase,
    css`
      .now .slot {
        font-size: var(--mut-text-xl);
        font-weight: 700;
        margin-bottom: var(--mut-space-1);
        overflow-wrap: anywhere;
      }
      .now .activity {
        font-weight: 600;
        color: var(--mut-primary-strong);
        margin: var(--mut-space-1) 0;
      }
      details.notes-box {
        margin-top: var(--mut-space-4);
        border-top: 1px solid var(--mut-line);
        padding-top: var(--mut-space-3);
      }
      details.notes-box summary {
        cursor: pointer;
        font-weight: 700;
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      .notes {
        max-width: 70ch;
      }
      .notes ul,
      .notes ol {
        padding-left: var(--mut-space-6);
      }
      .notes blockquote {
        margin: 0 0 var(--mut-space-4);
        padding: var(--mut-space-2) var(--mut-space-4);
        border-left: 4px solid var(--mut-primary);
        background: var(--mut-calm);
      }
      .notes h3,
      .notes h4 {
        font-size: var(--mut-text-md);
        margin-top: var(--mut-space-4);
      }
    `,
  ];

  /** the day's plan, when the curriculum has loaded */
  @property({ attribute: false }) day?: PinnedDay;

  private readonly notesCache = new Map<string, TemplateResult>();

  private notes(id: string, source: string): TemplateResult {
    let cached = this.notesCache.get(id);
    if (!cached) {
      cached = renderMarkdown(source, { topLevel: 3 });
      this.notesCache.set(id, cached);
    }
    return cached;
  }

  render() {
    const s = this.state;
    const current = s?.agenda.current;
    const slot: PinnedSlot | undefined = current ? this.day?.agenda[current.slot] : undefined;
    const module = slot?.module;
    const activity = activityNow(s);
    return html`<section class="card now" aria-labelledby="now-title">
      <h2 id="now-title">Now</h2>
      <p class="slot">${current?.title ?? 'Not started yet'}</p>
      ${activity ? html`<p class="activity" data-test="now-activity">${activity}</p>` : nothing}
      ${
        current && s
          ? html`<p class="meta">
            ${slot ? html`Planned ${durationWords(slot.minutes)} · ` : nothing}spent
            ${durationWords(minutes(spentOnSlot(s, current.slot, this.now)))}
          </p>`
          : this.practice
            ? nothing
            : html`<p class="meta">When you begin, choose “Move to” on the first slot of the agenda.</p>`
      }
      ${
        module
          ? html`<details class="notes-box">
            <summary>Facilitator notes: ${module.title}</summary>
            <div class="notes">
              ${module.facilitatorNotes?.trim() ? this.notes(module.id, module.facilitatorNotes) : html`<p>No notes for this module.</p>`}
            </div>
          </details>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-console-now': MutConsoleNow;
  }
}
