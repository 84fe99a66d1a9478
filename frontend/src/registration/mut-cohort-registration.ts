import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Cohort } from '../cohort/types';
import { registrationApi } from './api';
import type { PoolView, RegisterRequest, RegistrationView, Roster } from './types';
import { ApiError } from '../shared/api/http';
import { formatInstantDate, statusWords as cohortStatusWords } from '../shared/format';
import { registerPath } from '../shared/router';
import { heldUntilWords, holdWords, holdsSeat, people, poolCode, seats, statusWords } from './registration-words';
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

/** Most pools a cohort's seats can be shared into, and the longest an offer can be held. */
const MAX_POOLS = 6;
const MAX_OFFER_HOURS = 24 * 14;
const MAX_POOL_SEATS = 500;
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** One row of the seating form, as typed (numbers stay text until saved). */
interface PoolDraft {
  key: number;
  code: string;
  name: string;
  seats: string;
  openToPublic: boolean;
  /** the code was typed, not made from the name */
  codeTyped: boolean;
}

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

  @state() private offerHours = '';
  @state() private pools: PoolDraft[] = [];
  private readonly seatingForm = new ApiForm<string>(this, {
    fieldsFrom: seatingErrors,
    focus: () => this.focusSeatingProblem(),
  });

  private loadedFor?: string;
  private nextKey = 1;

  protected willUpdate(changed: PropertyValues<this>): void {
    const cohortId = this.cohort?.id;
    if (!cohortId || !this.organisationId) return;
    const key = `${this.organisationId}/${cohortId}`;
    if (key !== this.loadedFor) this.loadFor(key);
    if (changed.has('admin') && !this.admin) this.confirming = undefined;
  }

  private async loadFor(key: string) {
    this.loadedFor = key;
    this.roster = { state: 'loading' };
    this.announcement = '';
    this.confirming = undefined;
    this.rows.clear();
    this.opening.clear();
    const roster = await load(() => registrationApi.roster(this.organisationId, this.cohort!.id));
    if (this.loadedFor !== key) return;
    if (roster.state === 'ready') this.showRoster(roster.value, true);
    else this.roster = roster;
  }

  /** A fresh roster from the server; the seating form starts again from it when asked. */
  private showRoster(roster: Roster, resetSeating = false) {
    this.roster = { state: 'ready', value: roster };
    if (resetSeating || this.pools.length === 0) this.resetSeating(roster);
    if (!roster.pools.some((p) => p.code === this.addPool)) this.addPool = roster.pools[0]?.code ?? '';
  }

  /** Fetches the roster again without clearing the page: after people were imported, for example. */
  refreshRoster(): Promise<void> {
    return this.reload();
  }

  private async reload() {
    const key = this.loadedFor;
    if (!key || !this.cohort) return;
    const roster = await load(() => registrationApi.roster(this.organisationId, this.cohort!.id));
    // when that fails, the roster on the page stays; the next change or visit brings it up to date
    if (this.loadedFor === key && roster.state === 'ready') this.showRoster(roster.value);
  }

  render() {
    const cohort = this.cohort;
    if (!cohort) return nothing;
    return html`<section aria-labelledby="registration-heading" data-test="registration-section">
      <h2 id="registration-heading">Registration</h2>
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
      ${this.renderPools(cohort, roster)}
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

  private renderPools(cohort: Cohort, roster: Roster) {
    const total = roster.pools.reduce((sum, p) => sum + p.seats, 0);
    const taken = roster.pools.reduce((sum, p) => sum + p.taken, 0);
    const waiting = roster.pools.reduce((sum, p) => sum + p.waiting, 0);
    return html`<h3 id="pools-heading">Seats</h3>
      <p>
        ${seats(taken)} of ${cohort.capacity} taken${waiting ? `, ${people(waiting)} waiting` : ''}. An offered seat is
        held for ${holdWords(roster.offerHours)}.
      </p>
      <div class="table-wrap">
        <table aria-labelledby="pools-heading" data-test="pools">
          <thead>
            <tr>
              <th scope="col">Pool</th>
              <th scope="col" class="num">Seats</th>
              <th scope="col" class="num">Taken</th>
              <th scope="col" class="num">Waiting</th>
              <th scope="col">Who can register</th>
            </tr>
          </thead>
          <tbody>
            ${roster.pools.map(
              (p) => html`<tr data-test="pool-row" data-pool=${p.code}>
                <th scope="row">${p.name}<span class="code">${p.code}</span></th>
                <td class="num">${p.seats}</td>
                <td class="num">${p.taken}</td>
                <td class="num">${p.waiting}</td>
                <td>${p.openToPublic ? 'Anyone, on the public page' : 'Added by an admin'}</td>
              </tr>`,
            )}
          </tbody>
          ${
            roster.pools.length > 1
              ? html`<tfoot>
                <tr>
                  <th scope="row">All pools</th>
                  <td class="num">${total}</td>
                  <td class="num">${taken}</td>
                  <td class="num">${waiting}</td>
                  <td></td>
                </tr>
              </tfoot>`
              : nothing
          }
        </table>
      </div>`;
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
      ${ended ? nothing : this.renderAddForm(roster)} ${this.renderSeatingForm(cohort, roster)}
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

  private resetSeating(roster: Roster) {
    this.offerHours = String(roster.offerHours);
    this.pools = roster.pools.map((p) => ({
      key: this.nextKey++,
      code: p.code,
      name: p.name,
      seats: String(p.seats),
      openToPublic: p.openToPublic,
      codeTyped: true,
    }));
    this.seatingForm.clear();
  }

  private updatePool(key: number, change: Partial<PoolDraft>) {
    this.pools = this.pools.map((p) => {
      if (p.key !== key) return p;
      const next = { ...p, ...change };
      if (change.name !== undefined && !p.codeTyped) next.code = poolCode(change.name);
      return next;
    });
  }

  private async addPoolRow() {
    if (this.pools.length >= MAX_POOLS) return;
    const key = this.nextKey++;
    this.pools = [...this.pools, { key, code: '', name: '', seats: '0', openToPublic: true, codeTyped: false }];
    await focusAfterUpdate(this, `#pool-name-${key}`);
  }

  private async removePoolRow(key: number) {
    const index = this.pools.findIndex((p) => p.key === key);
    this.pools = this.pools.filter((p) => p.key !== key);
    this.seatingForm.clear();
    const next = this.pools[Math.min(index, this.pools.length - 1)];
    await focusAfterUpdate(this, next ? `#pool-name-${next.key}` : '[data-test="seating-add-pool"]');
  }

  private renderSeatingForm(cohort: Cohort, roster: Roster) {
    const inUse = new Map(roster.pools.map((p) => [p.code, p.taken + p.waiting]));
    const total = this.pools.reduce((sum, p) => sum + (Number(p.seats) || 0), 0);
    const errors = this.seatingForm.errors;
    return html`<form
      class="wide"
      novalidate
      data-test="seating-form"
      aria-labelledby="seating-heading"
      @submit=${this.saveSeating}
    >
      <div>
        <h3 id="seating-heading">Share out the seats</h3>
        <p class="hint">
          Split the cohort's ${cohort.capacity} places into pools: open seats on the public page, and seats you fill
          yourself (for your own staff, or bursary places). Each pool keeps its own waitlist.
        </p>
      </div>
      <div>
        <label for="seating-offer-hours">How long an offered seat is held, in hours</label>
        <input
          id="seating-offer-hours"
          class="hours"
          type="number"
          inputmode="numeric"
          min="1"
          max=${MAX_OFFER_HOURS}
          data-test="seating-offer-hours"
          .value=${live(this.offerHours)}
          @input=${(e: InputEvent) => (this.offerHours = (e.target as HTMLInputElement).value)}
          aria-invalid=${errors.offerHours ? 'true' : 'false'}
          aria-describedby="seating-offer-hours-hint${errors.offerHours ? ' seating-offer-hours-error' : ''}"
        />
        <p class="hint" id="seating-offer-hours-hint">
          When a seat comes free, the first person waiting has this long to take it before it goes to the next. From 1
          hour to 14 days (${MAX_OFFER_HOURS} hours).
        </p>
        ${errors.offerHours ? html`<p class="error" id="seating-offer-hours-error">${errors.offerHours}</p>` : nothing}
      </div>
      <fieldset aria-describedby="seating-total${errors.pools ? ' seating-pools-error' : ''}">
        <legend>Pools</legend>
        ${repeat(
          this.pools,
          (p) => p.key,
          (p, i) => this.renderPoolRow(p, i, (inUse.get(p.code) ?? 0) > 0),
        )}
        <div class="actions">
          <button
            class="button secondary"
            type="button"
            data-test="seating-add-pool"
            ?disabled=${this.pools.length >= MAX_POOLS}
            @click=${this.addPoolRow}
          >
            Add a pool
          </button>
        </div>
        <p class="hint" id="seating-total" data-test="seating-total">
          ${total} of ${cohort.capacity} places shared
          out${total === cohort.capacity ? '.' : `: the pools need to add up to ${cohort.capacity}.`}
        </p>
        ${errors.pools ? html`<p class="error" id="seating-pools-error">${errors.pools}</p>` : nothing}
      </fieldset>
      ${problemNotice(this.seatingForm.problem, 'seating-problem')}
      <div class="actions">
        <button class="button" type="submit" data-test="seating-submit" ?disabled=${this.seatingForm.busy}>Save the seating</button>
        <button class="button secondary" type="button" data-test="seating-reset" @click=${() => this.resetSeating(roster)}>
          Start again
        </button>
      </div>
    </form>`;
  }

  private renderPoolRow(p: PoolDraft, i: number, used: boolean) {
    const e = (name: string) => this.seatingForm.errors[`pools[${i}].${name}`];
    const rowErrors = ['name', 'code', 'seats'].map((n) => e(n)).filter(Boolean);
    const errorId = `pool-errors-${p.key}`;
    const described = (name: string) => (e(name) ? errorId : nothing);
    return html`<div class="card pool-row" data-test="seating-pool-row" data-key=${p.key}>
      <div>
        <label for="pool-name-${p.key}">Name</label>
        <input
          id="pool-name-${p.key}"
          type="text"
          maxlength="120"
          data-test="seating-pool-name"
          .value=${live(p.name)}
          @input=${(ev: InputEvent) => this.updatePool(p.key, { name: (ev.target as HTMLInputElement).value })}
          aria-invalid=${e('name') ? 'true' : 'false'}
          aria-describedby=${described('name')}
        />
      </div>
      <div>
        <label for="pool-code-${p.key}">Short code</label>
        <input
          id="pool-code-${p.key}"
          type="text"
          maxlength="40"
          spellcheck="false"
          autocomplete="off"
          data-test="seating-pool-code"
          ?readonly=${used}
          .value=${live(p.code)}
          @input=${(ev: InputEvent) => this.updatePool(p.key, { code: (ev.target as HTMLInputElement).value, codeTyped: true })}
          aria-invalid=${e('code') ? 'true' : 'false'}
          aria-describedby=${described('code')}
        />
      </div>
      <div>
        <label for="pool-seats-${p.key}">Seats</label>
        <input
          id="pool-seats-${p.key}"
          type="number"
          inputmode="numeric"
          min="0"
          max=${MAX_POOL_SEATS}
          data-test="seating-pool-seats"
          .value=${live(p.seats)}
          @input=${(ev: InputEvent) => this.updatePool(p.key, { seats: (ev.target as HTMLInputElement).value })}
          aria-invalid=${e('seats') ? 'true' : 'false'}
          aria-describedby=${described('seats')}
        />
      </div>
      <div class="check">
        <input
          id="pool-public-${p.key}"
          type="checkbox"
          data-test="seating-pool-public"
          .checked=${live(p.openToPublic)}
          @change=${(ev: Event) => this.updatePool(p.key, { openToPublic: (ev.target as HTMLInputElement).checked })}
        />
        <label for="pool-public-${p.key}">Open to the public</label>
      </div>
      <div>
        <button
          class="button secondary"
          type="button"
          data-test="seating-remove-pool"
          ?disabled=${used || this.pools.length <= 1}
          aria-describedby=${used ? `pool-used-${p.key}` : nothing}
          @click=${() => this.removePoolRow(p.key)}
        >
          Remove<span class="visually-hidden"> the pool ${p.name || `on row ${i + 1}`}</span>
        </button>
      </div>
      ${
        used || rowErrors.length
          ? html`<div class="errors">
            ${
              used
                ? html`<p class="hint" id="pool-used-${p.key}">
                  People are registered in this pool, so it stays, with its code.
                </p>`
                : nothing
            }
            ${
              rowErrors.length ? html`<div id=${errorId}>${rowErrors.map((m) => html`<p class="error">${m}</p>`)}</div>` : nothing
            }
          </div>`
          : nothing
      }
    </div>`;
  }

  /** Checks the seating as typed; the server checks it again. */
  private checkSeating(capacity: number): Record<string, string> {
    const errors: Record<string, string> = {};
    const hours = Number(this.offerHours);
    if (!Number.isInteger(hours) || hours < 1 || hours > MAX_OFFER_HOURS || this.offerHours.trim() === '') {
      errors.offerHours = `Give a whole number of hours from 1 to ${MAX_OFFER_HOURS}.`;
    }
    const codes = new Set<string>();
    let total = 0;
    this.pools.forEach((p, i) => {
      const code = p.code.trim();
      if (!p.name.trim()) errors[`pools[${i}].name`] = 'Give the pool a name.';
      if (!CODE.test(code) || code.length > 40) {
        errors[`pools[${i}].code`] = 'Give the pool a short code of lower-case letters, numbers and hyphens.';
      } else if (codes.has(code)) {
        errors[`pools[${i}].code`] = 'Another pool has this code; give each pool its own.';
      }
      codes.add(code);
      const n = Number(p.seats);
      if (p.seats.trim() === '' || !Number.isInteger(n) || n < 0 || n > MAX_POOL_SEATS) {
        errors[`pools[${i}].seats`] = `Give a whole number of seats from 0 to ${MAX_POOL_SEATS}.`;
      } else {
        total += n;
      }
    });
    if (this.pools.length === 0) errors.pools = 'Keep at least one pool.';
    if (Object.keys(errors).length === 0 && total !== capacity) {
      errors.pools = `The pools' seats add up to ${total}, but the cohort has ${capacity} places. Make them match.`;
    }
    return errors;
  }

  private async saveSeating(event: Event) {
    event.preventDefault();
    const cohort = this.cohort;
    if (!cohort || this.seatingForm.busy) return;
    this.announcement = '';
    if (await this.seatingForm.refuse(this.checkSeating(cohort.capacity))) return;
    await this.seatingForm.run(
      () =>
        registrationApi.arrangeSeating(this.organisationId, cohort.id, {
          offerHours: Number(this.offerHours),
          pools: this.pools.map((p) => ({
            code: p.code.trim(),
            name: p.name.trim(),
            seats: Number(p.seats),
            openToPublic: p.openToPublic,
          })),
        }),
      (roster) => {
        this.showRoster(roster, true);
        this.announcement = 'The seating is saved.';
      },
    );
  }

  private async focusSeatingProblem() {
    await this.updateComplete;
    const form = this.renderRoot.querySelector('[data-test="seating-form"]');
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      (this.seatingForm.errors.pools ? form?.querySelector<HTMLElement>('[data-test="seating-pool-seats"]') : null);
    target?.focus();
  }
}

