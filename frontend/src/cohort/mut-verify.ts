import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { cohortApi } from './api';
import type { Verification } from './types';
import { ApiError } from '../shared/api/http';
import { formatDate } from '../shared/format';
import { navigate, verifyPath } from '../shared/router';
import { shared } from '../shared/styles/shared';
import { field, focusFirstInvalid } from '../shared/fields';

type Check =
  | { state: 'none' }
  | { state: 'checking'; code: string }
  | { state: 'found'; verification: Verification }
  | { state: 'not-found'; code: string }
  | { state: 'failed'; code: string; message: string };

/** The longest code worth sending (codes look like IPS-ABCDE-23456). */
const MAX_CODE = 40;

/**
 * The public certificate check (/verify and /verify/{code}): anyone, without signing in, types
 * or follows a certificate's code and learns whether it is genuine, who holds it and for what,
 * or that it was revoked and why.
 */
@customElement('mut-verify')
export class MutVerify extends LitElement {
  static styles = [
    shared,
    css`
      .result {
        max-width: 44rem;
        margin-top: var(--mut-space-8);
        border-left: 4px solid var(--mut-primary);
      }
      .result.revoked,
      .result.not-found {
        border-left-color: var(--mut-accent);
      }
      .result h2:focus {
        outline: none;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: var(--mut-space-2) var(--mut-space-6);
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .code {
        font-family: var(--mut-font-mono);
      }
      @media (max-width: 640px) {
        dl {
          grid-template-columns: 1fr;
          gap: var(--mut-space-1);
        }
        dd {
          margin-bottom: var(--mut-space-2);
        }
      }
    `,
  ];

  /** The code from the address, if it carried one. */
  @property() code = '';

  @state() private typed = '';
  @state() private error?: string;
  @state() private check: Check = { state: 'none' };

  private checkedFor?: string;

  protected willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('code')) {
      const code = tidy(this.code);
      if (!code) {
        this.checkedFor = undefined;
        this.check = { state: 'none' };
      } else if (code !== this.checkedFor) {
        this.typed = code;
        this.verify(code);
      }
    }
  }

  private async verify(code: string) {
    this.checkedFor = code;
    this.check = { state: 'checking', code };
    try {
      const verification = await cohortApi.verifyCertificate(code);
      if (this.checkedFor === code) this.check = { state: 'found', verification };
    } catch (e) {
      if (this.checkedFor !== code) return;
      this.check =
        e instanceof ApiError && e.status === 404
          ? { state: 'not-found', code }
          : { state: 'failed', code, message: e instanceof Error ? e.message : 'The code could not be checked.' };
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-test="verify-result"] h2')?.focus();
  }

  render() {
    return html`
      <h1>Check a certificate</h1>
      <p class="lede">
        Every certificate from Mutuality carries a code. Type it here to see whether the certificate is genuine and who
        it was given to.
      </p>
      <form class="stack" novalidate data-test="verify-form" @submit=${this.submit}>
        ${field({
          id: 'verify-code',
          label: 'Certificate code',
          hint: 'It looks like IPS-ABCDE-23456, and is printed on the certificate.',
          autocomplete: 'off',
          maxlength: MAX_CODE,
          value: this.typed,
          onInput: (v) => {
            this.typed = v;
            this.error = undefined;
          },
          error: this.error,
          test: 'verify-code',
        })}
        <div>
          <button class="button" type="submit" data-test="verify-submit" ?disabled=${this.check.state === 'checking'}>
            Check the certificate
          </button>
        </div>
      </form>
      ${this.renderResult()}
    `;
  }

  private async submit(event: Event) {
    event.preventDefault();
    const code = tidy(this.typed);
    if (!code) {
      this.error = 'Type the code from the certificate.';
      focusFirstInvalid(this);
      return;
    }
    this.error = undefined;
    this.typed = code;
    // the address follows the code, so a check can be shared as a link
    navigate(verifyPath(code));
    if (code !== this.checkedFor || this.check.state === 'failed') {
      this.code = code;
      if (code === this.checkedFor) this.verify(code);
    }
  }

  private renderResult() {
    const check = this.check;
    switch (check.state) {
      case 'none':
        return nothing;
      case 'checking':
        return html`<p class="muted" role="status">Checking ${check.code}…</p>`;
      case 'failed':
        return html`<section class="card result" data-test="verify-result" data-state="failed">
          <h2 tabindex="-1">The code could not be checked just now</h2>
          <p class="notice" role="alert">${check.message}</p>
          <p><button class="button secondary" type="button" @click=${() => this.verify(check.code)}>Try again</button></p>
        </section>`;
      case 'not-found':
        return html`<section class="card result not-found" data-test="verify-result" data-state="not-found">
          <h2 tabindex="-1">No certificate has this code</h2>
          <p>
            Nothing matches <span class="code">${check.code}</span>. Check the typing against the certificate: a code
            starts with IPS, followed by two groups of five letters and numbers.
          </p>
          <p>If it still does not match, the organisation that ran the training can help.</p>
        </section>`;
      case 'found':
        return this.renderVerification(check.verification);
    }
  }

  private renderVerification(v: Verification) {
    const details = html`<dl data-test="verify-details">
      <dt>Given to</dt>
      <dd data-test="verify-holder">${v.holderName}</dd>
      <dt>Course</dt>
      <dd data-test="verify-course">${v.courseTitle}</dd>
      <dt>Organisation</dt>
      <dd data-test="verify-organisation">${v.organisationName}</dd>
      <dt>Dates</dt>
      <dd data-test="verify-dates">${datesWords(v.firstDay, v.lastDay)}</dd>
      <dt>Trainers</dt>
      <dd data-test="verify-trainers">${v.trainers}</dd>
      <dt>Code</dt>
      <dd class="code">${v.code}</dd>
    </dl>`;
    if (v.revoked || !v.genuine) {
      return html`<section class="card result revoked" data-test="verify-result" data-state="revoked">
        <h2 tabindex="-1">This certificate was revoked</h2>
        <p>
          ${v.organisationName} revoked it, so it no longer stands.${
            v.revokedReason ? html` The reason given: <span data-test="verify-reason">${v.revokedReason}</span>` : nothing
          }
        </p>
        ${details}
      </section>`;
    }
    return html`<section class="card result" data-test="verify-result" data-state="genuine">
      <h2 tabindex="-1">This certificate is genuine</h2>
      <p>It was given by ${v.organisationName} and still stands.</p>
      ${details}
    </section>`;
  }
}

/** The code as typed, without spaces at either end and in capitals. */
function tidy(code: string): string {
  return code.trim().toUpperCase().slice(0, MAX_CODE);
}

function datesWords(first: string, last: string): string {
  if (!first) return last ? formatDate(last) : '';
  return !last || first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-verify': MutVerify;
  }
}
