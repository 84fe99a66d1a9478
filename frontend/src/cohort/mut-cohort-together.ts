import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cohortApi } from './api';
import type { Cohort, FollowUp } from './types';
import { ApiError } from '../shared/api/http';
import { shared } from '../shared/styles/shared';
import { field, textArea } from '../shared/fields';
import { formatDate, formatTime } from '../shared/format';

type Part = 'contact' | 'agreements' | 'follow-up';

/**
 * What the group keeps around the course: who participants can reach during and between the
 * days, the working agreements made on the first day (shown again in the room each day), and a
 * co-reflection session after the course. The cohort's trainers and the organisation's admins
 * edit them here; the answer is the cohort as it is now (`cohort-updated`).
 */
@customElement('mut-cohort-together')
export class MutCohortTogether extends LitElement {
  static styles = [
    shared,
    css`
      form {
        display: grid;
        gap: var(--mut-space-3);
        max-width: 36rem;
        margin-top: var(--mut-space-3);
      }
      section + section {
        margin-top: var(--mut-space-6);
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-3);
      }
      .row > * {
        flex: 1 1 10rem;
      }
    `,
  ];

  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;
  /** Whether the signed-in person may change these (the cohort's trainers, the organisation's admins). */
  @property({ type: Boolean }) editable = false;

  @state() private editing?: Part;
  @state() private form: Record<string, string> = {};
  @state() private errors: Record<string, string> = {};
  @state() private problem?: string;
  @state() private saving = false;

  render() {
    const c = this.cohort;
    if (!c) return nothing;
    return html`<section class="card" aria-labelledby="together-heading" data-test="cohort-together">
      <h2 id="together-heading" tabindex="-1">Around the course</h2>
      ${this.renderContact(c)} ${this.renderAgreements(c)} ${this.renderFollowUp(c)}
      ${this.problem ? html`<p class="notice" role="alert" data-test="together-problem">${this.problem}</p>` : nothing}
    </section>`;
  }

  private renderContact(c: Cohort) {
    const contact = c.supportContact;
    return html`<section aria-labelledby="contact-heading">
      <h3 id="contact-heading">Support contact</h3>
      ${
        contact
          ? html`<p data-test="support-contact">
            ${contact.name}${contact.phone ? `, ${contact.phone}` : ''}${contact.email ? `, ${contact.email}` : ''}${
              contact.note ? `. ${contact.note}` : ''
            }
          </p>`
          : html`<p class="muted">Nobody named yet. Participants see this person in the room and on their own page.</p>`
      }
      ${
        this.editing === 'contact'
          ? html`<form novalidate @submit=${this.saveContact} data-test="contact-form">
            ${this.input('name', 'Name', 120)}
            <div class="row">${this.input('phone', 'Phone (optional)', 40)} ${this.input('email', 'Email (optional)', 320, 'email')}</div>
            ${this.input('note', 'When and how (optional)', 300)}
            <div class="actions">
              <button class="button" type="submit" ?disabled=${this.saving}>Save the contact</button>
              ${
                contact
                  ? html`<button class="quiet" type="button" data-test="remove-contact" @click=${this.clearContact} ?disabled=${this.saving}>
                      Remove
                    </button>`
                  : nothing
              }
              <button class="quiet" type="button" @click=${() => (this.editing = undefined)}>Not now</button>
            </div>
          </form>`
          : this.editButton('contact', contact ? 'Change the contact' : 'Name a contact', {
              name: contact?.name ?? '',
              phone: contact?.phone ?? '',
              email: contact?.email ?? '',
              note: contact?.note ?? '',
            })
      }
    </section>`;
  }

  private renderAgreements(c: Cohort) {
    const agreements = c.workingAgreements ?? [];
    return html`<section aria-labelledby="agreements-heading">
      <h3 id="agreements-heading">Working agreements</h3>
      ${
        agreements.length
          ? html`<ol data-test="working-agreements">
            ${agreements.map((a) => html`<li>${a}</li>`)}
          </ol>`
          : html`<p class="muted">None written down yet. The group makes them together on the first day.</p>`
      }
      ${
        this.editing === 'agreements'
          ? html`<form novalidate @submit=${this.saveAgreements} data-test="agreements-form">
            ${textArea({
              id: 'agreements',
              label: 'One agreement per line',
              value: this.form.agreements ?? '',
              hint: 'Up to 20, each up to 200 characters. They are shown in the room each day.',
              error: this.errors.statements,
              onInput: (v) => (this.form = { ...this.form, agreements: v }),
            })}
            <div class="actions">
              <button class="button" type="submit" ?disabled=${this.saving}>Save the agreements</button>
              <button class="quiet" type="button" @click=${() => (this.editing = undefined)}>Not now</button>
            </div>
          </form>`
          : this.editButton('agreements', agreements.length ? 'Change the agreements' : 'Write them down', {
              agreements: agreements.join('\n'),
            })
      }
    </section>`;
  }

