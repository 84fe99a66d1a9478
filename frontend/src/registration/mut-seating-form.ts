import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Cohort } from '../cohort/types';
import { registrationApi } from './api';
import type { Roster } from './types';
import { ApiError } from '../shared/api/http';
import { poolCode } from './registration-words';
import { ApiForm } from '../shared/api-form';
import { focusAfterUpdate } from '../shared/fields';
import { problemNotice } from '../shared/loadable';

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

/**
 * How a cohort's seats are shared out (its pools, and how long an offered seat is held), as a
 * form for its organisation's admins. It renders into the registration section's own tree (no
 * shadow root of its own), so that section's styles and tests reach it. It starts again from
 * the roster when `epoch` changes (and when it has no pools yet), and fires `seating-saving`
 * when a save starts and `seating-saved` (detail: the roster the server answered) once saved.
 */
@customElement('mut-seating-form')
export class MutSeatingForm extends LitElement {
  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;
  @property({ attribute: false }) roster?: Roster;
  /** Counts up when the form should start again from the roster. */
  @property({ type: Number }) epoch = 0;

  @state() private offerHours = '';
  @state() private pools: PoolDraft[] = [];
  private readonly seatingForm = new ApiForm<string>(this, {
    fieldsFrom: seatingErrors,
    focus: () => this.focusSeatingProblem(),
  });
  private nextKey = 1;

  protected createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (this.roster && (changed.has('epoch') || (changed.has('roster') && this.pools.length === 0)))
      this.resetSeating(this.roster);
  }

  render() {
    return this.cohort && this.roster ? this.renderSeatingForm(this.cohort, this.roster) : nothing;
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
    this.dispatchEvent(new CustomEvent('seating-saving'));
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
        this.resetSeating(roster);
        this.dispatchEvent(new CustomEvent<Roster>('seating-saved', { detail: roster }));
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
    'mut-seating-form': MutSeatingForm;
  }
}
