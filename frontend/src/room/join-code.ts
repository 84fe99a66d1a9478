/**
 * Room codes are short and easy to read aloud: six characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L). People type them with spaces, dashes or in lower case; we
 * accept all of that.
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function normaliseCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]+/g, '');
}

/** Why a typed code cannot be right, in words, or null when it could be. */
export function codeProblem(input: string): string | null {
  const code = normaliseCode(input);
  if (code.length === 0) return 'Type the code your trainer shared.';
  const stray = [...code].find((c) => !CODE_ALPHABET.includes(c));
  if (stray) {
    const lookAlike: Record<string, string> = { '0': 'O', O: '0', '1': 'I', I: '1', L: '1' };
    return lookAlike[stray]
      ? `Codes never use "${stray}". Check the code; it may be a different character.`
      : `"${stray}" is not part of any room code.`;
  }
  if (code.length !== CODE_LENGTH) return `A room code has ${CODE_LENGTH} characters; this has ${code.length}.`;
  return null;
}

/** Shows a code in two groups of three, the way a trainer reads it out. */
export function formatCode(code: string): string {
  const normal = normaliseCode(code);
  return normal.length === CODE_LENGTH ? `${normal.slice(0, 3)} ${normal.slice(3)}` : normal;
}
