import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { roomApi } from '../room/api';
import { ApiError } from '../shared/api/http';
import { RoomController } from '../live/room-controller';
import { getDefaultSocketFactory } from '../live/room-connection';
import { lastClosed, type RoomState } from '../live/room-state';
import { activityNow, checkinWord, groupedCode, roomHeading, roomTitle } from '../live/room-words';
import { shared } from '../shared/styles/shared';
import { activityStyles, roundClockView } from '../room/activity-common';
import { answersList, connectionBanner, energyChart, liveStyles, timerView } from '../room/live-common';
import { failed, loading, type Loadable } from '../shared/loadable';
import { qrCode } from './qr-code';

/**
 * The projector's view of a room, opened by a facilitator from the console: the join code
 * large with its QR code and short address, what is happening now, the countdown or round
 * clock, the shared check-in words and energy spread (names only where the check-in shows
 * names), and the shared reframing board; live. It connects with a view token, so the room
 * sends it only what everyone in the room may see.
 */
@customElement('mut-present')
export class MutPresent extends LitElement {
  static styles = [
    shared,
    liveStyles,
    activityStyles,
    css`
      :host {
        display: block;
        font-size: 1.25rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(16rem, 30%);
        gap: var(--mut-space-8);
        align-items: start;
      }
      .join {
        text-align: center;
      }
      .join .code {
        font-family: var(--mut-font-mono);
        font-size: clamp(2rem, 4vw, 4rem);
        font-weight: 700;
        letter-spacing: 0.08em;
        color: var(--mut-primary-strong);
        margin: 0;
        white-space: nowrap;
      }
      .join .qr {
        width: min(100%, 18rem);
        height: auto;
        border: 1px solid var(--mut-line);
      }
      .join .address {
        overflow-wrap: anywhere;
        margin: 0;
      }
      .now .slot {
        font-size: var(--mut-text-2xl);
        font-weight: 700;
        margin: 0 0 var(--mut-space-2);
        overflow-wrap: anywhere;
      }
      ul.board {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-2);
      }
      ul.board li {
        padding: var(--mut-space-2) var(--mut-space-3);
        border-left: 4px solid var(--mut-primary);
        background: var(--mut-calm);
        overflow-wrap: anywhere;
      }
      ul.board .who {
        display: block;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      @media (max-width: 900px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
    `,
  ];

  @property() code = '';
  /** The clock countdowns use (tests set their own). */
  @property({ attribute: false }) now: () => number = () => Date.now();

  @state() private opening: Loadable<string> = { state: 'loading' };
  private readonly room = new RoomController(this, () => this.now());
  private openedFor?: string;

  protected willUpdate(): void {
    if (this.code && this.code !== this.openedFor) {
      this.openedFor = this.code;
      void this.open(this.code);
    }
  }

  protected updated(): void {
    if (this.code) document.title = `Projector · ${roomTitle(this.code.toUpperCase())}`;
  }

  private async open(code: string) {
    this.opening = { state: 'loading' };
    try {
      const view = await roomApi.roomViewToken(code);
      if (this.openedFor !== code) return;
      this.opening = { state: 'ready', value: view.code };
      this.room.open({ code: view.code, token: view.token, socketFactory: getDefaultSocketFactory() });
    } catch (e) {
      if (this.openedFor !== code) return;
      this.opening = {
        state: 'failed',
        message:
          e instanceof ApiError && (e.status === 403 || e.status === 404)
            ? "Only the room's facilitators can open its projector view, and only while the room is open."
            : 'The projector view could not be opened. Please try again.',
      };
    }
  }

  render() {
    const opening = this.opening;
    if (opening.state === 'loading') return loading('the projector view');
    if (opening.state === 'failed') {
      return html`<h1>The projector view</h1>
        ${failed(opening.message)}`;
    }
    const code = opening.value;
    const c = this.room.connection;
    const s = c?.state;
    const status = c?.status ?? 'connecting';
    const joinUrl = `${window.location.origin}/join/${code}`;
    const ended = status === 'ended' || !!s?.ended;
    return html`
      ${connectionBanner(status, () => c?.retryNow(), c?.offline)}
      <h1 class="visually-hidden">${s?.room ? roomHeading(s.room.cohortTitle, s.room.dayNumber) : 'The room'}</h1>
      <div class="layout">
        <div class="main">
          ${
            ended
              ? html`<section class="card now"><p class="slot">Today's training day has ended. Thank you for being here.</p></section>`
              : this.renderNow(s)
          }
          ${ended ? nothing : this.renderCheckin(s)} ${ended ? nothing : this.renderBoard(s)}
        </div>
        <aside class="card join" aria-label="Join the room">
          <p class="eyebrow">Join with this code</p>
          <p class="code" data-test="present-code">
            <span aria-hidden="true">${groupedCode(code)}</span><span class="visually-hidden">${[...code].join(' ')}</span>
          </p>
          ${qrCode(joinUrl, 'QR code for the join link')}
          <p class="address">${joinUrl.replace(/^https?:\/\//, '')}</p>
        </aside>
      </div>
    `;
  }

  private renderNow(s: RoomState | undefined) {
    const now = this.room.now;
    const activity = activityNow(s);
    const timers = s?.timers ?? [];
    const r = s?.roleplay;
    return html`<section class="card now" aria-labelledby="now-title">
      <h2 id="now-title">Now</h2>
      <p class="slot">${s?.agenda.current?.title ?? activity ?? 'The day will start soon.'}</p>
      ${activity && s?.agenda.current ? html`<p data-test="now-activity">${activity}</p>` : nothing}
      ${r && r.phase === 'rounds' ? roundClockView(r, now) : nothing}
      ${
        timers.length
          ? html`<ul class="timers" aria-label="Timers">
            ${timers.map((t) => html`<li>${timerView(t, now)}</li>`)}
          </ul>`
          : nothing
      }
    </section>`;
  }

  /** The check-in under way (its shared words), else the last one's energy spread. */
  private renderCheckin(s: RoomState | undefined) {
    const checkin = s?.checkin;
    if (checkin) {
      return html`<section class="card checkin" aria-labelledby="checkin-title" data-test="present-checkin">
        <h2 id="checkin-title">${checkinWord(checkin.closing)}</h2>
        <p class="prompt">${checkin.prompt}</p>
        ${
          checkin.visibility === 'facilitators'
            ? html`<p class="muted">The answers go to the facilitators only.</p>`
            : checkin.answers.length
              ? answersList(checkin.answers, checkin.visibility)
              : html`<p class="muted">No answers yet. Passing is always fine.</p>`
        }
      </section>`;
    }
    const closed = s ? lastClosed(s) : undefined;
    if (!closed || !Object.keys(closed.energy ?? {}).length) return nothing;
    return html`<section class="card" aria-labelledby="energy-title">
      <h2 id="energy-title">Energy in the room</h2>
      ${closed.prompt ? html`<p class="prompt">${closed.prompt}</p>` : nothing} ${energyChart(closed.energy)}
    </section>`;
  }

  /** The reframing board: what people chose to share, with a name only where they shared it with one. */
  private renderBoard(s: RoomState | undefined) {
    const x = s?.reframe;
    if (!x || x.phase === 'writing' || !x.entries.length) return nothing;
    return html`<section class="card" aria-labelledby="board-title" data-test="present-board">
      <h2 id="board-title">What happened? The shared board</h2>
      <ul class="board">
        ${x.entries.map(
          (e) => html`<li>${e.text}${e.name && !e.anonymous ? html`<span class="who">${e.name}</span>` : nothing}</li>`,
        )}
      </ul>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-present': MutPresent;
  }
}
