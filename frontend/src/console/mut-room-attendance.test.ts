import { beforeEach, describe, expect, it } from 'vitest';
import type { AttendanceRow } from './types';
import { fakeApi, json, noContent, problem, setCookie, settle, text, typeInto, type Handler } from '../test/fake-api';
import { cleanPageAroundEachTest, tick } from '../test/page';
import './mut-room-attendance';

const URL_BASE = '/api/organisations/org-a/cohorts/c1/days/1/attendance';
const LIST = `GET ${URL_BASE}`;
const CORRECT_ANA = `PUT ${URL_BASE}/p-ana`;

const ana: AttendanceRow = {
  participantId: 'p-ana',
  name: 'Ana',
  firstJoined: '2027-01-04T09:31:00Z',
  lastLeft: '2027-01-04T12:02:00Z',
  minutesPresent: 151,
  present: true,
  corrected: false,
  note: null,
};
const ben: AttendanceRow = {
  participantId: 'p-ben',
  name: 'Ben',
  firstJoined: null,
  lastLeft: null,
  minutesPresent: 0,
  present: false,
  corrected: false,
  note: null,
};

async function mount(routes: Record<string, Handler>) {
  const api = fakeApi(routes);
  const el = document.createElement('mut-room-attendance');
  el.organisationId = 'org-a';
  el.cohortId = 'c1';
  el.day = 1;
  document.body.append(el);
  await settle(el);
  return { el, api, root: el.shadowRoot! };
}

const cells = (root: ParentNode, id: string) =>
  [...root.querySelectorAll(`tr[data-participant="${id}"] > *`)].map((c) => text(c));

