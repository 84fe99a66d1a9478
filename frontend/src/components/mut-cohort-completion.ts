import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { ApiError, api } from '../api/client';
import type { Cohort, CompletionGrid, DayCell, MarkRequest, Otherwise, PersonRow } from '../api/types';
import {
  cellWords,
  daysWords,
  durationWords,
  makeUpWords,
  ruleWords,
  sourceWords,
  stateWords,
} from '../completion-words';
import { saveDownload } from '../download';
import { formatDate } from '../format';
import { shared } from '../styles/shared';
import { failed, loading, type Loadable } from './loadable';

/** Limits the server keeps to: minutes missed on a day, the allowance, a note, a reason. */
const MAX_DAY_MINUTES = 1440;
const MAX_ALLOWANCE_HOURS = 50;
const MAX_NOTE = 200;
const MAX_REASON = 300;

type MarkField = 'minutesMissed' | 'note';
type RuleField = 'mustAttendDays' | 'maxMinutesMissed' | 'otherwise';

/** The cell being corrected. */
interface Editing {
  registrationId: string;
  dayNumber: number;
}

/** Something said beside one person's certificate: why the PDF could not be fetched, for example. */
interface InlineNotice {
  code: string;
  message: string;
}

/**
 * A cohort's attendance and completion, as its organisation's staff see it: one row per person
 * with a seat, one column per training day (minutes missed, from the live room or a trainer),
 * where each person stands by the organisation's rule, and their certificate once issued.
 * Any staff member can correct a day; organisation admins can also change the rule, issue
 * certificates and revoke one. The roster and each day's attendance download as CSV.
 */
