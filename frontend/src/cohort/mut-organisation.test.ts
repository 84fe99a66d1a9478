import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Cohort } from './types';
import type { Course } from '../curricula/types';
import type { CohortsView } from '../shared/router';
import { fakeApi, json, membership, sessionView, settle, text } from '../test/fake-api';
import { allByTest as $$, byTest as $, cleanPageAroundEachTest, signInAs } from '../test/page';
import { coreCourse, staffCohort } from '../test/registration-fixtures';
import '../test/all-pages';
import '../shared/mut-app';
import type { MutApp } from '../shared/mut-app';
import './mut-organisation';
import type { MutOrganisation } from './mut-organisation';

const COHORTS = 'GET /api/organisations/org-a/cohorts';

const introduction: Course = { ...coreCourse, id: 'introduction', title: 'Introduction to IPS', lengthDays: 1 };

const day = (dayNumber: number, date: string, startsAt = '09:30:00') => ({
  dayNumber,
  date,
  startsAt,
  endsAt: '16:30:00',
});

/** Four days with gaps between them, the last in February. */
const winter = staffCohort({
  id: 'c-winter',
  title: 'Core, winter group',
  status: 'OPEN',
  days: [day(1, '2027-01-12'), day(2, '2027-01-19'), day(3, '2027-01-29'), day(4, '2027-02-02')],
});
const cancelled = staffCohort({
  id: 'c-cancelled',
  courseId: 'introduction',
  title: 'Introduction, Galway',
  status: 'CANCELLED',
  days: [day(1, '2027-01-19', '13:00:00')],
});
const past = staffCohort({
  id: 'c-past',
  title: 'Core, autumn group',
  status: 'COMPLETED',
  days: [day(1, '2026-11-03'), day(2, '2026-11-04')],
});
const draft = staffCohort({ id: 'c-draft', title: 'Core, summer draft', status: 'DRAFT', days: [] });
const spring = staffCohort({
  id: 'c-spring',
  title: 'Core, spring group',
  status: 'FULL',
  days: [day(1, '2027-03-15'), day(2, '2027-03-16')],
});

/** Out of order, as a server might send them. */
const cohorts: Cohort[] = [draft, spring, past, cancelled, winter];

function server() {
  return fakeApi({
    'GET /api/curricula/courses': json([coreCourse, introduction]),
    [COHORTS]: json(cohorts),
  });
}

async function mount(view?: CohortsView, month?: string): Promise<MutOrganisation> {
  signInAs('ORG_ADMIN');
  const el = document.createElement('mut-organisation');
  if (view) el.view = view;
  if (month) el.month = month;
  document.body.append(el);
  await settle(el);
  return el;
}

