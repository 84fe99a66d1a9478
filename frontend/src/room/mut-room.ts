import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { formatClock } from '../shared/format';
import { DraftStore, pruneOldDrafts, type AnswerDraft, type OutboxEntry } from '../live/drafts';
import type { CommandBody, EnergyLevel } from '../live/protocol';
import { RoomController } from '../live/room-controller';
import { RoomCommandError, getDefaultSocketFactory, newCommandId, type RoomConnection } from '../live/room-connection';
import { currentNote, nameOf, type Checkin, type RoomState } from '../live/room-state';
import {
  ENERGY_LEVELS,
  activityNow,
  checkinWord,
  commandProblem,
  energyWords,
  groupedCode,
  roomHeading,
  roomTitle,
  visibilitySentence,
} from '../live/room-words';
import { activeParticipation, type Participation } from './participation';
import { shared } from '../shared/styles/shared';
import { connectionBanner, liveStyles, timerView } from './live-common';
import './mut-reframe';
import './mut-roleplay';
import { roomStyles } from './mut-room-styles';
import { closedView, mineView, notRecognisedView, othersView, removedView, togetherView } from './room-views';

const emptyAnswer = (checkinId: string): AnswerDraft => ({ checkinId, word: '', sentence: '' });

type ActivityPart = 'checkin' | 'roleplay' | 'reframe';

/**
 * The order of the room's activities on the page: an open check-in first, then a role-play or
 * reframing under way, then what has finished (a role-play that ended, a closed reframing, the
 * last check-in's summary), so what asks something of the person is always nearest the top.
 */
export function activityOrder(s: RoomState | undefined): ActivityPart[] {
  const parts: ActivityPart[] = ['checkin'];
  if (s?.roleplay) parts.push('roleplay');
  if (s?.reframe) parts.push('reframe');
  const running = (part: ActivityPart) =>
    part === 'checkin' ? !!s?.checkin : part === 'roleplay' ? s?.roleplay?.phase !== 'ended' : s?.reframe?.phase !== 'closed';
  return [...parts.filter(running), ...parts.filter((part) => !running(part))];
}

/**
 * How often a participant's page asks the server for a sign of life, and how long it waits for
 * one: together under 5 s, so a silent network shows as "Reconnecting" within 5 seconds.
 */
export const PARTICIPANT_HEARTBEAT_MS = 2500;
export const PARTICIPANT_HEARTBEAT_TIMEOUT_MS = 2000;

/**
 * The participant's live room: what is happening now, the check-in (with who will see the
 * answer, said before answering, and a Pass as prominent as Share), and a private journal.
 */
@customElement('mut-room')
export class MutRoom extends LitElement {
  static styles = [shared, liveStyles, roomStyles];

  /** The clock countdowns use (tests set their own). */
  @property({ attribute: false }) now: () => number = () => Date.now();

  @state() private place?: Participation;
  @state() private answerProblem?: string;
  @state() private journalProblem?: string;
  /** what became of the last entry kept in the journal */
  @state() private journalSaid?: string;
  private focusJournalSaid = false;

  private readonly room = new RoomController(
    this,
    () => this.now(),
    (c) => this.changed(c),
  );
  private drafts?: DraftStore;
  private wasSynced = false;
  /** after sending: focus goes to the confirmation (and again once the room has the answer) */
  private focusConfirmation = false;

  connectedCallback(): void {
    super.connectedCallback();
    if (!this.place) {
      this.place = activeParticipation();
      if (this.place) {
        pruneOldDrafts();
        this.drafts = new DraftStore(this.place.room.code, this.place.participant.id);
        this.room.open({
          code: this.place.room.code,
          token: this.place.token,
          socketFactory: getDefaultSocketFactory(),
          heartbeatMs: PARTICIPANT_HEARTBEAT_MS,
          heartbeatTimeoutMs: PARTICIPANT_HEARTBEAT_TIMEOUT_MS,
        });
      }
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.place) document.title = roomTitle(this.place.room.code);
    if (this.focusJournalSaid) {
      this.focusJournalSaid = false;
      this.renderRoot.querySelector<HTMLElement>('.kept')?.focus();
    }
    if (this.focusConfirmation) {
      const chosen = this.renderRoot.querySelector<HTMLElement>('.chosen');
      if (chosen && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== chosen) chosen.focus();
      if (chosen?.classList.contains('mine')) this.focusConfirmation = false;
    }
  }

