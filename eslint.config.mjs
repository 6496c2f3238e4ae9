// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { electronRestrictions, RENDERER_RESTRICTIONS } from './eslint/electronSecurity.mjs';

/** Layers may only depend downwards: renderer and electron on shared, shared on nothing of theirs. */
const noImportsFrom = (...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: groups.map(({ pattern, why }) => ({ group: pattern, message: why })),
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', '.vite/', 'out/', 'reports/', 'test-results/', 'playwright-report/'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['*.mjs', 'scripts/*.cjs', 'bin/*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.cjs', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...noImportsFrom(
        {
          pattern: ['**/electron/**', 'electron', 'electron/*'],
          why: 'The renderer reaches the main process only through shared/api.ts and renderer/api.ts.',
        },
        {
          pattern: ['node:*', 'better-sqlite3', 'fs', 'path', 'child_process'],
          why: 'The renderer never uses Node APIs or SQL.',
        },
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: noImportsFrom(
      {
        pattern: ['**/electron/**', '**/renderer/**', 'electron', 'react', 'react-dom', 'lexical', '@lexical/*'],
        why: 'shared/ depends on neither side.',
      },
      { pattern: ['node:*', 'better-sqlite3', 'fs', 'path'], why: 'shared/ is pure: no Node or DOM APIs.' },
    ),
  },
  // The body's Lexical nodes and Markdown rules: shared by the editor and the importer's headless
  // editor, so they may use Lexical, but nothing that draws (React) or either side.
  {
    files: ['shared/body/lexical/**/*.ts'],
    rules: noImportsFrom(
      {
        pattern: [
          '**/electron/**',
          '**/renderer/**',
          'electron',
          'react',
          'react-dom',
          '@lexical/react',
          '@lexical/react/*',
        ],
        why: 'The body’s nodes are headless: the editor draws them in renderer/editor/nodes.',
      },
      { pattern: ['node:*', 'better-sqlite3', 'fs', 'path'], why: 'shared/ is pure: no Node APIs.' },
    ),
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      ...noImportsFrom({ pattern: ['**/renderer/**'], why: 'The main process never imports the UI.' }),
      'no-restricted-syntax': electronRestrictions(),
    },
  },
  // The one place links leave for the browser, and the one place IPC handlers are registered.
  { files: ['electron/window.ts'], rules: { 'no-restricted-syntax': electronRestrictions('openExternal') } },
  { files: ['electron/ipc.ts'], rules: { 'no-restricted-syntax': electronRestrictions('ipcMain') } },
  { files: ['electron/preload.ts'], rules: { 'no-restricted-syntax': electronRestrictions('exposeBridge') } },
  { files: ['renderer/**/*.tsx'], rules: { 'no-restricted-syntax': RENDERER_RESTRICTIONS } },
);
