import { LitElement, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Cohort, CompletionGrid } from './types';
import { consoleApi } from '../console/api';
import { registrationApi } from '../registration/api';
import { ApiError } from '../shared/api/http';
import { problemMessage } from '../shared/api-form';
import { saveDownload } from '../shared/download';

/**
 * The completion section's files: the roster and each day's attendance as CSV. It renders into
 * the completion section's own tree (no shadow root of its own), so that section's styles and
 * tests reach it.
 */
@customElement('mut-completion-files')
export class MutCompletionFiles extends LitElement {
  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;
  @property({ attribute: false }) grid?: CompletionGrid;

  /** the file on its way ('roster', 'day-2'); one at a time */
  @state() private fetching?: string;
  @state() private downloadNote = '';

  protected createRenderRoot() {
    return this;
  }

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cohort') || changed.has('organisationId')) this.downloadNote = '';
  }

  render() {
    return this.grid ? this.renderFiles(this.grid) : html``;
  }

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
      const saved = saveDownload(await registrationApi.rosterCsv(this.organisationId, cohort.id), 'roster.csv');
      this.downloadNote = `Saved as ${saved} in your downloads.`;
    } catch (e) {
      this.downloadNote = problemMessage(e);
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
      const saved = saveDownload(
        await consoleApi.attendanceCsv(this.organisationId, cohort.id, day),
        `attendance-day-${day}.csv`,
      );
      this.downloadNote = `Saved as ${saved} in your downloads.`;
    } catch (e) {
      this.downloadNote =
        e instanceof ApiError && e.status === 404
          ? `Day ${day} had no live room, so there is no attendance file for it.`
          : problemMessage(e);
    } finally {
      this.fetching = undefined;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-completion-files': MutCompletionFiles;
  }
}
