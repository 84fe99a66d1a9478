import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cohortApi } from './api';
import type { Cohort, CohortStatus } from './types';
import { shared } from '../shared/styles/shared';
import '../shared/mut-confirm';
import { ApiForm } from '../shared/api-form';
import { focusAfterUpdate, textArea } from '../shared/fields';
import { announcementRegion, problemNotice } from '../shared/loadable';

/** The longest reason for cancelling a cohort that the server takes. */
export const MAX_CANCEL_REASON = 300;

const CLOSABLE: readonly CohortStatus[] = ['OPEN', 'FULL'];
const ENDED: readonly CohortStatus[] = ['CANCELLED', 'COMPLETED'];

type Step = 'close' | 'cancel';

/**
 * What an organisation admin can do to the cohort as a whole: close its registration early (while
 * it is open or full) and cancel it (until it is cancelled or completed), each after asking first.
 * Cancelling needs a reason, which everyone registered is emailed.
 *
 * Dispatches `cohort-updated` (bubbling) with the updated cohort as its detail.
 */
@customElement('mut-cohort-lifecycle')
export class MutCohortLifecycle extends LitElement {
  static styles = [
    shared,
    css`
      .action {
        display: grid;
        gap: var(--mut-space-3);
        max-width: 40rem;
        margin-bottom: var(--mut-space-6);
      }
      .action > p {
        margin: 0;
      }
      .confirm {
        border-left: 4px solid var(--mut-accent);
        padding: var(--mut-space-2) var(--mut-space-4);
        display: grid;
        gap: var(--mut-space-3);
      }
      .confirm p {
        margin: 0;
      }
    `,
  ];

  @property() organisationId = '';
  @property({ attribute: false }) cohort?: Cohort;

