import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { importFiles } from '../../../../electron/import/importFiles';
import { parsePdf } from '../../../../electron/import/pdf';
import { getArticle, listArticles } from '../../../../electron/services/articles';
import { articleSources, findSources, getSnapshot } from '../../../../electron/services/sources';
import { bodyToPlainText } from '../../../../shared/text';
import { openTempLibrary } from '../../../helpers/library';
import type { PlacedLine } from '../../../helpers/pdf';
import { pdfDocument, placedPdf, textWidth } from '../../../helpers/pdf';
import {
  letterheadStatementPdf,
  RELEASE,
  lockedPdf,
  longReportPdf,
  plainStatementPdf,
  pressReleasePdf,
  scannedPdf,
} from '../../../helpers/pressRelease';

/** A two-page press release, its paragraphs set over several lines as a PDF's are, each page numbered. */
const STATEMENT = [
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
    const article = await parsePdf(pdfDocument(STATEMENT), 'release.pdf');
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
      pdfDocument(STATEMENT, {
        title: 'Press release: JWG on counterterrorism',
        author: 'Ministry Of Foreign Affairs',
      }),
      'release.pdf',
    );
    expect(titled.headline).toBe('Press release: JWG on counterterrorism');
    expect(titled.authors).toEqual([{ name: 'Ministry Of Foreign Affairs', bio: '' }]);
    // The title printed as the first line is the headline, not the text's first paragraph too.
    const same = await parsePdf(
      pdfDocument(STATEMENT, { title: 'Pakistan and Russia agree to deepen counterterrorism cooperation' }),
      'r.pdf',
    );
    expect(JSON.stringify(same.body)).not.toContain('agree to deepen');
    const untitled = await parsePdf(
      pdfDocument(STATEMENT, { title: 'Microsoft Word - release_final.docx', author: 'jsmith' }),
      'r.pdf',
    );
    expect(untitled.headline).toBe('Pakistan and Russia agree to deepen counterterrorism cooperation');
    expect(untitled.authors).toEqual([]);
  });

  it('is stored with the PDF kept as its source, whose snapshot holds the text', async () => {
    const report = await importFiles(library.lib, [{ name: 'press/release.pdf', bytes: pdfDocument(STATEMENT) }]);
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
    const again = await importFiles(library.lib, [{ name: 'release.pdf', bytes: pdfDocument(STATEMENT) }]);
    expect(again.duplicates).toHaveLength(1);
    expect(articleSources(library.lib, item?.id ?? '')).toHaveLength(1);
  });
});

/** The paragraphs of an article's body, as a reader reads them. */
const paragraphsOf = (article: { body: Parameters<typeof bodyToPlainText>[0] }) =>
  bodyToPlainText(article.body).split('\n\n');

