import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Cohort } from '../cohort/types';
import { registrationApi } from './api';
import type { ImportReport } from './types';
import { importOutcomeWords } from '../cohort/completion-words';
import { shared } from '../shared/styles/shared';
import { tableStyles } from '../shared/styles/tables';
import { ApiForm, fieldErrors } from '../shared/api-form';
import { focusAfterUpdate, textArea } from '../shared/fields';
import { announcementRegion, problemNotice } from '../shared/loadable';

/** The longest file the server reads, in characters, and the most people in one file. */
const MAX_CSV = 500_000;
const MAX_PEOPLE = 500;
const COLUMNS = 'name,email,pool,accessNeeds,dietaryNeeds';

/**
 * Importing people onto a cohort from a CSV file (organisation admins): choose a file or paste
 * its lines, try it (nothing changes; every line says what it would come to and what is wrong
 * with it), then import the good lines.
 *
 * Dispatches `registrations-changed` (bubbling) after a real import, so the roster can refresh.
 */
@customElement('mut-cohort-import')
export class MutCohortImport extends LitElement {
  static styles = [
    shared,
    tableStyles,
    css`
      :host {
        display: block;
      }
      .intro {
        max-width: 48rem;
      }
      pre {
        background: var(--mut-paper);
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
        padding: var(--mut-space-3) var(--mut-space-4);
        overflow-x: auto;
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-sm);
        margin: 0 0 var(--mut-space-4);
      }
      ul.columns {
        margin: 0 0 var(--mut-space-4);
        padding-left: var(--mut-space-6);
        max-width: 65ch;
      }
      code {
        font-family: var(--mut-font-mono);
      }
      form {
        display: grid;
        gap: var(--mut-space-4);
        max-width: 48rem;
      }
      textarea {
        min-height: 10rem;
        font-family: var(--mut-font-mono);
        font-size: var(--mut-text-sm);
      }
      input[type='file'] {
        padding: var(--mut-space-2);
      }
      .report {
        margin-top: var(--mut-space-6);
      }
      tr[data-outcome='error'] td {
        background: var(--mut-notice);
      }
      td ul {
        margin: var(--mut-space-1) 0 0;
        padding-left: var(--mut-space-4);
        color: var(--mut-notice-ink);
      }
      .next {
        margin-top: var(--mut-space-4);
      }
    `,
  ];

  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;

  @state() private csv = '';
  @state() private fileName?: string;
  @state() private report?: ImportReport;
  @state() private announcement = '';

  /** The text the shown dry run was for: importing sends exactly this. */
  private tried?: string;

