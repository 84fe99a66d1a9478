import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import type { Cohort } from '../cohort/types';
import { registrationApi } from './api';
import type { RegisterRequest, RegistrationView, Roster } from './types';
import { formatInstantDate } from '../shared/format';
import { registerPath } from '../shared/router';
import { heldUntilWords, holdWords, holdsSeat, statusWords } from './registration-words';
import { choiceStyles } from '../shared/styles/forms';
import { rowListStyles } from '../shared/styles/lists';
import { shared } from '../shared/styles/shared';
import '../shared/mut-confirm';
import { tableStyles } from '../shared/styles/tables';
import { ApiForm, RowActions } from '../shared/api-form';
import { copyOrSelect, copyStyles, linkToShare } from '../shared/copy-link';
import { field, focusAfterUpdate, looksLikeEmail, textArea } from '../shared/fields';
import { announcementRegion, failed, load, loading, problemNotice, type Loadable } from '../shared/loadable';
import { cohortRegistrationStyles } from './mut-cohort-registration-styles';
import './mut-seating-form';
import { poolSeatWords, poolsView, registrationStateWords, waitingWords } from './roster-views';

type AddField = 'name' | 'email' | 'pool' | 'accessNeeds' | 'dietaryNeeds';
const ADD_FIELDS: AddField[] = ['name', 'email', 'pool', 'accessNeeds', 'dietaryNeeds'];

/**
 * A cohort's registration as its organisation sees it: the seat pools, who holds a seat (with
 * their access and dietary needs), current offers, the waitlist in order, ended registrations,
 * and the public link. Admins can also cancel, add someone, share out the seats and open
 * registration; trainers see it all read-only.
 *
 * Dispatches `cohort-changed` (bubbling) when the cohort itself changed, e.g. after opening,
 * and `roster-changed` when someone was added or cancelled.
 */
@customElement('mut-cohort-registration')
export class MutCohortRegistration extends LitElement {
  static styles = [shared, choiceStyles, tableStyles, copyStyles, rowListStyles, cohortRegistrationStyles];

  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;
  /** Organisation admins can change registrations; everyone else reads them. */
  @property({ type: Boolean }) admin = false;

  @state() private roster: Loadable<Roster> = { state: 'loading' };
  @state() private announcement = '';
  @state() private confirming?: string;
  private readonly rows = new RowActions(this);
  @state() private copied?: string;

  private readonly opening = new ApiForm(this);

  @state() private addName = '';
  @state() private addEmail = '';
  @state() private addPool = '';
  @state() private addAccess = '';
  @state() private addDietary = '';
  private readonly addForm = new ApiForm<AddField>(this, { fields: ADD_FIELDS });

  /** The organisation and cohort the section shows (it starts over when they change). */
  private shownFor?: string;
  /** Counts up when the seating form should start again from the roster. */
  @state() private seatingEpoch = 0;

  /**
   * The roster's read (@lit/task): only its newest run counts. The first read for a cohort also
   * starts the seating form from it; a read again that fails leaves the roster shown.
   */
  protected readonly rosterRead = new Task(this, {
    autoRun: false,
    args: () => [this.organisationId, this.cohort?.id ?? ''] as const,
    task: ([organisationId, cohortId]) => load(() => registrationApi.roster(organisationId, cohortId)),
    onComplete: (roster) => {
      const first = this.roster.state === 'loading';
      if (roster.state === 'ready') this.showRoster(roster.value, first);
      else if (first) this.roster = roster;
    },
  });

  protected willUpdate(changed: PropertyValues<this>): void {
    const cohortId = this.cohort?.id;
    if (!cohortId || !this.organisationId) return;
    const key = `${this.organisationId}/${cohortId}`;
    if (key !== this.shownFor) this.startOver(key);
    if (changed.has('admin') && !this.admin) this.confirming = undefined;
  }

  private startOver(key: string) {
    this.shownFor = key;
    this.roster = { state: 'loading' };
    this.announcement = '';
    this.confirming = undefined;
    this.rows.clear();
    this.opening.clear();
    void this.rosterRead.run();
  }

  /** A fresh roster from the server; the seating form starts again from it when asked. */
  private showRoster(roster: Roster, resetSeating = false) {
    this.roster = { state: 'ready', value: roster };
    if (resetSeating) this.seatingEpoch++;
    if (!roster.pools.some((p) => p.code === this.addPool)) this.addPool = roster.pools[0]?.code ?? '';
  }

  /** Fetches the roster again without clearing the page: after people were imported, for example. */
  refreshRoster(): Promise<void> {
    return this.reload();
  }

