import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { Prompt } from '../curricula/types';
import type { CheckinMode, Visibility } from '../live/protocol';
import { lastClosed, nameOf, presentParticipants, type Checkin, type ClosedCheckin, type RoomState } from '../live/room-state';
import { checkinWord, modeWords, visibilityHint, visibilityWords } from '../live/room-words';
import { shared } from '../shared/styles/shared';
import { ConsolePanel, panelBase } from './console-panel';
import { answersList, energyChart, liveStyles } from '../room/live-common';

const VISIBILITIES: Visibility[] = ['everyone', 'facilitators', 'anonymous'];

/** The console's check-ins and check-outs: starting one (a prompt from the bank or one's own), following it, closing it, and the last one's summary. */
@customElement('mut-console-checkin')
export class MutConsoleCheckin extends ConsolePanel {
  static styles = [
    shared,
    liveStyles,
    panelBase,
    css`
      /* a long prompt in the bank must not make the page wider than the screen */
      select,
      textarea {
        width: 100%;
        max-width: 100%;
        min-width: 0;
      }
      form.start,
      form.start > div,
      fieldset {
        min-width: 0;
      }
      ul.responded .yes {
        font-weight: 600;
        color: var(--mut-primary-strong);
      }
      ul.responded .no {
        color: var(--mut-ink-soft);
      }
      ol.order {
        margin: 0 0 var(--mut-space-3);
        padding-left: var(--mut-space-6);
      }
      ol.order li[aria-current='true'] {
        font-weight: 700;
      }
      .checkin .actions {
        margin-top: var(--mut-space-4);
      }
      .summary {
        margin-top: var(--mut-space-6);
        border-top: 1px solid var(--mut-line);
      }
      .summary-count {
        font-weight: 600;
      }
    `,
  ];

  /** the organisation's own prompts, then the bank's */
  @property({ attribute: false }) ownPrompts: Prompt[] = [];
  @property({ attribute: false }) bank: Prompt[] = [];

  @state() private closing = false;
  @state() private promptId = '';
  @state() private promptText = '';
  @state() private visibility: Visibility = 'everyone';
  @state() private mode: CheckinMode = 'open';

  private promptsFor(closing: boolean): { own: Prompt[]; bank: Prompt[] } {
    const kind = closing ? 'check-out' : 'check-in';
    return { own: this.ownPrompts.filter((p) => p.kind === kind), bank: this.bank.filter((p) => p.kind === kind) };
  }

  private allPrompts(): Prompt[] {
    return [...this.ownPrompts, ...this.bank];
  }

  private choosePrompt(id: string) {
    this.promptId = id;
    const prompt = this.allPrompts().find((p) => p.id === id);
    if (prompt) this.promptText = prompt.text;
  }

  private async startCheckin(event: Event) {
    event.preventDefault();
    const prompt = this.promptText.trim();
    if (!prompt) {
      this.say('checkin', 'Choose a prompt from the bank, or write one.');
      return;
    }
    const chosen = this.allPrompts().find((p) => p.id === this.promptId);
    const promptId = chosen && chosen.text.trim() === prompt ? chosen.id : undefined;
    const ok = await this.run('checkin', 'start', {
      type: 'checkin.start',
      prompt,
      ...(promptId ? { promptId } : {}),
      closing: this.closing,
      visibility: this.visibility,
      mode: this.mode,
    });
    if (ok) {
      this.promptText = '';
      this.promptId = '';
    }
  }

  render() {
    const s = this.state;
    const checkin = s?.checkin;
    const closed = s ? lastClosed(s) : undefined;
    return html`<section class="card checkin" aria-labelledby="checkin-title">
      ${
        checkin && s
          ? this.renderOpenCheckin(s, checkin)
          : html`<h2 id="checkin-title">Check-in or check-out</h2>
            ${
              this.ended
                ? html`<p class="muted">${this.practice ? 'The practice room is closed.' : 'The day has ended.'}</p>`
                : this.renderStartForm()
            }`
      }
      ${closed ? this.renderSummary(closed) : nothing}
    </section>`;
  }

