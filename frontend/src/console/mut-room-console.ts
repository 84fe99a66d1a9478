import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cohortApi } from '../cohort/api';
import type { PinnedCurriculum, PinnedDay } from '../cohort/types';
import { consoleApi } from './api';
import { curriculaApi } from '../curricula/api';
import type { CurriculumModule, Prompt } from '../curricula/types';
import type { RoomView } from '../room/types';
import { ApiError } from '../shared/api/http';
import { formatClock } from '../shared/format';
import { helpWords, newlyWaiting, titleWithHelp, waitingForHelp, type HelpSignal } from '../live/help-signals';
import type { CommandBody } from '../live/protocol';
import { RoomController } from '../live/room-controller';
import { RoomCommandError, getDefaultSocketFactory } from '../live/room-connection';
import { participantsSeen, presentParticipants, type RoomState } from '../live/room-state';
import { commandProblem, roomHeading, roomTitle } from '../live/room-words';
import { practiceConsolePath, signInPath, roomConsolePath } from '../shared/router';
import { sessionStore } from '../identity/session';
import { shared } from '../shared/styles/shared';
import './mut-console-agenda';
import './mut-console-checkin';
import './mut-console-end';
import './mut-console-note';
import './mut-console-now';
import './mut-console-people';
import './mut-console-timers';
import './mut-console-topbar';
import type { MutConsolePeople } from './mut-console-people';
import './mut-room-attendance';
import './mut-day-summary';
import './mut-reframe-console';
import './mut-roleplay-console';
import { connectionBanner, liveStyles } from '../room/live-common';
import { failed, loading, type Loadable } from '../shared/loadable';

import { dayProgress } from './mut-console-agenda';
import { SHORTCUTS, nextSlot, shortcutFor, type ConsoleAct } from './shortcuts';
import type { MutRoleplayLaunch } from './mut-roleplay-launch';
import type { MutReframeConsole } from './mut-reframe-console';
import { roomConsoleStyles } from './mut-room-console-styles';

export { dayProgress };

type Opening = Loadable<RoomView> | { state: 'sign-in' } | { state: 'early'; message: string };

/** Where the chime's setting is kept on this device: off unless a facilitator turns it on. */
export const CHIME_KEY = 'mutuality.console.chime';

/** A short, soft tone (when the browser allows sound). */
export function playChime(): void {
  try {
    const Ctx = (window as unknown as { AudioContext?: typeof AudioContext }).AudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const tone = ctx.createOscillator();
    const gain = ctx.createGain();
    tone.frequency.value = 660;
    gain.gain.setValueAtTime(0.15, ctx.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.8);
    tone.connect(gain).connect(ctx.destination);
    tone.start();
    tone.stop(ctx.currentTime + 0.8);
    tone.onended = () => void ctx.close();
  } catch {
    // no sound here: the toast and the title still say it
  }
}

function chimeOn(): boolean {
  try {
    return localStorage.getItem(CHIME_KEY) === 'on';
  } catch {
    return false;
  }
}

type Focus = 'checkin' | 'roleplay' | 'reframe';

/**
 * The facilitator's console for one training day's live room: a shell that opens the room
 * and holds its connection, with a top bar (the code, who is here, groups waiting for a
 * facilitator, quick timers) fixed at the top, the activity in focus in the main area, and
 * the agenda and the people at the side. Each panel is its own element with its own styles;
 * the shell hands them the room's state and the way to send commands.
 *
 * A group's "we would like a facilitator" shows as a toast and in the tab's title (with the
 * count) until a facilitator goes to the group; a chime, off by default, can be turned on.
 *
 * With `practiceCode` set it is the console for an ad-hoc practice room instead: found among
 * the organisation's open practice rooms, with no agenda, attendance or end-of-day summary.
 */
@customElement('mut-room-console')
export class MutRoomConsole extends LitElement {
  static styles = [shared, liveStyles, roomConsoleStyles];

  @property() organisationId = '';
  @property() cohortId = '';
  @property({ type: Number }) day = 0;
  /** A practice room's code: the console then runs in practice mode (no cohort, no day). */
  @property() practiceCode = '';
  /** The clock countdowns use (tests set their own). */
  @property({ attribute: false }) now: () => number = () => Date.now();
  /** How the chime sounds (tests listen instead). */
  @property({ attribute: false }) chimePlayer: () => void = playChime;

