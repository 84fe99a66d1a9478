import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { curriculaApi } from '../curricula/api';
import type { Activity, CurriculumModule, Reframe } from '../curricula/types';
import { humanise } from '../curricula/curriculum';
import { saveTextFile } from '../shared/download';
import type { ReframeMode } from '../live/protocol';
import { boardColumns, boardText, statementText, type BoardEntry, type ReframeExercise } from '../live/reframe-state';
import type { RoomState } from '../live/room-state';
import { shared } from '../shared/styles/shared';
import { focusAfterUpdate } from '../shared/fields';
import '../shared/mut-confirm';
import './mut-card-picker';
import { pickerStyles, type PickerCard, type PickerFacet } from './mut-card-picker';
import { activityStyles, CommandRunner, type SendCommand } from '../room/activity-common';
import { liveStyles } from '../room/live-common';
import { load, loading, type Loadable } from '../shared/loadable';

const MAX_STATEMENTS = 10;
const MAX_STATEMENT_LENGTH = 300;

/** The reframing activity of a module, if it has one. */
export function reframeActivity(module: CurriculumModule | null | undefined): Activity | undefined {
  return module?.activities?.find((a) => a.kind === 'reframe');
}

/** How a facilitator narrows the reframing bank. */
export const REFRAME_FACETS: PickerFacet[] = [{ key: 'pattern', label: 'Pattern', any: 'Any pattern', words: humanise }];

/** The reframing bank as cards for the picker: each previews the bank's example rewrites. */
export function reframeCards(reframes: readonly Reframe[]): PickerCard[] {
  return reframes.map((r) => ({
    id: r.id,
    title: r.statement,
    detail: `${humanise(r.pattern)}${r.rewrites.length ? ' · has example rewrites' : ''}`,
    facets: { pattern: [r.pattern] },
    text: r.rewrites.join(' '),
    preview: () =>
      html`<p class="meta">${humanise(r.pattern)}</p>
        ${
          r.rewrites.length
            ? html`<h4>Ways to ask “what happened?” instead</h4>
              <ul>
                ${r.rewrites.map((w) => html`<li>${w}</li>`)}
              </ul>`
            : html`<p class="muted">No example rewrites in the bank.</p>`
        }`,
  }));
}

/** The facilitator's own statements, one a line, without blank lines. */
export function ownStatements(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * The facilitator's side of the "what happened?" exercise: launch it with statements from the
 * bank and/or one's own, solo or in pairs; reveal; the shared board with Highlight per entry,
 * the bank's example rewrites, and a quiet sign where someone found an entry opening (never a
 * count, never an order); close; copy or download the board.
 */
@customElement('mut-reframe-console')
export class MutReframeConsole extends LitElement {
  static styles = [
    shared,
    liveStyles,
    activityStyles,
    pickerStyles,
    css`
      .module-offer {
        padding: var(--mut-space-3) var(--mut-space-4);
        background: var(--mut-calm);
        border-radius: var(--mut-radius-sm);
      }
      .module-offer p {
        margin: 0;
      }
      ol.statements {
        margin: 0;
        padding-left: var(--mut-space-6);
        display: grid;
        gap: var(--mut-space-2);
      }
      ol.statements li {
        overflow-wrap: anywhere;
      }
      ol.statements .pattern {
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        margin-left: var(--mut-space-2);
      }
      .pairs li {
        padding: var(--mut-space-2) 0;
        border-bottom: 1px solid var(--mut-line);
      }
      .pairs p {
        margin: 0;
      }
      .entry .actions {
        margin-top: var(--mut-space-1);
      }
      .board-tools {
        margin: var(--mut-space-3) 0;
      }
    `,
  ];

  @property({ attribute: false }) state?: RoomState;
  @property({ attribute: false }) send?: SendCommand;
  @property({ attribute: false }) module?: CurriculumModule | null;
  @property({ type: Boolean }) ended = false;

  @state() private bank: Loadable<Reframe[]> = { state: 'loading' };
  private readonly commands = new CommandRunner(this, () => this.send);
  @state() private chosen: string[] = [];
  @state() private own = '';
  @state() private mode: ReframeMode = 'solo';
  @state() private confirmingClose = false;
  @state() private copied?: string;

