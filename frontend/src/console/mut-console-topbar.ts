import { css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatClock } from '../shared/format';
import { waitingForHelp } from '../live/help-signals';
import { presentParticipants, timerRemaining, type Timer } from '../live/room-state';
import { formatCountdown, groupedCode, minutesWords } from '../live/room-words';
import { presentPath } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { ConsolePanel } from './console-panel';
import { qrCode } from './qr-code';

/** The quick timers, in minutes: one click each starts one. */
export const QUICK_MINUTES = [1, 3, 5, 10] as const;

/**
 * The console's top bar, fixed at the top of the screen while the page scrolls: the room code
 * (copy the join link, show it large for the projector), the time, who is here (a count that
 * opens the list), groups waiting for a facilitator, and quick timers — 1, 3, 5, 10 minutes or
 * any number, then pause, extend and clear — each one click away.
 *
 * It says what is asked with events: `show-people` (open the list of who is here) and
 * `show-help` (go to the groups waiting); `chime-change` when the chime is turned on or off.
 */
@customElement('mut-console-topbar')
export class MutConsoleTopbar extends ConsolePanel {
  static styles = [
    shared,
    css`
      :host {
        display: block;
        position: sticky;
        top: 0;
        z-index: 20;
        background: var(--mut-surface);
        border-bottom: 1px solid var(--mut-line);
        box-shadow: var(--mut-shadow);
        margin: 0 0 var(--mut-space-4);
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mut-space-2) var(--mut-space-4);
        padding: var(--mut-space-2) var(--mut-space-3);
        min-width: 0;
      }
      .group {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: var(--mut-space-1) var(--mut-space-2);
        min-width: 0;
      }
      .code {
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-lg);
        font-weight: 700;
        letter-spacing: 0.08em;
        color: var(--mut-primary-strong);
        white-space: nowrap;
      }
      .clock {
        font-variant-numeric: tabular-nums;
        color: var(--mut-ink-soft);
      }
      button,
      a.present-link {
        min-height: 40px;
      }
      a.present-link {
        display: inline-flex;
        align-items: center;
      }
      .quick button.minutes {
        min-width: 3.25rem;
        padding: 0 var(--mut-space-2);
        font-weight: 700;
      }
      .quick input {
        width: 4.5rem;
        min-height: 40px;
        padding: 0 var(--mut-space-2);
      }
      .quick .label {
        font-weight: 600;
      }
      .running {
        display: flex;
        align-items: center;
        gap: var(--mut-space-1) var(--mut-space-2);
        flex-wrap: wrap;
        padding-left: var(--mut-space-2);
        border-left: 1px solid var(--mut-line);
      }
      .running .countdown {
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-lg);
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .running.done .countdown {
        color: var(--mut-accent);
      }
      .help {
        background: var(--mut-accent);
        color: #fff;
        border: 0;
        border-radius: var(--mut-radius-sm);
        padding: 0 var(--mut-space-3);
        font-weight: 700;
        cursor: pointer;
      }
      .said {
        flex-basis: 100%;
        margin: 0;
      }
      .said:empty {
        display: none;
      }
      .large {
        position: fixed;
        inset: 0;
        z-index: 50;
        background: var(--mut-surface);
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: var(--mut-space-4);
        padding: var(--mut-space-6);
        overflow: auto;
        text-align: center;
      }
      .large .big-code {
        font-family: var(--mut-font-mono);
        font-size: clamp(3rem, 12vw, 9rem);
        font-weight: 700;
        letter-spacing: 0.12em;
        line-height: 1;
        color: var(--mut-primary-strong);
        margin: 0;
      }
      .large .qr {
        width: min(50vh, 80vw);
        height: auto;
        border: 1px solid var(--mut-line);
      }
      .large .address {
        font-size: var(--mut-text-xl);
        overflow-wrap: anywhere;
        margin: 0;
      }
    `,
  ];

  @property() code = '';
  @property() joinUrl = '';
  @property({ type: Boolean }) chime = false;
  /** how far through the day's plan, 0..1; absent for a practice room or before the plan has loaded */
  @property({ attribute: false }) progress?: number;

  @state() private custom = '';
  @state() private showLarge = false;
  @state() private said = '';

  private get latestTimer(): Timer | undefined {
    const timers = this.state?.timers ?? [];
    return timers[timers.length - 1];
  }

  private startQuick(minutes: number) {
    return this.run('timers', 'quick', { type: 'timer.set', seconds: Math.round(minutes * 60) });
  }

  private async startCustom(event: Event) {
    event.preventDefault();
    const mins = Number(this.custom);
    if (!this.custom.trim() || !Number.isFinite(mins) || mins <= 0 || mins > 240) {
      this.say('timers', 'Choose between 1 and 240 minutes.');
      return;
    }
    if (await this.startQuick(mins)) this.custom = '';
  }

  private async copyLink() {
    try {
      await navigator.clipboard.writeText(this.joinUrl);
      this.said = 'The join link is copied.';
    } catch {
      this.said = 'Copying did not work here; the join link is ' + this.joinUrl;
    }
  }

  private async toggleLarge() {
    this.showLarge = !this.showLarge;
    await this.updateComplete;
    if (this.showLarge) this.renderRoot.querySelector<HTMLElement>('[data-close-large]')?.focus();
    else this.renderRoot.querySelector<HTMLElement>('[data-qr-large]')?.focus();
  }

