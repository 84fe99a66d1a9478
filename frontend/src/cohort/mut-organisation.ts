import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cohortApi } from './api';
import type { Cohort } from './types';
import { curriculaApi } from '../curricula/api';
import type { Course } from '../curricula/types';
import {
  ENTRY_STATUS,
  WEEKDAYS,
  addMonths,
  entriesByDate,
  fullDate,
  isMonth,
  monthWeeks,
  monthWords,
  thisMonth,
  todayIso,
  upcomingAndPast,
  type CalendarEntry,
} from './cohort-calendar';
import { formatDate, formatTime, hours, statusWords, where } from '../shared/format';
import { cohortPath, organisationPath, replaceAddress, type CohortsView } from '../shared/router';
import { SessionController } from '../identity/session';
import { shared } from '../shared/styles/shared';
import { failed, load, loading, type Loadable } from '../shared/loadable';
import './mut-plan-cohort';
import type { MutPlanCohort } from './mut-plan-cohort';
import { organisationStyles } from './mut-organisation-styles';

/**
 * The organisation's view: its cohorts, for the organisation chosen in the header, as a list
 * (still to come first, soonest first; past ones folded away) or on a month calendar. The
 * choice, and the month shown, are kept in the address (`?view=month&month=2027-01`).
 */
@customElement('mut-organisation')
export class MutOrganisation extends LitElement {
  static styles = [shared, organisationStyles];

  private readonly session = new SessionController(this);

  /** List or month; the app shell reads it from the address. */
  @property() view: CohortsView = 'list';
  /** The month shown in the month view ("2027-01"); this month when not given. */
  @property() month?: string;
  /** Said politely when the month shown changes. */
  @state() private monthSaid = '';

  @state() private courses: Loadable<Map<string, Course>> = { state: 'loading' };
  @state() private cohorts: Loadable<Cohort[]> = { state: 'loading' };
  /** The plan-a-cohort form is open (organisation admins). */
  @state() private planning = false;
  private loadedFor?: string;

  async connectedCallback() {
    super.connectedCallback();
    if (this.courses.state !== 'ready') {
      this.courses = await load(async () => new Map((await curriculaApi.courses()).map((c) => [c.id, c])));
    }
  }

  protected willUpdate(): void {
    const organisationId = this.session.store.organisationId;
    if (organisationId && organisationId !== this.loadedFor) this.loadCohorts(organisationId);
  }

  private async loadCohorts(organisationId: string) {
    this.loadedFor = organisationId;
    this.planning = false;
    this.cohorts = { state: 'loading' };
    const cohorts = await load(() => cohortApi.cohorts(organisationId));
    if (this.loadedFor === organisationId) this.cohorts = cohorts;
  }

  render() {
    const membership = this.session.store.membership;
    if (!membership) {
      return html`<h1>Cohorts</h1>
        <p>
          You are not part of an organisation yet. When an organisation admin invites you, its cohorts appear
          here.
        </p>`;
    }
    const admin = membership.role === 'ORG_ADMIN';
    return html`
      <div class="head">
        <div>
          <h1>Cohorts</h1>
          <p class="lede">${membership.organisationName}</p>
        </div>
        <div class="actions">
          ${
            admin
              ? html`<button
                  class="button"
                  type="button"
                  data-test="plan-cohort-open"
                  aria-expanded=${this.planning ? 'true' : 'false'}
                  aria-controls="plan-cohort-panel"
                  @click=${this.togglePlan}
                >
                  Plan a cohort
                </button>
                <a class="button secondary" href="/organisation/members">Members and invitations</a>`
              : nothing
          }
          <a class="button secondary" href="/organisation/interest" data-test="interest-demand-link">Interest in courses</a>
        </div>
      </div>
      ${admin && this.planning ? this.renderPlan(membership.organisationId, membership.organisationName) : nothing}
      ${this.renderCohorts(admin)}
    `;
  }

  private renderPlan(organisationId: string, organisationName: string) {
    const courses = this.courses;
    return html`<section class="card plan" id="plan-cohort-panel">
      ${
        courses.state === 'loading'
          ? loading('the courses')
          : courses.state === 'failed'
            ? failed(courses.message)
            : html`<mut-plan-cohort
              .organisationId=${organisationId}
              .organisationName=${organisationName}
              .courses=${[...courses.value.values()]}
              @plan-closed=${this.closePlan}
            ></mut-plan-cohort>`
      }
    </section>`;
  }

