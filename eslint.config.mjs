// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

import { electronRestrictions, RENDERER_RESTRICTIONS } from './eslint/electronSecurity.mjs';
import { layerImports, RAW_SQL } from './eslint/layers.mjs';

/** Layers may only depend downwards: renderer and electron on shared, shared on nothing of theirs. */
const importPatterns = (...groups) => groups.map(({ pattern, why }) => ({ group: pattern, message: why }));
const noImportsFrom = (...groups) => ({ 'no-restricted-imports': ['error', { patterns: importPatterns(...groups) }] });

const RENDERER_IMPORTS = importPatterns(
  {
    pattern: ['**/electron/**', 'electron', 'electron/*'],
    why: 'The renderer reaches the main process only through shared/api.ts and renderer/api.ts.',
  },
  {
    pattern: ['node:*', 'better-sqlite3', 'fs', 'path', 'child_process'],
    why: 'The renderer never uses Node APIs or SQL.',
  },
);
const MAIN_PROCESS_IMPORTS = importPatterns({
  pattern: ['**/renderer/**'],
  why: 'The main process never imports the UI.',
});
/** The main process's syntax rules: Electron's security checklist, and no SQL outside electron/db/. */
const mainProcessSyntax = (...allowed) => [...electronRestrictions(...allowed), RAW_SQL];

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
      'no-restricted-imports': layerImports([], RENDERER_IMPORTS),
    },
  },
  // The editor sits below the features: what it needs of the app comes through props or the
  // EditorHost that the feature mounting it provides.
  {
    files: ['renderer/editor/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': layerImports(['editorFeatures', 'editorApi'], RENDERER_IMPORTS) },
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
  // Inside the main process: db/ at the bottom, with all the SQL; services/ the only way to it.
  // The request handlers (api/), import/, export/, the CLI and browser mode call services.
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': layerImports(['dbThroughServices'], MAIN_PROCESS_IMPORTS),
      'no-restricted-syntax': mainProcessSyntax(),
    },
  },
  {
    files: ['electron/services/**/*.ts'],
    rules: { 'no-restricted-imports': layerImports([], MAIN_PROCESS_IMPORTS) },
  },
  {
    files: ['electron/db/**/*.ts'],
    rules: {
      'no-restricted-imports': layerImports(['dbImportsBelow'], MAIN_PROCESS_IMPORTS),
      'no-restricted-syntax': electronRestrictions(),
    },
  },
  // The one place links leave for the browser, and the one place IPC handlers are registered.
  { files: ['electron/window.ts'], rules: { 'no-restricted-syntax': mainProcessSyntax('openExternal') } },
  { files: ['electron/ipc.ts'], rules: { 'no-restricted-syntax': mainProcessSyntax('ipcMain') } },
  { files: ['electron/preload.ts'], rules: { 'no-restricted-syntax': mainProcessSyntax('exposeBridge') } },
  { files: ['renderer/**/*.tsx'], rules: { 'no-restricted-syntax': RENDERER_RESTRICTIONS } },
);
