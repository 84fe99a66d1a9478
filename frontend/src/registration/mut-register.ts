import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { curriculaApi } from '../curricula/api';
import { registrationApi } from './api';
import type { PublicCohort, PublicPool, RegistrationReceived } from './types';
import { ApiError } from '../shared/api/http';
import { formatDate } from '../shared/format';
import { coursePath } from '../shared/router';
import { listWords } from '../cohort/completion-words';
import { dayWords, hasFreeSeat, poolWords } from './registration-words';
import { choiceStyles } from '../shared/styles/forms';
import { shared } from '../shared/styles/shared';
import { ApiForm, fieldErrors } from '../shared/api-form';
import { field, focusAfterUpdate, looksLikeEmail, textArea } from '../shared/fields';
import { find, problemNotice, type Findable } from '../shared/loadable';
import { notReady, publicPageStyles } from './public-page';

type Field = 'name' | 'email' | 'pool' | 'accessNeeds' | 'dietaryNeeds' | 'certificateCode';
const FIELDS: Field[] = ['name', 'email', 'pool', 'accessNeeds', 'dietaryNeeds', 'certificateCode'];

/** Longest answers the server takes. */
const MAX_NAME = 120;
const MAX_EMAIL = 320;
const MAX_NEEDS = 1000;
const MAX_CODE = 40;

/**
 * A cohort's public registration page (/register/{cohortId}): what the training is, when and
 * where, how many seats are left, and a short form for a seat or a waitlist place. No sign-in.
 */
@customElement('mut-register')
export class MutRegister extends LitElement {
  static styles = [
    shared,
    choiceStyles,
    publicPageStyles,
    css`
      h1 {
        overflow-wrap: anywhere;
      }
      .facts {
        max-width: 48rem;
        margin-bottom: var(--mut-space-8);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--mut-space-3) var(--mut-space-6);
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      dd p {
        margin: 0;
      }
      ul.days,
      ul.pools,
      ul.plain {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-1);
      }
      ul.pools {
        gap: var(--mut-space-2);
        margin-bottom: var(--mut-space-4);
      }
      ul.pools li {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-1) var(--mut-space-3);
      }
      section + section {
        margin-top: var(--mut-space-8);
      }
      .state {
        border-left: 4px solid var(--mut-primary);
        padding-left: var(--mut-space-4);
      }
      .choice {
        display: flex;
        gap: var(--mut-space-3);
        align-items: flex-start;
        padding: var(--mut-space-2) var(--mut-space-3);
        border: 2px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
      }
      .choice input {
        width: 1.25rem;
        min-height: 1.25rem;
        height: 1.25rem;
        margin: 0.15rem 0 0;
        flex: none;
      }
      .choice label {
        margin: 0;
      }
      .choice .hint {
        margin: 0;
      }
      @media (max-width: 640px) {
        dl {
          grid-template-columns: 1fr;
          gap: var(--mut-space-1);
        }
        dd {
          margin-bottom: var(--mut-space-3);
        }
      }
    `,
  ];

  @property() cohortId = '';

  @state() private page: Findable<PublicCohort> = { state: 'loading' };
  @state() private courseTitles = new Map<string, string>();

  @state() private name = '';
  @state() private email = '';
  @state() private pool = '';
  @state() private accessNeeds = '';
  @state() private dietaryNeeds = '';
  @state() private certificateCode = '';
  @state() private registered?: { answer: RegistrationReceived; email: string };

