import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ApiError, api } from '../api/client';
import type { CurriculumModule, PinnedCurriculum, PinnedDay, PinnedSlot, Prompt, RoomView } from '../api/types';
import { durationWords } from '../curriculum';
import { formatClock } from '../format';
import type { CommandBody, CheckinMode, Visibility } from '../live/protocol';
import { RoomController } from '../live/room-controller';
import { RoomCommandError, getDefaultSocketFactory } from '../live/room-connection';
import {
  currentNote,
  lastClosed,
  nameOf,
  presentFacilitators,
  presentParticipants,
  spentOnSlot,
  type Checkin,
  type ClosedCheckin,
  type RoomState,
} from '../live/room-state';
import {
  checkinWord,
  commandProblem,
  groupedCode,
  modeWords,
  roomHeading,
  visibilityHint,
  visibilityWords,
} from '../live/room-words';
import { renderMarkdown } from '../markdown';
import { practiceConsolePath, signInPath, roomConsolePath } from '../router';
import { sessionStore } from '../session';
import { shared } from '../styles/shared';
import { cssProps } from './css-props';
import './mut-room-attendance';
import './mut-day-summary';
import './mut-reframe-console';
import './mut-roleplay-console';
import { qrCode } from './qr-code';
import { answersList, connectionBanner, energyChart, liveStyles, timerView } from './live-common';
import { failed, loading, type Loadable } from './loadable';

type Opening = Loadable<RoomView> | { state: 'sign-in' } | { state: 'early'; message: string };

/** Where a problem with a command is shown. */
type Area = 'checkin' | 'timers' | 'note' | 'agenda' | 'people' | 'end';

const VISIBILITIES: Visibility[] = ['everyone', 'facilitators', 'anonymous'];

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

const minutes = (seconds: number) => Math.round(seconds / 60);

/**
 * The facilitator's console for one training day's live room: the code to share, the day's
 * agenda with the slot under way, the module's notes, who is here, check-ins and check-outs,
 * timers, a note for the room, and ending the day.
 *
 * With `practiceCode` set it is the console for an ad-hoc practice room instead: found among
 * the organisation's open practice rooms, with no agenda, attendance or end-of-day summary.
 */
@customElement('mut-room-console')
export class MutRoomConsole extends LitElement {
  static styles = [
    shared,
    liveStyles,
    css`
      .crumbs {
        margin-bottom: var(--mut-space-4);
      }
      .top {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: var(--mut-space-4) var(--mut-space-8);
        align-items: start;
        margin-bottom: var(--mut-space-6);
      }
      .top h1 {
        overflow-wrap: anywhere;
      }
      .code-card {
        padding: var(--mut-space-4) var(--mut-space-6);
        text-align: center;
      }
      .code-card p {
        margin: 0 auto var(--mut-space-2);
      }
      .code {
        font-family: var(--mut-font-mono);
        font-size: 3rem;
        font-weight: 700;
        letter-spacing: 0.12em;
        line-height: 1.1;
        white-space: nowrap;
        color: var(--mut-primary-strong);
      }
      .code-card a {
        overflow-wrap: anywhere;
      }
      .top.qr-large {
        grid-template-columns: minmax(0, 1fr);
      }
      .qr-box {
        margin: var(--mut-space-3) auto;
      }
      .qr-box figcaption {
        margin: var(--mut-space-1) auto 0;
      }
      .qr-box .qr {
        display: block;
        width: 14rem;
        max-width: 100%;
        height: auto;
        margin: 0 auto;
        border: 1px solid var(--mut-line);
      }
      .qr-box.large .qr {
        width: min(80vh, 100%);
      }
      .qr-actions {
        justify-content: center;
      }
      .console {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(18rem, 24rem);
        gap: var(--mut-space-6);
        align-items: start;
      }
      .console > div > .card:first-child,
      .console > aside > .card:first-child {
        margin-top: 0;
      }
      mut-roleplay-console,
      mut-reframe-console {
        margin-top: var(--mut-space-6);
      }
      .now .slot {
        font-size: var(--mut-text-xl);
        font-weight: 700;
        margin-bottom: var(--mut-space-1);
        overflow-wrap: anywhere;
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
      h3 {
        font-size: var(--mut-text-md);
        margin-top: var(--mut-space-6);
      }
      .meta {
        color: var(--mut-ink-soft);
      }
      form.grid {
        display: grid;
        gap: var(--mut-space-4);
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
      .badge {
        font-size: var(--mut-text-sm);
        font-weight: 700;
        color: var(--mut-primary-strong);
        padding: 0 var(--mut-space-2);
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
      ul.people,
      ul.responded {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--mut-space-1);
      }
      ul.people li,
      ul.responded li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0 var(--mut-space-3);
        padding: var(--mut-space-1) 0;
        border-bottom: 1px solid var(--mut-line);
        overflow-wrap: anywhere;
      }
      ul.people li .confirm {
        flex-basis: 100%;
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
      .shown-note {
        padding: var(--mut-space-2) var(--mut-space-3);
        background: var(--mut-notice);
        color: var(--mut-notice-ink);
        border-radius: var(--mut-radius-sm);
        overflow-wrap: anywhere;
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
      @media (max-width: 1024px) {
        .console {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      @media (max-width: 640px) {
        .top {
          grid-template-columns: minmax(0, 1fr);
        }
        .code {
          font-size: 2.25rem;
        }
        .card {
          padding: var(--mut-space-4);
        }
        .timer-fields {
          grid-template-columns: minmax(0, 1fr);
        }
        ol.slots li {
          grid-template-columns: 3rem minmax(0, 1fr);
        }
        ol.slots li > :last-child {
          grid-column: 2;
          justify-self: start;
        }
      }
    `,
  ];

