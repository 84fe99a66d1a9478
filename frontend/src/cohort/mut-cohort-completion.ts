import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { Task } from '@lit/task';
import { cohortApi } from './api';
import type { Cohort, CompletionGrid, DayCell, MarkRequest, PersonRow } from './types';
import { cellWords, durationWords, sourceWords } from './completion-words';
import { saveDownload } from '../shared/download';
import { formatDate } from '../shared/format';
import { choiceStyles } from '../shared/styles/forms';
import { shared } from '../shared/styles/shared';
import { tableStyles } from '../shared/styles/tables';
import { ApiForm, problemMessage } from '../shared/api-form';
import { focusAfterUpdate } from '../shared/fields';
import { announcementRegion, failed, load, loading, problemNotice, type Loadable } from '../shared/loadable';
import { cohortCompletionStyles } from './mut-cohort-completion-styles';
import './mut-completion-rule';
import './mut-completion-files';
import { MAX_DAY_MINUTES, MAX_NOTE, MAX_REASON } from './completion-views';
import { cellButtonId, emptyCell, revokeButtonId, stateView, type Editing, type InlineNotice } from './completion-views';

type MarkField = 'minutesMissed' | 'note';

/**
 * A cohort's attendance and completion, as its organisation's staff see it: one row per person
 * with a seat, one column per training day (minutes missed, from the live room or a trainer),
 * where each person stands by the organisation's rule, and their certificate once issued.
 * Any staff member can correct a day; organisation admins can also change the rule, issue
 * certificates and revoke one. The roster and each day's attendance download as CSV.
 */
@customElement('mut-cohort-completion')
export class MutCohortCompletion extends LitElement {
  static styles = [shared, choiceStyles, tableStyles, cohortCompletionStyles];

  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;
  /** Organisation admins change the rule, issue and revoke certificates; all staff correct attendance. */
  @property({ type: Boolean }) admin = false;

  @state() private grid: Loadable<CompletionGrid> = { state: 'loading' };
  @state() private announcement = '';

  @state() private editing?: Editing;
  @state() private markMinutes = '';
  @state() private markNote = '';
  private readonly markForm = new ApiForm<MarkField>(this, { fields: ['minutesMissed', 'note'] });

  private readonly issuing = new ApiForm(this);

  @state() private revoking?: string;
  @state() private revokeReason = '';
  private readonly revokeForm = new ApiForm<'reason'>(this, { fields: ['reason'] });

  @state() private rowNotice?: InlineNotice;
  @state() private fetching?: string;

  /** The organisation and cohort the section shows (it starts over when they change). */
  private shownFor?: string;

  /** The grid's read (@lit/task): only its newest run counts; a read again that fails leaves the grid shown. */
  protected readonly gridRead = new Task(this, {
    autoRun: false,
    args: () => [this.organisationId, this.cohort?.id ?? ''] as const,
    task: ([organisationId, cohortId]) => load(() => cohortApi.completion(organisationId, cohortId)),
    onComplete: (grid) => {
      if (grid.state === 'ready' || this.grid.state === 'loading') this.grid = grid;
    },
  });

  protected willUpdate(changed: PropertyValues<this>): void {
    const cohortId = this.cohort?.id;
    if (!cohortId || !this.organisationId) return;
    const key = `${this.organisationId}/${cohortId}`;
    if (key !== this.shownFor) this.startOver(key);
    if (changed.has('admin') && !this.admin) {
      this.revoking = undefined;
    }
  }

  private startOver(key: string) {
    this.shownFor = key;
    this.grid = { state: 'loading' };
    this.announcement = '';
    this.editing = undefined;
    this.revoking = undefined;
    this.issuing.clear();
    this.rowNotice = undefined;
    void this.gridRead.run();
  }

  /** Fetches the grid again without clearing the page: after an import, or a change to the rule. */
  async refresh(): Promise<void> {
    if (!this.shownFor || !this.cohort) return;
    await this.gridRead.run();
  }