describe('<mut-room-attendance>', () => {
  cleanPageAroundEachTest();
  beforeEach(() => setCookie('mutuality_csrf=csrf-cookie; path=/'));

  it('shows a table of who came and for how long', async () => {
    const { root } = await mount({ [LIST]: json([ana, ben]) });
    expect([...root.querySelectorAll('thead th')].map((th) => text(th))).toEqual([
      'Name',
      'First joined',
      'Last left',
      'Minutes',
      'Present',
      'Note',
      'Correct',
    ]);
    const a = cells(root, 'p-ana');
    expect(a[0]).toBe('Ana');
    expect(a[1]).toMatch(/^\d\d:\d\d$/);
    expect(a[3]).toBe('151');
    expect(a[4]).toBe('Yes');
    expect(cells(root, 'p-ben').slice(3, 5)).toEqual(['0', 'No']);
    expect(text(root)).not.toMatch(/patient|client|score/i);
  });

  it('shows the day the console moved to, even when the day it left answers after it', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { el, root } = await mount({
      [LIST]: async () => {
        await slow;
        return json([ana]);
      },
      'GET /api/organisations/org-a/cohorts/c1/days/2/attendance': json([ben]),
    });
    el.day = 2;
    await settle(el);
    release();
    await settle(el, 3);
    expect(cells(root, 'p-ben')[0]).toBe('Ben');
    expect(root.querySelector('tr[data-participant="p-ana"]')).toBeNull();
  });

  it('reloads as soon as the day ends, and says who left at the end of the day', async () => {
    let answer: AttendanceRow[] = [{ ...ana, lastLeft: null }];
    const { el, api, root } = await mount({ [LIST]: () => json(answer) });
    el.ended = false;
    await settle(el);
    expect(cells(root, 'p-ana')[2]).toBe('Still here');
    answer = [{ ...ana, leftAtEnd: true }];
    el.ended = true;
    await settle(el);
    expect(api.to(LIST)).toHaveLength(2);
    expect(cells(root, 'p-ana')[2]).toMatch(/^\d\d:\d\d left at the end of the day$/);
  });

  it("follows the room's events without asking the server at every one", async () => {
    // held back: three events in a row within the wait ask nothing more
    const held = await mount({ [LIST]: json([ana]) });
    held.el.liveRefreshMs = 60_000;
    for (const seq of [5, 6, 7]) {
      held.el.seq = seq;
      await settle(held.el);
    }
    expect(held.api.to(LIST)).toHaveLength(1);
    held.el.remove();

    // once the wait is over, the next event reloads
    const free = await mount({ [LIST]: json([ana, ben]) });
    free.el.liveRefreshMs = 0;
    free.el.seq = 5;
    await settle(free.el);
    expect(free.api.to(LIST)).toHaveLength(2);
    expect(free.root.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('refreshes on request', async () => {
    let answer = [ana];
    const { el, api, root } = await mount({ [LIST]: () => json(answer) });
    expect(root.querySelectorAll('tbody tr')).toHaveLength(1);
    answer = [ana, ben];
    root.querySelector<HTMLButtonElement>('[data-refresh]')!.click();
    await settle(el);
    expect(api.to(LIST)).toHaveLength(2);
    expect(root.querySelectorAll('tbody tr')).toHaveLength(2);
  });

  it('says so when the attendance cannot be loaded', async () => {
    const { root } = await mount({ [LIST]: problem(403, 'forbidden', 'Only staff can see attendance.') });
    expect(text(root.querySelector('[role="alert"], .notice'))).toContain('Only staff can see attendance.');
  });

  it('corrects one record with present, minutes and a note, then reloads', async () => {
    let answer = [ana, ben];
    const { el, api, root } = await mount({
      [LIST]: () => json(answer),
      [CORRECT_ANA]: () => {
        answer = [{ ...ana, present: true, minutesPresent: 200, corrected: true, note: 'Joined by phone' }, ben];
        return noContent;
      },
    });
    const correct = root.querySelector<HTMLButtonElement>('[data-correct="p-ana"]')!;
    correct.click();
    await settle(el);
    expect(correct.getAttribute('aria-expanded')).toBe('true');
    const minutes = root.querySelector<HTMLInputElement>('#correct-minutes')!;
    expect(minutes.value).toBe('151');
    expect(root.activeElement).toBe(minutes);
    typeInto(root, '#correct-minutes', '200');
    typeInto(root, '#correct-note', '  Joined by phone ');
    root.querySelector('form.correct')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);

    const [call] = api.to(CORRECT_ANA);
    expect(call.body).toEqual({ present: true, minutes: 200, note: 'Joined by phone' });
    expect(call.headers['X-CSRF-Token']).toBe('csrf-cookie');
    expect(root.querySelector('form.correct')).toBeNull();
    expect(api.to(LIST)).toHaveLength(2);
    expect(cells(root, 'p-ana')[3]).toBe('200');
    expect(cells(root, 'p-ana')[4]).toBe('Yes corrected');
    expect(cells(root, 'p-ana')[5]).toBe('Joined by phone');
    expect(text(root.querySelector('[role="status"]'))).toBe("Ana's attendance is corrected.");
  });

  it('can mark someone as not present', async () => {
    const { el, api, root } = await mount({ [LIST]: json([ana]), [CORRECT_ANA]: noContent });
    root.querySelector<HTMLButtonElement>('[data-correct="p-ana"]')!.click();
    await settle(el);
    tick(root.querySelector('input[name="present"][value="no"]'));
    typeInto(root, '#correct-minutes', '0');
    root.querySelector('form.correct')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);
    expect(api.to(CORRECT_ANA)[0].body).toEqual({ present: false, minutes: 0, note: '' });
  });

  it('shows the server’s messages next to the fields', async () => {
    const { el, root } = await mount({
      [LIST]: json([ana]),
      [CORRECT_ANA]: problem(400, 'invalid-request', 'Some fields need attention.', {
        errors: [
          { field: 'minutes', message: 'Minutes cannot be more than the day.' },
          { field: 'note', message: 'Keep the note to 200 characters.' },
        ],
      }),
    });
    root.querySelector<HTMLButtonElement>('[data-correct="p-ana"]')!.click();
    await settle(el);
    typeInto(root, '#correct-minutes', '900');
    root.querySelector('form.correct')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);
    expect(text(root.querySelector('#correct-minutes-error'))).toBe('Minutes cannot be more than the day.');
    expect(text(root.querySelector('#correct-note-error'))).toBe('Keep the note to 200 characters.');
    const minutes = root.querySelector<HTMLInputElement>('#correct-minutes')!;
    expect(minutes.getAttribute('aria-invalid')).toBe('true');
    expect(minutes.getAttribute('aria-describedby')).toBe('correct-minutes-error');
    expect(root.querySelector('#correct-note')!.getAttribute('aria-describedby')).toBe('correct-note-hint correct-note-error');
    expect(root.activeElement).toBe(minutes);
    expect(root.querySelector('form.correct')).not.toBeNull();
  });

  it('asks for a whole number of minutes before sending', async () => {
    const { el, api, root } = await mount({ [LIST]: json([ana]), [CORRECT_ANA]: noContent });
    root.querySelector<HTMLButtonElement>('[data-correct="p-ana"]')!.click();
    await settle(el);
    typeInto(root, '#correct-minutes', '');
    root.querySelector('form.correct')!.dispatchEvent(new Event('submit', { cancelable: true }));
    await settle(el);
    expect(api.to(CORRECT_ANA)).toHaveLength(0);
    expect(text(root.querySelector('#correct-minutes-error'))).toMatch(/whole number of minutes/);
  });

  it('cancels and puts focus back on the row’s button', async () => {
    const { el, root } = await mount({ [LIST]: json([ana]) });
    root.querySelector<HTMLButtonElement>('[data-correct="p-ana"]')!.click();
    await settle(el);
    root.querySelector<HTMLButtonElement>('[data-cancel]')!.click();
    await settle(el);
    expect(root.querySelector('form.correct')).toBeNull();
    expect(root.activeElement).toBe(root.querySelector('[data-correct="p-ana"]'));
  });
});