  @property() organisationId = '';
  @property() cohortId = '';
  @property({ type: Number }) day = 0;
  /** A practice room's code: the console then runs in practice mode (no cohort, no day). */
  @property() practiceCode = '';
  /** The clock countdowns use (tests set their own). */
  @property({ attribute: false }) now: () => number = () => Date.now();

  @state() private opening: Opening = { state: 'loading' };
  @state() private curriculum: Loadable<PinnedCurriculum> = { state: 'loading' };
  @state() private bank: Prompt[] = [];
  @state() private busy = new Set<string>();
  @state() private problems: Partial<Record<Area, string>> = {};

  // the check-in form
  @state() private closing = false;
  @state() private promptId = '';
  @state() private promptText = '';
  @state() private visibility: Visibility = 'everyone';
  @state() private mode: CheckinMode = 'open';
  // timers and notes
  @state() private timerMinutes = '10';
  @state() private timerLabel = '';
  @state() private noteText = '';
  // confirmations
  @state() private confirmingRemove?: string;
  @state() private confirmingEnd = false;
  @state() private copied?: string;
  /** the QR code enlarged, for projecting */
  @state() private qrLarge = false;

  private readonly room = new RoomController(this, () => this.now());
  private loadedFor?: string;
  private readonly notesCache = new Map<string, TemplateResult>();

  /** True for an ad-hoc practice room rather than a training day's room. */
  get practice(): boolean {
    return !!this.practiceCode;
  }

  protected willUpdate(): void {
    const key = this.practice
      ? `practice:${this.organisationId}/${this.practiceCode}`
      : `${this.organisationId}/${this.cohortId}/${this.day}`;
    const ready = this.practice || (this.cohortId && this.day > 0);
    if (this.organisationId && ready && key !== this.loadedFor) {
      this.loadedFor = key;
      this.load(key);
    }
  }

  private async load(key: string) {
    this.opening = { state: 'loading' };
    this.curriculum = { state: 'loading' };
    this.room.close();
    if (this.practice) return this.loadPractice(key);
    const { organisationId, cohortId, day } = this;
    api.cohortCurriculum(organisationId, cohortId).then(
      (value) => this.loadedFor === key && (this.curriculum = { state: 'ready', value }),
      (e: unknown) =>
        this.loadedFor === key &&
        (this.curriculum = {
          state: 'failed',
          message: e instanceof ApiError ? e.message : "The day's agenda could not be loaded.",
        }),
    );
    this.loadPrompts(key);
    try {
      const room = await api.openRoom(organisationId, cohortId, day, this.earlyFor === key);
      if (this.loadedFor !== key) return;
      this.opening = { state: 'ready', value: room };
      this.room.open({ code: room.code, socketFactory: getDefaultSocketFactory() });
    } catch (e) {
      if (this.loadedFor !== key) return;
      this.opening = this.openingProblem(e);
    }
  }