const dayCell = (el: MutOrganisation, date: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[data-test="month-day"][data-date="${date}"]`);
/** The entries on one date: which cohort, and what they say. */
const entriesOn = (el: MutOrganisation, date: string) =>
  $$(dayCell(el, date)!, 'month-entry').map((a) => [a.dataset.cohort, text(a.querySelector('.what'))]);
const here = () => window.location.pathname + window.location.search;

async function click(el: MutOrganisation, test: string) {
  $(el, test)!.click();
  await settle(el);
}

describe('<mut-organisation> cohorts as a list or a month', () => {
  cleanPageAroundEachTest();

  beforeEach(() => {
    // only the clock is pretended: "today" is Wednesday 20 January 2027, where the person is
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2027, 0, 20, 10, 0));
    window.history.replaceState({}, '', '/organisation');
  });

  afterEach(() => {
    vi.useRealTimers();
    window.history.replaceState({}, '', '/');
  });

  it('lists the cohorts still to come first, soonest first, with past ones folded away after', async () => {
    server();
    const el = await mount();
    expect($(el, 'view-list')!.getAttribute('aria-pressed')).toBe('true');
    expect($(el, 'view-month')!.getAttribute('aria-pressed')).toBe('false');
    expect($(el, 'month-grid')).toBeNull();
    const upcoming = $(el, 'cohort-list')!;
    // still running (its last day is to come), then the next to start, then one with no dates yet
    expect($$(upcoming, 'cohort-link').map(text)).toEqual(['Core, winter group', 'Core, spring group', 'Core, summer draft']);
    expect($$(upcoming, 'cohort-link')[0].getAttribute('href')).toBe('/organisation/cohorts/c-winter');
    const folded = $(el, 'past-cohorts') as HTMLDetailsElement;
    expect(folded.tagName).toBe('DETAILS');
    expect(folded.open).toBe(false);
    expect(text(folded.querySelector('summary'))).toBe('Past cohorts (2)');
    // the most recent first
    expect($$(folded, 'cohort-link').map(text)).toEqual(['Introduction, Galway', 'Core, autumn group']);
    const cancelledCard = folded.querySelector('[data-cohort="c-cancelled"]')!;
    expect(text(cancelledCard.querySelector('.status'))).toBe('Cancelled');
  });

  it('puts each training day on its own date in a month grid, Monday first, days apart and across the month’s end', async () => {
    server();
    const el = await mount('month', '2027-01');
    const grid = $(el, 'month-grid')!;
    expect(grid.tagName).toBe('TABLE');
    expect(text($(el, 'month-caption'))).toBe('January 2027');
    expect($(el, 'month-caption')!.tagName).toBe('CAPTION');

    const headers = [...grid.querySelectorAll('thead th')];
    expect(headers.map((th) => th.getAttribute('scope'))).toEqual(Array(7).fill('col'));
    expect(headers.map((th) => th.querySelector('abbr')!.textContent)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    expect(headers.map((th) => th.querySelector('abbr')!.getAttribute('title'))).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
      'Saturday',
      'Sunday',
    ]);
    expect(text(headers[0].querySelector('.visually-hidden'))).toBe('Monday');

    // 1 January 2027 is a Friday: four empty cells before it, five weeks in all
    const weeks = [...grid.querySelectorAll('tbody tr')];
    expect(weeks).toHaveLength(5);
    const firstWeek = [...weeks[0].querySelectorAll('td')];
    expect(firstWeek.slice(0, 4).every((td) => td.classList.contains('outside') && !td.dataset.date)).toBe(true);
    expect(firstWeek[4].dataset.date).toBe('2027-01-01');
    expect($$(el, 'month-day')).toHaveLength(31);

    expect(entriesOn(el, '2027-01-12')).toEqual([['c-winter', 'IPS Core Training · day 1']]);
    expect(entriesOn(el, '2027-01-13')).toEqual([]);
    // two cohorts on one date, the earlier start first
    expect(entriesOn(el, '2027-01-19')).toEqual([
      ['c-winter', 'IPS Core Training · day 2'],
      ['c-cancelled', 'Introduction to IPS · day 1'],
    ]);
    expect(entriesOn(el, '2027-01-29')).toEqual([['c-winter', 'IPS Core Training · day 3']]);
    // day 4 is in February, so not in January's grid
    expect(dayCell(el, '2027-02-02')).toBeNull();
    expect($$(el, 'month-entry')).toHaveLength(4);

    const entry = $$(dayCell(el, '2027-01-12')!, 'month-entry')[0];
    expect(entry.tagName).toBe('A');
    expect(entry.getAttribute('href')).toBe('/organisation/cohorts/c-winter');
    expect(text(entry)).toContain('Core, winter group');
  });

  it('labels every date cell with the full date, and marks today', async () => {
    server();
    const el = await mount('month', '2027-01');
    expect(text(dayCell(el, '2027-01-29')!.querySelector('.full-date'))).toMatch(/^Friday,? 29 January 2027$/);
    expect(dayCell(el, '2027-01-29')!.querySelector('time')!.getAttribute('datetime')).toBe('2027-01-29');
    const today = dayCell(el, '2027-01-20')!;
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(text(today.querySelector('.full-date'))).toMatch(/^Wednesday,? 20 January 2027, today$/);
    expect(dayCell(el, '2027-01-21')!.hasAttribute('aria-current')).toBe(false);
  });

  it('marks a cancelled cohort’s days, and says each status quietly', async () => {
    server();
    const el = await mount('month', '2027-01');
    const [open, gone] = $$(dayCell(el, '2027-01-19')!, 'month-entry');
    expect(gone.dataset.status).toBe('CANCELLED');
    expect(text(gone.querySelector('.tag'))).toBe('cancelled');
    expect(text(gone)).toMatch(/Introduction, Galway.*cancelled$/);
    expect(open.dataset.status).toBe('OPEN');
    expect(open.querySelector('.tag')).toBeNull();
    // said to screen readers, not shown
    expect(text(open)).toContain('09:30 to 16:30, open for registration');
  });

  it('moves a month back and forward, changing the caption and the address, and comes back to this month', async () => {
    server();
    const el = await mount('month', '2027-01');

    await click(el, 'month-next');
    expect(text($(el, 'month-caption'))).toBe('February 2027');
    expect(here()).toBe('/organisation?view=month&month=2027-02');
    expect(entriesOn(el, '2027-02-02')).toEqual([['c-winter', 'IPS Core Training · day 4']]);
    expect(text($(el, 'month-said'))).toBe('Showing February 2027: 1 training day.');

    await click(el, 'month-prev');
    await click(el, 'month-prev');
    expect(text($(el, 'month-caption'))).toBe('December 2026');
    expect(here()).toBe('/organisation?view=month&month=2026-12');
    expect(text($(el, 'month-empty'))).toBe('No training days in December 2026.');

    await click(el, 'month-today');
    expect(text($(el, 'month-caption'))).toBe('January 2027');
    expect(here()).toBe('/organisation?view=month&month=2027-01');
  });

  it('names the months the buttons move to, for screen readers', async () => {
    server();
    const el = await mount('month', '2027-01');
    expect(text($(el, 'month-prev'))).toBe('‹ Previous month, December 2026');
    expect(text($(el, 'month-next'))).toBe('Next month, February 2027 ›');
    expect(text($(el, 'month-today'))).toBe('This month');
  });

  it('switches between the list and this month, keeping the choice in the address', async () => {
    server();
    const el = await mount();
    await click(el, 'view-month');
    expect($(el, 'view-month')!.getAttribute('aria-pressed')).toBe('true');
    expect(text($(el, 'month-caption'))).toBe('January 2027');
    expect($(el, 'cohort-list')).toBeNull();
    expect(here()).toBe('/organisation?view=month&month=2027-01');

    await click(el, 'view-list');
    expect($(el, 'month-grid')).toBeNull();
    expect($$(el, 'cohort-link')).toHaveLength(5);
    expect(here()).toBe('/organisation');
  });

  it('opens in the view and month the address asks for, so a reload or a shared link keeps them', async () => {
    fakeApi({
      'GET /api/session': json(sessionView([membership('org-a', 'Harbour Peer Network', 'ORG_ADMIN')])),
      'GET /api/organisations': json([]),
      'GET /api/curricula/courses': json([coreCourse, introduction]),
      [COHORTS]: json(cohorts),
    });
    window.history.replaceState({}, '', '/organisation?view=month&month=2027-03');
    const app = document.createElement('mut-app') as MutApp;
    document.body.append(app);
    await settle(app);
    const page = app.shadowRoot!.querySelector('mut-organisation')!;
    await settle(page);
    expect(text($(page, 'month-caption'))).toBe('March 2027');
    expect(entriesOn(page, '2027-03-16').map(([id]) => id)).toEqual(['c-spring']);
    expect(text($$(dayCell(page, '2027-03-16')!, 'month-entry')[0].querySelector('.tag'))).toBe('full');
  });
});
