import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cohortApi } from './api';
import { consoleApi } from '../console/api';
import { roomStatusWords } from '../console/room-status';
import type { DayRoomStatus } from '../console/types';
import type { Cohort } from './types';
import { curriculaApi } from '../curricula/api';
import { ApiError } from '../shared/api/http';
import { formatDate, statusWords, where } from '../shared/format';
import { dayWords } from '../registration/registration-words';
import { SessionController } from '../identity/session';
import { cohortEvaluationsPath, dayHandoutPath } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { failed, loading, type Loadable } from '../shared/loadable';
import './mut-calendar-link';
import './mut-cohort-completion';
import type { MutCohortCompletion } from './mut-cohort-completion';
import '../registration/mut-cohort-import';
import './mut-cohort-lifecycle';
import './mut-cohort-together';
import '../registration/mut-cohort-registration';
import type { MutCohortRegistration } from '../registration/mut-cohort-registration';
import './mut-cohort-trainers';

type Page = Loadable<Cohort> | { state: 'unknown' };

/**
 * One cohort as its organisation's staff see it (/organisation/cohorts/{cohortId}), in the
 * organisation chosen in the header: its days, place and trainers, and its registration.
 */
@customElement('mut-cohort')
export class MutCohort extends LitElement {
  static styles = [
    shared,
    css`
      .back {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        margin-bottom: var(--mut-space-2);
      }
      header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: start;
        gap: var(--mut-space-2) var(--mut-space-4);
      }
      h1 {
        overflow-wrap: anywhere;
      }
      .status {
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
        border-radius: 999px;
        padding: var(--mut-space-1) var(--mut-space-3);
        font-size: var(--mut-text-sm);
        font-weight: 600;
      }
      .facts {
        margin: var(--mut-space-4) 0 var(--mut-space-12);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--mut-space-2) var(--mut-space-6);
        margin: 0;
      }
      dt {
        color: var(--mut-ink-soft);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ul.days {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      mut-cohort-trainers,
      mut-cohort-together,
      mut-calendar-link {
        margin-bottom: var(--mut-space-12);
      }
      mut-cohort-import,
      mut-cohort-completion,
      mut-cohort-lifecycle,
      .evaluations {
        margin-top: var(--mut-space-12);
      }
      @media (max-width: 640px) {
        dl {
          grid-template-columns: 1fr;
          gap: var(--mut-space-1);
        }
        dd {
          margin-bottom: var(--mut-space-2);
        }
      }
    `,
  ];

  @property() cohortId = '';

  @state() private page: Page = { state: 'loading' };
  @state() private courseTitles = new Map<string, string>();
  /** Each opened day's room by day number: live (with who is here) or ended. */
  @state() private rooms = new Map<number, DayRoomStatus>();

  private readonly session = new SessionController(this);
  private loadedFor?: string;

  connectedCallback(): void {
    super.connectedCallback();
    curriculaApi.courses().then(
      (courses) => (this.courseTitles = new Map(courses.map((c) => [c.id, c.title]))),
      () => undefined, // the course id stands in for its title
    );
  }

  protected willUpdate(_changed: PropertyValues<this>): void {
    const organisationId = this.session.store.organisationId;
    if (!organisationId || !this.cohortId) return;
    const key = `${organisationId}/${this.cohortId}`;
    if (key !== this.loadedFor) this.load(key, organisationId);
  }

  private async load(key: string, organisationId: string, quietly = false) {
    this.loadedFor = key;
    if (!quietly) this.page = { state: 'loading' };
    try {
      const [cohort, rooms] = await Promise.all([
        cohortApi.cohort(organisationId, this.cohortId),
        // where the day rooms stand is a help, not a need: the page stands without it
        consoleApi.dayRooms(organisationId, this.cohortId).catch(() => [] as DayRoomStatus[]),
      ]);
      if (this.loadedFor === key) {
        this.page = { state: 'ready', value: cohort };
        this.rooms = new Map(rooms.map((r) => [r.dayNumber, r]));
      }
    } catch (e) {
      if (this.loadedFor !== key || quietly) return;
      this.page =
        e instanceof ApiError && e.status === 404
          ? { state: 'unknown' }
          : { state: 'failed', message: e instanceof Error ? e.message : 'The cohort could not be loaded.' };
    }
  }

  /** The cohort changed underneath (registration opened): fetch it again without leaving the page. */
  private refresh = () => {
    const organisationId = this.session.store.organisationId;
    if (organisationId && this.loadedFor) this.load(this.loadedFor, organisationId, true);
  };

  /** People were imported: the roster, the attendance grid and the cohort (full or not) follow. */
  private registrationsChanged = () => {
    this.renderRoot.querySelector<MutCohortRegistration>('mut-cohort-registration')?.refreshRoster();
    this.renderRoot.querySelector<MutCohortCompletion>('mut-cohort-completion')?.refresh();
    this.refresh();
  };

  /** Someone was added or cancelled on the roster: the attendance grid follows. */
  private rosterChanged = () => {
    this.renderRoot.querySelector<MutCohortCompletion>('mut-cohort-completion')?.refresh();
  };

  /** The server answered with the cohort as it is now (a trainer booked or taken off). */
  private replace = (event: CustomEvent<Cohort>) => {
    const cohort = event.detail;
    if (this.page.state === 'ready' && cohort?.id === this.page.value.id) this.page = { state: 'ready', value: cohort };
  };

