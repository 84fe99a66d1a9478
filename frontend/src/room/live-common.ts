/** Pieces the participant's room and the facilitator's console share: styles and small templates. */
import { css, html, nothing } from 'lit';
import type { ConnectionStatus } from '../live/room-connection';
import type { Visibility } from '../live/protocol';
import { timerRemaining, type Answer, type EnergySpread, type Timer } from '../live/room-state';
import {
  ENERGY_LEVELS,
  answerParts,
  OFFLINE_WORDS,
  connectionWords,
  energyWords,
  formatCountdown,
  minutesWords,
  unlinkedOrder,
} from '../live/room-words';
import { cssProps } from '../shared/css-props';

export const liveStyles = css`
  .eyebrow {
    font-size: var(--mut-text-sm);
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--mut-ink-soft);
    margin: 0 0 var(--mut-space-1);
  }
  h1:focus {
    outline: none;
  }
  .card + .card,
  section.card {
    margin-top: var(--mut-space-6);
  }
  .card > h2:first-child,
  .card > header:first-child h2 {
    margin-top: 0;
  }
  .connection:empty {
    display: none;
  }
  .connection .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--mut-space-2) var(--mut-space-4);
    margin: 0 0 var(--mut-space-4);
    max-width: none;
  }
  .connection .notice p {
    margin: 0;
  }
  .prompt {
    font-size: var(--mut-text-lg);
    font-weight: 600;
    margin: 0 0 var(--mut-space-3);
    overflow-wrap: anywhere;
  }
  .timers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--mut-space-3);
  }
  .timer {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--mut-space-1) var(--mut-space-4);
  }
  .timer .countdown {
    font-family: var(--mut-font-mono);
    font-size: var(--mut-text-2xl);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }
  .timer .label {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .timer .state {
    color: var(--mut-ink-soft);
  }
  .timer.done .countdown {
    color: var(--mut-accent);
  }
  ul.answers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--mut-space-2);
  }
  ul.answers li {
    padding: var(--mut-space-2) var(--mut-space-3);
    border-left: 4px solid var(--mut-primary);
    background: var(--mut-calm);
    border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
    overflow-wrap: anywhere;
  }
  ul.answers .who {
    font-weight: 700;
    margin-right: var(--mut-space-2);
  }
  ul.answers .word {
    font-weight: 600;
  }
  ul.answers .energy {
    display: block;
    font-size: var(--mut-text-sm);
    color: var(--mut-ink-soft);
  }
  ul.energy-chart {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--mut-space-1);
    max-width: 28rem;
  }
  ul.energy-chart li {
    display: grid;
    grid-template-columns: 7.5rem minmax(0, 1fr) 2rem;
    align-items: center;
    gap: var(--mut-space-2);
    font-size: var(--mut-text-sm);
  }
  ul.energy-chart .track {
    display: block;
    height: 0.875rem;
    background: var(--mut-break);
    border-radius: 3px;
    overflow: hidden;
  }
  ul.energy-chart .fill {
    display: block;
    height: 100%;
    width: var(--share, 0%);
    background: var(--mut-primary);
  }
  ul.energy-chart .count {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    margin-bottom: var(--mut-space-2);
    padding: 0;
  }
  .radios {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mut-space-2);
  }
  .radios label {
    display: inline-flex;
    align-items: center;
    gap: var(--mut-space-2);
    min-height: 44px;
    margin: 0;
    padding: var(--mut-space-2) var(--mut-space-3);
    border: 2px solid var(--mut-line);
    border-radius: var(--mut-radius-sm);
    background: var(--mut-surface);
    font-weight: 400;
    cursor: pointer;
  }
  .radios label:has(input:checked) {
    border-color: var(--mut-primary);
    background: var(--mut-calm);
    font-weight: 600;
  }
  .radios input {
    width: 1.125rem;
    height: 1.125rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--mut-primary);
  }
  .radios.stacked {
    flex-direction: column;
    align-items: stretch;
  }
  .radios.stacked label {
    align-items: flex-start;
  }
  .radios.stacked label span {
    display: block;
  }
  .radios.stacked .hint {
    display: block;
  }
  @media (max-width: 640px) {
    .timer .countdown {
      font-size: var(--mut-text-xl);
    }
    ul.energy-chart li {
      grid-template-columns: 6.5rem minmax(0, 1fr) 1.75rem;
    }
  }
`;

