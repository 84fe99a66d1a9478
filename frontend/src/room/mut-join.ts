import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { roomApi } from './api';
import { ApiError } from '../shared/api/http';
import { saveJsonFile } from '../shared/download';
import { formatClock, waitWords } from '../shared/format';
import { CODE_LENGTH, codeProblem, formatCode, normaliseCode } from './join-code';
import {
  activeParticipation,
  forgetParticipation,
  saveParticipation,
  storedDeviceToken,
  type Participation,
} from './participation';
import { roomHeading } from '../live/room-words';
import { shared } from '../shared/styles/shared';
import { field, focusFirstInvalid } from '../shared/fields';
import '../shared/mut-confirm';
import { navigate } from '../shared/router';

/** Where the live room is, once someone has joined. */
const ROOM_PATH = '/room';

/** The file a participant's download is saved as. */
export const EXPORT_FILENAME = 'mutuality-my-contributions.json';

type View = 'form' | 'in' | 'erased';

/** The participant's way in: a room code and the name others will see. No account. */
@customElement('mut-join')
export class MutJoin extends LitElement {
  static styles = [
    shared,
    css`
      #code {
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-xl);
        letter-spacing: 0.3em;
        text-transform: uppercase;
      }
      h1:focus {
        outline: none;
      }
      .room {
        max-width: 40rem;
        margin-bottom: var(--mut-space-6);
      }
      .room h2 {
        margin-bottom: var(--mut-space-1);
      }
      .next {
        border-left: 4px solid var(--mut-primary);
        padding-left: var(--mut-space-4);
      }
      .name {
        overflow-wrap: anywhere;
      }
      .go {
        font-size: var(--mut-text-lg);
      }
      mut-confirm {
        max-width: 40rem;
      }
    `,
  ];

  /** A code from the join link, if the person followed one. */
  @property() code = '';
  @state() private name = '';
  @state() private email = '';
  @state() private codeError?: string;
  @state() private nameError?: string;
  @state() private emailError?: string;
  @state() private outcome?: string;
  @state() private busy = false;

  @state() private view: View = 'form';
  @state() private place?: Participation;
  @state() private recognised = false;
  @state() private confirmingErase = false;
  @state() private working?: 'export' | 'erase';
  @state() private actionProblem?: string;
  @state() private actionStatus?: string;

  protected willUpdate(): void {
    if (this.hasUpdated) return;
    // Coming back to the page keeps the person in their room: the room's link again goes straight
    // back in; the page on its own (the room's "your place" link) shows their place and their data.
    const active = activeParticipation();
    if (active && this.code && normaliseCode(this.code) === normaliseCode(active.room.code)) {
      queueMicrotask(() => navigate(ROOM_PATH));
    } else if (active && !this.code) {
      this.place = active;
      this.view = 'in';
    }
  }

  render() {
    switch (this.view) {
      case 'in':
        return this.place ? this.renderIn(this.place) : this.renderForm();
      case 'erased':
        return this.renderErased();
      default:
        return this.renderForm();
    }
  }

  private renderForm() {
    return html`
      <h1 tabindex="-1">Join a training room</h1>
      <p class="lede">Your trainer shares a short code when the day's room opens. You do not need an account.</p>
      <form class="stack" novalidate @submit=${this.submit}>
        <div>
          <label for="code">Room code</label>
          <input
            id="code"
            name="code"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck="false"
            maxlength=${CODE_LENGTH + 4}
            .value=${this.code}
            @input=${(e: InputEvent) => (this.code = (e.target as HTMLInputElement).value)}
            aria-describedby="code-hint ${this.codeError ? 'code-error' : ''}"
            aria-invalid=${this.codeError ? 'true' : 'false'}
          />
          <p class="hint" id="code-hint">${CODE_LENGTH} letters and numbers, for example KMR 7TX.</p>
          ${this.codeError ? html`<p class="error" id="code-error">${this.codeError}</p>` : null}
        </div>
        ${field({
          id: 'name',
          label: 'Your name in the room',
          autocomplete: 'nickname',
          maxlength: 40,
          hint: 'A first name or a nickname is enough.',
          value: this.name,
          onInput: (v) => (this.name = v),
          error: this.nameError,
        })}
        ${field({
          id: 'email',
          label: 'Email (optional)',
          type: 'email',
          autocomplete: 'email',
          hint: "Only if you'd like a certificate when the training ends. Other people in the room never see it.",
          value: this.email,
          onInput: (v) => (this.email = v),
          error: this.emailError,
        })}
        <div>
          <button class="button" type="submit" ?disabled=${this.busy}>Join the room</button>
        </div>
        ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : null}
      </form>
    `;
  }

