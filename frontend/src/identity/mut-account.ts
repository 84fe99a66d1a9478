import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { identityApi } from './api';
import { ApiError } from '../shared/api/http';
import { roleWords } from '../shared/format';
import { SessionController } from './session';
import { shared } from '../shared/styles/shared';
import { MIN_PASSWORD, field, focusFirstInvalid } from '../shared/fields';

/** The signed-in person's own page: who they are, where they belong, and their password. */
@customElement('mut-account')
export class MutAccount extends LitElement {
  static styles = [
    shared,
    css`
      section {
        margin-top: var(--mut-space-8);
      }
      ul {
        padding-left: var(--mut-space-6);
      }
      .done p {
        margin-top: var(--mut-space-4);
      }
    `,
  ];

  @state() private currentPassword = '';
  @state() private newPassword = '';
  @state() private currentError?: string;
  @state() private newError?: string;
  @state() private problem?: string;
  @state() private done = false;
  @state() private busy = false;

  private readonly session = new SessionController(this);

  render() {
    const session = this.session.store.session;
    if (!session) return nothing;
    const { account, memberships } = session;
    return html`
      <h1>Your account</h1>
      <p class="lede">${account.displayName} · ${account.email}</p>
      ${
        memberships.length
          ? html`<ul>
            ${memberships.map((m) => html`<li>${m.organisationName}: ${roleWords(m.role)}</li>`)}
          </ul>`
          : html`<p>You are not part of an organisation yet.</p>`
      }
      <section aria-labelledby="password-heading">
        <h2 id="password-heading">Change your password</h2>
        <form class="stack" novalidate @submit=${this.submit}>
          ${field({
            id: 'current-password',
            label: 'Current password',
            type: 'password',
            autocomplete: 'current-password',
            value: this.currentPassword,
            onInput: (v) => (this.currentPassword = v),
            error: this.currentError,
          })}
          ${field({
            id: 'new-password',
            label: 'New password',
            type: 'password',
            autocomplete: 'new-password',
            hint: `At least ${MIN_PASSWORD} characters. A few words you'll remember work well.`,
            value: this.newPassword,
            onInput: (v) => (this.newPassword = v),
            error: this.newError,
          })}
          ${this.problem ? html`<p class="notice" role="alert">${this.problem}</p>` : nothing}
          <div>
            <button class="button" type="submit" ?disabled=${this.busy}>Change password</button>
          </div>
        </form>
        <div role="status" class="done">
          ${this.done ? html`<p class="notice calm">Your password has been changed.</p>` : nothing}
        </div>
      </section>
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.done = false;
    this.problem = undefined;
    this.currentError = this.currentPassword ? undefined : 'Type the password you use now.';
    this.newError =
      this.newPassword.length >= MIN_PASSWORD ? undefined : `Choose a new password of at least ${MIN_PASSWORD} characters.`;
    if (this.currentError || this.newError) {
      focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      await identityApi.changePassword({ currentPassword: this.currentPassword, newPassword: this.newPassword });
      this.currentPassword = '';
      this.newPassword = '';
      this.done = true;
    } catch (e) {
      if (e instanceof ApiError && (e.status === 400 || e.status === 422)) {
        const current = e.fieldMessage('currentPassword');
        this.currentError = current
          ? e.status === 422
            ? "That isn't your current password. Check it and try again."
            : current
          : undefined;
        this.newError = e.fieldMessage('newPassword');
        if (!this.currentError && !this.newError) this.problem = e.message;
        focusFirstInvalid(this);
      } else {
        this.problem = e instanceof Error ? e.message : 'Changing the password did not work. Please try again.';
      }
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-account': MutAccount;
  }
}