  /** A practice room: found by its code among the organisation's open ones; no curriculum. */
  private async loadPractice(key: string) {
    this.curriculum = { state: 'failed', message: 'A practice room has no agenda.' };
    this.loadPrompts(key);
    const code = this.practiceCode.toUpperCase();
    try {
      const rooms = await api.practiceRooms(this.organisationId);
      if (this.loadedFor !== key) return;
      const room = rooms.find((r) => r.code.toUpperCase() === code);
      if (!room) {
        this.opening = {
          state: 'failed',
          message: `There is no open practice room ${code} in this organisation. It may have been closed; open a new one from the Facilitate page.`,
        };
        return;
      }
      this.opening = { state: 'ready', value: room };
      this.room.open({ code: room.code, socketFactory: getDefaultSocketFactory() });
    } catch (e) {
      if (this.loadedFor !== key) return;
      this.opening = this.openingProblem(e);
    }
  }

  private loadPrompts(key: string) {
    api.prompts().then(
      (prompts) => this.loadedFor === key && (this.bank = prompts),
      () => undefined, // writing one's own prompt still works
    );
  }

  /** The day whose room the trainer confirmed opening more than a day ahead. */
  private earlyFor?: string;

  private confirmEarly = () => {
    this.earlyFor = this.loadedFor;
    this.loadedFor = undefined;
    this.requestUpdate();
  };

  private openingProblem(e: unknown): Opening {
    if (e instanceof ApiError) {
      if (e.status === 401) {
        if (sessionStore.state.status === 'signed-in') sessionStore.signedOut();
        return { state: 'sign-in' };
      }
      if (this.practice) {
        if (e.status === 403) return { state: 'failed', message: "Only this organisation's members can use its practice rooms." };
        return { state: 'failed', message: e.message };
      }
      if (e.status === 403) {
        return {
          state: 'failed',
          message:
            "Only this cohort's trainers and its organisation's admins can open the room for this day. If you're running it, ask an admin to add you as a trainer.",
        };
      }
      if (e.status === 404) {
        return { state: 'failed', message: e.problem.detail ?? `There is no day ${this.day} in this cohort.` };
      }
      if (e.status === 409 && e.fieldMessage('early')) {
        return { state: 'early', message: e.problem.detail ?? e.message };
      }
      return { state: 'failed', message: e.message };
    }
    return { state: 'failed', message: 'The room could not be opened. Please try again.' };
  }

  private get pinnedDay(): PinnedDay | undefined {
    return this.curriculum.state === 'ready' ? this.curriculum.value.days.find((d) => d.number === this.day) : undefined;
  }

  /** The module of the agenda slot under way, if any: its role-play and reframing are offered first. */
  private get currentModule(): CurriculumModule | undefined {
    const current = this.room.connection?.state.agenda.current;
    const slot = current ? this.pinnedDay?.agenda[current.slot] : undefined;
    return slot?.module ?? undefined;
  }

  /** How the activity panels send their commands. */
  private readonly sendCommand = (body: CommandBody) => {
    const c = this.room.connection;
    return c ? c.send(body) : Promise.reject(new RoomCommandError('room-closed', 'Not connected to the room.'));
  };

  /* ---- commands ---- */

  private async run(area: Area, busyKey: string, body: CommandBody): Promise<boolean> {
    const c = this.room.connection;
    if (!c) return false;
    this.busy = new Set(this.busy).add(busyKey);
    this.problems = { ...this.problems, [area]: undefined };
    try {
      await c.send(body);
      return true;
    } catch (e) {
      this.problems = { ...this.problems, [area]: commandProblem(e) };
      return false;
    } finally {
      const next = new Set(this.busy);
      next.delete(busyKey);
      this.busy = next;
    }
  }

  private isBusy(key: string): boolean {
    return this.busy.has(key);
  }

