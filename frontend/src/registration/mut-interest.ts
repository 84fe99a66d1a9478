import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { registrationApi } from './api';
import type { InterestPage } from './types';
import { shared } from '../shared/styles/shared';
import { ApiForm } from '../shared/api-form';
import { field, focusAfterUpdate, looksLikeEmail } from '../shared/fields';
import { find, problemNotice, type Findable } from '../shared/loadable';
import { notReady, publicPageStyles } from './public-page';

type Field = 'courseId' | 'place' | 'name' | 'email';
const FIELDS: Field[] = ['courseId', 'place', 'name', 'email'];

/** Longest answers the server takes. */
const MAX_PLACE = 120;
const MAX_NAME = 120;
const MAX_EMAIL = 320;

/**
 * An organisation's public interest page (/interest/{organisationId}): someone who would like a
 * course where none is planned says which, and where, and is written to when one is. No sign-in.
 */
@customElement('mut-interest')
export class MutInterest extends LitElement {
  static styles = [
    shared,
    publicPageStyles,
    css`
      select {
        width: 100%;
      }
    `,
  ];

  @property() organisationId = '';

  @state() private page: Findable<InterestPage> = { state: 'loading' };
  @state() private courseId = '';
  @state() private place = '';
  @state() private name = '';
  @state() private email = '';
  @state() private thanked = false;

  private readonly form = new ApiForm<Field>(this, {
    fields: FIELDS,
    tooMany: 'requests',
    fallback: 'That did not go through. Please try again.',
  });

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('organisationId')) {
      this.thanked = false;
      this.form.clear();
      this.open();
    }
  }

  private async open() {
    const organisationId = this.organisationId;
    this.page = { state: 'loading' };
    const page = await find(() => registrationApi.interestPage(organisationId));
    if (organisationId !== this.organisationId) return;
    this.page = page;
    if (page.state !== 'ready') return;
    const courses = page.value.courses;
    if (!courses.some((c) => c.id === this.courseId)) this.courseId = courses.length === 1 ? courses[0].id : '';
  }

  render() {
    if (this.page.state === 'ready') return this.renderPage(this.page.value);
    return notReady(this.page, {
      title: 'Ask for a training',
      loadingWhat: 'the page',
      nowhere: html`<p>
        This link doesn't open a page. Part of it may have been lost when it was copied: the organisation that shared it
        can give you the link again.
      </p>`,
      retry: () => this.open(),
    });
  }

  private renderPage(page: InterestPage) {
    return html`
      <p class="eyebrow" data-test="interest-organisation">${page.organisationName}</p>
      <h1>Ask for a training near you</h1>
      <p class="lede">
        If there is no training planned where you are, tell us which course you would like and where. When one is
        planned near you, we write to you with the link to register. Nothing else: no newsletters.
      </p>
      ${this.thanked ? this.renderThanks() : this.renderForm(page)}
    `;
  }

  private renderThanks() {
    return html`<section class="card result" data-test="interest-result">
      <h2 tabindex="-1">Thank you — we'll write when a training is planned near you.</h2>
      <p>We have noted your interest. There is nothing more to do for now.</p>
      <p>
        <button class="quiet" type="button" data-test="interest-another" @click=${this.another}>
          Ask for another course or place
        </button>
      </p>
    </section>`;
  }

  private async another() {
    this.thanked = false;
    this.place = '';
    await focusAfterUpdate(this, '#interest-course');
  }

  private renderForm(page: InterestPage) {
    if (page.courses.length === 0) {
      return html`<p data-test="interest-no-courses">There are no courses to ask for just now.</p>`;
    }
    const courseError = this.form.errors.courseId;
    return html`<form class="stack" novalidate data-test="interest-form" @submit=${this.submit}>
      <div>
        <label for="interest-course">Course</label>
        <select
          id="interest-course"
          data-test="interest-course"
          .value=${live(this.courseId)}
          aria-invalid=${courseError ? 'true' : 'false'}
          aria-describedby=${courseError ? 'interest-course-error' : nothing}
          @change=${(e: Event) => {
            this.courseId = (e.target as HTMLSelectElement).value;
            this.form.setError('courseId', undefined);
          }}
        >
          <option value="" ?selected=${!this.courseId}>Choose a course</option>
          ${page.courses.map((c) => html`<option value=${c.id} ?selected=${c.id === this.courseId}>${c.title}</option>`)}
        </select>
        ${courseError ? html`<p class="error" id="interest-course-error">${courseError}</p>` : nothing}
      </div>
      ${field({
        id: 'interest-place',
        label: 'Where',
        hint: 'A town, a city or an area, for example “Galway” or “North Dublin”.',
        maxlength: MAX_PLACE,
        value: this.place,
        onInput: (v) => (this.place = v),
        error: this.form.errors.place,
        test: 'interest-place',
      })}
      ${field({
        id: 'interest-name',
        label: 'Your name',
        autocomplete: 'name',
        maxlength: MAX_NAME,
        value: this.name,
        onInput: (v) => (this.name = v),
        error: this.form.errors.name,
        test: 'interest-name',
      })}
      ${field({
        id: 'interest-email',
        label: 'Your email',
        type: 'email',
        autocomplete: 'email',
        maxlength: MAX_EMAIL,
        hint: 'We write to you here only when a training is planned near you.',
        value: this.email,
        onInput: (v) => (this.email = v),
        error: this.form.errors.email,
        test: 'interest-email',
      })}
      ${problemNotice(this.form.problem, 'interest-problem')}
      <div>
        <button class="button" type="submit" data-test="interest-submit" ?disabled=${this.form.busy}>Let us know</button>
      </div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.form.busy) return;
    const request = {
      courseId: this.courseId,
      place: this.place.trim(),
      name: this.name.trim(),
      email: this.email.trim(),
    };
    const errors: Partial<Record<Field, string>> = {};
    if (!request.courseId) errors.courseId = 'Choose the course you would like.';
    if (!request.place) errors.place = 'Say where you would like it.';
    if (!request.name) errors.name = 'Tell us your name.';
    if (!looksLikeEmail(request.email)) errors.email = 'Type the email address we should write to.';
    if (await this.form.refuse(errors)) return;
    await this.form.run(
      () => registrationApi.registerInterest(this.organisationId, request),
      async () => {
        this.thanked = true;
        await focusAfterUpdate(this, '[data-test="interest-result"] h2');
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-interest': MutInterest;
  }
}
