import fs from 'node:fs';

import { afterAll, describe, expect, it } from 'vitest';

import { contract } from '../../shared/api';
import { ImportReportSchema } from '../../shared/imports';
import { runCopydesk } from '../helpers/cli';
import { lockedPdf, longReportPdf, pressReleasePdf, RELEASE, scannedPdf } from '../helpers/pressRelease';
import { tempDir } from '../helpers/tempLibrary';

/**
 * `copydesk import` given press releases as PDF, as a person runs it in a terminal: the
 * release becomes an article with the PDF as its source, and PDFs it cannot read are refused
 * with what to do, leaving nothing of them behind.
 */

const tmp = tempDir('copydesk-import-pdf-');
const library = tmp.file('desk.sqlite3');
afterAll(() => tmp.cleanup());

function copydesk(args: readonly string[]) {
  return runCopydesk([...args, '--library', library], { COPYDESK_DATA_DIR: tmp.file('data') }, 60_000);
}

function write(name: string, bytes: Uint8Array): string {
  const file = tmp.file(name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** How many articles the library holds, as `copydesk list --json` counts them. */
function articleCount(): number {
  const run = copydesk(['list', '--json']);
  expect(run.code).toBe(0);
  return contract['articles:list'].result.parse(JSON.parse(run.stdout)).total;
}

/** The library's sources as `copydesk sources list --json` gives them. */
function sources() {
  const run = copydesk(['sources', 'list', '--json']);
  expect(run.code).toBe(0);
  return contract['sources:list'].result.parse(JSON.parse(run.stdout)).sources;
}

describe('copydesk import FILE.pdf', () => {
  it('makes a press release an article, its text whole, with the PDF kept as its source', () => {
    const release = write('nha-night-ferries.pdf', pressReleasePdf());
    const run = copydesk(['import', release, '--json']);
    expect(run.code).toBe(0);
    const report = ImportReportSchema.parse(JSON.parse(run.stdout));
    expect(report.failed).toEqual([]);
    const [item] = report.imported;
    expect(item).toMatchObject({ format: 'pdf', headline: RELEASE.headline });
    expect(item?.notes).toContain(
      `The file is kept as the story's source, with its text as a snapshot (Sources panel): "${RELEASE.headline}".`,
    );

    const shown = copydesk(['show', item?.id ?? '']);
    expect(shown.code).toBe(0);
    expect(shown.stdout.split('\n').slice(0, 2)).toEqual([RELEASE.headline, RELEASE.dek]);
    expect(shown.stdout).toContain(`\n\nPORTSMOUTH, 2026-03-12: ${RELEASE.first}\n\n`);
    expect(shown.stdout).toContain(`\n\n${RELEASE.overThePage}\n\n`);
    expect(shown.stdout).not.toMatch(/Page \d of 2|PRESS RELEASE|###/);

    const listed = copydesk(['sources', 'list']);
    expect(listed.stdout).toContain(
      `  ${RELEASE.headline}\n    Document · NORTHWIND HARBOUR AUTHORITY · 2026-03-12 · reliability F · 1 snapshot`,
    );

    // The same PDF again: the article is there already, and so is its source.
    const again = copydesk(['import', release, '--json']);
    expect(again.code).toBe(0);
    expect(ImportReportSchema.parse(JSON.parse(again.stdout)).duplicates).toMatchObject([
      { headline: RELEASE.headline, existingId: item?.id },
    ]);
    expect(sources()).toHaveLength(1);
  }, 90_000);

  it('refuses a PDF behind a password, a scan and a book-length one, one line each, and keeps nothing of them', () => {
    const files = [
      write('locked.pdf', lockedPdf()),
      write('scan.pdf', scannedPdf()),
      write('annual-report.pdf', longReportPdf(301)),
    ];
    const before = { articles: articleCount(), sources: sources().length };
    const run = copydesk(['import', ...files]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Imported 0 articles, skipped 0 duplicates, failed 3.');
    expect(run.stdout).toContain(
      `  ${files[0]} is protected by a password. Open it, save a copy without the password (or print it to a new PDF), and use that.\n`,
    );
    expect(run.stdout).toContain(
      `  ${files[1]} has no text to quote: it is probably a scanned image. Run it through text recognition (OCR) first, or paste the passage.\n`,
    );
    expect(run.stdout).toContain(
      `  ${files[2]} has 301 pages, more than the 300 Copydesk reads as one story. Save the pages the story needs as a PDF of their own (Print, then Save as PDF with those pages) and import that.\n`,
    );
    expect(articleCount()).toBe(before.articles);
    expect(sources()).toHaveLength(before.sources);
  }, 90_000);
});