  private promptsFor(closing: boolean): { own: Prompt[]; bank: Prompt[] } {
    const kind = closing ? 'check-out' : 'check-in';
    const own = this.curriculum.state === 'ready' ? (this.curriculum.value.ownPrompts ?? []) : [];
    return { own: own.filter((p) => p.kind === kind), bank: this.bank.filter((p) => p.kind === kind) };
  }

  private allPrompts(): Prompt[] {
    const own = this.curriculum.state === 'ready' ? (this.curriculum.value.ownPrompts ?? []) : [];
    return [...own, ...this.bank];
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
      this.problems = { ...this.problems, checkin: 'Choose a prompt from the bank, or write one.' };
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

  private async setTimer(event: Event) {
    event.preventDefault();
    const mins = Number(this.timerMinutes);
    if (!Number.isFinite(mins) || mins <= 0 || mins > 240) {
      this.problems = { ...this.problems, timers: 'Choose between 1 and 240 minutes.' };
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

  private async shareNote(event: Event) {
    event.preventDefault();
    const text = this.noteText.trim();
    if (!text) {
      this.problems = { ...this.problems, note: 'Write the note first.' };
      return;
    }
    if (await this.run('note', 'note', { type: 'note.share', text })) this.noteText = '';
  }

  private async askToRemove(id: string) {
    this.confirmingRemove = this.confirmingRemove === id ? undefined : id;
    await this.updateComplete;
    if (this.confirmingRemove) this.renderRoot.querySelector<HTMLElement>('[data-keep-in]')?.focus();
  }

  private async removeParticipant(id: string) {
    this.confirmingRemove = undefined;
    await this.run('people', `remove:${id}`, { type: 'participant.remove', participantId: id });
  }

  private async askToEnd() {
    this.confirmingEnd = !this.confirmingEnd;
    await this.updateComplete;
    if (this.confirmingEnd) this.renderRoot.querySelector<HTMLElement>('[data-not-yet]')?.focus();
  }

  private async endDay() {
    this.confirmingEnd = false;
    await this.run('end', 'end', { type: 'day.end' });
  }

  private async copyLink(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      this.copied = 'The join link is copied.';
    } catch {
      this.copied = 'Copying did not work here; select the link and copy it.';
    }
  }

  /* ---- rendering ---- */

  render() {
    const opening = this.opening;
    const back = html`<p class="crumbs"><a href="/facilitator">Upcoming training days</a></p>`;
    switch (opening.state) {
      case 'loading':
        return html`${back}${loading('the room')}`;
      case 'sign-in':
        return html`${back}
          <h1>The live room</h1>
          <p>Your session has ended. Sign in again to open the room.</p>
          <p>
            <a class="button" href=${signInPath(this.consolePath)}
              >Sign in to carry on</a
            >
          </p>`;
      case 'failed':
        return html`${back}
          <h1>The live room</h1>
          ${failed(opening.message)}`;
      case 'early':
        return html`${back}
          <h1>The live room</h1>
          <div class="card" data-test="open-early">
            <p>This day is more than a day away, so its room is not open yet.</p>
            <p class="muted">${opening.message.replace(/;\s*open it now.*$/, '.')}</p>
            <p>
              Open it now only if you want to get ready in it: anyone with the code can join from then on.
            </p>
            <div class="actions">
              <button class="button" type="button" data-open-early @click=${this.confirmEarly}>Open the room now</button>
              <a class="button secondary" href="/facilitator">Not yet</a>
            </div>
          </div>`;
      case 'ready':
        return html`${back}${this.renderConsole(opening.value)}`;
    }
  }

  private get consolePath(): string {
    return this.practice
      ? practiceConsolePath(this.organisationId, this.practiceCode)
      : roomConsolePath(this.organisationId, this.cohortId, this.day);
  }

  private renderConsole(room: RoomView) {
    const practice = this.practice;
    const c = this.room.connection;
    const status = c?.status ?? 'connecting';
    const s = c?.state;
    const ended = status === 'ended' || !!s?.ended;
    const joinUrl = `${window.location.origin}${room.joinPath || `/join/${room.code}`}`;
    return html`
      <header class="top ${this.qrLarge ? 'qr-large' : ''}">
        <div>
          <p class="eyebrow">${practice ? 'Practice room' : 'Live room'}</p>
          <h1>${roomHeading(room.cohortTitle, room.dayNumber)}</h1>
          ${room.closesAt ? html`<p class="muted">The room is open until ${formatClock(room.closesAt)}.</p>` : nothing}
        </div>
        <div class="card code-card">
          <p class="eyebrow" id="code-label">Room code</p>
          <p class="code">
            <span aria-hidden="true">${groupedCode(room.code)}</span
            ><span class="visually-hidden">${[...room.code].join(' ')}</span>
          </p>
          <p class="hint">Participants join at <a href=${joinUrl}>${joinUrl.replace(/^https?:\/\//, '')}</a></p>
          <figure class="qr-box ${this.qrLarge ? 'large' : ''}">
            ${qrCode(joinUrl, 'QR code for the join link')}
            <figcaption class="hint">Scan to open the join link.</figcaption>
          </figure>
          <div class="actions qr-actions">
            <button
              class="quiet"
              type="button"
              data-qr-large
              aria-pressed=${this.qrLarge ? 'true' : 'false'}
              @click=${() => (this.qrLarge = !this.qrLarge)}
            >
              Show large
            </button>
            <button class="quiet" type="button" @click=${() => this.copyLink(joinUrl)}>Copy the join link</button>
          </div>
          <div role="status">${this.copied ? html`<p class="hint">${this.copied}</p>` : nothing}</div>
        </div>
      </header>
      ${connectionBanner(status, () => c?.retryNow())}
      ${ended
        ? html`<p class="notice calm ended" role="status">
            ${practice ? 'This practice room is closed.' : 'This day has ended.'} The room takes no more check-ins, notes or
            journal entries.
          </p>`
        : nothing}
      ${status === 'closed-unauthorised'
        ? failed(
            practice
              ? "The room didn't recognise you as one of this organisation's members."
              : "The room didn't recognise you as one of this cohort's facilitators.",
          )
        : nothing}
      <div class="console">
        <div>
          ${practice ? nothing : this.renderNow(s)} ${this.renderCheckin(s, ended)}
          <mut-roleplay-console
            .state=${s}
            .now=${this.room.now}
            .send=${this.sendCommand}
            .module=${this.currentModule}
            ?ended=${ended}
          ></mut-roleplay-console>
          <mut-reframe-console .state=${s} .send=${this.sendCommand} .module=${this.currentModule} ?ended=${ended}></mut-reframe-console>
          ${this.renderTimers(s, ended)} ${this.renderNote(s, ended)}
        </div>
        <aside aria-label=${practice ? 'The people' : 'The day and the people'}>
          ${practice ? nothing : this.renderAgenda(s, ended)} ${this.renderPeople(s, ended)}
          ${ended ? nothing : this.renderEnd()}
        </aside>
      </div>
      ${practice
        ? nothing
        : html`<mut-room-attendance
              .organisationId=${this.organisationId}
              .cohortId=${this.cohortId}
              .day=${this.day}
              .seq=${s?.lastSeq ?? 0}
              ?ended=${ended}
            ></mut-room-attendance>
            <mut-day-summary
              .organisationId=${this.organisationId}
              .cohortId=${this.cohortId}
              .day=${this.day}
              .seq=${s?.lastSeq ?? 0}
              ?ended=${ended}
            ></mut-day-summary>`}
    `;
  }

  private renderNow(s: RoomState | undefined) {
    const current = s?.agenda.current;
    const day = this.pinnedDay;
    const slot: PinnedSlot | undefined = current ? day?.agenda[current.slot] : undefined;
    const module = slot?.module;
    return html`<section class="card now" aria-labelledby="now-title">
      <h2 id="now-title">Now</h2>
      <p class="slot">${current?.title ?? 'Not started yet'}</p>
      ${current && s
        ? html`<p class="meta">
            ${slot ? html`Planned ${durationWords(slot.minutes)} · ` : nothing}spent
            ${durationWords(minutes(spentOnSlot(s, current.slot, this.room.now)))}
          </p>`
        : html`<p class="meta">When you begin, choose “Move to” on the first slot of the agenda.</p>`}
      ${module
        ? html`<details class="notes-box" open>
            <summary>Facilitator notes: ${module.title}</summary>
            <div class="notes">
              ${module.facilitatorNotes?.trim() ? this.notes(module.id, module.facilitatorNotes) : html`<p>No notes for this module.</p>`}
            </div>
          </details>`
        : nothing}
    </section>`;
  }

  private notes(id: string, source: string): TemplateResult {
    let cached = this.notesCache.get(id);
    if (!cached) {
      cached = renderMarkdown(source, { topLevel: 3 });
      this.notesCache.set(id, cached);
    }
    return cached;
  }

  private renderCheckin(s: RoomState | undefined, ended: boolean) {
    const checkin = s?.checkin;
    const closed = s ? lastClosed(s) : undefined;
    return html`<section class="card checkin" aria-labelledby="checkin-title">
      ${checkin && s
        ? this.renderOpenCheckin(s, checkin)
        : html`<h2 id="checkin-title">Check-in or check-out</h2>
            ${ended
              ? html`<p class="muted">${this.practice ? 'The practice room is closed.' : 'The day has ended.'}</p>`
              : this.renderStartForm()}`}
      ${closed ? this.renderSummary(closed) : nothing}
    </section>`;
  }

  private renderStartForm() {
    const word = checkinWord(this.closing, false);
    const { own, bank } = this.promptsFor(this.closing);
    const promptOption = (p: Prompt) =>
      html`<option value=${p.id} ?selected=${p.id === this.promptId}>${p.text}</option>`;
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
                  >${m === 'round'
                    ? this.visibility === 'anonymous'
                      ? 'Not with anonymous answers: a turn order shows whose answer is whose.'
                      : 'People speak one at a time, in a turn order everyone sees.'
                    : 'Everyone answers on their own device, in their own time.'}</span
                ></span
              >
            </label>`,
          )}
        </div>
      </fieldset>
      <p class="hint">
        Everyone can pass. A pass looks the same as not having answered yet, to you and to everyone else.
      </p>
      <div>
        <button class="button" type="submit" ?disabled=${this.isBusy('start')}>Start the ${word}</button>
      </div>
      ${this.problem('checkin')}
    </form>`;
  }

  private renderOpenCheckin(s: RoomState, checkin: Checkin) {
    const word = checkinWord(checkin.closing, false);
    const participants = presentParticipants(s);
    const ids = [...new Set([...(checkin.mode === 'round' ? checkin.order : []), ...participants.map((p) => p.id), ...checkin.responded])];
    const responded = new Set(checkin.responded);
    const hereCount = participants.length;
    const respondedHere = participants.filter((p) => responded.has(p.id)).length;
    return html`
      <h2 id="checkin-title">${checkinWord(checkin.closing)} open</h2>
      <p class="prompt">${checkin.prompt}</p>
      <p class="meta">${visibilityWords(checkin.visibility)} · ${modeWords(checkin.mode)}</p>
      ${checkin.mode === 'round' ? this.renderRound(s, checkin) : nothing}
      <h3>Who has responded</h3>
      ${checkin.visibility === 'anonymous'
        ? html`<p class="responded-count">
            ${checkin.respondedCount} of ${hereCount} ${hereCount === 1 ? 'participant' : 'participants'} here
            ${checkin.respondedCount === 1 ? 'has' : 'have'} responded. Anonymous answers come without names, so the list of
            who has responded is not shown either.
          </p>`
        : html`<p class="responded-count">
            ${respondedHere} of ${hereCount} ${hereCount === 1 ? 'participant' : 'participants'} here have responded.
          </p>`}
      ${ids.length && checkin.visibility !== 'anonymous'
        ? html`<ul class="responded">
            ${ids.map(
              (id) => html`<li data-person=${id}>
                <span>${nameOf(s, id) ?? 'Someone'}</span>
                ${responded.has(id) ? html`<span class="yes">Responded</span>` : html`<span class="no">Not yet</span>`}
              </li>`,
            )}
          </ul>`
        : nothing}
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

  private renderTimers(s: RoomState | undefined, ended: boolean) {
    const timers = s?.timers ?? [];
    const now = this.room.now;
    return html`<section class="card" aria-labelledby="timers-title">
      <h2 id="timers-title">Timers</h2>
      ${timers.length
        ? html`<ul class="timers">
            ${timers.map(
              (t) => html`<li class="timer-row">
                ${timerView(t, now)}
                ${ended
                  ? nothing
                  : html`<div class="actions">
                      ${t.running
                        ? html`<button class="quiet" type="button" data-pause @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.pause', timerId: t.id })}>Pause</button>`
                        : html`<button class="quiet" type="button" data-resume @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.resume', timerId: t.id })}>Resume</button>`}
                      <button class="quiet" type="button" data-extend="120" @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.extend', timerId: t.id, seconds: 120 })}>+2 min</button>
                      <button class="quiet" type="button" data-extend="300" @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.extend', timerId: t.id, seconds: 300 })}>+5 min</button>
                      <button class="quiet" type="button" data-clear @click=${() => this.run('timers', `t:${t.id}`, { type: 'timer.clear', timerId: t.id })}>Clear</button>
                    </div>`}
              </li>`,
            )}
          </ul>`
        : html`<p class="muted">No timer is running.</p>`}
      ${ended
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
          </form>`}
      ${this.problem('timers')}
    </section>`;
  }

  private renderNote(s: RoomState | undefined, ended: boolean) {
    const note = s ? currentNote(s) : undefined;
    return html`<section class="card" aria-labelledby="note-title">
      <h2 id="note-title">A note for the room</h2>
      ${note
        ? html`<p class="shown-note"><span class="visually-hidden">Showing now: </span>${note.text}</p>`
        : html`<p class="muted">No note is showing.</p>`}
      ${ended
        ? nothing
        : html`<form class="grid" novalidate @submit=${this.shareNote}>
            <div>
              <label for="note-text">A short note everyone sees</label>
              <textarea
                id="note-text"
                maxlength="500"
                rows="2"
                .value=${live(this.noteText)}
                @input=${(e: InputEvent) => (this.noteText = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              <p class="hint">For example: “Back at 11:15.” It replaces the note showing now.</p>
            </div>
            <div><button class="button secondary" type="submit" ?disabled=${this.isBusy('note')}>Share with the room</button></div>
          </form>`}
      ${this.problem('note')}
    </section>`;
  }

  private renderAgenda(s: RoomState | undefined, ended: boolean) {
    const curriculum = this.curriculum;
    if (curriculum.state === 'loading') {
      return html`<section class="card" aria-labelledby="agenda-title"><h2 id="agenda-title">Today's agenda</h2>${loading("the day's agenda")}</section>`;
    }
    const day = this.pinnedDay;
    if (curriculum.state === 'failed' || !day) {
      return html`<section class="card" aria-labelledby="agenda-title">
        <h2 id="agenda-title">Today's agenda</h2>
        ${failed(curriculum.state === 'failed' ? curriculum.message : `The cohort's curriculum has no day ${this.day}.`)}
      </section>`;
    }
    const now = this.room.now;
    const current = s?.agenda.current;
    const progress = s ? dayProgress(day, s, now) : 0;
    const percent = Math.round(progress * 100);
    return html`<section class="card agenda" aria-labelledby="agenda-title">
      <h2 id="agenda-title">Today's agenda</h2>
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
                >planned ${slot.minutes} min${spent || isCurrent ? html` · spent ${spent} min` : nothing}</span
              ></span
            >
            ${isCurrent
              ? html`<span class="badge">Now</span>`
              : ended
                ? html`<span></span>`
                : html`<button
                    class="quiet"
                    type="button"
                    data-move=${i}
                    ?disabled=${this.isBusy(`move:${i}`)}
                    @click=${() => this.run('agenda', `move:${i}`, { type: 'agenda.move', slot: i })}
                  >
                    Move to<span class="visually-hidden"> ${slot.title}</span>
                  </button>`}
          </li>`;
        })}
      </ol>
      ${this.problem('agenda')}
    </section>`;
  }

