import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildPackageFiles } from '../../electron/export/buildPackage';
import { importFiles } from '../../electron/import/importFiles';
import { createArticle, getArticle } from '../../electron/services/articles';
import { addSource, attachSource, getSnapshot } from '../../electron/services/sources';
import { createClaim, setVerdict } from '../../electron/services/claims';
import { createAuthor } from '../../electron/services/authors';
import { BodySchema, type StoredBody } from '../../shared/domain';
import { activeContentIn, activeMarkdownIn } from '../helpers/activeContent';
import { openTempLibrary } from '../helpers/library';
import { INERT_UNTIL_REPARSED, XSS_ACTION, XSS_PAYLOADS } from '../fixtures/xssPayloads';
import { encode, hostileDocx, hostileMarkdown, hostileNinjs, hostilePage, inTens } from '../fixtures/xssFiles';

let library: ReturnType<typeof openTempLibrary>;
beforeAll(() => {
  library = openTempLibrary();
});
afterAll(() => library.close());

/** Every export of an article, checked for active parts; returns the problems found, by file. */
function exportProblems(articleId: string): string[] {
  const problems: string[] = [];
  for (const file of buildPackageFiles(library.lib, articleId, new Date('2026-11-28T10:00:00.000Z'))) {
    const text = new TextDecoder().decode(file.bytes);
    if (file.path.endsWith('.html')) {
      problems.push(...activeContentIn(text).map((problem) => `${file.path}: ${problem}`));
      const scripts = text.match(/<script\b[^>]*>/gi) ?? [];
      for (const script of scripts) {
        if (!/type="application\/ld\+json"/.test(script)) problems.push(`${file.path}: ${script}`);
      }
    } else if (file.path.endsWith('.md')) {
      problems.push(...activeMarkdownIn(text).map((problem) => `${file.path}: ${problem}`));
    } else if (file.path === 'article.ninjs.json') {
      const ninjs = JSON.parse(text) as { bodies?: { contenttype?: string; value?: string }[] };
      for (const body of ninjs.bodies ?? []) {
        if (body.contenttype?.includes('html') === true) {
          problems.push(...activeContentIn(body.value ?? '').map((problem) => `${file.path}: ${problem}`));
        }
      }
    } else if (file.path.endsWith('.xml')) {
      problems.push(...activeContentIn(text).map((problem) => `${file.path}: ${problem}`));
    }
  }
  return problems;
}

/** Link addresses left in a stored body. */
function linksIn(body: StoredBody): string[] {
  const urls: string[] = [];
  const visit = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (typeof record.url === 'string') urls.push(record.url);
    if (Array.isArray(record.children)) record.children.forEach(visit);
  };
  visit(body.root);
  return urls;
}

describe('the XSS corpus and its checker', () => {
  it('finds the active part of every payload given as it stands, but those inert until parsed again', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThan(50);
    for (const payload of XSS_PAYLOADS) {
      const found = activeContentIn(`<!doctype html><body><p>Text</p>${payload}`);
      if (INERT_UNTIL_REPARSED.has(payload)) expect(found, payload).toEqual([]);
      else expect(found.length, payload).toBeGreaterThan(0);
    }
    expect(activeMarkdownIn(`Text <img src=x onerror=${XSS_ACTION}> and [x](javascript:${XSS_ACTION})`)).toHaveLength(
      2,
    );
    expect(activeMarkdownIn('Escaped \\<img src=x> and [x](https://example.org/)')).toEqual([]);
  });
});

