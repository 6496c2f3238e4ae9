/**
 * How fast the `copydesk` command starts: `copydesk --version`, and `copydesk list` on a library
 * of 10,000 articles of real news text, each against `node -e 0` measured in the same run, the
 * three taken in turn so that load from elsewhere on the machine falls on all of them alike.
 * Targets: --version within 150 ms, list within 400 ms. Prints its figures; asserts nothing.
 *
 *   npm run bench -- cli
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { ArticleStatus } from '../shared/domain';
import { insertArticles, seededRandom, type BulkArticle } from '../tests/helpers/bulkLibrary';
import { buildLibraryFile, cachedLibraryFile, percentile, readCorpus, recombinedStories } from './newsLibrary';

const ROOT = path.join(__dirname, '..');
const BIN = path.join(ROOT, 'bin', 'copydesk.cjs');
const CACHE = path.join(os.tmpdir(), 'copydesk-bench-cli');
const SIZE = 10_000;
const RUNS = 20;
const STATUSES: readonly ArticleStatus[] = ['draft', 'editing', 'fact-check', 'ready', 'exported'];

function* articles(): Generator<BulkArticle> {
  const random = seededRandom(20_261_206);
  const docs = readCorpus('latin1', (category) => `${category.charAt(0).toUpperCase()}${category.slice(1)}`);
  let n = 0;
  for (const story of recombinedStories(docs, SIZE, random)) {
    const at = new Date(Date.UTC(2025, 0, 1) + n * 3_600_000).toISOString();
    n += 1;
    yield {
      ...story,
      status: STATUSES[n % STATUSES.length] as ArticleStatus,
      tags: [],
      authors: [n % 40],
      createdAt: at,
      updatedAt: at,
    };
  }
}

function library(): string {
  const file = cachedLibraryFile(CACHE, SIZE);
  if (!fs.existsSync(file)) {
    const authors = Array.from({ length: 40 }, (_, i) => `Reporter ${i + 1}`);
    buildLibraryFile(file, (host) => insertArticles(host.current.db, authors, articles()));
    console.log(`  built ${SIZE.toLocaleString('en')} articles, kept at ${file}`);
  }
  return file;
}

/** Wall time of one run of `node args…`, in milliseconds; throws when the command fails. */
function timed(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  return elapsed;
}

const file = library();
const env = { ...process.env, COPYDESK_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-cli-data-')) };
const runs = {
  'node -e 0': ['-e', '0'],
  'copydesk --version': [BIN, '--version'],
  [`copydesk list (${SIZE.toLocaleString('en')} articles)`]: [BIN, 'list', '--library', file],
};
// One run of each first: the command is built if its sources changed, and the disk cache is warm.
for (const args of Object.values(runs)) timed(args, env);
const times = new Map<string, number[]>(Object.keys(runs).map((name) => [name, []]));
for (let i = 0; i < RUNS; i += 1) {
  for (const [name, args] of Object.entries(runs)) times.get(name)?.push(timed(args, env));
}
const base = percentile(
  [...(times.get('node -e 0') ?? [])].sort((a, b) => a - b),
  50,
);
console.log(`  ${RUNS} runs each, taken in turn; load ${os.loadavg()[0]?.toFixed(1)}`);
for (const [name, list] of times) {
  const sorted = [...list].sort((a, b) => a - b);
  const p50 = percentile(sorted, 50);
  const over = name === 'node -e 0' ? '' : `   (+${(p50 - base).toFixed(0)} ms over node -e 0)`;
  console.log(
    `  ${name.padEnd(34)} p50 ${p50.toFixed(0).padStart(5)} ms   p95 ${percentile(sorted, 95).toFixed(0).padStart(5)} ms${over}`,
  );
}
fs.rmSync(env.COPYDESK_DATA_DIR, { recursive: true, force: true });
