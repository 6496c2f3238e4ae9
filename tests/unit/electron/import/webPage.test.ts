import fs from 'node:fs';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { headlineWithoutSite, parseWebPage } from '../../../../electron/import/webPage';
import { bodyToPlainText } from '../../../../shared/text';
import {
  expectedHeadline,
  expectedMetadata,
  expectedText,
  HEADLINE_CORRECTIONS,
  PAGES,
  pageNames,
  pictureWords,
  wordBagSimilarity,
} from './fixtures';

const space = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * Bylines compared without a leading "By ": an author's name is stored without it, while
 * Readability reports the byline as the page prints it ("By Ana Sandoiu").
 */
const asName = (byline: string | null): string => space(byline).replace(/^by\s+/i, '');

/** Pages whose author deliberately differs from Readability's byline, and why. */
const BYLINE_DIFFERENCES: Record<string, string> = {
  'seattletimes-1':
    'Readability reports the page’s date line ("April 28, 2019 at 6:01 am Updated …") as its byline; a date is not a name, so no author is set.',
};

/** What a picture's labels leave in a text when they are read as words: "Image caption", "CreditCredit…". */
const DEBRIS = /^(?:image|photo|picture|video)?\s*(?:caption|copyright|credit)s?\b|credit\s*credit/iu;

type JsonNode = { type: string; text?: string; children?: JsonNode[] };
const textOfNode = (node: JsonNode): string => node.text ?? (node.children ?? []).map(textOfNode).join('');

/** The text of every block of a body, list items one by one. */
function blockTexts(body: { root: { children: unknown[] } }): string[] {
  return (body.root.children as JsonNode[]).flatMap((node) =>
    node.type === 'list' ? (node.children ?? []).map((item) => textOfNode(item).trim()) : [textOfNode(node).trim()],
  );
}

const rows: { page: string; similarity: number; title: string; byline: string }[] = [];

describe('the real pages in corpora/pages', () => {
  it.each(pageNames())('%s imports with its title, byline and article text', (page) => {
    const html = fs.readFileSync(path.join(PAGES, page, 'source.html'), 'utf8');
    const expected = expectedMetadata(page);
    const article = parseWebPage(html, `${page}/source.html`);
    const similarity = wordBagSimilarity(bodyToPlainText(article.body), expectedText(page));
    const names = article.authors.map((author) => author.name).join(', ');
    const bylineMatches = names === asName(expected.byline);
    rows.push({
      page,
      similarity,
      title:
        article.headline === space(expected.title)
          ? 'same'
          : `differs: "${article.headline}"${page in HEADLINE_CORRECTIONS ? ` (${HEADLINE_CORRECTIONS[page]?.why})` : ''}`,
      byline: bylineMatches ? 'same' : `differs: ${BYLINE_DIFFERENCES[page] ?? `"${names}"`}`,
    });

    expect(article.headline).toBe(expectedHeadline(page));
    if (BYLINE_DIFFERENCES[page] === undefined) {
      expect(names).toBe(asName(expected.byline));
    } else {
      expect(names).not.toBe(asName(expected.byline));
    }
    expect(similarity).toBeGreaterThanOrEqual(0.9);

    // No picture's words are left in the text as paragraphs or empty list items.
    const blocks = blockTexts(article.body);
    const captions = new Set(pictureWords(page));
    expect(blocks.filter((block) => captions.has(block) || DEBRIS.test(block) || block === '')).toEqual([]);
    // A page whose pictures had words says that its pictures were left out.
    if (captions.size > 0) expect(article.notes.join('\n')).toMatch(/\d+ pictures? (?:was|were) not in the saved page/);
  });

  afterAll(() => {
    const sorted = rows.map((row) => row.similarity).sort((a, b) => a - b);
    const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(3);
    const lines = rows.map(
      (row) => `  ${row.page.padEnd(18)} ${row.similarity.toFixed(3)}  title ${row.title}  byline ${row.byline}`,
    );
    console.log(
      [
        `Body text similarity to expected.html (Dice over word bags), ${rows.length} pages:`,
        `  min ${at(0)}  p10 ${at(0.1)}  median ${at(0.5)}  max ${at(1)}  ≥ 0.9: ${sorted.filter((s) => s >= 0.9).length}/${sorted.length}`,
        ...lines,
      ].join('\n'),
    );
  });
});

