import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { cohortApi } from './api';
import type { PlanCohortRequest } from './types';
import type { Course } from '../curricula/types';
import { identityApi } from '../identity/api';
import { ApiError } from '../shared/api/http';
import { fillWeekdays, hhmm, resizeDays, type DayDraft } from './plan-days';
import { browserZone } from '../registration/registration-words';
import { cohortPath, navigate } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { planCohortStyles } from './mut-plan-cohort-styles';
import { COMMON_ZONES, DAY_FIELD, FIELDS, HTTPS_LINK, MAX_CAPACITY } from './plan-cohort-fields';

/**
 * The form an organisation admin plans a new cohort with: the course, its title and places,
 * the time zone, where it happens, when registration opens and closes, and one row per
 * training day of the course. On success it goes to the new cohort's page.
 *
 * Dispatches `plan-closed` (bubbling) when the person decides not to plan one now.
 */
@customElement('mut-plan-cohort')
export class MutPlanCohort extends LitElement {
  static styles = [shared, planCohortStyles];

  @property() organisationId = '';
  @property() organisationName = '';
  /** The courses to choose among, as the curriculum lists them. */
  @property({ attribute: false }) courses: Course[] = [];

  @state() private courseId = '';
  @state() private cohortTitle = '';
  @state() private capacity = '';
  @state() private timeZone = '';
  @state() private venueName = '';
  @state() private venueAddress = '';
  @state() private onlineLink = '';
  @state() private opens = '';
  @state() private closes = '';
  @state() private days: DayDraft[] = [];
  @state() private errors: Record<string, string> = {};
  @state() private problem?: string;
  @state() private planning = false;
  @state() private organisationZone?: string;

