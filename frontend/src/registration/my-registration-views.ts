/** Parts of a person's own registration page that need nothing but what they are given. */
import { html, nothing } from 'lit';
import { supportContactView } from '../shared/support-contact';
import type { MyRegistration } from './types';
import { formatDate, formatTime } from '../shared/format';

/**
 * Who to reach during and between the days, and the co-reflection session after the course, when
 * the cohort has them. Nothing otherwise.
 */
export function aroundTheCourse(mine: MyRegistration) {
  const contact = mine.supportContact;
  const followUp = mine.followUp;
  if (!contact && !followUp) return nothing;
  return html`<section class="card" aria-labelledby="around-heading" data-test="around-the-course">
    <h2 id="around-heading">Around the course</h2>
    ${
      contact
        ? html`<p data-test="my-support-contact">
          If you would like someone to talk to during or between the days: ${supportContactView(contact)}
        </p>`
        : nothing
    }
    ${
      followUp
        ? html`<p data-test="my-follow-up">
          After the course, the group meets once more to reflect together: ${formatDate(followUp.date)},
          ${formatTime(followUp.startsAt)}–${formatTime(followUp.endsAt)}, ${followUp.place}.${
            followUp.note ? html` ${followUp.note}` : nothing
          }
        </p>`
        : nothing
    }
  </section>`;
}
