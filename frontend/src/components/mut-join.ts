import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, api } from '../api/client';
import { CODE_LENGTH, codeProblem, normaliseCode } from '../join-code';
import { shared } from '../styles/shared';

/** The participant's way in: a room code and the name others will see. No account. */
@customElement('mut-join')
export class MutJoin extends LitElement {
  static styles = [
    shared,
    css`
      form {
        max-width: 28rem;
        display: grid;
        gap: var(--mut-space-6);
      }
      #code {
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-xl);
        letter-spacing: 0.3em;
        text-transform: uppercase;
      }
      .error {
        color: var(--mut-accent);
        font-weight: 600;
        margin: var(--mut-space-1) 0 0;
      }
    `,
  ];

  /** A code from the join link, if the person followed one. */
  @property() code = '';
  @state() private name = '';
  @state() private codeError?: string;
  @state() private nameError?: string;
  @state() private outcome?: string;
  @state() private busy = false;

  render() {
    return html`
      <h1>Join a training room</h1>
      <p class="lede">Your trainer shares a short code when the day's room opens. You do not need an account.</p>
      <form novalidate @submit=${this.submit}>
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
        <div>
          <label for="name">Your name in the room</label>
          <input
            id="name"
            name="name"
            autocomplete="nickname"
            maxlength="40"
            .value=${this.name}
            @input=${(e: InputEvent) => (this.name = (e.target as HTMLInputElement).value)}
            aria-describedby="name-hint ${this.nameError ? 'name-error' : ''}"
            aria-invalid=${this.nameError ? 'true' : 'false'}
          />
          <p class="hint" id="name-hint">A first name or a nickname is enough.</p>
          ${this.nameError ? html`<p class="error" id="name-error">${this.nameError}</p>` : null}
        </div>
        <div>
          <button class="button" type="submit" ?disabled=${this.busy}>Join the room</button>
        </div>
        ${this.outcome ? html`<p class="notice" role="status">${this.outcome}</p>` : null}
      </form>
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.outcome = undefined;
    this.codeError = codeProblem(this.code) ?? undefined;
    this.nameError = this.name.trim() ? undefined : 'Tell the room what to call you.';
    if (this.codeError || this.nameError) return;
    this.busy = true;
    try {
      await api.joinRoom(normaliseCode(this.code), this.name.trim());
    } catch (e) {
      this.outcome =
        e instanceof ApiError && e.status === 404
          ? 'No room is open with this code right now. Check the code with your trainer; rooms open when the day begins.'
          : e instanceof Error
            ? e.message
            : 'Joining did not work. Please try again.';
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-join': MutJoin;
  }
}