  private get connection(): RoomConnection | undefined {
    return this.room.connection;
  }

  /** How the activities send their commands. */
  private readonly sendCommand = (body: CommandBody) => {
    const c = this.connection;
    return c ? c.send(body) : Promise.reject(new RoomCommandError('room-closed', 'Not connected to the room.'));
  };

  /* ---- keeping what was typed ---- */

  private answerDraft(checkinId: string): AnswerDraft {
    const kept = this.drafts?.value.answer;
    return kept && kept.checkinId === checkinId ? kept : emptyAnswer(checkinId);
  }

  private editAnswer(checkinId: string, change: Partial<AnswerDraft>) {
    this.drafts?.update((d) => ({ ...d, answer: { ...this.answerDraft(checkinId), ...change } }));
    this.answerProblem = undefined;
    this.requestUpdate();
  }

  /** After every change in the room: tidy drafts, and after a reload send again what was on its way. */
  private changed(c: RoomConnection) {
    const drafts = this.drafts;
    if (!drafts) return;
    if (c.status === 'ended' || c.state.ended) {
      drafts.clear(); // nothing private kept after the day
      return;
    }
    const answer = drafts.value.answer;
    const checkin = c.state.checkin;
    if (answer && checkin?.id === answer.checkinId && checkin.mine) {
      drafts.update((d) => ({ ...d, answer: undefined })); // it arrived: nothing left to keep
    } else if (answer?.sendingId && checkin?.id !== answer.checkinId && c.synced) {
      drafts.update((d) => ({ ...d, answer: undefined })); // its check-in has closed
    }
    const justSynced = c.synced && !this.wasSynced;
    this.wasSynced = c.synced;
    if (!justSynced) return;
    const pending = new Set(c.pendingIds);
    const resend = drafts.value.answer;
    if (resend?.sendingId && !pending.has(resend.sendingId) && checkin?.id === resend.checkinId && !checkin.mine) {
      this.sendAnswer(c, resend);
    }
    for (const entry of drafts.value.outbox) {
      if (!pending.has(entry.id)) this.sendJournal(c, entry);
    }
  }

  private share(event: Event, checkin: Checkin) {
    event.preventDefault();
    const draft = this.answerDraft(checkin.id);
    const word = draft.word.trim();
    const sentence = draft.sentence.trim();
    if (!word && !sentence && !draft.energy) {
      this.answerProblem = 'Add a word, a sentence or your energy — or choose Pass.';
      return;
    }
    this.startSending(checkin, { passing: false });
  }

  private pass(checkin: Checkin) {
    this.startSending(checkin, { passing: true });
  }

  private startSending(checkin: Checkin, how: { passing: boolean }) {
    const c = this.connection;
    if (!c) return;
    this.answerProblem = undefined;
    const draft = { ...this.answerDraft(checkin.id), sendingId: newCommandId(), passing: how.passing };
    this.drafts?.update((d) => ({ ...d, answer: draft }));
    this.focusConfirmation = true;
    this.requestUpdate();
    this.sendAnswer(c, draft);
  }

