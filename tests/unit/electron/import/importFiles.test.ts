import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { importFiles } from '../../../../electron/import/importFiles';
import { getArticle, listArticles } from '../../../../electron/services/articles';
import { dumpDatabase, openTempLibrary } from '../../../helpers/library';
import { pngImage } from '../../../helpers/images';
import { docxFile } from './fixtures';

let library: ReturnType<typeof openTempLibrary>;
let folder: string;
beforeEach(() => {
  library = openTempLibrary();
  folder = path.join(library.dir, 'archive');
  fs.mkdirSync(path.join(folder, '2024', '.drafts'), { recursive: true });
});
afterEach(() => library.close());

function write(relative: string, content: string | Buffer): string {
  const file = path.join(folder, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

describe('importFiles', () => {
  it('imports folders recursively, in name order, leaving out hidden files and files that are not articles', async () => {
    write('b-ferry.txt', 'Ferry trial approved\n\nThe council voted.');
    write('2024/a-lighthouse.md', '---\ntitle: Lighthouse reopens\n---\nOn Friday.');
    write('2024/c-story.docx', docxFile([{ style: 'Title', runs: ['Harbour dredging'] }, { runs: ['Work starts.'] }]));
    write('2024/.drafts/secret.txt', 'Hidden\n\nNot for import.');
    write('.hidden.txt', 'Hidden\n\nNot for import.');
    write('photo.jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    write('README', 'no extension');

    const report = await importFiles(library.lib, [folder]);
    expect(report.imported.map((item) => [item.headline, path.relative(folder, item.file), item.format])).toEqual([
      ['Lighthouse reopens', path.join('2024', 'a-lighthouse.md'), 'markdown'],
      ['Harbour dredging', path.join('2024', 'c-story.docx'), 'docx'],
      ['Ferry trial approved', 'b-ferry.txt', 'text'],
    ]);
    expect(report.ignored.map((item) => path.basename(item.file))).toEqual(['photo.jpg', 'README']);
    expect(report).toMatchObject({ total: 3, duplicates: [], failed: [], cancelled: false });
    expect(listArticles(library.lib, { offset: 0, limit: 10, trashed: false }).total).toBe(3);
  });

  it('lists a file that fails with its reason and imports the rest', async () => {
    const good = write('good.txt', 'Good story\n\nText.');
    const empty = write('empty.txt', '');
    const junk = write('junk.html', Buffer.from([0x00, 0x01, 0x02, 0xff]));
    const sheet = write('figures.ods', 'PK');
    const report = await importFiles(library.lib, [empty, good, junk, sheet, path.join(folder, 'missing.txt')]);
    expect(report.imported.map((item) => item.headline)).toEqual(['Good story']);
    expect(report.failed).toEqual([
      { file: empty, reason: `${empty} is empty: there is nothing to import.` },
      { file: junk, reason: expect.stringMatching(/junk\.html does not look like a text file/) as string },
      {
        file: sheet,
        reason: `${sheet} is not a kind of file Copydesk imports: use .txt, .md, .html, .htm, .docx, .pdf, ninjs .json or a package .zip.`,
      },
      {
        file: path.join(folder, 'missing.txt'),
        reason: `${path.join(folder, 'missing.txt')} does not exist or cannot be read.`,
      },
    ]);
  });

  it('refuses a file over the size limit from its size alone', async () => {
    const big = path.join(folder, 'big.txt');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 9 * 1024 * 1024);
    const report = await importFiles(library.lib, [big]);
    expect(report.failed[0]?.reason).toBe(
      `${big} is too large to import (9.0 MB; the limit for text files is 8.0 MB). Split it into smaller files.`,
    );
  });

  it('keeps what a failing article would have stored out, while the others in its batch are stored', async () => {
    write('a.txt', 'First\n\nText.');
    write(
      'b.txt',
      `Runaway\n\n${Array.from({ length: 60_000 }, (_, i) => `Line ${i} of a runaway file.`).join('\n\n')}`,
    );
    write('c.txt', 'Third\n\nText.');
    const report = await importFiles(library.lib, [folder]);
    expect(report.imported.map((item) => item.headline)).toEqual(['First', 'Third']);
    expect(report.failed.map((item) => item.reason)).toEqual([
      `${path.join(folder, 'b.txt')} is too large to import: its text would be more than 8 MB of editor data.`,
    ]);
  });

  it('reports progress before each file and once at the end', async () => {
    write('a.txt', 'A\n\nText.');
    write('b.txt', 'B\n\nText.');
    const calls: [number, number, string | null][] = [];
    await importFiles(library.lib, [folder], { onProgress: (...args) => calls.push(args) });
    expect(calls).toEqual([
      [0, 2, path.join(folder, 'a.txt')],
      [1, 2, path.join(folder, 'b.txt')],
      [2, 2, null],
    ]);
  });

  it('stops after the current file when cancelled, keeping what was imported', async () => {
    for (const name of ['a', 'b', 'c', 'd']) write(`${name}.txt`, `${name.toUpperCase()} story\n\nText of ${name}.`);
    const controller = new AbortController();
    const report = await importFiles(library.lib, [folder], {
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) controller.abort();
      },
    });
    expect(report.cancelled).toBe(true);
    expect(report.imported.map((item) => item.headline)).toEqual(['A story', 'B story']);
    expect(listArticles(library.lib, { offset: 0, limit: 10, trashed: false }).total).toBe(2);
  });

  it('skips files whose text is already in the library and reports them', async () => {
    const a = write('a.txt', 'Same story\n\nSame text.');
    const b = write('b.txt', 'Same Story\r\n\r\nSame   text.\r\n');
    const first = await importFiles(library.lib, [a]);
    const before = dumpDatabase(library.lib.db);
    const second = await importFiles(library.lib, [a, b]);
    expect(second.imported).toEqual([]);
    expect(second.duplicates).toEqual([
      {
        file: a,
        headline: 'Same story',
        existingId: first.imported[0]?.id,
        existingHeadline: 'Same story',
        existingTrashed: false,
      },
      {
        file: b,
        headline: 'Same Story',
        existingId: first.imported[0]?.id,
        existingHeadline: 'Same story',
        existingTrashed: false,
      },
    ]);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('imports files given as bytes, as the UI sends them', async () => {
    const report = await importFiles(library.lib, [
      { name: 'story.txt', bytes: Buffer.from('From the UI\n\nText.') },
      { name: '.DS_Store', bytes: Buffer.from([0, 0, 0, 1]) },
      { name: 'picture.png', bytes: Buffer.from([0x89, 0x50]) },
    ]);
    expect(report.imported.map((item) => [item.file, item.headline])).toEqual([['story.txt', 'From the UI']]);
    expect(report.ignored.map((item) => item.file)).toEqual(['picture.png']);
    expect(report.total).toBe(1);
    expect(getArticle(library.lib, report.imported[0]?.id ?? '').bodyText).toBe('Text.');
  });

  it('lets timers and requests run between files', async () => {
    const sources = Array.from({ length: 20 }, (_, i) => ({
      name: `${i}.txt`,
      bytes: Buffer.from(`Story ${i}\n\nText ${i}.`),
    }));
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    const seen: number[] = [];
    await importFiles(library.lib, sources, { onProgress: () => seen.push(ticks) });
    clearInterval(timer);
    // Files in memory need no I/O: only the importer's own yielding lets the timer run.
    expect(seen[seen.length - 1]).toBeGreaterThan(0);
  });
});

describe('importFiles: what a folder and its files say', () => {
  it('files each article under the section its folder is named for, unless the file names its own', async () => {
    write('desk/business/001.txt', 'Shares rise\n\nMarkets rallied.');
    write('desk/Sport/Premier_League/002.txt', 'Chelsea win\n\nThe match ended 2-0.');
    write('desk/business/own.md', '---\ntitle: Own section\nsection: Markets Live\n---\nText.');
    write('desk/drafts/003.txt', 'No section\n\nA draft.');
    const report = await importFiles(library.lib, [path.join(folder, 'desk')]);
    const sections = report.imported.map((item) => [item.headline, getArticle(library.lib, item.id).section]);
    expect(sections).toEqual([
      ['Shares rise', 'Business'],
      ['Own section', 'Markets Live'],
      ['No section', ''],
      ['Chelsea win', 'Sport'],
    ]);
    // As the window sends a dropped folder: the same, from the names' folders.
    const sent = await importFiles(library.lib, [{ name: 'bbc/tech/010.txt', bytes: Buffer.from('Chips\n\nFaster.') }]);
    expect(getArticle(library.lib, sent.imported[0]?.id ?? '').section).toBe('Tech');
  });

  it('brings a page saved complete in with its pictures, captioned and credited, and lists the rest of its folder', async () => {
    const png = pngImage(120, 80);
    write(
      'Story.html',
      `<!doctype html><html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>
       <p>${'The harbour reopened on Monday after a month of dredging, the port authority said in a statement. '.repeat(4)}</p>
       <figure><img src="Story_files/quay.png" alt="The quay"><figcaption>Boats return to the quay <span class="credit">Photograph: Amna Riaz</span></figcaption></figure>
       <figure><img src="https://img.example/elsewhere.jpg"><figcaption>Not saved</figcaption></figure>
       <p>${'Fishing boats were the first to come back, followed by the ferry in the afternoon. '.repeat(4)}</p>
       </article></body></html>`,
    );
    write('Story_files/quay.png', png);
    write('Story_files/site.css', 'body {}');
    const report = await importFiles(library.lib, [folder]);
    expect(report.failed).toEqual([]);
    expect(report.ignored).toEqual([
      {
        file: path.join(folder, 'Story_files', 'site.css'),
        reason: 'part of the saved page Story.html (its styles, scripts and the like): an article does not need it',
      },
    ]);
    const [item] = report.imported;
    expect(item?.notes).toContain(
      '1 picture was not in the saved page: left out with their captions. Save the page complete, with its files, to bring them in, or add them by hand.',
    );
    const article = getArticle(library.lib, item?.id ?? '');
    const pictures = article.body.root.children.filter((node) => node.type === 'inline-image');
    expect(pictures).toEqual([
      expect.objectContaining({
        caption: 'Boats return to the quay',
        credit: 'Amna Riaz',
        altText: 'The quay',
        width: 120,
      }),
    ]);
    expect(article.bodyText).not.toMatch(/Boats return|Amna Riaz|Not saved|copydesk-image/);

    // Sent by the window, the page's pictures come with it by their path.
    const sent = await importFiles(
      library.lib,
      [
        {
          name: 'saved/Other.htm',
          bytes: fs
            .readFileSync(path.join(folder, 'Story.html'))
            .toString()
            .replace(/Story_files/g, 'Other_files')
            .replace('Harbour reopens', 'Harbour reopens again'),
        },
        { name: 'saved/Other_files/quay.png', bytes: png },
        { name: 'saved/Other_files/app.js', bytes: Buffer.from('x()') },
      ].map((file) => ({ name: file.name, bytes: Buffer.from(file.bytes) })),
    );
    expect(sent.ignored.map((entry) => entry.file)).toEqual(['saved/Other_files/app.js']);
    const other = getArticle(library.lib, sent.imported[0]?.id ?? '');
    expect(other.body.root.children.filter((node) => node.type === 'inline-image')).toHaveLength(1);
  });

  it('says why a picture or another file is left alone', async () => {
    const report = await importFiles(library.lib, [
      { name: 'photo.jpg', bytes: Buffer.from([0xff, 0xd8]) },
      { name: 'sheet.xlsx', bytes: Buffer.from('PK') },
    ]);
    expect(report.ignored).toEqual([
      {
        file: 'photo.jpg',
        reason:
          'a picture, not an article: add it to a story as its lead image (Choose lead image) or in the text (Insert image)',
      },
      {
        file: 'sheet.xlsx',
        reason:
          'not an article file (Copydesk imports .txt, .md, .html, .htm, .docx, .pdf, ninjs .json or a package .zip)',
      },
    ]);
  });
});
