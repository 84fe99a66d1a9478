import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { introductionDetail } from '../test/curriculum-fixtures';
import { fakeApi, json, settle, text } from '../test/fake-api';
import './mut-day-agenda';
import './mut-day-handout';
import type { MutDayAgenda } from './mut-day-agenda';
import type { MutDayHandout } from './mut-day-handout';

async function mount<T extends 'mut-day-agenda' | 'mut-day-handout'>(tag: T, day: number) {
  const el = document.createElement(tag) as HTMLElementTagNameMap[T];
  el.courseId = 'introduction';
  el.day = day;
  document.body.append(el);
  await settle(el);
  return el;
}

describe('printable day pages', () => {
  let print: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fakeApi({ 'GET /api/curricula/courses/introduction': json(introductionDetail) });
    print = vi.fn();
    vi.stubGlobal('print', print);
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  describe('<mut-day-agenda>', () => {
    it('sets out the day as a table of times, titles, minutes and summaries', async () => {
      const el: MutDayAgenda = await mount('mut-day-agenda', 1);
      const root = el.shadowRoot!;
      expect(text(root.querySelector('h1'))).toBe('Day 1 of 2: Opening the door');
      expect(text(root.querySelector('.eyebrow'))).toBe('Introduction to Intentional Peer Support · version 2026.1');
      expect([...root.querySelectorAll('thead th')].map(text)).toEqual(['Time', 'What we do', 'Minutes']);
      const rows = [...root.querySelectorAll('tbody tr')];
      expect(rows.map((r) => text(r.querySelector('th[scope="row"]')))).toEqual([
        '09:30–11:00',
        '11:00–11:15',
        '11:15–12:00',
        '12:00–12:45',
      ]);
      expect(rows.map((r) => text(r.querySelector('strong')))).toEqual([
        'Arriving and connecting',
        'Morning tea',
        'What happened?',
        'Closing the morning',
      ]);
      expect(rows.map((r) => text(r.querySelector('td.minutes')))).toEqual([
        '90 minutes',
        '15 minutes',
        '45 minutes',
        '45 minutes',
      ]);
      expect(text(rows[2].querySelector('td p'))).toBe('How stories change when we ask what happened.');
      expect(rows[1].classList.contains('break')).toBe(true);
    });

    it('has a Print button that opens the browser’s print, and a way back to the day', async () => {
      const el = await mount('mut-day-agenda', 1);
      const bar = el.shadowRoot!.querySelector('.print-bar.no-print')!;
      expect(bar.querySelector('a')!.getAttribute('href')).toBe('/curricula/introduction/days/1');
      const button = bar.querySelector<HTMLButtonElement>('button')!;
      expect(text(button)).toBe('Print');
      button.click();
      expect(print).toHaveBeenCalledTimes(1);
    });

    it('says so for a day the course does not have', async () => {
      const el = await mount('mut-day-agenda', 5);
      expect(text(el.shadowRoot!.querySelector('[role="alert"]'))).toBe(
        'Introduction to Intentional Peer Support has 2 days, so there is no day 5 to show.',
      );
      expect(el.shadowRoot!.querySelector('table')).toBeNull();
    });
  });

  describe('<mut-day-handout>', () => {
    it('gives participants the day’s modules with their summaries, and the breaks in a line', async () => {
      const el: MutDayHandout = await mount('mut-day-handout', 1);
      const root = el.shadowRoot!;
      expect(text(root.querySelector('h1'))).toBe('Opening the door');
      const modules = [...root.querySelectorAll('ol.modules > li')];
      expect(modules.map((m) => text(m.querySelector('h2')))).toEqual([
        'Arriving and connecting',
        'What happened?',
        'Closing the morning',
      ]);
      expect(text(modules[0])).toContain('We meet each other and notice what connection feels like.');
      expect(text(modules[0].querySelector('.when'))).toBe('09:30–11:00');
      expect(text(root.querySelector('.breaks'))).toBe('We pause for morning tea at 11:00.');
    });

    it('leaves a space for the participant’s own notes, and invites rather than instructs', async () => {
      const el = await mount('mut-day-handout', 1);
      const root = el.shadowRoot!;
      const notes = root.querySelector('section.notes')!;
      expect(text(notes.querySelector('h2'))).toBe('Your notes');
      expect(notes.querySelectorAll('.lines span').length).toBeGreaterThanOrEqual(8);
      expect(text(root.querySelector('.welcome'))).toMatch(/you can pass on anything/);
      expect(text(root)).not.toMatch(/\b(must|patients?|symptoms?|disorder|compliance)\b/i);
    });

    it('prints with the browser’s own print', async () => {
      const el = await mount('mut-day-handout', 2);
      expect(text(el.shadowRoot!.querySelector('h1'))).toBe('Practising differently');
      el.shadowRoot!.querySelector<HTMLButtonElement>('.print-bar button')!.click();
      expect(print).toHaveBeenCalledTimes(1);
    });
  });
});
