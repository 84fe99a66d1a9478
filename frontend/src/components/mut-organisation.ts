import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from '../api/client';
import type { Cohort, Course, Organisation } from '../api/types';
import { formatDate, hours, statusWords, where } from '../format';
import { shared } from '../styles/shared';
import { failed, load, loading, type Loadable } from './loadable';

interface OrganisationData {
  organisations: Organisation[];
  courses: Map<string, Course>;
}

/** The organisation's view: its cohorts, soonest first. */
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
      select {
        min-height: 44px;
        font: inherit;
        padding: var(--mut-space-2);
        border: 2px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
        background: var(--mut-surface);
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

  @state() private data: Loadable<OrganisationData> = { state: 'loading' };
  @state() private selected?: string;
  @state() private cohorts: Loadable<Cohort[]> = { state: 'loading' };

  async connectedCallback() {
    super.connectedCallback();
    this.data = await load(async () => {
      const [organisations, courses] = await Promise.all([api.organisations(), api.courses()]);
      return { organisations, courses: new Map(courses.map((c) => [c.id, c])) };
    });
    if (this.data.state === 'ready' && this.data.value.organisations.length > 0) {
      this.select(this.data.value.organisations[0].id);
    }
  }

  private async select(organisationId: string) {
    this.selected = organisationId;
    this.cohorts = { state: 'loading' };
    this.cohorts = await load(() => api.cohorts(organisationId));
  }

  render() {
    if (this.data.state === 'loading') return loading('organisations');
    if (this.data.state === 'failed') return failed(this.data.message);
    const { organisations, courses } = this.data.value;
    if (organisations.length === 0) {
      return html`<h1>Cohorts</h1>
        <p>No organisation has been set up yet.</p>`;
    }
    const current = organisations.find((o) => o.id === this.selected);
    return html`
      <div class="head">
        <div>
          <h1>Cohorts</h1>
          <p class="lede">${current?.name}</p>
        </div>
        ${organisations.length > 1
          ? html`<div>
              <label for="org">Organisation</label>
              <select id="org" @change=${(e: Event) => this.select((e.target as HTMLSelectElement).value)}>
                ${organisations.map((o) => html`<option value=${o.id} ?selected=${o.id === this.selected}>${o.name}</option>`)}
              </select>
            </div>`
          : null}
      </div>
      ${this.renderCohorts(courses)}
    `;
  }

  private renderCohorts(courses: Map<string, Course>) {
    if (this.cohorts.state === 'loading') return loading('cohorts');
    if (this.cohorts.state === 'failed') return failed(this.cohorts.message);
    if (this.cohorts.value.length === 0) return html`<p>No cohorts are planned yet.</p>`;
    return html`<ul class="cohorts">
      ${this.cohorts.value.map(
        (cohort) => html`<li class="card cohort">
          <header>
            <div>
              <h2>${cohort.title}</h2>
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
