import { css, html, nothing } from 'lit';
import { RoomDaySection } from './room-day-section';
import { customElement, property, state } from 'lit/decorators.js';
import { consoleApi } from './api';
import type { DaySummary, SummaryCheckin, SummaryReframe, SummaryReframeStatement, SummaryRoleplay } from './types';
import { saveJsonFile } from '../shared/download';
import { formatClock } from '../shared/format';
import type { EnergySpread } from '../live/room-state';
import { ENERGY_LEVELS, checkinWord, energyWords, visibilityWords } from '../live/room-words';
import { shared } from '../shared/styles/shared';
import { energyChart, liveStyles } from '../room/live-common';
import { failed, loading } from '../shared/loadable';

/** "1 participant came", "3 participants came". */
export const cameWords = (n: number) => (n === 1 ? '1 participant came' : `${n} participants came`);

/** The file the summary is saved as. */
export const summaryFilename = (day: number) => `mutuality-day-${day}-summary.json`;

function spreadOf(energy: Record<string, number> | null | undefined): EnergySpread | undefined {
  if (!energy) return undefined;
  const spread = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as EnergySpread;
  for (const level of ENERGY_LEVELS) spread[level] = Number(energy[String(level)] ?? 0) || 0;
  return spread;
}

/**
 * The end-of-day summary for facilitators: the agenda as it ran, each check-in and check-out
 * with what was shared with everyone, the "what happened?" rewrites shared with the room, what
 * the role-play groups shared, and the notes shown to the room. Only what the whole room saw,
 * and it can be saved as a JSON file. Rewrites are neither counted nor ranked.
 */
@customElement('mut-day-summary')
export class MutDaySummary extends RoomDaySection<DaySummary> {
  static styles = [
    shared,
    liveStyles,
    css`
      :host {
        display: block;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--mut-space-2) var(--mut-space-4);
      }
      .head h2 {
        margin: 0;
      }
      h3 {
        font-size: var(--mut-text-md);
        margin-top: var(--mut-space-6);
      }
      ol.ran,
      ul.notes,
      ol.checkins {
        margin: 0;
        padding-left: var(--mut-space-6);
        display: grid;
        gap: var(--mut-space-2);
      }
      ol.checkins > li {
        padding-bottom: var(--mut-space-3);
        border-bottom: 1px solid var(--mut-line);
      }
      .meta {
        color: var(--mut-ink-soft);
        font-size: var(--mut-text-sm);
      }
      li {
        overflow-wrap: anywhere;
      }
      ol.reframing,
      ol.roleplays {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-4);
      }
      ul.statements {
        list-style: none;
        margin: var(--mut-space-2) 0 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-3);
      }
      li.summary-statement {
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
        padding: var(--mut-space-3) var(--mut-space-4);
      }
      .statement {
        font-weight: 600;
        margin: 0 0 var(--mut-space-2);
      }
      .statement .label {
        display: block;
        font-size: var(--mut-text-sm);
        font-weight: 400;
        color: var(--mut-ink-soft);
      }
      ul.rewrites {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: var(--mut-space-3);
      }
      ul.rewrites > li {
        display: flex;
        flex-direction: column;
        gap: var(--mut-space-1);
        padding: var(--mut-space-2) var(--mut-space-3);
        border-left: 4px solid var(--mut-primary);
        background: var(--mut-calm);
        border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
      }
      ul.rewrites .text,
      ul.shared .text {
        white-space: pre-wrap;
        margin: 0;
      }
      ul.rewrites .who,
      ul.rewrites .discussed {
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        margin: 0;
      }
      ul.rewrites .discussed {
        font-style: italic;
      }
      .examples {
        margin: var(--mut-space-3) 0 0;
        padding: var(--mut-space-2) var(--mut-space-3);
        border: 1px dashed var(--mut-line);
        border-radius: var(--mut-radius-sm);
      }
      .examples h4 {
        margin: 0 0 var(--mut-space-1);
        font-size: var(--mut-text-sm);
      }
      .examples ul {
        margin: 0;
        padding-left: var(--mut-space-6);
      }
      li.summary-roleplay {
        padding-bottom: var(--mut-space-3);
        border-bottom: 1px solid var(--mut-line);
      }
      li.summary-roleplay .title {
        font-weight: 600;
        margin: 0;
      }
      ul.shared {
        margin: var(--mut-space-2) 0 0;
        padding-left: var(--mut-space-6);
        display: grid;
        gap: var(--mut-space-2);
      }
      ul.shared .group {
        font-weight: 600;
      }
    `,
  ];