  private sendAnswer(c: RoomConnection, draft: AnswerDraft) {
    const id = draft.sendingId!;
    const word = draft.word.trim();
    const sentence = draft.sentence.trim();
    const sent = draft.passing
      ? c.send({ type: 'checkin.pass', checkinId: draft.checkinId }, id)
      : c.send(
          {
            type: 'checkin.answer',
            checkinId: draft.checkinId,
            ...(word ? { word } : {}),
            ...(sentence ? { sentence } : {}),
            ...(draft.energy ? { energy: draft.energy } : {}),
          },
          id,
        );
    sent.then(
      () => {
        // the room has it: nothing left to keep on this device
        if (this.drafts?.value.answer?.sendingId === id) this.drafts.update((d) => ({ ...d, answer: undefined }));
      },
      (e: unknown) => {
        if (this.drafts?.value.answer?.sendingId !== id) return;
        this.drafts.update((d) => ({
          ...d,
          answer: d.answer ? { ...d.answer, sendingId: undefined, passing: undefined } : undefined,
        }));
        this.answerProblem = commandProblem(e);
      },
    );
  }

  private keepInJournal(event: Event) {
    event.preventDefault();
    const c = this.connection;
    const drafts = this.drafts;
    if (!c || !drafts) return;
    const text = drafts.value.journal.trim();
    if (!text) {
      this.journalProblem = 'Write something first.';
      return;
    }
    this.journalProblem = undefined;
    const entry: OutboxEntry = { id: newCommandId(), text };
    drafts.update((d) => ({ ...d, journal: '', outbox: [...d.outbox, entry] }));
    this.journalSaid = 'Keeping it in your journal…';
    this.focusJournalSaid = true;
    this.requestUpdate();
    this.sendJournal(c, entry);
  }

  private sendJournal(c: RoomConnection, entry: OutboxEntry) {
    c.send({ type: 'journal.write', text: entry.text }, entry.id).then(
      () => {
        this.drafts?.update((d) => ({ ...d, outbox: d.outbox.filter((e) => e.id !== entry.id) }));
        this.journalSaid = 'Kept in your journal. Only you see it.';
        this.requestUpdate();
      },
      (e: unknown) => {
        // give the words back, so nothing written is lost
        this.drafts?.update((d) => ({
          ...d,
          outbox: d.outbox.filter((x) => x.id !== entry.id),
          journal: d.journal ? `${entry.text}\n${d.journal}` : entry.text,
        }));
        this.journalProblem = commandProblem(e);
        this.journalSaid = undefined;
      },
    );
  }

  /* ---- rendering ---- */

  render() {
    const place = this.place;
    if (!place) {
      return html`<h1 tabindex="-1">The room</h1>
        <p>This device isn't in a training room right now.</p>
        <p><a class="button" href="/join">Join with a code</a></p>`;
    }
    const c = this.connection;
    const status = c?.status ?? 'connecting';
    const s = c?.state;
    if (status === 'closed-removed') return removedView(() => this.connection?.retryNow());
    if (status === 'closed-unauthorised') return notRecognisedView(place);
    if (status === 'ended' || s?.ended) return this.renderEnded(place, s);
    const title = s?.room?.cohortTitle ?? place.room.cohortTitle;
    const day = s?.room?.dayNumber ?? place.room.dayNumber;
    return html`
      <header>
        <p class="eyebrow">Room ${groupedCode(place.room.code)}</p>
        <h1 tabindex="-1">${roomHeading(title, day)}</h1>
        <p class="muted">You're here as <strong>${s?.me?.name ?? place.participant.displayName}</strong>.</p>
      </header>
      ${connectionBanner(status, () => c?.retryNow(), c?.offline)}
      ${this.renderNow(s)}
      ${repeat(
        activityOrder(s),
        (part) => part,
        (part) => {
          switch (part) {
            case 'roleplay':
              return html`<mut-roleplay .state=${s} .now=${this.room.now} .send=${this.sendCommand}></mut-roleplay>`;
            case 'reframe':
              return html`<mut-reframe .state=${s} .send=${this.sendCommand} .drafts=${this.drafts}></mut-reframe>`;
            case 'checkin':
              return s?.checkin ? this.renderCheckin(s, s.checkin) : closedView(s);
          }
        },
      )}
      ${this.renderJournal(s)} ${togetherView(s?.room)}
      <p class="hint">
        To download or erase what you wrote, go to <a href="/join">your place in the room</a>.
      </p>
    `;
  }

