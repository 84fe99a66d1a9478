import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { shared } from './styles/shared';

/**
 * The one confirm step every page uses before an act that cannot be taken back (removing a
 * member, cancelling a registration, ending the day…). The question is the element's content;
 * the confirming button names the act (`confirm-label`, e.g. "Remove Jo"), the other keeps things
 * as they are (`keep-label`). Focus moves to the keeping button when the step appears, and Escape
 * keeps, as that button does. It fires `confirm` or `keep`; the page decides what follows (and
 * where focus goes after a keep, usually back to the button that asked).
 */
@customElement('mut-confirm')
export class MutConfirm extends LitElement {
  static styles = [
    shared,
    css`
      .confirm {
        border-left: 4px solid var(--mut-accent);
        padding: var(--mut-space-2) var(--mut-space-4);
        margin-top: var(--mut-space-2);
        background: var(--mut-surface);
      }
      .question ::slotted(*) {
        margin: 0 0 var(--mut-space-3);
      }
    `,
  ];

  /** The confirming button's words; they name the act ("Remove Jo", "End the day"). */
  @property({ attribute: 'confirm-label' }) confirmLabel = '';

  /** The keeping button's words ("Keep Jo", "Not yet"). */
  @property({ attribute: 'keep-label' }) keepLabel = 'Not yet';

  /** While the act is under way: the confirming button is disabled. */
  @property({ type: Boolean }) busy = false;

  /** `data-test` for the confirming button, for tests and journeys that look for it. */
  @property({ attribute: 'confirm-test' }) confirmTest?: string;

  /** `data-test` for the keeping button. */
  @property({ attribute: 'keep-test' }) keepTest?: string;

  /** An extra attribute set on the confirming button (e.g. `data-confirm-end`), for journeys that look for it. */
  @property({ attribute: 'confirm-mark' }) confirmMark?: string;

  @query('[data-confirm]') private confirmButton?: HTMLButtonElement;
  @query('[data-keep]') private keepButton?: HTMLButtonElement;

  protected render() {
    return html`<div class="confirm" role="group" aria-labelledby="question" @keydown=${this.onKeydown}>
      <div class="question" id="question"><slot></slot></div>
      <div class="actions">
        <button
          class="button"
          type="button"
          data-confirm
          data-test=${this.confirmTest ?? nothing}
          aria-describedby="question"
          ?disabled=${this.busy}
          @click=${() => this.fire('confirm')}
        >
          ${this.confirmLabel}
        </button>
        <button
          class="button secondary"
          type="button"
          data-keep
          data-test=${this.keepTest ?? nothing}
          aria-describedby="question"
          @click=${() => this.fire('keep')}
        >
          ${this.keepLabel}
        </button>
      </div>
    </div>`;
  }

  protected firstUpdated(): void {
    this.keepButton?.focus();
  }

  protected updated(): void {
    if (this.confirmMark && this.confirmButton && !this.confirmButton.hasAttribute(this.confirmMark)) {
      this.confirmButton.setAttribute(this.confirmMark, '');
    }
  }

  /** Moves focus to the keeping button (the safe choice). */
  override focus(): void {
    this.keepButton?.focus();
  }

  private onKeydown(e: KeyboardEvent) {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    e.stopPropagation();
    this.fire('keep');
  }

  private fire(kind: 'confirm' | 'keep') {
    if (kind === 'confirm' && this.busy) return;
    this.dispatchEvent(new CustomEvent(kind));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-confirm': MutConfirm;
  }
}
