import { describe, expect, it } from 'vitest';
import { boardColumnLabel } from './reframe-state';

describe('boardColumnLabel', () => {
  it('numbers each column and names its statement, shortened when long', () => {
    expect(boardColumnLabel(0, 'He is manipulative.')).toBe('Rewrites of statement 1: He is manipulative.');
    expect(boardColumnLabel(2, null)).toBe('Rewrites of statement 3: a statement one of the pairs held');
    const long = boardColumnLabel(1, 'x'.repeat(100));
    expect(long.startsWith('Rewrites of statement 2: ')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThan(90);
  });
});
