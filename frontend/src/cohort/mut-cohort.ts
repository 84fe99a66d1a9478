import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cohortApi } from './api';
import { consoleApi } from '../console/api';
import { roomStatusWords } from '../console/room-status';
import type { DayRoomStatus } from '../console/types';
import type { Cohort } from './types';
import { curriculaApi } from '../curricula/api';
import { ApiError } from '../shared/api/http';
import { dayRange, formatDate, statusWords, where } from '../shared/format';
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
      header {
        display: flex;
        flex-wrap: nowrap;
        justify-content: space-between;
        align-items: start;
        gap: var(--mut-space-2) var(--mut-space-4);
      }
      /* on a laptop the header is one row: a long title ends in "…", its whole text in its title */
      .heading {
        flex: 1 1 auto;
        min-width: 0;
      }
      h1,
      header .lede {
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      h1 {
        margin-bottom: var(--mut-space-1);
      }
      header .lede {
        max-width: none;
        margin-bottom: 0;
      }
      .status {
        flex: none;
        white-space: nowrap;
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
        border-radius: 999px;
        padding: var(--mut-space-1) var(--mut-space-3);
        font-size: var(--mut-text-sm);
        font-weight: 600;
      }
      nav.on-this-page {
        margin: var(--mut-space-4) 0 var(--mut-space-8);
      }
      nav.on-this-page ul {
        list-style: none;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2);
        margin: 0;
        padding: 0;
      }
      nav.on-this-page a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: var(--mut-space-1) var(--mut-space-3);
        border: 1px solid var(--mut-line);
        border-radius: 999px;
        background: var(--mut-surface);
        font-size: var(--mut-text-sm);
        font-weight: 600;
        text-decoration: none;
      }
      nav.on-this-page a:hover {
        background: var(--mut-calm);
      }
      section.part {
        scroll-margin-top: var(--mut-space-4);
      }
      section.part + section.part,
      .not-booked {
        margin-top: var(--mut-space-12);
      }
      .facts {
        margin-bottom: var(--mut-space-6);
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
      mut-cohort-import {
        margin-top: var(--mut-space-12);
      }
      .evaluations {
        margin-top: var(--mut-space-6);
      }
      @media (max-width: 640px) {
        header {
          flex-wrap: wrap;
        }
        h1,
        header .lede {
          white-space: normal;
          overflow-wrap: anywhere;
        }
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
  /** The load whose address's section ("#registration") was gone to, once. */
  private jumpedFor?: string;

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

  /** The page's sections, in order, as the in-page navigation lists them: each one's id and heading. */
  private parts(admin: boolean, booked: boolean): Part[] {
    return [
      { id: 'days', heading: 'Days and place' },
      { id: 'trainers', heading: 'Trainers' },
      { id: 'together', heading: 'Around the course' },
      ...(admin || booked
        ? [
            { id: 'registration', heading: 'Registration' },
            { id: 'completion', heading: 'Attendance and completion' },
          ]
        : []),
      ...(admin ? [{ id: 'closing', heading: 'Closing and cancelling' }] : []),
    ];
  }

  /**
   * A link of the in-page navigation: to its section, with focus on the section's heading. The
   * sections are inside this page's shadow root, where the browser's own jump to "#id" does not
   * reach, and the app shell would take the link for a new address.
   */
  private jump = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    const id = anchor?.getAttribute('href')?.replace(/^#/, '');
    const section = id ? this.section(id) : undefined;
    if (!section) return;
    event.preventDefault();
    goTo(section);
    window.history.replaceState(window.history.state, '', `#${id}`);
  };

  private section(id: string): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>(`section.part[id="${CSS.escape(id)}"]`) ?? undefined;
  }

  /** Opened at an address naming a section (a link shared, a reload): there, once the cohort is shown. */
  protected updated(): void {
    if (this.page.state !== 'ready' || this.jumpedFor === this.loadedFor) return;
    this.jumpedFor = this.loadedFor;
    const id = decodeHash(window.location.hash);
    const section = id ? this.section(id) : undefined;
    if (!section) return;
    // scrolled to once what it holds has rendered; focus stays where the browser put it
    const held = [...section.children].filter((c): c is LitElement => c instanceof LitElement);
    Promise.all(held.map((c) => c.updateComplete)).then(() => section.scrollIntoView?.({ block: 'start' }));
  }

  /** Its people (registrations, attendance, completion) are for the organisation's admins and the cohort's own trainers. */
  private renderCohort(cohort: Cohort, organisationId: string, admin: boolean, booked: boolean) {
    const course = this.courseTitles.get(cohort.courseId) ?? cohort.courseId;
    const parts = this.parts(admin, booked);
    const heading = (id: string) => parts.find((p) => p.id === id)!.heading;
    return html`
      <header>
        <div class="heading">
          <h1 title=${cohort.title}>${cohort.title}</h1>
          <p class="lede" title="${course} · ${dayRange(cohort.days)}">
            <span data-test="cohort-course">${course}</span> ·
            <span data-test="cohort-dates">${dayRange(cohort.days)}</span>
          </p>
        </div>
        <span class="status" data-test="cohort-status">${statusWords(cohort.status)}</span>
      </header>
      <nav class="on-this-page" aria-label="On this page" data-test="on-this-page" @click=${this.jump}>
        <ul>
          ${parts.map((p) => html`<li><a href="#${p.id}">${p.heading}</a></li>`)}
        </ul>
      </nav>
      <section class="part" id="days" aria-labelledby="days-heading">
        <h2 id="days-heading" tabindex="-1">${heading('days')}</h2>
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
        <mut-calendar-link
          heading="Add to a calendar"
          level="3"
          what="this cohort's training days"
          .source=${`${organisationId}/${cohort.id}`}
          .fetchLink=${() => cohortApi.cohortCalendar(organisationId, cohort.id)}
        ></mut-calendar-link>
      </section>
      <section class="part" id="trainers">
        <mut-cohort-trainers
          .organisationId=${organisationId}
          .cohort=${cohort}
          .admin=${admin}
          @cohort-updated=${this.replace}
        ></mut-cohort-trainers>
      </section>
      <section class="part" id="together">
        <mut-cohort-together
          .organisationId=${organisationId}
          .cohort=${cohort}
          .editable=${admin || booked}
          @cohort-updated=${this.replace}
        ></mut-cohort-together>
      </section>
      ${
        admin || booked
          ? html`<section class="part" id="registration">
              <mut-cohort-registration
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
            </section>
            <section class="part" id="completion">
              <mut-cohort-completion .organisationId=${organisationId} .cohort=${cohort} .admin=${admin}></mut-cohort-completion>
              <p class="card evaluations" data-test="evaluations-link">
                <a href=${cohortEvaluationsPath(cohort.id)}>Read what participants said in the end-of-course evaluation</a>
                <span class="muted">Anonymous, in their own words, with nothing about who wrote what.</span>
              </p>
            </section>`
          : html`<p class="card muted not-booked" data-test="not-booked">
            You are not booked on this cohort, so its registrations, attendance and completion are not shown here.
            An organisation admin can book you on it.
          </p>`
      }
      ${
        admin
          ? html`<section class="part" id="closing">
            <mut-cohort-lifecycle
              .organisationId=${organisationId}
              .cohort=${cohort}
              @cohort-updated=${this.lifecycleChanged}
            ></mut-cohort-lifecycle>
          </section>`
          : nothing
      }
    `;
  }
}

/** One section of the page: its id (the link's "#id") and its heading, which the navigation's link repeats. */
interface Part {
  id: string;
  heading: string;
}

/** To a section, as a link there was followed: scrolled to its top, with focus on its heading. */
function goTo(section: HTMLElement): void {
  section.scrollIntoView?.({ block: 'start' });
  sectionHeading(section)?.focus({ preventScroll: true });
}

/** A section's heading: its own, or that of the element it holds (each cohort part renders its own). */
export function sectionHeading(section: Element): HTMLElement | undefined {
  const own = section.querySelector<HTMLElement>('h2');
  if (own) return own;
  for (const child of section.children) {
    const inner = child.shadowRoot?.querySelector<HTMLElement>('h2');
    if (inner) return inner;
  }
  return undefined;
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort': MutCohort;
  }
}
