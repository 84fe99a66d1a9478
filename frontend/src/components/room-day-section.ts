import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../api/client';
import type { Loadable } from './loadable';

/**
 * What the console's day sections (attendance, the end-of-day summary) share: they load
 * when the organisation, cohort or day changes, reload on request, and ignore an answer
 * that arrives after the console has moved to another day.
 */
export abstract class RoomDaySection<T> extends LitElement {
  @property() organisationId = '';
  @property() cohortId = '';
  @property({ type: Number }) day = 0;

  @state() protected loaded: Loadable<T> = { state: 'loading' };
  @state() protected refreshing = false;
  private loadedFor?: string;

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

  /** Asks the server again. */
  async refresh(): Promise<void> {
    const key = this.loadedFor;
    this.refreshing = true;
    try {
      const value = await this.fetch();
      if (key === this.loadedFor) this.loaded = { state: 'ready', value };
    } catch (e) {
      if (key === this.loadedFor) {
        this.loaded = { state: 'failed', message: e instanceof ApiError ? e.message : this.failureWords };
      }
    } finally {
      this.refreshing = false;
    }
  }
}
