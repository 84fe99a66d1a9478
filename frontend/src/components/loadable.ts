import { html } from 'lit';
import { ApiError } from '../api/client';

/** The three states of something fetched: still coming, failed (with words), or here. */
export type Loadable<T> = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; value: T };

export async function load<T>(work: () => Promise<T>): Promise<Loadable<T>> {
  try {
    return { state: 'ready', value: await work() };
  } catch (e) {
    const message = e instanceof ApiError ? e.message : 'Something went wrong while loading.';
    return { state: 'failed', message };
  }
}

export function loading(what: string) {
  return html`<p class="muted" role="status">Loading ${what}…</p>`;
}

export function failed(message: string) {
  return html`<p class="notice" role="alert">${message}</p>`;
}
