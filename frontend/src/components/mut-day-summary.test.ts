import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DaySummary } from '../api/types';
import { fakeApi, json, problem, settle, text, type Handler } from '../test/fake-api';
import './mut-day-summary';

const SUMMARY = 'GET /api/organisations/org-a/cohorts/c1/days/1/room/summary';

const summary: DaySummary = {
  code: 'KMR7TX',
  cohortTitle: 'Core training, January 2027',
  dayNumber: 1,
  participants: 9,
  agenda: [
    { slot: 0, title: 'Connection and disconnection', startedAt: '2027-01-04T09:31:00Z', minutesSpent: 64 },
    { slot: 1, title: 'Morning tea', startedAt: '2027-01-04T10:35:00Z', minutesSpent: 15 },
    { slot: 2, title: 'What happened?', startedAt: '2027-01-04T10:50:00Z' },
  ],
  checkins: [
    {
      prompt: 'What is your weather right now?',
      closing: false,
      visibility: 'everyone',
      at: '2027-01-04T09:35:00Z',
      answers: 2,
      energy: { '4': 1, '5': 1 },
      sharedAnswers: [
        { name: 'Ana', word: 'sunny', energy: 4 },
        { name: 'Ben', sentence: 'A bit foggy, clearing.' },
      ],
    },
    {
      prompt: 'What do you take with you?',
      closing: true,
      visibility: 'anonymous',
      at: '2027-01-04T11:20:00Z',
      answers: 1,
      sharedAnswers: [{ word: 'curiosity' }],
    },
    {
      prompt: 'How are you arriving?',
      closing: false,
      visibility: 'facilitators',
      at: '2027-01-04T11:25:00Z',
      answers: 3,
      sharedAnswers: [],
    },
  ],
  notes: [{ text: 'Back at 10:50.', by: 'Sam Rivera', at: '2027-01-04T10:35:00Z' }],
};

async function mount(routes: Record<string, Handler>) {
  const api = fakeApi(routes);
  const el = document.createElement('mut-day-summary');
  el.organisationId = 'org-a';
  el.cohortId = 'c1';
  el.day = 1;
  document.body.append(el);
  await settle(el);
  return { el, api, root: el.shadowRoot! };
}

describe('<mut-day-summary>', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('says plainly that it holds only what the whole room saw', async () => {
    const { root } = await mount({ [SUMMARY]: json(summary) });
    expect(text(root.querySelector('.only-shared'))).toMatch(/contains only what the whole room saw/);
  });

  it('shows the agenda with minutes spent, each check-in with its prompt, count and shared answers, and the notes', async () => {
    const { root } = await mount({ [SUMMARY]: json(summary) });
    expect(text(root.querySelector('.meta'))).toBe('Core training, January 2027, day 1 · 9 participants');
    const slots = [...root.querySelectorAll('ol.ran li')].map((li) => text(li));
    expect(slots[0]).toMatch(/^Connection and disconnection · started \d\d:\d\d · 64 min spent$/);
    expect(slots[2]).not.toMatch(/min spent/);

    const checkins = [...root.querySelectorAll('li.summary-checkin')];
    expect(checkins).toHaveLength(3);
    expect(text(checkins[0].querySelector('.prompt'))).toBe('Check-in: “What is your weather right now?”');
    expect(text(checkins[0].querySelector('.count'))).toBe('2 answers');
    expect([...checkins[0].querySelectorAll('ul.answers li')].map((li) => text(li))).toEqual([
      'Ana sunny Energy: Good',
      'Ben A bit foggy, clearing.',
    ]);
    expect([...checkins[0].querySelectorAll('ul.energy-chart .count')].map((c) => text(c))).toEqual(['0', '0', '0', '1', '1']);
    // anonymous: no names
    expect(text(checkins[1].querySelector('.prompt'))).toBe('Check-out: “What do you take with you?”');
    expect(text(checkins[1].querySelector('.count'))).toBe('1 answer');
    expect(checkins[1].querySelector('.who')).toBeNull();
    // facilitators only: a count, no answers
    expect(text(checkins[2].querySelector('.count'))).toBe('3 answers');
    expect(checkins[2].querySelector('ul.answers')).toBeNull();
    expect(text(checkins[2])).toContain('No answers were shared with everyone.');

    expect(text(root.querySelector('ul.notes'))).toMatch(/^Back at 10:50\. — Sam Rivera, \d\d:\d\d$/);
    expect(text(root)).not.toMatch(/patient|client|score/i);
  });

  it('downloads the summary as JSON', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:summary');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { el, root } = await mount({ [SUMMARY]: json(summary) });
    const download = root.querySelector<HTMLButtonElement>('[data-download]')!;
    expect(text(download)).toBe('Download the summary');
    download.click();
    await settle(el);
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('mutuality-day-1-summary.json');
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    expect(JSON.parse(await blob.text())).toEqual(summary);
    expect(text(root.querySelector('[role="status"]'))).toBe('Saved as mutuality-day-1-summary.json.');
  });

  it('refreshes on request, and says when there is no summary', async () => {
    let reply = problem(404, 'not-found', 'This day has no room yet.');
    const { el, api, root } = await mount({ [SUMMARY]: () => reply });
    expect(text(root)).toContain('This day has no room yet.');
    expect(root.querySelector('[data-download]')).toBeNull();
    reply = json(summary);
    root.querySelector<HTMLButtonElement>('[data-refresh]')!.click();
    await settle(el);
    expect(api.to(SUMMARY)).toHaveLength(2);
    expect(root.querySelector('[data-download]')).not.toBeNull();
  });
});
