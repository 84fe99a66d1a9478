import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { cohortApi } from '../cohort/api';
import type { Cohort, TrainingDay } from '../cohort/types';
import { consoleApi } from './api';
import { curriculaApi } from '../curricula/api';
import type { Course } from '../curricula/types';
import { identityApi } from '../identity/api';
import type { RoomView } from '../room/types';
import type { DayRoomStatus } from './types';
import { roomStatusWords } from './room-status';
import '../shared/mut-confirm';
import { ApiError } from '../shared/api/http';
import { formatClock, formatDate, formatTime, where } from '../shared/format';
import { navigate, practiceConsolePath, roomConsolePath } from '../shared/router';
import { SessionController } from '../identity/session';
import { shared } from '../shared/styles/shared';
import { field } from '../shared/fields';
import { failed, load, loading, type Loadable } from '../shared/loadable';
import '../cohort/mut-calendar-link';

interface UpcomingDay {
  cohort: Cohort;
  course?: Course;
  day: TrainingDay;
  /** the day's room, once it has been opened */
  room?: DayRoomStatus;
}

/** Lists every training day from today on, across cohorts, in date order. */
export function upcomingDays(cohorts: Cohort[], courses: Map<string, Course>, today: string): UpcomingDay[] {
  return cohorts
    .filter((c) => c.status !== 'CANCELLED')
    .flatMap((cohort) => cohort.days.map((day) => ({ cohort, course: courses.get(cohort.courseId), day })))
    .filter((d) => d.day.date >= today)
    .sort((a, b) => (a.day.date + a.day.startsAt).localeCompare(b.day.date + b.day.startsAt));
}

/** The trainer's view: the training days ahead, each with its course and place. */
@customElement('mut-facilitator')
export class MutFacilitator extends LitElement {
  static styles = [
    shared,
    css`
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-3);
      }
      li {
        display: grid;
        grid-template-columns: 10.5rem minmax(0, 1fr) auto;
        gap: var(--mut-space-4);
        align-items: start;
      }
      .when {
        font-weight: 700;
      }
      .when span {
        display: block;
        font-weight: 400;
        color: var(--mut-ink-soft);
      }
      li p {
        margin: 0;
      }
      h2 {
        font-size: var(--mut-text-md);
        margin-bottom: var(--mut-space-1);
      }
      .open {
        align-self: center;
      }
      .room-status {
        margin-top: var(--mut-space-1);
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      .room-status.live {
        color: var(--mut-ink);
        font-weight: 700;
      }
      .practice,
      .calendar {
        margin-top: var(--mut-space-8);
      }
      .calendar {
        --mut-calendar-heading-size: var(--mut-text-md);
      }
      .practice form {
        display: grid;
        gap: var(--mut-space-3);
        max-width: 32rem;
      }
      .practice h3 {
        font-size: var(--mut-text-md);
        margin-top: var(--mut-space-6);
      }
      ul.practice-rooms {
        margin: 0;
        padding-left: var(--mut-space-6);
        display: block;
      }
      ul.practice-rooms li {
        display: list-item;
      }
      @media (max-width: 640px) {
        li {
          grid-template-columns: 1fr;
          gap: var(--mut-space-1);
        }
        .open {
          margin-top: var(--mut-space-2);
        }
      }
    `,
  ];

  @state() private days: Loadable<UpcomingDay[]> = { state: 'loading' };
  @state() private practiceRooms: Loadable<RoomView[]> = { state: 'loading' };
  @state() private practiceTitle = '';
  @state() private practiceError?: string;
  @state() private practiceProblem?: string;
  @state() private openingPractice = false;
  /** The practice room whose closing is being confirmed, and whether it is under way. */
  @state() private confirmingClose?: string;
  @state() private closing = false;

  private readonly session = new SessionController(this);
  private practiceFor?: string;

  protected willUpdate(): void {
    const organisationId = this.session.store.organisationId;
    if (organisationId && organisationId !== this.practiceFor) this.loadPracticeRooms(organisationId);
  }

  private async loadPracticeRooms(organisationId: string) {
    this.practiceFor = organisationId;
    this.practiceRooms = { state: 'loading' };
    const rooms = await load(() => consoleApi.practiceRooms(organisationId));
    if (this.practiceFor === organisationId) this.practiceRooms = rooms;
  }

  private async openPractice(event: Event) {
    event.preventDefault();
    const organisationId = this.session.store.organisationId;
    if (!organisationId) return;
    const title = this.practiceTitle.trim();
    this.practiceProblem = undefined;
    if (!title) {
      this.practiceError = 'Give the practice room a title.';
      this.focusTitle();
      return;
    }
    if (title.length > 120) {
      this.practiceError = 'Keep the title to 120 characters or fewer.';
      this.focusTitle();
      return;
    }
    this.practiceError = undefined;
    this.openingPractice = true;
    try {
      const room = await consoleApi.openPracticeRoom(organisationId, title);
      this.practiceTitle = '';
      navigate(practiceConsolePath(organisationId, room.code));
    } catch (e) {
      const message = e instanceof ApiError ? e.fieldMessage('title') : undefined;
      if (message) {
        this.practiceError = message;
        this.focusTitle();
      } else {
        this.practiceProblem = e instanceof Error ? e.message : 'The practice room could not be opened. Please try again.';
      }
    } finally {
      this.openingPractice = false;
    }
  }

  private async closePractice(organisationId: string, code: string) {
    this.closing = true;
    this.practiceProblem = undefined;
    try {
      await consoleApi.closePracticeRoom(organisationId, code);
      this.confirmingClose = undefined;
      await this.loadPracticeRooms(organisationId);
    } catch (e) {
      this.practiceProblem = e instanceof Error ? e.message : 'The practice room could not be closed. Please try again.';
    } finally {
      this.closing = false;
    }
  }

