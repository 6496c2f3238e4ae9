import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildPackageFiles } from '../../electron/export/buildPackage';
import { importFiles } from '../../electron/import/importFiles';
import { createArticle, getArticle } from '../../electron/services/articles';
import { addSource, attachSource, getSnapshot } from '../../electron/services/sources';
import { createClaim, setVerdict } from '../../electron/services/claims';
import { createAuthor } from '../../electron/services/authors';
import type { Body } from '../../shared/domain';
import { bodyToPlainText } from '../../shared/text';
import { activeContentIn, activeMarkdownIn } from '../helpers/activeContent';
import { openTempLibrary } from '../helpers/library';
import { INERT_UNTIL_REPARSED, XSS_ACTION, XSS_PAYLOADS } from '../fixtures/xssPayloads';
import { zipArchive } from '../unit/electron/import/fixtures';

let library: ReturnType<typeof openTempLibrary>;
beforeAll(() => {
  library = openTempLibrary();
});
afterAll(() => library.close());

const encode = (text: string) => new TextEncoder().encode(text);
const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** A saved web page carrying a payload in its title, metadata, JSON-LD, article text and links. */
export function hostilePage(payload: string, index: number): string {
  return `<!doctype html><html><head><title>Payload ${index} ${payload}</title>
<meta name="description" content="${attr(payload)}"><meta property="og:title" content="Payload ${index} ${attr(payload)}">
<meta property="og:image" content="javascript:${XSS_ACTION}">
<script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: `Payload ${index} ${payload}`, author: { name: payload } }).replace(/</g, '\\u003c')}</script>
</head><body><article><h1>Payload ${index}</h1>
<p>The council approved the ferry trial on Monday, after a long debate in the chamber about costs and timetables.</p>
<p>Here is payload ${index}: ${payload} and the sentence goes on after it, as a story would.</p>
<p>A <a href="javascript:${XSS_ACTION}">javascript link</a>, a <a href="data:text/html,${encodeURIComponent(`<script>${XSS_ACTION}</script>`)}">data link</a> and a <a href="https://example.org/ok">safe link</a>.</p>
<p>The trial begins in May with three crossings a night, the council said in a statement on its website.</p>
</article></body></html>`;
}

/** A Word document with every payload as text and as the address of a hyperlink. */
function hostileDocx(): Uint8Array {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const paragraphs = XSS_PAYLOADS.map(
    (payload, i) =>
      `<w:p><w:r><w:t xml:space="preserve">Payload ${i}: ${xml(payload)} </w:t></w:r><w:hyperlink r:id="rIdLink${i}"><w:r><w:t>${xml(payload)}</w:t></w:r></w:hyperlink></w:p>`,
  ).join('');
  const links = XSS_PAYLOADS.map(
    (payload, i) =>
      `<Relationship Id="rIdLink${i}" Type="${R}/hyperlink" Target="${i % 2 === 0 ? `javascript:${XSS_ACTION}` : xml(payload)}" TargetMode="External"/>`,
  ).join('');
  return zipArchive({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${links}</Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}" xmlns:r="${R}"><w:body><w:p><w:r><w:t>Hostile document</w:t></w:r></w:p>${paragraphs}</w:body></w:document>`,
  });
}

/** Markdown with every payload as text, as raw HTML and as link and image addresses. */
function hostileMarkdown(): string {
  return [
    `---\ntitle: "Hostile Markdown"\nauthor: "${XSS_PAYLOADS[0]?.replace(/"/g, '\\"') ?? ''}"\n---`,
    '# Hostile Markdown',
    ...XSS_PAYLOADS.map((payload, i) => `Payload ${i}: ${payload}`),
    `[javascript link](javascript:${XSS_ACTION}) and [data link](data:text/html;base64,PHNjcmlwdD4=) and ![image](javascript:${XSS_ACTION})`,
    `<a href="javascript:${XSS_ACTION}">raw link</a>`,
  ].join('\n\n');
}

/** A ninjs document whose HTML body carries ten payloads, and its headline the first of them. */
function hostileNinjs(payloads: readonly string[], index: number): string {
  return JSON.stringify({
    uri: `urn:example:xss:${index}`,
    type: 'text',
    headlines: [{ role: 'main', value: `Ninjs payloads ${index} ${payloads[0] ?? ''}` }],
    bodies: [
      {
        role: 'main',
        contenttype: 'text/html',
        value: payloads
          .map(
            (payload) => `<p>Ninjs payload: ${payload}</p><p><a href="javascript:${XSS_ACTION}">link</a> and more.</p>`,
          )
          .join(''),
      },
    ],
  });
}

const inTens = (list: readonly string[]) =>
  Array.from({ length: Math.ceil(list.length / 10) }, (_, i) => list.slice(i * 10, i * 10 + 10));

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
function linksIn(body: Body): string[] {
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
    expect(bodyToPlainText(getArticle(library.lib, markdown?.id ?? '').body)).toContain('onerror');
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
      body: {
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
      } as unknown as Body,
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