/** Where registration stands for a cohort that is past planning. */
function registrationStateWords(cohort: Cohort): string {
  switch (cohort.status) {
    case 'OPEN':
      return 'Registration is open: people can register at the public link.';
    case 'FULL':
      return 'Every public seat is taken: people who register now join the waitlist.';
    case 'CLOSED':
      return 'Registration is closed.';
    default:
      return `${cohortStatusWords(cohort.status)}: registration is over.`;
  }
}

/** "Number 2 waiting for Open seats" (the pool named only when there are several). */
function waitingWords(r: RegistrationView, pool?: string): string {
  const who = r.waitlistPlace ? `Number ${r.waitlistPlace} waiting` : 'Waiting';
  return pool ? `${who} for ${pool}` : who;
}

/** For the pool picker: whether someone added now gets a seat or joins the pool's waitlist. */
function poolSeatWords(p: PoolView): string {
  const left = Math.max(0, p.seats - p.taken);
  if (p.waiting > 0) return `${people(p.waiting)} waiting`;
  return left > 0 ? `${seats(left)} left` : 'full';
}

/**
 * The server's words on the seating, by what they are about: the offer hours, one pool's name,
 * code or seats, or else the pools as a whole.
 */
function seatingErrors(e: unknown): Record<string, string> | undefined {
  if (!(e instanceof ApiError) || (e.status !== 400 && e.status !== 422)) return undefined;
  const errors: Record<string, string> = {};
  for (const { field, message } of e.problem.errors ?? []) {
    const known = field === 'offerHours' || field === 'pools' || /^pools\[\d+\]\.(code|name|seats)$/.test(field);
    const key = known ? field : 'pools';
    errors[key] = errors[key] ?? message;
  }
  return errors;
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-registration': MutCohortRegistration;
  }
}
