// `npm run lint`: the import layers of docs/ARCHITECTURE.md (local/code-layering, scripts/lint/) and a modest set of
// rules that find real defects (unused code, unreachable code, fall-through) over .ts, .mjs and .svelte scripts.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import local from './scripts/lint/codeLayering.mjs';
import { layers, packageOwners, testLayers } from './scripts/lint/layers.mjs';
import svelteConfig from './renderer/svelte.config.js';

// Tests and their helpers (the kernels' reference implementations and test utilities).
const testFiles = ['**/*.test.ts', 'engine/test/**', 'engine/native/reference.ts', 'engine/native/testing.ts'];

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'engine/native/build/', 'test-results/', 'playwright-report/', 'resources/'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Underscore-prefixed names are deliberately unused (a signature that must match, a skipped tuple element).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Style rather than defects: the code uses `any` at a few typed boundaries and non-null assertions after checks.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // The sets it finds are deliberately not reactive (listeners, requests already sent).
      'svelte/prefer-svelte-reactivity': 'off',
    },
  },
  {
    files: ['renderer/src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Functions that measure-ui.mjs sends into the page run in the browser.
    files: ['scripts/measure-ui.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    plugins: { local },
    rules: { 'local/code-layering': ['error', { layers, packageOwners }] },
  },
  {
    files: testFiles,
    rules: { 'local/code-layering': ['error', { layers: testLayers, packageOwners }] },
  },
);
