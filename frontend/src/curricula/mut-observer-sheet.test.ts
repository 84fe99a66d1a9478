import { afterEach, describe, expect, it, vi } from 'vitest';
import { settle, text } from '../test/fake-api';
import './mut-observer-sheet';
import type { MutObserverSheet } from './mut-observer-sheet';

async function mount(): Promise<MutObserverSheet> {
  const el = document.createElement('mut-observer-sheet');
  document.body.append(el);
  await settle(el);
  return el;
}

describe('<mut-observer-sheet>', () => {
  afterEach(() => {
    document.body.innerHTML = '';
    vi.unstubAllGlobals();
  });

  it('is set out by the four tasks, in order', async () => {
    const el = await mount();
    const tasks = [...el.shadowRoot!.querySelectorAll('section.task')];
    expect(tasks.map((t) => t.getAttribute('data-task'))).toEqual(['connection', 'worldview', 'mutuality', 'moving-towards']);
    expect(tasks.map((t) => text(t.querySelector('h2')))).toEqual(['Connection', 'Worldview', 'Mutuality', 'Moving towards']);
    expect(text(el.shadowRoot!.querySelector('h1'))).toBe('Observer sheet');
  });

  it('gives each task room to note moments as “when …, …”', async () => {
    const el = await mount();
    for (const task of el.shadowRoot!.querySelectorAll('section.task')) {
      const moments = [...task.querySelectorAll('.moment')];
      expect(moments.length).toBeGreaterThanOrEqual(2);
      for (const moment of moments) {
        expect(text(moment.querySelector('.word'))).toBe('When');
        expect(moment.querySelectorAll('.line')).toHaveLength(2);
        expect(text(moment)).toMatch(/^When,/);
      }
    }
  });

  it('has no scores, ratings or boxes that grade anyone', async () => {
    const el = await mount();
    const words = text(el.shadowRoot!);
    expect(words).not.toMatch(
      /\b(scores?|scoring|rat(e|es|ed|ing|ings)|grades?|grading|marks?|marking|pass(ed)?|fail(ed|s)?|tick|assess\w*|evaluat\w*|competen\w*|points?|out of)\b/i,
    );
    expect(words).not.toMatch(/[☐☑✓✔✗★☆]|\d+\s*\/\s*\d+/);
    expect(el.shadowRoot!.querySelector('input, select, textarea, meter, progress')).toBeNull();
  });

  it('prints with the browser’s own print and hides its controls on paper', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const el = await mount();
    const bar = el.shadowRoot!.querySelector('.print-bar')!;
    expect(bar.classList.contains('no-print')).toBe(true);
    bar.querySelector<HTMLButtonElement>('button')!.click();
    expect(print).toHaveBeenCalledTimes(1);
  });
});
