import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JoinView } from './types';
import { PARTICIPANT_KEY } from './participation';
import { fakeApi, json, noContent, problem, settle, text, type Handler } from '../test/fake-api';
import { confirmStep } from '../test/page';
import './mut-join';
import type { MutJoin } from './mut-join';

async function mount(code = ''): Promise<MutJoin> {
  const el = document.createElement('mut-join');
  el.code = code;
  document.body.append(el);
  await el.updateComplete;
  return el;
}

function type(el: MutJoin, id: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input'));
}

async function submit(el: MutJoin) {
  el.shadowRoot!.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true }));
  await settle(el);
}

function joinView(over: Partial<JoinView> = {}): JoinView {
  return {
    participant: { id: 'p-1', displayName: 'Ana' },
    token: 'participant-token',
    expiresAt: new Date(Date.now() + 8 * 3600_000).toISOString(),
    deviceToken: 'device-1',
    recognised: false,
    room: {
      code: 'KMR7TX',
      cohortTitle: 'Core training, spring',
      dayNumber: 2,
      organisationName: 'Harbour Peer Network',
      closesAt: '2026-03-02T17:00:00Z',
    },
    ...over,
  };
}

async function joinAs(name: string, routes: Record<string, Handler> = {}) {
  const api = fakeApi({
    'POST /api/rooms/KMR7TX/participants': (call) =>
      json(joinView({ participant: { id: 'p-1', displayName: call.body.displayName } }), 201),
    ...routes,
  });
  const form = await mount();
  type(form, 'code', 'kmr 7tx');
  type(form, 'name', name);
  await submit(form);
  // joining goes straight into the room; the page on its own then shows their place and data
  const joined = window.location.pathname === '/room';
  document.body.innerHTML = '';
  window.history.replaceState(null, '', '/join');
  const el = joined ? await mount() : form;
  if (!joined) document.body.append(form);
  return { el, api, joined };
}

const stored = () => JSON.parse(localStorage.getItem(PARTICIPANT_KEY) ?? 'null');