  private renderIn(place: Participation) {
    const { room, participant } = place;
    return html`
      <h1 tabindex="-1">${this.recognised ? 'Welcome back' : "You're in"}</h1>
      <section class="card room" aria-labelledby="room-title">
        <h2 id="room-title">${roomHeading(room.cohortTitle, room.dayNumber)}</h2>
        <p class="muted">${room.organisationName} · room ${formatCode(room.code)}</p>
        <p class="name">You're in the room as <strong>${participant.displayName}</strong>.</p>
        ${
          this.recognised
            ? html`<p>This device was here on an earlier day, so today carries on from where you were.</p>`
            : nothing
        }
        <p class="next">
          When your trainer starts the day's first activity, it will open in the room, with each check-in and a
          journal only you can read.
        </p>
        <p><a class="button go" href="/room">Go to the room</a></p>
        ${room.closesAt ? html`<p class="muted">The room is open until ${formatClock(room.closesAt)}.</p>` : nothing}
      </section>
      <div class="actions">
        <button class="quiet" type="button" ?disabled=${!!this.working} @click=${this.download}>
          Download what I wrote
        </button>
        <button
          class="quiet"
          type="button"
          id="erase"
          aria-expanded=${this.confirmingErase ? 'true' : 'false'}
          ?disabled=${!!this.working}
          @click=${this.askToErase}
        >
          Erase what I wrote
        </button>
        <button class="quiet" type="button" @click=${this.useAnotherCode}>Use a different code</button>
      </div>
      ${
        this.confirmingErase
          ? html`<mut-confirm
            confirm-mark="data-confirm-erase"
            confirm-label="Erase what I wrote"
            keep-label="Keep it"
            ?busy=${!!this.working}
            @confirm=${this.erase}
            @keep=${this.keep}
          >
            <p>
              This erases your name, your email and everything you've written in this training, and takes you out
              of the room. It can't be undone.
            </p>
          </mut-confirm>`
          : nothing
      }
      <div role="status">${this.actionStatus ? html`<p class="hint">${this.actionStatus}</p>` : nothing}</div>
      ${this.actionProblem ? html`<p class="notice" role="alert">${this.actionProblem}</p>` : nothing}
    `;
  }

  private renderErased() {
    return html`
      <h1 tabindex="-1">Erased</h1>
      <p role="status">
        Your name, your email and everything you wrote have been erased, and this device no longer holds your place
        in the room.
      </p>
      <p><button class="button secondary" type="button" @click=${this.useAnotherCode}>Join a room</button></p>
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.outcome = undefined;
    const email = this.email.trim();
    this.codeError = codeProblem(this.code) ?? undefined;
    this.nameError = this.name.trim() ? undefined : 'Tell the room what to call you.';
    this.emailError =
      !email || /^[^\s@]+@[^\s@]+$/.test(email)
        ? undefined
        : "This doesn't look like an email address. You can leave it empty if you'd rather.";
    if (this.codeError || this.nameError || this.emailError) {
      focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      const joined = await roomApi.joinRoom(normaliseCode(this.code), this.name.trim(), {
        email: email || undefined,
        deviceToken: storedDeviceToken(),
      });
      this.place = saveParticipation(joined);
      this.recognised = joined.recognised;
      // straight into the room: what they came for; their place and data stay a link away
      navigate(ROOM_PATH);
    } catch (e) {
      this.outcome = this.explain(e);
      if (this.nameError || this.emailError) focusFirstInvalid(this);
    } finally {
      this.busy = false;
    }
  }

  private explain(e: unknown): string | undefined {
    if (!(e instanceof ApiError)) return 'Joining did not work. Please try again.';
    if (e.status === 404) {
      return 'No room is open with this code right now. Check the code with your trainer; rooms open when the day begins.';
    }
    if (e.status === 429) {
      const when = e.retryAfter !== undefined ? `try again ${waitWords(e.retryAfter)}` : 'try again in a little while';
      return `There have been a lot of tries to join from here in a short time. Please ${when}.`;
    }
    if (e.status === 400) {
      this.nameError = e.fieldMessage('displayName');
      this.emailError = e.fieldMessage('email');
      if (this.nameError || this.emailError) return undefined;
    }
    return e.message;
  }

  private async download() {
    if (!this.place) return;
    this.actionProblem = undefined;
    this.actionStatus = undefined;
    this.working = 'export';
    try {
      const data = await roomApi.exportContributions(this.place.token);
      saveJsonFile(EXPORT_FILENAME, data);
      this.actionStatus = `Saved as ${EXPORT_FILENAME} in your downloads.`;
    } catch (e) {
      this.actionProblem = this.participantProblem(e, 'download');
    } finally {
      this.working = undefined;
    }
  }

  private async askToErase() {
    this.actionProblem = undefined;
    this.confirmingErase = !this.confirmingErase;
  }

  private async keep() {
    this.confirmingErase = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#erase')?.focus();
  }

  private async erase() {
    if (!this.place) return;
    this.actionProblem = undefined;
    this.actionStatus = undefined;
    this.working = 'erase';
    try {
      await roomApi.eraseParticipant(this.place.token);
      this.forget();
      this.view = 'erased';
      this.focusHeading();
    } catch (e) {
      this.actionProblem = this.participantProblem(e, 'erase');
    } finally {
      this.working = undefined;
      this.confirmingErase = false;
    }
  }

  /** Nothing about the person stays on this device: not the token, the name, nor the device token. */
  private forget() {
    forgetParticipation();
    this.place = undefined;
    this.recognised = false;
    this.name = '';
    this.email = '';
  }

  private participantProblem(e: unknown, what: 'download' | 'erase'): string {
    if (e instanceof ApiError && e.status === 401) {
      return what === 'download'
        ? "This device's place in the room has ended, so there's nothing left to download from here."
        : "This device's place in the room has ended, so it can't erase anything any more. Your trainer can help.";
    }
    return e instanceof Error ? e.message : 'That did not work. Please try again.';
  }

  private useAnotherCode() {
    this.view = 'form';
    this.code = '';
    this.outcome = undefined;
    this.confirmingErase = false;
    this.actionProblem = undefined;
    this.actionStatus = undefined;
    this.focusHeading();
  }

  private async focusHeading() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-join': MutJoin;
  }
}