  private renderNow(s: RoomState | undefined) {
    const note = s ? currentNote(s) : undefined;
    const timers = s?.timers ?? [];
    const activity = activityNow(s);
    const slot = s?.agenda.current?.title;
    return html`<section class="card now" aria-labelledby="now-title">
      <h2 id="now-title">Now</h2>
      ${slot || !activity ? html`<p class="slot">${slot ?? 'The day will start soon.'}</p>` : nothing}
      ${activity ? html`<p class="${slot ? 'activity' : 'slot'}" data-test="now-activity">${activity}</p>` : nothing}
      ${
        timers.length
          ? html`<ul class="timers" aria-label="Timers">
            ${timers.map((t) => html`<li>${timerView(t, this.room.now)}</li>`)}
          </ul>`
          : nothing
      }
      ${
        note
          ? html`<div class="note" aria-label="A note from the facilitators">
            <p>${note.text}</p>
            ${note.by ? html`<p class="by">— ${note.by}</p>` : nothing}
          </div>`
          : nothing
      }
    </section>`;
  }

  private renderCheckin(s: RoomState, checkin: Checkin) {
    const word = checkinWord(checkin.closing);
    return html`<section class="card checkin" aria-labelledby="checkin-title">
      <h2 id="checkin-title">${word}</h2>
      <p class="prompt">${checkin.prompt}</p>
      <p class="visibility" id="visibility">
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M12 5c-5 0-9 4.5-10 7 1 2.5 5 7 10 7s9-4.5 10-7c-1-2.5-5-7-10-7zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8z"
            fill="currentColor"
          />
        </svg>
        <span>${visibilitySentence(checkin.visibility)}</span>
      </p>
      ${checkin.mode === 'round' ? this.renderRound(s, checkin) : nothing}
      ${checkin.mine ? mineView(checkin) : this.renderAnswerForm(checkin)}
      ${othersView(s, checkin)}
    </section>`;
  }

  private renderRound(s: RoomState, checkin: Checkin) {
    const me = s.me?.id;
    const turn = checkin.turn;
    const turnName = turn === me ? undefined : (nameOf(s, turn) ?? 'someone');
    return html`
      <p class="turn" role="status">
        ${
          !turn
            ? 'A spoken round: people will speak in this order.'
            : turn === me
              ? "It's your turn. Take your time, and you can pass."
              : `It's ${turnName}'s turn.`
        }
      </p>
      <ol class="order" aria-label="Speaking order">
        ${checkin.order.map(
          (id) => html`<li aria-current=${id === turn ? 'true' : 'false'}>
            ${id === me ? 'You' : (nameOf(s, id) ?? 'Someone who left')}
            ${id === turn ? html`<span class="speaking">(speaking now)</span>` : nothing}
          </li>`,
        )}
      </ol>
    `;
  }

