// @vitest-environment node
// (No DOM needed, and under happy-dom `new URL(..., import.meta.url)` resolves to http://localhost:3000/..., which readFileSync rejects.)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLens, type LexiconTerm } from './lens';

interface SharedCases {
  lexicon: LexiconTerm[];
  cases: { text: string; marks: [number, number, string][] }[];
}

// The same file the Java LanguageLens test reads, so both halves must agree.
const shared: SharedCases = JSON.parse(
  readFileSync(new URL('../../../src/test/resources/lens-cases.json', import.meta.url), 'utf-8'),
);

describe('lens: shared cases', () => {
  const lens = createLens(shared.lexicon);
  it('has cases to check', () => {
    expect(shared.cases.length).toBeGreaterThan(0);
  });
  for (const c of shared.cases) {
    it(`marks ${JSON.stringify(c.text)}`, () => {
      const marks = lens(c.text);
      expect(marks.map((m) => [m.start, m.end, m.term.term])).toEqual(c.marks);
      for (const m of marks) expect(m.text).toBe(c.text.slice(m.start, m.end));
    });
  }
});

describe('lens', () => {
  const term = (t: string, variants: string[] = []): LexiconTerm => ({
    term: t,
    variants,
    category: 'test',
    why: 'w',
    alternatives: [],
  });

  it('matches regex characters in a term literally', () => {
    const lens = createLens([term('c++'), term('a.b')]);
    expect(lens('I write C++ daily').map((m) => [m.start, m.end, m.text])).toEqual([[8, 11, 'C++']]);
    expect(lens('c and cc and c+')).toEqual([]);
    expect(lens('axb a.b').map((m) => [m.start, m.end])).toEqual([[4, 7]]);
  });

  it('gives a variant mark its entry and keeps the text as typed', () => {
    const entry = term('non-compliant', ['noncompliant']);
    const [mark] = createLens([entry])('NONCOMPLIANT');
    expect(mark.term).toBe(entry);
    expect(mark.text).toBe('NONCOMPLIANT');
  });

  it('treats non-ASCII letters and digits as part of a word', () => {
    const lens = createLens([term('case')]);
    expect(lens('écase case2 case')).toEqual([expect.objectContaining({ start: 12, end: 16 })]);
  });
});