/** The connection's state, in a status region that is always on the page so changes are announced. */
export function connectionBanner(status: ConnectionStatus, retry: () => void, offline = false) {
  const words = offline && status === 'reconnecting' ? OFFLINE_WORDS : connectionWords(status);
  return html`<div class="connection" role="status">
    ${
      words
        ? html`<div class="notice ${status === 'connecting' ? 'calm' : ''}">
          <p>${words}</p>
          ${status === 'reconnecting' ? html`<button class="quiet" type="button" @click=${retry}>Try now</button>` : nothing}
        </div>`
        : nothing
    }
  </div>`;
}

/** One timer: its label and a countdown from its end time, by this device's clock. */
export function timerView(timer: Timer, now: number) {
  const left = timerRemaining(timer, now);
  const done = timer.running && left === 0;
  const label = timer.label?.trim() || 'Timer';
  return html`<div class="timer ${done ? 'done' : ''}" data-timer=${timer.id}>
    <span class="label">${label}</span>
    <span class="countdown" role="timer" aria-label="${label}: ${minutesWords(left)} left">${formatCountdown(left)}</span>
    <span class="state">${!timer.running ? 'Paused' : done ? "Time's up" : 'left'}</span>
  </div>`;
}

/**
 * The answers as the visibility allows: names when everyone sees them with names, none when
 * anonymous (and then not in the order they came, so nobody can tell whose from when).
 */
export function answersList(answers: Answer[], visibility: Visibility, meId?: string) {
  const anonymous = visibility === 'anonymous';
  const shown = anonymous ? unlinkedOrder(answers) : answers;
  return html`<ul class="answers">
    ${shown.map((a) => {
      const parts = answerParts(a);
      const mine = !!meId && a.participantId === meId;
      return html`<li data-answer=${a.answerId}>
        ${
          anonymous
            ? mine
              ? html`<span class="who">Yours</span>`
              : nothing
            : html`<span class="who">${mine ? 'You' : (a.name ?? 'Someone')}</span>`
        }
        ${parts.word ? html`<span class="word">${parts.word}</span>` : nothing}
        ${parts.word && parts.sentence ? ' — ' : nothing}${parts.sentence ? html`<span class="sentence">${parts.sentence}</span>` : nothing}
        ${parts.energy ? html`<span class="energy">Energy: ${parts.energy}</span>` : nothing}
      </li>`;
    })}
  </ul>`;
}

/** The spread of energy levels as a small bar chart: how many chose each, never who. */
export function energyChart(spread: EnergySpread) {
  const total = ENERGY_LEVELS.reduce((sum, l) => sum + (spread[l] ?? 0), 0);
  if (total === 0) return html`<p class="muted">Nobody added an energy level.</p>`;
  const most = Math.max(...ENERGY_LEVELS.map((l) => spread[l] ?? 0));
  return html`<ul class="energy-chart" aria-label="Energy levels, how many chose each">
    ${ENERGY_LEVELS.map((level) => {
      const count = spread[level] ?? 0;
      const share = most ? `${((count / most) * 100).toFixed(1)}%` : '0%';
      return html`<li data-level=${level}>
        <span class="level">${energyWords(level)}</span>
        <span class="track" aria-hidden="true"><span class="fill" ${cssProps({ '--share': share })}></span></span>
        <span class="count">${count}</span>
      </li>`;
    })}
  </ul>`;
}