  private async reload() {
    if (!this.shownFor || !this.cohort) return;
    await this.rosterRead.run();
  }

  render() {
    const cohort = this.cohort;
    if (!cohort) return nothing;
    return html`<section aria-labelledby="registration-heading" data-test="registration-section">
      <h2 id="registration-heading" tabindex="-1">Registration</h2>
      ${announcementRegion(this.announcement, 'registration-announcement')}
      ${this.renderState(cohort)} ${this.renderPublicLink(cohort)} ${this.renderRoster(cohort)}
    </section>`;
  }

  /* ---- where registration stands, and opening it ---- */

  private renderState(cohort: Cohort) {
    if (cohort.status !== 'DRAFT') {
      return html`<p data-test="registration-status">${registrationStateWords(cohort)}</p>`;
    }
    if (!this.admin) {
      return html`<p data-test="registration-status">
        Registration isn't open yet: the cohort is still being planned. An organisation admin opens it when it is
        ready.
      </p>`;
    }
    return html`<div class="card opening" data-test="registration-status">
      <p>
        Registration isn't open yet: the cohort is still being planned. When the seats and a lead trainer are in place,
        open it and people can register at the public link.
      </p>
      ${problemNotice(this.opening.problem, 'open-problem')}
      <button class="button" type="button" data-test="open-registration" ?disabled=${this.opening.busy} @click=${this.open}>
        Open registration
      </button>
    </div>`;
  }

  private async open() {
    const cohort = this.cohort;
    if (!cohort || this.opening.busy) return;
    this.announcement = '';
    await this.opening.run(
      () => registrationApi.openRegistration(this.organisationId, cohort.id),
      (roster) => {
        this.showRoster(roster);
        this.announcement = 'Registration is open. Share the public link so people can register.';
        this.dispatchEvent(new CustomEvent('cohort-changed', { bubbles: true, composed: true }));
      },
    );
  }

  private renderPublicLink(cohort: Cohort) {
    const path = registerPath(cohort.id);
    const url = window.location.origin + path;
    return linkToShare({
      id: 'public-link',
      label: 'Public registration page',
      url,
      test: 'public-link',
      hint: html`Anyone with this link can register; they don't need an account.
        ${cohort.status === 'DRAFT' ? 'The page works once registration is open. ' : ''}<a href=${path}>Open the page</a>`,
      copied: this.copied,
      onCopy: async () => (this.copied = await copyOrSelect(this, '#public-link', url)),
    });
  }

  /* ---- the roster ---- */

  private renderRoster(cohort: Cohort) {
    if (this.roster.state === 'loading') return loading('the registrations');
    if (this.roster.state === 'failed') return failed(this.roster.message);
    const roster = this.roster.value;
    const names = new Map(roster.pools.map((p) => [p.code, p.name]));
    const poolName = (code: string) => names.get(code) ?? code;
    return html`
      ${poolsView(cohort, roster)}
      <h3 id="confirmed-heading">Who has a seat (${roster.confirmed.length})</h3>
      ${
        roster.confirmed.length
          ? html`<ul class="rows" aria-labelledby="confirmed-heading" data-test="roster">
            ${roster.confirmed.map((r) =>
              this.renderRow(r, 'roster-row', html`<span class="muted">${poolName(r.pool)}</span>`, true),
            )}
          </ul>`
          : html`<p>Nobody has a seat yet.</p>`
      }
      <h3 id="offers-heading">Seats offered (${roster.offered.length})</h3>
      ${
        roster.offered.length
          ? html`<ul class="rows" aria-labelledby="offers-heading" data-test="offers">
            ${roster.offered.map((r) =>
              this.renderRow(
                r,
                'offer-row',
                html`<span class="muted"
                  >${poolName(r.pool)} · held until
                  <span data-test="offer-expires"
                    >${r.offerExpiresAt ? heldUntilWords(r.offerExpiresAt, cohort.timeZone) : 'an answer comes'}</span
                  ></span
                >`,
                true,
              ),
            )}
          </ul>`
          : html`<p>No seats are waiting for an answer.</p>`
      }
      <h3 id="waitlist-heading">Waitlist (${roster.waitlist.length})</h3>
      ${
        roster.waitlist.length
          ? html`<p class="hint">
              In the order people joined. When a seat in their pool comes free, the first person waiting for it is
              offered it by email and has ${holdWords(roster.offerHours)} to answer.
            </p>
            <ol class="rows" aria-labelledby="waitlist-heading" data-test="waitlist">
              ${roster.waitlist.map((r) =>
                this.renderRow(
                  r,
                  'waitlist-row',
                  html`<span class="muted">${waitingWords(r, roster.pools.length > 1 ? poolName(r.pool) : undefined)}</span>`,
                  true,
                ),
              )}
            </ol>`
          : html`<p>Nobody is waiting.</p>`
      }
      ${
        roster.ended.length
          ? html`<details data-test="ended">
            <summary>Ended registrations (${roster.ended.length})</summary>
            <ul class="rows">
              ${roster.ended.map((r) =>
                this.renderRow(
                  r,
                  'ended-row',
                  html`<span class="muted">${poolName(r.pool)} · ${statusWords(r.status)}</span>`,
                  false,
                ),
              )}
            </ul>
          </details>`
          : nothing
      }
      ${
        this.admin
          ? this.renderAdmin(cohort, roster)
          : html`<p class="muted" data-test="read-only">
            Cancelling, adding people and sharing out the seats is for the organisation's admins.
          </p>`
      }
    `;
  }

