import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { cohortApi } from './api';
import type { Cohort, Trainer } from './types';
import { identityApi } from '../identity/api';
import type { Member } from '../identity/types';
import { choiceStyles } from '../shared/styles/forms';
import { rowListStyles } from '../shared/styles/lists';
import { shared } from '../shared/styles/shared';
import { ApiForm, RowActions } from '../shared/api-form';
import { focusAfterUpdate } from '../shared/fields';
import { announcementRegion, failed, load, loading, problemNotice, type Loadable } from '../shared/loadable';

/**
 * The trainers booked on a cohort, the lead marked. Organisation admins can book one of the
 * organisation's trainers (as lead or co-trainer) and take a trainer off; the server refuses,
 * with words, a trainer booked elsewhere at an overlapping time and a lead without the
 * qualification the course needs.
 *
 * Dispatches `cohort-updated` (bubbling) with the updated cohort as its detail.
 */
/** What the course asks of a lead trainer, as the server says it (the course's own rule, not a guess here). */
export function leadHint(needs: Cohort['leadNeeds']): string {
  switch (needs) {
    case 'TRAIN_THE_TRAINER':
      return 'Leading this course needs a recorded Train-the-Trainer.';
    case 'CORE':
      return 'Leading this course needs a recorded Core training.';
    default:
      return 'Any trainer of the organisation may lead this course.';
  }
}