@customElement('mut-cohort-completion')
export class MutCohortCompletion extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        display: block;
      }
      h3 {
        margin-top: var(--mut-space-8);
      }
      .rule {
        max-width: 48rem;
        margin-bottom: var(--mut-space-6);
      }
      .rule h3 {
        margin-top: 0;
      }
      .rule ul {
        margin: 0 0 var(--mut-space-3);
        padding-left: var(--mut-space-6);
      }
      .badge {
        display: inline-block;
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
        border-radius: 999px;
        padding: 0 var(--mut-space-3);
        font-size: var(--mut-text-sm);
        font-weight: 600;
        margin-bottom: var(--mut-space-2);
      }
      form.rule-form,
      form.inline {
        display: grid;
        gap: var(--mut-space-4);
        max-width: 40rem;
        margin-top: var(--mut-space-4);
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-2);
      }
      legend {
        font-weight: 600;
        padding: 0;
        margin-bottom: var(--mut-space-2);
      }
      .days-choice {
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2) var(--mut-space-6);
      }
      .check {
        display: flex;
        align-items: center;
        gap: var(--mut-space-2);
        min-height: 44px;
      }
      .check input {
        width: 1.25rem;
        min-height: 1.25rem;
        height: 1.25rem;
        margin: 0;
        flex: none;
      }
      .check label {
        margin: 0;
        font-weight: 400;
      }
      input.short {
        max-width: 10rem;
      }
      .issue {
        max-width: 48rem;
        margin-bottom: var(--mut-space-6);
      }
      .table-wrap {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      caption {
        text-align: left;
        color: var(--mut-ink-soft);
        font-size: var(--mut-text-sm);
        padding-bottom: var(--mut-space-2);
      }
      th,
      td {
        text-align: left;
        vertical-align: top;
        padding: var(--mut-space-2) var(--mut-space-3);
        border-bottom: 1px solid var(--mut-line);
        overflow-wrap: anywhere;
      }
      thead th {
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        border-bottom-width: 2px;
        white-space: nowrap;
        overflow-wrap: normal;
      }
      tbody th {
        min-width: 9rem;
      }
      td.cell {
        min-width: 8rem;
      }
      .small {
        display: block;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
        font-weight: 400;
      }
      .note {
        display: block;
        font-size: var(--mut-text-sm);
        font-style: italic;
        white-space: pre-line;
      }
      td .quiet {
        min-height: 44px;
        padding-left: 0;
      }
      .state {
        display: inline-block;
        border-radius: 999px;
        padding: 0 var(--mut-space-3);
        font-weight: 600;
        white-space: nowrap;
        background: var(--mut-task-other);
      }
      .state.completed {
        background: var(--mut-calm);
        color: var(--mut-primary-strong);
      }
      .state.make-up,
      .state.repeat {
        background: var(--mut-notice);
        color: var(--mut-notice-ink);
      }
      td p {
        margin: var(--mut-space-1) 0 0;
      }
      td ul {
        margin: var(--mut-space-1) 0 0;
        padding-left: var(--mut-space-4);
      }
      .code {
        display: block;
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-sm);
        white-space: nowrap;
      }
      .revoked {
        display: inline-block;
        font-weight: 600;
        color: var(--mut-accent);
      }
      tr.editor td {
        background: var(--mut-paper);
        border-left: 4px solid var(--mut-accent);
      }
      ul.files {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: var(--mut-space-2);
      }
    `,
  ];

  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;
  /** Organisation admins change the rule, issue and revoke certificates; all staff correct attendance. */
  @property({ type: Boolean }) admin = false;

  @state() private grid: Loadable<CompletionGrid> = { state: 'loading' };
  @state() private announcement = '';

  @state() private editing?: Editing;
  @state() private markMinutes = '';
  @state() private markNote = '';
  @state() private markErrors: Partial<Record<MarkField, string>> = {};
  @state() private markProblem?: string;
  @state() private marking = false;

  @state() private ruleOpen = false;
  @state() private ruleDays = new Set<number>();
  @state() private ruleHours = '';
  @state() private ruleOtherwise: Otherwise = 'MAKE_UP';
  @state() private ruleErrors: Partial<Record<RuleField, string>> = {};
  @state() private ruleProblem?: string;
  @state() private savingRule = false;

  @state() private issuing = false;
  @state() private issueProblem?: string;

  @state() private revoking?: string;
  @state() private revokeReason = '';
  @state() private revokeError?: string;
  @state() private revokeProblem?: string;
  @state() private revokeBusy = false;

  @state() private rowNotice?: InlineNotice;
  @state() private fetching?: string;
  @state() private downloadNote = '';

  private loadedFor?: string;

  protected willUpdate(changed: PropertyValues<this>): void {
    const cohortId = this.cohort?.id;
    if (!cohortId || !this.organisationId) return;
    const key = `${this.organisationId}/${cohortId}`;
    if (key !== this.loadedFor) this.load(key);
    if (changed.has('admin') && !this.admin) {
      this.ruleOpen = false;
      this.revoking = undefined;
    }
  }

  private async load(key: string) {
    this.loadedFor = key;
    this.grid = { state: 'loading' };
    this.announcement = '';
    this.editing = undefined;
    this.revoking = undefined;
    this.ruleOpen = false;
    this.issueProblem = undefined;
    this.rowNotice = undefined;
    this.downloadNote = '';
    try {
      const grid = await api.completion(this.organisationId, this.cohort!.id);
      if (this.loadedFor === key) this.grid = { state: 'ready', value: grid };
    } catch (e) {
      if (this.loadedFor === key) this.grid = { state: 'failed', message: messageOf(e) };
    }
  }

  /** Fetches the grid again without clearing the page: after an import, or a change to the rule. */
  async refresh(): Promise<void> {
    const key = this.loadedFor;
    if (!key || !this.cohort) return;
    try {
      const grid = await api.completion(this.organisationId, this.cohort.id);
      if (this.loadedFor === key) this.grid = { state: 'ready', value: grid };
    } catch {
      // the grid on the page stays; the next change or visit brings it up to date
    }
  }

  render() {
    const cohort = this.cohort;
    if (!cohort) return nothing;
    return html`<section aria-labelledby="completion-heading" data-test="completion-section">
      <h2 id="completion-heading" tabindex="-1">Attendance and completion</h2>
      <div role="status" data-test="completion-announcement">
        ${this.announcement ? html`<p class="notice calm">${this.announcement}</p>` : nothing}
      </div>
      ${this.grid.state === 'loading'
        ? loading('attendance')
        : this.grid.state === 'failed'
          ? failed(this.grid.message)
          : html`${this.renderRule(this.grid.value)} ${this.admin ? this.renderIssue(this.grid.value) : nothing}
            ${this.renderGrid(cohort, this.grid.value)} ${this.renderFiles(this.grid.value)}`}
    </section>`;
  }

  /* ---- the rule ---- */

  private renderRule(grid: CompletionGrid) {
    const rule = grid.rule;
    return html`<div class="card rule" data-test="rule">
      <h3 id="rule-heading">The rule for completing this course</h3>
      ${rule.standard
        ? html`<p class="badge" data-test="rule-standard">standard rule</p>`
        : html`<p class="badge" data-test="rule-own">your organisation's rule</p>`}
      <ul data-test="rule-words">
        ${ruleWords(rule).map((sentence) => html`<li>${sentence}</li>`)}
      </ul>
      ${this.admin
        ? html`<button
              class="button secondary"
              type="button"
              data-test="rule-change"
              aria-expanded=${this.ruleOpen ? 'true' : 'false'}
              @click=${() => this.toggleRule(grid)}
            >
              Change the rule
            </button>
            ${this.ruleOpen ? this.renderRuleForm(grid) : nothing}`
        : html`<p class="hint">The rule is the organisation's, for every cohort of this course; its admins can change it.</p>`}
    </div>`;
  }

  private async toggleRule(grid: CompletionGrid) {
    this.ruleOpen = !this.ruleOpen;
    this.ruleProblem = undefined;
    this.ruleErrors = {};
    if (!this.ruleOpen) return;
    this.ruleDays = new Set(grid.rule.mustAttendDays);
    this.ruleHours = String(Math.round((grid.rule.maxMinutesMissed / 60) * 100) / 100);
    this.ruleOtherwise = grid.rule.otherwise;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-test="rule-form"] input')?.focus();
  }

  private renderRuleForm(grid: CompletionGrid) {
    const days = [...new Set([...grid.dayNumbers, ...grid.rule.mustAttendDays])].sort((a, b) => a - b);
    const errors = this.ruleErrors;
    return html`<form class="rule-form" novalidate data-test="rule-form" aria-labelledby="rule-heading" @submit=${this.saveRule}>
      <fieldset aria-describedby="rule-days-hint${errors.mustAttendDays ? ' rule-days-error' : ''}">
        <legend>Days that must be attended</legend>
        <div class="days-choice">
          ${days.map(
            (n) => html`<div class="check">
              <input
                id="rule-day-${n}"
                type="checkbox"
                data-test="rule-day"
                value=${n}
                .checked=${live(this.ruleDays.has(n))}
                @change=${(e: Event) => this.chooseDay(n, (e.target as HTMLInputElement).checked)}
              />
              <label for="rule-day-${n}">Day ${n}</label>
            </div>`,
          )}
        </div>
        <p class="hint" id="rule-days-hint">Arriving a few minutes late on these days is fine.</p>
        ${errors.mustAttendDays ? html`<p class="error" id="rule-days-error">${errors.mustAttendDays}</p>` : nothing}
      </fieldset>
      <div>
        <label for="rule-hours">Time that may be missed over the other days, in hours</label>
        <input
          id="rule-hours"
          class="short"
          type="number"
          inputmode="decimal"
          min="0"
          max=${MAX_ALLOWANCE_HOURS}
          step="0.25"
          data-test="rule-hours"
          .value=${live(this.ruleHours)}
          @input=${(e: InputEvent) => (this.ruleHours = (e.target as HTMLInputElement).value)}
          aria-invalid=${errors.maxMinutesMissed ? 'true' : 'false'}
          aria-describedby="rule-hours-hint${errors.maxMinutesMissed ? ' rule-hours-error' : ''}"
        />
        <p class="hint" id="rule-hours-hint">For example 3.5 for half a day. From 0 to ${MAX_ALLOWANCE_HOURS}.</p>
        ${errors.maxMinutesMissed ? html`<p class="error" id="rule-hours-error">${errors.maxMinutesMissed}</p>` : nothing}
      </div>
      <fieldset data-test="rule-otherwise" aria-describedby=${errors.otherwise ? 'rule-otherwise-error' : nothing}>
        <legend>When someone misses more than that</legend>
        ${(
          [
            ['MAKE_UP', 'They make up the days they missed in a later cohort of this course'],
            ['REPEAT', 'They take the course again'],
          ] as const
        ).map(
          ([value, words]) => html`<div class="check">
            <input
              id="rule-otherwise-${value}"
              type="radio"
              name="rule-otherwise"
              value=${value}
              .checked=${live(this.ruleOtherwise === value)}
              @change=${() => (this.ruleOtherwise = value)}
            />
            <label for="rule-otherwise-${value}">${words}</label>
          </div>`,
        )}
        ${errors.otherwise ? html`<p class="error" id="rule-otherwise-error">${errors.otherwise}</p>` : nothing}
      </fieldset>
      <p class="hint">The rule applies to every cohort of this course in your organisation.</p>
      ${this.ruleProblem ? html`<p class="notice" role="alert" data-test="rule-problem">${this.ruleProblem}</p>` : nothing}
      <div class="actions">
        <button class="button" type="submit" data-test="rule-save" ?disabled=${this.savingRule}>Save the rule</button>
        <button class="button secondary" type="button" data-test="rule-cancel" @click=${this.closeRule}>Cancel</button>
      </div>
    </form>`;
  }

  private chooseDay(day: number, on: boolean) {
    const next = new Set(this.ruleDays);
    if (on) next.add(day);
    else next.delete(day);
    this.ruleDays = next;
  }

  private async closeRule() {
    this.ruleOpen = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-test="rule-change"]')?.focus();
  }

  private async saveRule(event: Event) {
    event.preventDefault();
    const cohort = this.cohort;
    if (!cohort || this.savingRule) return;
    this.ruleProblem = undefined;
    this.announcement = '';
    const hours = Number(this.ruleHours);
    if (this.ruleHours.trim() === '' || !Number.isFinite(hours) || hours < 0 || hours > MAX_ALLOWANCE_HOURS) {
      this.ruleErrors = { maxMinutesMissed: `Give a number of hours from 0 to ${MAX_ALLOWANCE_HOURS}, for example 3.5.` };
      await this.focusInvalid();
      return;
    }
    this.ruleErrors = {};
    this.savingRule = true;
    try {
      await api.setCompletionRule(this.organisationId, cohort.courseId, {
        mustAttendDays: [...this.ruleDays].sort((a, b) => a - b),
        maxMinutesMissed: Math.round(hours * 60),
        otherwise: this.ruleOtherwise,
      });
      this.ruleOpen = false;
      await this.refresh();
      this.announcement = 'The rule is saved. It applies to every cohort of this course.';
    } catch (e) {
      const errors = fieldErrors<RuleField>(e, ['mustAttendDays', 'maxMinutesMissed', 'otherwise']);
      if (errors) {
        this.ruleErrors = errors;
        await this.focusInvalid();
      } else {
        this.ruleProblem = messageOf(e);
      }
    } finally {
      this.savingRule = false;
    }
  }

  /* ---- certificates: issuing ---- */

  private renderIssue(grid: CompletionGrid) {
    const completed = grid.people.filter((p) => p.state === 'COMPLETED').length;
    const waiting = grid.people.filter((p) => p.state === 'COMPLETED' && !p.certificate).length;
    return html`<div class="issue" data-test="issue">
      <p>
        ${completed === 0
          ? 'Nobody has completed yet by the rule above.'
          : waiting === 0
            ? 'Everyone who completed has a certificate.'
            : `${waiting === 1 ? '1 person has' : `${waiting} people have`} completed and ${waiting === 1 ? 'has' : 'have'} no certificate yet.`}
        Each certificate carries a code anyone can check on the <a href="/verify">certificate check page</a>.
      </p>
      ${this.issueProblem ? html`<p class="notice" role="alert" data-test="issue-problem">${this.issueProblem}</p>` : nothing}
      <button class="button" type="button" data-test="issue-certificates" ?disabled=${this.issuing} @click=${this.issue}>
        Issue certificates to everyone who completed
      </button>
    </div>`;
  }

  private async issue() {
    const cohort = this.cohort;
    if (!cohort || this.issuing || this.grid.state !== 'ready') return;
    const before = new Set(this.grid.value.people.filter((p) => p.certificate).map((p) => p.registrationId));
    this.issuing = true;
    this.issueProblem = undefined;
    this.announcement = '';
    try {
      const grid = await api.issueCertificates(this.organisationId, cohort.id);
      this.grid = { state: 'ready', value: grid };
      const issued = grid.people.filter((p) => p.certificate && !before.has(p.registrationId)).length;
      this.announcement =
        issued === 0
          ? 'Everyone who completed already had a certificate.'
          : `${issued === 1 ? '1 certificate' : `${issued} certificates`} issued.`;
    } catch (e) {
      this.issueProblem = messageOf(e);
    } finally {
      this.issuing = false;
    }
  }

  /* ---- the grid ---- */

  private renderGrid(cohort: Cohort, grid: CompletionGrid) {
    if (grid.people.length === 0) {
      return html`<p data-test="grid-empty">Nobody has a seat yet, so there is no attendance to show.</p>`;
    }
    const dates = new Map(cohort.days.map((d) => [d.dayNumber, d.date]));
    const columns = grid.dayNumbers.length + 3;
    return html`<div class="table-wrap">
      <table data-test="completion-grid">
        <caption>
          Minutes missed on each day, from the live room unless a trainer marked the day. Anyone on the staff can correct
          a day.
        </caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            ${grid.dayNumbers.map(
              (n) => html`<th scope="col">
                Day ${n} ${dates.get(n) ? html`<span class="small">${formatDate(dates.get(n)!)}</span>` : nothing}
              </th>`,
            )}
            <th scope="col">Where they stand</th>
            <th scope="col">Certificate</th>
          </tr>
        </thead>
        <tbody>
          ${grid.people.map((p) => this.renderPerson(p, grid, columns))}
        </tbody>
      </table>
    </div>`;
  }

  private renderPerson(p: PersonRow, grid: CompletionGrid, columns: number) {
    const cells = new Map(p.days.map((c) => [c.dayNumber, c]));
    const editing = this.editing?.registrationId === p.registrationId ? this.editing : undefined;
    const revoking = p.certificate && this.revoking === p.certificate;
    return html`<tr data-test="grid-row" data-registration=${p.registrationId}>
        <th scope="row">
          <span data-test="grid-name">${p.name}</span>
          <span class="small">${p.email}</span>
        </th>
        ${grid.dayNumbers.map((n) => this.renderCell(p, cells.get(n) ?? emptyCell(n)))}
        <td data-test="grid-state" data-state=${p.state}>${this.renderState(p)}</td>
        <td data-test="grid-certificate">${this.renderCertificate(p)}</td>
      </tr>
      ${editing
        ? html`<tr class="editor" data-test="correct-row">
            <td colspan=${columns}>${this.renderCorrection(p, cells.get(editing.dayNumber) ?? emptyCell(editing.dayNumber))}</td>
          </tr>`
        : nothing}
      ${revoking
        ? html`<tr class="editor" data-test="revoke-row">
            <td colspan=${columns}>${this.renderRevoke(p)}</td>
          </tr>`
        : nothing}`;
  }

  private renderCell(p: PersonRow, cell: DayCell) {
    const source = sourceWords(cell);
    const open = this.editing?.registrationId === p.registrationId && this.editing.dayNumber === cell.dayNumber;
    return html`<td class="cell" data-test="grid-cell" data-day=${cell.dayNumber} data-source=${cell.source}>
      <span data-test="cell-words">${cellWords(cell)}</span>
      ${source ? html`<span class="small" data-test="cell-source">${source}</span>` : nothing}
      ${cell.note ? html`<span class="note" data-test="cell-note">${cell.note}</span>` : nothing}
      <button
        class="quiet"
        type="button"
        id=${cellButtonId(p.registrationId, cell.dayNumber)}
        data-test="correct-cell"
        aria-expanded=${open ? 'true' : 'false'}
        @click=${() => this.startCorrecting(p, cell)}
      >
        Correct<span class="visually-hidden"> day ${cell.dayNumber} for ${p.name}</span>
      </button>
    </td>`;
  }

  private renderState(p: PersonRow) {
    const kind = p.state.toLowerCase().replace('_', '-');
    return html`<span class="state ${kind}" data-test="state-words">${stateWords(p)}</span>
      ${p.reason ? html`<p data-test="state-reason">${p.reason}</p>` : nothing}
      ${p.state === 'MAKE_UP'
        ? p.makeUpIn.length
          ? html`<p class="small">Later cohorts to make up ${daysWords(p.daysToMakeUp)} in:</p>
              <ul data-test="make-up-in">
                ${p.makeUpIn.map((m) => html`<li>${makeUpWords(m)}</li>`)}
              </ul>`
          : html`<p class="small" data-test="make-up-none">No later cohort of this course is planned yet.</p>`
        : nothing}`;
  }

  private renderCertificate(p: PersonRow) {
    if (!p.certificate) return html`<span class="muted">none yet</span>`;
    const code = p.certificate;
    const notice = this.rowNotice?.code === code ? this.rowNotice.message : undefined;
    return html`<span class="code" data-test="certificate-code">${code}</span>
      ${p.certificateRevoked
        ? html`<span class="revoked" data-test="certificate-revoked">revoked</span>`
        : html`<button
              class="quiet"
              type="button"
              data-test="certificate-pdf"
              ?disabled=${this.fetching === code}
              @click=${() => this.downloadCertificate(p)}
            >
              PDF<span class="visually-hidden"> of ${p.name}'s certificate</span>
            </button>
            ${this.admin
              ? html`<button
                  class="quiet"
                  type="button"
                  id=${revokeButtonId(code)}
                  data-test="certificate-revoke"
                  aria-expanded=${this.revoking === code ? 'true' : 'false'}
                  @click=${() => this.startRevoking(code)}
                >
                  Revoke<span class="visually-hidden"> ${p.name}'s certificate</span>
                </button>`
              : nothing}`}
      ${notice ? html`<p class="notice" role="alert">${notice}</p>` : nothing}`;
  }

  /* ---- correcting a day ---- */

  private async startCorrecting(p: PersonRow, cell: DayCell) {
    if (this.editing?.registrationId === p.registrationId && this.editing.dayNumber === cell.dayNumber) {
      await this.stopCorrecting();
      return;
    }
    this.editing = { registrationId: p.registrationId, dayNumber: cell.dayNumber };
    this.markMinutes = cell.minutesMissed === null ? '' : String(cell.minutesMissed);
    this.markNote = cell.note ?? '';
    this.markErrors = {};
    this.markProblem = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#mark-minutes')?.focus();
  }

  private async stopCorrecting() {
    const was = this.editing;
    this.editing = undefined;
    await this.updateComplete;
    if (was) this.renderRoot.querySelector<HTMLElement>(`#${cellButtonId(was.registrationId, was.dayNumber)}`)?.focus();
  }

  private renderCorrection(p: PersonRow, cell: DayCell) {
    const errors = this.markErrors;
    return html`<form class="inline" novalidate data-test="correct-form" aria-labelledby="mark-heading" @submit=${this.saveMark}>
      <p id="mark-heading">
        <strong>Day ${cell.dayNumber} for ${p.name}</strong>: ${cellWords(cell)}${sourceWords(cell)
          ? ` (${sourceWords(cell)})`
          : ''}.
      </p>
      <div>
        <label for="mark-minutes">Minutes missed</label>
        <input
          id="mark-minutes"
          class="short"
          type="number"
          inputmode="numeric"
          min="0"
          max=${MAX_DAY_MINUTES}
          step="1"
          data-test="correct-minutes"
          .value=${live(this.markMinutes)}
          @input=${(e: InputEvent) => (this.markMinutes = (e.target as HTMLInputElement).value)}
          aria-invalid=${errors.minutesMissed ? 'true' : 'false'}
          aria-describedby="mark-minutes-hint${errors.minutesMissed ? ' mark-minutes-error' : ''}"
        />
        <p class="hint" id="mark-minutes-hint">0 if they were there all day; 60 for an hour. Up to ${MAX_DAY_MINUTES}.</p>
        ${errors.minutesMissed ? html`<p class="error" id="mark-minutes-error">${errors.minutesMissed}</p>` : nothing}
      </div>
      <div>
        <label for="mark-note">Note (optional)</label>
        <input
          id="mark-note"
          type="text"
          maxlength=${MAX_NOTE}
          data-test="correct-note"
          .value=${live(this.markNote)}
          @input=${(e: InputEvent) => (this.markNote = (e.target as HTMLInputElement).value)}
          aria-invalid=${errors.note ? 'true' : 'false'}
          aria-describedby="mark-note-hint${errors.note ? ' mark-note-error' : ''}"
        />
        <p class="hint" id="mark-note-hint">For the organisation's staff, for example “joined by phone after lunch”.</p>
        ${errors.note ? html`<p class="error" id="mark-note-error">${errors.note}</p>` : nothing}
      </div>
      ${this.markProblem ? html`<p class="notice" role="alert" data-test="correct-problem">${this.markProblem}</p>` : nothing}
      <div class="actions">
        <button class="button" type="submit" data-test="correct-save" ?disabled=${this.marking}>Save</button>
        <button class="button secondary" type="button" data-test="correct-cancel" @click=${this.stopCorrecting}>
          Cancel
        </button>
      </div>
    </form>`;
  }

  private async saveMark(event: Event) {
    event.preventDefault();
    const cohort = this.cohort;
    const editing = this.editing;
    if (!cohort || !editing || this.marking || this.grid.state !== 'ready') return;
    this.markProblem = undefined;
    this.announcement = '';
    const minutes = Number(this.markMinutes);
    const note = this.markNote.trim();
    const errors: Partial<Record<MarkField, string>> = {};
    if (this.markMinutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_DAY_MINUTES) {
      errors.minutesMissed = `Give a whole number of minutes from 0 to ${MAX_DAY_MINUTES}.`;
    }
    if (note.length > MAX_NOTE) errors.note = `Keep the note to ${MAX_NOTE} characters.`;
    this.markErrors = errors;
    if (Object.keys(errors).length) {
      await this.focusInvalid();
      return;
    }
    const name = this.grid.value.people.find((p) => p.registrationId === editing.registrationId)?.name ?? 'them';
    const request: MarkRequest = { minutesMissed: minutes };
    if (note) request.note = note;
    this.marking = true;
    try {
      const grid = await api.markAttendance(this.organisationId, cohort.id, editing.registrationId, editing.dayNumber, request);
      this.grid = { state: 'ready', value: grid };
      this.announcement = `Day ${editing.dayNumber} for ${name} is saved: ${
        minutes === 0 ? 'all there' : `missed ${durationWords(minutes)}`
      }.`;
      await this.stopCorrecting();
    } catch (e) {
      const fields = fieldErrors<MarkField>(e, ['minutesMissed', 'note']);
      if (fields) {
        this.markErrors = fields;
        await this.focusInvalid();
      } else {
        this.markProblem = messageOf(e);
      }
    } finally {
      this.marking = false;
    }
  }

  /* ---- certificates: the PDF and revoking ---- */

  private async downloadCertificate(p: PersonRow) {
    const code = p.certificate;
    if (!code || this.fetching) return;
    this.fetching = code;
    this.rowNotice = undefined;
    try {
      const file = await api.certificatePdf(this.organisationId, code);
      saveDownload(file, `certificate-${code}.pdf`);
    } catch (e) {
      this.rowNotice = { code, message: messageOf(e) };
    } finally {
      this.fetching = undefined;
    }
  }

  private async startRevoking(code: string) {
    if (this.revoking === code) {
      await this.stopRevoking();
      return;
    }
    this.revoking = code;
    this.revokeReason = '';
    this.revokeError = undefined;
    this.revokeProblem = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#revoke-reason')?.focus();
  }

  private async stopRevoking() {
    const was = this.revoking;
    this.revoking = undefined;
    await this.updateComplete;
    if (was) this.renderRoot.querySelector<HTMLElement>(`#${revokeButtonId(was)}`)?.focus();
  }

  private renderRevoke(p: PersonRow) {
    return html`<form class="inline" novalidate data-test="revoke-form" @submit=${(e: Event) => this.revoke(e, p)}>
      <p id="revoke-words">
        Revoke ${p.name}'s certificate, <span class="code">${p.certificate}</span>? Anyone who checks the code is then
        told it was revoked, with the reason you give.
      </p>
      <div>
        <label for="revoke-reason">Reason</label>
        <textarea
          id="revoke-reason"
          maxlength=${MAX_REASON}
          data-test="revoke-reason"
          .value=${live(this.revokeReason)}
          @input=${(e: InputEvent) => (this.revokeReason = (e.target as HTMLTextAreaElement).value)}
          aria-invalid=${this.revokeError ? 'true' : 'false'}
          aria-describedby="revoke-words${this.revokeError ? ' revoke-reason-error' : ''}"
        ></textarea>
        ${this.revokeError ? html`<p class="error" id="revoke-reason-error">${this.revokeError}</p>` : nothing}
      </div>
      ${this.revokeProblem ? html`<p class="notice" role="alert" data-test="revoke-problem">${this.revokeProblem}</p>` : nothing}
      <div class="actions">
        <button class="button" type="submit" data-test="revoke-confirm" ?disabled=${this.revokeBusy}>Revoke the certificate</button>
        <button class="button secondary" type="button" data-test="revoke-keep" @click=${this.stopRevoking}>Keep it</button>
      </div>
    </form>`;
  }

  private async revoke(event: Event, p: PersonRow) {
    event.preventDefault();
    const code = p.certificate;
    if (!code || this.revokeBusy) return;
    this.revokeProblem = undefined;
    this.announcement = '';
    const reason = this.revokeReason.trim();
    if (!reason) {
      this.revokeError = 'Say why the certificate is revoked: the reason is shown to anyone who checks the code.';
      await this.focusInvalid();
      return;
    }
    if (reason.length > MAX_REASON) {
      this.revokeError = `Keep the reason to ${MAX_REASON} characters.`;
      await this.focusInvalid();
      return;
    }
    this.revokeError = undefined;
    this.revokeBusy = true;
    try {
      const verification = await api.revokeCertificate(this.organisationId, code, reason);
      if (this.grid.state === 'ready') {
        const grid = this.grid.value;
        this.grid = {
          state: 'ready',
          value: {
            ...grid,
            people: grid.people.map((row) =>
              row.certificate === code ? { ...row, certificateRevoked: verification.revoked } : row,
            ),
          },
        };
      }
      this.revoking = undefined;
      this.announcement = `${p.name}'s certificate ${code} is revoked.`;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#completion-heading')?.focus();
    } catch (e) {
      const fields = fieldErrors<'reason'>(e, ['reason']);
      if (fields?.reason) {
        this.revokeError = fields.reason;
        await this.focusInvalid();
      } else {
        this.revokeProblem = messageOf(e);
      }
    } finally {
      this.revokeBusy = false;
    }
  }

  /* ---- files ---- */

  private renderFiles(grid: CompletionGrid) {
    return html`<div data-test="downloads">
      <h3 id="files-heading">Files</h3>
      <p class="hint">CSV files open in any spreadsheet.</p>
      <ul class="files" aria-labelledby="files-heading">
        <li>
          <button
            class="button secondary"
            type="button"
            data-test="roster-csv"
            ?disabled=${this.fetching === 'roster'}
            @click=${this.downloadRoster}
          >
            Roster CSV
          </button>
        </li>
        ${grid.dayNumbers.map(
          (n) => html`<li>
            <button
              class="button secondary"
              type="button"
              data-test="attendance-csv"
              data-day=${n}
              ?disabled=${this.fetching === `day-${n}`}
              @click=${() => this.downloadDay(n)}
            >
              Attendance CSV<span class="visually-hidden">,</span> day ${n}
            </button>
          </li>`,
        )}
      </ul>
      <p class="hint" role="status" data-test="download-note">${this.downloadNote}</p>
    </div>`;
  }

  private async downloadRoster() {
    const cohort = this.cohort;
    if (!cohort || this.fetching) return;
    this.fetching = 'roster';
    this.downloadNote = '';
    try {
      const saved = saveDownload(await api.rosterCsv(this.organisationId, cohort.id), 'roster.csv');
      this.downloadNote = `Saved as ${saved} in your downloads.`;
    } catch (e) {
      this.downloadNote = messageOf(e);
    } finally {
      this.fetching = undefined;
    }
  }

  private async downloadDay(day: number) {
    const cohort = this.cohort;
    if (!cohort || this.fetching) return;
    this.fetching = `day-${day}`;
    this.downloadNote = '';
    try {
      const saved = saveDownload(await api.attendanceCsv(this.organisationId, cohort.id, day), `attendance-day-${day}.csv`);
      this.downloadNote = `Saved as ${saved} in your downloads.`;
    } catch (e) {
      this.downloadNote =
        e instanceof ApiError && e.status === 404
          ? `Day ${day} had no live room, so there is no attendance file for it.`
          : messageOf(e);
    } finally {
      this.fetching = undefined;
    }
  }

  private async focusInvalid() {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }
}

function emptyCell(dayNumber: number): DayCell {
  return { dayNumber, minutesMissed: null, source: 'not-recorded', note: null };
}

/** Element ids made only of safe characters, whatever the server's ids hold. */
function safeId(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

function cellButtonId(registrationId: string, day: number): string {
  return `correct-${safeId(registrationId)}-${day}`;
}

function revokeButtonId(code: string): string {
  return `revoke-${safeId(code)}`;
}

/** The server's messages for the fields named, when a 400 or 422 named any of them. */
function fieldErrors<F extends string>(e: unknown, fields: F[]): Partial<Record<F, string>> | undefined {
  if (!(e instanceof ApiError) || (e.status !== 400 && e.status !== 422)) return undefined;
  const found: Partial<Record<F, string>> = {};
  for (const { field, message } of e.problem.errors ?? []) {
    const f = fields.find((name) => field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`));
    if (f && !found[f]) found[f] = message;
  }
  return Object.keys(found).length ? found : undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : 'Something went wrong. Please try again.';
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-completion': MutCohortCompletion;
  }
}
