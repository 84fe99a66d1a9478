import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from './session';
import { fakeApi, json, membership, problem, sessionView, settle, submitForm, text, typeInto } from '../test/fake-api';
import './mut-sign-in';
import type { MutSignIn } from './mut-sign-in';

async function mount(next?: string): Promise<MutSignIn> {
  const el = document.createElement('mut-sign-in');
  if (next !== undefined) el.next = next;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

async function signIn(el: MutSignIn, email = 'sam@example.test', password = 'a long enough password') {
  typeInto(el.shadowRoot!, '#email', email);
  typeInto(el.shadowRoot!, '#password', password);
  submitForm(el.shadowRoot!);
  await settle(el);
}

const session = sessionView([membership('org-a', 'Harbour Peer Network', 'ORG_ADMIN')]);

describe('<mut-sign-in>', () => {
  beforeEach(() => {
    sessionStore.reset();
    window.history.replaceState({}, '', '/sign-in');
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('signs in, keeps the session and goes to the organisation page', async () => {
    const server = fakeApi({ 'POST /api/session': json(session) });
    const el = await mount();
    await signIn(el, '  sam@example.test ');

    expect(server.to('POST /api/session')[0].body).toEqual({
      email: 'sam@example.test',
      password: 'a long enough password',
    });
    expect(sessionStore.session?.account.displayName).toBe('Sam Rivera');
    expect(window.location.pathname).toBe('/organisation');
  });

  it('goes back to the page that asked for sign-in', async () => {
    fakeApi({ 'POST /api/session': json(session) });
    const el = await mount('/organisation/members');
    await signIn(el);
    expect(window.location.pathname).toBe('/organisation/members');
  });

  it('never follows a next address to another site', async () => {
    fakeApi({ 'POST /api/session': json(session) });
    const el = await mount('//evil.example/page');
    await signIn(el);
    expect(window.location.pathname).toBe('/organisation');
    expect(window.location.host).not.toBe('evil.example');
  });

  it('says plainly when the email and password do not go together', async () => {
    fakeApi({ 'POST /api/session': problem(401, 'sign-in-failed', 'Email or password not right.') });
    const el = await mount();
    await signIn(el);

    const alert = el.shadowRoot!.querySelector('[role="alert"]');
    expect(text(alert)).toMatch(/email and password don't go together/);
    expect(sessionStore.state.status).not.toBe('signed-in');
    expect(window.location.pathname).toBe('/sign-in');
  });

  it('says when to try again after too many attempts', async () => {
    fakeApi({
      'POST /api/session': problem(429, 'too-many-attempts', 'Try again after 10:15.', {
        headers: { 'Retry-After': '600' },
      }),
    });
    const el = await mount();
    await signIn(el);
    expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).toMatch(/paused.*try again in 10 minutes/);
  });

  it("uses the server's words for when to try again if it gives no Retry-After", async () => {
    fakeApi({ 'POST /api/session': problem(429, 'too-many-attempts', 'You can try again at 10:15.') });
    const el = await mount();
    await signIn(el);
    expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).toContain('You can try again at 10:15.');
  });

  it('asks for both fields before calling the server, and marks them', async () => {
    const server = fakeApi({});
    const el = await mount();
    submitForm(el.shadowRoot!);
    await settle(el);

    expect(server.calls).toHaveLength(0);
    const email = el.shadowRoot!.querySelector('#email')!;
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toBe('email-error');
    expect(text(el.shadowRoot!.querySelector('#password-error'))).toBe('Type your password.');
  });
});
