import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Member } from './types';
import { formatInstantDate } from '../shared/format';
import { sessionStore } from './session';
import {
  fakeApi,
  json,
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
import { confirmStep } from '../test/page';
import './mut-members';
import type { MutMembers } from './mut-members';

const ORG = '/api/organisations/org-a';

const me: Member = {
  accountId: 'acc-me',
  displayName: 'Sam Rivera',
  email: 'sam@example.test',
  role: 'ORG_ADMIN',
  since: '2026-01-05T09:00:00Z',
};
const jo: Member = {
  accountId: 'acc-jo',
  displayName: 'Jo Okafor',
  email: 'jo@example.test',
  role: 'TRAINER',
  since: '2026-03-01T09:00:00Z',
};

function server(extra: Record<string, Handler> = {}) {
  return fakeApi({
    [`GET ${ORG}/members`]: json([me, jo]),
    [`GET ${ORG}/invitations`]: json([
      { id: 'inv-1', email: 'lee@example.test', role: 'TRAINER', invitedBy: 'Sam Rivera', expiresAt: '2026-12-01T12:00:00Z' },
    ]),
    [`GET ${ORG}/audit`]: json([
      { at: '2026-03-01T09:00:00Z', actorName: 'Jo Okafor', action: 'invitation.accepted', target: 'jo@example.test' },
      { at: '2026-03-02T10:00:00Z', actorName: 'Sam Rivera', action: 'member.invited', target: 'lee@example.test' },
      { at: '2026-02-01T08:00:00Z', actorName: 'Sam Rivera', action: 'cohort.moon-landed', target: 'Spring' },
    ]),
    [`GET ${ORG}/members/acc-me/qualifications`]: json([
      { kind: 'CORE', evidence: 'IPS-CORE-2291', source: 'entered', recordedAt: '2026-01-10T09:00:00Z' },
      {
        kind: 'TRAIN_THE_TRAINER',
        evidence: 'TtT cohort, Galway 2025',
        source: 'completed_here',
        recordedAt: '2026-02-10T09:00:00Z',
      },
    ]),
    [`GET ${ORG}/members/acc-jo/qualifications`]: json([]),
    ...extra,
  });
}

async function mount(role: 'ORG_ADMIN' | 'TRAINER' = 'ORG_ADMIN'): Promise<MutMembers> {
  sessionStore.signedIn(sessionView([membership('org-a', 'Harbour Peer Network', role)]));
  const el = document.createElement('mut-members');
  document.body.append(el);
  await settle(el);
  return el;
}

const row = (el: MutMembers, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[data-member="${id}"]`)!;

function chooseRole(el: MutMembers, id: string, role: string) {
  const select = el.shadowRoot!.querySelector<HTMLSelectElement>(`#role-${id}`)!;
  select.value = role;
  select.dispatchEvent(new Event('change'));
}

describe('<mut-members>', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('lists the members with their roles, marking the person themself', async () => {
    server();
    const el = await mount();
    const names = [...el.shadowRoot!.querySelectorAll('[data-member] strong')].map(text);
    expect(names).toEqual(['Sam Rivera (you)', 'Jo Okafor']);
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#role-acc-jo')!.value).toBe('TRAINER');
    expect(text(el.shadowRoot!.querySelector('label[for="role-acc-jo"]'))).toBe('Role for Jo Okafor');
    expect(text(el.shadowRoot!.querySelector('[data-invitation="inv-1"]'))).toContain('lee@example.test');
  });

  it('changes a role with a PUT and says so', async () => {
    const api = server({ [`PUT ${ORG}/members/acc-jo`]: json({ ...jo, role: 'ORG_ADMIN' }) });
    const el = await mount();
    chooseRole(el, 'acc-jo', 'ORG_ADMIN');
    await settle(el);

    const [put] = api.to(`PUT ${ORG}/members/acc-jo`);
    expect(put.body).toEqual({ role: 'ORG_ADMIN' });
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).toBe('Jo Okafor is now an organisation admin.');
    expect(el.shadowRoot!.querySelector<HTMLSelectElement>('#role-acc-jo')!.value).toBe('ORG_ADMIN');
    expect(api.to(`GET ${ORG}/audit`).length).toBeGreaterThan(1);
  });

  it('shows a conflict beside the person and keeps their role as it was', async () => {
    server({
      [`PUT ${ORG}/members/acc-me`]: problem(409, 'conflict', 'Harbour Peer Network needs at least one admin.'),
    });
    const el = await mount();
    chooseRole(el, 'acc-me', 'TRAINER');
    await settle(el);

    const notice = row(el, 'acc-me').querySelector('[role="alert"]');
    expect(text(notice)).toBe('Harbour Peer Network needs at least one admin.');
    const select = el.shadowRoot!.querySelector<HTMLSelectElement>('#role-acc-me')!;
    expect(select.value).toBe('ORG_ADMIN');
    expect(select.getAttribute('aria-describedby')).toBe('member-notice-acc-me');
  });

  it('asks before removing someone, and removes only on the second click', async () => {
    const api = server({ [`DELETE ${ORG}/members/acc-jo`]: noContent });
    const el = await mount();
    row(el, 'acc-jo').querySelector<HTMLButtonElement>('#remove-acc-jo')!.click();
    await settle(el);

    expect(api.to(`DELETE ${ORG}/members/acc-jo`)).toHaveLength(0);
    expect(text(row(el, 'acc-jo').querySelector('mut-confirm'))).toMatch(/Remove Jo Okafor from Harbour Peer Network\?/);
    expect(confirmStep(row(el, 'acc-jo'))!.keepFocused).toBe(true);

    confirmStep(row(el, 'acc-jo'))!.confirm.click();
    await settle(el);

    expect(api.to(`DELETE ${ORG}/members/acc-jo`)).toHaveLength(1);
    expect(el.shadowRoot!.querySelector('[data-member="acc-jo"]')).toBeNull();
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).toBe('Jo Okafor is no longer a member.');
  });

  it('can step back from removing someone', async () => {
    const api = server();
    const el = await mount();
    row(el, 'acc-jo').querySelector<HTMLButtonElement>('#remove-acc-jo')!.click();
    await settle(el);
    confirmStep(row(el, 'acc-jo'))!.keep.click();
    await settle(el);
    expect(row(el, 'acc-jo').querySelector('mut-confirm')).toBeNull();
    expect(api.calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
    expect(el.shadowRoot!.activeElement?.id).toBe('remove-acc-jo');
  });

  it('shows why the last admin cannot be removed', async () => {
    server({ [`DELETE ${ORG}/members/acc-me`]: problem(409, 'conflict', 'An organisation needs an admin.') });
    const el = await mount();
    row(el, 'acc-me').querySelector<HTMLButtonElement>('#remove-acc-me')!.click();
    await settle(el);
    confirmStep(row(el, 'acc-me'))!.confirm.click();
    await settle(el);
    expect(text(row(el, 'acc-me').querySelector('[role="alert"]'))).toBe('An organisation needs an admin.');
    expect(row(el, 'acc-me')).not.toBeNull();
  });

  it('lists the cohorts a trainer is still booked on, and removes them from those too only when asked', async () => {
    const booked = problem(409, 'conflict', 'Still booked on 1 cohort that has not finished.', {
      errors: [{ field: 'bookings[0]', message: 'Core, spring group (from 2027-03-15)' }],
    });
    const api = server({
      [`DELETE ${ORG}/members/acc-jo`]: booked,
      [`DELETE ${ORG}/members/acc-jo?bookings=unbook`]: () => ({ status: 204 }),
    });
    const el = await mount();
    row(el, 'acc-jo').querySelector<HTMLButtonElement>('#remove-acc-jo')!.click();
    await settle(el);
    confirmStep(row(el, 'acc-jo'))!.confirm.click();
    await settle(el);
    const stillBooked = row(el, 'acc-jo').querySelector('[data-test="still-booked"]')!;
    expect(text(stillBooked.querySelector('li'))).toBe('Core, spring group (from 2027-03-15)');
    expect(api.to(`DELETE ${ORG}/members/acc-jo?bookings=unbook`)).toHaveLength(0);

    expect(confirmStep(row(el, 'acc-jo'))!.confirm.hasAttribute('data-remove-and-unbook')).toBe(true);
    confirmStep(row(el, 'acc-jo'))!.confirm.click();
    await settle(el);
    expect(api.to(`DELETE ${ORG}/members/acc-jo?bookings=unbook`)).toHaveLength(1);
    expect(el.shadowRoot!.querySelector('[data-member="acc-jo"]')).toBeNull();
  });

  it('invites someone by email and role, and lists the invitation', async () => {
    const api = server({
      [`POST ${ORG}/invitations`]: (call) =>
        json(
          {
            id: 'inv-2',
            email: call.body.email,
            role: call.body.role,
            invitedBy: 'Sam Rivera',
            expiresAt: '2026-12-08T12:00:00Z',
          },
          201,
        ),
    });
    const el = await mount();
    typeInto(el.shadowRoot!, '#invite-email', ' ria@example.test ');
    const role = el.shadowRoot!.querySelector<HTMLSelectElement>('#invite-role')!;
    role.value = 'ORG_ADMIN';
    role.dispatchEvent(new Event('change'));
    submitForm(el.shadowRoot!, 'form.invite');
    await settle(el);

    expect(api.to(`POST ${ORG}/invitations`)[0].body).toEqual({ email: 'ria@example.test', role: 'ORG_ADMIN' });
    expect(text(el.shadowRoot!.querySelector('[data-invitation="inv-2"]'))).toContain('Organisation admin');
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('#invite-email')!.value).toBe('');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).toMatch(/on its way to ria@example.test/);
  });

  it('lists an invitation sent before the list of invitations had come', async () => {
    let release: () => void = () => {};
    const first = new Promise<void>((resolve) => (release = resolve));
    let reads = 0;
    const api = server({
      // the first read is slow and answers without the new invitation; later reads have it
      [`GET ${ORG}/invitations`]: async () => {
        reads++;
        if (reads === 1) {
          await first;
          return json([]);
        }
        return json([
          { id: 'inv-2', email: 'ria@example.test', role: 'TRAINER', invitedBy: 'Sam Rivera', expiresAt: '2026-12-08T12:00:00Z' },
        ]);
      },
      [`POST ${ORG}/invitations`]: (call) =>
        json(
          {
            id: 'inv-2',
            email: call.body.email,
            role: call.body.role,
            invitedBy: 'Sam Rivera',
            expiresAt: '2026-12-08T12:00:00Z',
          },
          201,
        ),
    });
    const el = await mount();
    typeInto(el.shadowRoot!, '#invite-email', 'ria@example.test');
    submitForm(el.shadowRoot!, 'form.invite');
    await settle(el);
    release();
    await settle(el, 3);

    expect(api.to(`POST ${ORG}/invitations`)).toHaveLength(1);
    expect(text(el.shadowRoot!.querySelector('[data-invitation="inv-2"]'))).toContain('ria@example.test');
  });

  it('says when the email could not be sent and gives the link to pass on', async () => {
    server({
      [`POST ${ORG}/invitations`]: (call) =>
        json(
          {
            id: 'inv-3',
            email: call.body.email,
            role: call.body.role,
            invitedBy: 'Sam Rivera',
            expiresAt: '2026-12-08T12:00:00Z',
            emailSent: false,
            link: 'https://mutuality.example/invitation/abc123',
          },
          201,
        ),
    });
    const el = await mount();
    typeInto(el.shadowRoot!, '#invite-email', 'tam@example.test');
    submitForm(el.shadowRoot!, 'form.invite');
    await settle(el);

    const unsent = el.shadowRoot!.querySelector('[data-test="invite-unsent"]')!;
    expect(unsent.getAttribute('role')).toBe('alert');
    expect(text(unsent)).toMatch(/invitation for tam@example.test is made, but we could not send the email/);
    expect(el.shadowRoot!.querySelector<HTMLInputElement>('[data-test="invite-link"]')!.value).toBe(
      'https://mutuality.example/invitation/abc123',
    );
    expect(text(el.shadowRoot!.querySelector('[data-invitation="inv-3"]'))).toContain('tam@example.test');
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).not.toMatch(/on its way/);
  });

  it('shows a clash with an existing member or invitation inside the form', async () => {
    server({ [`POST ${ORG}/invitations`]: problem(409, 'conflict', 'jo@example.test is already a member.') });
    const el = await mount();
    typeInto(el.shadowRoot!, '#invite-email', 'jo@example.test');
    submitForm(el.shadowRoot!, 'form.invite');
    await settle(el);
    const alert = el.shadowRoot!.querySelector('form.invite [role="alert"]');
    expect(text(alert)).toBe('jo@example.test is already a member.');
  });

  it('checks the invitation email before sending', async () => {
    const api = server();
    const el = await mount();
    typeInto(el.shadowRoot!, '#invite-email', 'not an email');
    submitForm(el.shadowRoot!, 'form.invite');
    await settle(el);
    expect(api.to(`POST ${ORG}/invitations`)).toHaveLength(0);
    expect(el.shadowRoot!.querySelector('#invite-email')!.getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot!.querySelector('#invite-email')!.getAttribute('aria-describedby')).toBe(
      'invite-email-hint invite-email-error',
    );
  });

  it('withdraws a pending invitation', async () => {
    const api = server({ [`DELETE ${ORG}/invitations/inv-1`]: noContent });
    const el = await mount();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-invitation="inv-1"] button')!.click();
    await settle(el);
    expect(api.to(`DELETE ${ORG}/invitations/inv-1`)).toHaveLength(1);
    expect(el.shadowRoot!.querySelector('[data-invitation="inv-1"]')).toBeNull();
    expect(text(el.shadowRoot!.querySelector('#invitations-heading')!.parentElement)).toContain('No invitations are waiting');
  });

  it('lists the activity newest first, in words, with unknown codes as they came', async () => {
    server();
    const el = await mount();
    const lines = [...el.shadowRoot!.querySelectorAll('ol.activity li p')].map(text);
    expect(lines).toEqual([
      'Sam Rivera invited lee@example.test',
      'Jo Okafor accepted the invitation sent to jo@example.test',
      'Sam Rivera: cohort.moon-landed (Spring)',
    ]);
    expect(el.shadowRoot!.querySelector('ol.activity time')!.getAttribute('datetime')).toBe('2026-03-02T10:00:00Z');
  });

  it('shows each member’s qualifications in words, with the evidence', async () => {
    server();
    const el = await mount();
    const items = [...row(el, 'acc-me').querySelectorAll('[data-test="qualification"]')].map(text);
    expect(items).toEqual([
      `Completed Core · evidence: IPS-CORE-2291 · recorded ${formatInstantDate('2026-01-10T09:00:00Z')}`,
      `Completed Train-the-Trainer (leads Core) · evidence: TtT cohort, Galway 2025 · completed here, ${formatInstantDate('2026-02-10T09:00:00Z')}`,
    ]);
    expect(row(el, 'acc-me').querySelector('[data-test="record-qualification"]')).toBeNull();
    expect(text(row(el, 'acc-jo').querySelector('[data-test="qualifications"]'))).toContain('No qualifications recorded yet.');
  });

  it('records a qualification with its kind and evidence', async () => {
    const api = server({
      [`POST ${ORG}/members/acc-jo/qualifications`]: (call) =>
        json({ ...call.body, source: 'entered', recordedAt: '2026-04-01T09:00:00Z' }, 201),
    });
    const el = await mount();
    const jo = row(el, 'acc-jo');
    jo.querySelector<HTMLButtonElement>('[data-test="record-qualification"]')!.click();
    await settle(el);
    const kind = jo.querySelector<HTMLSelectElement>('[data-test="qualification-kind"]')!;
    expect(el.shadowRoot!.activeElement).toBe(kind);
    expect([...kind.options].map((o) => text(o))).toEqual(['Completed Core', 'Completed Train-the-Trainer (leads Core)']);
    kind.value = 'TRAIN_THE_TRAINER';
    kind.dispatchEvent(new Event('change'));
    typeInto(jo, '[data-test="qualification-evidence"]', '  TTT-0042  ');
    jo.querySelector<HTMLButtonElement>('[data-test="qualification-submit"]')!.click();
    await settle(el);

    expect(api.to(`POST ${ORG}/members/acc-jo/qualifications`)[0].body).toEqual({
      kind: 'TRAIN_THE_TRAINER',
      evidence: 'TTT-0042',
    });
    expect([...row(el, 'acc-jo').querySelectorAll('[data-test="qualification"]')].map(text)).toEqual([
      `Completed Train-the-Trainer (leads Core) · evidence: TTT-0042 · recorded ${formatInstantDate('2026-04-01T09:00:00Z')}`,
    ]);
    expect(row(el, 'acc-jo').querySelector('[data-test="qualification-form"]')).toBeNull();
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).toBe(
      'Recorded for Jo Okafor: Completed Train-the-Trainer (leads Core).',
    );
    // only Core is left to record
    row(el, 'acc-jo').querySelector<HTMLButtonElement>('[data-test="record-qualification"]')!.click();
    await settle(el);
    const left = row(el, 'acc-jo').querySelector<HTMLSelectElement>('[data-test="qualification-kind"]')!;
    expect([...left.options].map((o) => o.value)).toEqual(['CORE']);
  });

  it('asks for the evidence before recording, and shows a qualification already recorded', async () => {
    const api = server({
      [`POST ${ORG}/members/acc-jo/qualifications`]: problem(409, 'conflict', 'That qualification is already recorded.'),
    });
    const el = await mount();
    const jo = row(el, 'acc-jo');
    jo.querySelector<HTMLButtonElement>('[data-test="record-qualification"]')!.click();
    await settle(el);
    submitForm(jo, '[data-test="qualification-form"]');
    await settle(el);
    expect(api.to(`POST ${ORG}/members/acc-jo/qualifications`)).toHaveLength(0);
    const evidence = jo.querySelector('[data-test="qualification-evidence"]')!;
    expect(evidence.getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot!.activeElement).toBe(evidence);

    typeInto(jo, '[data-test="qualification-evidence"]', 'IPS-CORE-7');
    submitForm(jo, '[data-test="qualification-form"]');
    await settle(el);
    expect(api.to(`POST ${ORG}/members/acc-jo/qualifications`)[0].body).toEqual({ kind: 'CORE', evidence: 'IPS-CORE-7' });
    expect(text(jo.querySelector('[data-test="qualifications"] [role="alert"]'))).toBe('That qualification is already recorded.');
  });

  it('explains to a trainer that members are managed by admins, without asking the server', async () => {
    const api = server();
    const el = await mount('TRAINER');
    expect(text(el.shadowRoot!.querySelector('p'))).toMatch(/for the organisation's admins/);
    expect(api.calls).toHaveLength(0);
  });
});
