// ESLint for the web client (flat config): the recommended JavaScript, TypeScript and Lit rules.
// `npm test` runs it (with prettier --check) before the tests, so a violation fails the build.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores(['dist/', 'node_modules/', 'public/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  {
    rules: {
      // unused parameters are sometimes part of a signature; a leading _ says so
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