  private zoneFor?: string;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('organisationId') && this.organisationId && this.organisationId !== this.zoneFor) {
      this.loadZone(this.organisationId);
    }
  }

  /** The organisation's own time zone, to say what an empty field means. */
  private async loadZone(organisationId: string) {
    this.zoneFor = organisationId;
    this.organisationZone = undefined;
    try {
      const organisations = await identityApi.organisations();
      if (this.zoneFor === organisationId) {
        this.organisationZone = organisations.find((o) => o.id === organisationId)?.timeZone;
      }
    } catch {
      // the hint speaks of "the organisation's time zone" without naming it
    }
  }

  /** Puts focus on the first field, when the form has just been opened. */
  async focusFirst() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#plan-course')?.focus();
  }

  private get course(): Course | undefined {
    return this.courses.find((c) => c.id === this.courseId);
  }

  private chooseCourse(courseId: string) {
    this.courseId = courseId;
    const course = this.courses.find((c) => c.id === courseId);
    this.days = course ? resizeDays(this.days, Math.max(1, course.lengthDays)) : [];
    this.clearError('courseId');
  }

  private setDay(index: number, change: Partial<DayDraft>) {
    const rows = this.days.map((d, i) => (i === index ? { ...d, ...change } : d));
    this.days = change.date !== undefined ? fillWeekdays(rows) : rows;
    const prefix = `days[${index}]`;
    const next = { ...this.errors };
    for (const key of Object.keys(next)) if (key.startsWith(prefix)) delete next[key];
    this.errors = next;
  }

  private clearError(...fields: string[]) {
    if (!fields.some((f) => this.errors[f])) return;
    const next = { ...this.errors };
    for (const f of fields) delete next[f];
    this.errors = next;
  }

  render() {
    const course = this.course;
    return html`<form novalidate data-test="plan-cohort" aria-labelledby="plan-heading" @submit=${this.plan}>
      <div>
        <h2 id="plan-heading">Plan a cohort</h2>
        <p class="hint">
          It starts as a draft: nobody can register until you open registration on its page, once the seats and a lead
          trainer are in place.
        </p>
      </div>

      <fieldset>
        <legend>The course</legend>
        <div>
          <label for="plan-course">Course</label>
          <select
            id="plan-course"
            data-test="plan-course"
            .value=${live(this.courseId)}
            @change=${(e: Event) => this.chooseCourse((e.target as HTMLSelectElement).value)}
            aria-invalid=${this.errors.courseId ? 'true' : 'false'}
            aria-describedby=${this.describedBy('plan-course', 'courseId', true)}
          >
            <option value="" ?selected=${!this.courseId}>Choose a course</option>
            ${this.courses.map(
              (c) =>
                html`<option value=${c.id} ?selected=${c.id === this.courseId}>
                  ${c.title} (${c.lengthDays} ${c.lengthDays === 1 ? 'day' : 'days'})
                </option>`,
            )}
          </select>
          <p class="hint" id="plan-course-hint">The course sets how many training days the cohort has.</p>
          ${this.error('plan-course', 'courseId')}
        </div>
        ${this.input({
          id: 'plan-title',
          test: 'plan-title',
          field: 'title',
          label: 'Title',
          value: this.cohortTitle,
          onInput: (v) => (this.cohortTitle = v),
          hint: 'What people see on the public page, for example “Core, spring group”.',
          maxlength: 200,
        })}
        ${this.input({
          id: 'plan-capacity',
          test: 'plan-capacity',
          field: 'capacity',
          label: 'Places',
          type: 'number',
          value: this.capacity,
          onInput: (v) => (this.capacity = v),
          hint: `How many people can take part, from 1 to ${MAX_CAPACITY}.`,
          short: true,
        })}
      </fieldset>

      <fieldset aria-describedby="plan-days-hint${this.errors.days ? ' plan-days-error' : ''}">
        <legend>Training days</legend>
        <p class="hint" id="plan-days-hint">
          ${
            course
              ? `${course.title} runs over ${course.lengthDays} ${course.lengthDays === 1 ? 'day' : 'days'}. The days need not
              follow one another: choose the first date and the others fill in as the weekdays after it, then change
              any of them.`
              : 'Choose a course first: a row for each of its days appears here.'
          }
        </p>
        ${
          this.days.length
            ? html`<ol class="days">
              ${this.days.map((d, i) => this.renderDay(d, i))}
            </ol>`
            : nothing
        }
        ${this.errors.days ? html`<p class="error problem" id="plan-days-error" tabindex="-1">${this.errors.days}</p>` : nothing}
        ${this.input({
          id: 'plan-time-zone',
          test: 'plan-time-zone',
          field: 'timeZone',
          label: 'Time zone (optional)',
          value: this.timeZone,
          onInput: (v) => (this.timeZone = v),
          hint: this.organisationZone
            ? `The days' times are in this time zone. Leave it empty to use ${this.organisationName || 'the organisation'}'s, ${this.organisationZone}.`
            : `The days' times are in this time zone. Leave it empty to use the organisation's own.`,
          maxlength: 64,
          list: 'plan-zones',
        })}
        <datalist id="plan-zones">
          ${this.zones().map((z) => html`<option value=${z}></option>`)}
        </datalist>
      </fieldset>

      <fieldset aria-describedby=${this.errors.venue ? 'plan-where-error' : 'plan-where-hint'}>
        <legend>Where it happens</legend>
        ${
          this.errors.venue
            ? html`<p class="error" id="plan-where-error">${this.errors.venue}</p>`
            : html`<p class="hint" id="plan-where-hint">Give a venue, an online meeting link, or both.</p>`
        }
        <div class="pair">
          ${this.input({
            id: 'plan-venue-name',
            test: 'plan-venue-name',
            field: 'venue.name',
            label: 'Venue',
            value: this.venueName,
            onInput: (v) => {
              this.venueName = v;
              this.clearError('venue');
            },
            maxlength: 200,
            invalid: Boolean(this.errors.venue),
          })}
          ${this.input({
            id: 'plan-venue-address',
            test: 'plan-venue-address',
            field: 'venue.address',
            label: 'Venue address',
            value: this.venueAddress,
            onInput: (v) => (this.venueAddress = v),
            maxlength: 500,
          })}
        </div>
        ${this.input({
          id: 'plan-online-link',
          test: 'plan-online-link',
          field: 'onlineLink',
          label: 'Online meeting link',
          type: 'url',
          value: this.onlineLink,
          onInput: (v) => {
            this.onlineLink = v;
            this.clearError('venue');
          },
          hint: 'A full link that starts with https://.',
          maxlength: 500,
        })}
      </fieldset>

      <fieldset>
        <legend>Registration (optional)</legend>
        <p class="hint">Leave these empty if registration has no set dates. It needs to close before the first day.</p>
        <div class="pair">
          ${this.input({
            id: 'plan-registration-opens',
            test: 'plan-registration-opens',
            field: 'registrationOpens',
            label: 'Opens on',
            type: 'date',
            value: this.opens,
            onInput: (v) => (this.opens = v),
          })}
          ${this.input({
            id: 'plan-registration-closes',
            test: 'plan-registration-closes',
            field: 'registrationCloses',
            label: 'Closes on',
            type: 'date',
            value: this.closes,
            onInput: (v) => (this.closes = v),
          })}
        </div>
      </fieldset>

      ${
        this.problem
          ? html`<p class="notice problem" role="alert" tabindex="-1" data-test="plan-problem">${this.problem}</p>`
          : nothing
      }
      <div class="actions">
        <button class="button" type="submit" data-test="plan-submit" ?disabled=${this.planning}>
          ${this.planning ? 'Planning…' : 'Plan the cohort'}
        </button>
        <button class="button secondary" type="button" data-test="plan-cancel" @click=${this.close}>Not now</button>
      </div>
    </form>`;
  }

  private renderDay(d: DayDraft, i: number) {
    const n = i + 1;
    const id = (name: string) => `plan-day-${i}-${name}`;
    const err = (name: string) => this.errors[`days[${i}].${name}`];
    const cell = (name: 'date' | 'startsAt' | 'endsAt', label: string, test: string, type: 'date' | 'time', value: string) =>
      html`<div>
        <label for=${id(name)}><span class="visually-hidden">Day ${n} </span>${label}</label>
        <input
          id=${id(name)}
          type=${type}
          data-test=${test}
          .value=${live(value)}
          @input=${(e: InputEvent) => {
            const v = (e.target as HTMLInputElement).value;
            this.setDay(i, name === 'date' ? { date: v, dateTyped: i > 0 && v !== '' } : { [name]: v });
          }}
          aria-invalid=${err(name) ? 'true' : 'false'}
          aria-describedby=${err(name) ? `${id(name)}-error` : nothing}
        />
        ${err(name) ? html`<p class="error" id="${id(name)}-error">${err(name)}</p>` : nothing}
      </div>`;
    return html`<li class="day" data-test="plan-day" data-day=${n}>
      <span class="day-name">Day ${n}</span>
      ${cell('date', 'Date', 'plan-day-date', 'date', d.date)}
      ${cell('startsAt', 'Starts', 'plan-day-starts', 'time', d.startsAt)}
      ${cell('endsAt', 'Ends', 'plan-day-ends', 'time', d.endsAt)}
    </li>`;
  }

  private input(o: {
    id: string;
    test: string;
    field: string;
    label: string;
    value: string;
    onInput: (value: string) => void;
    type?: 'text' | 'number' | 'url' | 'date';
    hint?: string;
    maxlength?: number;
    short?: boolean;
    list?: string;
    /** marked as needing attention for an error said elsewhere (the venue-or-link rule) */
    invalid?: boolean;
  }) {
    const error = this.errors[o.field];
    const type = o.type ?? 'text';
    return html`<div>
      <label for=${o.id}>${o.label}</label>
      <input
        id=${o.id}
        name=${o.id}
        class=${o.short ? 'short' : ''}
        type=${type}
        inputmode=${ifDefined(type === 'number' ? 'numeric' : undefined)}
        min=${ifDefined(type === 'number' ? '1' : undefined)}
        max=${ifDefined(type === 'number' ? String(MAX_CAPACITY) : undefined)}
        maxlength=${ifDefined(o.maxlength)}
        list=${ifDefined(o.list)}
        autocomplete="off"
        spellcheck=${type === 'text' && !o.list ? nothing : 'false'}
        data-test=${o.test}
        .value=${live(o.value)}
        @input=${(e: InputEvent) => {
          o.onInput((e.target as HTMLInputElement).value);
          this.clearError(o.field);
        }}
        aria-invalid=${error || o.invalid ? 'true' : 'false'}
        aria-describedby=${this.describedBy(o.id, o.field, Boolean(o.hint), o.invalid ? 'plan-where-error' : undefined)}
      />
      ${o.hint ? html`<p class="hint" id="${o.id}-hint">${o.hint}</p>` : nothing}
      ${this.error(o.id, o.field)}
    </div>`;
  }

  private describedBy(id: string, field: string, hint: boolean, extra?: string) {
    const ids = [hint ? `${id}-hint` : '', this.errors[field] ? `${id}-error` : '', extra ?? ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private error(id: string, field: string) {
    const message = this.errors[field];
    return message ? html`<p class="error" id="${id}-error">${message}</p>` : nothing;
  }

  /** The organisation's zone and the browser's first, then the common ones. */
  private zones(): string[] {
    const first = [this.organisationZone, browserZone()].filter((z): z is string => Boolean(z));
    return [...new Set([...first, ...COMMON_ZONES])];
  }

  private close() {
    this.dispatchEvent(new CustomEvent('plan-closed', { bubbles: true, composed: true }));
  }

  /** Checks the plan as typed; the server checks it again and has the last word. */
  private check(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!this.course) errors.courseId = 'Choose the course this cohort runs.';
    if (!this.cohortTitle.trim()) errors.title = 'Give the cohort a title, for example “Core, spring group”.';
    const capacity = Number(this.capacity);
    if (this.capacity.trim() === '' || !Number.isInteger(capacity) || capacity < 1 || capacity > MAX_CAPACITY) {
      errors.capacity = `Give the number of places as a whole number from 1 to ${MAX_CAPACITY}.`;
    }
    const venue = this.venueName.trim();
    const link = this.onlineLink.trim();
    if (!venue && !link) errors.venue = 'Give a venue, an online meeting link, or both.';
    if (!venue && this.venueAddress.trim()) errors['venue.name'] = 'Give the venue a name as well as its address.';
    if (link && !HTTPS_LINK.test(link)) errors.onlineLink = 'Use the full link, starting with https://.';
    this.days.forEach((d, i) => {
      const n = i + 1;
      if (!d.date) errors[`days[${i}].date`] = `Choose the date of day ${n}.`;
      else if (i > 0 && this.days[i - 1].date && d.date <= this.days[i - 1].date) {
        errors[`days[${i}].date`] = `Day ${n} needs to come after day ${i}.`;
      }
      if (!d.startsAt) errors[`days[${i}].startsAt`] = 'Give the time it starts.';
      if (!d.endsAt) errors[`days[${i}].endsAt`] = 'Give the time it ends.';
      else if (d.startsAt && hhmm(d.endsAt) <= hhmm(d.startsAt)) {
        errors[`days[${i}].endsAt`] = `Day ${n} needs to end after it starts.`;
      }
    });
    if (this.opens && this.closes && this.closes < this.opens) {
      errors.registrationCloses = 'Registration cannot close before it opens.';
    } else if (this.closes && this.days[0]?.date && this.closes >= this.days[0].date) {
      errors.registrationCloses = 'Registration needs to close before the first training day.';
    }
    return errors;
  }

  private request(): PlanCohortRequest {
    const request: PlanCohortRequest = {
      courseId: this.courseId,
      title: this.cohortTitle.trim(),
      capacity: Number(this.capacity),
      days: this.days.map((d) => ({ date: d.date, startsAt: hhmm(d.startsAt), endsAt: hhmm(d.endsAt) })),
    };
    if (this.timeZone.trim()) request.timeZone = this.timeZone.trim();
    const venue = this.venueName.trim();
    if (venue) {
      request.venue = { name: venue };
      if (this.venueAddress.trim()) request.venue.address = this.venueAddress.trim();
    }
    if (this.onlineLink.trim()) request.onlineLink = this.onlineLink.trim();
    if (this.opens) request.registrationOpens = this.opens;
    if (this.closes) request.registrationCloses = this.closes;
    return request;
  }

  private async plan(event: Event) {
    event.preventDefault();
    if (this.planning || !this.organisationId) return;
    this.problem = undefined;
    this.errors = this.check();
    if (Object.keys(this.errors).length) {
      await this.focusProblem();
      return;
    }
    this.planning = true;
    try {
      const cohort = await cohortApi.planCohort(this.organisationId, this.request());
      navigate(cohortPath(cohort.id));
    } catch (e) {
      this.showFailure(e);
      await this.focusProblem();
    } finally {
      this.planning = false;
    }
  }

  /** Field errors beside their fields; anything the form has no field for, in words above the button. */
  private showFailure(e: unknown) {
    if (!(e instanceof ApiError) || (e.status !== 400 && e.status !== 422) || !e.problem.errors?.length) {
      this.problem = e instanceof Error ? e.message : 'The cohort could not be planned. Please try again.';
      return;
    }
    const errors: Record<string, string> = {};
    const elsewhere: string[] = [];
    for (const { field, message } of e.problem.errors) {
      const day = DAY_FIELD.exec(field);
      const key =
        day && Number(day[1]) < this.days.length ? `days[${day[1]}].${day[2] ?? 'date'}` : FIELDS.has(field) ? field : undefined;
      if (key) errors[key] = errors[key] ?? message;
      else elsewhere.push(/[.!?]$/.test(message) ? message : `${field} ${message}.`);
    }
    this.errors = errors;
    if (elsewhere.length) this.problem = elsewhere.join(' ');
    else if (!Object.keys(errors).length) this.problem = e.message;
  }

  private async focusProblem() {
    await this.updateComplete;
    const form = this.renderRoot.querySelector('form');
    const target =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      form?.querySelector<HTMLElement>('#plan-days-error') ??
      form?.querySelector<HTMLElement>('[data-test="plan-problem"]');
    target?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-plan-cohort': MutPlanCohort;
  }
}
