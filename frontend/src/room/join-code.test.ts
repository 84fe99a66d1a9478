import { describe, expect, it } from 'vitest';
import { CODE_ALPHABET, codeProblem, formatCode, normaliseCode } from './join-code';

describe('room codes', () => {
  it('has no look-alike characters in its alphabet', () => {
    for (const c of ['0', 'O', '1', 'I', 'L']) expect(CODE_ALPHABET).not.toContain(c);
  });

  it('accepts codes typed in lower case, with spaces or dashes', () => {
    expect(normaliseCode(' kmr-7tx ')).toBe('KMR7TX');
    expect(codeProblem('kmr 7tx')).toBeNull();
  });

  it('explains what is wrong with a code', () => {
    expect(codeProblem('')).toMatch(/Type the code/);
    expect(codeProblem('KMR7T')).toMatch(/6 characters; this has 5/);
    expect(codeProblem('KMR0TX')).toMatch(/never use "0"/);
    expect(codeProblem('KMR?TX')).toMatch(/"\?" is not part/);
  });

  it('shows a code in two groups of three', () => {
    expect(formatCode('kmr7tx')).toBe('KMR 7TX');
  });
});
