import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { Task } from '@lit/task';
import { ApiError } from '../shared/api/http';
import type { Loadable } from '../shared/loadable';

/**
 * What the console's day sections (attendance, the end-of-day summary) share: they load
 * when the organisation, cohort or day changes, reload on request, and take only the newest
 * answer (through @lit/task), so one that arrives after the console has moved on is ignored.
 *
 * They also follow the room's events without a manual refresh: the console hands them the
 * room's last seq and whether the day has ended. The day ending reloads at once; other events
 * reload at most once every `liveRefreshMs`, so a busy room does not ask the server at every word.
 */
export abstract class RoomDaySection<T> extends LitElement {
  @property() organisationId = '';
  @property() cohortId = '';
  @property({ type: Number }) day = 0;
  /** The last event of the room the console has seen (0: none yet). */
  @property({ type: Number }) seq = 0;
  /** True once the room's day has ended. */
  @property({ type: Boolean }) ended = false;
  /** At most one reload for the room's events per this many ms (the day ending is never held back). */
  @property({ attribute: false }) liveRefreshMs = 15_000;

  @state() protected loaded: Loadable<T> = { state: 'loading' };
  @state() protected refreshing = false;
  private loadedFor?: string;
  private lastLoad = 0;
  private liveTimer?: ReturnType<typeof setTimeout>;

  /** Fetches the section's data for the current day. */
  protected abstract fetch(): Promise<T>;

  /** Said when the data cannot be loaded and the server gave no reason. */
  protected abstract readonly failureWords: string;

  /** Called when the section starts over for another day. */
  protected reset(): void {}

  protected willUpdate(): void {
    const key = `${this.organisationId}/${this.cohortId}/${this.day}`;
    if (this.organisationId && this.cohortId && this.day > 0 && key !== this.loadedFor) {
      this.loadedFor = key;
      this.loaded = { state: 'loading' };
      this.reset();
      void this.refresh();
    }
  }

  protected updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.loadedFor) return;
    if (changed.has('ended') && this.ended && changed.get('ended') === false) {
      this.clearLiveTimer();
      void this.refresh();
    } else if (changed.has('seq') && changed.get('seq') !== undefined && this.seq > 0) {
      this.scheduleLiveRefresh();
    }
  }

  disconnectedCallback(): void {
    this.clearLiveTimer();
    super.disconnectedCallback();
  }

  private scheduleLiveRefresh(): void {
    if (this.liveTimer !== undefined) return; // one is coming already
    const wait = Math.max(0, this.lastLoad + this.liveRefreshMs - Date.now());
    this.liveTimer = setTimeout(() => {
      this.liveTimer = undefined;
      void this.refresh();
    }, wait);
  }

  private clearLiveTimer(): void {
    if (this.liveTimer !== undefined) clearTimeout(this.liveTimer);
    this.liveTimer = undefined;
  }

  /**
   * The section's read (@lit/task), run by `refresh`: only its newest run is taken, so an answer
   * for a day the console has left, or an older read of this day, changes nothing.
   */
  protected readonly read = new Task(this, {
    autoRun: false,
    args: () => [this.organisationId, this.cohortId, this.day] as const,
    task: () => this.fetch(),
    onComplete: (value) => (this.loaded = { state: 'ready', value }),
    onError: (e) => (this.loaded = { state: 'failed', message: e instanceof ApiError ? e.message : this.failureWords }),
  });

  /** Asks the server again. */
  async refresh(): Promise<void> {
    this.refreshing = true;
    this.lastLoad = Date.now();
    try {
      await this.read.run();
    } finally {
      this.refreshing = false;
    }
  }
}