const paragraphs = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of the story: the harbour council approved a six-month trial of night ferry crossings between the old quay and the eastern terminal, the council said in a statement on Monday evening.</p>`,
).join('\n');

function page(head: string, extra = ''): string {
  return `<!doctype html><html lang="fr"><head><title>Harbour council approves ferry trial | Site</title>${head}</head>
<body><nav><a href="/">Home</a></nav><article><h1>Harbour council approves ferry trial</h1>${paragraphs}${extra}</article></body></html>`;
}

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

const OG = `<meta property="og:title" content="OG headline"><meta property="og:site_name" content="OG Site">
<meta property="og:image" content="https://img.example/og.jpg"><meta property="og:description" content="OG dek">
<meta property="og:locale" content="en_GB"><meta property="og:url" content="https://news.example/story/1">
<meta property="article:published_time" content="2023-11-16T08:00:00Z"><meta property="article:author" content="https://news.example/by/x">
<meta property="article:section" content="Harbour"><meta property="article:tag" content="ferries">`;

describe('parseWebPage', () => {
  it('takes the metadata from JSON-LD first', () => {
    const article = parseWebPage(
      page(
        jsonLd({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'WebPage', name: 'Not this' },
            {
              '@type': 'NewsArticle',
              headline: 'LD &amp; headline',
              author: [{ '@type': 'Person', name: 'Amna Riaz ' }, { name: 'Omar Khan' }],
              datePublished: '2024-03-22T10:00:00+05:00',
              inLanguage: 'ur',
              image: { '@type': 'ImageObject', url: 'https://img.example/ld.jpg' },
              description: 'LD dek',
              publisher: { '@type': 'Organization', name: 'LD Site' },
              articleSection: 'World',
              keywords: ['ferries', 'council'],
              url: 'https://news.example/ld',
            },
          ],
        }) + OG,
      ),
      'story.html',
    );
    expect(article).toMatchObject({
      format: 'html',
      headline: 'LD & headline',
      authors: [
        { name: 'Amna Riaz', bio: '' },
        { name: 'Omar Khan', bio: '' },
      ],
      datelineDate: '2024-03-22',
      language: 'ur',
      dek: 'LD dek',
      section: 'World',
      tags: ['ferries', 'council'],
      leadImage: { url: 'https://img.example/ld.jpg', caption: '', credit: '' },
      source: { url: 'https://news.example/ld', siteName: 'LD Site', publishedTime: '2024-03-22T10:00:00+05:00' },
    });
  });

  it('falls back to OpenGraph, and ignores an article:author that is an address', () => {
    const article = parseWebPage(page(OG), 'story.html');
    expect(article).toMatchObject({
      headline: 'OG headline',
      authors: [],
      datelineDate: '2023-11-16',
      language: 'en-GB',
      dek: 'OG dek',
      section: 'Harbour',
      tags: ['ferries'],
      leadImage: { url: 'https://img.example/og.jpg', caption: '', credit: '' },
      source: { url: 'https://news.example/story/1', siteName: 'OG Site' },
    });
  });

  it('falls back to what Readability finds in the page itself', () => {
    const article = parseWebPage(page('<meta name="author" content="By Maria Okafor">'), 'story.html');
    expect(article).toMatchObject({
      headline: 'Harbour council approves ferry trial',
      language: 'fr',
      dek: '',
      leadImage: null,
    });
    expect(article.authors).toEqual([{ name: 'Maria Okafor', bio: '' }]);
    expect(bodyToPlainText(article.body)).toMatch(/^Paragraph 1 of the story/);
  });

  it('resolves relative links against the page address, drops unsafe ones, and never runs the page’s scripts', () => {
    const article = parseWebPage(
      page(
        `${OG}<script>document.title = "Changed by a script"; document.body && document.body.append("INJECTED")</script>`,
        '<p>See <a href="/related">the related story</a> and <a href="javascript:alert(1)">this</a>.</p><img src="http://tracker.example/pixel.gif" onerror="alert(1)">',
      ),
      'story.html',
    );
    const json = JSON.stringify(article.body);
    expect(json).toContain('"url":"https://news.example/related"');
    expect(json).not.toContain('javascript');
    expect(json).not.toContain('tracker.example');
    expect(json).not.toContain('INJECTED');
    expect(article.headline).toBe('OG headline');
  });

  it('refuses a page nested thousands of levels deep before parsing it, saying why', () => {
    for (const open of ['<div>', '<article>', '<ul><li>', '<table><tr><td>', '<blockquote>']) {
      const page = `<!doctype html><html><head><title>Deep</title></head><body><h1>Deep page</h1>${open.repeat(10_000)}<p>Text.</p></body></html>`;
      expect(() => parseWebPage(page, 'deep.html'), open).toThrow(
        'deep.html nests its elements more than 256 levels deep, which no ordinary page does, so Copydesk does not read it.',
      );
    }
  });

  it('reads a page flooded with ten thousand empty paragraphs or list items as its article alone', () => {
    for (const flood of ['<p>', '<p></p>', '<li>', '<span></span>']) {
      const page = `<html><head><title>Flooded</title></head><body><h1>Flooded</h1>${flood.repeat(10_000)}<p>${'The council approved the night ferry trial on Monday. '.repeat(8)}</p></body></html>`;
      expect(bodyToPlainText(parseWebPage(page, 'flooded.html').body), flood).toMatch(/^The council approved/);
    }
  });

  it('still reads a page nested a hundred levels deep', () => {
    const page = `<html><head><title>Nested story</title></head><body>${'<div>'.repeat(100)}<h1>Nested story</h1><p>${'The council approved the night ferry trial on Monday. '.repeat(8)}</p><p>${'It begins in May, with three crossings a night. '.repeat(8)}</p>${'</div>'.repeat(100)}</body></html>`;
    expect(bodyToPlainText(parseWebPage(page, 'nested.html').body)).toMatch(/^The council approved/);
  });

  it('refuses a page with no article text', () => {
    expect(() =>
      parseWebPage('<html><head><title>Index</title></head><body><script>x()</script></body></html>', 'index.html'),
    ).toThrow(/^index\.html has no article text Copydesk can find/);
  });
});

describe('a headline without the site or author its page title adds', () => {
  it('drops a trailing name the page names as its site, publisher, account or author, and only that', () => {
    const article = (head: string) =>
      parseWebPage(
        `<!doctype html><html><head>${head}</head><body><article><h2>Elsewhere</h2>${paragraphs}</article></body></html>`,
        'story.html',
      );
    const site = '<meta property="og:site_name" content="The Harbour Gazette">';
    const author = '<meta name="author" content="Maria Okafor">';
    const title = (text: string) => `<meta property="og:title" content="${text}">`;
    const cases: [head: string, headline: string][] = [
      [title('Ferry trial approved | Maria Okafor') + author, 'Ferry trial approved'],
      [title('Ferry trial approved - Harbour Gazette') + site, 'Ferry trial approved'],
      [title('Ferry trial approved | Maria Okafor | The Harbour Gazette') + site + author, 'Ferry trial approved'],
      [
        title('Ferry trial approved – @gazette') + '<meta name="twitter:site" content="@gazette">',
        'Ferry trial approved',
      ],
      // A part the metadata does not name stays: it may be the headline's own.
      [title('Ferry trial - what it means') + site, 'Ferry trial - what it means'],
      // Nothing would be left but the site's name: the title is kept whole.
      [title('Harbour Gazette | The Harbour Gazette') + site, 'Harbour Gazette | The Harbour Gazette'],
    ];
    for (const [head, headline] of cases) expect(article(head).headline, head).toBe(headline);
  });

  it('takes the article heading when the title is that heading and more, and ignores a site title given as OpenGraph', () => {
    expect(
      headlineWithoutSite(
        'Harbour council approves ferry trial_News_Gazette',
        [],
        ['Harbour council approves ferry trial'],
      ),
    ).toBe('Harbour council approves ferry trial');
    // A heading that is only the site's logo is not taken for the headline.
    expect(headlineWithoutSite('BBC News - Obama admits gun laws frustrate him', [], ['BBC News'])).toBe(
      'BBC News - Obama admits gun laws frustrate him',
    );
    const page = `<!doctype html><html><head><title>Harbour council approves ferry trial</title>
      <meta property="og:type" content="website"><meta property="og:title" content="Gazette - Latest news">
      <meta name="twitter:title" content="Gazette - Latest news"></head>
      <body><article><h1>Harbour council approves ferry trial</h1>${paragraphs}</article></body></html>`;
    expect(parseWebPage(page, 'story.html').headline).toBe('Harbour council approves ferry trial');
  });
});
