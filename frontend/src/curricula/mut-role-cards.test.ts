import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../identity/session';
import { scenarios } from '../test/curriculum-fixtures';
import { fakeApi, json, problem, settle, text } from '../test/fake-api';
import './mut-role-cards';
import { scenariosFromQuery, type MutRoleCards } from './mut-role-cards';

async function mount(chosen: string[] = []): Promise<MutRoleCards> {
  const el = document.createElement('mut-role-cards');
  el.chosen = chosen;
  document.body.append(el);
  await settle(el);
  return el;
}

const shown = (el: MutRoleCards) =>
  [...el.shadowRoot!.querySelectorAll('section.scenario')].map((s) => s.getAttribute('data-scenario'));

const cardsOf = (el: MutRoleCards, id: string) => [
  ...el.shadowRoot!.querySelectorAll<HTMLElement>(`section[data-scenario="${id}"] li.cut`),
];

function tick(el: MutRoleCards, id: string, on = true) {
  const box = el.shadowRoot!.querySelector<HTMLInputElement>(`#scenario-${id}`)!;
  box.checked = on;
  box.dispatchEvent(new Event('change'));
}

describe('<mut-role-cards>', () => {
  beforeEach(() => {
    sessionStore.reset();
    window.history.replaceState({}, '', '/curricula/role-cards');
    fakeApi({ 'GET /api/curricula/scenarios': json(scenarios) });
  });

  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('offers every scenario to choose, each with a label, and prints nothing until one is chosen', async () => {
    const el = await mount();
    const boxes = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]')];
    expect(boxes).toHaveLength(3);
    for (const box of boxes) {
      expect(el.shadowRoot!.querySelector(`label[for="${box.id}"]`)).not.toBeNull();
    }
    expect(text(el.shadowRoot!.querySelector('label[for="scenario-respite-cant-sleep"]'))).toBe(
      'Awake at three in the morning A peer respite house · has a content note',
    );
    expect(text(el.shadowRoot!.querySelector('fieldset legend'))).toBe('Scenarios to print');
    expect(shown(el)).toEqual([]);
    expect(el.shadowRoot!.querySelector<HTMLButtonElement>('.status button')!.disabled).toBe(true);
  });

  it('shows only the chosen scenarios, in the bank’s order', async () => {
    const el = await mount();
    tick(el, 'workplace-review');
    tick(el, 'respite-cant-sleep');
    await settle(el);
    expect(shown(el)).toEqual(['respite-cant-sleep', 'workplace-review']);
    expect(text(el.shadowRoot!.querySelector('[role="status"]'))).toBe('2 scenarios chosen: 8 cards to cut out.');
    expect(window.location.search).toBe('?scenarios=workplace-review,respite-cant-sleep');

    tick(el, 'workplace-review', false);
    await settle(el);
    expect(shown(el)).toEqual(['respite-cant-sleep']);
  });

  it('gives a shared card and one card for every role, each in its own box', async () => {
    const el = await mount(['respite-cant-sleep', 'warm-line-quiet']);
    const cards = cardsOf(el, 'respite-cant-sleep');
    expect(cards.map((c) => c.getAttribute('data-card'))).toEqual(['shared', 'person-sharing', 'peer-supporter', 'observer']);
    expect(cards.map((c) => text(c.querySelector('h3')))).toEqual([
      'Awake at three in the morning',
      'The person sharing',
      'The peer supporter',
      'The observer',
    ]);
    expect(text(cards[1])).toContain('Nights in a strange building bring it all back.');
    expect(text(cards[2])).toContain('You are tired and have paperwork to finish.');
    expect(text(cards[3])).toContain('Watch for the moment connection opens or closes.');
    // a role's words are on its own card only
    expect(text(cards[0])).not.toContain('paperwork');
    expect(text(cards[1])).not.toContain('paperwork');

    // a scenario without an observer has no observer card
    expect(cardsOf(el, 'warm-line-quiet').map((c) => c.getAttribute('data-card'))).toEqual([
      'shared',
      'person-sharing',
      'peer-supporter',
    ]);
  });

  it('puts the content note at the top of the shared card', async () => {
    const el = await mount(['respite-cant-sleep', 'warm-line-quiet']);
    const shared = cardsOf(el, 'respite-cant-sleep')[0];
    const first = [...shared.children].find((c) => !c.classList.contains('scissors'))!;
    expect(first.classList.contains('content-note')).toBe(true);
    expect(text(first)).toBe('Content note: Mentions being held down during a past hospital stay.');
    expect(cardsOf(el, 'warm-line-quiet')[0].querySelector('.content-note')).toBeNull();
    expect(cardsOf(el, 'respite-cant-sleep')[1].querySelector('.content-note')).toBeNull();
  });

  it('chooses all and clears', async () => {
    const el = await mount();
    const [all, clear] = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.picker-actions button')];
    all.click();
    await settle(el);
    expect(shown(el)).toEqual(['respite-cant-sleep', 'warm-line-quiet', 'workplace-review']);
    clear.click();
    await settle(el);
    expect(shown(el)).toEqual([]);
    expect(window.location.search).toBe('');
  });

  it('prints with the browser’s own print', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const el = await mount(['warm-line-quiet']);
    el.shadowRoot!.querySelector<HTMLButtonElement>('.status button')!.click();
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('asks to sign in when the server says nobody is signed in', async () => {
    fakeApi({ 'GET /api/curricula/scenarios': problem(401, 'not-signed-in') });
    const el = await mount();
    expect(el.shadowRoot!.querySelector('a.button')!.getAttribute('href')).toBe('/sign-in?next=%2Fcurricula%2Frole-cards');
    expect(el.shadowRoot!.querySelector('fieldset')).toBeNull();
  });

  it('reads a choice from the address', () => {
    expect(scenariosFromQuery('?scenarios=a,b,%20c')).toEqual(['a', 'b', 'c']);
    expect(scenariosFromQuery('')).toEqual([]);
  });
});