@customElement('mut-cohort-trainers')
export class MutCohortTrainers extends LitElement {
  static styles = [
    shared,
    choiceStyles,
    rowListStyles,
    css`
      ul.rows {
        margin-bottom: var(--mut-space-6);
      }
      .row {
        align-items: center;
      }
      form {
        display: grid;
        gap: var(--mut-space-4);
        max-width: 36rem;
      }
      h3 {
        margin-bottom: 0;
      }
      select {
        width: 100%;
      }
      @media (max-width: 640px) {
        .row {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;
  /** Organisation admins book trainers and take them off; everyone else reads who is booked. */
  @property({ type: Boolean }) admin = false;

  @state() private members: Loadable<Member[]> = { state: 'loading' };
  @state() private chosen = '';
  @state() private lead = false;
  /** Booking: the only field of its own is the trainer chosen; the server's objections are said in words. */
  private readonly booking = new ApiForm<'member'>(this);
  private readonly rows = new RowActions(this);
  @state() private announcement = '';

  private membersFor?: string;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (this.admin && this.organisationId && this.organisationId !== this.membersFor) this.loadMembers(this.organisationId);
    if (changed.has('cohort') && changed.get('cohort')?.id !== this.cohort?.id) {
      this.chosen = '';
      this.lead = false;
      this.booking.clear();
      this.rows.clear();
      this.announcement = '';
    }
  }

  private async loadMembers(organisationId: string) {
    this.membersFor = organisationId;
    this.members = { state: 'loading' };
    const members = await load(() => identityApi.members(organisationId));
    if (this.membersFor === organisationId) this.members = members;
  }

  render() {
    const cohort = this.cohort;
    if (!cohort) return nothing;
    return html`<section aria-labelledby="trainers-heading" data-test="trainers">
      <h2 id="trainers-heading" tabindex="-1">Trainers</h2>
      ${announcementRegion(this.announcement, 'trainers-announcement')}
      ${
        cohort.trainers.length
          ? html`<ul class="rows" aria-labelledby="trainers-heading">
            ${leadFirst(cohort.trainers).map((t) => this.renderTrainer(t))}
          </ul>`
          : html`<p data-test="no-trainers">
            No trainers are booked yet.${this.admin ? ' Book a lead trainer before you open registration.' : ''}
          </p>`
      }
      ${this.admin ? this.renderBooking(cohort) : nothing}
    </section>`;
  }

  private renderTrainer(t: Trainer) {
    const notice = this.rows.noticeFor(t.accountId);
    return html`<li class="card row" data-test="trainer-row" data-trainer=${t.accountId}>
      <p class="who">
        <strong data-test="trainer-name">${t.displayName}</strong>
        ${
          t.lead
            ? html`<span class="pill" data-test="trainer-lead">Lead trainer</span>`
            : html`<span class="muted">· co-trainer</span>`
        }
      </p>
      ${
        this.admin
          ? html`<div>
            <button
              class="button secondary"
              type="button"
              data-test="unbook-trainer"
              ?disabled=${this.rows.isBusy(t.accountId)}
              aria-describedby=${notice ? `trainer-notice-${t.accountId}` : nothing}
              @click=${() => this.unbook(t)}
            >
              Take off<span class="visually-hidden"> ${t.displayName}</span>
            </button>
          </div>`
          : nothing
      }
      ${notice ? html`<p class="notice" role="alert" id="trainer-notice-${t.accountId}">${notice}</p>` : nothing}
    </li>`;
  }

  private renderBooking(cohort: Cohort) {
    if (cohort.status === 'CANCELLED' || cohort.status === 'COMPLETED') {
      const state = cohort.status === 'CANCELLED' ? 'cancelled' : 'completed';
      return html`<p class="muted">This cohort is ${state}, so no more trainers can be booked on it.</p>`;
    }
    const heading = html`<h3 id="book-heading">Book a trainer</h3>`;
    if (this.members.state === 'loading') return html`${heading} ${loading('the trainers')}`;
    if (this.members.state === 'failed') return html`${heading} ${failed(this.members.message)}`;
    const booked = new Set(cohort.trainers.map((t) => t.accountId));
    const candidates = this.members.value.filter((m) => m.role === 'TRAINER' && !booked.has(m.accountId));
    if (candidates.length === 0) {
      const anyTrainers = this.members.value.some((m) => m.role === 'TRAINER');
      return html`${heading}
        <p data-test="book-trainer-none">
          ${
            anyTrainers
              ? 'Everyone with the trainer role is already booked on this cohort.'
              : html`Nobody here has the trainer role yet. Invite trainers, or change someone's role, on
                <a href="/organisation/members">Members and invitations</a>.`
          }
        </p>`;
    }
    const currentLead = cohort.trainers.find((t) => t.lead);
    const chooseError = this.booking.errors.member;
    return html`<form novalidate data-test="book-trainer" aria-labelledby="book-heading" @submit=${this.book}>
      ${heading}
      <div>
        <label for="book-trainer-member">Trainer</label>
        <select
          id="book-trainer-member"
          data-test="book-trainer-member"
          .value=${live(this.chosen)}
          @change=${(e: Event) => {
            this.chosen = (e.target as HTMLSelectElement).value;
            this.booking.clear();
          }}
          aria-invalid=${chooseError ? 'true' : 'false'}
          aria-describedby="book-trainer-member-hint${chooseError ? ' book-trainer-member-error' : ''}"
        >
          <option value="" ?selected=${!this.chosen}>Choose a trainer</option>
          ${candidates.map(
            (m) => html`<option value=${m.accountId} ?selected=${m.accountId === this.chosen}>${m.displayName}</option>`,
          )}
        </select>
        <p class="hint" id="book-trainer-member-hint">Members with the trainer role who are not on this cohort yet.</p>
        ${chooseError ? html`<p class="error" id="book-trainer-member-error">${chooseError}</p>` : nothing}
      </div>
      <div>
        <div class="check">
          <input
            id="book-trainer-lead"
            type="checkbox"
            data-test="book-trainer-lead"
            .checked=${live(this.lead)}
            @change=${(e: Event) => {
              this.lead = (e.target as HTMLInputElement).checked;
              this.booking.problem = undefined;
              this.requestUpdate();
            }}
            aria-describedby="book-trainer-lead-hint"
          />
          <label for="book-trainer-lead">Lead trainer</label>
        </div>
        <p class="hint" id="book-trainer-lead-hint">
          ${leadHint(this.cohort?.leadNeeds)}${
            currentLead ? ` Booking a new lead makes ${currentLead.displayName} a co-trainer.` : ''
          }
        </p>
      </div>
      ${problemNotice(this.booking.problem, 'book-trainer-problem')}
      <div>
        <button class="button" type="submit" data-test="book-trainer-submit" ?disabled=${this.booking.busy}>
          Book the trainer
        </button>
      </div>
    </form>`;
  }

  private emitUpdate(cohort: Cohort) {
    this.dispatchEvent(new CustomEvent<Cohort>('cohort-updated', { detail: cohort, bubbles: true, composed: true }));
  }

  private async book(event: Event) {
    event.preventDefault();
    const cohort = this.cohort;
    if (!cohort || this.booking.busy) return;
    this.announcement = '';
    if (await this.booking.refuse(this.chosen ? {} : { member: 'Choose who to book.' })) return;
    const accountId = this.chosen;
    const lead = this.lead;
    const name =
      (this.members.state === 'ready' ? this.members.value.find((m) => m.accountId === accountId)?.displayName : undefined) ??
      'The trainer';
    await this.booking.run(
      () => cohortApi.bookTrainer(this.organisationId, cohort.id, { accountId, lead }),
      (updated) => {
        this.chosen = '';
        this.lead = false;
        this.announcement = `${name} is booked as ${lead ? 'the lead trainer' : 'a co-trainer'}.`;
        this.emitUpdate(updated);
      },
    );
  }

  private async unbook(trainer: Trainer) {
    const cohort = this.cohort;
    if (!cohort || this.rows.isBusy(trainer.accountId)) return;
    this.announcement = '';
    await this.rows.run(
      trainer.accountId,
      () => cohortApi.unbookTrainer(this.organisationId, cohort.id, trainer.accountId),
      async (updated) => {
        this.announcement = `${trainer.displayName} is no longer booked on this cohort.`;
        this.emitUpdate(updated);
        await focusAfterUpdate(this, '#trainers-heading');
      },
    );
  }
}

/** The lead first, then the co-trainers in the order they were booked. */
function leadFirst(trainers: Trainer[]): Trainer[] {
  return [...trainers.filter((t) => t.lead), ...trainers.filter((t) => !t.lead)];
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-trainers': MutCohortTrainers;
  }
}