  private renderPeople(s: RoomState | undefined, ended: boolean) {
    const participants = s ? presentParticipants(s) : [];
    const facilitators = s ? presentFacilitators(s) : [];
    const removed = s?.removed ?? [];
    return html`<section class="card people-card" aria-labelledby="people-title">
      <h2 id="people-title">Who's here</h2>
      <p class="meta">
        ${participants.length} ${participants.length === 1 ? 'participant' : 'participants'} ·
        ${facilitators.length} ${facilitators.length === 1 ? 'facilitator' : 'facilitators'}
      </p>
      ${participants.length
        ? html`<ul class="people" aria-label="Participants here">
            ${participants.map((p) => {
              const confirming = this.confirmingRemove === p.id;
              return html`<li data-person=${p.id}>
                <span>${p.name}</span>
                ${ended
                  ? nothing
                  : html`<button
                      class="quiet"
                      type="button"
                      data-remove=${p.id}
                      aria-expanded=${confirming ? 'true' : 'false'}
                      ?disabled=${this.isBusy(`remove:${p.id}`)}
                      @click=${() => this.askToRemove(p.id)}
                    >
                      Ask to step out<span class="visually-hidden">: ${p.name}</span>
                    </button>`}
                ${confirming
                  ? html`<div class="confirm">
                      <p id="remove-question">
                        Ask ${p.name} to step out of the room for now? They can't come back in until a facilitator lets
                        them.
                      </p>
                      <div class="actions">
                        <button class="button" type="button" data-confirm-remove @click=${() => this.removeParticipant(p.id)}>
                          Yes, ask them to step out
                        </button>
                        <button
                          class="button secondary"
                          type="button"
                          data-keep-in
                          aria-describedby="remove-question"
                          @click=${() => (this.confirmingRemove = undefined)}
                        >
                          Keep them in
                        </button>
                      </div>
                    </div>`
                  : nothing}
              </li>`;
            })}
          </ul>`
        : html`<p class="muted">No participants have joined yet.</p>`}
      ${facilitators.length
        ? html`<h3>Facilitators</h3>
            <ul class="people" aria-label="Facilitators here">
              ${facilitators.map((f) => html`<li><span>${f.name}${f.id === s?.me?.id ? ' (you)' : ''}</span></li>`)}
            </ul>`
        : nothing}
      ${removed.length && s
        ? html`<h3>Stepped out</h3>
            <ul class="people" aria-label="Asked to step out">
              ${removed.map(
                (id) => html`<li data-removed=${id}>
                  <span>${nameOf(s, id) ?? 'Someone'}</span>
                  ${ended
                    ? nothing
                    : html`<button
                        class="quiet"
                        type="button"
                        data-admit=${id}
                        ?disabled=${this.isBusy(`admit:${id}`)}
                        @click=${() => this.run('people', `admit:${id}`, { type: 'participant.admit', participantId: id })}
                      >
                        Let back in<span class="visually-hidden">: ${nameOf(s, id) ?? 'this person'}</span>
                      </button>`}
                </li>`,
              )}
            </ul>`
        : nothing}
      ${this.problem('people')}
    </section>`;
  }

