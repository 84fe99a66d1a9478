import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../identity/session';
import { fakeApi, json, membership, sessionView, settle, text } from '../test/fake-api';
import { confirmStep } from '../test/page';
import type { Cohort } from '../cohort/types';
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

describe('<mut-facilitator> day rooms and practice rooms', () => {
  beforeEach(() => {
    sessionStore.reset();
    localStorage.clear();
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  const cohort: Cohort = {
    id: 'c1',
    organisationId: 'org-a',
    courseId: 'core',
    title: 'Core, spring group',
    timeZone: 'Europe/Dublin',
    capacity: 12,
    status: 'RUNNING',
    days: [
      { dayNumber: 1, date: '2999-01-04', startsAt: '09:30:00', endsAt: '16:30:00' },
      { dayNumber: 2, date: '2999-01-05', startsAt: '09:30:00', endsAt: '16:30:00' },
      { dayNumber: 3, date: '2999-01-06', startsAt: '09:30:00', endsAt: '16:30:00' },
    ],
    trainers: [],
  };

  it('says where each day’s room stands: live with who is here, ended, or not opened yet', async () => {
    fakeApi({
      'GET /api/organisations': json([{ id: 'org-a', slug: 'a', name: 'Harbour', timeZone: 'Europe/Dublin' }]),
      'GET /api/curricula/courses': json([]),
      'GET /api/organisations/org-a/cohorts': json([cohort]),
      'GET /api/organisations/org-a/practice-rooms': json([]),
      'GET /api/organisations/org-a/day-rooms': json([
        { cohortId: 'c1', dayNumber: 1, code: 'KMR7TX', status: 'live', here: 7, closesAt: '2999-01-04T16:30:00Z' },
        { cohortId: 'c1', dayNumber: 2, code: 'PQR3ST', status: 'ended', here: 0, closesAt: '2999-01-05T16:30:00Z' },
      ]),
    });
    const { el } = await mount();
    const statuses = [...el.shadowRoot!.querySelectorAll('[data-test="day-room-status"]')].map((p) => text(p));
    expect(statuses).toEqual(['Live · 7 here', 'Day ended', 'Room not opened yet']);
  });

  it('closes a practice room after a confirm step, and lists the rooms again', async () => {
    const api = fakeApi({
      'GET /api/organisations': json([]),
      'GET /api/curricula/courses': json([]),
      'GET /api/organisations/org-a/practice-rooms': json([
        {
          code: 'AB2CD3',
          cohortId: null,
          cohortTitle: 'Pairs practice',
          dayNumber: null,
          closesAt: '2999-01-04T16:30:00Z',
          joinPath: '/join/AB2CD3',
        },
      ]),
      'DELETE /api/organisations/org-a/practice-rooms/AB2CD3': json(undefined, 204),
    });
    const { el } = await mount();
    $(el.shadowRoot!, 'close-practice')!.click();
    await settle(el);
    const step = confirmStep(el.shadowRoot)!;
    expect(step.keepFocused).toBe(true);
    expect(text(step.confirm)).toBe('Close Pairs practice');
    step.confirm.click();
    await settle(el);
    expect(api.to('DELETE /api/organisations/org-a/practice-rooms/AB2CD3')).toHaveLength(1);
    expect(api.to('GET /api/organisations/org-a/practice-rooms')).toHaveLength(2);
    expect(confirmStep(el.shadowRoot)).toBeNull();
  });
});