  private readonly form = new ApiForm<Field>(this, {
    fields: FIELDS,
    // a 422 is about the seats, which may have changed: said in words, not beside a field
    statuses: [400],
    // the course this one builds on was not found for this email or code: said beside the code
    fieldsFrom: (e) =>
      this.page.state === 'ready' && this.page.value.prerequisites.length ? fieldErrors(e, ['certificateCode']) : undefined,
    tooMany: 'registrations',
    fallback: 'Registering did not work. Please try again.',
  });

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cohortId')) {
      this.registered = undefined;
      this.form.clear();
      this.open();
    }
  }

  private async open(quietly = false) {
    const cohortId = this.cohortId;
    if (!quietly) this.page = { state: 'loading' };
    const page = await find(() => registrationApi.publicCohort(cohortId));
    if (cohortId !== this.cohortId || (quietly && page.state !== 'ready')) return;
    this.page = page;
    if (page.state !== 'ready') return;
    const cohort = page.value;
    if (!cohort.pools.some((p) => p.code === this.pool)) this.pool = defaultPool(cohort.pools);
    if (cohort.prerequisites.length) this.loadCourseTitles();
  }

  /** Course titles for the prerequisites; the ids stand in if the curriculum cannot be reached. */
  private async loadCourseTitles() {
    try {
      this.courseTitles = new Map((await curriculaApi.courses()).map((c) => [c.id, c.title]));
    } catch {
      // the ids are shown instead
    }
  }

  render() {
    if (this.page.state === 'ready') return this.renderCohort(this.page.value);
    return notReady(this.page, {
      title: 'Registration',
      loadingWhat: 'the registration page',
      nowhere: html`<p>
        This link doesn't open a registration page. The training may not be open for registration yet, or part of the
        link may have been lost when it was copied. The organisation that sent it can give you the link again.
      </p>`,
      retry: () => this.open(),
    });
  }

  private renderCohort(cohort: PublicCohort) {
    return html`
      <p class="eyebrow" data-test="register-organisation">${cohort.organisationName}</p>
      <h1 data-test="register-course">${cohort.courseTitle}</h1>
      <p class="lede" data-test="register-cohort">${cohort.title}</p>
      <div class="card facts">
        <dl>
          <dt>When</dt>
          <dd>
            ${
              cohort.days.length
                ? html`<ul class="days" data-test="register-days">
                  ${cohort.days.map((d) => html`<li>${dayWords(d)}</li>`)}
                </ul>`
                : html`<p>The dates are still being arranged.</p>`
            }
            <p class="muted" data-test="register-time-zone">Times are in the ${cohort.timeZone} time zone.</p>
          </dd>
          <dt>Where</dt>
          <dd data-test="register-where">${this.renderWhere(cohort)}</dd>
          ${
            cohort.prerequisites.length
              ? html`<dt>Before this course</dt>
                <dd>
                  <p>It builds on:</p>
                  <ul class="plain">
                    ${cohort.prerequisites.map(
                      (id) => html`<li><a href=${coursePath(id)}>${this.courseTitles.get(id) ?? id}</a></li>`,
                    )}
                  </ul>
                </dd>`
              : nothing
          }
        </dl>
      </div>
      ${this.registered ? this.renderResult(cohort, this.registered) : this.renderRegistration(cohort)}
    `;
  }

  private renderWhere(cohort: PublicCohort) {
    const lines: unknown[] = [];
    if (cohort.venueName) lines.push(html`<p>${cohort.venueName}</p>`);
    if (cohort.venueAddress) lines.push(html`<p class="muted">${cohort.venueAddress}</p>`);
    if (cohort.online) lines.push(html`<p>${cohort.venueName ? 'and online' : 'Online'}</p>`);
    return lines.length ? lines : html`<p>The place is still to be confirmed.</p>`;
  }

  private renderRegistration(cohort: PublicCohort) {
    const state = cohort.registration;
    const takes = state === 'open' || state === 'waitlist';
    return html`
      <section aria-labelledby="seats-heading">
        <h2 id="seats-heading">Seats</h2>
        <p class="state" data-test="registration-state">${this.stateWords(cohort)}</p>
        ${
          state !== 'closed' && cohort.pools.length
            ? html`<ul class="pools">
              ${cohort.pools.map(
                (p) => html`<li data-test="public-pool" data-pool=${p.code}>
                  ${cohort.pools.length > 1 ? html`<strong>${p.name}</strong>` : nothing}
                  <span>${poolWords(p)}</span>
                </li>`,
              )}
            </ul>`
            : nothing
        }
      </section>
      ${takes && cohort.pools.length ? this.renderForm(cohort) : problemNotice(this.form.problem, 'register-problem')}
    `;
  }

  private stateWords(cohort: PublicCohort): string {
    const closes = cohort.registrationCloses ? ` Registration closes on ${formatDate(cohort.registrationCloses)}.` : '';
    switch (cohort.registration) {
      case 'open':
        return `Registration is open: register below for a seat.${closes}`;
      case 'waitlist':
        if (!cohort.pools.length) {
          return `The seats for this training are arranged by ${cohort.organisationName} directly, so there is nothing to register for here.`;
        }
        return (
          'Every seat is taken for now, but you are welcome to join the waitlist. When a seat comes free we offer it ' +
          `to the next person waiting, by email.${closes}`
        );
      case 'not-yet':
        return cohort.registrationOpens
          ? `Registration hasn't opened yet. It opens on ${formatDate(cohort.registrationOpens)}: come back then to register.`
          : "Registration hasn't opened yet. Please come back a little later to register.";
      case 'closed':
        return (
          'Registration for this training has closed, so there is no form to fill in here. ' +
          `If you hoped to take part, ${cohort.organisationName} can tell you about other dates.`
        );
    }
  }

  private renderForm(cohort: PublicCohort) {
    const chosen = cohort.pools.find((p) => p.code === this.pool) ?? cohort.pools[0];
    const intoSeat = hasFreeSeat(chosen);
    return html`<section aria-labelledby="register-heading">
      <h2 id="register-heading">${intoSeat ? 'Register' : 'Join the waitlist'}</h2>
      <form class="stack" novalidate data-test="register-form" @submit=${(e: Event) => this.submit(e, cohort)}>
        ${field({
          id: 'register-name',
          label: 'Your name',
          autocomplete: 'name',
          maxlength: MAX_NAME,
          value: this.name,
          onInput: (v) => (this.name = v),
          error: this.form.errors.name,
          test: 'register-name',
        })}
        ${field({
          id: 'register-email',
          label: 'Your email',
          type: 'email',
          autocomplete: 'email',
          maxlength: MAX_EMAIL,
          hint: 'We send your confirmation here, with your own link to check or cancel your registration.',
          value: this.email,
          onInput: (v) => (this.email = v),
          error: this.form.errors.email,
          test: 'register-email',
        })}
        ${cohort.pools.length > 1 ? this.renderPools(cohort.pools) : nothing}
        ${cohort.prerequisites.length ? this.renderCertificateCode(cohort) : nothing}
        ${textArea({
          id: 'register-access',
          label: 'Access needs (optional)',
          hint: 'Anything that would help you take part fully: step-free access, a hearing loop, breaks, large print…',
          maxlength: MAX_NEEDS,
          value: this.accessNeeds,
          onInput: (v) => (this.accessNeeds = v),
          error: this.form.errors.accessNeeds,
          test: 'register-access',
        })}
        ${textArea({
          id: 'register-dietary',
          label: 'Dietary needs (optional)',
          hint: 'If food is served, what you can and cannot eat.',
          maxlength: MAX_NEEDS,
          value: this.dietaryNeeds,
          onInput: (v) => (this.dietaryNeeds = v),
          error: this.form.errors.dietaryNeeds,
          test: 'register-dietary',
        })}
        ${problemNotice(this.form.problem, 'register-problem')}
        <div>
          <button class="button" type="submit" data-test="register-submit" ?disabled=${this.form.busy}>
            ${intoSeat ? 'Register' : 'Join the waitlist'}
          </button>
        </div>
      </form>
    </section>`;
  }

  /** For a course that builds on another: the code on the certificate of that course, or nothing when the same email did it here. */
  private renderCertificateCode(cohort: PublicCohort) {
    const needed = listWords(cohort.prerequisites.map((id) => this.courseTitles.get(id) ?? id));
    return html`<div data-test="register-prerequisite">
      <p id="register-prerequisite-words">
        This course is for people who have completed <strong data-test="register-needed-course">${needed}</strong>.
      </p>
      ${field({
        id: 'register-certificate-code',
        label: `Certificate code for ${needed} (optional)`,
        autocomplete: 'off',
        maxlength: MAX_CODE,
        hint:
          `It is printed on your certificate and looks like IPS-ABCDE-23456. Leave it empty if you took ${needed} ` +
          'through Mutuality with the same email you give above: we find it ourselves.',
        value: this.certificateCode,
        onInput: (v) => (this.certificateCode = v),
        error: this.form.errors.certificateCode,
        test: 'register-certificate-code',
      })}
    </div>`;
  }

  private renderPools(pools: PublicPool[]) {
    const error = this.form.errors.pool;
    return html`<fieldset data-test="register-pool" aria-describedby=${error ? 'register-pool-error' : nothing}>
      <legend>Which seats</legend>
      ${pools.map(
        (p) => html`<div class="choice">
          <input
            type="radio"
            name="register-pool"
            id="register-pool-${p.code}"
            value=${p.code}
            .checked=${p.code === this.pool}
            @change=${() => (this.pool = p.code)}
            aria-describedby="register-pool-${p.code}-hint"
          />
          <div>
            <label for="register-pool-${p.code}">${p.name}</label>
            <p class="hint" id="register-pool-${p.code}-hint">
              ${hasFreeSeat(p) ? poolWords(p) : `${poolWords(p)}: you would join the waitlist`}
            </p>
          </div>
        </div>`,
      )}
      ${error ? html`<p class="error" id="register-pool-error">${error}</p>` : nothing}
    </fieldset>`;
  }

  private async submit(event: Event, cohort: PublicCohort) {
    event.preventDefault();
    if (this.form.busy) return;
    const name = this.name.trim();
    const email = this.email.trim();
    const errors: Partial<Record<Field, string>> = {};
    if (!name) errors.name = 'Tell us your name.';
    if (!looksLikeEmail(email)) errors.email = 'Type the email address we should write to.';
    if (await this.form.refuse(errors)) return;
    const outcome = await this.form.run(
      () =>
        registrationApi.register(this.cohortId, {
          name,
          email,
          ...(cohort.pools.length > 1 && this.pool ? { pool: this.pool } : {}),
          ...(this.accessNeeds.trim() ? { accessNeeds: this.accessNeeds.trim() } : {}),
          ...(this.dietaryNeeds.trim() ? { dietaryNeeds: this.dietaryNeeds.trim() } : {}),
          ...(cohort.prerequisites.length && this.certificateCode.trim()
            ? { certificateCode: this.certificateCode.trim().toUpperCase() }
            : {}),
        }),
      async (answer) => {
        this.registered = { answer, email };
        await focusAfterUpdate(this, '[data-test="register-result"] h2');
      },
    );
    // the seats, pools or state may have changed since the page was opened
    const error = outcome.ok ? undefined : outcome.error;
    if (this.form.problem && error instanceof ApiError && (error.status === 409 || error.status === 422)) this.open(true);
  }

  private renderResult(cohort: PublicCohort, { answer, email }: { answer: RegistrationReceived; email: string }) {
    // The answer is the same whether this is a new registration or the email was already
    // registered, so that nobody can find out who is registered; the email says which.
    if (answer.emailSent === false) {
      return html`<section class="card result" data-test="register-result">
        <h2 tabindex="-1">Your registration is saved</h2>
        <p>
          Thank you for registering for ${cohort.title}. We could not send the email to <strong>${email}</strong> just
          now, so it will not arrive: the email is what tells you whether you have a seat or a place on the waitlist, with
          your own link.
        </p>
        <p>
          To have it sent again, register here later with the same email address: nothing about your place changes.
          Or ask the organisation running the course for your link.
        </p>
      </section>`;
    }
    return html`<section class="card result" data-test="register-result">
      <h2 tabindex="-1">Check your email</h2>
      <p>
        Thank you for registering for ${cohort.title}. We have sent an email to <strong>${email}</strong> that says
        whether you have a seat or a place on the waitlist.
      </p>
      <p>
        The email has your own link, to check where you stand or to cancel whenever you need to. If it has not come in a
        few minutes, look in your spam folder.
      </p>
    </section>`;
  }
}

/** The first pool with a free seat, else the first pool. */
function defaultPool(pools: PublicPool[]): string {
  return (pools.find(hasFreeSeat) ?? pools[0])?.code ?? '';
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-register': MutRegister;
  }
}
