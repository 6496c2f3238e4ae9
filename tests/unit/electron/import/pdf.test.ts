import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { importFiles } from '../../../../electron/import/importFiles';
import { parsePdf } from '../../../../electron/import/pdf';
import { getArticle } from '../../../../electron/services/articles';
import { articleSources, getSnapshot } from '../../../../electron/services/sources';
import { openTempLibrary } from '../../../helpers/library';
import { pdfDocument } from '../../../helpers/pdf';

/** A two-page press release, its paragraphs set over several lines as a PDF's are, each page numbered. */
const RELEASE = [
  [
    ['Pakistan and Russia agree to deepen counterterrorism cooperation'],
    [
      'ISLAMABAD: Senior officials from Pakistan and Russia on Tuesday agreed to',
      'strengthen cooperation in the face of evolving terrorism in the region,',
      'the ministry said in a statement.',
    ],
    [
      'The two delegations met in Moscow for the 11th meeting of the joint working',
      'group to counter international terrorism, led by the special secretary.',
    ],
    ['1'],
  ],
  [
    ['Ministry of Foreign Affairs'],
    [
      'Both sides decided to hold the next meeting in 2026, and to share their',
      'experience of countering militancy in the meantime.',
    ],
    [
      'The platform gives both sides an opportunity to share their experiences',
      'and best practices in battling militancy, the statement said, and the',
      'delegations thanked their hosts.',
    ],
    ['2'],
  ],
];

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

describe('a PDF read as an article', () => {
  it('takes the headline from its first line, the text in paragraphs, the dateline, and no page numbers', async () => {
    const article = await parsePdf(pdfDocument(RELEASE), 'release.pdf');
    expect(article).toMatchObject({
      format: 'pdf',
      headline: 'Pakistan and Russia agree to deepen counterterrorism cooperation',
      dateline: 'ISLAMABAD',
    });
    expect(article.body.root.children).toHaveLength(5);
    expect(JSON.stringify(article.body)).toContain(
      'Senior officials from Pakistan and Russia on Tuesday agreed to strengthen',
    );
    expect(JSON.stringify(article.body)).not.toMatch(/"text":"[12]"/);
    expect(article.keepAsSource).toMatchObject({ format: 'pdf', fileName: 'release.pdf' });
  });

  it('takes the title its properties give, once, and a real name as its author, but not a word processor’s defaults', async () => {
    const titled = await parsePdf(
      pdfDocument(RELEASE, { title: 'Press release: JWG on counterterrorism', author: 'Ministry Of Foreign Affairs' }),
      'release.pdf',
    );
    expect(titled.headline).toBe('Press release: JWG on counterterrorism');
    expect(titled.authors).toEqual([{ name: 'Ministry Of Foreign Affairs', bio: '' }]);
    // The title printed as the first line is the headline, not the text's first paragraph too.
    const same = await parsePdf(
      pdfDocument(RELEASE, { title: 'Pakistan and Russia agree to deepen counterterrorism cooperation' }),
      'r.pdf',
    );
    expect(JSON.stringify(same.body)).not.toContain('agree to deepen');
    const untitled = await parsePdf(
      pdfDocument(RELEASE, { title: 'Microsoft Word - release_final.docx', author: 'jsmith' }),
      'r.pdf',
    );
    expect(untitled.headline).toBe('Pakistan and Russia agree to deepen counterterrorism cooperation');
    expect(untitled.authors).toEqual([]);
  });

  it('is stored with the PDF kept as its source, whose snapshot holds the text', async () => {
    const report = await importFiles(library.lib, [{ name: 'press/release.pdf', bytes: pdfDocument(RELEASE) }]);
    const [item] = report.imported;
    expect(item).toMatchObject({
      format: 'pdf',
      headline: 'Pakistan and Russia agree to deepen counterterrorism cooperation',
    });
    expect(item?.notes.join(' ')).toMatch(/kept as the story's source/);
    const sources = articleSources(library.lib, item?.id ?? '');
    expect(sources).toHaveLength(1);
    expect(sources[0]).toMatchObject({
      kind: 'document',
      title: 'Pakistan and Russia agree to deepen counterterrorism cooperation',
    });
    const snapshot = getSnapshot(library.lib, sources[0]?.snapshots[0]?.id ?? '');
    expect(snapshot).toMatchObject({ format: 'pdf', fileName: 'press/release.pdf' });
    expect(snapshot.text).toContain('Both sides decided to hold the next meeting in 2026');
    expect(getArticle(library.lib, item?.id ?? '').bodyText).toContain('Both sides decided');

    // The same PDF again is the same article: skipped, and no second source.
    const again = await importFiles(library.lib, [{ name: 'release.pdf', bytes: pdfDocument(RELEASE) }]);
    expect(again.duplicates).toHaveLength(1);
    expect(articleSources(library.lib, item?.id ?? '')).toHaveLength(1);
  });

  it('refuses a PDF with no text or a damaged one, with the reason, and stores nothing', async () => {
    const report = await importFiles(library.lib, [
      { name: 'scan.pdf', bytes: pdfDocument([[]]) },
      { name: 'broken.pdf', bytes: Buffer.from('%PDF-1.7\nnot really') },
    ]);
    expect(report.imported).toEqual([]);
    expect(report.failed).toEqual([
      {
        file: 'scan.pdf',
        reason: expect.stringMatching(/^scan\.pdf has no text to quote: it is probably a scanned image/) as string,
      },
      { file: 'broken.pdf', reason: 'broken.pdf is damaged or incomplete and cannot be read as a PDF.' },
    ]);
  });
});
