/** Parts of the members page that need nothing but what they are given. */
import { html, nothing } from 'lit';
import type { AuditEntry, Member } from './types';
import { describeAudit } from './audit';
import { formatInstant } from '../shared/format';
import { failed, loading, type Loadable } from '../shared/loadable';
import '../shared/mut-confirm';

/** A removal the server refused because the member is still booked on cohorts that have not finished. */
export interface StillBooked {
  id: string;
  message: string;
  cohorts: string[];
}

/** The second question when removing someone still booked: remove them from those cohorts too, or keep them. */
export function stillBookedView(
  m: Member,
  blocked: StillBooked | undefined,
  busy: boolean,
  on: { removeAndUnbook: () => void; keep: () => void },
) {
  if (blocked?.id !== m.accountId) return nothing;
  const these = blocked.cohorts.length === 1 ? 'it' : 'these cohorts';
  return html`<mut-confirm
    role="alert"
    data-test="still-booked"
    confirm-mark="data-remove-and-unbook"
    confirm-label=${`Remove ${m.displayName} and take them off ${these}`}
    keep-label=${`Keep ${m.displayName}`}
    ?busy=${busy}
    @confirm=${on.removeAndUnbook}
    @keep=${on.keep}
  >
    <p>${m.displayName} is still booked on ${blocked.cohorts.length === 1 ? 'a cohort' : 'cohorts'} that have not finished:</p>
    <ul>
      ${blocked.cohorts.map((c) => html`<li>${c}</li>`)}
    </ul>
    <p>
      You can book someone else first from each cohort's page, or remove ${m.displayName} and take them off
      ${blocked.cohorts.length === 1 ? 'it' : 'these'} now. A cohort left without a lead trainer needs one before it runs.
    </p>
  </mut-confirm>`;
}

/** What has changed in the organisation, newest first. */
export function activityView(activity: Loadable<AuditEntry[]>) {
  if (activity.state === 'loading') return loading('activity');
  if (activity.state === 'failed') return failed(activity.message);
  if (activity.value.length === 0) return html`<p>Nothing has happened here yet.</p>`;
  return html`<ol class="activity">
    ${activity.value.map((entry) => {
      const line = describeAudit(entry);
      return html`<li>
        <time datetime=${entry.at}>${formatInstant(entry.at)}</time>
        <div>
          <p>${line.sentence}</p>
          ${entry.detail ? html`<p class="muted">${entry.detail}</p>` : nothing}
        </div>
      </li>`;
    })}
  </ol>`;
}
