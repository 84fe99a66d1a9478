import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { cohortApi } from '../cohort/api';
import type { Cohort } from '../cohort/types';
import { registrationApi } from './api';
import type { Demand } from './types';
import { ApiError } from '../shared/api/http';
import { dayRange, statusWords } from '../shared/format';
import { interestPath } from '../shared/router';
import { people } from './registration-words';
import { SessionController } from '../identity/session';
import { shared } from '../shared/styles/shared';
import { tableStyles } from '../shared/styles/tables';
import { problemMessage } from '../shared/api-form';
import { copyOrSelect, copyStyles, linkToShare } from '../shared/copy-link';
import { focusAfterUpdate, safeId } from '../shared/fields';
import { failed, load, loading, problemNotice, type Loadable } from '../shared/loadable';

/** One course in one place: the key of a demand row. */
const keyOf = (d: Pick<Demand, 'courseId' | 'place'>) => `${d.courseId}\u0000${d.place.toLowerCase()}`;

/** Something said beside one row: how many were invited, or why inviting did not work. */
interface RowNote {
  key: string;
  message: string;
  problem: boolean;
}

/**
 * Interest in courses (/organisation/interest), for the organisation's staff: how many people
 * asked for each course in each place, the public link to share, and, for organisation admins,
 * inviting everyone who asked to an open cohort of that course.
 */
@customElement('mut-interest-demand')
export class MutInterestDemand extends LitElement {
  static styles = [
    shared,
    tableStyles,
    copyStyles,
    css`
      .link {
        max-width: 44rem;
        margin: var(--mut-space-6) 0 var(--mut-space-8);
      }
      tr.invite td {
        background: var(--mut-paper);
        border-left: 4px solid var(--mut-accent);
      }
      form.invite {
        display: grid;
        gap: var(--mut-space-3);
        max-width: 40rem;
      }
      select {
        width: 100%;
      }
      td .notice {
        margin: var(--mut-space-2) 0 0;
      }
    `,
  ];

  private readonly session = new SessionController(this);

  @state() private demand: Loadable<Demand[]> = { state: 'loading' };
  @state() private cohorts: Loadable<Cohort[]> = { state: 'loading' };
  @state() private inviting?: string;
  @state() private chosen = '';
  @state() private chooseError?: string;
  @state() private busy = false;
  @state() private note?: RowNote;
  @state() private copied?: string;

  private loadedFor?: string;

  protected willUpdate(): void {
    const organisationId = this.session.store.organisationId;
    if (organisationId && organisationId !== this.loadedFor) this.load(organisationId);
  }

  private async load(organisationId: string) {
    this.loadedFor = organisationId;
    this.demand = { state: 'loading' };
    this.cohorts = { state: 'loading' };
    this.inviting = undefined;
    this.note = undefined;
    const admin = this.session.store.isOrgAdmin;
    const [demand, cohorts] = await Promise.all([
      load(() => registrationApi.demand(organisationId)),
      admin ? load(() => cohortApi.cohorts(organisationId)) : Promise.resolve<Loadable<Cohort[]>>({ state: 'ready', value: [] }),
    ]);
    if (this.loadedFor !== organisationId) return;
    this.demand = demand;
    this.cohorts = cohorts;
  }

  private async reloadDemand(organisationId: string) {
    const demand = await load(() => registrationApi.demand(organisationId));
    if (this.loadedFor === organisationId && demand.state === 'ready') this.demand = demand;
  }

  render() {
    const membership = this.session.store.membership;
    const back = html`<a class="back" href="/organisation">← All cohorts</a>`;
    if (!membership) {
      return html`${back}
        <h1>Interest in courses</h1>
        <p>You are not part of an organisation yet, so there is no interest to show.</p>`;
    }
    const admin = membership.role === 'ORG_ADMIN';
    return html`${back}
      <h1>Interest in courses</h1>
      <p class="lede">${membership.organisationName}</p>
      <p>
        People who would like a course where none is planned can say so on your public interest page. Here is how many
        asked for each course in each place.${
          admin ? ' When you open a cohort of that course for registration, invite them: each gets an email with its link.' : ''
        }
      </p>
      ${this.renderLink(membership.organisationId)} ${this.renderDemand(membership.organisationId, admin)}`;
  }

  private renderLink(organisationId: string) {
    const path = interestPath(organisationId);
    const url = window.location.origin + path;
    return linkToShare({
      id: 'interest-link',
      label: 'Public interest page',
      url,
      test: 'interest-link',
      hint: html`Share it on your website or in your newsletter; nobody needs an account.
        <a href=${path}>Open the page</a>`,
      copied: this.copied,
      onCopy: async () => (this.copied = await copyOrSelect(this, '#interest-link', url)),
    });
  }