describe('the XSS corpus through every importer and export', () => {
  let imported: { id: string; file: string }[] = [];

  beforeAll(async () => {
    const files = [
      ...XSS_PAYLOADS.map((payload, i) => ({ name: `page-${i}.html`, bytes: encode(hostilePage(payload, i)) })),
      ...inTens(XSS_PAYLOADS).map((payloads, i) => ({
        name: `story-${i}.json`,
        bytes: encode(hostileNinjs(payloads, i)),
      })),
      { name: 'hostile.md', bytes: encode(hostileMarkdown()) },
      { name: 'hostile.docx', bytes: hostileDocx() },
    ];
    const report = await importFiles(library.lib, files);
    expect(report.failed).toEqual([]);
    imported = report.imported.map((item) => ({ id: item.id, file: item.file }));
  }, 60_000);

  it('imports every page, ninjs file, Markdown and Word file as plain text, with only web links kept', () => {
    expect(imported).toHaveLength(XSS_PAYLOADS.length + inTens(XSS_PAYLOADS).length + 2);
    for (const { id, file } of imported) {
      const article = getArticle(library.lib, id);
      for (const url of linksIn(article.body)) expect(url, file).toMatch(/^(?:https?|mailto):/);
    }
    // The payloads are kept as words a reader sees, not dropped: a desk may be reporting on them.
    const markdown = imported.find((item) => item.file === 'hostile.md');
    expect(getArticle(library.lib, markdown?.id ?? '').bodyText).toContain('onerror');
  });

  it('exports every imported article with no script, handler, frame or script address in any file', () => {
    const problems = imported.flatMap(({ id, file }) => exportProblems(id).map((problem) => `${file} → ${problem}`));
    expect(problems).toEqual([]);
  }, 120_000);

  it('keeps web pages and pasted text as sources whose kept page holds nothing active, in the export and its report', async () => {
    const author = createAuthor(library.lib, `Reporter ${XSS_PAYLOADS[7] ?? ''}`.slice(0, 200), XSS_PAYLOADS[0] ?? '');
    const article = createArticle(library.lib, {
      headline: `Kitchen sink ${XSS_PAYLOADS[1] ?? ''}`.slice(0, 500),
      dek: XSS_PAYLOADS.join(' ').slice(0, 2000),
      dateline: XSS_PAYLOADS[4]?.slice(0, 200) ?? '',
      section: XSS_PAYLOADS[8]?.slice(0, 100) ?? '',
      tags: XSS_PAYLOADS.slice(0, 10).map((payload) => payload.slice(0, 100)),
      authorIds: [author.id],
      syndicationCredit: XSS_PAYLOADS[9]?.slice(0, 300) ?? '',
      body: BodySchema.parse({
        root: {
          type: 'root',
          children: XSS_PAYLOADS.map((payload) => ({
            type: 'paragraph',
            children: [
              { type: 'text', text: payload, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
              {
                type: 'link',
                url: `javascript:${XSS_ACTION}`,
                children: [
                  { type: 'text', text: payload, format: 0, detail: 0, mode: 'normal', style: '', version: 1 },
                ],
                version: 1,
              },
            ],
          })),
        },
      }),
    });
    for (const [i, payload] of XSS_PAYLOADS.entries()) {
      const source = await addSource(
        library.lib,
        i % 2 === 0
          ? { kind: 'file', name: `source-${i}.html`, bytes: encode(hostilePage(payload, i)) }
          : { kind: 'paste', text: `Statement ${i}: ${payload}\n\nThe council said so.`, label: payload.slice(0, 300) },
        {
          title: payload.slice(0, 300),
          url: i % 3 === 0 ? `javascript:${XSS_ACTION}` : 'https://example.org/',
          notes: payload,
        },
      );
      attachSource(library.lib, article.id, source.id);
      const snapshot = getSnapshot(library.lib, source.snapshots[0]?.id ?? '');
      expect(activeContentIn(snapshot.html), `source ${i}`).toEqual([]);
    }
    const claim = createClaim(library.lib, article.id, 'quote', XSS_PAYLOADS[7] ?? '');
    setVerdict(library.lib, claim.id, 'false', XSS_PAYLOADS.slice(10, 14).join(' '), {
      userName: XSS_PAYLOADS[2] ?? '',
    });
    expect(exportProblems(article.id)).toEqual([]);
  }, 60_000);
});