  /**
   * Registration was closed or the cohort cancelled: the cohort is as the server answered, and
   * the roster and the attendance grid follow (cancelling cancels everyone's place).
   */
  private lifecycleChanged = (event: CustomEvent<Cohort>) => {
    this.replace(event);
    this.renderRoot.querySelector<MutCohortRegistration>('mut-cohort-registration')?.refreshRoster();
    this.renderRoot.querySelector<MutCohortCompletion>('mut-cohort-completion')?.refresh();
  };

  render() {
    const store = this.session.store;
    const membership = store.membership;
    const back = html`<a class="back" href="/organisation">← All cohorts</a>`;
    if (!membership) {
      return html`${back}
        <h1>Cohort</h1>
        <p>You are not part of an organisation yet, so there is no cohort to show.</p>`;
    }
    switch (this.page.state) {
      case 'loading':
        return html`${back} ${loading('the cohort')}`;
      case 'unknown':
        return html`${back}
          <h1>Cohort not found</h1>
          <p>
            There is no such cohort in ${membership.organisationName}. If it belongs to another of your organisations,
            choose that organisation at the top of the page.
          </p>`;
      case 'failed':
        return html`${back}
          <h1>Cohort</h1>
          ${failed(this.page.message)}`;
      case 'ready':
        return html`${back}
        ${this.renderCohort(
          this.page.value,
          membership.organisationId,
          store.isOrgAdmin,
          this.page.value.trainers.some((t) => t.accountId === store.session?.account.id),
        )}`;
    }
  }

  /** Its people (registrations, attendance, completion) are for the organisation's admins and the cohort's own trainers. */
  private renderCohort(cohort: Cohort, organisationId: string, admin: boolean, booked: boolean) {
    return html`
      <header>
        <div>
          <h1>${cohort.title}</h1>
          <p class="lede">${this.courseTitles.get(cohort.courseId) ?? cohort.courseId}</p>
        </div>
        <span class="status" data-test="cohort-status">${statusWords(cohort.status)}</span>
      </header>
      <div class="card facts">
        <dl>
          <dt>Days</dt>
          <dd>
            ${
              cohort.days.length
                ? html`<ul class="days">
                  ${cohort.days.map(
                    (d) =>
                      html`<li>
                        ${dayWords(d)}
                        <span class="muted" data-test="cohort-day-room">· ${roomStatusWords(this.rooms.get(d.dayNumber))}</span>
                        ·
                        <a href=${dayHandoutPath(cohort.courseId, d.dayNumber, cohort.id)} data-test="cohort-day-handout"
                          >Print handouts for this day<span class="visually-hidden"> (day ${d.dayNumber})</span></a
                        >
                      </li>`,
                  )}
                </ul>`
                : 'No days set'
            }
            <span class="muted">Times are in the ${cohort.timeZone} time zone.</span>
          </dd>
          <dt>Where</dt>
          <dd>${where(cohort)}${cohort.venue?.address ? html`, ${cohort.venue.address}` : nothing}</dd>
          <dt>Places</dt>
          <dd>${cohort.capacity}</dd>
          ${
            cohort.registrationOpens
              ? html`<dt>Registration opens</dt>
                <dd>${formatDate(cohort.registrationOpens)}</dd>`
              : nothing
          }
          ${
            cohort.registrationCloses
              ? html`<dt>Registration closes</dt>
                <dd>${formatDate(cohort.registrationCloses)}</dd>`
              : nothing
          }
        </dl>
      </div>
      <mut-cohort-trainers
        .organisationId=${organisationId}
        .cohort=${cohort}
        .admin=${admin}
        @cohort-updated=${this.replace}
      ></mut-cohort-trainers>
      <mut-cohort-together
        .organisationId=${organisationId}
        .cohort=${cohort}
        .editable=${admin || booked}
        @cohort-updated=${this.replace}
      ></mut-cohort-together>
      <mut-calendar-link
        heading="Add to a calendar"
        what="this cohort's training days"
        .source=${`${organisationId}/${cohort.id}`}
        .fetchLink=${() => cohortApi.cohortCalendar(organisationId, cohort.id)}
      ></mut-calendar-link>
      ${
        admin || booked
          ? html`<mut-cohort-registration
              .organisationId=${organisationId}
              .cohort=${cohort}
              .admin=${admin}
              @cohort-changed=${this.refresh}
              @roster-changed=${this.rosterChanged}
            ></mut-cohort-registration>
            ${
              admin && cohort.status !== 'CANCELLED' && cohort.status !== 'COMPLETED'
                ? html`<mut-cohort-import
                  .organisationId=${organisationId}
                  .cohort=${cohort}
                  @registrations-changed=${this.registrationsChanged}
                ></mut-cohort-import>`
                : nothing
            }
            <mut-cohort-completion .organisationId=${organisationId} .cohort=${cohort} .admin=${admin}></mut-cohort-completion>
            <p class="card evaluations" data-test="evaluations-link">
              <a href=${cohortEvaluationsPath(cohort.id)}>Read what participants said in the end-of-course evaluation</a>
              <span class="muted">Anonymous, in their own words, with nothing about who wrote what.</span>
            </p>`
          : html`<p class="card muted" data-test="not-booked">
            You are not booked on this cohort, so its registrations, attendance and completion are not shown here.
            An organisation admin can book you on it.
          </p>`
      }
      ${
        admin
          ? html`<mut-cohort-lifecycle
            .organisationId=${organisationId}
            .cohort=${cohort}
            @cohort-updated=${this.lifecycleChanged}
          ></mut-cohort-lifecycle>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort': MutCohort;
  }
}