  private readonly onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.showLarge) void this.toggleLarge();
  };

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    super.disconnectedCallback();
  }

  private ask(name: 'show-people' | 'show-help') {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }

  render() {
    const s = this.state;
    const here = s ? presentParticipants(s).length : 0;
    const waiting = waitingForHelp(s);
    return html`<div class="bar" role="region" aria-label="Room controls">
        <div class="group room">
          <span class="visually-hidden">Room code</span>
          <span class="code" aria-hidden="true" data-test="topbar-code">${groupedCode(this.code)}</span
          ><span class="visually-hidden">${[...this.code].join(' ')}</span>
          <button class="quiet" type="button" data-copy @click=${this.copyLink}>Copy link</button>
          <a class="quiet present-link" href=${presentPath(this.code)} target="_blank" rel="noopener" data-test="open-projector"
            >Projector view<span class="visually-hidden"> (opens in a new window)</span></a
          >
          <button
            class="quiet"
            type="button"
            data-qr-large
            aria-pressed=${this.showLarge ? 'true' : 'false'}
            @click=${this.toggleLarge}
          >
            Show large
          </button>
        </div>
        ${this.now ? html`<span class="clock" data-test="topbar-clock">${formatClock(new Date(this.now).toISOString())}</span>` : nothing}
        ${
          this.progress !== undefined
            ? html`<span class="clock" data-test="topbar-progress">${Math.round(this.progress * 100)}% through the day's plan</span>`
            : nothing
        }
        <button class="quiet" type="button" data-test="here-count" @click=${() => this.ask('show-people')}>
          ${here} here<span class="visually-hidden">: show who is here</span>
        </button>
        ${
          waiting.length
            ? html`<button class="help" type="button" data-test="topbar-help" @click=${() => this.ask('show-help')}>
              ${waiting.length} ${waiting.length === 1 ? 'group' : 'groups'} would like a facilitator
            </button>`
            : nothing
        }
        <button
          class="quiet"
          type="button"
          data-test="chime"
          aria-pressed=${this.chime ? 'true' : 'false'}
          @click=${() => this.dispatchEvent(new CustomEvent('chime-change', { detail: !this.chime, bubbles: true, composed: true }))}
        >
          Chime ${this.chime ? 'on' : 'off'}
        </button>
        ${this.ended ? nothing : this.renderQuickTimers()}
        <div class="said" role="status">${this.said ? html`<p class="hint">${this.said}</p>` : nothing}</div>
        ${this.problem('timers')}
      </div>
      ${this.showLarge ? this.renderLarge() : nothing}`;
  }

  private renderQuickTimers() {
    const t = this.latestTimer;
    return html`<div class="group quick" role="group" aria-label="Quick timer">
      <span class="label" aria-hidden="true">Timer</span>
      ${QUICK_MINUTES.map(
        (m) => html`<button
          class="button secondary minutes"
          type="button"
          data-quick=${m * 60}
          ?disabled=${this.isBusy('quick')}
          @click=${() => this.startQuick(m)}
        >
          ${m}<span class="visually-hidden"> minute${m === 1 ? '' : 's'}: start a timer</span><span aria-hidden="true"> min</span>
        </button>`,
      )}
      <form class="group" novalidate @submit=${this.startCustom}>
        <input
          type="number"
          inputmode="numeric"
          min="1"
          max="240"
          placeholder="min"
          aria-label="Minutes for a timer of your own"
          data-test="quick-custom"
          .value=${live(this.custom)}
          @input=${(e: InputEvent) => (this.custom = (e.target as HTMLInputElement).value)}
        />
        <button class="quiet" type="submit" data-test="quick-custom-start">Start</button>
      </form>
      ${t ? this.renderRunning(t) : nothing}
    </div>`;
  }

  private renderRunning(t: Timer) {
    const left = timerRemaining(t, this.now);
    const done = t.running && left === 0;
    const label = t.label?.trim() || 'Timer';
    return html`<div class="running ${done ? 'done' : ''}" data-test="quick-running" data-timer=${t.id}>
      <span class="countdown" role="timer" aria-label="${label}: ${minutesWords(left)} left">${formatCountdown(left)}</span>
      ${
        t.running
          ? html`<button class="quiet" type="button" data-test="quick-pause" @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.pause', timerId: t.id })}>Pause</button>`
          : html`<button class="quiet" type="button" data-test="quick-resume" @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.resume', timerId: t.id })}>Resume</button>`
      }
      <button class="quiet" type="button" data-test="quick-extend" @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.extend', timerId: t.id, seconds: 60 })}>
        +1 min
      </button>
      <button class="quiet" type="button" data-test="quick-clear" @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.clear', timerId: t.id })}>
        Clear
      </button>
    </div>`;
  }

  private renderLarge() {
    return html`<div class="large" role="dialog" aria-modal="true" aria-label="The room code, large" data-test="code-large">
      <p class="eyebrow">Join with this code</p>
      <p class="big-code"><span aria-hidden="true">${groupedCode(this.code)}</span><span class="visually-hidden">${[...this.code].join(' ')}</span></p>
      ${qrCode(this.joinUrl, 'QR code for the join link')}
      <p class="address">${this.joinUrl.replace(/^https?:\/\//, '')}</p>
      <button class="button" type="button" data-close-large @click=${this.toggleLarge}>Close</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-console-topbar': MutConsoleTopbar;
  }
}
