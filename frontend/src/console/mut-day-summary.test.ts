import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DaySummary } from './types';
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

/** The same day, from a server that also reports the rewrites and the role-plays. */
const withActivities: DaySummary = {
  ...summary,
  reframing: [
    {
      at: '2027-01-04T10:55:00Z',
      mode: 'solo',
      statements: [
        {
          statement: 'She is non-compliant.',
          rewrites: [
            { text: 'She stopped taking the tablets after they made her sleep all day.', name: 'Ana', highlighted: true },
            { text: 'What did the tablets do to her days?', highlighted: false },
          ],
          examples: ['She has concerns about the medication.', 'What is it like for her to take it?'],
        },
        { statement: 'He is attention-seeking.', rewrites: [] },
      ],
    },
    {
      at: '2027-01-04T11:05:00Z',
      mode: 'pairs',
      statements: [
        {
          statement: null,
          rewrites: [{ text: 'He rang four times the night his brother left.', name: 'Ben', highlighted: false }],
        },
      ],
    },
  ],
  roleplays: [
    {
      title: 'A first conversation',
      at: '2027-01-04T11:10:00Z',
      rounds: 3,
      shared: [
        { group: 'Group 1', text: 'Silence felt long, and it helped.' },
        { group: 'Group 2', text: 'We asked before we offered.' },
      ],
    },
    { title: 'Closing a conversation', at: '2027-01-04T11:40:00Z', rounds: 1, shared: [] },
  ],
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

  it('counts who came and who is here from the room as people arrive, without reloading', async () => {
    const { el, api, root } = await mount({ [SUMMARY]: json({ ...summary, participants: 0 }) });
    expect(text(root.querySelector('[data-test="summary-people"]'))).toBe(
      'Core training, January 2027, day 1 · 0 participants came',
    );
    el.seen = 3;
    el.here = 2;
    await settle(el);
    expect(text(root.querySelector('[data-test="summary-people"]'))).toBe(
      'Core training, January 2027, day 1 · 3 participants came · 2 here now',
    );
    expect(api.to(SUMMARY)).toHaveLength(1);
    // the server's count stands when it knows of more (people who left before this console opened)
    const other = await mount({ [SUMMARY]: json(summary) });
    other.el.seen = 2;
    other.el.here = 2;
    other.el.ended = true;
    await settle(other.el);
    expect(text(other.root.querySelector('[data-test="summary-people"]'))).toBe(
      'Core training, January 2027, day 1 · 9 participants came',
    );
  });

  it('says plainly that it holds only what the whole room saw', async () => {
    const { root } = await mount({ [SUMMARY]: json(summary) });
    expect(text(root.querySelector('.only-shared'))).toMatch(/contains only what the whole room saw/);
  });

  it('shows the agenda with minutes spent, each check-in with its prompt, count and shared answers, and the notes', async () => {
    const { root } = await mount({ [SUMMARY]: json(summary) });
    expect(text(root.querySelector('.meta'))).toBe('Core training, January 2027, day 1 · 9 participants came');
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

  it('shows each statement with the rewrites shared with the room, names only when given, quietly marks what was discussed, and the bank examples', async () => {
    const { root } = await mount({ [SUMMARY]: json(withActivities) });
    const section = root.querySelector('section.summary-reframing')!;
    expect(text(section.querySelector('h3'))).toBe('What happened? rewrites');
    const exercises = [...section.querySelectorAll('li.summary-reframe')];
    expect(exercises).toHaveLength(2);
    expect(exercises.map((x) => x.getAttribute('data-mode'))).toEqual(['solo', 'pairs']);

    const statements = [...exercises[0].querySelectorAll('li.summary-statement')];
    expect(statements.map((st) => text(st.querySelector('.statement .label')))).toEqual(["What's wrong", "What's wrong"]);
    expect(statements.map((st) => text(st.querySelector('.statement .said')))).toEqual([
      '“She is non-compliant.”',
      '“He is attention-seeking.”',
    ]);
    const rewrites = [...statements[0].querySelectorAll('ul.rewrites > li')];
    expect(rewrites).toHaveLength(2);
    // named, and discussed with the room
    expect(text(rewrites[0].querySelector('.text'))).toBe('She stopped taking the tablets after they made her sleep all day.');
    expect(text(rewrites[0].querySelector('.who'))).toBe('— Ana');
    expect(rewrites[0].classList.contains('highlighted')).toBe(true);
    expect(text(rewrites[0].querySelector('.discussed'))).toBe('discussed');
    // shared without a name: no name anywhere, and not marked
    expect(text(rewrites[1].querySelector('.who'))).toBe('— shared without a name');
    expect(text(rewrites[1])).not.toMatch(/Ana|Ben/);
    expect(rewrites[1].querySelector('.discussed')).toBeNull();
    expect(rewrites[1].classList.contains('highlighted')).toBe(false);
    // the bank's examples, under their own heading
    expect(text(statements[0].querySelector('.examples h4'))).toBe('Examples from the bank');
    expect([...statements[0].querySelectorAll('.examples li')].map((li) => text(li))).toEqual([
      'She has concerns about the medication.',
      'What is it like for her to take it?',
    ]);
    // nothing shared and no examples: the statement alone, no empty lists
    expect(statements[1].querySelector('ul.rewrites')).toBeNull();
    expect(statements[1].querySelector('.examples')).toBeNull();

    // statements people held in pairs stayed in the pair: only their rewrites appear
    const held = exercises[1].querySelector('li.summary-statement')!;
    expect(text(held.querySelector('.statement'))).toBe('Statements people held in pairs');
    expect(held.querySelector('.statement .label')).toBeNull();
    expect([...held.querySelectorAll('ul.rewrites > li')].map((li) => text(li))).toEqual([
      'He rang four times the night his brother left. — Ben',
    ]);
    expect(held.querySelector('.examples')).toBeNull();

    // no counts, no rankings
    expect(text(section)).not.toMatch(/\b(\d+ (rewrites?|votes?|likes?)|most|top|rank(ed|ing)?)\b/i);
    expect(section.querySelector('.count')).toBeNull();
  });

  it('shows what each role-play group shared with the room', async () => {
    const { root } = await mount({ [SUMMARY]: json(withActivities) });
    const section = root.querySelector('section.summary-roleplays')!;
    expect(text(section.querySelector('h3'))).toBe('From the role-plays');
    const roleplays = [...section.querySelectorAll('li.summary-roleplay')];
    expect(roleplays.map((r) => text(r.querySelector('.title')))).toEqual(['A first conversation', 'Closing a conversation']);
    expect(text(roleplays[0].querySelector('.meta'))).toMatch(/^\d\d:\d\d · 3 rounds$/);
    expect([...roleplays[0].querySelectorAll('ul.shared li')].map((li) => text(li))).toEqual([
      'Group 1: Silence felt long, and it helped.',
      'Group 2: We asked before we offered.',
    ]);
    expect(text(roleplays[1].querySelector('.meta'))).toMatch(/^\d\d:\d\d · 1 round$/);
    expect(roleplays[1].querySelector('ul.shared')).toBeNull();
  });

  it('renders nothing for the rewrites and role-plays when there are none, or when an older server leaves them out', async () => {
    const { root } = await mount({ [SUMMARY]: json({ ...summary, reframing: [], roleplays: [] }) });
    expect(root.querySelector('section.summary-reframing')).toBeNull();
    expect(root.querySelector('section.summary-roleplays')).toBeNull();
    expect(text(root)).not.toMatch(/What happened\? rewrites|From the role-plays/);
    expect(text(root.querySelector('ul.notes'))).toContain('Back at 10:50.');

    document.body.innerHTML = '';
    const older = await mount({ [SUMMARY]: json(summary) });
    expect(older.root.querySelector('section.summary-reframing')).toBeNull();
    expect(older.root.querySelector('section.summary-roleplays')).toBeNull();
    expect(text(older.root.querySelector('ul.notes'))).toContain('Back at 10:50.');
  });

  it('renders what people shared as text, never as markup', async () => {
    const sneaky = '<img src=x onerror=alert(1)>';
    const { root } = await mount({
      [SUMMARY]: json({
        ...summary,
        reframing: [
          {
            at: '2027-01-04T10:55:00Z',
            mode: 'solo',
            statements: [
              { statement: sneaky, rewrites: [{ text: sneaky, name: sneaky, highlighted: false }], examples: [sneaky] },
            ],
          },
        ],
        roleplays: [{ title: sneaky, at: '2027-01-04T11:10:00Z', rounds: 2, shared: [{ group: 'Group 1', text: sneaky }] }],
      }),
    });
    expect(root.querySelector('img')).toBeNull();
    expect(text(root.querySelector('section.summary-reframing'))).toContain(sneaky);
    expect(text(root.querySelector('ul.shared'))).toBe(`Group 1: ${sneaky}`);
    // no inline style attributes (the CSP forbids them)
    expect(root.querySelector('section.summary-reframing [style], section.summary-roleplays [style]')).toBeNull();
  });

  it('downloads the summary as JSON', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:summary');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { el, root } = await mount({ [SUMMARY]: json(withActivities) });
    const download = root.querySelector<HTMLButtonElement>('[data-download]')!;
    expect(text(download)).toBe('Download the summary');
    download.click();
    await settle(el);
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('mutuality-day-1-summary.json');
    const blob = createObjectURL.mock.calls[0][0] as Blob;
    const saved = JSON.parse(await blob.text()) as DaySummary;
    expect(saved).toEqual(withActivities);
    // the rewrites and the role-plays travel with the rest of the day
    expect(saved.reframing?.[1].statements[0]).toEqual({
      statement: null,
      rewrites: [{ text: 'He rang four times the night his brother left.', name: 'Ben', highlighted: false }],
    });
    expect(saved.reframing?.[0].statements[0].rewrites[1]).not.toHaveProperty('name');
    expect(saved.roleplays?.[0].shared).toEqual(withActivities.roleplays?.[0].shared);
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