  /**
   * Participants this console has seen in the room today, and how many are here now, from the
   * room's own events: the count follows people arriving at once, without waiting for a reload.
   */
  @property({ type: Number }) seen = 0;
  @property({ type: Number }) here = -1;

  @state() private said?: string;

  protected readonly failureWords = 'The summary could not be loaded.';

  protected fetch() {
    return consoleApi.roomSummary(this.organisationId, this.cohortId, this.day);
  }

  private download(summary: DaySummary) {
    const name = summaryFilename(summary.dayNumber || this.day);
    saveJsonFile(name, summary);
    this.said = `Saved as ${name}.`;
  }

  render() {
    const summary = this.loaded;
    return html`<section class="card day-summary" aria-labelledby="summary-title">
      <div class="head">
        <h2 id="summary-title">End-of-day summary</h2>
        <button class="quiet" type="button" data-refresh ?disabled=${this.refreshing} @click=${() => this.refresh()}>
          Refresh<span class="visually-hidden"> the summary</span>
        </button>
      </div>
      <p class="only-shared">
        This summary contains only what the whole room saw: the agenda, the prompts, answers shared with everyone, the
        rewrites and role-play reflections shared with the room, and the notes shown to the room. Answers only facilitators saw, and anything people wrote for themselves, are not in it.
      </p>
      ${
        summary.state === 'loading'
          ? loading('the summary')
          : summary.state === 'failed'
            ? failed(summary.message)
            : this.renderSummary(summary.value)
      }
    </section>`;
  }

  private renderSummary(s: DaySummary) {
    return html`
      <p class="meta" data-test="summary-people">
        ${s.cohortTitle}, day ${s.dayNumber} · ${cameWords(Math.max(s.participants, this.seen))}${
          this.here >= 0 && !this.ended ? ` · ${this.here} here now` : ''
        }
      </p>
      <div class="actions">
        <button class="button secondary" type="button" data-download @click=${() => this.download(s)}>
          Download the summary
        </button>
      </div>
      <div role="status">${this.said ? html`<p class="hint">${this.said}</p>` : nothing}</div>

      <h3>The agenda as it ran</h3>
      ${
        s.agenda.length
          ? html`<ol class="ran">
            ${s.agenda.map(
              (a) => html`<li data-slot=${a.slot}>
                <span class="title">${a.title}</span>
                <span class="meta">
                  · started ${formatClock(a.startedAt)}${a.minutesSpent != null ? ` · ${a.minutesSpent} min spent` : ''}</span
                >
              </li>`,
            )}
          </ol>`
          : html`<p class="muted">The agenda was not started.</p>`
      }

      <h3>Check-ins and check-outs</h3>
      ${
        s.checkins.length
          ? html`<ol class="checkins">
            ${s.checkins.map((c) => this.renderCheckin(c))}
          </ol>`
          : html`<p class="muted">No check-ins or check-outs.</p>`
      }
      ${this.renderReframing(s.reframing ?? [])} ${this.renderRoleplays(s.roleplays ?? [])}

      <h3>Notes shown to the room</h3>
      ${
        s.notes.length
          ? html`<ul class="notes">
            ${s.notes.map(
              (n) => html`<li>
                ${n.text} <span class="meta">— ${n.by}, ${formatClock(n.at)}</span>
              </li>`,
            )}
          </ul>`
          : html`<p class="muted">No notes.</p>`
      }
    `;
  }

