import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { shared } from '../shared/styles/shared';
import { ConsolePanel, panelBase } from './console-panel';
import { liveStyles } from '../room/live-common';
import '../shared/mut-confirm';

/** Ending the day (or closing a practice room), only after a confirmation that says what it means. */
@customElement('mut-console-end')
export class MutConsoleEnd extends ConsolePanel {
  static styles = [shared, liveStyles, panelBase];

  @state() private confirmingEnd = false;

  private askToEnd() {
    this.confirmingEnd = !this.confirmingEnd;
  }

  private async keep() {
    this.confirmingEnd = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#end-day')?.focus();
  }

  private async endDay() {
    this.confirmingEnd = false;
    await this.run('end', 'end', { type: 'day.end' });
  }

  render() {
    if (this.ended) return nothing;
    const practice = this.practice;
    const action = practice ? 'Close the practice room' : 'End the day';
    return html`<section class="card end" aria-labelledby="end-title">
      <h2 id="end-title">${action}</h2>
      <p>
        ${practice ? 'When the practice is done, close the room here.' : 'When the day is done, end it here.'} The room then
        takes no more check-ins, notes or journal entries; every timer stops, and everyone still here leaves at the end of
        the day.
      </p>
      <button
        class="button secondary"
        type="button"
        id="end-day"
        aria-expanded=${this.confirmingEnd ? 'true' : 'false'}
        ?disabled=${this.isBusy('end')}
        @click=${this.askToEnd}
      >
        ${action}
      </button>
      ${
        this.confirmingEnd
          ? html`<mut-confirm
            confirm-mark="data-confirm-end"
            confirm-label=${practice ? 'Close the room' : 'End the day'}
            keep-label="Not yet"
            @confirm=${this.endDay}
            @keep=${this.keep}
          >
            <p>${action} for everyone in the room? This can't be undone.</p>
          </mut-confirm>`
          : nothing
      }
      ${this.problem('end')}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-console-end': MutConsoleEnd;
  }
}