  private renderAnswerForm(checkin: Checkin) {
    const draft = this.answerDraft(checkin.id);
    const sending = !!draft.sendingId;
    const waiting = this.connection?.status !== 'live';
    if (sending) {
      return html`<div class="chosen" role="status" tabindex="-1">
        <p>${draft.passing ? 'Passing…' : 'Sharing your answer…'}</p>
        ${waiting ? html`<p class="hint">It goes as soon as the connection is back.</p>` : nothing}
      </div>`;
    }
    return html`<form class="answer" novalidate aria-describedby="visibility" @submit=${(e: Event) => this.share(e, checkin)}>
      <p class="hint">Answer with a word, a sentence, your energy, or any mix of them. Or pass.</p>
      <div>
        <label for="answer-word">A word</label>
        <input
          id="answer-word"
          maxlength="40"
          autocomplete="off"
          .value=${live(draft.word)}
          @input=${(e: InputEvent) => this.editAnswer(checkin.id, { word: (e.target as HTMLInputElement).value })}
        />
      </div>
      <div>
        <label for="answer-sentence">A sentence</label>
        <textarea
          id="answer-sentence"
          maxlength="500"
          rows="3"
          .value=${live(draft.sentence)}
          @input=${(e: InputEvent) => this.editAnswer(checkin.id, { sentence: (e.target as HTMLTextAreaElement).value })}
        ></textarea>
      </div>
      <fieldset>
        <legend>Your energy right now</legend>
        <div class="radios">
          ${ENERGY_LEVELS.map(
            (level) => html`<label>
              <input
                type="radio"
                name="energy"
                value=${level}
                .checked=${live(draft.energy === level)}
                @change=${() => this.editAnswer(checkin.id, { energy: level as EnergyLevel })}
              />
              ${energyWords(level)}
            </label>`,
          )}
        </div>
        ${
          draft.energy
            ? html`<button class="quiet" type="button" @click=${() => this.editAnswer(checkin.id, { energy: undefined })}>
              Leave energy out
            </button>`
            : nothing
        }
      </fieldset>
      <div class="choices">
        <button class="button" type="submit">Share my answer</button>
        <button class="button pass" type="button" @click=${() => this.pass(checkin)}>Pass</button>
      </div>
      <p class="hint">Passing is always fine. Nobody else sees that you passed.</p>
      ${this.answerProblem ? html`<p class="notice" role="alert">${this.answerProblem}</p>` : nothing}
    </form>`;
  }

  private renderJournal(s: RoomState | undefined, readOnly = false) {
    const drafts = this.drafts?.value;
    const entries = [...(s?.journal ?? [])].reverse();
    const outbox = drafts?.outbox ?? [];
    return html`<section class="card journal" aria-labelledby="journal-title">
      <h2 id="journal-title">My journal</h2>
      <p class="private" id="journal-private">
        <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
          <path
            d="M17 9V7a5 5 0 0 0-10 0v2H5v13h14V9h-2zm-8-2a3 3 0 0 1 6 0v2H9V7zm4 10.7V19h-2v-1.3a2 2 0 1 1 2 0z"
            fill="currentColor"
          />
        </svg>
        Only you see this. Not the facilitators, not anyone else in the room.
      </p>
      ${
        readOnly
          ? nothing
          : html`<form class="journal" novalidate @submit=${this.keepInJournal}>
            <div>
              <label for="journal-text">Write a note to yourself</label>
              <textarea
                id="journal-text"
                maxlength="5000"
                rows="4"
                aria-describedby="journal-private"
                .value=${live(drafts?.journal ?? '')}
                @input=${(e: InputEvent) => {
                  const text = (e.target as HTMLTextAreaElement).value;
                  this.drafts?.update((d) => ({ ...d, journal: text }));
                  this.journalProblem = undefined;
                }}
              ></textarea>
            </div>
            <div><button class="button secondary" type="submit">Keep in my journal</button></div>
            ${this.journalSaid ? html`<p class="kept hint" role="status" tabindex="-1">${this.journalSaid}</p>` : nothing}
            ${this.journalProblem ? html`<p class="notice" role="alert">${this.journalProblem}</p>` : nothing}
          </form>`
      }
      ${
        outbox.length || entries.length
          ? html`<ul class="entries" aria-label="Your journal entries, newest first">
            ${[...outbox].reverse().map((e) => html`<li data-outbox=${e.id}><span class="when">Being kept…</span>${e.text}</li>`)}
            ${entries.map((e) => html`<li data-entry=${e.entryId}><span class="when">${formatClock(e.at)}</span>${e.text}</li>`)}
          </ul>`
          : html`<p class="muted">Nothing here yet.</p>`
      }
    </section>`;
  }

  private renderEnded(place: Participation, s: RoomState | undefined) {
    return html`
      <p class="eyebrow">Room ${groupedCode(place.room.code)}</p>
      <h1 tabindex="-1">Today's training day has ended</h1>
      <p class="lede ended">Thank you for being here today.</p>
      ${closedView(s)} ${s && s.journal.length ? this.renderJournal(s, true) : nothing}
      <p>You can download what you wrote from <a href="/join">your place in the room</a>.</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-room': MutRoom;
  }
}