  private renderStartForm() {
    const word = checkinWord(this.closing, false);
    const { own, bank } = this.promptsFor(this.closing);
    const promptOption = (p: Prompt) => html`<option value=${p.id} ?selected=${p.id === this.promptId}>${p.text}</option>`;
    return html`<form class="grid start" novalidate @submit=${this.startCheckin}>
      <fieldset>
        <legend>What kind</legend>
        <div class="radios">
          ${[false, true].map(
            (closing) => html`<label>
              <input
                type="radio"
                name="kind"
                .checked=${live(this.closing === closing)}
                @change=${() => {
                  this.closing = closing;
                  this.promptId = '';
                }}
              />
              ${checkinWord(closing)}
            </label>`,
          )}
        </div>
      </fieldset>
      <div>
        <label for="prompt-choice">A prompt from the bank</label>
        <select id="prompt-choice" @change=${(e: Event) => this.choosePrompt((e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.promptId}>Write my own</option>
          ${own.length ? html`<optgroup label="Your organisation's prompts">${own.map(promptOption)}</optgroup>` : nothing}
          ${bank.length ? html`<optgroup label="The prompt bank">${bank.map(promptOption)}</optgroup>` : nothing}
        </select>
      </div>
      <div>
        <label for="prompt-text">The prompt people will see</label>
        <textarea
          id="prompt-text"
          maxlength="300"
          rows="2"
          .value=${live(this.promptText)}
          @input=${(e: InputEvent) => (this.promptText = (e.target as HTMLTextAreaElement).value)}
        ></textarea>
      </div>
      <fieldset>
        <legend>Who sees the answers</legend>
        <div class="radios stacked">
          ${VISIBILITIES.map(
            (v) => html`<label>
              <input
                type="radio"
                name="visibility"
                value=${v}
                .checked=${live(this.visibility === v)}
                @change=${() => {
                  this.visibility = v;
                  if (v === 'anonymous') this.mode = 'open';
                }}
              />
              <span>${visibilityWords(v)}<span class="hint">${visibilityHint(v)}</span></span>
            </label>`,
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend>How it runs</legend>
        <div class="radios stacked">
          ${(['open', 'round'] as CheckinMode[]).map(
            (m) => html`<label>
              <input
                type="radio"
                name="mode"
                value=${m}
                .checked=${live(this.mode === m)}
                ?disabled=${m === 'round' && this.visibility === 'anonymous'}
                @change=${() => (this.mode = m)}
              />
              <span
                >${modeWords(m)}<span class="hint"
                  >${
                    m === 'round'
                      ? this.visibility === 'anonymous'
                        ? 'Not with anonymous answers: a turn order shows whose answer is whose.'
                        : 'People speak one at a time, in a turn order everyone sees.'
                      : 'Everyone answers on their own device, in their own time.'
                  }</span
                ></span
              >
            </label>`,
          )}
        </div>
      </fieldset>
      <p class="hint">Everyone can pass. A pass looks the same as not having answered yet, to you and to everyone else.</p>
      <div>
        <button class="button" type="submit" ?disabled=${this.isBusy('start')}>Start the ${word}</button>
      </div>
      ${this.problem('checkin')}
    </form>`;
  }

  private renderOpenCheckin(s: RoomState, checkin: Checkin) {
    const word = checkinWord(checkin.closing, false);
    const participants = presentParticipants(s);
    const ids = [
      ...new Set([...(checkin.mode === 'round' ? checkin.order : []), ...participants.map((p) => p.id), ...checkin.responded]),
    ];
    const responded = new Set(checkin.responded);
    const hereCount = participants.length;
    const respondedHere = participants.filter((p) => responded.has(p.id)).length;
    return html`
      <h2 id="checkin-title">${checkinWord(checkin.closing)} open</h2>
      <p class="prompt">${checkin.prompt}</p>
      <p class="meta">${visibilityWords(checkin.visibility)} · ${modeWords(checkin.mode)}</p>
      ${checkin.mode === 'round' ? this.renderRound(s, checkin) : nothing}
      <h3>Who has responded</h3>
      ${
        checkin.visibility === 'anonymous'
          ? html`<p class="responded-count">
            ${checkin.respondedCount} of ${hereCount} ${hereCount === 1 ? 'participant' : 'participants'} here
            ${checkin.respondedCount === 1 ? 'has' : 'have'} responded. Anonymous answers come without names, so the list of
            who has responded is not shown either.
          </p>`
          : html`<p class="responded-count">
            ${respondedHere} of ${hereCount} ${hereCount === 1 ? 'participant' : 'participants'} here
            ${respondedHere === 1 ? 'has' : 'have'} responded.
          </p>`
      }
      ${
        ids.length && checkin.visibility !== 'anonymous'
          ? html`<ul class="compact responded">
            ${ids.map(
              (id) => html`<li data-person=${id}>
                <span>${nameOf(s, id) ?? 'Someone'}</span>
                ${responded.has(id) ? html`<span class="yes">Responded</span>` : html`<span class="no">Not yet</span>`}
              </li>`,
            )}
          </ul>`
          : nothing
      }
      <p class="hint">Responding means answering or passing; you won't see which.</p>
      <h3>${checkin.visibility === 'anonymous' ? 'Answers, without names' : 'Answers'}</h3>
      ${checkin.answers.length ? answersList(checkin.answers, checkin.visibility) : html`<p class="muted">No answers yet.</p>`}
      <div class="actions">
        <button
          class="button"
          type="button"
          data-close
          ?disabled=${this.isBusy('close')}
          @click=${() => this.run('checkin', 'close', { type: 'checkin.close', checkinId: checkin.id })}
        >
          Close the ${word} and share the summary
        </button>
      </div>
      ${this.problem('checkin')}
    `;
  }

  private renderRound(s: RoomState, checkin: Checkin) {
    const turn = checkin.turn;
    return html`<h3>Speaking order</h3>
      <p class="turn" role="status">${turn ? `It's ${nameOf(s, turn) ?? 'someone'}'s turn.` : 'The round has not started yet.'}</p>
      <ol class="order">
        ${checkin.order.map(
          (id) => html`<li aria-current=${id === turn ? 'true' : 'false'}>
            ${nameOf(s, id) ?? 'Someone who left'}${id === turn ? html` <span class="badge">speaking</span>` : nothing}
          </li>`,
        )}
      </ol>
      <button
        class="button secondary"
        type="button"
        data-next
        ?disabled=${this.isBusy('next')}
        @click=${() => this.run('checkin', 'next', { type: 'checkin.next', checkinId: checkin.id })}
      >
        ${turn ? 'Next person' : 'Start with the first person'}
      </button>`;
  }

  private renderSummary(closed: ClosedCheckin) {
    return html`<div class="summary">
      <h3>Last ${checkinWord(closed.closing, false)}${closed.prompt ? html`: “${closed.prompt}”` : nothing}</h3>
      <p class="summary-count">${closed.answerCount === 1 ? '1 answer' : `${closed.answerCount} answers`}</p>
      ${energyChart(closed.energy)}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-console-checkin': MutConsoleCheckin;
  }
}
