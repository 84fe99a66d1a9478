/** Pieces the role-play and reframing views share, for participants and facilitators alike. */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { CommandBody } from '../live/protocol';
import type { Roleplay } from '../live/room-state';
import { roundClock } from '../live/roleplay-state';
import { commandProblem, formatCountdown, minutesWords } from '../live/room-words';

/** How a component sends a command: the room connection's send, resolving on ack and rejecting on error. */
export type SendCommand = (body: CommandBody) => Promise<unknown>;

export const activityStyles = css`
  .activity h3 {
    font-size: var(--mut-text-md);
    margin-top: var(--mut-space-6);
  }
  .activity .meta {
    color: var(--mut-ink-soft);
  }
  .round-clock {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--mut-space-1) var(--mut-space-4);
    padding: var(--mut-space-3) var(--mut-space-4);
    border-radius: var(--mut-radius-sm);
    background: var(--mut-calm);
    margin: 0 0 var(--mut-space-4);
  }
  .round-clock .round {
    font-weight: 600;
  }
  .round-clock .countdown {
    font-family: var(--mut-font-mono);
    font-size: var(--mut-text-2xl);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.1;
  }
  .round-clock.warning {
    background: var(--mut-notice);
    color: var(--mut-notice-ink);
  }
  .round-clock.done .countdown {
    color: var(--mut-accent);
  }
  .round-clock .said {
    flex-basis: 100%;
    margin: 0;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--mut-space-2);
  }
  .content-note {
    padding: var(--mut-space-3) var(--mut-space-4);
    border-left: 4px solid var(--mut-accent);
    background: var(--mut-notice);
    color: var(--mut-notice-ink);
    border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
    overflow-wrap: anywhere;
  }
  .content-note p {
    margin: 0 0 var(--mut-space-2);
  }
  .shared-part,
  .role-card {
    padding: var(--mut-space-3) var(--mut-space-4);
    border-left: 4px solid var(--mut-primary);
    background: var(--mut-calm);
    border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
    overflow-wrap: anywhere;
    margin: 0 0 var(--mut-space-4);
  }
  .shared-part .text,
  .role-card .text {
    white-space: pre-wrap;
    margin: 0;
    max-width: 70ch;
  }
  .role-card {
    border-left-color: var(--mut-task-mutuality-edge);
    background: var(--mut-task-mutuality);
  }
  .role-card h4,
  .shared-part h4 {
    margin: 0 0 var(--mut-space-2);
  }
  .role-card .only-you {
    font-size: var(--mut-text-sm);
    margin: var(--mut-space-2) 0 0;
  }
  .help-toggle[aria-pressed='true'] {
    background: var(--mut-notice);
    border-color: var(--mut-notice-ink);
    color: var(--mut-notice-ink);
  }
  .group-members li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 var(--mut-space-3);
    padding: var(--mut-space-1) 0;
    border-bottom: 1px solid var(--mut-line);
  }
  .group-members .role {
    color: var(--mut-ink-soft);
  }
  .group-members .me {
    font-weight: 700;
  }
  .task-tag {
    display: inline-block;
    font-size: var(--mut-text-sm);
    font-weight: 700;
    padding: 0 var(--mut-space-2);
    border-radius: var(--mut-radius-sm);
    background: var(--mut-task-other);
    border-left: 4px solid var(--mut-task-other-edge);
    margin-right: var(--mut-space-2);
  }
  .task-tag.connection {
    background: var(--mut-task-connection);
    border-left-color: var(--mut-task-connection-edge);
  }
  .task-tag.worldview {
    background: var(--mut-task-worldview);
    border-left-color: var(--mut-task-worldview-edge);
  }
  .task-tag.mutuality {
    background: var(--mut-task-mutuality);
    border-left-color: var(--mut-task-mutuality-edge);
  }
  .task-tag.moving-towards {
    background: var(--mut-task-moving-towards);
    border-left-color: var(--mut-task-moving-towards-edge);
  }
  .note-item,
  .proposal,
  .share-item {
    padding: var(--mut-space-2) var(--mut-space-3);
    border: 1px solid var(--mut-line);
    border-radius: var(--mut-radius-sm);
    overflow-wrap: anywhere;
  }
  .note-item p,
  .proposal p,
  .share-item p {
    margin: 0 0 var(--mut-space-1);
  }
  .moment {
    white-space: pre-wrap;
  }
  .status-line {
    font-size: var(--mut-text-sm);
    color: var(--mut-ink-soft);
  }
  form.grid {
    display: grid;
    gap: var(--mut-space-4);
  }
  .checks {
    display: flex;
    flex-wrap: wrap;
    gap: var(--mut-space-2);
  }
  .checks label {
    display: inline-flex;
    align-items: center;
    gap: var(--mut-space-2);
    min-height: 44px;
    margin: 0;
    padding: var(--mut-space-2) var(--mut-space-3);
    border: 2px solid var(--mut-line);
    border-radius: var(--mut-radius-sm);
    font-weight: 400;
    cursor: pointer;
  }
  .checks label:has(input:checked) {
    border-color: var(--mut-primary);
    background: var(--mut-calm);
  }
  .checks input,
  .checks-list input {
    width: 1.125rem;
    height: 1.125rem;
    min-height: 0;
    margin: 0;
    accent-color: var(--mut-primary);
  }
  .checks-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--mut-space-2);
  }
  .checks-list label {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    gap: 0 var(--mut-space-3);
    align-items: start;
    margin: 0;
    padding: var(--mut-space-2) var(--mut-space-3);
    border: 1px solid var(--mut-line);
    border-radius: var(--mut-radius-sm);
    font-weight: 400;
    cursor: pointer;
  }
  .checks-list label:has(input:checked) {
    border-color: var(--mut-primary);
    background: var(--mut-calm);
  }
  .checks-list input {
    margin-top: 0.3em;
  }
  .checks-list .title {
    font-weight: 600;
  }
  .checks-list .detail {
    display: block;
    font-size: var(--mut-text-sm);
    color: var(--mut-ink-soft);
  }
  .checks-list .detail.note {
    color: var(--mut-notice-ink);
  }
  .fields-row {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    gap: var(--mut-space-3);
    align-items: end;
  }
  .board {
    display: grid;
    gap: var(--mut-space-4);
  }
  .board-column {
    border: 1px solid var(--mut-line);
    border-radius: var(--mut-radius-sm);
    padding: var(--mut-space-3) var(--mut-space-4);
  }
  .board-column .original {
    font-weight: 600;
    margin: 0 0 var(--mut-space-2);
    overflow-wrap: anywhere;
  }
  .board-column .original .label {
    display: block;
    font-size: var(--mut-text-sm);
    font-weight: 400;
    color: var(--mut-ink-soft);
  }
  .entries-row {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: var(--mut-space-3);
  }
  .entry {
    display: flex;
    flex-direction: column;
    gap: var(--mut-space-1);
    padding: var(--mut-space-2) var(--mut-space-3);
    border-left: 4px solid var(--mut-primary);
    background: var(--mut-calm);
    border-radius: 0 var(--mut-radius-sm) var(--mut-radius-sm) 0;
    overflow-wrap: anywhere;
  }
  .entry .text {
    white-space: pre-wrap;
    margin: 0;
  }
  .entry .who {
    font-size: var(--mut-text-sm);
    color: var(--mut-ink-soft);
    margin: 0;
  }
  .entry.highlighted {
    border-left-color: var(--mut-accent);
    background: var(--mut-notice);
    box-shadow: 0 0 0 2px var(--mut-accent);
  }
  .entry .highlight-tag {
    font-size: var(--mut-text-sm);
    font-weight: 700;
    color: var(--mut-accent);
    margin: 0;
  }
  .entry .opened {
    font-size: var(--mut-text-sm);
    color: var(--mut-primary-strong);
    margin: 0;
  }
  .examples {
    margin: var(--mut-space-3) 0 0;
    padding: var(--mut-space-2) var(--mut-space-3);
    border: 1px dashed var(--mut-line);
    border-radius: var(--mut-radius-sm);
  }
  .examples h4 {
    margin: 0 0 var(--mut-space-1);
    font-size: var(--mut-text-sm);
  }
  .examples ul {
    margin: 0;
    padding-left: var(--mut-space-6);
  }
`;

