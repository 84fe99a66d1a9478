import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { registrationApi } from './api';
import type { MyRegistration } from './types';
import { ApiError } from '../shared/api/http';
import type { FileDownload } from '../shared/api/types';
import { saveDownload } from '../shared/download';
import { dayWords, heldUntilWords, holdsSeat, isActive, placeWords } from './registration-words';
import { shared } from '../shared/styles/shared';
import '../shared/mut-confirm';
import { aroundTheCourse } from './my-registration-views';
import './mut-evaluation';

type Page =
  { state: 'loading' } | { state: 'ready'; mine: MyRegistration } | { state: 'unknown' } | { state: 'failed'; message: string };

type Action = 'accept' | 'decline' | 'cancel';

/** One's certificate: not looked for (the course is still ahead), looked for, there, or not there yet. */
type Certificate =
  | { state: 'none' }
  | { state: 'looking' }
  | { state: 'ready'; file: FileDownload }
  | { state: 'not-yet' }
  | { state: 'failed'; message: string };

/**
 * A person's own registration, opened from the link emailed to them (/registration/{token}):
 * where they stand, an offered seat to take or let go, cancelling, and the days of the course.
 */
@customElement('mut-my-registration')
export class MutMyRegistration extends LitElement {
  static styles = [
    shared,
    css`
      .eyebrow {
        margin-bottom: var(--mut-space-1);
        font-weight: 600;
        color: var(--mut-ink-soft);
      }
      h1 {
        overflow-wrap: anywhere;
      }
      .status {
        max-width: 44rem;
        border-left: 4px solid var(--mut-primary);
        margin-bottom: var(--mut-space-6);
      }
      .status.offer {
        border-left-color: var(--mut-accent);
      }
      .status h2:focus {
        outline: none;
      }
      section + section {
        margin-top: var(--mut-space-8);
      }
      ul.days {
        list-style: none;
        padding: 0;
        margin: 0 0 var(--mut-space-3);
        display: grid;
        gap: var(--mut-space-1);
      }
      .certificate {
        max-width: 44rem;
        margin-bottom: var(--mut-space-6);
      }
      mut-confirm {
        max-width: 44rem;
        margin-top: var(--mut-space-3);
      }
    `,
  ];

  /** The token from the emailed link. */
  @property() token = '';

