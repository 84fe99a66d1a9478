import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { TaskStatus } from '@lit/task';
import { ApiError } from './api/http';

/** The three states of something fetched: still coming, failed (with words), or here. */
export type Loadable<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; value: T };

/** Something opened by a public link, which may lead nowhere: 'unknown' when the server knows of no such thing. */
export type Findable<T> = Loadable<T> | { state: 'unknown' };

export async function load<T>(work: () => Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await work() };
  } catch (e) {
    const message = e instanceof ApiError ? e.message : 'Something went wrong while loading.';
    return { state: 'failed', message };
  }
}

/** Like `load`, for a public link: a 404 means the link leads nowhere, not that loading failed. */
export async function find<T>(work: () => Promise<T>): Promise<Exclude<Findable<T>, { state: 'loading' }>> {
  try {
    return { state: 'ready', value: await work() };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return { state: 'unknown' };
    return { state: 'failed', message: e instanceof ApiError ? e.message : 'The page could not be loaded.' };
  }
}

/**
 * What a task (@lit/task) that reads something has to show now: loading while it reads (or
 * before it first runs), otherwise what its newest read brought.
 */
export function readNow<L extends { state: string }>(task: { status: TaskStatus; value?: L }): L | { state: 'loading' } {
  return task.status === TaskStatus.COMPLETE && task.value ? task.value : { state: 'loading' };
}

export function loading(what: string) {
  return html`<p class="muted" role="status">Loading ${what}…</p>`;
}

/** What went wrong, said at once (an alert). */
export function failed(message: string, test?: string) {
  return html`<p class="notice" role="alert" data-test=${ifDefined(test)}>${message}</p>`;
}

/** A form's or an action's problem, when there is one. */
export function problemNotice(message: string | undefined, test?: string) {
  return message ? failed(message, test) : nothing;
}

/** What went wrong, with a button to try again. */
export function failedWithRetry(message: string, retry: () => void) {
  return html`${failed(message)}
    <p><button class="button secondary" type="button" @click=${retry}>Try again</button></p>`;
}

/**
 * A polite live region saying what has just been done. It stays in the page while empty, so
 * that screen readers hear the words when they arrive.
 */
export function announcementRegion(message: string, test: string) {
  return html`<div role="status" data-test=${test}>${message ? html`<p class="notice calm">${message}</p>` : nothing}</div>`;
}
