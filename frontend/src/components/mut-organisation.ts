import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from '../api/client';
import type { Cohort, Course } from '../api/types';
import { formatDate, hours, statusWords, where } from '../format';
import { cohortPath } from '../router';
import { SessionController } from '../session';
import { shared } from '../styles/shared';
import { failed, load, loading, type Loadable } from './loadable';
import './mut-plan-cohort';
import type { MutPlanCohort } from './mut-plan-cohort';

/** The organisation's view: its cohorts, soonest first, for the organisation chosen in the header. */
@customElement('mut-organisation')
export class MutOrganisation extends LitElement {
  static styles = [
    shared,
    css`
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        justify-content: space-between;
        gap: var(--mut-space-4);
        margin-bottom: var(--mut-space-6);
      }
      .head p {
        margin-bottom: 0;
      }
      .plan {
        margin-bottom: var(--mut-space-8);
      }
      ul.cohorts > li {
        min-width: 0;
      }
      ul.cohorts {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-4);
      }
      .cohort header {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--mut-space-2);
      }
      .status {
        align-self: start;
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
        border-radius: 999px;
        padding: var(--mut-space-1) var(--mut-space-3);
        font-size: var(--mut-text-sm);
        font-weight: 600;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--mut-space-1) var(--mut-space-4);
        margin: var(--mut-space-3) 0 0;
      }
      dt {
        color: var(--mut-ink-soft);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      @media (max-width: 640px) {
        dl {
          grid-template-columns: 1fr;
        }
        dd {
          margin-bottom: var(--mut-space-2);
        }
      }
    `,
  ];

  private readonly session = new SessionController(this);

  @state() private courses: Loadable<Map<string, Course>> = { state: 'loading' };
  @state() private cohorts: Loadable<Cohort[]> = { state: 'loading' };
  /** The plan-a-cohort form is open (organisation admins). */
  @state() private planning = false;
  private loadedFor?: string;

  async connectedCallback() {
    super.connectedCallback();
    if (this.courses.state !== 'ready') {
      this.courses = await load(async () => new Map((await api.courses()).map((c) => [c.id, c])));
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
    const cohorts = await load(() => api.cohorts(organisationId));
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
          ${admin
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
            : nothing}
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
      ${courses.state === 'loading'
        ? loading('the courses')
        : courses.state === 'failed'
          ? failed(courses.message)
          : html`<mut-plan-cohort
              .organisationId=${organisationId}
              .organisationName=${organisationName}
              .courses=${[...courses.value.values()]}
              @plan-closed=${this.closePlan}
            ></mut-plan-cohort>`}
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

  private renderCohorts(admin: boolean) {
    if (this.cohorts.state === 'loading' || this.courses.state === 'loading') return loading('cohorts');
    if (this.courses.state === 'failed') return failed(this.courses.message);
    const courses = this.courses.value;
    if (this.cohorts.state === 'failed') return failed(this.cohorts.message);
    if (this.cohorts.value.length === 0) {
      return html`<p>No cohorts are planned yet.${admin ? ' Plan the first with “Plan a cohort”.' : ''}</p>`;
    }
    return html`<ul class="cohorts">
      ${this.cohorts.value.map(
        (cohort) => html`<li class="card cohort">
          <header>
            <div>
              <h2><a href=${cohortPath(cohort.id)} data-test="cohort-link">${cohort.title}</a></h2>
              <p class="muted">${courses.get(cohort.courseId)?.title ?? cohort.courseId}</p>
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
              ${cohort.trainers.length
                ? cohort.trainers.map((t) => `${t.displayName}${t.lead ? ' (lead)' : ''}`).join(', ')
                : 'None booked yet'}
            </dd>
            ${cohort.registrationCloses
              ? html`<dt>Registration closes</dt>
                  <dd>${formatDate(cohort.registrationCloses)}</dd>`
              : null}
          </dl>
        </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-organisation': MutOrganisation;
  }
}
