// @vitest-environment node
// (Runs ESLint and Prettier from Node on strings; no DOM needed.)
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

/** The web client's folder, where eslint.config.js and .prettierrc.json are. */
const FRONTEND = fileURLToPath(new URL('../..', import.meta.url));
/** Where a fixture pretends to live: inside src/, so every rule for the sources applies. */
const FIXTURE = fileURLToPath(new URL('../lint-fixture.ts', import.meta.url));

async function lint(code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: FRONTEND });
  const [result] = await eslint.lintText(code, { filePath: FIXTURE });
  return result.messages.map((m) => `${m.ruleId}: ${m.line}`);
}

describe('the lint run by npm test (eslint.config.js)', () => {
  it('passes code that keeps the rules', async () => {
    const clean = `import { html } from 'lit';\n\nexport const greeting = (name: string) => html\`<p>Hello, \${name}</p>\`;\n`;
    expect(await lint(clean)).toEqual([]);
  });

  it('fails on a TypeScript rule: a variable nobody uses, an explicit any', async () => {
    const code = `const unused = 1;\nexport const value: any = 2;\n`;
    expect(await lint(code)).toEqual(['@typescript-eslint/no-unused-vars: 1', '@typescript-eslint/no-explicit-any: 2']);
  });

  it('fails on a Lit rule: one property bound twice in a template', async () => {
    const code = `import { html } from 'lit';\n\nexport const twice = html\`<input .value=\${'a'} .value=\${'b'} />\`;\n`;
    expect(await lint(code)).toEqual(['lit/no-duplicate-template-bindings: 3']);
  });
});

describe('the formatting npm test checks (.prettierrc.json)', () => {
  async function formatted(code: string): Promise<boolean> {
    const options = await prettier.resolveConfig(FIXTURE, { editorconfig: false });
    return prettier.check(code, { ...options, filepath: FIXTURE });
  }

  it('accepts code as Prettier writes it, and refuses code that is not', async () => {
    expect(await formatted(`export const quoted = 'single';\n`)).toBe(true);
    expect(await formatted(`export const quoted = "double"\n`)).toBe(false);
  });
});
