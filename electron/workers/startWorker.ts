import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';
import { Worker } from 'node:worker_threads';

/**
 * How a worker thread (or the library's process, see libraryProcess.ts) is started from the
 * module of this name. A build (the `copydesk` command's dist/cli, the desktop app's
 * .vite/build) holds each such module as an entry of its own beside the main one; run from
 * source (the tests, the benchmarks), the module is TypeScript, and the thread registers the
 * TypeScript loader the tests run with before it loads it.
 */
export type WorkerModule = 'taskWorker' | 'libraryProcess';

/** A module by name, or a module of one's own by its path (tests). */
export type WorkerSource = WorkerModule | { path: string };

/** A path without the query a TypeScript loader may tag on it (?namespace=…). */
const plain = (file: string) => file.replace(/\?.*$/, '');

const fromSource = path.extname(plain(__filename)) === '.ts';

/** The file that runs `module`: its built entry, or its source. */
export function workerFile(module: WorkerSource): string {
  if (typeof module === 'object') return module.path;
  const here = path.dirname(plain(__filename));
  if (fromSource) return path.join(here, module === 'libraryProcess' ? '../library' : '.', `${module}.ts`);
  // Built: the entry sits beside the main one; this code may be in it, or in a chunk below it.
  for (const folder of [here, path.dirname(here)]) {
    for (const extension of ['.cjs', '.js']) {
      const candidate = path.join(folder, `${module}${extension}`);
      if (fs.existsSync(candidate)) return candidate;
    }
  }
  throw new Error(`Copydesk is incomplete: its ${module} module is missing beside ${here}. Build it again.`);
}

/** Registers TypeScript's loader in a thread started from source, then loads the module. */
const FROM_SOURCE = `
const { workerData } = require('node:worker_threads');
require(workerData.copydeskBoot.cjs).register();
import(workerData.copydeskBoot.esm)
  .then((api) => {
    api.register();
    return import(workerData.copydeskBoot.entry);
  })
  .catch((error) => setImmediate(() => { throw error; }));
`;

/** What registers the TypeScript loader, for a thread or process run from source. */
export function sourceLoader(): { cjs: string; esm: string } {
  const cjs = plain(require.resolve('tsx/cjs/api'));
  return { cjs, esm: pathToFileURL(path.join(path.dirname(cjs), '..', '..', 'esm', 'api', 'index.mjs')).href };
}

/** Whether this code runs from its TypeScript source rather than a build. */
export function runsFromSource(file: string): boolean {
  return path.extname(file) === '.ts';
}

/** Starts a worker thread running `module` . */
export function startWorker(module: WorkerSource, options: WorkerOptions = {}): Worker {
  const file = workerFile(module);
  if (!runsFromSource(file)) return new Worker(file, options);
  const workerData: unknown = options.workerData ?? {};
  return new Worker(FROM_SOURCE, {
    ...options,
    eval: true,
    workerData: {
      ...(typeof workerData === 'object' && workerData !== null ? workerData : {}),
      copydeskBoot: { ...sourceLoader(), entry: pathToFileURL(file).href },
    },
  });
}
