import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Verification } from './types';
import { formatDate } from '../shared/format';
import { sessionStore } from '../identity/session';
import { fakeApi, json, problem, settle, submitForm, text, typeInto } from '../test/fake-api';
import './mut-verify';
import type { MutVerify } from './mut-verify';

const CODE = 'IPS-ABCDE-23456';
const CHECK = `GET /api/public/certificates/${CODE}`;

function verification(over: Partial<Verification> = {}): Verification {
  return {
    code: CODE,
    genuine: true,
    revoked: false,
    revokedReason: null,
    holderName: 'Ana Lopez',
    courseTitle: 'IPS Core Training',
    organisationName: 'Harbour Peer Network',
    firstDay: '2027-03-15',
    lastDay: '2027-03-19',
    trainers: 'Jo Okafor, Sam Rivera',
    ...over,
  };
}

async function mount(code = ''): Promise<MutVerify> {
  const el = document.createElement('mut-verify');
  el.code = code;
  document.body.append(el);
  await settle(el);
  return el;
}

const $ = (el: MutVerify, test: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-test="${test}"]`);

describe('<mut-verify>', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
    window.history.replaceState({}, '', '/verify');
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('says a certificate is genuine, with its holder, course, organisation, dates and trainers, without signing in', async () => {
    const api = fakeApi({ [CHECK]: json(verification()) });
    const el = await mount(CODE);
    const result = $(el, 'verify-result')!;
    expect(result.dataset.state).toBe('genuine');
    expect(text(result.querySelector('h2'))).toBe('This certificate is genuine');
    expect(text($(el, 'verify-holder'))).toBe('Ana Lopez');
    expect(text($(el, 'verify-course'))).toBe('IPS Core Training');
    expect(text($(el, 'verify-organisation'))).toBe('Harbour Peer Network');
    expect(text($(el, 'verify-dates'))).toBe(`${formatDate('2027-03-15')} – ${formatDate('2027-03-19')}`);
    expect(text($(el, 'verify-trainers'))).toBe('Jo Okafor, Sam Rivera');
    expect(($(el, 'verify-code') as HTMLInputElement).value).toBe(CODE);
    expect(api.calls.map((c) => `${c.method} ${c.url}`)).toEqual([CHECK]);
  });

  it('says a revoked certificate was revoked, with the reason', async () => {
    fakeApi({
      [CHECK]: json(verification({ genuine: false, revoked: true, revokedReason: 'Issued to the wrong person.' })),
    });
    const el = await mount(CODE);
    const result = $(el, 'verify-result')!;
    expect(result.dataset.state).toBe('revoked');
    expect(text(result.querySelector('h2'))).toBe('This certificate was revoked');
    expect(text($(el, 'verify-reason'))).toBe('Issued to the wrong person.');
    expect(text(result)).not.toContain('genuine');
  });

  it('says when no certificate has the code, and to check the typing', async () => {
    fakeApi({
      'GET /api/public/certificates/IPS-ABCDE-2345': problem(404, 'not-found', 'No certificate with that code was found.'),
    });
    const el = await mount('IPS-ABCDE-2345');
    const result = $(el, 'verify-result')!;
    expect(result.dataset.state).toBe('not-found');
    expect(text(result.querySelector('h2'))).toBe('No certificate has this code');
    expect(text(result)).toMatch(/Check the typing/);
    expect(text(result)).toContain('IPS-ABCDE-2345');
  });

  it('checks a typed code, in capitals, and puts it in the address', async () => {
    const api = fakeApi({ [CHECK]: json(verification()) });
    const el = await mount();
    expect($(el, 'verify-result')).toBeNull();
    expect(api.calls).toHaveLength(0);

    submitForm(el.shadowRoot!, '[data-test="verify-form"]');
    await settle(el);
    expect(api.calls).toHaveLength(0);
    expect(text(el.shadowRoot!.querySelector('#verify-code-error'))).toBe('Type the code from the certificate.');

    typeInto(el.shadowRoot!, '[data-test="verify-code"]', ` ${CODE.toLowerCase()} `);
    submitForm(el.shadowRoot!, '[data-test="verify-form"]');
    await settle(el);
    expect(api.to(CHECK)).toHaveLength(1);
    expect(window.location.pathname).toBe(`/verify/${CODE}`);
    expect($(el, 'verify-result')!.dataset.state).toBe('genuine');
  });

  it('shows what the person typed as text, never as markup', async () => {
    fakeApi({});
    const el = await mount('<img src=x onerror=alert(1)>');
    await settle(el);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect($(el, 'verify-result')!.dataset.state).toBe('not-found');
  });
});