  private async togglePlan() {
    if (this.planning) {
      this.closePlan();
      return;
    }
    this.planning = true;
    await this.updateComplete;
    await this.renderRoot.querySelector<MutPlanCohort>('mut-plan-cohort')?.focusFirst();
  }

  private async closePlan() {
    this.planning = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-test="plan-cohort-open"]')?.focus();
  }

  /* ---- the cohorts, as a list or on a month calendar ---- */

  private renderCohorts(admin: boolean) {
    if (this.cohorts.state === 'loading' || this.courses.state === 'loading') return loading('cohorts');
    if (this.courses.state === 'failed') return failed(this.courses.message);
    const courses = this.courses.value;
    if (this.cohorts.state === 'failed') return failed(this.cohorts.message);
    if (this.cohorts.value.length === 0) {
      return html`<p>No cohorts are planned yet.${admin ? ' Plan the first with “Plan a cohort”.' : ''}</p>`;
    }
    const cohorts = this.cohorts.value;
    return html`${this.renderViewSwitch()}
    ${this.view === 'month' ? this.renderMonth(cohorts, courses) : this.renderList(cohorts, courses)}`;
  }

  private renderViewSwitch() {
    const view = (name: CohortsView, label: string) =>
      html`<button
        class="view"
        type="button"
        data-test="view-${name}"
        aria-pressed=${this.view === name ? 'true' : 'false'}
        @click=${() => this.show(name)}
      >
        ${label}
      </button>`;
    return html`<div class="views" role="group" aria-label="Show the cohorts as">
      ${view('list', 'List')} ${view('month', 'Month')}
    </div>`;
  }

  /** Shows the cohorts this way, keeping the choice in the address. */
  private show(view: CohortsView) {
    if (view === this.view) return;
    this.view = view;
    this.month = view === 'month' ? this.shownMonth() : undefined;
    this.monthSaid = '';
    this.keepInAddress();
  }

  /** The month the month view shows: the one asked for, else this month. */
  private shownMonth(): string {
    return isMonth(this.month) ? this.month : thisMonth();
  }

  private keepInAddress() {
    replaceAddress(organisationPath({ view: this.view, month: this.view === 'month' ? this.month : undefined }));
  }

  /* ---- the list: still to come first, soonest first; past cohorts folded away ---- */

  private renderList(cohorts: Cohort[], courses: Map<string, Course>) {
    const { upcoming, past } = upcomingAndPast(cohorts, todayIso());
    return html`${
      upcoming.length
        ? html`<ul class="cohorts" data-test="cohort-list">
          ${upcoming.map((cohort) => this.renderCohort(cohort, courses))}
        </ul>`
        : html`<p data-test="no-upcoming">No cohorts are coming up. The ones that have finished are below.</p>`
    }
    ${
      past.length
        ? html`<details class="past" data-test="past-cohorts">
          <summary>Past cohorts (${past.length})</summary>
          <ul class="cohorts">
            ${past.map((cohort) => this.renderCohort(cohort, courses))}
          </ul>
        </details>`
        : nothing
    }`;
  }

  private renderCohort(cohort: Cohort, courses: Map<string, Course>) {
    return html`<li class="card cohort" data-cohort=${cohort.id}>
      <header>
        <div>
          <h2><a href=${cohortPath(cohort.id)} data-test="cohort-link">${cohort.title}</a></h2>
          <p class="muted">${courseTitle(cohort, courses)}</p>
        </div>
        <span class="status">${statusWords(cohort.status)}</span>
      </header>
      <dl>
        <dt>Days</dt>
        <dd>
          ${hours(cohort)}
          <span class="muted">(${cohort.timeZone})</span>
        </dd>
        <dt>Where</dt>
        <dd>${where(cohort)}${cohort.venue?.address ? html`, ${cohort.venue.address}` : null}</dd>
        <dt>Places</dt>
        <dd>${cohort.capacity}</dd>
        <dt>Trainers</dt>
        <dd>
          ${
            cohort.trainers.length
              ? cohort.trainers.map((t) => `${t.displayName}${t.lead ? ' (lead)' : ''}`).join(', ')
              : 'None booked yet'
          }
        </dd>
        ${
          cohort.registrationCloses
            ? html`<dt>Registration closes</dt>
              <dd>${formatDate(cohort.registrationCloses)}</dd>`
            : null
        }
      </dl>
    </li>`;
  }

  /* ---- the month: a real table, Monday first, one row a week ---- */

  private renderMonth(cohorts: Cohort[], courses: Map<string, Course>) {
    const month = this.shownMonth();
    const today = todayIso();
    const entries = entriesByDate(cohorts, month);
    const count = [...entries.values()].reduce((n, list) => n + list.length, 0);
    const before = addMonths(month, -1);
    const after = addMonths(month, 1);
    return html`<section class="calendar" aria-labelledby="month-caption">
      <div class="month-nav">
        <button class="button secondary" type="button" data-test="month-prev" @click=${() => this.showMonth(before)}>
          <span aria-hidden="true">‹</span> Previous<span class="visually-hidden"> month, ${monthWords(before)}</span>
        </button>
        <button class="button secondary" type="button" data-test="month-today" @click=${() => this.showMonth(thisMonth())}>
          This month
        </button>
        <button class="button secondary" type="button" data-test="month-next" @click=${() => this.showMonth(after)}>
          Next<span class="visually-hidden"> month, ${monthWords(after)}</span> <span aria-hidden="true">›</span>
        </button>
      </div>
      <p class="visually-hidden" role="status" data-test="month-said">${this.monthSaid}</p>
      <table class="month" data-test="month-grid">
        <caption id="month-caption" data-test="month-caption">${monthWords(month)}</caption>
        <thead>
          <tr>
            ${WEEKDAYS.map(
              (d) => html`<th scope="col">
                <abbr title=${d.full} aria-hidden="true">${d.short}</abbr><span class="visually-hidden">${d.full}</span>
              </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${monthWeeks(month).map(
            (week) => html`<tr class=${week.some((date) => date && entries.has(date)) ? 'busy' : 'free'}>
              ${week.map((date) =>
                date ? this.renderDay(date, entries.get(date) ?? [], date === today, courses) : html`<td class="outside"></td>`,
              )}
            </tr>`,
          )}
        </tbody>
      </table>
      ${count === 0 ? html`<p class="muted" data-test="month-empty">No training days in ${monthWords(month)}.</p>` : nothing}
    </section>`;
  }

  private renderDay(date: string, entries: CalendarEntry[], today: boolean, courses: Map<string, Course>) {
    return html`<td
      class="day ${entries.length ? 'busy' : 'free'} ${today ? 'today' : ''}"
      data-test="month-day"
      data-date=${date}
      aria-current=${today ? 'date' : nothing}
    >
      <time datetime=${date}
        ><span class="number" aria-hidden="true">${Number(date.slice(8))}</span
        ><span class="full-date">${fullDate(date)}${today ? ', today' : ''}</span></time
      >
      ${
        entries.length
          ? html`<ul class="entries">
            ${entries.map((entry) => this.renderEntry(entry, courses))}
          </ul>`
          : nothing
      }
    </td>`;
  }

  private renderEntry({ cohort, day }: CalendarEntry, courses: Map<string, Course>) {
    const status = ENTRY_STATUS[cohort.status];
    return html`<li>
      <a
        class="entry"
        href=${cohortPath(cohort.id)}
        data-test="month-entry"
        data-cohort=${cohort.id}
        data-status=${cohort.status}
      >
        <span class="what">${courseTitle(cohort, courses)} · day ${day.dayNumber}</span
        ><span class="visually-hidden">, </span><span class="which">${cohort.title}</span
        ><span class="visually-hidden">, ${formatTime(day.startsAt)} to ${formatTime(day.endsAt)}, </span
        ><span class=${status.shown ? 'tag' : 'visually-hidden'}>${status.words}</span>
      </a>
    </li>`;
  }

  private showMonth(month: string) {
    if (month === this.shownMonth()) {
      this.monthSaid = `Showing ${monthWords(month)} already.`;
      return;
    }
    this.month = month;
    this.keepInAddress();
    const cohorts = this.cohorts.state === 'ready' ? this.cohorts.value : [];
    const count = [...entriesByDate(cohorts, month).values()].reduce((n, list) => n + list.length, 0);
    this.monthSaid = `Showing ${monthWords(month)}: ${
      count === 0 ? 'no training days' : count === 1 ? '1 training day' : `${count} training days`
    }.`;
  }
}

/** The course's title, or its id when the curriculum does not know it. */
function courseTitle(cohort: Cohort, courses: Map<string, Course>): string {
  return courses.get(cohort.courseId)?.title ?? cohort.courseId;
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-organisation': MutOrganisation;
  }
}
