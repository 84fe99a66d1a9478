import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORGANISATION_KEY, sessionStore } from './session';
import {
  fakeApi,
  json,
  membership,
  problem,
  sessionView,
  settle,
  submitForm,
  text,
  typeInto,
  type Handler,
} from '../test/fake-api';
import './mut-invitation';
import type { MutInvitation } from './mut-invitation';

const view = (accountExists: boolean) => ({
  organisationName: 'Hillside Recovery College',
  email: 'ria@example.test',
  role: 'TRAINER',
  expiresAt: '2026-12-08T12:00:00Z',
  accountExists,
});

const joined = sessionView(
  [membership('org-a', 'Harbour Peer Network', 'ORG_ADMIN'), membership('org-h', 'Hillside Recovery College', 'TRAINER')],
  { displayName: 'Ria Chen', email: 'ria@example.test' },
);

async function mount(routes: Record<string, Handler>): Promise<{ el: MutInvitation; api: ReturnType<typeof fakeApi> }> {
  const api = fakeApi(routes);
  const el = document.createElement('mut-invitation');
  el.token = 'tok-123';
  document.body.append(el);
  await settle(el);
  return { el, api };
}

describe('<mut-invitation>', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
    window.history.replaceState({}, '', '/invitation/tok-123');
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('lets a new person choose a name and a password, then signs them in', async () => {
    const { el, api } = await mount({
      'GET /api/invitations/tok-123': json(view(false)),
      'POST /api/invitations/tok-123/accept': json(joined),
    });
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).toBe('Join Hillside Recovery College');
    expect(text(root.querySelector('.lede'))).toMatch(/as a trainer for Hillside Recovery College/);
    expect(root.querySelector('#display-name')).not.toBeNull();

    typeInto(root, '#display-name', ' Ria Chen ');
    typeInto(root, '#password', 'listening together');
    submitForm(root);
    await settle(el);

    expect(api.to('POST /api/invitations/tok-123/accept')[0].body).toEqual({
      displayName: 'Ria Chen',
      password: 'listening together',
    });
    expect(sessionStore.session?.account.displayName).toBe('Ria Chen');
    expect(localStorage.getItem(ORGANISATION_KEY)).toBe('org-h');
    expect(window.location.pathname).toBe('/organisation');
  });

  it('asks a new person for a long enough password before sending', async () => {
    const { el, api } = await mount({ 'GET /api/invitations/tok-123': json(view(false)) });
    typeInto(el.shadowRoot!, '#display-name', 'Ria');
    typeInto(el.shadowRoot!, '#password', 'short');
    submitForm(el.shadowRoot!);
    await settle(el);
    expect(api.to('POST /api/invitations/tok-123/accept')).toHaveLength(0);
    expect(text(el.shadowRoot!.querySelector('#password-error'))).toMatch(/at least 10 characters/);
  });

  it('asks someone who already has an account only for its password', async () => {
    const { el, api } = await mount({
      'GET /api/invitations/tok-123': json(view(true)),
      'POST /api/invitations/tok-123/accept': json(joined),
    });
    const root = el.shadowRoot!;
    expect(root.querySelector('#display-name')).toBeNull();
    expect(root.querySelector('#password')!.getAttribute('autocomplete')).toBe('current-password');

    typeInto(root, '#password', 'my old password');
    submitForm(root);
    await settle(el);

    expect(api.to('POST /api/invitations/tok-123/accept')[0].body).toEqual({ password: 'my old password' });
    expect(window.location.pathname).toBe('/organisation');
  });

  it("says so beside the field when an existing account's password is wrong", async () => {
    const { el } = await mount({
      'GET /api/invitations/tok-123': json(view(true)),
      'POST /api/invitations/tok-123/accept': problem(401, 'sign-in-failed', 'Wrong password.'),
    });
    typeInto(el.shadowRoot!, '#password', 'not it at all');
    submitForm(el.shadowRoot!);
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('#password-error'))).toMatch(/isn't the password for ria@example.test/);
    expect(el.shadowRoot!.querySelector('#password')!.getAttribute('aria-invalid')).toBe('true');
    expect(window.location.pathname).toBe('/invitation/tok-123');
  });

  it('kindly asks for a new invitation when this one has expired', async () => {
    const { el } = await mount({
      'GET /api/invitations/tok-123': problem(410, 'invitation-expired', 'This invitation expired.'),
    });
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe('This invitation has run out');
    expect(text(el.shadowRoot!)).toMatch(/ask the person who invited you to send a new one/);
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
  });

  it('explains a link that was already used or is not right', async () => {
    const { el } = await mount({ 'GET /api/invitations/tok-123': problem(404, 'not-found', 'No such invitation.') });
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe("This link doesn't open an invitation");
    expect(text(el.shadowRoot!)).toMatch(/already have been used/);
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
  });
});
