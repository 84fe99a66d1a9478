/** Parts of a cohort's registration section that need nothing but what they are given. */
import { html, nothing } from 'lit';
import type { Cohort } from '../cohort/types';
import type { PoolView, RegistrationView, Roster } from './types';
import { statusWords as cohortStatusWords } from '../shared/format';
import { holdWords, people, seats } from './registration-words';

/** The seat pools: how many seats each has, how many are taken and how many people wait. */
export function poolsView(cohort: Cohort, roster: Roster) {
  const total = roster.pools.reduce((sum, p) => sum + p.seats, 0);
  const taken = roster.pools.reduce((sum, p) => sum + p.taken, 0);
  const waiting = roster.pools.reduce((sum, p) => sum + p.waiting, 0);
  return html`<h3 id="pools-heading">Seats</h3>
    <p>
      ${seats(taken)} of ${cohort.capacity} taken${waiting ? `, ${people(waiting)} waiting` : ''}. An offered seat is
      held for ${holdWords(roster.offerHours)}.
    </p>
    <div class="table-wrap">
      <table aria-labelledby="pools-heading" data-test="pools">
        <thead>
          <tr>
            <th scope="col">Pool</th>
            <th scope="col" class="num">Seats</th>
            <th scope="col" class="num">Taken</th>
            <th scope="col" class="num">Waiting</th>
            <th scope="col">Who can register</th>
          </tr>
        </thead>
        <tbody>
          ${roster.pools.map(
            (p) => html`<tr data-test="pool-row" data-pool=${p.code}>
              <th scope="row">${p.name}<span class="code">${p.code}</span></th>
              <td class="num">${p.seats}</td>
              <td class="num">${p.taken}</td>
              <td class="num">${p.waiting}</td>
              <td>${p.openToPublic ? 'Anyone, on the public page' : 'Added by an admin'}</td>
            </tr>`,
          )}
        </tbody>
        ${
          roster.pools.length > 1
            ? html`<tfoot>
              <tr>
                <th scope="row">All pools</th>
                <td class="num">${total}</td>
                <td class="num">${taken}</td>
                <td class="num">${waiting}</td>
                <td></td>
              </tr>
            </tfoot>`
            : nothing
        }
      </table>
    </div>`;
}

/** Where registration stands for a cohort that is past planning. */
export function registrationStateWords(cohort: Cohort): string {
  switch (cohort.status) {
    case 'OPEN':
      return 'Registration is open: people can register at the public link.';
    case 'FULL':
      return 'Every public seat is taken: people who register now join the waitlist.';
    case 'CLOSED':
      return 'Registration is closed.';
    default:
      return `${cohortStatusWords(cohort.status)}: registration is over.`;
  }
}

/** "Number 2 waiting for Open seats" (the pool named only when there are several). */
export function waitingWords(r: RegistrationView, pool?: string): string {
  const who = r.waitlistPlace ? `Number ${r.waitlistPlace} waiting` : 'Waiting';
  return pool ? `${who} for ${pool}` : who;
}

/** For the pool picker: whether someone added now gets a seat or joins the pool's waitlist. */
export function poolSeatWords(p: PoolView): string {
  const left = Math.max(0, p.seats - p.taken);
  if (p.waiting > 0) return `${people(p.waiting)} waiting`;
  return left > 0 ? `${seats(left)} left` : 'full';
}