  private renderFollowUp(c: Cohort) {
    const f = c.followUp;
    return html`<section aria-labelledby="follow-up-heading">
      <h3 id="follow-up-heading">Meeting again after the course</h3>
      ${
        f
          ? html`<p data-test="follow-up">
            ${formatDate(f.date)}, ${formatTime(f.startsAt)}–${formatTime(f.endsAt)}, ${f.place}${f.note ? `. ${f.note}` : ''}
          </p>`
          : html`<p class="muted">No co-reflection session planned.</p>`
      }
      ${
        this.editing === 'follow-up'
          ? html`<form novalidate @submit=${this.saveFollowUp} data-test="follow-up-form">
            <div class="row">
              ${this.input('date', 'Date', 10, 'date')} ${this.input('startsAt', 'Starts', 5, 'time')}
              ${this.input('endsAt', 'Ends', 5, 'time')}
            </div>
            ${this.input('place', 'Place or link', 500)} ${this.input('note', 'Note (optional)', 500)}
            <div class="actions">
              <button class="button" type="submit" ?disabled=${this.saving}>Save the session</button>
              ${
                f
                  ? html`<button class="quiet" type="button" data-test="remove-follow-up" @click=${this.clearFollowUp} ?disabled=${this.saving}>
                    Remove
                  </button>`
                  : nothing
              }
              <button class="quiet" type="button" @click=${() => (this.editing = undefined)}>Not now</button>
            </div>
          </form>`
          : this.editButton('follow-up', f ? 'Change the session' : 'Plan a session', {
              date: f?.date ?? '',
              startsAt: f?.startsAt?.slice(0, 5) ?? '',
              endsAt: f?.endsAt?.slice(0, 5) ?? '',
              place: f?.place ?? '',
              note: f?.note ?? '',
            })
      }
    </section>`;
  }

  private editButton(part: Part, label: string, values: Record<string, string>) {
    if (!this.editable) return nothing;
    return html`<button
      class="button secondary"
      type="button"
      data-test=${`edit-${part}`}
      @click=${() => {
        this.form = values;
        this.errors = {};
        this.problem = undefined;
        this.editing = part;
      }}
    >
      ${label}
    </button>`;
  }

  private input(name: string, label: string, maxlength: number, type: 'text' | 'email' | 'date' | 'time' = 'text') {
    return field({
      id: `together-${name}`,
      label,
      type,
      maxlength,
      value: this.form[name] ?? '',
      error: this.errors[name],
      onInput: (v) => (this.form = { ...this.form, [name]: v }),
    });
  }

  private saveContact = (e: Event) => {
    e.preventDefault();
    const f = this.form;
    this.save(() =>
      cohortApi.setSupportContact(this.organisationId, this.cohort!.id, {
        name: (f.name ?? '').trim(),
        ...(f.phone?.trim() ? { phone: f.phone.trim() } : {}),
        ...(f.email?.trim() ? { email: f.email.trim() } : {}),
        ...(f.note?.trim() ? { note: f.note.trim() } : {}),
      }),
    );
  };

  private clearContact = () =>
    this.save(async () => {
      await cohortApi.clearSupportContact(this.organisationId, this.cohort!.id);
      return { ...this.cohort!, supportContact: null };
    });

  private saveAgreements = (e: Event) => {
    e.preventDefault();
    const statements = (this.form.agreements ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    this.save(async () => {
      const saved = await cohortApi.setWorkingAgreements(this.organisationId, this.cohort!.id, statements);
      return { ...this.cohort!, workingAgreements: saved.statements };
    });
  };

  private saveFollowUp = (e: Event) => {
    e.preventDefault();
    const f = this.form;
    const followUp: FollowUp = {
      date: f.date ?? '',
      startsAt: f.startsAt ?? '',
      endsAt: f.endsAt ?? '',
      place: (f.place ?? '').trim(),
      ...(f.note?.trim() ? { note: f.note.trim() } : {}),
    };
    this.save(() => cohortApi.setFollowUp(this.organisationId, this.cohort!.id, followUp));
  };

  private clearFollowUp = () =>
    this.save(async () => {
      await cohortApi.clearFollowUp(this.organisationId, this.cohort!.id);
      return { ...this.cohort!, followUp: null };
    });

  private async save(work: () => Promise<Cohort>) {
    this.saving = true;
    this.errors = {};
    this.problem = undefined;
    try {
      const cohort = await work();
      this.editing = undefined;
      this.dispatchEvent(new CustomEvent<Cohort>('cohort-updated', { detail: cohort, bubbles: true, composed: true }));
    } catch (e) {
      const named = e instanceof ApiError ? (e.problem.errors ?? []) : [];
      if (named.length) {
        this.errors = Object.fromEntries(named.map((f) => [f.field.replace(/^statements.*/, 'statements'), f.message]));
      } else {
        this.problem = e instanceof Error ? e.message : 'That could not be saved. Please try again.';
      }
    } finally {
      this.saving = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-together': MutCohortTogether;
  }
}
