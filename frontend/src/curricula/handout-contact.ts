import { css, html, nothing, type ReactiveControllerHost } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { cohortApi } from '../cohort/api';
import type { SupportContact } from '../live/protocol';
import { ApiError } from '../shared/api/http';
import { SessionController } from '../identity/session';
import { supportContactView } from '../shared/support-contact';

/** A printable page's address, printed for this cohort when one is given. */
export function forCohort(path: string, cohortId?: string): string {
  return cohortId ? `${path}?cohort=${encodeURIComponent(cohortId)}` : path;
}

/**
 * Who the handout names as the support contact: nobody (printed for any group: a blank line to
 * write a name in), the cohort's contact (or none named yet), or the cohort could not be read.
 */
export type HandoutContactState =
  | { state: 'blank' }
  | { state: 'loading' }
  | { state: 'ready'; cohortTitle: string; contact: SupportContact | null }
  | { state: 'failed'; message: string };

/**
 * Reads the support contact of the cohort a handout is printed for, in the organisation chosen
 * in the header, again whenever the cohort or the organisation changes.
 */
export class HandoutContact {
  private readonly session: SessionController;
  private readonly read: Task<readonly [string, string, string], HandoutContactState>;

  constructor(
    host: ReactiveControllerHost,
    private readonly cohortId: () => string | undefined,
  ) {
    this.session = new SessionController(host);
    this.read = new Task(host, {
      args: () => [cohortId() ?? '', this.session.store.organisationId ?? '', this.session.store.state.status] as const,
      task: ([cohort, organisationId, status]) => {
        // until the session is known there is nothing to ask with
        if (cohort && status === 'unknown') return initialState;
        return readContact(cohort, organisationId);
      },
    });
  }

  get value(): HandoutContactState {
    if (!this.cohortId()) return { state: 'blank' };
    const done = this.read.status === TaskStatus.COMPLETE || this.read.status === TaskStatus.ERROR;
    return done && this.read.value ? this.read.value : { state: 'loading' };
  }
}

async function readContact(cohort: string, organisationId: string): Promise<HandoutContactState> {
  if (!cohort) return { state: 'blank' };
  if (!organisationId) {
    return {
      state: 'failed',
      message: 'Sign in as one of the cohort’s trainers or admins to print its support contact on the handout.',
    };
  }
  try {
    const c = await cohortApi.cohort(organisationId, cohort);
    return { state: 'ready', cohortTitle: c.title, contact: c.supportContact ?? null };
  } catch (e) {
    return {
      state: 'failed',
      message:
        e instanceof ApiError && e.status === 404
          ? 'That cohort is not in the organisation chosen at the top of the page, so its support contact is not printed.'
          : e instanceof Error
            ? e.message
            : 'The cohort’s support contact could not be loaded.',
    };
  }
}

/** What the page says on screen only (never printed) about the cohort it prints for. */
export function handoutCohortNote(contact: HandoutContactState) {
  switch (contact.state) {
    case 'blank':
      return nothing;
    case 'loading':
      return html`<p class="muted no-print" role="status">Loading the cohort’s support contact…</p>`;
    case 'failed':
      return html`<p class="notice no-print" role="alert" data-test="handout-contact-problem">
        ${contact.message} A blank line is printed instead, to write the contact in by hand.
      </p>`;
    case 'ready':
      return html`<p class="calm-note no-print" data-test="handout-cohort">
        Printing for ${contact.cohortTitle}.
        ${
          contact.contact
            ? 'Its support contact is printed on each handout.'
            : 'It has no support contact named yet, so a blank line is printed to write one in. You can name one on the cohort’s page.'
        }
      </p>`;
  }
}

/**
 * The box on each handout saying who to reach if the day brings something up: the cohort's
 * support contact, or a blank line for the trainer to write one in. It is meant for paper, and
 * never split across pages.
 */
export function handoutSupportBox(contact: HandoutContactState) {
  const named = contact.state === 'ready' ? contact.contact : null;
  return html`<aside class="support-box" data-test="handout-support">
    <h2 class="support-heading">If today stirs something up</h2>
    <p>
      Some of what we talk about can stay with you after the day. You don’t have to hold it alone. You can reach
      ${
        named
          ? html`<span data-test="handout-support-contact">${supportContactView(named)}</span>`
          : html`<span class="write-in" data-test="handout-support-blank"
              ><span class="visually-hidden">(a space to write a name and a way to reach them)</span></span
            >`
      }
    </p>
  </aside>`;
}

export const handoutSupportStyles = css`
  .support-box {
    margin-top: var(--mut-space-8);
    padding: var(--mut-space-4);
    border: 2px solid var(--mut-primary);
    border-radius: var(--mut-radius-sm, 6px);
    break-inside: avoid;
    page-break-inside: avoid;
  }
  .support-box .support-heading {
    font-size: var(--mut-text-lg);
    margin: 0 0 var(--mut-space-1);
  }
  .support-box p {
    margin: 0;
  }
  .support-box .write-in {
    display: inline-block;
    min-width: 22rem;
    max-width: 100%;
    height: 1.5em;
    vertical-align: bottom;
    border-bottom: 1px solid var(--mut-ink);
  }
  .calm-note {
    background: var(--mut-calm);
    border-radius: var(--mut-radius-sm, 6px);
    padding: var(--mut-space-2) var(--mut-space-3);
  }
  @media print {
    .no-print {
      display: none;
    }
    .support-box {
      display: block;
      border-color: #000;
      color: #000;
    }
    .support-box a {
      color: #000;
      text-decoration: none;
    }
    .support-box .write-in {
      min-width: 11cm;
      border-bottom-color: #000;
    }
  }
`;