  @state() private opening: Opening = { state: 'loading' };
  @state() private curriculum: Loadable<PinnedCurriculum> = { state: 'loading' };
  @state() private bank: Prompt[] = [];
  @state() private chime = chimeOn();
  @state() private helpProblem?: string;
  /** the keyboard shortcuts overlay is open */
  @state() private showKeys = false;
  /** what the last shortcut did or why it could not (read out, then cleared) */
  @state() private keySaid = '';
  private keySaidTimer?: ReturnType<typeof setTimeout>;
  private keysOpener?: HTMLElement | null;

  private readonly room = new RoomController(this, () => this.now());
  private loadedFor?: string;
  private waiting: HelpSignal[] = [];

  connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKey);
  }

  disconnectedCallback(): void {
    window.removeEventListener('keydown', this.onKey);
    clearTimeout(this.keySaidTimer);
    super.disconnectedCallback();
  }

  /* ---- keyboard shortcuts ---- */

  private readonly onKey = (e: KeyboardEvent) => {
    if (this.opening.state !== 'ready') return;
    if (this.showKeys) {
      if (e.key === 'Escape') {
        e.preventDefault();
        void this.closeKeys();
      }
      return;
    }
    const act = shortcutFor(e, e.composedPath()[0]);
    if (!act) return;
    e.preventDefault();
    void this.perform(act);
  };

  private sayKey(words: string) {
    this.keySaid = words;
    clearTimeout(this.keySaidTimer);
    this.keySaidTimer = setTimeout(() => (this.keySaid = ''), 5000);
  }

  /** Does what a shortcut asks, saying what happened (or why not) in a status line. */
  async perform(act: ConsoleAct): Promise<void> {
    const s = this.room.connection?.state;
    if (act.kind === 'help') return this.openKeys();
    if (act.kind === 'find') return this.find();
    if (!s || s.ended) return this.sayKey(this.practice ? 'This practice room is closed.' : 'This day has ended.');
    try {
      switch (act.kind) {
        case 'timer':
          await this.sendCommand({ type: 'timer.set', seconds: act.minutes * 60 });
          return this.sayKey(`A ${act.minutes}-minute timer has started.`);
        case 'pause-timer': {
          const t = s.timers[s.timers.length - 1];
          if (!t) return this.sayKey('There is no timer to pause.');
          await this.sendCommand(t.running ? { type: 'timer.pause', timerId: t.id } : { type: 'timer.resume', timerId: t.id });
          return this.sayKey(t.running ? 'The timer is paused.' : 'The timer carries on.');
        }
        case 'next-slot': {
          const day = this.pinnedDay;
          if (!day) return this.sayKey(this.practice ? 'A practice room has no agenda.' : "The day's agenda has not loaded.");
          const next = nextSlot(s.agenda.current?.slot, day.agenda.length);
          if (next === undefined) return this.sayKey('This is the last part of the agenda.');
          await this.sendCommand({ type: 'agenda.move', slot: next });
          return this.sayKey(`Now: ${day.agenda[next].title}.`);
        }
      }
    } catch (e) {
      this.sayKey(commandProblem(e));
    }
  }

  /** Opens the search of the activity in focus that can be launched now: a role-play's scenarios, else reframing statements. */
  private async find(): Promise<void> {
    const order = this.panelsInFocus(this.room.connection?.state).filter((f) => f !== 'checkin');
    for (const which of order) {
      if (which === 'roleplay') {
        const launch = this.renderRoot
          .querySelector('mut-roleplay-console')
          ?.shadowRoot?.querySelector<MutRoleplayLaunch>('mut-roleplay-launch');
        if (launch && (await launch.openPicker())) return;
      } else {
        const reframe = this.renderRoot.querySelector<MutReframeConsole>('mut-reframe-console');
        if (reframe && (await reframe.openPicker())) return;
      }
    }
    this.sayKey('There is nothing to choose now: a role-play or reframing is under way, or the room is closed.');
  }

  private async openKeys() {
    // where focus was, through shadow roots, to give it back on closing
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.keysOpener = active instanceof HTMLElement && active !== document.body && active !== this ? active : null;
    this.showKeys = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-close-keys]')?.focus();
  }

  private async closeKeys() {
    this.showKeys = false;
    await this.updateComplete;
    const back = this.keysOpener?.isConnected
      ? this.keysOpener
      : this.renderRoot.querySelector<HTMLElement>('[data-test="show-shortcuts"]');
    back?.focus();
  }

  private renderKeys() {
    return html`<div class="keys-backdrop" @click=${(e: Event) => e.target === e.currentTarget && this.closeKeys()}>
      <div class="keys" role="dialog" aria-modal="true" aria-labelledby="keys-title" data-test="shortcuts">
        <h2 id="keys-title">Keyboard shortcuts</h2>
        <p class="hint">They work whenever the cursor is not in a text field.</p>
        <dl>
          ${SHORTCUTS.map(
            (k) => html`<div>
              <dt>${k.keys.map((key, i) => html`${i ? ' or ' : ''}<kbd>${key}</kbd>`)}</dt>
              <dd>${k.words}</dd>
            </div>`,
          )}
        </dl>
        <button class="button" type="button" data-close-keys @click=${this.closeKeys}>Close</button>
      </div>
    </div>`;
  }

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

  /** The tab's title: the room's code, and the count of groups waiting for a facilitator; a chime for a new one, when it is on. */
  protected updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.opening.state !== 'ready') return;
    const waiting = waitingForHelp(this.room.connection?.state);
    document.title = titleWithHelp(roomTitle(this.opening.value.code), waiting.length);
    if (this.chime && newlyWaiting(this.waiting, waiting).length) this.chimePlayer();
    this.waiting = waiting;
  }

  private async load(key: string) {
    this.opening = { state: 'loading' };
    this.curriculum = { state: 'loading' };
    this.room.close();
    if (this.practice) return this.loadPractice(key);
    const { organisationId, cohortId, day } = this;
    cohortApi.cohortCurriculum(organisationId, cohortId).then(
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
      const room = await consoleApi.openRoom(organisationId, cohortId, day, this.earlyFor === key);
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
      const rooms = await consoleApi.practiceRooms(this.organisationId);
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
    curriculaApi.prompts().then(
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

  private setChime(on: boolean) {
    this.chime = on;
    try {
      localStorage.setItem(CHIME_KEY, on ? 'on' : 'off');
    } catch {
      // kept for this page only
    }
  }

  private showPeople() {
    void this.renderRoot.querySelector<MutConsolePeople>('mut-console-people')?.reveal();
  }

  private showHelp() {
    this.renderRoot.querySelector<HTMLElement>('.toast button')?.focus();
  }

  /** Going to a group that asked: listening in is the answer, and the signal stops waiting. */
  private async goTo(signal: HelpSignal) {
    const r = this.room.connection?.state.roleplay;
    if (!r) return;
    this.helpProblem = undefined;
    try {
      await this.sendCommand({ type: 'roleplay.listen', roleplayId: r.id, groupId: signal.groupId });
    } catch (e) {
      this.helpProblem = commandProblem(e);
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
          <p><a class="button" href=${signInPath(this.consolePath)}>Sign in to carry on</a></p>`;
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
            <p>Open it now only if you want to get ready in it: anyone with the code can join from then on.</p>
            <div class="actions">
              <button class="button" type="button" data-open-early @click=${this.confirmEarly}>Open the room now</button>
              <a class="button secondary" href="/facilitator">Not yet</a>
            </div>
          </div>`;
      case 'ready':
        return this.renderConsole(opening.value, back);
    }
  }

  private get consolePath(): string {
    return this.practice
      ? practiceConsolePath(this.organisationId, this.practiceCode)
      : roomConsolePath(this.organisationId, this.cohortId, this.day);
  }

  /** What fills the main area first: an open check-in, else a role-play or reframing under way, else the check-in form. */
  private panelsInFocus(s: RoomState | undefined): Focus[] {
    const roleplay = !!s?.roleplay && s.roleplay.phase !== 'ended';
    const reframe = !!s?.reframe && s.reframe.phase !== 'closed';
    if (s?.checkin) return ['checkin', 'roleplay', 'reframe'];
    if (roleplay) return ['roleplay', 'reframe', 'checkin'];
    if (reframe) return ['reframe', 'roleplay', 'checkin'];
    return ['checkin', 'roleplay', 'reframe'];
  }

  private renderConsole(room: RoomView, back: unknown) {
    const practice = this.practice;
    const c = this.room.connection;
    const status = c?.status ?? 'connecting';
    const s = c?.state;
    const ended = status === 'ended' || !!s?.ended;
    const now = this.room.now;
    const joinUrl = `${window.location.origin}${room.joinPath || `/join/${room.code}`}`;
    const send = this.sendCommand;
    const module = this.currentModule;
    const panel = (which: Focus) => {
      switch (which) {
        case 'checkin':
          return html`<mut-console-checkin
            .state=${s}
            .send=${send}
            ?ended=${ended}
            ?practice=${practice}
            .ownPrompts=${this.curriculum.state === 'ready' ? (this.curriculum.value.ownPrompts ?? []) : []}
            .bank=${this.bank}
          ></mut-console-checkin>`;
        case 'roleplay':
          return html`<mut-roleplay-console .state=${s} .now=${now} .send=${send} .module=${module} ?ended=${ended}></mut-roleplay-console>`;
        case 'reframe':
          return html`<mut-reframe-console .state=${s} .send=${send} .module=${module} ?ended=${ended}></mut-reframe-console>`;
      }
    };
    const waiting = waitingForHelp(s);
    return html`
      <mut-console-topbar
        .state=${s}
        .send=${send}
        .now=${now}
        ?ended=${ended}
        ?practice=${practice}
        .code=${room.code}
        .joinUrl=${joinUrl}
        .progress=${!practice && this.pinnedDay && s ? dayProgress(this.pinnedDay, s, now) : undefined}
        ?chime=${this.chime}
        @show-people=${this.showPeople}
        @show-help=${this.showHelp}
        @chime-change=${(e: CustomEvent<boolean>) => this.setChime(e.detail)}
      ></mut-console-topbar>
      ${back}
      <header class="top">
        <p class="eyebrow">${practice ? 'Practice room' : 'Live room'}</p>
        <h1>${roomHeading(room.cohortTitle, room.dayNumber)}</h1>
        <button class="quiet keys-button" type="button" data-test="show-shortcuts" aria-keyshortcuts="?" @click=${this.openKeys}>
          Keyboard shortcuts
        </button>
        <p class="muted join-line">
          Participants join at <a href=${joinUrl}>${joinUrl.replace(/^https?:\/\//, '')}</a>${
            room.closesAt ? html` · the room is open until ${formatClock(room.closesAt)}` : nothing
          }.
        </p>
      </header>
      ${connectionBanner(status, () => c?.retryNow(), c?.offline)}
      ${
        ended
          ? html`<p class="notice calm ended" role="status">
            ${practice ? 'This practice room is closed.' : 'This day has ended.'} The room takes no more check-ins, notes or
            journal entries. Every timer has stopped.
          </p>`
          : nothing
      }
      ${
        status === 'closed-unauthorised'
          ? failed(
              practice
                ? "The room didn't recognise you as one of this organisation's members."
                : "The room didn't recognise you as one of this cohort's facilitators.",
            )
          : nothing
      }
      <div class="console">
        <div class="main">
          ${practice ? nothing : html`<mut-console-now .state=${s} .now=${now} .day=${this.pinnedDay}></mut-console-now>`}
          ${repeat(this.panelsInFocus(s), (which) => which, panel)}
          <mut-console-timers .state=${s} .send=${send} .now=${now} ?ended=${ended}></mut-console-timers>
          <mut-console-note .state=${s} .send=${send} ?ended=${ended}></mut-console-note>
        </div>
        <aside aria-label=${practice ? 'The people' : 'The day and the people'}>
          ${
            practice
              ? nothing
              : html`<mut-console-agenda
                .state=${s}
                .send=${send}
                .now=${now}
                ?ended=${ended}
                .curriculum=${this.curriculum}
                .dayNumber=${this.day}
              ></mut-console-agenda>`
          }
          <mut-console-people .state=${s} .send=${send} ?ended=${ended}></mut-console-people>
          <mut-console-end .send=${send} ?ended=${ended} ?practice=${practice}></mut-console-end>
        </aside>
      </div>
      ${
        practice
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
              .seen=${s ? participantsSeen(s) : 0}
              .here=${s ? presentParticipants(s).length : -1}
              .seq=${s?.lastSeq ?? 0}
              ?ended=${ended}
            ></mut-day-summary>`
      }
      <div class="key-said" role="status" data-test="shortcut-said">${this.keySaid ? html`<p>${this.keySaid}</p>` : nothing}</div>
      ${this.showKeys ? this.renderKeys() : nothing}
      ${
        waiting.length
          ? html`<div class="toast" role="alert" data-test="help-toast">
            <p>${helpWords(waiting)}</p>
            <div class="actions">
              ${waiting.map(
                (w) => html`<button class="button" type="button" data-go-to=${w.groupId} @click=${() => this.goTo(w)}>
                  Go to ${w.name}
                </button>`,
              )}
            </div>
            ${this.helpProblem ? html`<p class="notice" role="alert">${this.helpProblem}</p>` : nothing}
          </div>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-room-console': MutRoomConsole;
  }
}