  private renderEnd() {
    const practice = this.practice;
    const action = practice ? 'Close the practice room' : 'End the day';
    return html`<section class="card end" aria-labelledby="end-title">
      <h2 id="end-title">${action}</h2>
      <p>
        ${practice ? 'When the practice is done, close the room here.' : 'When the day is done, end it here.'} The room
        then takes no more check-ins, notes or journal entries.
      </p>
      <button
        class="button secondary"
        type="button"
        id="end-day"
        aria-expanded=${this.confirmingEnd ? 'true' : 'false'}
        ?disabled=${this.isBusy('end')}
        @click=${this.askToEnd}
      >
        ${action}
      </button>
      ${this.confirmingEnd
        ? html`<div class="confirm">
            <p id="end-question">
              ${practice ? 'Close the practice room' : 'End the day'} for everyone in the room? This can't be undone.
            </p>
            <div class="actions">
              <button class="button" type="button" data-confirm-end @click=${this.endDay}>
                ${practice ? 'Yes, close the room' : 'Yes, end the day'}
              </button>
              <button
                class="button secondary"
                type="button"
                data-not-yet
                aria-describedby="end-question"
                @click=${() => (this.confirmingEnd = false)}
              >
                Not yet
              </button>
            </div>
          </div>`
        : nothing}
      ${this.problem('end')}
    </section>`;
  }

  private problem(area: Area) {
    const message = this.problems[area];
    return message ? html`<p class="notice" role="alert" data-problem=${area}>${message}</p>` : nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-room-console': MutRoomConsole;
  }
}
