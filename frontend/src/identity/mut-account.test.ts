import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from './session';
import {
  fakeApi,
  membership,
  noContent,
  problem,
  sessionView,
  settle,
  submitForm,
  text,
  typeInto,
  type Handler,
} from '../test/fake-api';
import './mut-account';
import type { MutAccount } from './mut-account';

async function mount(routes: Record<string, Handler>) {
  const api = fakeApi(routes);
  sessionStore.signedIn(sessionView([membership('org-a', 'Harbour Peer Network', 'TRAINER')]));
  const el = document.createElement('mut-account');
  document.body.append(el);
  await settle(el);
  return { el, api, root: el.shadowRoot! };
}

async function change(el: MutAccount, current: string, next: string) {
  typeInto(el.shadowRoot!, '#current-password', current);
  typeInto(el.shadowRoot!, '#new-password', next);
  submitForm(el.shadowRoot!);
  await settle(el);
}

describe('<mut-account>', () => {
  beforeEach(() => sessionStore.reset());

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('shows who is signed in and where they belong', async () => {
    const { root } = await mount({});
    expect(text(root.querySelector('.lede'))).toBe('Sam Rivera · sam@example.test');
    expect(text(root.querySelector('li'))).toBe('Harbour Peer Network: Trainer');
  });

  it('changes the password and says so', async () => {
    const { el, api, root } = await mount({ 'PUT /api/session/password': noContent });
    await change(el, 'the old one', 'a brand new passphrase');
    expect(api.to('PUT /api/session/password')[0].body).toEqual({
      currentPassword: 'the old one',
      newPassword: 'a brand new passphrase',
    });
    expect(text(root.querySelector('[role="status"]'))).toBe('Your password has been changed.');
    expect(root.querySelector<HTMLInputElement>('#new-password')!.value).toBe('');
  });

  it('marks the current password when it is wrong', async () => {
    const { el, root } = await mount({
      'PUT /api/session/password': problem(422, 'rule-violation', 'The current password is not right.', {
        errors: [{ field: 'currentPassword', message: 'does not match' }],
      }),
    });
    await change(el, 'a wrong one', 'a brand new passphrase');
    const input = root.querySelector('#current-password')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('current-password-error');
    expect(text(root.querySelector('#current-password-error'))).toMatch(/isn't your current password/);
    expect(root.activeElement?.id).toBe('current-password');
  });

  it("shows the server's words about the new password", async () => {
    const { el, root } = await mount({
      'PUT /api/session/password': problem(400, 'validation', '1 field needs attention.', {
        errors: [{ field: 'newPassword', message: 'must be at least 10 characters' }],
      }),
    });
    await change(el, 'the old one', 'ten chars!!');
    expect(text(root.querySelector('#new-password-error'))).toBe('must be at least 10 characters');
  });

  it('asks for a longer new password before sending', async () => {
    const { el, api, root } = await mount({});
    await change(el, 'the old one', 'short');
    expect(api.calls).toHaveLength(0);
    expect(text(root.querySelector('#new-password-error'))).toMatch(/at least 10 characters/);
    expect(root.querySelector('#new-password')!.getAttribute('aria-describedby')).toBe('new-password-hint new-password-error');
  });
});
