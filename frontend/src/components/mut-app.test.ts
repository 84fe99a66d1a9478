import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import './mut-app';
import type { MutApp } from './mut-app';

async function mount(path: string): Promise<MutApp> {
  window.history.replaceState({}, '', path);
  const app = document.createElement('mut-app');
  document.body.append(app);
  await app.updateComplete;
  return app;
}

describe('<mut-app>', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('[]', { status: 200, headers: { 'Content-Type': 'application/json' } })),
    );
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('offers a way in for each of the three audiences', async () => {
    const app = await mount('/');
    const links = [...app.shadowRoot!.querySelectorAll('nav a')].map((a) => a.textContent?.trim());
    expect(links).toEqual(['Organise trainings', 'Facilitate', 'Join with a code']);
    expect(app.shadowRoot!.querySelector('mut-home')).not.toBeNull();
  });

  it('marks the current place in the navigation', async () => {
    const app = await mount('/join');
    const current = app.shadowRoot!.querySelector('nav a[aria-current="page"]');
    expect(current?.textContent?.trim()).toBe('Join with a code');
    expect(app.shadowRoot!.querySelector('mut-join')).not.toBeNull();
  });

  it('moves between pages without reloading when a link is clicked', async () => {
    const app = await mount('/');
    const link = app.shadowRoot!.querySelector<HTMLAnchorElement>('nav a[href="/facilitator"]')!;
    link.click();
    await app.updateComplete;
    expect(window.location.pathname).toBe('/facilitator');
    expect(app.shadowRoot!.querySelector('mut-facilitator')).not.toBeNull();
  });

  it('says so, in words, for a page that does not exist', async () => {
    const app = await mount('/nowhere');
    expect(app.shadowRoot!.querySelector('main')!.textContent).toContain('There is no page at');
  });
});