  private async focusTitle() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#practice-title')?.focus();
  }

  async connectedCallback() {
    super.connectedCallback();
    this.days = await load(async () => {
      const [organisations, courseList] = await Promise.all([identityApi.organisations(), curriculaApi.courses()]);
      const [cohorts, rooms] = await Promise.all([
        Promise.all(organisations.map((o) => cohortApi.cohorts(o.id))).then((lists) => lists.flat()),
        // a day's room status is a help, not a need: the list stands without it
        Promise.all(organisations.map((o) => consoleApi.dayRooms(o.id).catch(() => [] as DayRoomStatus[]))).then((lists) =>
          lists.flat(),
        ),
      ]);
      const courses = new Map(courseList.map((c) => [c.id, c]));
      const byDay = new Map(rooms.map((r) => [`${r.cohortId}/${r.dayNumber}`, r]));
      return upcomingDays(cohorts, courses, new Date().toISOString().slice(0, 10)).map((d) => ({
        ...d,
        room: byDay.get(`${d.cohort.id}/${d.day.dayNumber}`),
      }));
    });
  }

  render() {
    return html`
      <h1>Upcoming training days</h1>
      <p class="lede">Every day ahead, in order, with its course and where it happens.</p>
      ${this.renderDays()}
      <mut-calendar-link
        class="card calendar"
        heading="Your training days in your calendar"
        what="the days you are booked to train"
        source="mine"
        .fetchLink=${() => cohortApi.myCalendar()}
      ></mut-calendar-link>
      ${this.renderPractice()}
    `;
  }

  private renderPractice() {
    const membership = this.session.store.membership;
    if (!membership) return nothing;
    return html`<section class="card practice" aria-labelledby="practice-heading">
      <h2 id="practice-heading">Practice room</h2>
      <p class="muted">
        A room outside any training day, for ${membership.organisationName}: practise role-plays and check-ins. It has
        no agenda and keeps no attendance.
      </p>
      <form novalidate @submit=${this.openPractice}>
        ${field({
          id: 'practice-title',
          label: 'Title',
          value: this.practiceTitle,
          onInput: (v) => {
            this.practiceTitle = v;
            this.practiceError = undefined;
          },
          hint: 'For example: “Role-play practice”. Participants see it when they join.',
          error: this.practiceError,
          maxlength: 120,
        })}
        <div class="actions">
          <button class="button" type="submit" ?disabled=${this.openingPractice}>Open a practice room</button>
        </div>
        ${this.practiceProblem ? html`<p class="notice" role="alert">${this.practiceProblem}</p>` : nothing}
      </form>
      ${this.renderPracticeRooms(membership.organisationId)}
    </section>`;
  }

  private renderPracticeRooms(organisationId: string) {
    const rooms = this.practiceRooms;
    if (rooms.state === 'loading') return loading('open practice rooms');
    if (rooms.state === 'failed') return failed(rooms.message);
    if (rooms.value.length === 0) return html`<p class="muted">No practice rooms are open.</p>`;
    return html`<h3>Open practice rooms</h3>
      <ul class="practice-rooms">
        ${rooms.value.map(
          (r) => html`<li>
            <a href=${practiceConsolePath(organisationId, r.code)}>${r.cohortTitle}</a>
            <span class="muted">· ${r.code}${r.closesAt ? ` · open until ${formatClock(r.closesAt)}` : ''}</span>
            <button
              class="quiet"
              type="button"
              data-test="close-practice"
              aria-expanded=${this.confirmingClose === r.code ? 'true' : 'false'}
              @click=${() => (this.confirmingClose = this.confirmingClose === r.code ? undefined : r.code)}
            >
              Close<span class="visually-hidden"> ${r.cohortTitle}</span>
            </button>
            ${
              this.confirmingClose === r.code
                ? html`<mut-confirm
                  confirm-label=${`Close ${r.cohortTitle}`}
                  keep-label="Keep it open"
                  confirm-test="close-practice-confirm"
                  ?busy=${this.closing}
                  @confirm=${() => this.closePractice(organisationId, r.code)}
                  @keep=${() => (this.confirmingClose = undefined)}
                >
                  <p>Close this practice room now? Everyone in it sees that it has ended, and nobody more can join.</p>
                </mut-confirm>`
                : nothing
            }
          </li>`,
        )}
      </ul>`;
  }

  private renderDays() {
    if (this.days.state === 'loading') return loading('training days');
    if (this.days.state === 'failed') return failed(this.days.message);
    if (this.days.value.length === 0) return html`<p>No training days are coming up.</p>`;
    return html`<ol>
      ${this.days.value.map(
        ({ cohort, course, day, room }) => html`<li class="card">
          <div class="when">
            ${formatDate(day.date)}
            <span>${formatTime(day.startsAt)}–${formatTime(day.endsAt)}</span>
          </div>
          <div>
            <h2>${cohort.title}: day ${day.dayNumber} of ${cohort.days.length}</h2>
            <p class="muted">${course?.title ?? cohort.courseId} · ${where(cohort)}</p>
            <p class="room-status ${room?.status ?? 'not-opened'}" data-test="day-room-status">${roomStatusWords(room)}</p>
          </div>
          <div class="open">
            <a class="button secondary" href=${roomConsolePath(cohort.organisationId, cohort.id, day.dayNumber)}
              >Open the room<span class="visually-hidden"> for ${cohort.title}, day ${day.dayNumber}</span></a
            >
          </div>
        </li>`,
      )}
    </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-facilitator': MutFacilitator;
  }
}
