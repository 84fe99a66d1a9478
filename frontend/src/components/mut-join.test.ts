import { afterEach, describe, expect, it, vi } from 'vitest';
import './mut-join';
import type { MutJoin } from './mut-join';

async function mount(): Promise<MutJoin> {
  const el = document.createElement('mut-join');
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
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

describe('<mut-join>', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
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
});
