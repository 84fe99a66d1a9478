import { css, html, nothing } from 'lit';
import { RoomDaySection } from './room-day-section';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { consoleApi } from './api';
import type { AttendanceRow } from './types';
import { formatClock } from '../shared/format';
import { shared } from '../shared/styles/shared';
import { tableStyles } from '../shared/styles/tables';
import { ApiForm } from '../shared/api-form';
import { focusAfterUpdate } from '../shared/fields';
import { liveStyles } from '../room/live-common';
import { failed, loading, problemNotice } from '../shared/loadable';

type Field = 'present' | 'minutes' | 'note';
const FIELDS: Field[] = ['present', 'minutes', 'note'];

/** Most a training day could hold, in minutes. */
const MAX_MINUTES = 1440;

/**
 * A training day's attendance for its facilitators: when each participant first joined and
 * last left, how many minutes they were here, and a small form to correct one record.
 */
@customElement('mut-room-attendance')
export class MutRoomAttendance extends RoomDaySection<AttendanceRow[]> {
  static styles = [
    shared,
    liveStyles,
    tableStyles,
    css`
      :host {
        display: block;
      }
      thead th {
        white-space: normal;
      }
      .corrected {
        display: block;
        font-size: var(--mut-text-sm);
        color: var(--mut-ink-soft);
      }
      tr.correcting td {
        background: var(--mut-calm);
      }
      form.correct {
        display: grid;
        gap: var(--mut-space-3);
        max-width: 32rem;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--mut-space-2) var(--mut-space-4);
      }
      .head h2 {
        margin: 0;
      }
    `,
  ];

  @state() private editing?: string;
  @state() private present = true;
  @state() private minutes = '';
  @state() private note = '';
  @state() private said?: string;

  /** The correction: the server's words for anything but its fields are said with the form. */
  private readonly form = new ApiForm<Field>(this, {
    fields: FIELDS,
    statuses: [400],
    othersAsProblem: true,
    fallback: 'The correction could not be saved. Please try again.',
  });

  protected readonly failureWords = 'The attendance could not be loaded.';

  protected fetch() {
    return consoleApi.attendance(this.organisationId, this.cohortId, this.day);
  }

  protected reset() {
    this.editing = undefined;
  }

  private async startCorrecting(row: AttendanceRow) {
    if (this.editing === row.participantId) {
      this.stopCorrecting();
      return;
    }
    this.editing = row.participantId;
    this.present = row.present;
    this.minutes = String(row.minutesPresent);
    this.note = row.note ?? '';
    this.form.clear();
    this.said = undefined;
    await focusAfterUpdate(this, '#correct-minutes');
  }

  private async stopCorrecting() {
    const id = this.editing;
    this.editing = undefined;
    await this.updateComplete;
    if (id) [...this.renderRoot.querySelectorAll<HTMLElement>('[data-correct]')].find((b) => b.dataset.correct === id)?.focus();
  }

  private async save(event: Event, row: AttendanceRow) {
    event.preventDefault();
    const minutes = Number(this.minutes);
    const errors: Partial<Record<Field, string>> = {};
    if (this.minutes.trim() === '' || !Number.isInteger(minutes) || minutes < 0 || minutes > MAX_MINUTES) {
      errors.minutes = `Give a whole number of minutes, from 0 to ${MAX_MINUTES}.`;
    }
    if (await this.form.refuse(errors)) return;
    await this.form.run(
      () =>
        consoleApi.correctAttendance(this.organisationId, this.cohortId, this.day, row.participantId, {
          present: this.present,
          minutes,
          note: this.note.trim(),
        }),
      async () => {
        this.said = `${row.name}'s attendance is corrected.`;
        await this.stopCorrecting();
        await this.refresh();
      },
    );
  }

  render() {
    const rows = this.loaded;
    return html`<section class="card attendance" aria-labelledby="attendance-title">
      <div class="head">
        <h2 id="attendance-title">Attendance</h2>
        <button class="quiet" type="button" data-refresh ?disabled=${this.refreshing} @click=${() => this.refresh()}>
          Refresh<span class="visually-hidden"> the attendance</span>
        </button>
      </div>
      <p class="hint">From when each participant joined and left the room. Correct a record if the room got it wrong.</p>
      <div role="status">${this.said ? html`<p class="hint">${this.said}</p>` : nothing}</div>
      ${
        rows.state === 'loading'
          ? loading('the attendance')
          : rows.state === 'failed'
            ? failed(rows.message)
            : rows.value.length
              ? this.renderTable(rows.value)
              : html`<p class="muted">No participants have joined this day yet.</p>`
      }
    </section>`;
  }

