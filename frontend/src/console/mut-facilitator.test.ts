import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../identity/session';
import { fakeApi, json, membership, sessionView, settle, text } from '../test/fake-api';
import './mut-facilitator';
import type { MutFacilitator } from './mut-facilitator';

async function mount(): Promise<{ el: MutFacilitator; calendar: ShadowRoot }> {
  sessionStore.signedIn(sessionView([membership('org-a', 'Harbour Peer Network', 'TRAINER')]));
  const el = document.createElement('mut-facilitator');
  document.body.append(el);
  await settle(el);
  return { el, calendar: el.shadowRoot!.querySelector('mut-calendar-link')!.shadowRoot! };
}

const $ = (root: ParentNode, test: string) => root.querySelector<HTMLElement>(`[data-test="${test}"]`);

describe('<mut-facilitator> calendar', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('gives the trainer their own training days as a calendar link, with a webcal link', async () => {
    const api = fakeApi({
      'GET /api/organisations': json([]),
      'GET /api/curricula/courses': json([]),
      'GET /api/organisations/org-a/practice-rooms': json([]),
      'GET /api/calendars/mine': json({ url: 'https://mutuality.example/api/calendars/trainers/tok-9.ics' }),
    });
    const { el, calendar } = await mount();
    expect(text(calendar.querySelector('h2'))).toBe('Your training days in your calendar');
    expect(text(calendar.querySelector('.hint'))).toBe(
      'Calendar apps check this link and keep the days you are booked to train up to date by themselves. Keep it private: anyone who has it can see them.',
    );

    $(calendar, 'calendar-show')!.click();
    await settle(el);
    expect(api.to('GET /api/calendars/mine')).toHaveLength(1);
    expect(($(calendar, 'calendar-url') as HTMLInputElement).value).toBe(
      'https://mutuality.example/api/calendars/trainers/tok-9.ics',
    );
    expect($(calendar, 'calendar-webcal')!.getAttribute('href')).toBe(
      'webcal://mutuality.example/api/calendars/trainers/tok-9.ics',
    );
    expect(calendar.activeElement).toBe($(calendar, 'calendar-url'));
  });

  it('falls back to selecting the link when the clipboard is out of reach', async () => {
    fakeApi({
      'GET /api/organisations': json([]),
      'GET /api/curricula/courses': json([]),
      'GET /api/organisations/org-a/practice-rooms': json([]),
      'GET /api/calendars/mine': json({ url: 'https://mutuality.example/api/calendars/trainers/tok-9.ics' }),
    });
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined });
    const { el, calendar } = await mount();
    $(calendar, 'calendar-show')!.click();
    await settle(el);
    $(calendar, 'calendar-copy')!.click();
    await settle(el);
    expect(text(calendar)).toContain('The link is selected: copy it with Ctrl+C');
  });
});