  private renderRow(r: RegistrationView, test: string, where: unknown, cancellable: boolean) {
    const busy = this.rows.isBusy(r.id);
    const notice = this.rows.noticeFor(r.id);
    const place = test === 'waitlist-row';
    return html`<li class="card row ${place ? 'waiting' : ''}" data-test=${test} data-registration=${r.id}>
      ${place ? html`<span class="place" aria-hidden="true">${r.waitlistPlace ?? ''}</span>` : nothing}
      <div class="who">
        <strong data-test="registration-name">${r.name}</strong>
        <span class="muted">${r.email}</span>
        <p>${where} <span class="muted">· registered ${formatInstantDate(r.registeredAt)}</span></p>
        ${
          r.accessNeeds || r.dietaryNeeds
            ? html`<dl class="needs">
              ${
                r.accessNeeds
                  ? html`<dt>Access needs</dt>
                    <dd data-test="access-needs">${r.accessNeeds}</dd>`
                  : nothing
              }
              ${
                r.dietaryNeeds
                  ? html`<dt>Dietary needs</dt>
                    <dd data-test="dietary-needs">${r.dietaryNeeds}</dd>`
                  : nothing
              }
            </dl>`
            : nothing
        }
      </div>
      ${
        this.admin && cancellable
          ? html`<div>
            <button
              class="button secondary"
              type="button"
              id="cancel-${r.id}"
              data-test="cancel-registration"
              ?disabled=${busy}
              aria-expanded=${this.confirming === r.id ? 'true' : 'false'}
              @click=${() => this.askToCancel(r.id)}
            >
              Cancel<span class="visually-hidden"> ${r.name}'s registration</span>
            </button>
          </div>`
          : nothing
      }
      ${
        this.admin && this.confirming === r.id
          ? html`<mut-confirm
            confirm-test="confirm-cancel"
            keep-test="keep-registration"
            confirm-label=${`Cancel ${r.name}'s registration`}
            keep-label=${`Keep ${r.name}`}
            ?busy=${busy}
            @confirm=${() => this.cancel(r)}
            @keep=${() => this.keep(r.id)}
          >
            <p>
              Cancel ${r.name}'s registration?
              ${holdsSeat(r.status) ? 'Their seat is offered to the next person waiting.' : 'They leave the waitlist.'}
              We email them to let them know.
            </p>
          </mut-confirm>`
          : nothing
      }
      ${notice ? html`<p class="notice" role="alert">${notice}</p>` : nothing}
    </li>`;
  }

  private askToCancel(id: string) {
    this.rows.clear();
    this.confirming = this.confirming === id ? undefined : id;
  }

  private async keep(id: string) {
    this.confirming = undefined;
    await focusAfterUpdate(this, `#cancel-${CSS.escape(id)}`);
  }

  private async cancel(r: RegistrationView) {
    const cohort = this.cohort;
    if (!cohort) return;
    this.announcement = '';
    const outcome = await this.rows.run(
      r.id,
      () => registrationApi.cancelRegistration(this.organisationId, cohort.id, r.id),
      (roster) => {
        this.confirming = undefined;
        this.showRoster(roster);
        this.announcement = `${r.name}'s registration is cancelled.`;
        this.dispatchEvent(new CustomEvent('roster-changed', { bubbles: true, composed: true }));
      },
    );
    if (!outcome.ok) this.confirming = undefined;
  }

  /* ---- admins: add someone, share out the seats ---- */

