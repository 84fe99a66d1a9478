import { LitElement, css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { CommandBody } from '../live/protocol';
import type { RoomState } from '../live/room-state';
import { commandProblem } from '../live/room-words';
import type { SendCommand } from '../room/activity-common';

/**
 * What every panel of the facilitator's console shares: the room as folded so far, the way
 * to send a command, the room's clock, whether the day has ended, and — per panel — which
 * actions are under way and the words for the last one refused.
 */
export abstract class ConsolePanel extends LitElement {
  @property({ attribute: false }) state?: RoomState;
  @property({ attribute: false }) send?: SendCommand;
  /** the room's clock (ms), corrected to the server's */
  @property({ type: Number }) now = 0;
  @property({ type: Boolean }) ended = false;
  /** an ad-hoc practice room rather than a training day's */
  @property({ type: Boolean }) practice = false;

  @state() protected busy: ReadonlySet<string> = new Set();
  @state() protected problems: Record<string, string | undefined> = {};

  /** Sends a command for one action (`busyKey`) of one area; a refusal is said in that area. */
  protected async run(area: string, busyKey: string, body: CommandBody): Promise<boolean> {
    const send = this.send;
    if (!send) return false;
    this.busy = new Set(this.busy).add(busyKey);
    this.problems = { ...this.problems, [area]: undefined };
    try {
      await send(body);
      return true;
    } catch (e) {
      this.problems = { ...this.problems, [area]: commandProblem(e) };
      return false;
    } finally {
      const next = new Set(this.busy);
      next.delete(busyKey);
      this.busy = next;
    }
  }

  protected isBusy(key: string): boolean {
    return this.busy.has(key);
  }

  protected say(area: string, message: string | undefined): void {
    this.problems = { ...this.problems, [area]: message };
  }

  protected problem(area: string) {
    const message = this.problems[area];
    return message ? html`<p class="notice" role="alert" data-problem=${area}>${message}</p>` : nothing;
  }
}

/** What the panels' own styles start from: headings, quiet metadata, forms in a column. */
export const panelBase = css`
  :host {
    display: block;
  }
  h3 {
    font-size: var(--mut-text-md);
    margin-top: var(--mut-space-6);
  }
  .meta {
    color: var(--mut-ink-soft);
  }
  form.grid {
    display: grid;
    gap: var(--mut-space-4);
  }
  .badge {
    font-size: var(--mut-text-sm);
    font-weight: 700;
    color: var(--mut-primary-strong);
    padding: 0 var(--mut-space-2);
  }
  .card {
    margin: 0;
  }
  /* short lists of people, one line each with its actions on the right (who's here, who responded) */
  ul.compact {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--mut-space-1);
  }
  ul.compact li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0 var(--mut-space-3);
    padding: var(--mut-space-1) 0;
    border-bottom: 1px solid var(--mut-line);
    overflow-wrap: anywhere;
  }
`;
