/** Parts of the participant's room that need nothing but what they are given. */
import { html, nothing } from 'lit';
import { supportContactView } from '../shared/support-contact';
import { lastClosed, type Checkin, type ClosedCheckin, type RoomState } from '../live/room-state';
import { answerParts, checkinWord } from '../live/room-words';
import type { Participation } from './participation';
import type { RoomInfo } from '../live/protocol';
import { answersList, energyChart } from './live-common';

/** What this person gave to a check-in (an answer or a pass), as only they see it. */
export function mineView(checkin: Checkin | ClosedCheckin) {
  const mine = checkin.mine;
  if (!mine) return nothing;
  if (mine.kind === 'passed') {
    return html`<div class="chosen mine" role="status" tabindex="-1">
      <p><strong>You passed.</strong></p>
      <p>That's always fine. To everyone else it looks the same as not having answered.</p>
    </div>`;
  }
  const parts = answerParts(mine.answer);
  return html`<div class="chosen mine" role="status" tabindex="-1">
    <p><strong>You answered:</strong></p>
    ${parts.word ? html`<p>${parts.word}</p>` : nothing} ${parts.sentence ? html`<p>${parts.sentence}</p>` : nothing}
    ${parts.energy ? html`<p>Energy: ${parts.energy}</p>` : nothing}
  </div>`;
}

/** The answers shared so far in an open check-in, as its visibility allows. */
export function othersView(s: RoomState, checkin: Checkin) {
  if (checkin.visibility === 'facilitators') {
    return html`<p class="muted">Only the facilitators see the answers.</p>`;
  }
  const heading = checkin.visibility === 'anonymous' ? 'Answers so far, without names' : 'Answers so far';
  return html`<h3>${heading}</h3>
    ${
      checkin.answers.length
        ? answersList(checkin.answers, checkin.visibility, s.me?.id)
        : html`<p class="muted">No answers yet.</p>`
    }`;
}

/** The check-in that closed last: its prompt, how many answered, the energy, what this person gave. */
export function closedView(s: RoomState | undefined) {
  const closed = s ? lastClosed(s) : undefined;
  if (!closed) return nothing;
  return html`<section class="card closed" aria-labelledby="closed-title">
    <h2 id="closed-title">The ${checkinWord(closed.closing, false)} has closed</h2>
    ${closed.prompt ? html`<p class="prompt">${closed.prompt}</p>` : nothing}
    <p>${closed.answerCount === 1 ? '1 answer was shared.' : `${closed.answerCount} answers were shared.`}</p>
    ${energyChart(closed.energy)} ${mineView(closed)}
  </section>`;
}

/** Said to someone a facilitator asked to step out, with a way back in once they are let in. */
export function removedView(retry: () => void) {
  return html`
    <h1 tabindex="-1">Stepping out for now</h1>
    <p class="lede removed">A facilitator has asked you to step out of the room for now.</p>
    <p>Nothing you wrote is lost. When a facilitator lets you back in, come back here.</p>
    <p><button class="button" type="button" @click=${retry}>Come back in</button></p>
  `;
}

/** Said when the server no longer knows this device's place in the room. */
export function notRecognisedView(place: Participation) {
  return html`
    <h1 tabindex="-1">This device is no longer in the room</h1>
    <p>Your place on this device has ended, or what you wrote was erased. You can join again with the room's code.</p>
    <p><a class="button" href="/join/${place.room.code}">Join again</a></p>
  `;
}

/**
 * What the group keeps with it all week: the working agreements made on the first day, and who to
 * reach between sessions. Nothing when the cohort has neither (and in a practice room).
 */
export function togetherView(room: RoomInfo | undefined) {
  const agreements = room?.workingAgreements ?? [];
  const contact = room?.supportContact;
  if (!agreements.length && !contact) return nothing;
  return html`<section class="card together" aria-labelledby="together-title" data-test="room-together">
    <h2 id="together-title">For our time together</h2>
    ${
      agreements.length
        ? html`<details open>
          <summary>Our working agreements</summary>
          <ol data-test="working-agreements">
            ${agreements.map((a) => html`<li>${a}</li>`)}
          </ol>
        </details>`
        : nothing
    }
    ${
      contact
        ? html`<p data-test="support-contact">
          If you would like someone to talk to between sessions: ${supportContactView(contact)}
        </p>`
        : nothing
    }
  </section>`;
}
