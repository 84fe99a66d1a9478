import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task, initialState } from '@lit/task';
import { identityApi } from './api';
import type { Invitation, Role } from './types';
import { ApiError } from '../shared/api/http';
import { formatInstant, roleWords } from '../shared/format';
import { field, focusFirstInvalid } from '../shared/fields';
import { failed, load, loading, type Loadable } from '../shared/loadable';

const ROLES: Role[] = ['ORG_ADMIN', 'TRAINER'];

/**
 * The members page's invitations: the ones waiting for an answer (each can be withdrawn) and
 * the form to invite someone. It renders into the page's own tree (no shadow root of its own),
 * so the page's styles and labels reach it. It fires `members-announce` (detail: the words
 * for the page's status line, '' to clear it) and `members-changed` after each change, so the
 * page can read its activity again.
 */
@customElement('mut-member-invitations')
export class MutMemberInvitations extends LitElement {
  /** The organisation whose invitations these are. */
  @property() organisationId = '';

  @state() private invitations: Loadable<Invitation[]> = { state: 'loading' };
  @state() private busy = new Set<string>();
  @state() private notice?: { id: string; message: string };
  @state() private inviteEmail = '';
  @state() private inviteRole: Role = 'TRAINER';
  @state() private inviteError?: string;
  @state() private inviteProblem?: string;
  /** An invitation made whose email could not be sent: its link, for the admin to pass on. */
  @state() private unsent?: { email: string; link: string };
  @state() private inviting = false;

  /** The invitations waiting for an answer; run again to read them again. Only the newest read counts. */
  protected readonly invitationsRead = new Task(this, {
    args: () => [this.organisationId] as const,
    task: ([organisationId]) => (organisationId ? load(() => identityApi.invitations(organisationId)) : initialState),
    onComplete: (value) => (this.invitations = value),
  });

  protected createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('organisationId')) {
      this.invitations = { state: 'loading' };
      this.notice = undefined;
      this.unsent = undefined;
      this.inviteProblem = undefined;
    }
  }

  render() {
    return html`${this.renderInvitations()} ${this.renderInviteForm()}`;
  }

  private renderInvitations() {
    if (this.invitations.state === 'loading') return loading('invitations');
    if (this.invitations.state === 'failed') return failed(this.invitations.message);
    if (this.invitations.value.length === 0) return html`<p>No invitations are waiting for an answer.</p>`;
    return html`<ul class="rows">
      ${this.invitations.value.map((inv) => {
        const notice = this.notice?.id === inv.id ? this.notice.message : undefined;
        return html`<li class="card row" data-invitation=${inv.id}>
          <div class="who">
            <strong>${inv.email}</strong>
            <span class="muted"
              >${roleWords(inv.role)} · invited by ${inv.invitedBy} · the link works until
              ${formatInstant(inv.expiresAt)}</span
            >
          </div>
          <div>
            <button
              class="button secondary"
              type="button"
              ?disabled=${this.busy.has(inv.id)}
              @click=${() => this.withdraw(inv)}
            >
              Withdraw<span class="visually-hidden"> the invitation to ${inv.email}</span>
            </button>
          </div>
          ${notice ? html`<p class="notice" role="alert">${notice}</p>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private async withdraw(invitation: Invitation) {
    const organisationId = this.organisationId;
    if (!organisationId) return;
    this.notice = undefined;
    this.announce('');
    this.setBusy(invitation.id, true);
    try {
      await identityApi.withdrawInvitation(organisationId, invitation.id);
      if (this.invitations.state === 'ready') {
        this.invitations = { state: 'ready', value: this.invitations.value.filter((i) => i.id !== invitation.id) };
      }
      this.announce(`The invitation to ${invitation.email} has been withdrawn; its link no longer works.`);
      this.changed();
    } catch (e) {
      this.notice = { id: invitation.id, message: messageOf(e) };
    } finally {
      this.setBusy(invitation.id, false);
    }
  }

  private renderInviteForm() {
    return html`<form class="stack invite" novalidate @submit=${this.invite} aria-labelledby="invite-heading">
      <h3 id="invite-heading">Invite someone</h3>
      ${field({
        id: 'invite-email',
        label: 'Their email',
        type: 'email',
        autocomplete: 'off',
        hint: 'They get an email with a link that works once.',
        value: this.inviteEmail,
        onInput: (v) => (this.inviteEmail = v),
        error: this.inviteError,
      })}
      <div>
        <label for="invite-role">Role</label>
        <select
          id="invite-role"
          .value=${live(this.inviteRole)}
          @change=${(e: Event) => (this.inviteRole = (e.target as HTMLSelectElement).value as Role)}
        >
          ${ROLES.map((r) => html`<option value=${r} ?selected=${r === this.inviteRole}>${roleWords(r)}</option>`)}
        </select>
      </div>
      ${this.inviteProblem ? html`<p class="notice" role="alert">${this.inviteProblem}</p>` : nothing}
      ${
        this.unsent
          ? html`<div class="notice stack" role="alert" data-test="invite-unsent">
            <p>
              The invitation for <strong>${this.unsent.email}</strong> is made, but we could not send the email. Copy
              this link and send it to them yourself. It works once, for them only, so keep it out of public places.
            </p>
            <label for="invite-link">Invitation link</label>
            <input
              id="invite-link"
              data-test="invite-link"
              readonly
              .value=${live(this.unsent.link)}
              @focus=${(e: Event) => (e.target as HTMLInputElement).select()}
            />
          </div>`
          : nothing
      }
      <div>
        <button class="button" type="submit" ?disabled=${this.inviting}>Send invitation</button>
      </div>
    </form>`;
  }

  private async invite(event: Event) {
    event.preventDefault();
    const organisationId = this.organisationId;
    if (!organisationId) return;
    const email = this.inviteEmail.trim();
    this.inviteProblem = undefined;
    this.unsent = undefined;
    this.announce('');
    this.inviteError = /^[^\s@]+@[^\s@]+$/.test(email) ? undefined : 'Type the email address to send the invitation to.';
    if (this.inviteError) {
      focusFirstInvalid(this);
      return;
    }
    this.inviting = true;
    try {
      const invitation = await identityApi.invite(organisationId, { email, role: this.inviteRole });
      if (this.invitations.state === 'ready') {
        this.invitations = { state: 'ready', value: [...this.invitations.value, invitation] };
      } else {
        // sent before the list had come: a read already on its way may not have it, so read again
        this.invitationsRead.run();
      }
      this.inviteEmail = '';
      if (invitation.emailSent === false && invitation.link) {
        this.unsent = { email: invitation.email ?? email, link: invitation.link };
      } else {
        this.announce(`An invitation is on its way to ${invitation.email ?? email}.`);
      }
      this.changed();
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.fieldMessage('email')) {
        this.inviteError = e.fieldMessage('email');
        focusFirstInvalid(this);
      } else {
        this.inviteProblem = messageOf(e);
      }
    } finally {
      this.inviting = false;
    }
  }

  private setBusy(id: string, on: boolean) {
    const next = new Set(this.busy);
    if (on) next.add(id);
    else next.delete(id);
    this.busy = next;
  }

  private announce(words: string) {
    this.dispatchEvent(new CustomEvent<string>('members-announce', { detail: words }));
  }

  private changed() {
    this.dispatchEvent(new CustomEvent('members-changed'));
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : 'Something went wrong. Please try again.';
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-member-invitations': MutMemberInvitations;
  }
}