  @state() private step?: Step;
  @state() private reason = '';
  @state() private announcement = '';
  private readonly closing = new ApiForm(this);
  private readonly cancelling = new ApiForm<'reason'>(this, { fields: ['reason'], othersAsProblem: true });

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('cohort') && changed.get('cohort')?.id !== this.cohort?.id) {
      this.step = undefined;
      this.reason = '';
      this.announcement = '';
      this.closing.clear();
      this.cancelling.clear();
    }
  }

  render() {
    const cohort = this.cohort;
    if (!cohort) return nothing;
    const canClose = CLOSABLE.includes(cohort.status);
    const canCancel = !ENDED.includes(cohort.status);
    return html`<section aria-labelledby="lifecycle-heading" data-test="cohort-lifecycle">
      <h2 id="lifecycle-heading" tabindex="-1">Closing and cancelling</h2>
      ${announcementRegion(this.announcement, 'lifecycle-announcement')}
      ${canClose ? this.renderClose() : nothing} ${canCancel ? this.renderCancel() : nothing}
      ${
        !canClose && !canCancel
          ? html`<p class="muted" data-test="lifecycle-none">
            This cohort is ${cohort.status === 'CANCELLED' ? 'cancelled' : 'completed'}, so there is nothing more to
            change here.
          </p>`
          : nothing
      }
    </section>`;
  }

  private renderClose() {
    const asking = this.step === 'close';
    const busy = this.closing.busy;
    return html`<div class="action">
      <p class="hint">Stop taking new registrations before the closing date, for example once you have enough people.</p>
      <div>
        <button
          class="button secondary"
          type="button"
          id="close-registration"
          data-test="close-registration"
          aria-expanded=${asking ? 'true' : 'false'}
          ?disabled=${busy}
          @click=${() => this.ask('close')}
        >
          Close registration now
        </button>
      </div>
      ${
        asking
          ? html`<mut-confirm
            confirm-test="close-confirm"
            keep-test="close-keep"
            confirm-label="Close registration"
            keep-label="Keep it open"
            ?busy=${busy}
            @confirm=${this.close}
            @keep=${() => this.keep('#close-registration')}
          >
            <p>Close registration now? People already registered keep their places; nobody new can register.</p>
            ${problemNotice(this.closing.problem, 'lifecycle-problem')}
          </mut-confirm>`
          : nothing
      }
    </div>`;
  }

  private renderCancel() {
    const asking = this.step === 'cancel';
    const busy = this.cancelling.busy;
    return html`<div class="action">
      <p class="hint">If the cohort cannot go ahead, cancel it and tell everyone registered why.</p>
      <div>
        <button
          class="button secondary"
          type="button"
          id="cancel-cohort"
          data-test="cancel-cohort"
          aria-expanded=${asking ? 'true' : 'false'}
          ?disabled=${busy}
          @click=${() => this.ask('cancel')}
        >
          Cancel this cohort
        </button>
      </div>
      ${
        asking
          ? html`<form class="confirm" novalidate data-test="cancel-form" aria-labelledby="cancel-words" @submit=${this.cancel}>
            <p id="cancel-words">
              Cancel this cohort? Everyone registered is emailed the reason you give here, and their places are
              cancelled.
            </p>
            ${textArea({
              id: 'cancel-reason',
              label: 'Reason',
              value: this.reason,
              onInput: (value) => {
                this.reason = value;
                if (this.cancelling.errors.reason) this.cancelling.setError('reason', undefined);
              },
              hint:
                `A few kind words on why it is not going ahead, up to ${MAX_CANCEL_REASON} characters. ` +
                'Everyone registered reads them in their email.',
              error: this.cancelling.errors.reason,
              maxlength: MAX_CANCEL_REASON,
              test: 'cancel-reason',
            })}
            ${problemNotice(this.cancelling.problem, 'lifecycle-problem')}
            <div class="actions">
              <button class="button" type="submit" data-test="cancel-confirm" ?disabled=${busy}>Cancel the cohort</button>
              <button
                class="button secondary"
                type="button"
                data-test="cancel-keep"
                @click=${() => this.keep('#cancel-cohort')}
              >
                Keep the cohort
              </button>
            </div>
          </form>`
          : nothing
      }
    </div>`;
  }

  /** Opens (or, asked again, closes) one action's confirm step. */
  private async ask(step: Step) {
    this.announcement = '';
    this.closing.clear();
    this.cancelling.clear();
    if (this.step === step) {
      this.step = undefined;
      return;
    }
    this.step = step;
    if (step === 'cancel') this.reason = '';
    // the close step is a <mut-confirm>, which takes focus itself
    if (step === 'cancel') await focusAfterUpdate(this, '#cancel-reason');
  }

  private async keep(button: string) {
    this.step = undefined;
    this.closing.clear();
    this.cancelling.clear();
    await focusAfterUpdate(this, button);
  }

  private emitUpdate(cohort: Cohort) {
    this.dispatchEvent(new CustomEvent<Cohort>('cohort-updated', { detail: cohort, bubbles: true, composed: true }));
  }

  private close = async () => {
    const cohort = this.cohort;
    if (!cohort || this.closing.busy) return;
    this.announcement = '';
    await this.closing.run(
      () => cohortApi.closeRegistration(this.organisationId, cohort.id),
      async (updated) => {
        this.step = undefined;
        this.announcement = 'Registration is closed. Everyone already registered keeps their place.';
        this.emitUpdate(updated);
        await focusAfterUpdate(this, '#lifecycle-heading');
      },
    );
  };

  private cancel = async (event: Event) => {
    event.preventDefault();
    const cohort = this.cohort;
    if (!cohort || this.cancelling.busy) return;
    this.announcement = '';
    const reason = this.reason.trim();
    const refused = await this.cancelling.refuse(
      !reason
        ? { reason: 'Say why the cohort is cancelled: everyone registered is emailed your words.' }
        : reason.length > MAX_CANCEL_REASON
          ? { reason: `Keep the reason to ${MAX_CANCEL_REASON} characters.` }
          : {},
    );
    if (refused) return;
    await this.cancelling.run(
      () => cohortApi.cancelCohort(this.organisationId, cohort.id, reason),
      async (updated) => {
        this.step = undefined;
        this.reason = '';
        this.announcement = 'The cohort is cancelled. Everyone who was registered is emailed your reason.';
        this.emitUpdate(updated);
        await focusAfterUpdate(this, '#lifecycle-heading');
      },
    );
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-cohort-lifecycle': MutCohortLifecycle;
  }
}
