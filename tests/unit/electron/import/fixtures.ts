import fs from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

import { takePictures } from '../../../../electron/import/pagePictures';
import { bbcManifestFile, bbcNews, seedArticle, webPages } from '../../../helpers/corpora';
import { parseHtmlDocument } from '../../../helpers/htmlDocument';

/** The shared test material (tests/helpers/corpora.ts). */
export const SEED_ARTICLE = seedArticle();
export const PAGES = webPages();
export const BBC = bbcNews();
export const BBC_MANIFEST = bbcManifestFile();

/** The folders of corpora/pages, each with source.html, expected.html and expected-metadata.json. */
export function pageNames(): string[] {
  return fs
    .readdirSync(PAGES)
    .filter((name) => fs.statSync(path.join(PAGES, name)).isDirectory())
    .sort();
}

export type ExpectedMetadata = { title: string | null; byline: string | null; lang?: string | null };

export function expectedMetadata(page: string): ExpectedMetadata {
  return JSON.parse(fs.readFileSync(path.join(PAGES, page, 'expected-metadata.json'), 'utf8')) as ExpectedMetadata;
}

/**
 * Pages whose headline is not Readability's title, and why: Copydesk drops the site's or
 * author's name a title adds, and does not take a site's own title for the article's.
 */
export const HEADLINE_CORRECTIONS: Readonly<Record<string, { headline: string; why: string }>> = {
  'guardian-1': {
    headline: "'What is the sea telling us?': Māori tribes fearful over whale strandings",
    why: 'the title ends "| Eleanor Ainge Roy", the author the page names',
  },
  qq: {
    headline: 'DeepMind新电脑已可利用记忆自学 人工智能迈上新台阶',
    why: 'the title is the article\'s heading followed by "_科技_腾讯网" (the section and the site)',
  },
  'yahoo-2': {
    headline: 'Russia: Space ship malfunctions, breaks up over Siberia',
    why: "the OpenGraph title is the site's (\"Yahoo News - Latest News & Headlines\", og:type website); the page's <title> and heading are the story's",
  },
};

/** The headline Copydesk gives a page: Readability's title, or its correction. */
export function expectedHeadline(page: string): string {
  return HEADLINE_CORRECTIONS[page]?.headline ?? (expectedMetadata(page).title ?? '').replace(/\s+/g, ' ').trim();
}

/** A page's expected.html (Readability's own extraction) as a document. */
function expectedDocument(page: string): Document {
  return parseHtmlDocument(fs.readFileSync(path.join(PAGES, page, 'expected.html'), 'utf8'));
}

/**
 * The text of a page's expected.html, as a reader sees it, without the pictures' captions and
 * credits: a saved page holds none of its pictures, and a picture left out of an import goes
 * with its words (every other word of the article stays).
 */
export function expectedText(page: string): string {
  const { body } = expectedDocument(page);
  takePictures(body, null);
  return body.textContent;
}

/** The captions and credits of the pictures in a page's expected.html, and their alternative texts. */
export function pictureWords(page: string): string[] {
  const { body } = expectedDocument(page);
  const words = [
    ...Array.from(body.querySelectorAll('figcaption')).map((caption) => caption.textContent),
    ...Array.from(body.querySelectorAll('img')).map((img) => img.getAttribute('alt') ?? ''),
    // A photo essay's captions: a one-item list right after its figure.
    ...Array.from(body.querySelectorAll('figure + ul > li:only-child')).map((item) => item.textContent),
  ];
  return words.map((text) => text.replace(/\s+/g, ' ').trim()).filter((text) => text.length > 3);
}

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+/gu;

function bag(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of text.toLowerCase().match(TOKEN) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * The Dice coefficient of two texts' bags of words (each character of a script written
 * without spaces counts as a word): 1 when they hold the same words as often, 0 when they
 * share none.
 */
export function wordBagSimilarity(a: string, b: string): number {
  const left = bag(a);
  const right = bag(b);
  let shared = 0;
  let total = 0;
  for (const [word, count] of left) {
    shared += Math.min(count, right.get(word) ?? 0);
    total += count;
  }
  for (const count of right.values()) total += count;
  return total === 0 ? 1 : (2 * shared) / total;
}

/** One row of bbc-manifest.csv. */
export type BbcRow = { id: string; path: string; title: string; encoding: string; duplicateGroup: string };

/** The BBC manifest; its fields hold no quoted commas except the title, which is read whole. */
export function bbcManifest(): BbcRow[] {
  const lines = fs.readFileSync(BBC_MANIFEST, 'utf8').trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const fields = line.split(',');
    // id, category, path, title (may hold commas), chars, encoding, sha1, duplicate group
    const tail = fields.slice(-4);
    return {
      id: fields[0] ?? '',
      path: fields[2] ?? '',
      title: fields.slice(3, -4).join(','),
      encoding: tail[1] ?? '',
      duplicateGroup: tail[3] ?? '',
    };
  });
}

/** A ZIP archive of `files`, each deflated, as Word writes them. */
export function zipArchive(files: Record<string, string | Uint8Array>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    directory.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directoryBytes = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directoryBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directoryBytes, end]);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A paragraph of a Word document: its style, and runs of text, plain, bold or italic. */
export type DocxParagraph = {
  style?: string;
  runs: (string | { text: string; format: 'bold' | 'italic' })[];
};

/**
 * A minimal but complete .docx: content types, relationships, styles (Title, Subtitle,
 * Heading 1 and 2, List Paragraph), the document, and its core properties when given.
 */
export function docxFile(
  paragraphs: readonly DocxParagraph[],
  core: { title?: string; language?: string } = {},
): Buffer {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const body = paragraphs
    .map((paragraph) => {
      const style = paragraph.style === undefined ? '' : `<w:pPr><w:pStyle w:val="${paragraph.style}"/></w:pPr>`;
      const runs = paragraph.runs
        .map((run) => {
          const text = typeof run === 'string' ? run : run.text;
          const format =
            typeof run === 'string' ? '' : run.format === 'bold' ? '<w:rPr><w:b/></w:rPr>' : '<w:rPr><w:i/></w:rPr>';
          return `<w:r>${format}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
        })
        .join('');
      return `<w:p>${style}${runs}</w:p>`;
    })
    .join('');
  const styles = [
    ['Title', 'Title'],
    ['Subtitle', 'Subtitle'],
    ['Heading1', 'heading 1'],
    ['Heading2', 'heading 2'],
  ]
    .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
    .join('');
  const files: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`,
    'word/styles.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}">${styles}</w:styles>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    'docProps/core.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/">
<dc:title>${escapeXml(core.title ?? '')}</dc:title><dc:language>${escapeXml(core.language ?? '')}</dc:language>
</cp:coreProperties>`,
  };
  return zipArchive(files);
}