  private bankRequested = false;
  private prefilledFor?: string;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (!this.bankRequested) {
      this.bankRequested = true;
      load(() => curriculaApi.reframes()).then((bank) => (this.bank = bank));
    }
    if (changed.has('module')) {
      const activity = reframeActivity(this.module);
      const id = activity ? this.module!.id : undefined;
      if (id !== this.prefilledFor) {
        this.prefilledFor = id;
        if (activity) this.chosen = [...(activity.cards ?? [])].slice(0, MAX_STATEMENTS);
      }
    }
  }

  render() {
    const x = this.state?.reframe;
    const open = x && x.phase !== 'closed';
    return html`<section class="card activity reframe-console" aria-labelledby="rfc-title" data-test="reframe-console">
      <h2 id="rfc-title">Reframing: what happened?</h2>
      ${open ? this.renderRunning(x) : nothing}
      ${x && x.phase === 'closed' ? this.renderClosed(x) : nothing}
      ${!open ? (this.ended ? html`<p class="muted">The room is closed.</p>` : this.renderLaunch()) : nothing}
      ${this.commands.problem ? html`<p class="notice" role="alert" data-problem="reframe">${this.commands.problem}</p>` : nothing}
    </section>`;
  }

  /* ---- launching ---- */

  private renderLaunch() {
    const activity = reframeActivity(this.module);
    const lines = ownStatements(this.own);
    const total = this.chosen.length + lines.length;
    return html`<form class="grid launch" novalidate data-test="reframe-launch" @submit=${this.launch}>
      ${
        activity && this.module
          ? html`<div class="module-offer">
            <p><strong>${this.module.title}</strong> has a reframing exercise${activity.cards?.length ? '; its statements are chosen below' : ''}.</p>
          </div>`
          : html`<p class="hint">People rewrite “what’s wrong” statements as “what happened?”, privately, then choose whether to share.</p>`
      }
      ${this.renderBankPicker()}
      <div>
        <label for="rf-own">Your own statements (optional, one a line)</label>
        <textarea
          id="rf-own"
          data-test="reframe-own-statements"
          rows="3"
          .value=${live(this.own)}
          @input=${(e: InputEvent) => (this.own = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p class="hint">Up to ${MAX_STATEMENT_LENGTH} characters each.</p>
      </div>
      <fieldset>
        <legend>How people work</legend>
        <div class="radios stacked">
          ${(['solo', 'pairs'] as ReframeMode[]).map(
            (m) => html`<label>
              <input
                type="radio"
                name="rf-mode"
                value=${m}
                data-test="reframe-mode"
                .checked=${live(this.mode === m)}
                @change=${() => (this.mode = m)}
              />
              <span
                >${m === 'solo' ? 'On their own' : 'In pairs'}<span class="hint"
                  >${
                    m === 'solo'
                      ? 'Everyone rewrites each statement on their own.'
                      : 'Each person holds a statement, puts it in their own words if they like, and their partner rewrites it. With no statements chosen, everyone writes their own.'
                  }</span
                ></span
              >
            </label>`,
          )}
        </div>
      </fieldset>
      <p class="hint" role="status">${total} ${total === 1 ? 'statement' : 'statements'} (1 to ${MAX_STATEMENTS}${this.mode === 'pairs' ? ', or none in pairs' : ''}).</p>
      <div>
        <button class="button" type="submit" data-test="reframe-launch-submit" ?disabled=${this.commands.busy.has('launch')}>
          ${activity ? 'Start reframing' : 'Launch reframing'}
        </button>
      </div>
    </form>`;
  }

  private renderBankPicker() {
    const bank = this.bank;
    if (bank.state === 'loading') return loading('the reframing bank');
    if (bank.state === 'failed')
      return html`<p class="notice">The reframing bank could not be loaded. You can write your own statements.</p>`;
    return html`<mut-card-picker
      .cards=${reframeCards(bank.value)}
      .facets=${REFRAME_FACETS}
      .chosen=${this.chosen}
      max=${MAX_STATEMENTS}
      noun="statement"
      nouns="statements"
      test="reframe-bank-statement"
      @chosen-change=${(e: CustomEvent<string[]>) => (this.chosen = e.detail)}
    ></mut-card-picker>`;
  }

  /** Opens the statement search (the console's "open the picker" key). */
  async openPicker(): Promise<boolean> {
    const picker = this.renderRoot.querySelector('mut-card-picker');
    if (!picker) return false;
    await picker.openPicker();
    return true;
  }

  private async launch(event: Event) {
    event.preventDefault();
    const statements = ownStatements(this.own);
    const total = this.chosen.length + statements.length;
    if (statements.some((s) => s.length > MAX_STATEMENT_LENGTH)) {
      this.commands.say(`Each statement can be up to ${MAX_STATEMENT_LENGTH} characters.`);
      return;
    }
    if (total > MAX_STATEMENTS) {
      this.commands.say(`Choose at most ${MAX_STATEMENTS} statements in all.`);
      return;
    }
    if (total === 0 && this.mode !== 'pairs') {
      this.commands.say('Choose at least one statement from the bank, or write one.');
      return;
    }
    const ok = await this.commands.run('launch', {
      type: 'reframe.launch',
      ...(this.chosen.length ? { reframeIds: [...this.chosen] } : {}),
      ...(statements.length ? { statements } : {}),
      mode: this.mode,
    });
    if (ok) this.own = '';
  }

  /* ---- running ---- */

  private renderRunning(x: ReframeExercise) {
    return html`
      <p class="meta">${x.mode === 'pairs' ? 'In pairs' : 'On their own'} · ${x.phase === 'writing' ? 'Writing' : 'The board is revealed'}</p>
      ${this.renderStatements(x)} ${x.mode === 'pairs' ? this.renderPairs(x) : nothing}
      ${
        x.phase === 'writing'
          ? html`<p class="hint">Until you reveal, every rewrite stays with the person who wrote it. After, each person chooses whether to share.</p>
            <div class="actions">
              <button
                class="button"
                type="button"
                data-test="reframe-reveal"
                ?disabled=${this.commands.busy.has('reveal')}
                @click=${() => this.commands.run('reveal', { type: 'reframe.reveal', exerciseId: x.id })}
              >
                Reveal the board
              </button>
            </div>`
          : this.renderBoard(x, true)
      }
      <div class="actions board-tools">
        <button
          class="button secondary"
          type="button"
          data-test="reframe-close"
          aria-expanded=${this.confirmingClose ? 'true' : 'false'}
          @click=${() => (this.confirmingClose = !this.confirmingClose)}
        >
          Close the exercise
        </button>
      </div>
      ${
        this.confirmingClose
          ? html`<mut-confirm
            confirm-test="reframe-close-confirm"
            confirm-label="Close the exercise"
            keep-label="Not yet"
            @confirm=${async () => {
              this.confirmingClose = false;
              await this.commands.run('close', { type: 'reframe.close', exerciseId: x.id });
            }}
            @keep=${async () => {
              this.confirmingClose = false;
              await focusAfterUpdate(this, '[data-test="reframe-close"]');
            }}
          >
            <p>Close the exercise? The board stays on screen; nobody can share or take back anything after.</p>
          </mut-confirm>`
          : nothing
      }
    `;
  }

  private renderStatements(x: ReframeExercise) {
    if (!x.statements.length) return html`<p class="muted">Everyone writes their own statement.</p>`;
    return html`<h3>Statements</h3>
      <ol class="statements" data-test="reframe-statements">
        ${x.statements.map(
          (s) => html`<li data-test="reframe-statement" data-statement=${s.statementId}>
            ${s.text}${s.pattern ? html`<span class="pattern">${humanise(s.pattern)}</span>` : nothing}
            ${
              s.hasExamples && !x.examples[s.statementId]
                ? html`<button
                  class="quiet"
                  type="button"
                  data-test="reframe-examples"
                  data-statement=${s.statementId}
                  ?disabled=${this.commands.busy.has(`examples:${s.statementId}`)}
                  @click=${() => this.commands.run(`examples:${s.statementId}`, { type: 'reframe.examples', exerciseId: x.id, statementId: s.statementId })}
                >
                  Show example rewrites
                </button>`
                : nothing
            }
          </li>`,
        )}
      </ol>`;
  }

  private renderPairs(x: ReframeExercise) {
    if (!x.pairs.length) return html`<p class="muted">Pairs are being made.</p>`;
    return html`<h3>Pairs</h3>
      <ul class="plain pairs" aria-label="Pairs">
        ${x.pairs.map(
          (p) => html`<li data-pair=${p.pairId}>
            <p><strong>${p.members.map((m) => m.name).join(' and ')}</strong></p>
            ${p.members.map((m) => {
              const text = statementText(x, m.holds);
              return html`<p class="status-line">${m.name} holds: ${text ? `“${text}”` : 'not written yet'}</p>`;
            })}
          </li>`,
        )}
      </ul>`;
  }

  private renderBoard(x: ReframeExercise, editable: boolean) {
    const columns = boardColumns(x);
    return html`<h3>The shared board</h3>
      <p class="hint">A small dot marks an entry someone found opening. It says nothing about how many, or who.</p>
      <div class="board" data-test="reframe-board">
        ${columns.map(
          (c) => html`<section class="board-column" data-statement=${c.statementId} aria-label="Rewrites of a statement">
            <p class="original"><span class="label">What's wrong</span>${c.text ?? 'A statement one of the pairs held'}</p>
            ${
              c.entries.length
                ? html`<ul class="entries-row">
                  ${c.entries.map((e) => this.renderEntry(x, e, editable))}
                </ul>`
                : html`<p class="muted">Nothing shared for this one yet.</p>`
            }
            ${
              x.examples[c.statementId]?.length
                ? html`<div class="examples" data-test="reframe-examples-list">
                  <h4>Example rewrites from the bank</h4>
                  <ul>
                    ${x.examples[c.statementId].map((t) => html`<li>${t}</li>`)}
                  </ul>
                </div>`
                : nothing
            }
          </section>`,
        )}
      </div>
      <div class="actions board-tools">
        <button class="button secondary" type="button" data-test="reframe-copy-board" @click=${() => this.copyBoard(x)}>Copy the board</button>
        <button class="button secondary" type="button" data-test="reframe-download-board" @click=${() => saveTextFile('what-happened-board.txt', boardText(x))}>
          Download as text
        </button>
        <span role="status" class="hint">${this.copied ?? ''}</span>
      </div>`;
  }

  private renderEntry(x: ReframeExercise, e: BoardEntry, editable: boolean) {
    const key = `highlight:${e.entryId}`;
    return html`<li class="entry ${e.highlighted ? 'highlighted' : ''}" data-test="reframe-entry" data-entry=${e.entryId}>
      ${e.highlighted ? html`<p class="highlight-tag">Highlighted</p>` : nothing}
      <p class="text">${e.text}</p>
      <p class="who">${e.anonymous || !e.name ? 'Shared without a name' : `— ${e.name}`}</p>
      ${
        e.resonated
          ? html`<p class="opened" data-test="reframe-resonated"><span aria-hidden="true">●</span> Opened something for someone</p>`
          : nothing
      }
      ${
        editable
          ? html`<div class="actions">
            <button
              class="quiet"
              type="button"
              data-test="reframe-highlight"
              aria-pressed=${e.highlighted ? 'true' : 'false'}
              ?disabled=${this.commands.busy.has(key)}
              @click=${() => this.commands.run(key, { type: 'reframe.highlight', exerciseId: x.id, entryId: e.entryId, on: !e.highlighted })}
            >
              ${e.highlighted ? 'Remove the highlight' : 'Highlight'}
            </button>
          </div>`
          : nothing
      }
    </li>`;
  }

  private async copyBoard(x: ReframeExercise) {
    try {
      await navigator.clipboard.writeText(boardText(x));
      this.copied = 'The board is copied.';
    } catch {
      this.copied = 'Copying did not work here; use “Download as text” instead.';
    }
  }

  private renderClosed(x: ReframeExercise) {
    return html`<p class="notice calm" role="status">The exercise has closed. The day's summary keeps the board too.</p>
      ${this.renderBoard(x, false)}
      <h3>Another exercise</h3>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-reframe-console': MutReframeConsole;
  }
}
