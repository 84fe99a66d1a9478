import { afterEach, describe, expect, it } from 'vitest';
import { html, render } from 'lit';
import { settle, text } from '../test/fake-api';
import { PAGE, matchingCards, type PickerCard, type PickerFacet } from './mut-card-picker';
import './mut-card-picker';
import type { MutCardPicker } from './mut-card-picker';
import { scenarioCards, SCENARIO_FACETS } from './mut-roleplay-launch';
import { reframeCards } from './mut-reframe-console';
import { scenarios } from '../test/curriculum-fixtures';

const FACETS: PickerFacet[] = [
  { key: 'setting', label: 'Setting', any: 'Any setting', words: (v) => `the ${v}` },
  { key: 'theme', label: 'Theme', any: 'Any theme', words: (v) => v.replace(/-/g, ' ') },
];

const card = (id: string, title: string, setting: string, themes: string[], text = ''): PickerCard => ({
  id,
  title,
  detail: setting,
  facets: { setting: [setting], theme: themes },
  text,
  preview: () => html`<p class="full">${text}</p>`,
});

const CARDS: PickerCard[] = [
  card('a', 'Awake at three', 'respite', ['big-feelings'], 'She cannot sleep and walks the hall.'),
  card('b', 'The review meeting', 'workplace', ['power', 'limit'], 'A manager asks for a word.'),
  card('c', 'Café after group', 'community', ['limit'], 'A friend asks for money.'),
];