  /** Trying and importing: what is wrong with the file is said beside its lines. */
  private readonly form = new ApiForm<'csv'>(this, {
    fieldsFrom: (e) => {
      const words = fieldErrors(e, ['file', 'csv']);
      const message = words?.file ?? words?.csv;
      return message ? { csv: message } : undefined;
    },
    fallback: 'That did not work. Please try again.',
    focus: () => focusAfterUpdate(this, '#import-paste'),
  });

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cohort') && changed.get('cohort')?.id !== this.cohort?.id) this.startAgain();
  }

  private startAgain() {
    this.csv = '';
    this.fileName = undefined;
    this.form.clear();
    this.report = undefined;
    this.tried = undefined;
    this.announcement = '';
  }

  render() {
    if (!this.cohort) return nothing;
    return html`<section aria-labelledby="import-heading" data-test="import-section">
      <h2 id="import-heading">Import people from a file</h2>
      <div class="intro">
        <p>
          Register several people at once from a CSV file: a spreadsheet saved as CSV. The first line names the columns,
          and each line after it is one person:
        </p>
        <pre data-test="import-columns"><code>${COLUMNS}
Ana Lopez,ana@example.org,open,Step-free access please,Vegetarian</code></pre>
        <ul class="columns">
          <li><code>name</code> and <code>email</code> are needed on every line.</li>
          <li>
            <code>pool</code> is the short code of one of this cohort's pools; left empty, the person goes in the first
            pool.
          </li>
          <li><code>accessNeeds</code> and <code>dietaryNeeds</code> can be left empty.</li>
          <li>Up to ${MAX_PEOPLE} people in one file.</li>
        </ul>
        <p>
          Try it first: nothing changes, and every line shows what it would come to. Then import the good lines. Each
          person gets the usual email with their own link, just as when they register themselves.
        </p>
      </div>
      ${announcementRegion(this.announcement, 'import-announcement')}
      <form novalidate data-test="import-form" @submit=${this.tryIt}>
        <div>
          <label for="import-file">A CSV file</label>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv,text/plain"
            data-test="import-file"
            aria-describedby="import-file-hint"
            @change=${this.chooseFile}
          />
          <p class="hint" id="import-file-hint">
            ${this.fileName ? `Read from ${this.fileName}; its lines are below.` : 'Its lines appear below, where you can check them.'}
          </p>
        </div>
        ${textArea({
          id: 'import-paste',
          label: 'Or paste the lines here',
          value: this.csv,
          onInput: (v) => this.edit(v),
          error: this.form.errors.csv,
          test: 'import-paste',
        })}
        ${problemNotice(this.form.problem, 'import-problem')}
        <div class="actions">
          <button class="button" type="submit" data-test="import-try" ?disabled=${this.form.busy}>Try it</button>
        </div>
      </form>
      ${this.report ? this.renderReport(this.report) : nothing}
    </section>`;
  }

  private edit(value: string) {
    this.csv = value;
    this.form.setError('csv', undefined);
    if (value !== this.tried) {
      this.report = undefined;
      this.tried = undefined;
    }
  }

  private async chooseFile(event: Event) {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.form.clear();
    this.announcement = '';
    try {
      const text = await file.text();
      this.fileName = file.name;
      this.edit(text);
      if (text.length > MAX_CSV)
        this.form.setError('csv', 'This file is too long to import at once. Split it into smaller files.');
    } catch {
      this.form.setError('csv', 'The file could not be read. Save it as CSV and choose it again, or paste its lines.');
    }
  }

  private async tryIt(event: Event) {
    event.preventDefault();
    await this.send(true);
  }

  private async importGood() {
    await this.send(false);
  }

  private async send(dryRun: boolean) {
    const cohort = this.cohort;
    if (!cohort || this.form.busy) return;
    const csv = dryRun ? this.csv : this.tried;
    this.announcement = '';
    if (csv === undefined) return;
    const refused = await this.form.refuse(
      !csv.trim()
        ? { csv: `Choose a file or paste its lines; the first line names the columns: ${COLUMNS}.` }
        : csv.length > MAX_CSV
          ? { csv: 'This is too long to import at once. Split it into smaller files.' }
          : {},
    );
    if (refused) return;
    await this.form.run(
      () => registrationApi.importRegistrations(this.organisationId, cohort.id, { csv, dryRun }),
      async (report) => {
        this.report = report;
        this.tried = dryRun ? csv : undefined;
        if (!dryRun) {
          this.announcement = importedWords(report);
          this.dispatchEvent(new CustomEvent('registrations-changed', { bubbles: true, composed: true }));
        }
        await focusAfterUpdate(this, '[data-test="import-report"] h3');
      },
    );
  }

  private renderReport(report: ImportReport) {
    const good = report.confirmed + report.waitlisted;
    return html`<div class="report" data-test="import-report" data-dry-run=${report.dryRun ? 'true' : 'false'}>
      <h3 tabindex="-1">${report.dryRun ? 'What the file would come to' : 'What was imported'}</h3>
      <p data-test="import-summary">${summaryWords(report)}</p>
      ${
        report.rows.length
          ? html`<div class="table-wrap">
            <table data-test="import-rows">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Pool</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                ${report.rows.map(
                  (row) => html`<tr data-test="import-row" data-line=${row.line} data-outcome=${row.outcome}>
                    <td class="num">${row.line}</td>
                    <td>${row.name ?? ''}</td>
                    <td>${row.email ?? ''}</td>
                    <td>${row.pool ?? ''}</td>
                    <td>
                      <span data-test="import-outcome">${importOutcomeWords(row.outcome, report.dryRun)}</span>
                      ${
                        row.problems.length
                          ? html`<ul data-test="import-problems">
                            ${row.problems.map((p) => html`<li>${p}</li>`)}
                          </ul>`
                          : nothing
                      }
                    </td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>`
          : html`<p>The file has no lines after the first.</p>`
      }
      ${
        report.dryRun
          ? good > 0
            ? html`<div class="next">
              <p class="hint" id="import-run-hint">
                ${good === 1 ? '1 person is' : `${good} people are`} registered when you import.${
                  report.errors ? ' Lines with an error are left out: fix them and import them later.' : ''
                }
              </p>
              <button
                class="button"
                type="button"
                data-test="import-run"
                aria-describedby="import-run-hint"
                ?disabled=${this.form.busy}
                @click=${this.importGood}
              >
                Import the good lines
              </button>
            </div>`
            : html`<p class="next" data-test="import-nothing">
              There is nobody new to register in this file. Fix the lines with an error and try again.
            </p>`
          : nothing
      }
    </div>`;
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 would get a seat, 1 would join the waitlist and 2 have an error and would be left out." */
function summaryWords(report: ImportReport): string {
  const dry = report.dryRun;
  const one = (n: number, single: string, plural: string) => `${n} ${n === 1 ? single : plural}`;
  const parts: string[] = [];
  if (report.confirmed) {
    parts.push(dry ? `${report.confirmed} would get a seat` : one(report.confirmed, 'has a seat', 'have a seat'));
  }
  if (report.waitlisted) {
    parts.push(
      dry ? `${report.waitlisted} would join the waitlist` : one(report.waitlisted, 'is on the waitlist', 'are on the waitlist'),
    );
  }
  if (report.alreadyRegistered) {
    parts.push(one(report.alreadyRegistered, 'is already registered', 'are already registered'));
  }
  if (report.errors) {
    parts.push(
      dry
        ? one(report.errors, 'has an error and would be left out', 'have an error and would be left out')
        : one(report.errors, 'had an error and was left out', 'had an error and were left out'),
    );
  }
  if (!parts.length) return 'The file has nobody in it yet.';
  const last = parts.pop()!;
  return `${parts.length ? `${parts.join(', ')} and ${last}` : last}.`;
}

/** What the real import came to, for the announcement. */
function importedWords(report: ImportReport): string {
  const placed = report.confirmed + report.waitlisted;
  if (placed === 0) return 'Nobody new was registered.';
  return `Imported: ${count(placed, 'person is', 'people are')} registered (${report.confirmed} with a seat, ${report.waitlisted} on the waitlist). Each gets an email with their own link.`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-import': MutCohortImport;
  }
}
