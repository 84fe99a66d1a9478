/** The language lens's lexicon, fetched once a page (GET /api/curricula/lexicon is public). */
import { curriculaApi } from '../curricula/api';
import { createLens, type LensMark, type LexiconTerm } from '../room/lens';

let pending: Promise<LexiconTerm[]> | undefined;

/** The lexicon, from the server the first time and from memory after; a failure lets a later call try again. */
export function loadLexicon(): Promise<LexiconTerm[]> {
  if (!pending) {
    pending = curriculaApi.lexicon().then(
      (terms) => (Array.isArray(terms) ? terms : []),
      (e: unknown) => {
        pending = undefined;
        throw e;
      },
    );
  }
  return pending;
}

/** A lens built from the lexicon; it never blocks anything, it only points. */
export async function loadLens(): Promise<(text: string) => LensMark[]> {
  return createLens(await loadLexicon());
}

/** Forgets the fetched lexicon (for tests). */
export function forgetLexicon(): void {
  pending = undefined;
}
