import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ApiError, api } from '../api/client';
import type { InterestPage } from '../api/types';
import { waitWords } from '../format';
import { shared } from '../styles/shared';
import { field, focusFirstInvalid } from './fields';

type Page =
  | { state: 'loading' }
  | { state: 'ready'; page: InterestPage }
  | { state: 'unknown' }
  | { state: 'failed'; message: string };

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
    css`
      .eyebrow {
        margin-bottom: var(--mut-space-1);
        font-weight: 600;
        color: var(--mut-ink-soft);
      }
      select {
        width: 100%;
      }
      .result {
        max-width: 40rem;
        border-left: 4px solid var(--mut-primary);
      }
      .result h2:focus {
        outline: none;
      }
    `,
  ];

  @property() organisationId = '';

  @state() private page: Page = { state: 'loading' };
  @state() private courseId = '';
  @state() private place = '';
  @state() private name = '';
  @state() private email = '';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private problem?: string;
  @state() private busy = false;
  @state() private thanked = false;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('organisationId')) {
      this.thanked = false;
      this.problem = undefined;
      this.errors = {};
      this.open();
    }
  }

  private async open() {
    const organisationId = this.organisationId;
    this.page = { state: 'loading' };
    try {
      const page = await api.interestPage(organisationId);
      if (organisationId !== this.organisationId) return;
      this.page = { state: 'ready', page };
      if (!page.courses.some((c) => c.id === this.courseId)) this.courseId = page.courses.length === 1 ? page.courses[0].id : '';
    } catch (e) {
      if (organisationId !== this.organisationId) return;
      this.page =
        e instanceof ApiError && e.status === 404
          ? { state: 'unknown' }
          : { state: 'failed', message: e instanceof Error ? e.message : 'The page could not be loaded.' };
    }
  }

  render() {
    switch (this.page.state) {
      case 'loading':
        return html`<p class="muted" role="status">Loading the page…</p>`;
      case 'unknown':
        return html`<h1>Ask for a training</h1>
          <p>
            This link doesn't open a page. Part of it may have been lost when it was copied: the organisation that shared
            it can give you the link again.
          </p>`;
      case 'failed':
        return html`<h1>Ask for a training</h1>
          <p class="notice" role="alert">${this.page.message}</p>
          <p><button class="button secondary" type="button" @click=${() => this.open()}>Try again</button></p>`;
      case 'ready':
        return this.renderPage(this.page.page);
    }
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
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#interest-course')?.focus();
  }

  private renderForm(page: InterestPage) {
    if (page.courses.length === 0) {
      return html`<p data-test="interest-no-courses">There are no courses to ask for just now.</p>`;
    }
    const courseError = this.errors.courseId;
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
            this.errors = { ...this.errors, courseId: undefined };
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
        error: this.errors.place,
        test: 'interest-place',
      })}
      ${field({
        id: 'interest-name',
        label: 'Your name',
        autocomplete: 'name',
        maxlength: MAX_NAME,
        value: this.name,
        onInput: (v) => (this.name = v),
        error: this.errors.name,
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
        error: this.errors.email,
        test: 'interest-email',
      })}
      ${this.problem ? html`<p class="notice" role="alert" data-test="interest-problem">${this.problem}</p>` : nothing}
      <div>
        <button class="button" type="submit" data-test="interest-submit" ?disabled=${this.busy}>Let us know</button>
      </div>
    </form>`;
  }

  private async submit(event: Event) {
    event.preventDefault();
    if (this.busy) return;
    this.problem = undefined;
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
    if (!/^[^\s@]+@[^\s@]+$/.test(request.email)) errors.email = 'Type the email address we should write to.';
    this.errors = errors;
    if (Object.keys(errors).length) {
      focusFirstInvalid(this);
      return;
    }
    this.busy = true;
    try {
      await api.registerInterest(this.organisationId, request);
      this.thanked = true;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-test="interest-result"] h2')?.focus();
    } catch (e) {
      this.explain(e);
    } finally {
      this.busy = false;
    }
  }

  private explain(e: unknown) {
    if (!(e instanceof ApiError)) {
      this.problem = 'That did not go through. Please try again.';
      return;
    }
    if (e.status === 400 || e.status === 422) {
      const errors: Partial<Record<Field, string>> = {};
      for (const f of FIELDS) {
        const message = e.fieldMessage(f);
        if (message) errors[f] = message;
      }
      this.errors = errors;
      if (Object.keys(errors).length) {
        focusFirstInvalid(this);
        return;
      }
    }
    if (e.status === 429 && !e.problem.detail) {
      const when = e.retryAfter !== undefined ? waitWords(e.retryAfter) : 'in a little while';
      this.problem = `There have been a lot of requests from here in a short time. Please try again ${when}.`;
      return;
    }
    this.problem = e.message;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-interest': MutInterest;
  }
}
