import path from 'node:path';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

import { LAYER_RESTRICTIONS, RAW_SQL } from '../../../eslint/layers.mjs';

const ROOT = path.resolve(__dirname, '..', '..', '..');

// The project's own configuration, read from eslint.config.mjs. Only the two rules that hold
// the layers run, on an untyped parse: type information would cost a whole program per run.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === 'no-restricted-syntax',
});

/** What lint says of `code` placed at `file` (a path from the repository's root that need not exist). */
async function complaints(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  if (result === undefined) throw new Error(`ESLint gave no result for ${file}`);
  return result.messages.map((message) => message.message);
}

const { dbImportsBelow, dbThroughServices, editorFeatures, editorApi } = LAYER_RESTRICTIONS;

/** A file of a layer, a line it must not hold, and the reason lint gives. */
const REFUSED: [layer: string, file: string, code: string, reason: string][] = [
  [
    'db/ reaching into related/',
    'electron/db/queries/example.ts',
    "import { extractEntities } from '../../related/entities';",
    dbImportsBelow.message,
  ],
  [
    'db/ reaching into a service',
    'electron/db/example.ts',
    "import { getArticle } from '../services/articles';",
    dbImportsBelow.message,
  ],
  [
    'db/ reaching into the UI',
    'electron/db/example.ts',
    "import { api } from '../../renderer/api';",
    'The main process never imports the UI.',
  ],
  [
    'a handler calling a query',
    'electron/api/example.ts',
    "import { countArticles } from '../db/queries/articles';",
    dbThroughServices.message,
  ],
  [
    'a handler running SQL',
    'electron/api/example.ts',
    "export const version = (db: Db) => db.prepare('SELECT sqlite_version()').pluck().get();",
    RAW_SQL.message,
  ],
  [
    'import/ calling a query',
    'electron/import/example.ts',
    "import { findByContentHash } from '../db/queries/imports';",
    dbThroughServices.message,
  ],
  [
    'export/ calling a query',
    'electron/export/example.ts',
    "import { getArticle } from '../db/queries/articles';",
    dbThroughServices.message,
  ],
  [
    'the CLI opening the storage',
    'electron/cli/example.ts',
    "import type { Db } from '../db/connection';",
    dbThroughServices.message,
  ],
  [
    'the shell opening the storage',
    'electron/example.ts',
    "import { openDatabase } from './db/connection';",
    dbThroughServices.message,
  ],
  [
    'a service running a pragma',
    'electron/services/example.ts',
    "export const v = (db: Db) => db.pragma('user_version');",
    RAW_SQL.message,
  ],
  [
    'the shell running a script',
    'electron/example.ts',
    'export const run = (db: Db) => db.exec(`DELETE FROM articles`);',
    RAW_SQL.message,
  ],
  [
    'the editor importing a feature',
    'renderer/editor/plugins/Example.tsx',
    "import { addImageFile } from '../../features/images/images';",
    editorFeatures.message,
  ],
  [
    'the editor typed by a feature',
    'renderer/editor/Example.tsx',
    "import type { ArticleSaver } from '../features/article/ArticleSaver';",
    editorFeatures.message,
  ],
  [
    'the editor calling the API',
    'renderer/editor/nodes/Example.tsx',
    "import { api } from '../../api';",
    editorApi.message,
  ],
  [
    'the editor using Node',
    'renderer/editor/Example.tsx',
    "import fs from 'node:fs';",
    'The renderer never uses Node APIs or SQL.',
  ],
];

/** Lines each layer may hold. */
const ALLOWED: [layer: string, file: string, code: string][] = [
  [
    'db/ using db/ and shared/, and running its SQL',
    'electron/db/queries/example.ts',
    [
      "import { ENTITY_KINDS, entityKey } from '../../../shared/entities';",
      "import type { Db } from '../connection';",
      "import { prepared } from '../statements';",
      "import { rowToSummary } from './articles';",
      "import { related } from './related';",
      'export const rows = (db: Db) => [prepared(db, "SELECT 1"), db.prepare("SELECT 2"), ENTITY_KINDS, entityKey, rowToSummary, related];',
    ].join('\n'),
  ],
  ['a handler calling a service', 'electron/api/example.ts', "import * as articles from '../services/articles';"],
  ['import/ calling a service', 'electron/import/example.ts', "import { recordImport } from '../services/imports';"],
  ['export/ calling a service', 'electron/export/example.ts', "import { recordExport } from '../services/exports';"],
  ['a service calling a query', 'electron/services/example.ts', "import * as articles from '../db/queries/articles';"],
  [
    'import/ matching text and holding a transaction',
    'electron/import/example.ts',
    'export const m = (text: string, lib: L) => [/a/u.exec(text), lib.db.transaction(() => 1)];',
  ],
  [
    'the editor using shared/, the components and its own modules',
    'renderer/editor/plugins/Example.tsx',
    [
      "import type { ArticlePatch } from '../../../shared/api';",
      "import { errorMessage } from '../../../shared/errors';",
      "import { Icon } from '../../components/Icon';",
      "import { useEditorHost } from '../EditorHost';",
      "import { INSERT_ALSO_SEE_COMMAND } from './AlsoSeePlugin';",
      'export const used = [errorMessage, Icon, useEditorHost, INSERT_ALSO_SEE_COMMAND] as const;',
      'export type Patch = ArticlePatch;',
    ].join('\n'),
  ],
  ['a feature calling the API', 'renderer/features/article/Example.tsx', "import { api } from '../../api';"],
];

describe('the layers inside electron/ and renderer/', () => {
  // Loading the configuration (typescript-eslint and the plugins) is most of the work.
  beforeAll(() => eslint.calculateConfigForFile('electron/main.ts'), 60_000);

  it.each(REFUSED)('refuses %s', async (_layer, file, code, reason) => {
    expect(await complaints(file, code)).toEqual([expect.stringContaining(reason)]);
  });

  it.each(ALLOWED)('allows %s', async (_layer, file, code) => {
    expect(await complaints(file, code)).toEqual([]);
  });
});