  render() {
    const cohort = this.cohort;
    if (!cohort) return nothing;
    return html`<section aria-labelledby="completion-heading" data-test="completion-section">
      <h2 id="completion-heading" tabindex="-1">Attendance and completion</h2>
      ${announcementRegion(this.announcement, 'completion-announcement')}
      ${
        this.grid.state === 'loading'
          ? loading('attendance')
          : this.grid.state === 'failed'
            ? failed(this.grid.message)
            : html`<mut-completion-rule
                .organisationId=${this.organisationId}
                .cohort=${cohort}
                .grid=${this.grid.value}
                ?admin=${this.admin}
                @rule-saving=${() => (this.announcement = '')}
                @rule-saved=${this.ruleSaved}
              ></mut-completion-rule>
              ${this.admin ? this.renderIssue(this.grid.value) : nothing} ${this.renderGrid(cohort, this.grid.value)}
              <mut-completion-files
                .organisationId=${this.organisationId}
                .cohort=${cohort}
                .grid=${this.grid.value}
              ></mut-completion-files>`
      }
    </section>`;
  }

  /* ---- the rule ---- */

  private async ruleSaved() {
    await this.refresh();
    this.announcement = 'The rule is saved. It applies to every cohort of this course.';
  }

  /* ---- certificates: issuing ---- */

  private renderIssue(grid: CompletionGrid) {
    const completed = grid.people.filter((p) => p.state === 'COMPLETED').length;
    const waiting = grid.people.filter((p) => p.state === 'COMPLETED' && !p.certificate).length;
    return html`<div class="issue" data-test="issue">
      <p>
        ${
          completed === 0
            ? 'Nobody has completed yet by the rule above.'
            : waiting === 0
              ? 'Everyone who completed has a certificate.'
              : `${waiting === 1 ? '1 person has' : `${waiting} people have`} completed and ${waiting === 1 ? 'has' : 'have'} no certificate yet.`
        }
        Each certificate carries a code anyone can check on the <a href="/verify">certificate check page</a>.
      </p>
      ${problemNotice(this.issuing.problem, 'issue-problem')}
      <button class="button" type="button" data-test="issue-certificates" ?disabled=${this.issuing.busy} @click=${this.issue}>
        Issue certificates to everyone who completed
      </button>
    </div>`;
  }

