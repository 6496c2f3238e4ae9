import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch } from '../../electron/api/dispatch';
import { createHandlers } from '../../electron/api/handlers';
import { getImportRecord } from '../../electron/db/queries/imports';
import { decodeText } from '../../electron/import/decodeText';
import { importFiles } from '../../electron/import/importFiles';
import { createArticle, getArticle, listArticles, search } from '../../electron/services/articles';
import type { ImportReport } from '../../shared/imports';
import { ImportReportSchema } from '../../shared/imports';
import { bodyFromParagraphs } from '../../shared/text';
import { runCopydesk } from '../helpers/cli';
import { dumpDatabase, openTempLibrary } from '../helpers/library';
import {
  BBC,
  bbcManifest,
  docxFile,
  expectedHeadline,
  PAGES,
  pageNames,
  SEED_ARTICLE,
} from '../unit/electron/import/fixtures';
import { SEED } from '../unit/electron/import/seedArticle';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const CATEGORIES = ['business', 'entertainment', 'politics', 'sport', 'tech'].map((name) => path.join(BBC, name));

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

type JsonNode = { type: string; text?: string; children?: JsonNode[]; articleId?: string };
const textOf = (node: JsonNode): string => node.text ?? (node.children ?? []).map(textOf).join('');

describe('importing the seed article', () => {
  it('stores every structured field exactly and links "Also See" to the article with that headline', async () => {
    const related = createArticle(library.lib, {
      headline: 'Russia Warns UN: ISIS May Have Access to U.S. Weapons in Afghanistan',
      body: bodyFromParagraphs(['Earlier story.']),
    });
    const [firstRecent, ...otherRecent] = SEED.related;
    const recentInLibrary = createArticle(library.lib, {
      headline: firstRecent?.headline ?? '',
      body: bodyFromParagraphs(['An earlier analysis.']),
    });
    const report = await importFiles(library.lib, [SEED_ARTICLE]);
    expect(report).toMatchObject({ total: 1, failed: [], duplicates: [], cancelled: false });
    const [item] = report.imported;
    expect(item).toMatchObject({ headline: SEED.headline, format: 'text', unlinkedAlsoSee: [] });

    const article = getArticle(library.lib, item?.id ?? '');
    expect(article).toMatchObject({
      headline: SEED.headline,
      dek: SEED.dek,
      dateline: SEED.dateline,
      datelineDate: '',
      syndicationCredit: SEED.syndicationCredit,
      byline: SEED.author,
      authors: [{ name: SEED.author, bio: SEED.bio }],
      leadImage: null,
      language: 'en',
      status: 'draft',
    });
    // The "Recent" list is the article's related list: linked where the library has the story.
    expect(article.related).toEqual([
      { articleId: recentInLibrary.id, headline: firstRecent?.headline, teaser: firstRecent?.teaser, trashed: false },
      ...otherRecent.map((story) => ({
        articleId: null,
        headline: story.headline,
        teaser: story.teaser,
        trashed: false,
      })),
    ]);
    const body = article.body.root.children as JsonNode[];
    const alsoSeeAt = SEED.paragraphs.findIndex((paragraph) => paragraph.startsWith('Also See: '));
    expect(body[alsoSeeAt]).toEqual({ type: 'also-see', version: 1, articleId: related.id });
    expect(body.map(textOf)).toEqual(SEED.paragraphs.map((paragraph, i) => (i === alsoSeeAt ? '' : paragraph)));
    expect(getImportRecord(library.lib.db, article.id)).toMatchObject({
      fileName: SEED_ARTICLE,
      format: 'text',
      leadImageCredit: SEED.leadImageCredit,
    });

    const again = await importFiles(library.lib, [SEED_ARTICLE]);
    expect(again.imported).toEqual([]);
    expect(again.duplicates).toEqual([
      {
        file: SEED_ARTICLE,
        headline: SEED.headline,
        existingId: article.id,
        existingHeadline: SEED.headline,
        existingTrashed: false,
      },
    ]);
  });

  it('keeps an "Also See" line whose article is not in the library as text, and reports it', async () => {
    const report = await importFiles(library.lib, [SEED_ARTICLE]);
    expect(report.imported[0]?.unlinkedAlsoSee).toEqual([
      'Russia Warns UN: ISIS May Have Access to U.S. Weapons in Afghanistan',
    ]);
    expect(getArticle(library.lib, report.imported[0]?.id ?? '').bodyText).toContain(
      'Also See: Russia Warns UN: ISIS May Have Access to U.S. Weapons in Afghanistan',
    );
  });
});