  private renderAdmin(cohort: Cohort, roster: Roster) {
    const ended = cohort.status === 'CANCELLED' || cohort.status === 'COMPLETED';
    return html`<div class="admin">
      ${ended ? nothing : this.renderAddForm(roster)} <mut-seating-form
        .organisationId=${this.organisationId}
        .cohort=${cohort}
        .roster=${roster}
        .epoch=${this.seatingEpoch}
        @seating-saving=${() => (this.announcement = '')}
        @seating-saved=${(e: CustomEvent<Roster>) => {
          this.showRoster(e.detail);
          this.announcement = 'The seating is saved.';
        }}
      ></mut-seating-form>
    </div>`;
  }

  private renderAddForm(roster: Roster) {
    const errors = this.addForm.errors;
    return html`<form class="stack" novalidate data-test="add-form" aria-labelledby="add-heading" @submit=${this.add}>
      <div>
        <h3 id="add-heading">Add someone</h3>
        <p class="hint">
          Register someone yourself, in any pool: seats kept for your own staff, for example. They get the same emails as
          anyone who registers on the public page.
        </p>
      </div>
      ${field({
        id: 'add-name',
        label: 'Their name',
        autocomplete: 'off',
        maxlength: 120,
        value: this.addName,
        onInput: (v) => (this.addName = v),
        error: errors.name,
        test: 'add-name',
      })}
      ${field({
        id: 'add-email',
        label: 'Their email',
        type: 'email',
        autocomplete: 'off',
        maxlength: 320,
        value: this.addEmail,
        onInput: (v) => (this.addEmail = v),
        error: errors.email,
        test: 'add-email',
      })}
      <div>
        <label for="add-pool">Pool</label>
        <select
          id="add-pool"
          data-test="add-pool"
          .value=${live(this.addPool)}
          aria-invalid=${errors.pool ? 'true' : 'false'}
          aria-describedby=${errors.pool ? 'add-pool-error' : nothing}
          @change=${(e: Event) => (this.addPool = (e.target as HTMLSelectElement).value)}
        >
          ${roster.pools.map(
            (p) => html`<option value=${p.code} ?selected=${p.code === this.addPool}>
              ${p.name} (${poolSeatWords(p)}${p.openToPublic ? '' : ', not on the public page'})
            </option>`,
          )}
        </select>
        ${errors.pool ? html`<p class="error" id="add-pool-error">${errors.pool}</p>` : nothing}
      </div>
      ${textArea({
        id: 'add-access',
        label: 'Access needs (optional)',
        maxlength: 1000,
        value: this.addAccess,
        onInput: (v) => (this.addAccess = v),
        error: errors.accessNeeds,
        test: 'add-access',
      })}
      ${textArea({
        id: 'add-dietary',
        label: 'Dietary needs (optional)',
        maxlength: 1000,
        value: this.addDietary,
        onInput: (v) => (this.addDietary = v),
        error: errors.dietaryNeeds,
        test: 'add-dietary',
      })}
      ${problemNotice(this.addForm.problem, 'add-problem')}
      <div>
        <button class="button" type="submit" data-test="add-submit" ?disabled=${this.addForm.busy}>Add to the cohort</button>
      </div>
    </form>`;
  }

  private async add(event: Event) {
    event.preventDefault();
    const cohort = this.cohort;
    if (!cohort || this.addForm.busy) return;
    this.announcement = '';
    const name = this.addName.trim();
    const email = this.addEmail.trim();
    const errors: Partial<Record<AddField, string>> = {};
    if (!name) errors.name = 'Type their name.';
    if (!looksLikeEmail(email)) errors.email = 'Type the email address to write to them at.';
    if (await this.addForm.refuse(errors)) return;
    const request: RegisterRequest = { name, email };
    if (this.addPool) request.pool = this.addPool;
    if (this.addAccess.trim()) request.accessNeeds = this.addAccess.trim();
    if (this.addDietary.trim()) request.dietaryNeeds = this.addDietary.trim();
    await this.addForm.run(
      () => registrationApi.addRegistration(this.organisationId, cohort.id, request),
      async (answer) => {
        const place = answer.waitlistPlace ? `number ${answer.waitlistPlace} ` : '';
        this.announcement =
          answer.status === 'CONFIRMED'
            ? `${name} has a seat. We have emailed them their own link.`
            : `${name} is ${place}on the waitlist for that pool. We have emailed them their own link.`;
        this.addName = '';
        this.addEmail = '';
        this.addAccess = '';
        this.addDietary = '';
        await this.reload();
        this.dispatchEvent(new CustomEvent('roster-changed', { bubbles: true, composed: true }));
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-registration': MutCohortRegistration;
  }
}