  private async issue() {
    const cohort = this.cohort;
    if (!cohort || this.issuing.busy || this.grid.state !== 'ready') return;
    const before = new Set(this.grid.value.people.filter((p) => p.certificate).map((p) => p.registrationId));
    this.announcement = '';
    await this.issuing.run(
      () => cohortApi.issueCertificates(this.organisationId, cohort.id),
      (grid) => {
        this.grid = { state: 'ready', value: grid };
        const issued = grid.people.filter((p) => p.certificate && !before.has(p.registrationId)).length;
        this.announcement =
          issued === 0
            ? 'Everyone who completed already had a certificate.'
            : `${issued === 1 ? '1 certificate' : `${issued} certificates`} issued.`;
      },
    );
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
        <td data-test="grid-state" data-state=${p.state}>${stateView(p)}</td>
        <td data-test="grid-certificate">${this.renderCertificate(p)}</td>
      </tr>
      ${
        editing
          ? html`<tr class="editor" data-test="correct-row">
            <td colspan=${columns}>${this.renderCorrection(p, cells.get(editing.dayNumber) ?? emptyCell(editing.dayNumber))}</td>
          </tr>`
          : nothing
      }
      ${
        revoking
          ? html`<tr class="editor" data-test="revoke-row">
            <td colspan=${columns}>${this.renderRevoke(p)}</td>
          </tr>`
          : nothing
      }`;
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

  private renderCertificate(p: PersonRow) {
    if (!p.certificate) return html`<span class="muted">none yet</span>`;
    const code = p.certificate;
    const notice = this.rowNotice?.code === code ? this.rowNotice.message : undefined;
    return html`<span class="code" data-test="certificate-code">${code}</span>
      ${
        p.certificateRevoked
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
            ${
              this.admin
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
                : nothing
            }`
      }
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
    this.markForm.clear();
    await focusAfterUpdate(this, '#mark-minutes');
  }

  private async stopCorrecting() {
    const was = this.editing;
    this.editing = undefined;
    if (was) await focusAfterUpdate(this, `#${cellButtonId(was.registrationId, was.dayNumber)}`);
  }

  private renderCorrection(p: PersonRow, cell: DayCell) {
    const errors = this.markForm.errors;
    return html`<form class="inline" novalidate data-test="correct-form" aria-labelledby="mark-heading" @submit=${this.saveMark}>
      <p id="mark-heading">
        <strong>Day ${cell.dayNumber} for ${p.name}</strong>: ${cellWords(cell)}${
          sourceWords(cell) ? ` (${sourceWords(cell)})` : ''
        }.
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
      ${problemNotice(this.markForm.problem, 'correct-problem')}
      <div class="actions">
        <button class="button" type="submit" data-test="correct-save" ?disabled=${this.markForm.busy}>Save</button>
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
    if (!cohort || !editing || this.markForm.busy || this.grid.state !== 'ready') return;
    this.announcement = '';
    const minutes = Number(this.markMinutes);
    const note = this.markNote.trim();
    const errors: Partial<Record<MarkField, string>> = {};
    if (this.markMinutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_DAY_MINUTES) {
      errors.minutesMissed = `Give a whole number of minutes from 0 to ${MAX_DAY_MINUTES}.`;
    }
    if (note.length > MAX_NOTE) errors.note = `Keep the note to ${MAX_NOTE} characters.`;
    if (await this.markForm.refuse(errors)) return;
    const name = this.grid.value.people.find((p) => p.registrationId === editing.registrationId)?.name ?? 'them';
    const request: MarkRequest = { minutesMissed: minutes };
    if (note) request.note = note;
    await this.markForm.run(
      () => cohortApi.markAttendance(this.organisationId, cohort.id, editing.registrationId, editing.dayNumber, request),
      async (grid) => {
        this.grid = { state: 'ready', value: grid };
        this.announcement = `Day ${editing.dayNumber} for ${name} is saved: ${
          minutes === 0 ? 'all there' : `missed ${durationWords(minutes)}`
        }.`;
        await this.stopCorrecting();
      },
    );
  }

  /* ---- certificates: the PDF and revoking ---- */

  private async downloadCertificate(p: PersonRow) {
    const code = p.certificate;
    if (!code || this.fetching) return;
    this.fetching = code;
    this.rowNotice = undefined;
    try {
      const file = await cohortApi.certificatePdf(this.organisationId, code);
      saveDownload(file, `certificate-${code}.pdf`);
    } catch (e) {
      this.rowNotice = { code, message: problemMessage(e) };
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
    this.revokeForm.clear();
    await focusAfterUpdate(this, '#revoke-reason');
  }

  private async stopRevoking() {
    const was = this.revoking;
    this.revoking = undefined;
    if (was) await focusAfterUpdate(this, `#${revokeButtonId(was)}`);
  }

  private renderRevoke(p: PersonRow) {
    const error = this.revokeForm.errors.reason;
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
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby="revoke-words${error ? ' revoke-reason-error' : ''}"
        ></textarea>
        ${error ? html`<p class="error" id="revoke-reason-error">${error}</p>` : nothing}
      </div>
      ${problemNotice(this.revokeForm.problem, 'revoke-problem')}
      <div class="actions">
        <button class="button" type="submit" data-test="revoke-confirm" ?disabled=${this.revokeForm.busy}>Revoke the certificate</button>
        <button class="button secondary" type="button" data-test="revoke-keep" @click=${this.stopRevoking}>Keep it</button>
      </div>
    </form>`;
  }

  private async revoke(event: Event, p: PersonRow) {
    event.preventDefault();
    const code = p.certificate;
    if (!code || this.revokeForm.busy) return;
    this.announcement = '';
    const reason = this.revokeReason.trim();
    const refused = await this.revokeForm.refuse(
      !reason
        ? { reason: 'Say why the certificate is revoked: the reason is shown to anyone who checks the code.' }
        : reason.length > MAX_REASON
          ? { reason: `Keep the reason to ${MAX_REASON} characters.` }
          : {},
    );
    if (refused) return;
    await this.revokeForm.run(
      () => cohortApi.revokeCertificate(this.organisationId, code, reason),
      async (verification) => {
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
        await focusAfterUpdate(this, '#completion-heading');
      },
    );
  }

  /* ---- files ---- */
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-completion': MutCohortCompletion;
  }
}