describe('importing the saved pages of corpora/pages', () => {
  it('imports all 23 with their headlines and authors', async () => {
    const files = pageNames().map((page) => path.join(PAGES, page, 'source.html'));
    expect(files).toHaveLength(23);
    const report = await importFiles(library.lib, files);
    expect(report.failed).toEqual([]);
    expect(report.imported).toHaveLength(23);
    for (const [index, page] of pageNames().entries()) {
      const article = getArticle(library.lib, report.imported[index]?.id ?? '');
      expect(article.headline, page).toBe(expectedHeadline(page));
      expect(article.bodyText.length, page).toBeGreaterThan(500);
    }
  }, 120_000);
});

describe('importing the BBC corpus', () => {
  it('imports all 2,225 files, skips the 101 exact duplicates, and finds each by a phrase of its text', async () => {
    const started = performance.now();
    const report = await importFiles(library.lib, CATEGORIES);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `BBC corpus: ${report.total} files in ${seconds.toFixed(1)} s (${Math.round(report.total / seconds)} files/s), ${report.imported.length} imported, ${report.duplicates.length} duplicates`,
    );

    const manifest = bbcManifest();
    expect(manifest).toHaveLength(2225);
    expect(report).toMatchObject({ total: 2225, failed: [], ignored: [], cancelled: false });
    const groups = manifest.filter((row) => row.duplicateGroup !== '');
    const expectedDuplicates = groups.length - new Set(groups.map((row) => row.duplicateGroup)).size;
    expect(expectedDuplicates).toBe(101);
    expect(report.imported).toHaveLength(2225 - expectedDuplicates);
    expect(report.duplicates).toHaveLength(expectedDuplicates);

    // file (relative to the corpus) → the article holding its text
    const relative = (file: string) => path.relative(path.dirname(BBC), file).split(path.sep).join('/');
    const articleOf = new Map<string, string>();
    for (const item of report.imported) articleOf.set(relative(item.file), item.id);
    for (const item of report.duplicates) articleOf.set(relative(item.file), item.existingId);
    const fileOf = new Map(report.imported.map((item) => [item.id, relative(item.file)]));
    const groupOf = new Map(manifest.map((row) => [row.path, row.duplicateGroup]));
    for (const item of report.duplicates) {
      const group = groupOf.get(relative(item.file));
      expect(group, item.file).not.toBe('');
      expect(groupOf.get(fileOf.get(item.existingId) ?? ''), item.file).toBe(group);
    }

    // The one Latin-1 file keeps its pound sign.
    const mutu = getArticle(library.lib, articleOf.get('bbc/sport/199.txt') ?? '');
    expect(mutu.headline).toBe('Chelsea sack Mutu');
    expect(mutu.bodyText).toContain('a £15.8m signing from Parma');

    let found = 0;
    for (const row of manifest) {
      const { text } = decodeText(fs.readFileSync(path.join(path.dirname(BBC), row.path)), row.path);
      const words =
        text
          .split('\n')
          .slice(1)
          .join(' ')
          .match(/[\p{L}\p{N}]+/gu) ?? [];
      const start = words.findIndex((_, i) => words.slice(i, i + 3).every((word) => word.length >= 4));
      const phrase = words.slice(start, start + 3).join(' ');
      const hits = search(library.lib, `"${phrase}"`, 100).hits.map((hit) => hit.id);
      expect(hits, `${row.path}: "${phrase}"`).toContain(articleOf.get(row.path));
      found += 1;
    }
    expect(found).toBe(2225);
  }, 120_000);

  it('can be cancelled part-way, keeping what was imported', async () => {
    const controller = new AbortController();
    const report = await importFiles(library.lib, CATEGORIES, {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 300) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    const stored = listArticles(library.lib, { offset: 0, limit: 1, trashed: false }).total;
    expect(stored).toBe(report.imported.length);
    expect(report.imported.length + report.duplicates.length).toBe(301);
  }, 60_000);
});

