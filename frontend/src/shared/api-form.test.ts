import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, PROBLEM_BASE } from './api/http';
import type { Problem } from './api/types';
import { settle } from '../test/fake-api';
import { ApiForm, RowActions, fieldErrors, fieldProblems, problemMessage, tooManyWords } from './api-form';

function apiError(status: number, over: Partial<Problem> = {}, retryAfter?: number): ApiError {
  return new ApiError({ type: `${PROBLEM_BASE}x`, title: 'Not taken', status, ...over }, retryAfter);
}

const validation = (errors: { field: string; message: string }[], status = 400) =>
  apiError(status, { detail: 'Some fields need attention.', errors });

/** A host with one field, to watch the form's conversation from. */
@customElement('test-api-form-host')
class TestHost extends LitElement {
  readonly form = new ApiForm<'name' | 'email'>(this, {
    fields: ['name', 'email'],
    tooMany: 'requests',
    fallback: 'That did not go through.',
  });
  readonly rows = new RowActions(this, 'That row did not change.');

  render() {
    const e = this.form.errors;
    return html`<input id="name" aria-invalid=${e.name ? 'true' : 'false'} /><input
        id="email"
        aria-invalid=${e.email ? 'true' : 'false'}
      />`;
  }
}

async function host(): Promise<TestHost> {
  const el = document.createElement('test-api-form-host') as TestHost;
  document.body.append(el);
  await settle(el);
  return el;
}

describe('reading a failed call', () => {
  it('takes the server’s words, or the fallback for anything else', () => {
    expect(problemMessage(apiError(409, { detail: 'Already there.' }))).toBe('Already there.');
    expect(problemMessage(new TypeError('x is undefined'), 'That did not work.')).toBe('That did not work.');
  });

  it('sorts a validation problem by field, the first words for each, and the rest', () => {
    const e = validation([
      { field: 'days[0].date', message: 'Give a date.' },
      { field: 'days[1].date', message: 'Give another date.' },
      { field: 'title', message: 'Give a title.' },
      { field: 'venue', message: 'Somewhere, please.' },
    ]);
    expect(fieldProblems(e, ['days', 'title'])).toEqual({
      errors: { days: 'Give a date.', title: 'Give a title.' },
      others: ['Somewhere, please.'],
    });
    expect(fieldErrors(e, ['capacity'])).toBeUndefined();
    expect(fieldErrors(e, ['title'], [422])).toBeUndefined();
    expect(fieldErrors(apiError(409), ['title'])).toBeUndefined();
  });

  it('says when to try again after too many requests, unless the server said', () => {
    expect(tooManyWords(apiError(429, {}, 90), 'requests')).toBe(
      'There have been a lot of requests from here in a short time. Please try again in 2 minutes.',
    );
    expect(tooManyWords(apiError(429, { detail: 'Slow down.' }), 'requests')).toBeUndefined();
    expect(tooManyWords(apiError(409), 'requests')).toBeUndefined();
  });
});

describe('ApiForm', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('refuses what was found wrong before sending, with focus on the first field', async () => {
    const el = await host();
    expect(await el.form.refuse({})).toBe(false);
    expect(await el.form.refuse({ email: 'Type an email.' })).toBe(true);
    expect(el.form.errors).toEqual({ email: 'Type an email.' });
    expect(el.shadowRoot!.activeElement?.id).toBe('email');
  });

  it('is busy while its call runs, and hands the answer on', async () => {
    const el = await host();
    let release!: (value: number) => void;
    const handed: [number, boolean][] = [];
    const running = el.form.run(
      () => new Promise<number>((resolve) => (release = resolve)),
      (n) => handed.push([n, el.form.busy]),
    );
    expect(el.form.busy).toBe(true);
    release(7);
    expect(await running).toEqual({ ok: true, value: 7 });
    expect(handed).toEqual([[7, true]]);
    expect(el.form.busy).toBe(false);
  });

  it('puts the server’s words beside the fields, or says its problem, or the fallback', async () => {
    const el = await host();
    await el.form.run(() => Promise.reject(validation([{ field: 'name', message: 'Give your name.' }])));
    expect(el.form.errors).toEqual({ name: 'Give your name.' });
    expect(el.form.problem).toBeUndefined();
    expect(el.shadowRoot!.activeElement?.id).toBe('name');

    await el.form.run(() => Promise.reject(apiError(409, { detail: 'Already asked.' })));
    expect(el.form.errors).toEqual({});
    expect(el.form.problem).toBe('Already asked.');

    await el.form.run(() => Promise.reject(apiError(429, {}, 30)));
    expect(el.form.problem).toMatch(/^There have been a lot of requests from here/);

    const outcome = await el.form.run(() => Promise.reject(new Error('boom')));
    expect(outcome.ok).toBe(false);
    expect(el.form.problem).toBe('That did not go through.');
  });
});

describe('RowActions', () => {
  it('keeps each row busy on its own, and says beside the row why its action failed', async () => {
    const el = await host();
    let release!: () => void;
    const first = el.rows.run('a', () => new Promise<void>((resolve) => (release = resolve)));
    expect(el.rows.isBusy('a')).toBe(true);
    expect(el.rows.isBusy('b')).toBe(false);
    await el.rows.run('b', () => Promise.reject(apiError(409, { detail: 'Taken already.' })));
    expect(el.rows.noticeFor('b')).toBe('Taken already.');
    expect(el.rows.noticeFor('a')).toBeUndefined();
    release();
    expect((await first).ok).toBe(true);
    expect(el.rows.isBusy('a')).toBe(false);
    document.body.innerHTML = '';
  });
});
