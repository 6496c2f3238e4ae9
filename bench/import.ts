/**
 * Import benchmark: plain-text throughput over the BBC corpus (2,225 articles) and web-page
 * throughput over the 23 saved pages of corpora/pages, each into a fresh library, through the
 * same importFiles the CLI and the UI use. Prints its figures; asserts nothing.
 *
 *   npm run bench            (every benchmark)
 *   npx tsx bench/import.ts  (this one)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';

import { importFiles } from '../electron/import/importFiles';
import type { ImportedArticle } from '../electron/import/importedArticle';
import { parseImportFile } from '../electron/import/parseImportFile';
import { createArticle } from '../electron/services/articles';
import { LibraryHost } from '../electron/services/LibraryHost';
import { WorkerPool } from '../electron/workers/WorkerPool';
import { bodyToPlainText } from '../shared/text';
import { bbcNews, webPages as webPagesCorpus } from '../tests/helpers/corpora';

const BBC = bbcNews();
const PAGES = webPagesCorpus();
const CATEGORIES = ['business', 'entertainment', 'politics', 'sport', 'tech'].map((name) => path.join(BBC, name));
const PAGE_ROUNDS = 3;
const TEXT_ROUNDS = 3;

function freshLibrary(dir: string, name: string): LibraryHost {
  return LibraryHost.open(path.join(dir, `${name}.sqlite3`));
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function plainText(dir: string): Promise<void> {
  const rates: number[] = [];
  for (let round = 0; round < TEXT_ROUNDS; round += 1) {
    const host = freshLibrary(dir, `text-${round}`);
    const started = performance.now();
    const report = await importFiles(host.current, CATEGORIES);
    const seconds = (performance.now() - started) / 1000;
    host.close();
    const rate = report.total / seconds;
    rates.push(rate);
    console.log(
      `  round ${round + 1}: ${report.total} files (${report.imported.length} imported, ${report.duplicates.length} duplicates, ${report.failed.length} failed) in ${seconds.toFixed(2)} s = ${Math.round(rate)} articles/s`,
    );
  }
  console.log(`Plain text (BBC corpus): median ${Math.round(median(rates))} articles/s (target ≥ 2,000)`);
}

/**
 * Where the plain-text time goes: reading and parsing alone, createArticle alone (the same
 * articles, one transaction, with the related-article analysis left to the background queue
 * as an import leaves it), and the full-text index alone (the same text into an FTS5 table
 * configured like the library's), each as articles per second.
 */
async function plainTextBreakdown(dir: string): Promise<void> {
  const files = CATEGORIES.flatMap((folder) =>
    fs
      .readdirSync(folder)
      .sort()
      .map((name) => path.join(folder, name)),
  );
  let started = performance.now();
  const articles: ImportedArticle[] = [];
  for (const file of files) articles.push(await parseImportFile(file, 'text', fs.readFileSync(file)));
  const parseRate = files.length / ((performance.now() - started) / 1000);

  const host = freshLibrary(dir, 'create-only');
  const lib = host.current;
  started = performance.now();
  lib.db
    .transaction(() => {
      for (const article of articles)
        createArticle(lib, { headline: article.headline, body: article.body }, { analyseLater: true });
    })
    .immediate();
  const createRate = articles.length / ((performance.now() - started) / 1000);
  host.close();

  const fts = new Database(path.join(dir, 'fts-only.sqlite3'));
  fts.pragma('journal_mode = WAL');
  fts.exec(
    "CREATE VIRTUAL TABLE t USING fts5 (headline, dek, body_text, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')",
  );
  const insert = fts.prepare('INSERT INTO t (headline, dek, body_text) VALUES (?, ?, ?)');
  const texts = articles.map((article) => [article.headline, article.dek, bodyToPlainText(article.body)] as const);
  started = performance.now();
  fts.transaction(() => {
    for (const [headline, dek, body] of texts) insert.run(headline, dek, body);
  })();
  const ftsRate = texts.length / ((performance.now() - started) / 1000);
  fts.close();

  console.log(
    `  breakdown: read + parse ${Math.round(parseRate)}/s; createArticle alone ${Math.round(createRate)}/s; FTS5 index alone (prefix 2 3) ${Math.round(ftsRate)}/s`,
  );
}

async function webPages(dir: string): Promise<void> {
  const files = fs
    .readdirSync(PAGES)
    .filter((name) => fs.statSync(path.join(PAGES, name)).isDirectory())
    .map((name) => path.join(PAGES, name, 'source.html'));
  // The baseline, in the same run: the pages read in this thread, once its modules are loaded.
  await parseImportFile(files[0] ?? '', 'html', fs.readFileSync(files[0] ?? ''));
  const here = freshLibrary(dir, 'pages-here');
  const startedHere = performance.now();
  await importFiles(here.current, files);
  const hereRate = files.length / ((performance.now() - startedHere) / 1000);
  here.close();
  console.log(`  read in this thread: ${hereRate.toFixed(1)} pages/s`);

  const rates: number[] = [];
  // Pages are read as the app and browser mode read them: in worker threads, one per core,
  // started before the clock runs as the app's are by the time a person imports.
  const workers = new WorkerPool();
  await workers.warm();
  for (let round = 0; round < PAGE_ROUNDS; round += 1) {
    const host = freshLibrary(dir, `pages-${round}`);
    const started = performance.now();
    const report = await importFiles(host.current, files, { read: workers.read });
    const seconds = (performance.now() - started) / 1000;
    host.close();
    const rate = report.total / seconds;
    rates.push(rate);
    console.log(
      `  round ${round + 1}: ${report.imported.length}/${report.total} pages in ${seconds.toFixed(2)} s = ${rate.toFixed(1)} pages/s`,
    );
  }
  await workers.close();
  console.log(
    `Web pages (corpora/pages, ${files.length} pages, ${workers.size} reader threads): median ${median(rates).toFixed(1)} pages/s (target ≥ 20)`,
  );
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-import-'));
  try {
    console.log(`Import benchmark (${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1) ?? '?'})`);
    await plainText(dir);
    await plainTextBreakdown(dir);
    await webPages(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
