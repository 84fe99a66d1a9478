import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { identityApi } from './api';
import type { InvitationView } from './types';
import { ApiError } from '../shared/api/http';
import { formatInstant, roleWords } from '../shared/format';
import { navigate } from '../shared/router';
import { sessionStore } from './session';
import { shared } from '../shared/styles/shared';
import { MIN_PASSWORD, field, focusFirstInvalid } from '../shared/fields';

type Status =
  | { state: 'loading' }
  | { state: 'ready'; view: InvitationView }
  | { state: 'expired' }
  | { state: 'unknown' }
  | { state: 'failed'; message: string };

/** Opened from the emailed link: accept an invitation to join an organisation. */
@customElement('mut-invitation')
export class MutInvitation extends LitElement {
  static styles = [shared];

  @property() token = '';

  @state() private status: Status = { state: 'loading' };
  @state() private displayName = '';
  @state() private password = '';
  @state() private nameError?: string;
  @state() private passwordError?: string;
  @state() private problem?: string;
  @state() private busy = false;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) this.open();
  }

  private async open() {
    const token = this.token;
    this.status = { state: 'loading' };
    try {
      const view = await identityApi.invitation(token);
      if (token === this.token) this.status = { state: 'ready', view };
    } catch (e) {
      if (token === this.token) this.status = this.gone(e) ?? { state: 'failed', message: messageOf(e) };
    }
  }

  /** An invitation that has run out, or a link that is used or wrong. */
  private gone(e: unknown): Status | undefined {
    if (!(e instanceof ApiError)) return undefined;
    if (e.status === 410 || e.is('invitation-expired')) return { state: 'expired' };
    if (e.status === 404 || e.is('not-found')) return { state: 'unknown' };
    return undefined;
  }

  render() {
    switch (this.status.state) {
      case 'loading':
        return html`<p class="muted" role="status">Opening your invitation…</p>`;
      case 'expired':
        return html`<h1>This invitation has run out</h1>
          <p>
            Invitations only stay open for a while, and this one has passed its date. Please ask the person who
            invited you to send a new one; it only takes them a moment.
          </p>`;
      case 'unknown':
        return html`<h1>This link doesn't open an invitation</h1>
          <p>
            It may already have been used (each link works once), or part of it may have been lost when it was
            copied. If you've already accepted, you can <a href="/sign-in">sign in</a>. Otherwise, ask for a new
            invitation.
          </p>`;
      case 'failed':
        return html`<h1>Your invitation</h1>
          <p class="notice" role="alert">${this.status.message}</p>
          <p><button class="button secondary" type="button" @click=${this.open}>Try again</button></p>`;
      case 'ready':
        return this.renderReady(this.status.view);
    }
  }

  private renderReady(view: InvitationView) {
    return html`
      <h1>Join ${view.organisationName}</h1>
      <p class="lede">
        You've been invited to Mutuality as ${article(view.role)} ${roleWords(view.role).toLowerCase()} for
        ${view.organisationName}.
      </p>
      <p class="muted">
        The invitation is for ${view.email} and stays open until ${formatInstant(view.expiresAt)}.
      </p>
      <form class="stack" novalidate @submit=${this.submit}>
        ${
          view.accountExists
            ? html`<p>You already have a Mutuality account with this email. Type its password to accept.</p>
              ${field({
                id: 'password',
                label: 'Your password',
                type: 'password',
                autocomplete: 'current-password',
                value: this.password,
                onInput: (v) => (this.password = v),
                error: this.passwordError,
              })}`
            : html`${field({
                id: 'display-name',
                label: 'Your name',
                autocomplete: 'name',
                maxlength: 120,
                hint: 'How participants and other trainers will see you.',
                value: this.displayName,
                onInput: (v) => (this.displayName = v),
                error: this.nameError,
              })}
            ${field({
              id: 'password',
              label: 'Choose a password',
              type: 'password',
              autocomplete: 'new-password',
              hint: `At least ${MIN_PASSWORD} characters.`,
              value: this.password,
              onInput: (v) => (this.password = v),
              error: this.passwordError,
            })}`
        }
        ${this.problem ? html`<p class="notice" role="alert">${this.problem}</p>` : nothing}
        <div>
          <button class="button" type="submit" ?disabled=${this.busy}>Accept and join</button>
        </div>
      </form>
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.status.state !== 'ready') return;
    const { view } = this.status;
    this.problem = undefined;
    const name = this.displayName.trim();
    if (view.accountExists) {
      this.nameError = undefined;
      this.passwordError = this.password ? undefined : 'Type the password of your Mutuality account.';
    } else {
      this.nameError = name ? undefined : 'Tell us the name people will know you by.';
      this.passwordError =
        this.password.length >= MIN_PASSWORD ? undefined : `Choose a password of at least ${MIN_PASSWORD} characters.`;
    }
    if (this.nameError || this.passwordError) {
      focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      const session = await identityApi.acceptInvitation(
        this.token,
        view.accountExists ? { password: this.password } : { displayName: name, password: this.password },
      );
      this.password = '';
      sessionStore.signedIn(session);
      const joined = session.memberships.find((m) => m.organisationName === view.organisationName);
      if (joined) sessionStore.chooseOrganisation(joined.organisationId);
      navigate('/organisation');
    } catch (e) {
      const gone = this.gone(e);
      if (gone) {
        this.status = gone;
      } else if (e instanceof ApiError && (e.status === 401 || e.is('sign-in-failed'))) {
        this.passwordError = `That isn't the password for ${view.email}. Check it and try again.`;
        focusFirstInvalid(this);
      } else if (e instanceof ApiError && e.status === 400) {
        this.nameError = e.fieldMessage('displayName');
        this.passwordError = e.fieldMessage('password');
        if (!this.nameError && !this.passwordError) this.problem = e.message;
        focusFirstInvalid(this);
      } else {
        this.problem = messageOf(e);
      }
    } finally {
      this.busy = false;
    }
  }
}

function article(role: string): string {
  return role === 'ORG_ADMIN' ? 'an' : 'a';
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : 'Something went wrong. Please try again.';
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-invitation': MutInvitation;
  }
}