describe('<mut-join>', () => {
  beforeEach(() => localStorage.clear());

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('explains a mistyped code and a missing name without calling the server', async () => {
    const fetchFn = vi.fn();
    vi.stubGlobal('fetch', fetchFn);
    const el = await mount();
    type(el, 'code', 'KMR0T');
    await submit(el);
    expect(el.shadowRoot!.querySelector('#code-error')!.textContent).toMatch(/never use "0"/);
    expect(el.shadowRoot!.querySelector('#name-error')!.textContent).toMatch(/what to call you/);
    expect(el.shadowRoot!.querySelector('#code')!.getAttribute('aria-invalid')).toBe('true');
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('tells the person kindly when no room is open with the code', async () => {
    const fetchFn = vi.fn(
      async () =>
        new Response(JSON.stringify({ type: 't', title: 'Not found', status: 404 }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    vi.stubGlobal('fetch', fetchFn);
    const el = await mount();
    type(el, 'code', 'kmr 7tx');
    type(el, 'name', '  Ana ');
    await submit(el);
    expect(fetchFn).toHaveBeenCalledWith('/api/rooms/KMR7TX/participants', expect.objectContaining({ method: 'POST' }));
    const sent = JSON.parse((fetchFn.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect(sent).toEqual({ displayName: 'Ana' });
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).toMatch(/No room is open with this code/);
  });

  it("goes straight into the room once joined, then shows the room, the day and the person's name, and keeps their place", async () => {
    const { el, joined } = await joinAs('Ana');
    expect(joined).toBe(true);
    const root = el.shadowRoot!;
    expect(text(root.querySelector('h1'))).toBe("You're in");
    expect(text(root.querySelector('#room-title'))).toBe('Core training, spring, day 2');
    expect(text(root.querySelector('.name'))).toBe("You're in the room as Ana.");
    expect(text(root.querySelector('.next'))).toMatch(/trainer starts the day's first activity, it will open in the room/);
    expect(root.querySelector<HTMLAnchorElement>('a.go')!.getAttribute('href')).toBe('/room');
    expect(text(root.querySelector('a.go'))).toBe('Go to the room');

    expect(stored()).toMatchObject({
      token: 'participant-token',
      deviceToken: 'device-1',
      participant: { id: 'p-1', displayName: 'Ana' },
      room: { code: 'KMR7TX', dayNumber: 2 },
    });
    expect(stored().expiresAt).toBeTruthy();
  });

  it('sends the email only when given', async () => {
    const api = fakeApi({ 'POST /api/rooms/KMR7TX/participants': json(joinView(), 201) });
    const el = await mount('KMR7TX');
    type(el, 'name', 'Ana');
    type(el, 'email', 'ana@example.test');
    await submit(el);
    expect(api.calls[0].body).toEqual({ displayName: 'Ana', email: 'ana@example.test' });
  });

  it('sends the device token from an earlier day so the same device is recognised', async () => {
    localStorage.setItem(
      PARTICIPANT_KEY,
      JSON.stringify({ ...joinView(), expiresAt: '2020-01-01T00:00:00Z', token: 'yesterday', deviceToken: 'device-1' }),
    );
    const api = fakeApi({
      'POST /api/rooms/KMR7TX/participants': json(joinView({ recognised: true, token: 'today' }), 201),
    });
    const el = await mount();
    // yesterday's token has run out, so the form shows
    expect(el.shadowRoot!.querySelector('form')).not.toBeNull();
    type(el, 'code', 'KMR7TX');
    type(el, 'name', 'Ana');
    await submit(el);

    expect(api.calls[0].body).toEqual({ displayName: 'Ana', deviceToken: 'device-1' });
    expect(window.location.pathname).toBe('/room');
    expect(stored().token).toBe('today');
    expect(stored().deviceToken).toBe('device-1');
  });

  it("keeps the person in the room when they come back: the room's link goes straight back in, the page shows their place", async () => {
    await joinAs('Ana');
    document.body.innerHTML = '';
    window.history.replaceState(null, '', '/join/KMR7TX');
    await mount('KMR7TX');
    await new Promise((resolve) => setTimeout(resolve));
    expect(window.location.pathname).toBe('/room');
    document.body.innerHTML = '';
    const page = await mount();
    expect(text(page.shadowRoot!.querySelector('h1'))).toBe("You're in");
    expect(page.shadowRoot!.querySelector('form')).toBeNull();
  });

  it('shows a name that looks like markup as plain text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    const { el } = await joinAs(name);
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.name strong')!.textContent).toBe(name);
    expect(root.querySelector('.name strong')!.children).toHaveLength(0);
  });

  it('shows field problems the server names beside the fields', async () => {
    fakeApi({
      'POST /api/rooms/KMR7TX/participants': problem(400, 'validation', '1 field needs attention.', {
        errors: [{ field: 'displayName', message: 'Keep it to 40 characters or fewer.' }],
      }),
    });
    const el = await mount('KMR7TX');
    type(el, 'name', 'Ana');
    await submit(el);
    expect(text(el.shadowRoot!.querySelector('#name-error'))).toBe('Keep it to 40 characters or fewer.');
    expect(el.shadowRoot!.querySelector('#name')!.getAttribute('aria-invalid')).toBe('true');
  });

  it('downloads what the person wrote, with their token, as a file', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:export');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { el, api } = await joinAs('Ana', {
      'GET /api/participant/export': json({ contributions: [{ text: 'I noticed I was listening to fix.' }] }),
    });

    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Download what I wrote')!.click();
    await settle(el);

    const [call] = api.to('GET /api/participant/export');
    expect(call.headers.Authorization).toBe('Bearer participant-token');
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('mutuality-my-contributions.json');
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    expect(JSON.parse(await blob.text())).toEqual({ contributions: [{ text: 'I noticed I was listening to fix.' }] });
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).toMatch(/mutuality-my-contributions.json/);
  });

  it('erases only after a confirmation, then forgets everything on this device', async () => {
    const { el, api } = await joinAs('Ana', { 'DELETE /api/participant': noContent });
    const root = el.shadowRoot!;
    root.querySelector<HTMLButtonElement>('#erase')!.click();
    await settle(el);

    expect(api.to('DELETE /api/participant')).toHaveLength(0);
    expect(text(root.querySelector('mut-confirm'))).toMatch(/can't be undone/);
    expect(confirmStep(root)!.keepFocused).toBe(true);
    expect(confirmStep(root)!.confirm.textContent!.trim()).toBe('Erase what I wrote');

    confirmStep(root)!.confirm.click();
    await settle(el);

    const [call] = api.to('DELETE /api/participant');
    expect(call.headers.Authorization).toBe('Bearer participant-token');
    expect(call.headers['X-CSRF-Token']).toBeUndefined();
    expect(localStorage.getItem(PARTICIPANT_KEY)).toBeNull();
    expect(text(root.querySelector('h1'))).toBe('Erased');
    expect(text(root)).not.toContain('Ana');
  });

  it('keeps everything when the person steps back from erasing', async () => {
    const { el, api } = await joinAs('Ana', { 'DELETE /api/participant': noContent });
    el.shadowRoot!.querySelector<HTMLButtonElement>('#erase')!.click();
    await settle(el);
    confirmStep(el.shadowRoot)!.keep.click();
    await settle(el);
    expect(api.to('DELETE /api/participant')).toHaveLength(0);
    expect(stored().token).toBe('participant-token');
    expect(el.shadowRoot!.activeElement?.id).toBe('erase');
  });

  it('explains when the place in the room has already ended', async () => {
    const { el } = await joinAs('Ana', {
      'GET /api/participant/export': problem(401, 'not-signed-in', 'Token no longer valid.'),
    });
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Download what I wrote')!.click();
    await settle(el);
    expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).toMatch(/place in the room has ended/);
  });
});