  @state() private page: Page = { state: 'loading' };
  @state() private busy?: Action;
  @state() private confirming?: 'decline' | 'cancel';
  @state() private problem?: string;
  @state() private announcement = '';
  @state() private certificate: Certificate = { state: 'none' };
  @state() private certificateSaved = '';

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('token')) {
      this.certificate = { state: 'none' };
      this.certificateSaved = '';
      this.problem = undefined;
      this.announcement = '';
      this.confirming = undefined;
      this.open();
    }
  }

  private async open(quietly = false) {
    const token = this.token;
    if (!quietly) this.page = { state: 'loading' };
    try {
      const mine = await registrationApi.myRegistration(token);
      if (token !== this.token) return;
      this.page = { state: 'ready', mine };
      this.lookForCertificate(token, mine);
    } catch (e) {
      if (token !== this.token || quietly) return;
      this.page =
        e instanceof ApiError && e.status === 404
          ? { state: 'unknown' }
          : { state: 'failed', message: e instanceof Error ? e.message : 'Your registration could not be loaded.' };
    }
  }

  /**
   * Once the course is over for someone with a seat, fetches their certificate if there is one:
   * the download is offered only then, and quietly not while there is none.
   */
  private async lookForCertificate(token: string, mine: MyRegistration) {
    if (mine.status !== 'CONFIRMED' || !courseOver(mine)) {
      this.certificate = { state: 'none' };
      return;
    }
    if (this.certificate.state === 'ready' || this.certificate.state === 'looking') return;
    this.certificate = { state: 'looking' };
    try {
      const file = await registrationApi.myCertificate(token);
      if (token === this.token) this.certificate = { state: 'ready', file };
    } catch (e) {
      if (token !== this.token) return;
      this.certificate =
        e instanceof ApiError && e.status === 404
          ? { state: 'not-yet' }
          : { state: 'failed', message: e instanceof Error ? e.message : 'Your certificate could not be fetched.' };
    }
  }

  private saveCertificate(file: FileDownload) {
    const saved = saveDownload(file, 'certificate.pdf');
    this.certificateSaved = `Saved as ${saved} in your downloads.`;
  }

  private renderCertificate() {
    const certificate = this.certificate;
    switch (certificate.state) {
      case 'none':
      case 'looking':
        return nothing;
      case 'not-yet':
        return html`<p class="muted" data-test="my-certificate-none">
          No certificate yet. When the organisation issues one for this course, you can download it here.
        </p>`;
      case 'failed':
        return html`<p class="muted" data-test="my-certificate-none">
          Your certificate could not be fetched just now: ${certificate.message}
        </p>`;
      case 'ready':
        return html`<section class="card certificate" aria-labelledby="certificate-heading" data-test="my-certificate-section">
          <h2 id="certificate-heading">Your certificate</h2>
          <p>You completed the course. Congratulations: here is your certificate to keep.</p>
          <button class="button" type="button" data-test="my-certificate" @click=${() => this.saveCertificate(certificate.file)}>
            Download my certificate
          </button>
          <p class="hint" role="status">${this.certificateSaved}</p>
        </section>`;
    }
  }

  render() {
    switch (this.page.state) {
      case 'loading':
        return html`<p class="muted" role="status">Opening your registration…</p>`;
      case 'unknown':
        return html`<h1>Your registration</h1>
          <p>
            This link doesn't open a registration. Part of it may have been lost when it was copied: try the link in
            your email again, or ask the organisation running the training to help.
          </p>`;
      case 'failed':
        return html`<h1>Your registration</h1>
          <p class="notice" role="alert">${this.page.message}</p>
          <p><button class="button secondary" type="button" @click=${() => this.open()}>Try again</button></p>`;
      case 'ready':
        return this.renderMine(this.page.mine);
    }
  }

  private renderMine(mine: MyRegistration) {
    return html`
      <p class="eyebrow">Your registration</p>
      <h1>${mine.cohortTitle}</h1>
      <p class="lede">For ${mine.name}</p>
      <div role="status" data-test="my-announcement">
        ${this.announcement ? html`<p class="notice calm">${this.announcement}</p>` : nothing}
      </div>
      ${this.problem ? html`<p class="notice" role="alert" data-test="my-problem">${this.problem}</p>` : nothing}
      ${this.renderStatus(mine)} ${this.renderCertificate()}
      <section aria-labelledby="days-heading">
        <h2 id="days-heading">The days</h2>
        ${
          mine.days.length
            ? html`<ul class="days" data-test="my-days">
              ${mine.days.map((d) => html`<li>${dayWords(d)}</li>`)}
            </ul>`
            : html`<p>The dates are still being arranged.</p>`
        }
        <p class="muted">Times are in the ${mine.timeZone} time zone.</p>
      </section>
      ${aroundTheCourse(mine)} ${this.renderEvaluation(mine)} ${isActive(mine.status) ? this.renderCancel(mine) : nothing}
    `;
  }

  private renderEvaluation(mine: MyRegistration) {
    if (mine.evaluation === 'ANSWERED') {
      return html`<p class="notice calm" data-test="evaluation-answered">Thank you for your answers about the course.</p>`;
    }
    if (mine.evaluation !== 'OPEN') return nothing;
    return html`<mut-evaluation
      .token=${this.token}
      @answered=${(e: CustomEvent<MyRegistration>) => {
        this.page = { state: 'ready', mine: e.detail };
        this.announcement = 'Thank you: your answers have reached the trainers, without your name.';
      }}
    ></mut-evaluation>`;
  }

  private renderStatus(mine: MyRegistration) {
    const offer = mine.status === 'OFFERED';
    return html`<section class="card status ${offer ? 'offer' : ''}" data-test="my-status" data-status=${mine.status}>
      <h2 tabindex="-1">${headline(mine)}</h2>
      ${offer ? this.renderOffer(mine) : html`<p>${explanation(mine)}</p>`}
    </section>`;
  }

  private renderOffer(mine: MyRegistration) {
    return html`
      <p>A seat has come free in ${mine.poolName}, and it is yours if you would like it.</p>
      ${
        mine.offerExpiresAt
          ? html`<p data-test="offer-held-until">
            We are holding it for you until <strong>${heldUntilWords(mine.offerExpiresAt, mine.timeZone)}</strong>.
            After that it goes to the next person waiting.
          </p>`
          : nothing
      }
      <div class="actions">
        <button
          class="button"
          type="button"
          data-test="accept-offer"
          ?disabled=${this.busy !== undefined}
          @click=${() => this.act('accept')}
        >
          Take the seat
        </button>
        <button
          class="button secondary"
          type="button"
          id="decline-offer"
          data-test="decline-offer"
          aria-expanded=${this.confirming === 'decline' ? 'true' : 'false'}
          ?disabled=${this.busy !== undefined}
          @click=${() => this.ask('decline')}
        >
          Let it go to the next person
        </button>
      </div>
      ${
        this.confirming === 'decline'
          ? html`<mut-confirm
            confirm-test="confirm-decline"
            keep-test="keep-offer"
            confirm-label="Let the seat go"
            keep-label="Keep the offer"
            ?busy=${this.busy !== undefined}
            @confirm=${() => this.act('decline')}
            @keep=${() => this.keep('#decline-offer')}
          >
            <p>
              Let this seat go? It is offered to the next person waiting, and you leave the waitlist. If registration is
              still open later, you are welcome to register again.
            </p>
          </mut-confirm>`
          : nothing
      }
    `;
  }

  private renderCancel(mine: MyRegistration) {
    return html`<section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Can't come after all?</h2>
      <p>
        ${
          holdsSeat(mine.status)
            ? 'If you cancel, your seat goes to the next person waiting.'
            : 'If you cancel, you leave the waitlist.'
        }
      </p>
      <button
        class="button secondary"
        type="button"
        id="cancel-mine"
        data-test="cancel-my-registration"
        aria-expanded=${this.confirming === 'cancel' ? 'true' : 'false'}
        ?disabled=${this.busy !== undefined}
        @click=${() => this.ask('cancel')}
      >
        Cancel my registration
      </button>
      ${
        this.confirming === 'cancel'
          ? html`<mut-confirm
            confirm-test="confirm-cancel"
            keep-test="keep-registration"
            confirm-label="Cancel my registration"
            keep-label="Keep my registration"
            ?busy=${this.busy !== undefined}
            @confirm=${() => this.act('cancel')}
            @keep=${() => this.keep('#cancel-mine')}
          >
            <p>
              Cancel your registration for ${mine.cohortTitle}? This can't be undone, though you can register again
              while registration is open.
            </p>
          </mut-confirm>`
          : nothing
      }
    </section>`;
  }

  private ask(what: 'decline' | 'cancel') {
    this.problem = undefined;
    this.confirming = this.confirming === what ? undefined : what;
  }

  private async keep(back: string) {
    this.confirming = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(back)?.focus();
  }

  private async act(action: Action) {
    if (this.busy) return;
    const token = this.token;
    this.busy = action;
    this.problem = undefined;
    this.announcement = '';
    try {
      const mine =
        action === 'accept'
          ? await registrationApi.acceptOffer(token)
          : action === 'decline'
            ? await registrationApi.declineOffer(token)
            : await registrationApi.cancelMyRegistration(token);
      if (token !== this.token) return;
      this.confirming = undefined;
      this.page = { state: 'ready', mine };
      this.lookForCertificate(token, mine);
      this.announcement = DONE[action];
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[data-test="my-status"] h2')?.focus();
    } catch (e) {
      this.confirming = undefined;
      this.problem = e instanceof Error ? e.message : 'That did not work. Please try again.';
      // an offer that lapsed, or a change made elsewhere: show where things stand now
      if (e instanceof ApiError && e.status === 409) this.open(true);
    } finally {
      this.busy = undefined;
    }
  }
}

