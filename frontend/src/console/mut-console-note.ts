import { css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { currentNote } from '../live/room-state';
import { shared } from '../shared/styles/shared';
import { ConsolePanel, panelBase } from './console-panel';
import { liveStyles } from '../room/live-common';

/** The console's note for the room: the one showing now, and a new one to share. */
@customElement('mut-console-note')
export class MutConsoleNote extends ConsolePanel {
  static styles = [
    shared,
    liveStyles,
    panelBase,
    css`
      .shown-note {
        padding: var(--mut-space-2) var(--mut-space-3);
        background: var(--mut-notice);
        color: var(--mut-notice-ink);
        border-radius: var(--mut-radius-sm);
        overflow-wrap: anywhere;
      }
    `,
  ];

  @state() private noteText = '';

  private async shareNote(event: Event) {
    event.preventDefault();
    const text = this.noteText.trim();
    if (!text) {
      this.say('note', 'Write the note first.');
      return;
    }
    if (await this.run('note', 'note', { type: 'note.share', text })) this.noteText = '';
  }

  render() {
    const note = this.state ? currentNote(this.state) : undefined;
    return html`<section class="card" aria-labelledby="note-title">
      <h2 id="note-title">A note for the room</h2>
      ${
        note
          ? html`<p class="shown-note"><span class="visually-hidden">Showing now: </span>${note.text}</p>`
          : html`<p class="muted">No note is showing.</p>`
      }
      ${
        this.ended
          ? nothing
          : html`<form class="grid" novalidate @submit=${this.shareNote}>
            <div>
              <label for="note-text">A short note everyone sees</label>
              <textarea
                id="note-text"
                maxlength="500"
                rows="2"
                .value=${live(this.noteText)}
                @input=${(e: InputEvent) => (this.noteText = (e.target as HTMLTextAreaElement).value)}
              ></textarea>
              <p class="hint">For example: “Back at 11:15.” It replaces the note showing now.</p>
            </div>
            <div><button class="button secondary" type="submit" ?disabled=${this.isBusy('note')}>Share with the room</button></div>
          </form>`
      }
      ${this.problem('note')}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-console-note': MutConsoleNote;
  }
}
