import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { shared } from './styles/shared';

/** The start page: what Mutuality is, and a door for each of the three audiences. */
@customElement('mut-home')
export class MutHome extends LitElement {
  static styles = [
    shared,
    css`
      .doors {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: var(--mut-space-6);
        margin-top: var(--mut-space-8);
      }
      .card h2 {
        font-size: var(--mut-text-lg);
      }
      .card p {
        color: var(--mut-ink-soft);
      }
    `,
  ];

  render() {
    return html`
      <h1>Run Intentional Peer Support trainings together</h1>
      <p class="lede">
        Mutuality helps organisations plan IPS cohorts, helps trainers hold each training day, and gives every
        participant a simple way into the day's live room.
      </p>
      <div class="doors">
        <section class="card">
          <h2>Organise trainings</h2>
          <p>Plan cohorts of the Introduction, Core, Advanced and Train-the-Trainer courses: dates, trainers, places.</p>
          <a class="button" href="/organisation">See cohorts</a>
        </section>
        <section class="card">
          <h2>Facilitate a day</h2>
          <p>See the training days ahead and what each course holds, ready for the day you run.</p>
          <a class="button" href="/facilitator">Upcoming days</a>
        </section>
        <section class="card">
          <h2>Join a room</h2>
          <p>Taking part in a training? Type the short code your trainer shares. No account needed.</p>
          <a class="button" href="/join">Join with a code</a>
        </section>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mut-home': MutHome;
  }
}
