import { JSDOM } from 'jsdom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

import { buildPackageFiles } from '../../../../electron/export/buildPackage';
import { readExportData, safeAssetStem } from '../../../../electron/export/exportData';
import { escapeMarkdown } from '../../../../electron/export/articleMarkdown';
import { syndicationSource } from '../../../../electron/export/ninjs';
import { createArticle, saveArticle, trashArticle } from '../../../../electron/services/articles';
import { createAuthor } from '../../../../electron/services/authors';
import { createClaim } from '../../../../electron/services/claims';
import { addSource } from '../../../../electron/services/sources';
import type { Body } from '../../../../shared/domain';
import { bodyFromParagraphs } from '../../../../shared/text';
import { apiErrorFrom, openTempLibrary } from '../../../helpers/library';
import {
  cslProblems,
  schemaOrgProblems,
  validateAnnotationCollection,
  validateNewsml,
  validateNinjs,
} from '../../../helpers/packageValidators';
import { markClaim, PACKAGE_FORMATS, PACKAGE_REPORT } from '../../../helpers/seedPackage';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

const NOW = new Date('2026-03-05T10:00:00.000Z');
const decoder = new TextDecoder();

function packageOf(articleId: string): Map<string, string> {
  return new Map(buildPackageFiles(library.lib, articleId, NOW).map((file) => [file.path, decoder.decode(file.bytes)]));
}

function text(value: string, format = 0) {
  return { type: 'text', version: 1, text: value, format, style: '', mode: 'normal', detail: 0 };
}
function element(type: string, children: unknown[], extra: Record<string, unknown> = {}) {
  return { type, version: 1, direction: null, format: '', indent: 0, children, ...extra };
}

/** A body with every kind of block and inline formatting the editor makes. */
function richBody(): Body {
  return {
    root: element('root', [
      element('heading', [text('What happened')], { tag: 'h2' }),
      element('paragraph', [
        text('The council '),
        text('approved', 1),
        text(' a '),
        text('six-month', 2),
        text(' trial'),
        { type: 'linebreak', version: 1 },
        text('at 22:30 and 23:45, '),
        element('link', [text('the statement')], { url: 'https://example.org/statement?a=1&b=2', rel: 'noreferrer' }),
        text(' says. '),
        element('link', [text('Click')], { url: 'javascript:alert(1)' }),
      ]),
      element('quote', [text('“People should not have to choose,” said Maria Okafor.')]),
      element('list', [element('listitem', [text('First crossing')]), element('listitem', [text('Second crossing')])], {
        listType: 'number',
        start: 3,
        tag: 'ol',
      }),
      { type: 'horizontalrule', version: 1 },
      element('paragraph', [text('# not a heading, *not* emphasis, <b>not</b> markup & 5 > 4')]),
    ]) as Body['root'],
  };
}

