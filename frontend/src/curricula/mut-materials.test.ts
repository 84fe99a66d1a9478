import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, json, problem, settle, text } from '../test/fake-api';
import { cardsOf } from './mut-materials';
import './mut-materials';
import './mut-letter';
import type { MutMaterials } from './mut-materials';
import type { MutLetter } from './mut-letter';

async function mount<K extends 'mut-materials' | 'mut-letter'>(tag: K, set: (el: HTMLElementTagNameMap[K]) => void) {
  const el = document.createElement(tag);
  set(el);
  document.body.append(el);
  await settle(el);
  await settle(el);
  return el;
}

describe('printable materials', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('reads a card material as what the trainer reads first, then one card per heading', () => {
    expect(cardsOf('Put one set on each table.\n\n## Are we all right?\n\nName it.\n\n## What next?\n')).toEqual({
      preface: 'Put one set on each table.',
      cards: [
        { title: 'Are we all right?', body: 'Name it.' },
        { title: 'What next?', body: '' },
      ],
    });
  });

  it('lays a module’s cards out to cut apart and its sheets a page each, with the way back to the module', async () => {
    fakeApi({
      'GET /api/curricula/modules/adv-crisis-conversations/materials': json([
        { id: 'made-up-risk-form', title: 'A made-up risk form', kind: 'sheet', markdown: 'Name: Sam\n\nNotes: none' },
        {
          id: 'after-crisis-questions',
          title: 'Four questions for after a crisis',
          kind: 'cards',
          markdown: 'One set per table.\n\n## Are we still all right?\n\nName it.\n\n## What did it tell us?\n\nIn your words.',
        },
      ]),
    });
    const el: MutMaterials = await mount('mut-materials', (e) => (e.moduleId = 'adv-crisis-conversations'));
    const root = el.shadowRoot!;
    const materials = [...root.querySelectorAll('[data-test="material"]')];
    expect(materials.map((m) => text(m.querySelector('h2')))).toEqual([
      'A made-up risk form',
      'Four questions for after a crisis',
    ]);
    expect([...root.querySelectorAll('[data-test="card"] h3')].map((h) => text(h))).toEqual([
      'Are we still all right?',
      'What did it tell us?',
    ]);
    expect(text(root.querySelector('.how'))).toBe('One set per table.');
    expect(root.querySelector('.print-bar a')!.getAttribute('href')).toBe('/curricula/modules/adv-crisis-conversations');
  });

  it('says when a module has nothing to print, and asks a signed-out visitor to sign in', async () => {
    fakeApi({
      'GET /api/curricula/modules/core-opening/materials': json([]),
      'GET /api/curricula/modules/core-closing/materials': problem(401, 'unauthenticated', 'Sign in first.'),
    });
    const empty: MutMaterials = await mount('mut-materials', (e) => (e.moduleId = 'core-opening'));
    expect(text(empty.shadowRoot!.querySelector('[data-test="no-materials"]'))).toContain('nothing to print');
    const signedOut: MutMaterials = await mount('mut-materials', (e) => (e.moduleId = 'core-closing'));
    expect(signedOut.shadowRoot!.querySelector('a.button')!.getAttribute('href')).toContain('/sign-in');
  });

  it('shows the letter with what each placeholder stands for, kept off the paper', async () => {
    fakeApi({
      'GET /api/curricula/courses/core/letter': json({
        courseId: 'core',
        markdown: 'Dear {{name}},\n\nWe look forward to the days with {{organisation}}.',
        placeholders: { name: 'the person the letter is for', organisation: 'your organisation' },
      }),
    });
    const el: MutLetter = await mount('mut-letter', (e) => (e.courseId = 'core'));
    const root = el.shadowRoot!;
    expect(text(root.querySelector('[data-test="letter"]'))).toContain('We look forward to the days with {{organisation}}.');
    expect([...root.querySelectorAll('[data-test="placeholders"] dt')].map((d) => text(d))).toEqual([
      '{{name}}',
      '{{organisation}}',
    ]);
    expect(root.querySelector('.print-bar a')!.getAttribute('href')).toBe('/curricula/core');
  });
});