describe('malformed files', () => {
  it('are each refused with a clear message, and nothing else in the library changes', async () => {
    createArticle(library.lib, { headline: 'Already here', body: bodyFromParagraphs(['Keep me.']) });
    const dir = path.join(library.dir, 'bad');
    fs.mkdirSync(dir);
    const file = (name: string, content: string | Buffer) => {
      fs.writeFileSync(path.join(dir, name), content);
      return path.join(dir, name);
    };
    const whole = docxFile([{ style: 'Title', runs: ['Cut short'] }, { runs: ['Text.'] }]);
    const truncated = file('truncated.docx', whole.subarray(0, Math.floor(whole.length * 0.7)));
    const junk = file('junk.html', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const empty = file('empty.txt', '');
    const notWord = file('notes.docx', 'These are notes, not a Word file.');
    const huge = path.join(dir, 'one-line.txt');
    fs.writeFileSync(huge, Buffer.alloc(100 * 1024 * 1024, 0x61));
    const before = dumpDatabase(library.lib.db);

    const report = await importFiles(library.lib, [truncated, junk, empty, notWord, huge]);
    expect(report.imported).toEqual([]);
    expect(report.failed.map((item) => item.reason)).toEqual([
      `${truncated} is not a complete Word document: it may have been cut short while copying. Copy it again, or open it in Word and save it again.`,
      `${junk} does not look like a text file (it contains binary data). Copydesk imports text, Markdown, web pages and Word .docx files.`,
      `${empty} is empty: there is nothing to import.`,
      `${notWord} is not a Word document (.docx). Copydesk imports text, Markdown, web pages and .docx files.`,
      `${huge} is too large to import (100 MB; the limit for text files is 8.0 MB). Split it into smaller files.`,
    ]);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});

describe('copydesk import', () => {
  const copydesk = (args: string[]) => runCopydesk(args, { COPYDESK_DATA_DIR: path.join(library.dir, 'data') }, 60_000);

  it('prints progress and a summary, and exits 1 when a file failed', () => {
    const junk = path.join(library.dir, 'junk.html');
    fs.writeFileSync(junk, Buffer.from([0, 1, 2, 3]));
    const page = path.join(PAGES, 'bbc-1', 'source.html');
    const word = path.join(library.dir, 'briefing.docx');
    fs.writeFileSync(word, docxFile([{ style: 'Title', runs: ['Briefing notes'] }, { runs: ['The talks went on.'] }]));
    const run = copydesk(['import', SEED_ARTICLE, page, word, junk, '--library', library.file]);
    expect(run.stderr).toContain(`Importing 1/4: ${SEED_ARTICLE}`);
    expect(run.stdout).toContain('Imported 3 articles, skipped 0 duplicates, failed 1.');
    expect(run.stdout).toContain(`${junk} does not look like a text file`);
    expect(run.stdout).toContain('matches no article in the library; it was kept as text.');
    expect(run.code).toBe(1);

    const again = copydesk(['import', SEED_ARTICLE, '--library', library.file, '--json']);
    expect(again.code).toBe(0);
    const report = ImportReportSchema.parse(JSON.parse(again.stdout));
    expect(report.duplicates.map((item) => item.headline)).toEqual([SEED.headline]);
  }, 60_000);

  it('explains how to call it without paths', () => {
    const run = copydesk(['import', '--library', library.file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('import needs files or folders');
  });

  it('stops cleanly on Ctrl+C, keeping what was imported', async () => {
    const child = spawn(
      process.execPath,
      ['bin/copydesk.cjs', 'import', ...CATEGORIES, '--library', library.file, '--json'],
      {
        cwd: projectRoot,
        env: { ...process.env, COPYDESK_DATA_DIR: path.join(library.dir, 'data') },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('Importing') && child.signalCode === null && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toContain('Stopping after the current file');
    expect(code).toBe(130);
    const report: ImportReport = ImportReportSchema.parse(JSON.parse(stdout));
    expect(report.cancelled).toBe(true);
    expect(report.imported.length).toBeLessThan(2225);
    library.host.switchTo(library.file);
    expect(listArticles(library.lib, { offset: 0, limit: 1, trashed: false }).total).toBe(report.imported.length);
  }, 60_000);
});

describe('the import channels', () => {
  it('import files sent as base64 in the background, report progress and refuse oversized requests', async () => {
    const handlers = createHandlers(library.context);
    const seed = fs.readFileSync(SEED_ARTICLE).toString('base64');
    const started = await dispatch(handlers, 'imports:start', {
      files: [{ name: 'seed-article.txt', dataBase64: seed }],
    });
    expect(started.ok).toBe(true);
    if (!started.ok) return;
    const { jobId } = started.value as { jobId: string };
    let status = await dispatch(handlers, 'imports:status', { jobId });
    while (status.ok && (status.value as { state: string }).state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      status = await dispatch(handlers, 'imports:status', { jobId });
    }
    expect(status).toMatchObject({
      ok: true,
      value: { state: 'done', done: 1, total: 1, result: { imported: [{ headline: SEED.headline }] } },
    });

    const unknown = await dispatch(handlers, 'imports:status', { jobId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const tooBig = await dispatch(handlers, 'imports:start', {
      files: [{ name: 'big.txt', dataBase64: 'A'.repeat(Math.ceil((50 * 1024 * 1024) / 3) * 4 + 4) }],
    });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!tooBig.ok) expect(tooBig.error.message).toMatch(/larger than 50 MB together/);
  });
});

it('reads the shared corpora from next to the repository', () => {
  expect(fs.existsSync(path.join(PAGES, 'manifest.csv'))).toBe(true);
});
