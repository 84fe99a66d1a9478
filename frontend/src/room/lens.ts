/**
 * The browser half of the language lens: marks words from a lexicon in text a person types.
 * It never blocks anything; it only points. The server's LanguageLens (Java) runs the same
 * algorithm, and both are held to the shared cases in src/test/resources/lens-cases.json.
 *
 * 1. An entry's forms are its term and its variants, matched case-insensitively and only as
 *    whole words (no letter or digit, \p{L} or \p{N}, directly before or after). Spaces and
 *    hyphens inside a form match literally.
 * 2. Every match of every form of every entry is a candidate.
 * 3. Overlaps are resolved by taking candidates longest first, then earliest start, then
 *    earliest entry in the lexicon, skipping any that overlap one already taken.
 * 4. The taken marks are returned sorted by start. Offsets are UTF-16 code units, end exclusive.
 */

export interface LexiconTerm {
  term: string;
  variants: string[];
  category: string;
  why: string;
  alternatives: string[];
}

export interface LensMark {
  start: number;
  end: number;
  /** The matched substring as it appears in the text. */
  text: string;
  /** The lexicon entry (a variant's mark carries its entry). */
  term: LexiconTerm;
}

interface CompiledForm {
  pattern: RegExp;
  entry: LexiconTerm;
  index: number;
}

interface Candidate {
  start: number;
  end: number;
  index: number;
  entry: LexiconTerm;
}

/** Escapes every regex syntax character (valid under the 'u' flag; '-' needs no escape outside a class). */
function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function createLens(lexicon: LexiconTerm[]): (text: string) => LensMark[] {
  const forms: CompiledForm[] = [];
  lexicon.forEach((entry, index) => {
    for (const form of [entry.term, ...entry.variants]) {
      if (!form) continue;
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegex(form)}(?![\\p{L}\\p{N}])`, 'giu');
      forms.push({ pattern, entry, index });
    }
  });

  return (text: string): LensMark[] => {
    if (!text) return [];
    const candidates: Candidate[] = [];
    for (const { pattern, entry, index } of forms) {
      pattern.lastIndex = 0;
      for (const m of text.matchAll(pattern)) {
        const start = m.index;
        candidates.push({ start, end: start + m[0].length, index, entry });
      }
    }
    candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || a.index - b.index);
    const taken: Candidate[] = [];
    for (const c of candidates) {
      if (taken.every((t) => c.end <= t.start || c.start >= t.end)) taken.push(c);
    }
    taken.sort((a, b) => a.start - b.start);
    return taken.map((c) => ({ start: c.start, end: c.end, text: text.slice(c.start, c.end), term: c.entry }));
  };
}