describe('matchingCards', () => {
  it('needs every word of the search, in any field, accents and case aside', () => {
    expect(matchingCards(CARDS, FACETS, '', {}).map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(matchingCards(CARDS, FACETS, 'cafe', {}).map((c) => c.id)).toEqual(['c']);
    expect(matchingCards(CARDS, FACETS, 'ASKS money', {}).map((c) => c.id)).toEqual(['c']);
    expect(matchingCards(CARDS, FACETS, 'asks', {}).map((c) => c.id)).toEqual(['b', 'c']);
    // a facet's words are searched too
    expect(matchingCards(CARDS, FACETS, 'big feelings', {}).map((c) => c.id)).toEqual(['a']);
    expect(matchingCards(CARDS, FACETS, 'nothing like this', {})).toEqual([]);
  });

  it('keeps only the cards with each chosen filter', () => {
    expect(matchingCards(CARDS, FACETS, '', { theme: 'limit' }).map((c) => c.id)).toEqual(['b', 'c']);
    expect(matchingCards(CARDS, FACETS, '', { theme: 'limit', setting: 'workplace' }).map((c) => c.id)).toEqual(['b']);
    expect(matchingCards(CARDS, FACETS, 'friend', { theme: 'power' })).toEqual([]);
    expect(matchingCards(CARDS, FACETS, '', { theme: '' }).map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('the banks as cards', () => {
  it('a scenario is found by its setting, task, theme and text, and previews every role', () => {
    const cards = scenarioCards(scenarios);
    const first = cards[0];
    expect(first.facets.setting).toEqual([scenarios[0].setting]);
    expect(first.facets.task).toEqual(scenarios[0].tasks);
    expect(first.text).toContain(scenarios[0].shared);
    expect(SCENARIO_FACETS.map((f) => f.key)).toEqual(['setting', 'task', 'theme', 'intensity']);
    const holder = document.createElement('div');
    render(first.preview(), holder);
    expect([...holder.querySelectorAll('h4')].map((h) => text(h))).toEqual([
      'The person sharing',
      'The peer supporter',
      'The observer',
    ]);
    expect(text(holder)).toContain(scenarios[0].roles['person-sharing']);
  });

  it('a statement is filtered by its pattern and previews its example rewrites', () => {
    const [c] = reframeCards([
      { id: 'r1', statement: 'She is attention-seeking', pattern: 'motive-guessing', rewrites: ['What happened just before?'] },
    ]);
    expect(c.facets).toEqual({ pattern: ['motive-guessing'] });
    expect(c.detail).toBe('Motive guessing · has example rewrites');
    expect(matchingCards([c], [], 'just before', {})).toHaveLength(1);
  });
});

describe('<mut-card-picker>', () => {
  afterEach(() => document.body.replaceChildren());

  async function mount(cards = CARDS, chosen: string[] = [], max = 0) {
    const el = document.createElement('mut-card-picker') as MutCardPicker;
    el.cards = cards;
    el.facets = FACETS;
    el.chosen = chosen;
    el.max = max;
    el.noun = 'scenario';
    el.nouns = 'scenarios';
    el.test = 'pick';
    const changes: string[][] = [];
    el.addEventListener('chosen-change', (e) => changes.push((e as CustomEvent<string[]>).detail));
    document.body.append(el);
    await settle(el);
    return { el, changes };
  }

  const boxes = (el: Element) => [...el.querySelectorAll<HTMLInputElement>('[data-test="pick"]')];

  it('shows what is chosen and no list of cards until the search is opened, then puts the cursor in it', async () => {
    const { el } = await mount(CARDS, ['b']);
    expect(boxes(el)).toHaveLength(0);
    expect(text(el.querySelector('[data-test="pick-chosen"]'))).toContain('The review meeting');
    const find = el.querySelector<HTMLButtonElement>('[data-test="pick-find"]')!;
    expect(find.getAttribute('aria-expanded')).toBe('false');
    find.click();
    await settle(el, 2);
    expect(find.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(el.querySelector('[data-test="pick-search"]'));
    expect(boxes(el).map((b) => [b.value, b.checked])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
    expect(text(el.querySelector('[data-test="pick-count"]'))).toBe('3 scenarios match.');
  });

  it('narrows by search and by filter, and says when nothing matches', async () => {
    const { el } = await mount();
    await el.openPicker();
    const search = el.querySelector<HTMLInputElement>('[data-test="pick-search"]')!;
    search.value = 'asks';
    search.dispatchEvent(new InputEvent('input'));
    await settle(el, 2);
    expect(boxes(el).map((b) => b.value)).toEqual(['b', 'c']);
    const theme = el.querySelector<HTMLSelectElement>('[data-facet="theme"]')!;
    expect([...theme.options].map((o) => o.text)).toEqual(['Any theme', 'big feelings', 'limit', 'power']);
    theme.value = 'power';
    theme.dispatchEvent(new Event('change'));
    await settle(el, 2);
    expect(boxes(el).map((b) => b.value)).toEqual(['b']);
    expect(text(el.querySelector('[data-test="pick-count"]'))).toBe('1 scenario matches.');
    search.value = 'money';
    search.dispatchEvent(new InputEvent('input'));
    await settle(el, 2);
    expect(boxes(el)).toHaveLength(0);
    expect(text(el.querySelector('[data-test="pick-count"]'))).toBe('No scenarios match.');
  });

  it('starts from the filters it is given (a module’s theme)', async () => {
    const el = document.createElement('mut-card-picker') as MutCardPicker;
    el.cards = CARDS;
    el.facets = FACETS;
    el.preset = { theme: 'limit' };
    el.test = 'pick';
    document.body.append(el);
    await settle(el);
    await el.openPicker();
    expect(boxes(el).map((b) => b.value)).toEqual(['b', 'c']);
    expect(el.querySelector<HTMLSelectElement>('[data-facet="theme"]')!.value).toBe('limit');
  });

  it(`shows the first ${PAGE} matches, then more on request`, async () => {
    const many = Array.from({ length: PAGE + 3 }, (_, i) => card(`s${i}`, `Scenario ${i}`, 'respite', []));
    const { el } = await mount(many);
    await el.openPicker();
    expect(boxes(el)).toHaveLength(PAGE);
    expect(text(el.querySelector('[data-test="pick-count"]'))).toBe(`${PAGE + 3} scenarios match; the first ${PAGE} are shown.`);
    const more = el.querySelector<HTMLButtonElement>('[data-test="pick-more"]')!;
    expect(text(more)).toBe('Show 3 more');
    more.click();
    await settle(el, 2);
    expect(boxes(el)).toHaveLength(PAGE + 3);
    expect(el.querySelector('[data-test="pick-more"]')).toBeNull();
  });

  it('previews a card in full, and a second press closes the preview', async () => {
    const { el } = await mount();
    await el.openPicker();
    const preview = el.querySelector<HTMLButtonElement>('[data-preview="c"]')!;
    preview.click();
    await settle(el, 2);
    const region = el.querySelector('[data-test="pick-preview"]')!;
    expect(region.getAttribute('aria-label')).toBe('Preview: Café after group');
    expect(text(region.querySelector('.full'))).toBe('A friend asks for money.');
    expect(preview.getAttribute('aria-pressed')).toBe('true');
    preview.click();
    await settle(el, 2);
    expect(el.querySelector('[data-test="pick-preview"]')).toBeNull();
  });

  it('chooses and takes off cards, and holds to its limit', async () => {
    const { el, changes } = await mount(CARDS, [], 2);
    await el.openPicker();
    boxes(el)[0].click();
    boxes(el)[2].click();
    await settle(el, 2);
    expect(changes).toEqual([['a'], ['a', 'c']]);
    expect(boxes(el)[1].disabled).toBe(true); // two is the limit
    el.querySelector<HTMLButtonElement>('[data-unchoose="a"]')!.click();
    await settle(el, 2);
    expect(changes[2]).toEqual(['c']);
    expect(boxes(el)[1].disabled).toBe(false);
  });
});
