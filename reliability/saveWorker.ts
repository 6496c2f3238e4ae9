/**
 * A writer that saves one article over and over through the app's own service, as the editor's
 * autosave does, and reports each save only once it has returned (committed). Killed from
 * outside at a random moment; it never stops by itself.
 *
 *   tsx reliability/saveWorker.ts LIBRARY ROUND
 *
 * Prints one JSON line per event to stdout: {"opened":true}, then {"id","version"} per save.
 */
import fs from 'node:fs';

import { createArticle, saveArticle } from '../electron/services/articles';
import { LibraryHost } from '../electron/services/LibraryHost';
import { savedBody, savedHeadline } from './savedContent';

const [file, roundArg] = process.argv.slice(2);
if (file === undefined || roundArg === undefined) throw new Error('usage: saveWorker LIBRARY ROUND');
const round = Number(roundArg);

// Written synchronously and in one piece: a line the parent reads is a save that had returned.
const report = (value: object) => fs.writeSync(1, `${JSON.stringify(value)}\n`);

const host = LibraryHost.open(file);
const lib = host.current;
report({ opened: true });
let article = createArticle(lib, { headline: savedHeadline(round, 1), body: savedBody(round, 1) });
report({ id: article.id, version: article.version });
for (;;) {
  const next = article.version + 1;
  article = saveArticle(lib, article.id, article.version, {
    headline: savedHeadline(round, next),
    body: savedBody(round, next),
  });
  report({ id: article.id, version: article.version });
}