  private renderTable(rows: AttendanceRow[]) {
    return html`<div class="table-wrap">
      <table>
        <caption class="visually-hidden">Attendance for day ${this.day}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">First joined</th>
            <th scope="col">Last left</th>
            <th scope="col">Minutes</th>
            <th scope="col">Present</th>
            <th scope="col">Note</th>
            <th scope="col"><span class="visually-hidden">Correct</span></th>
          </tr>
        </thead>
        <tbody>
          ${rows.map((row) => this.renderRow(row))}
        </tbody>
      </table>
    </div>`;
  }

  private renderRow(row: AttendanceRow) {
    const open = this.editing === row.participantId;
    return html`<tr data-participant=${row.participantId}>
        <th scope="row">${row.name}</th>
        <td>${row.firstJoined ? formatClock(row.firstJoined) : html`<span aria-hidden="true">—</span><span class="visually-hidden">Did not join</span>`}</td>
        <td>${
          row.lastLeft
            ? row.leftAtEnd
              ? html`${formatClock(row.lastLeft)} <span class="corrected">left at the end of the day</span>`
              : formatClock(row.lastLeft)
            : row.firstJoined
              ? 'Still here'
              : html`<span aria-hidden="true">—</span><span class="visually-hidden">None</span>`
        }</td>
        <td class="num">${row.minutesPresent}</td>
        <td>${row.present ? 'Yes' : 'No'} ${row.corrected ? html`<span class="corrected">corrected</span>` : nothing}</td>
        <td>${row.note ?? ''}</td>
        <td>
          <button
            class="quiet"
            type="button"
            data-correct=${row.participantId}
            aria-expanded=${open ? 'true' : 'false'}
            @click=${() => this.startCorrecting(row)}
          >
            Correct<span class="visually-hidden">: ${row.name}</span>
          </button>
        </td>
      </tr>
      ${
        open
          ? html`<tr class="correcting">
            <td colspan="7">${this.renderForm(row)}</td>
          </tr>`
          : nothing
      }`;
  }

  private renderForm(row: AttendanceRow) {
    const e = this.form.errors;
    const described = (f: Field, hint = false) =>
      [hint ? `correct-${f}-hint` : '', e[f] ? `correct-${f}-error` : ''].filter(Boolean).join(' ') || nothing;
    const error = (f: Field) => (e[f] ? html`<p class="error" id="correct-${f}-error">${e[f]}</p>` : nothing);
    return html`<form class="correct" novalidate aria-label="Correct ${row.name}'s attendance" @submit=${(ev: Event) => this.save(ev, row)}>
      <fieldset aria-describedby=${described('present')}>
        <legend>Present on the day</legend>
        <div class="radios">
          ${[true, false].map(
            (value) => html`<label>
              <input
                type="radio"
                name="present"
                value=${value ? 'yes' : 'no'}
                aria-invalid=${e.present ? 'true' : 'false'}
                .checked=${live(this.present === value)}
                @change=${() => (this.present = value)}
              />
              ${value ? 'Yes' : 'No'}
            </label>`,
          )}
        </div>
        ${error('present')}
      </fieldset>
      <div>
        <label for="correct-minutes">Minutes present</label>
        <input
          id="correct-minutes"
          name="minutes"
          type="number"
          inputmode="numeric"
          min="0"
          max=${MAX_MINUTES}
          .value=${live(this.minutes)}
          aria-invalid=${e.minutes ? 'true' : 'false'}
          aria-describedby=${described('minutes')}
          @input=${(ev: InputEvent) => (this.minutes = (ev.target as HTMLInputElement).value)}
        />
        ${error('minutes')}
      </div>
      <div>
        <label for="correct-note">Note (optional)</label>
        <input
          id="correct-note"
          name="note"
          maxlength="200"
          .value=${live(this.note)}
          aria-invalid=${e.note ? 'true' : 'false'}
          aria-describedby=${described('note', true)}
          @input=${(ev: InputEvent) => (this.note = (ev.target as HTMLInputElement).value)}
        />
        <p class="hint" id="correct-note-hint">For example: “Joined by phone for the afternoon.”</p>
        ${error('note')}
      </div>
      ${problemNotice(this.form.problem)}
      <div class="actions">
        <button class="button" type="submit" ?disabled=${this.form.busy}>Save the correction</button>
        <button class="button secondary" type="button" data-cancel @click=${() => this.stopCorrecting()}>Cancel</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-room-attendance': MutRoomAttendance;
  }
}