describe('the body in each format', () => {
  it('keeps headings, emphasis, links, quotes, lists and rules, and drops links the body rules refuse', () => {
    const author = createAuthor(library.lib, 'Amna Riaz', '');
    const article = createArticle(library.lib, {
      headline: 'Night ferry trial approved',
      authorIds: [author.id],
      dateline: 'PORT ELLIS',
      datelineDate: '2026-03-02',
      body: richBody(),
    });
    const files = packageOf(article.id);
    const document = new JSDOM(files.get('article.html') ?? '').window.document;
    const body = document.querySelector('.article-body');
    expect(body?.querySelector('h2')?.textContent).toBe('What happened');
    expect(body?.querySelector('p .dateline')?.textContent).toBe('PORT ELLIS, March 2, 2026:');
    expect(body?.querySelector('strong')?.textContent).toBe('approved');
    expect(body?.querySelector('em')?.textContent).toBe('six-month');
    expect(body?.querySelector('br')).not.toBeNull();
    expect([...(body?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org/statement?a=1&b=2',
    ]);
    expect(body?.textContent).toContain('says. Click');
    expect(body?.querySelector('blockquote')?.textContent).toContain('Maria Okafor');
    expect(body?.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(body?.querySelectorAll('ol li')).toHaveLength(2);
    expect(body?.querySelector('hr')).not.toBeNull();
    expect(body?.textContent).toContain('# not a heading, *not* emphasis, <b>not</b> markup & 5 > 4');

    const markdown = files.get('article.md') ?? '';
    expect(markdown).toContain('## What happened');
    expect(markdown).toContain('**PORT ELLIS, March 2, 2026:** The council **approved** a *six-month* trial\\\n');
    expect(markdown).toContain('[the statement](https://example.org/statement?a=1&b=2) says. Click');
    expect(markdown).toContain('> “People should not have to choose,” said Maria Okafor.');
    expect(markdown).toContain('3. First crossing\n4. Second crossing');
    expect(markdown).toContain('\\# not a heading, \\*not\\* emphasis, \\<b\\>not\\</b\\> markup & 5 \\> 4');

    expect(validateNewsml(files.get('article.newsml.xml') ?? '').errors).toEqual([]);
    expect(validateNinjs(JSON.parse(files.get('article.ninjs.json') ?? '')).errors).toEqual([]);
  });

  it('counts claim positions in the exported text, dateline and Also See lines included', () => {
    const linked = createArticle(library.lib, {
      headline: 'Ferry operator names new timetable',
      body: bodyFromParagraphs(['x']),
    });
    const article = createArticle(library.lib, {
      headline: 'Trial approved',
      dateline: 'PORT ELLIS',
      body: bodyFromParagraphs(['a']),
    });
    const first = createClaim(library.lib, article.id, 'figure', 'two extra crossings');
    const second = createClaim(library.lib, article.id, 'quote', 'six months');
    let body = bodyFromParagraphs(['The plan adds two extra crossings.', 'It runs for six months, the council said.']);
    body = {
      root: {
        ...body.root,
        children: [
          body.root.children[0],
          { type: 'also-see', version: 1, articleId: linked.id },
          ...body.root.children.slice(1),
        ],
      },
    } as Body;
    body = markClaim(markClaim(body, 'two extra crossings', first.id), 'six months', second.id);
    saveArticle(library.lib, article.id, article.version, { body });
    const data = readExportData(library.lib, article.id, NOW);
    expect(data.plainText).toBe(
      'PORT ELLIS: The plan adds two extra crossings.\n\nAlso See: Ferry operator names new timetable\n\nIt runs for six months, the council said.',
    );
    for (const claim of [first, second]) {
      const range = data.claimRanges.get(claim.id);
      expect(data.plainText.slice(range?.start, range?.end)).toBe(claim.text);
    }
  });
});

describe('a package of an article with hostile text', () => {
  it('escapes everything: no script runs, the JSON-LD holds the text as typed, every format still validates', async () => {
    const hostile = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "quotes" \u0007bell';
    const author = createAuthor(library.lib, '<b>Eve</b>', '<script>alert(3)</script>');
    const article = createArticle(library.lib, {
      headline: hostile,
      dek: hostile,
      authorIds: [author.id],
      dateline: '<i>PLACE</i>',
      syndicationCredit: 'Sourced from <Wire> & Co',
      body: bodyFromParagraphs([hostile]),
      related: [{ articleId: null, headline: hostile, teaser: hostile }],
    });
    await addSource(
      library.lib,
      { kind: 'paste', text: hostile, label: 'x' },
      { title: hostile, kind: 'document' },
      article.id,
    );
    const files = packageOf(article.id);
    const html = files.get('article.html') ?? '';
    const document = new JSDOM(html).window.document;
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((script) => script.type)).toEqual(['application/ld+json']);
    expect(document.querySelectorAll('img, b, i')).toHaveLength(0);
    const jsonLd = JSON.parse(scripts[0]?.textContent ?? '') as { headline: string; citation: { name: string }[] };
    expect(jsonLd.headline).toBe(hostile);
    expect(jsonLd.citation[0]?.name).toBe(hostile);
    expect(schemaOrgProblems(jsonLd)).toEqual([]);
    // The page shows the text as typed, less the control character no HTML or XML may carry.
    expect(document.querySelector('h1')?.textContent).toBe(hostile.replace('\u0007', ''));

    expect(validateNewsml(files.get('article.newsml.xml') ?? '').errors).toEqual([]);
    expect(validateNinjs(JSON.parse(files.get('article.ninjs.json') ?? '')).errors).toEqual([]);
    const front = /^---\n([\s\S]*?)\n---\n/.exec(files.get('article.md') ?? '')?.[1] ?? '';
    expect((parseYaml(front) as { title: string }).title).toBe(hostile);
    expect(cslProblems(JSON.parse(files.get('sources.csl.json') ?? ''))).toEqual([]);
  });
});

describe('a package of a bare article', () => {
  it('is still complete and valid with no claims, sources, images, related list or credit', () => {
    const article = createArticle(library.lib, { headline: 'Short item', body: bodyFromParagraphs(['One line.']) });
    const files = packageOf(article.id);
    expect([...files.keys()]).toEqual([...PACKAGE_FORMATS, PACKAGE_REPORT]);
    expect(validateNinjs(JSON.parse(files.get('article.ninjs.json') ?? '')).errors).toEqual([]);
    expect(validateNewsml(files.get('article.newsml.xml') ?? '').errors).toEqual([]);
    expect(validateAnnotationCollection(JSON.parse(files.get('annotations.jsonld') ?? '')).errors).toEqual([]);
    expect(JSON.parse(files.get('claims.jsonld') ?? '')).toEqual({ '@context': 'https://schema.org', '@graph': [] });
    expect(JSON.parse(files.get('sources.csl.json') ?? '')).toEqual([]);
  });

  it('leaves out an Also See whose article went to the trash rather than link nowhere', () => {
    const gone = createArticle(library.lib, { headline: 'Withdrawn story', body: bodyFromParagraphs(['x']) });
    const article = createArticle(library.lib, {
      headline: 'Main story',
      body: {
        root: {
          ...bodyFromParagraphs(['Text.']).root,
          children: [
            ...bodyFromParagraphs(['Text.']).root.children,
            { type: 'also-see', version: 1, articleId: gone.id },
          ],
        },
      },
    });
    trashArticle(library.lib, gone.id);
    const files = packageOf(article.id);
    expect(files.get('article.html')).not.toContain('Withdrawn story');
    expect(files.get('article.md')).not.toContain('Also See');
    expect(files.get('article.ninjs.json')).not.toContain('alsosee');
  });
});

describe('an article whose image is gone from the library', () => {
  it('is refused with a message that says which image to fix', () => {
    const article = createArticle(library.lib, {
      headline: 'Story',
      body: {
        root: {
          ...bodyFromParagraphs(['Text.']).root,
          children: [
            ...bodyFromParagraphs(['Text.']).root.children,
            {
              type: 'inline-image',
              version: 1,
              assetId: '01920000-0000-7000-8000-000000000000',
              caption: 'x',
              credit: 'y',
            },
          ],
        },
      },
    });
    const error = apiErrorFrom(() => buildPackageFiles(library.lib, article.id, NOW));
    expect(error.code).toBe('not-found');
    expect(error.message).toBe(
      'An image in the text is no longer in this library. Remove it or add the picture again, then export.',
    );
  });
});

describe('names and credits', () => {
  it('makes safe asset names from any original name', () => {
    expect(safeAssetStem('../../etc/passwd.jpg')).toBe('etc-passwd');
    expect(safeAssetStem('Ça va — Photo (1).JPEG')).toBe('ca-va-photo-1');
    expect(safeAssetStem('تصویر.png')).toBe('image');
    expect(safeAssetStem('CON.jpg')).toBe('con');
  });

  it('reads the organisation from a syndication credit', () => {
    expect(syndicationSource('Sourced from Arab News')).toBe('Arab News');
    expect(syndicationSource('This news is sourced from Arab News.')).toBe('Arab News');
    expect(syndicationSource('Courtesy of Reuters')).toBe('Reuters');
    expect(syndicationSource('AFP')).toBe('AFP');
  });

  it('escapes what Markdown would read as syntax', () => {
    expect(escapeMarkdown('1. Not a list')).toBe('1\\. Not a list');
    expect(escapeMarkdown('- not a bullet')).toBe('\\- not a bullet');
    expect(escapeMarkdown('[x](javascript:y)')).toBe('\\[x\\](javascript:y)');
  });
});