  private renderDemand(organisationId: string, admin: boolean) {
    if (this.demand.state === 'loading') return loading('the interest');
    if (this.demand.state === 'failed') return failed(this.demand.message);
    if (this.demand.value.length === 0) {
      return html`<p data-test="demand-empty">Nobody has asked for a course yet. Share the link above to hear from people.</p>`;
    }
    const rows = [...this.demand.value].sort(
      (a, b) => a.courseTitle.localeCompare(b.courseTitle) || a.place.localeCompare(b.place),
    );
    const columns = admin ? 5 : 4;
    return html`<div class="table-wrap">
      <table data-test="demand">
        <caption class="visually-hidden">Interest by course and place</caption>
        <thead>
          <tr>
            <th scope="col">Course</th>
            <th scope="col">Place</th>
            <th scope="col" class="num">Asked</th>
            <th scope="col" class="num">Not invited yet</th>
            ${admin ? html`<th scope="col"><span class="visually-hidden">Invite</span></th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map((d) => this.renderRow(organisationId, d, admin, columns))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(organisationId: string, d: Demand, admin: boolean, columns: number) {
    const key = keyOf(d);
    const open = this.inviting === key;
    const note = this.note?.key === key ? this.note : undefined;
    return html`<tr data-test="demand-row" data-course=${d.courseId} data-place=${d.place}>
        <td>${d.courseTitle}</td>
        <td>${d.place}</td>
        <td class="num" data-test="demand-people">${d.people}</td>
        <td class="num" data-test="demand-not-invited">${d.notYetInvited}</td>
        ${
          admin
            ? html`<td>
              <button
                class="button secondary"
                type="button"
                id="invite-open-${safeId(key)}"
                data-test="invite-open"
                aria-expanded=${open ? 'true' : 'false'}
                @click=${() => this.toggleInvite(key)}
              >
                Invite them to a cohort<span class="visually-hidden">: ${d.courseTitle}, ${d.place}</span>
              </button>
              ${
                note && !open
                  ? html`<p class="notice ${note.problem ? '' : 'calm'}" role="status" data-test="invite-result">${note.message}</p>`
                  : nothing
              }
            </td>`
            : nothing
        }
      </tr>
      ${
        admin && open
          ? html`<tr class="invite">
            <td colspan=${columns}>${this.renderInvite(organisationId, d, key, note)}</td>
          </tr>`
          : nothing
      }`;
  }

  private async toggleInvite(key: string) {
    this.note = undefined;
    this.chooseError = undefined;
    if (this.inviting === key) {
      this.inviting = undefined;
      return;
    }
    this.inviting = key;
    this.chosen = '';
    await focusAfterUpdate(this, '[data-test="invite-cohort"]');
  }

  private renderInvite(organisationId: string, d: Demand, key: string, note?: RowNote) {
    if (this.cohorts.state === 'loading') return loading('the cohorts');
    if (this.cohorts.state === 'failed') return failed(this.cohorts.message);
    const open = this.cohorts.value.filter((c) => c.courseId === d.courseId && (c.status === 'OPEN' || c.status === 'FULL'));
    if (open.length === 0) {
      return html`<p data-test="invite-none">
        No cohort of ${d.courseTitle} is open for registration yet. Plan one on the
        <a href="/organisation">cohorts page</a> and open its registration; then you can invite the people who asked.
      </p>`;
    }
    const who = d.notYetInvited > 0 ? `${people(d.notYetInvited)} who have not been invited yet` : 'everyone who asked';
    return html`<form class="invite" novalidate data-test="invite-form" @submit=${(e: Event) => this.invite(e, organisationId, d, key)}>
      <div>
        <label for="invite-cohort">Cohort to invite them to</label>
        <select
          id="invite-cohort"
          data-test="invite-cohort"
          .value=${live(this.chosen)}
          aria-invalid=${this.chooseError ? 'true' : 'false'}
          aria-describedby="invite-cohort-hint${this.chooseError ? ' invite-cohort-error' : ''}"
          @change=${(e: Event) => {
            this.chosen = (e.target as HTMLSelectElement).value;
            this.chooseError = undefined;
          }}
        >
          <option value="" ?selected=${!this.chosen}>Choose a cohort</option>
          ${open.map(
            (c) => html`<option value=${c.id} ?selected=${c.id === this.chosen}>
              ${c.title} (${dayRange(c.days)}, ${statusWords(c.status).toLowerCase()})
            </option>`,
          )}
        </select>
        <p class="hint" id="invite-cohort-hint">
          Cohorts of ${d.courseTitle} open for registration. We email ${who} in ${d.place} its registration link; nobody is
          invited to the same cohort twice.
        </p>
        ${this.chooseError ? html`<p class="error" id="invite-cohort-error">${this.chooseError}</p>` : nothing}
      </div>
      ${problemNotice(note?.problem ? note.message : undefined, 'invite-problem')}
      <div class="actions">
        <button class="button" type="submit" data-test="invite-submit" ?disabled=${this.busy}>Send the invitations</button>
        <button class="button secondary" type="button" data-test="invite-cancel" @click=${() => this.closeInvite(key)}>
          Cancel
        </button>
      </div>
    </form>`;
  }

  private async closeInvite(key: string) {
    this.inviting = undefined;
    await focusAfterUpdate(this, `#invite-open-${safeId(key)}`);
  }

  private async invite(event: Event, organisationId: string, d: Demand, key: string) {
    event.preventDefault();
    if (this.busy) return;
    this.note = undefined;
    if (!this.chosen) {
      this.chooseError = 'Choose the cohort to invite them to.';
      await focusAfterUpdate(this, '#invite-cohort');
      return;
    }
    this.busy = true;
    try {
      const { invited } = await registrationApi.inviteInterested(organisationId, {
        courseId: d.courseId,
        place: d.place,
        cohortId: this.chosen,
      });
      this.note = {
        key,
        problem: false,
        message:
          invited === 0
            ? 'Everyone who asked was already invited to that cohort.'
            : `${invited === 1 ? '1 person' : `${invited} people`} invited.`,
      };
      await this.closeInvite(key);
      await this.reloadDemand(organisationId);
    } catch (e) {
      const message =
        (e instanceof ApiError && e.fieldMessage('cohortId')) || problemMessage(e, 'Inviting did not work. Please try again.');
      this.note = { key, problem: true, message };
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-interest-demand': MutInterestDemand;
  }
}