/** The last training day is today or past, in the cohort's time zone: a certificate may have been issued. */
function courseOver(mine: MyRegistration, now = new Date()): boolean {
  const last = mine.days.reduce<string | undefined>((latest, d) => (!latest || d.date > latest ? d.date : latest), undefined);
  if (!last) return false;
  let today = now.toISOString().slice(0, 10);
  try {
    const parts = new Intl.DateTimeFormat('en-GB', {
      timeZone: mine.timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    today = `${part('year')}-${part('month')}-${part('day')}`;
  } catch {
    // an unknown time zone: the date in UTC will do
  }
  return last <= today;
}

const DONE: Record<Action, string> = {
  accept: 'The seat is yours. We look forward to meeting you.',
  decline: 'Thank you for letting us know. The seat goes to the next person waiting.',
  cancel: 'Your registration is cancelled. We have sent you an email to confirm.',
};

function headline(mine: MyRegistration): string {
  switch (mine.status) {
    case 'CONFIRMED':
      return 'You have a place';
    case 'WAITLISTED':
      return placeWords(mine.waitlistPlace);
    case 'OFFERED':
      return 'A seat has come free for you';
    case 'EXPIRED':
      return 'The offered seat has gone to the next person';
    case 'DECLINED':
      return 'You let the offered seat go';
    case 'CANCELLED':
      return 'Your registration is cancelled';
  }
}

function explanation(mine: MyRegistration): string {
  switch (mine.status) {
    case 'CONFIRMED':
      return `Your seat (${mine.poolName}) is confirmed. We look forward to meeting you.`;
    case 'WAITLISTED':
      return (
        `Every seat in ${mine.poolName} is taken for now. If one comes free, we email you and hold it for you for ` +
        'a while, so you can take it or let it go to the next person.'
      );
    case 'OFFERED':
      return 'A seat has come free, and it is yours if you would like it.';
    case 'EXPIRED':
      return (
        'The seat we offered was not taken in time, so it went to the next person waiting. If registration is ' +
        'still open, you are welcome to register again and join the waitlist.'
      );
    case 'DECLINED':
      return 'Thank you for letting us know: the seat went to the next person waiting.';
    case 'CANCELLED':
      return 'If you change your mind while registration is still open, you are welcome to register again.';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-my-registration': MutMyRegistration;
  }
}
