import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { identityApi } from './api';
import { ApiError } from '../shared/api/http';
import { waitWords } from '../shared/format';
import { navigate, safeNextPath } from '../shared/router';
import { SessionController } from './session';
import { shared } from '../shared/styles/shared';
import { field, focusFirstInvalid } from '../shared/fields';

/** Where the people who organise and run trainings sign in. Participants never need to. */
@customElement('mut-sign-in')
export class MutSignIn extends LitElement {
  static styles = [shared];

  /** Where to go afterwards, from `?next=`; only a path on this site is followed. */
  @property() next?: string | null;

  @state() private email = '';
  @state() private password = '';
  @state() private emailError?: string;
  @state() private passwordError?: string;
  @state() private problem?: string;
  @state() private busy = false;

  private readonly session = new SessionController(this);

  render() {
    const signedIn = this.session.store.session;
    if (signedIn && !this.busy) {
      return html`<h1>You're signed in</h1>
        <p>You're signed in as ${signedIn.account.displayName}.</p>
        <p><a class="button" href=${safeNextPath(this.next) ?? '/organisation'}>Carry on</a></p>`;
    }
    return html`
      <h1>Sign in</h1>
      <p class="lede">For the people who organise and run trainings.</p>
      <p>
        Taking part in a training? You don't need an account: <a href="/join">join with the code</a> your trainer
        shares.
      </p>
      <form class="stack" novalidate @submit=${this.submit}>
        ${field({
          id: 'email',
          label: 'Email',
          type: 'email',
          autocomplete: 'username',
          value: this.email,
          onInput: (v) => (this.email = v),
          error: this.emailError,
        })}
        ${field({
          id: 'password',
          label: 'Password',
          type: 'password',
          autocomplete: 'current-password',
          value: this.password,
          onInput: (v) => (this.password = v),
          error: this.passwordError,
        })}
        ${this.problem ? html`<p class="notice" role="alert">${this.problem}</p>` : nothing}
        <div>
          <button class="button" type="submit" ?disabled=${this.busy}>Sign in</button>
        </div>
      </form>
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    this.problem = undefined;
    this.emailError = this.email.trim() ? undefined : 'Type the email address you use for Mutuality.';
    this.passwordError = this.password ? undefined : 'Type your password.';
    if (this.emailError || this.passwordError) {
      focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      const session = await identityApi.signIn({ email: this.email.trim(), password: this.password });
      this.password = '';
      this.session.store.signedIn(session);
      navigate(safeNextPath(this.next) ?? '/organisation');
    } catch (e) {
      this.problem = this.explain(e);
      if (this.emailError || this.passwordError) focusFirstInvalid(this);
    } finally {
      this.busy = false;
    }
  }

  private explain(e: unknown): string | undefined {
    if (!(e instanceof ApiError)) return 'Signing in did not work. Please try again.';
    if (e.status === 401 || e.is('sign-in-failed')) {
      return "That email and password don't go together. Check both and try again. After several wrong passwords in a row, an account is paused for a while.";
    }
    if (e.status === 429 || e.is('too-many-attempts')) {
      const when = e.retryAfter !== undefined ? `You can try again ${waitWords(e.retryAfter)}.` : e.problem.detail;
      return `Signing in is paused for a little while after several tries in a row. ${when ?? 'Please wait a few minutes, then try again.'}`;
    }
    if (e.status === 400) {
      this.emailError = e.fieldMessage('email');
      this.passwordError = e.fieldMessage('password');
      if (this.emailError || this.passwordError) return undefined;
    }
    return e.message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-sign-in': MutSignIn;
  }
}