/** The one round clock: "Round 2 of 3", a countdown from endsAt, a calm warning, then "Time". */
export function roundClockView(r: Roleplay, now: number) {
  const clock = roundClock(r, now);
  if (!clock) return nothing;
  const { left, warning, done } = clock;
  return html`<div class="round-clock ${warning ? 'warning' : ''} ${done ? 'done' : ''}" data-test="roleplay-clock">
    <span class="round">Round ${r.round} of ${r.rounds}</span>
    <span class="countdown" role="timer" aria-label=${done ? 'Time' : `${minutesWords(left)} left in this round`}
      >${done ? 'Time' : formatCountdown(left)}</span
    >
    ${
      done
        ? html`<p class="said" role="status" data-test="roleplay-time-up">Time. Finish the sentence you're in, then pause.</p>`
        : warning
          ? html`<p class="said" role="status" data-test="roleplay-time-warning">
            Nearly time. Begin to bring this round gently to a close.
          </p>`
          : nothing
    }
  </div>`;
}

/**
 * Sends a room command for one of a component's actions: the action is busy while the command is
 * under way, and a refusal becomes words (for the whole component, and for that action).
 */
export class CommandRunner implements ReactiveController {
  busy: ReadonlySet<string> = new Set();
  /** The words for the last action that failed (or was stopped before sending), whichever it was. */
  problem?: string;
  private problems = new Map<string, string>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly send: () => SendCommand | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The words for this action's last failure, if it failed. */
  problemFor(key: string): string | undefined {
    return this.problems.get(key);
  }

  /** Says a problem found before sending (an empty field), for the component and, given a key, that action. */
  say(message: string | undefined, key?: string): void {
    this.problem = message;
    if (key !== undefined) {
      if (message === undefined) this.problems.delete(key);
      else this.problems.set(key, message);
    }
    this.host.requestUpdate();
  }

  /** Sends the command; true once the room has taken it. */
  async run(key: string, body: CommandBody): Promise<boolean> {
    const send = this.send();
    if (!send) return false;
    this.busy = new Set(this.busy).add(key);
    this.say(undefined, key);
    try {
      await send(body);
      return true;
    } catch (e) {
      this.say(commandProblem(e), key);
      return false;
    } finally {
      const next = new Set(this.busy);
      next.delete(key);
      this.busy = next;
      this.host.requestUpdate();
    }
  }
}
