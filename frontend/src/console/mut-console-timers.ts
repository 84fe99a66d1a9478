import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { shared } from '../shared/styles/shared';
import { ConsolePanel, panelBase } from './console-panel';
import { liveStyles, timerView } from '../room/live-common';

/** The console's timers in full: each with pause, resume, +2 and +5 minutes and clear, and a timer of any length with a label. */
@customElement('mut-console-timers')
export class MutConsoleTimers extends ConsolePanel {
  static styles = [
    shared,
    liveStyles,
    panelBase,
    css`
      .timer-row {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--mut-space-2) var(--mut-space-4);
        padding-bottom: var(--mut-space-3);
        border-bottom: 1px solid var(--mut-line);
      }
      .timer-fields {
        display: grid;
        grid-template-columns: 7rem minmax(0, 1fr);
        gap: var(--mut-space-3);
        align-items: end;
      }
      @media (max-width: 640px) {
        .timer-fields {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @state() private timerMinutes = '10';
  @state() private timerLabel = '';

  private async setTimer(event: Event) {
    event.preventDefault();
    const mins = Number(this.timerMinutes);
    if (!Number.isFinite(mins) || mins <= 0 || mins > 240) {
      this.say('timers', 'Choose between 1 and 240 minutes.');
      return;
    }
    const label = this.timerLabel.trim();
    const ok = await this.run('timers', 'timer-set', {
      type: 'timer.set',
      seconds: Math.max(10, Math.round(mins * 60)),
      ...(label ? { label } : {}),
    });
    if (ok) this.timerLabel = '';
  }

  render() {
    const timers = this.state?.timers ?? [];
    const ended = this.ended;
    return html`<section class="card" aria-labelledby="timers-title">
      <h2 id="timers-title">Timers</h2>
      ${
        timers.length
          ? html`<ul class="timers">
            ${timers.map(
              (t) => html`<li class="timer-row">
                ${timerView(t, this.now)}
                ${
                  ended
                    ? nothing
                    : html`<div class="actions">
                      ${
                        t.running
                          ? html`<button class="quiet" type="button" data-pause @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.pause', timerId: t.id })}>Pause</button>`
                          : html`<button class="quiet" type="button" data-resume @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.resume', timerId: t.id })}>Resume</button>`
                      }
                      <button class="quiet" type="button" data-extend="120" @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.extend', timerId: t.id, seconds: 120 })}>+2 min</button>
                      <button class="quiet" type="button" data-extend="300" @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.extend', timerId: t.id, seconds: 300 })}>+5 min</button>
                      <button class="quiet" type="button" data-clear @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.clear', timerId: t.id })}>Clear</button>
                    </div>`
                }
              </li>`,
            )}
          </ul>`
          : html`<p class="muted">No timer is running.</p>`
      }
      ${
        ended
          ? nothing
          : html`<form class="grid timer-form" novalidate @submit=${this.setTimer}>
            <div class="timer-fields">
              <div>
                <label for="timer-minutes">Minutes</label>
                <input
                  id="timer-minutes"
                  type="number"
                  inputmode="numeric"
                  min="1"
                  max="240"
                  .value=${live(this.timerMinutes)}
                  @input=${(e: InputEvent) => (this.timerMinutes = (e.target as HTMLInputElement).value)}
                />
              </div>
              <div>
                <label for="timer-label">Label (optional)</label>
                <input
                  id="timer-label"
                  maxlength="80"
                  placeholder="e.g. Pairs"
                  .value=${live(this.timerLabel)}
                  @input=${(e: InputEvent) => (this.timerLabel = (e.target as HTMLInputElement).value)}
                />
              </div>
            </div>
            <div><button class="button secondary" type="submit" ?disabled=${this.isBusy('timer-set')}>Start a timer</button></div>
          </form>`
      }
      ${this.problem('timers')}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-console-timers': MutConsoleTimers;
  }
}