  /** The "what happened?" rewrites shared with the room, beside the statement they started from. */
  private renderReframing(reframing: SummaryReframe[]) {
    const exercises = reframing.filter((x) => x.statements?.length);
    if (!exercises.length) return nothing;
    return html`<section class="summary-reframing" aria-labelledby="summary-reframing-title">
      <h3 id="summary-reframing-title">What happened? rewrites</h3>
      <ol class="reframing">
        ${exercises.map(
          (x) => html`<li class="summary-reframe" data-mode=${x.mode}>
            <p class="meta">${formatClock(x.at)} · ${x.mode === 'pairs' ? 'in pairs' : 'each person on their own'}</p>
            <ul class="statements">
              ${x.statements.map((st) => this.renderStatement(st))}
            </ul>
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderStatement(st: SummaryReframeStatement) {
    const rewrites = st.rewrites ?? [];
    const examples = st.examples ?? [];
    return html`<li class="summary-statement">
      ${
        st.statement != null
          ? html`<p class="statement"><span class="label">What's wrong</span><span class="said">“${st.statement}”</span></p>`
          : html`<p class="statement held">Statements people held in pairs</p>`
      }
      ${
        rewrites.length
          ? html`<ul class="rewrites" aria-label="Rewrites shared with the room">
            ${rewrites.map(
              (r) => html`<li class=${r.highlighted ? 'rewrite highlighted' : 'rewrite'}>
                <p class="text">${r.text}</p>
                <p class="who">— ${r.name ? r.name : 'shared without a name'}</p>
                ${r.highlighted ? html`<p class="discussed">discussed</p>` : nothing}
              </li>`,
            )}
          </ul>`
          : nothing
      }
      ${
        examples.length
          ? html`<div class="examples">
            <h4>Examples from the bank</h4>
            <ul>
              ${examples.map((t) => html`<li>${t}</li>`)}
            </ul>
          </div>`
          : nothing
      }
    </li>`;
  }

  /** Each role-play with what each group agreed to share with the room. */
  private renderRoleplays(roleplays: SummaryRoleplay[]) {
    if (!roleplays.length) return nothing;
    return html`<section class="summary-roleplays" aria-labelledby="summary-roleplays-title">
      <h3 id="summary-roleplays-title">From the role-plays</h3>
      <ol class="roleplays">
        ${roleplays.map(
          (r) => html`<li class="summary-roleplay">
            <p class="title">${r.title}</p>
            <p class="meta">${formatClock(r.at)} · ${r.rounds === 1 ? '1 round' : `${r.rounds} rounds`}</p>
            ${
              r.shared?.length
                ? html`<ul class="shared" aria-label="What the groups shared with the room">
                  ${r.shared.map(
                    (g) => html`<li><span class="group">${g.group}:</span> <span class="text">${g.text}</span></li>`,
                  )}
                </ul>`
                : nothing
            }
          </li>`,
        )}
      </ol>
    </section>`;
  }

  private renderCheckin(c: SummaryCheckin) {
    const count = c.answers ?? c.sharedAnswers.length;
    const spread = spreadOf(c.energy);
    return html`<li class="summary-checkin">
      <p class="prompt">${checkinWord(c.closing)}: “${c.prompt}”</p>
      <p class="meta">${formatClock(c.at)} · ${visibilityWords(c.visibility)}</p>
      <p class="count">${count === 1 ? '1 answer' : `${count} answers`}</p>
      ${spread ? energyChart(spread) : nothing}
      ${
        c.sharedAnswers.length
          ? html`<ul class="answers">
            ${c.sharedAnswers.map(
              (a) => html`<li>
                ${a.name ? html`<span class="who">${a.name}</span>` : nothing}
                ${a.word ? html`<span class="word">${a.word}</span>` : nothing}${a.word && a.sentence ? ' — ' : nothing}${
                  a.sentence ? html`<span class="sentence">${a.sentence}</span>` : nothing
                }
                ${a.energy ? html`<span class="energy">Energy: ${energyWords(a.energy)}</span>` : nothing}
              </li>`,
            )}
          </ul>`
          : html`<p class="muted">No answers were shared with everyone.</p>`
      }
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-day-summary': MutDaySummary;
  }
}