describe('a press release printed to PDF', () => {
  it('takes the headline from the largest type after the letterhead, "PRESS RELEASE" and the date, with its dek and dateline', async () => {
    const article = await parsePdf(pressReleasePdf(), 'nha-night-ferries.pdf');
    expect(article).toMatchObject({
      format: 'pdf',
      headline: RELEASE.headline,
      dek: RELEASE.dek,
      dateline: 'PORTSMOUTH',
      datelineDate: '2026-03-12',
      // The PDF's Author is an account ("jdoe"), not a byline.
      authors: [],
    });
    expect(article.notes).toContain(
      `Left out of the text, from above the headline: "${RELEASE.issuer}", "1 Quay Road, Portsmouth PO1 2AB | press@nha.example | +44 23 9200 0000", "PRESS RELEASE", "Thursday, 12 March 2026". The PDF, kept as the source, still has them.`,
    );
  });

  it('joins each paragraph over its lines and pages, makes hyphenated words whole, keeps compounds, and leaves out page numbers, the running head and "###"', async () => {
    const paragraphs = paragraphsOf(await parsePdf(pressReleasePdf(), 'release.pdf'));
    expect(paragraphs).toHaveLength(13);
    expect(paragraphs[0]).toBe(RELEASE.first);
    // The first page ends in this paragraph, on "num-"; the second goes on with "bers".
    expect(paragraphs[8]).toBe(RELEASE.overThePage);
    expect(paragraphs[9]).toBe(RELEASE.wheelchairs);
    expect(paragraphs.slice(-2)).toEqual(['Notes to editors', RELEASE.notes]);
    const text = paragraphs.join('\n');
    for (const word of ['surcharge', 'permanent', 'announcements', 'maintenance', 'long-term', 'forty-minute']) {
      expect(text).toContain(word);
    }
    expect(text).not.toMatch(/Page \d|Night ferry trial|###|\w- \w/);
  });

  it('keeps the hyphen of a compound broken at a line’s end, and no other', async () => {
    const pdf = pdfDocument([
      [
        ['Statement on the summer timetable'],
        [
          'The ferries will run long-',
          'er hours in summer under a long-',
          'term contract with a self-',
          'governing trust, a well-',
          'known operator whose boats are wheel-',
          'chair accessible and carry cyc-',
          'lists free.',
        ],
      ],
    ]);
    expect(paragraphsOf(await parsePdf(pdf, 'timetable.pdf'))).toEqual([
      'The ferries will run longer hours in summer under a long-term contract with a self-governing trust, a well-known operator whose boats are wheelchair accessible and carry cyclists free.',
    ]);
  });

  it('starts a paragraph at an indented line where no space is set between paragraphs, words placed one by one', async () => {
    // Some PDF makers place each word on its own, with no space character between them.
    const words = (text: string, x: number, y: number): PlacedLine[] => {
      let at = x;
      return text.split(' ').map((word) => {
        const placed = { text: word, x: at, y, size: 11 };
        at += textWidth(`${word} `, 11);
        return placed;
      });
    };
    const lines = [
      'The council voted on Tuesday to close the old bridge to lorries from June, after',
      'engineers found cracks in two of its piers during an inspection carried out by',
      'contractors last month, and said the bridge would stay open to cars and buses.',
      'Drivers of vehicles over 7.5 tonnes will be sent round by the ring road, which',
      'adds about four miles to the journey between the industrial estate and the port.',
    ];
    const pdf = placedPdf([
      [
        { text: 'Bridge closed to lorries after cracks found', x: 72, y: 720, size: 16 },
        ...lines.flatMap((line, index) => words(line, index === 3 ? 94 : 72, 690 - index * 13.5)),
      ],
    ]);
    const article = await parsePdf(pdf, 'bridge.pdf');
    expect(article.headline).toBe('Bridge closed to lorries after cracks found');
    expect(paragraphsOf(article)).toEqual([lines.slice(0, 3).join(' '), lines.slice(3).join(' ')]);
  });

  it('is stored with the PDF as its source: named after the headline, from the letterhead’s body, on the day of issue, its snapshot the whole text', async () => {
    const report = await importFiles(library.lib, [{ name: 'nha-night-ferries.pdf', bytes: pressReleasePdf() }]);
    expect(report.failed).toEqual([]);
    const [item] = report.imported;
    expect(item).toMatchObject({ format: 'pdf', headline: RELEASE.headline });
    const [source] = articleSources(library.lib, item?.id ?? '');
    expect(source).toMatchObject({
      kind: 'document',
      title: RELEASE.headline,
      publisher: RELEASE.issuer,
      publishedDate: '2026-03-12',
      author: '',
    });
    const snapshot = getSnapshot(library.lib, source?.snapshots[0]?.id ?? '');
    expect(snapshot).toMatchObject({ format: 'pdf', fileName: 'nha-night-ferries.pdf' });
    // The snapshot is the document as printed, letterhead and all, each paragraph whole.
    expect(snapshot.text.split('\n\n').slice(0, 4)).toEqual([
      RELEASE.issuer,
      '1 Quay Road, Portsmouth PO1 2AB | press@nha.example | +44 23 9200 0000',
      'PRESS RELEASE',
      'Thursday, 12 March 2026',
    ]);
    expect(snapshot.text).toContain(`\n\n${RELEASE.overThePage}\n\n`);
    expect(snapshot.text).not.toContain(RELEASE.runningHead);
    expect(snapshot.text).not.toContain('Page 2 of 2');
  });

  it('tells a ministry’s name printed large on its letterhead from the smaller headline under it', async () => {
    const article = await parsePdf(letterheadStatementPdf(), 'statement.pdf');
    expect(article).toMatchObject({
      headline: 'Pakistan and Oman agree to open a ferry route between Gwadar and Muscat',
      dateline: 'ISLAMABAD',
    });
    expect(paragraphsOf(article)[0]).toMatch(/^Pakistan and Oman on Monday agreed/);
    expect(article.keepAsSource?.about.publisher).toBe('Ministry of Maritime Affairs');
  });

  it('reads a statement set all at one size: the headline after the labels and the contact, a wire dateline, and the embargo told', async () => {
    const article = await parsePdf(plainStatementPdf(), 'kestrel.pdf');
    expect(article).toMatchObject({
      headline: 'Kestrel Rail orders forty battery trains for its branch lines',
      dateline: 'LONDON',
      datelineDate: '2026-03-12',
    });
    expect(paragraphsOf(article)).toEqual([
      'Kestrel Rail has ordered forty battery trains to replace the diesel units on its four branch lines, the company said on Thursday, in a deal worth 310 million pounds.',
      'The first trains will enter service in 2028. They can run 80 kilometres between charges, enough for every branch line on the network without new overhead wires.',
    ]);
    expect(article.notes).toContain(
      'The release is under embargo ("EMBARGOED UNTIL 00:01 GMT, 12 March 2026"): check it before publishing.',
    );
  });

  it('refuses a PDF behind a password, a scan, a damaged file and one far longer than a story, each saying what to do, and stores nothing of them', async () => {
    const release = pressReleasePdf();
    const report = await importFiles(library.lib, [
      { name: 'locked.pdf', bytes: lockedPdf() },
      { name: 'scan.pdf', bytes: scannedPdf() },
      { name: 'cut.pdf', bytes: release.subarray(0, Math.floor(release.length * 0.6)) },
      { name: 'broken.pdf', bytes: Buffer.from('%PDF-1.7\nnot really') },
      { name: 'annual-report.pdf', bytes: longReportPdf(301) },
    ]);
    expect(report.imported).toEqual([]);
    expect(report.failed).toEqual([
      {
        file: 'locked.pdf',
        reason:
          'locked.pdf is protected by a password. Open it, save a copy without the password (or print it to a new PDF), and use that.',
      },
      {
        file: 'scan.pdf',
        reason:
          'scan.pdf has no text to quote: it is probably a scanned image. Run it through text recognition (OCR) first, or paste the passage.',
      },
      {
        file: 'cut.pdf',
        reason:
          'cut.pdf is damaged or incomplete and cannot be read as a PDF. Download or export it again, then try once more.',
      },
      {
        file: 'broken.pdf',
        reason:
          'broken.pdf is damaged or incomplete and cannot be read as a PDF. Download or export it again, then try once more.',
      },
      {
        file: 'annual-report.pdf',
        reason:
          'annual-report.pdf has 301 pages, more than the 300 Copydesk reads as one story. Save the pages the story needs as a PDF of their own (Print, then Save as PDF with those pages) and import that.',
      },
    ]);
    expect(listArticles(library.lib, { offset: 0, limit: 1, trashed: false }).total).toBe(0);
    expect(findSources(library.lib, '', 10).sources).toEqual([]);
  });
});
