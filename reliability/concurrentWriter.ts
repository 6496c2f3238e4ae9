/**
 * One of several writers on the same library at once, as two app instances or the CLI beside
 * the app would be: opens the library (creating it if no one has yet), then saves its own
 * article through the articles service for SECONDS seconds, counting every save that fails.
 *
 *   tsx reliability/concurrentWriter.ts LIBRARY SECONDS NAME
 *
 * Prints one JSON line at the end: {"name","id","version","saves","failures","errors"}.
 */
import fs from 'node:fs';

import { toApiError } from '../electron/api/dispatch';
import { createArticle, saveArticle } from '../electron/services/articles';
import type { LibraryHost } from '../electron/services/LibraryHost';
import { LibraryHost as Host } from '../electron/services/LibraryHost';
import { savedBody } from './savedContent';

const [file, secondsArg, name] = process.argv.slice(2);
if (file === undefined || secondsArg === undefined || name === undefined) {
  throw new Error('usage: concurrentWriter LIBRARY SECONDS NAME');
}
const report = (value: object) => fs.writeSync(1, `${JSON.stringify(value)}\n`);
const errors: string[] = [];
let failures = 0;

function attempt<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch (error) {
    failures += 1;
    if (errors.length < 5) errors.push(toApiError(error).message);
    return undefined;
  }
}

const host: LibraryHost | undefined = attempt(() => Host.open(file));
let saves = 0;
let id = '';
let version = 0;
if (host !== undefined) {
  const lib = host.current;
  const round = name.length * 1000;
  const created = attempt(() => createArticle(lib, { headline: `Writer ${name}`, body: savedBody(round, 1) }));
  if (created !== undefined) {
    id = created.id;
    version = created.version;
    saves += 1;
    const until = performance.now() + Number(secondsArg) * 1000;
    while (performance.now() < until) {
      const saved = attempt(() =>
        saveArticle(lib, id, version, {
          headline: `Writer ${name} save ${version + 1}`,
          body: savedBody(round, version + 1),
        }),
      );
      if (saved !== undefined) {
        version = saved.version;
        saves += 1;
      }
    }
  }
  host.close();
}
report({ name, id, version, saves, failures, errors });
