import mammoth from 'mammoth';

import { LanguageSchema } from '../../shared/domain';
import { workWindow } from './domWindow';
import { htmlToBody } from './htmlToBody';
import type { ImportedArticle } from './importedArticle';
import { blankImport, collapseSpace, cutAtWord, headlineFromFileName } from './importedArticle';
import { refuse } from './importFormats';
import { parseDateline } from './plainText';
import { readZipDirectory, readZipEntry } from './zipDirectory';

/** More text than any article: a document expanding beyond this is refused, not unpacked. */
const MAX_DOCUMENT_XML_BYTES = 200 * 1024 * 1024;
const MAX_CORE_XML_BYTES = 1024 * 1024;

/** Word's Title and Subtitle styles, which mammoth does not map by default. */
const STYLE_MAP = ["p[style-name='Title'] => h1.title:fresh", "p[style-name='Subtitle'] => p.subtitle:fresh"];

/** Titles Word and its templates leave in the properties of a document nobody named. */
const PLACEHOLDER_TITLES = /^(?:document\d*|untitled|title|microsoft word - .*|)$/i;

type CoreProperties = { title: string; language: string; keywords: string[] };

function readCoreProperties(bytes: Uint8Array, entries: ReturnType<typeof readZipDirectory>): CoreProperties {
  const empty: CoreProperties = { title: '', language: '', keywords: [] };
  const entry = entries?.find((candidate) => candidate.name === 'docProps/core.xml');
  if (entry === undefined) return empty;
  const xml = readZipEntry(bytes, entry, MAX_CORE_XML_BYTES);
  if (xml === null) return empty;
  const doc = new (workWindow().window.DOMParser)().parseFromString(new TextDecoder().decode(xml), 'application/xml');
  const value = (localName: string) =>
    collapseSpace(
      Array.from(doc.getElementsByTagName('*')).find((el) => el.localName === localName)?.textContent ?? '',
    );
  return {
    title: value('title'),
    language: value('language'),
    keywords: value('keywords')
      .split(/[,;]/)
      .map(collapseSpace)
      .filter((keyword) => keyword !== '' && keyword.length <= 100),
  };
}

function notComplete(name: string) {
  return refuse(
    `${name} is not a complete Word document: it may have been cut short while copying. Copy it again, or open it in Word and save it again.`,
  );
}

const HEADING = /^H[1-6]$/;

/** Removes the first `count` characters of an element's text, wherever its text nodes are. */
function dropLeadingText(element: Element, count: number): void {
  let left = count;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  while (left > 0 && walker.nextNode() !== null) {
    const node = walker.currentNode;
    const text = node.textContent ?? '';
    node.textContent = text.slice(Math.min(left, text.length));
    left -= Math.min(left, text.length);
  }
}

/**
 * Reads a Word .docx file through mammoth. The headline is the document's leading heading (or
 * Title-styled line), else its title in File › Properties, else a short first line, else the
 * file name; a Subtitle-styled line is the dek; a "By Name" line under them names the author;
 * a dateline opening the first paragraph ("ISLAMABAD: ") becomes the dateline. Pictures are
 * not imported.
 */
export async function parseDocx(bytes: Uint8Array, fileName: string): Promise<ImportedArticle> {
  const entries = readZipDirectory(bytes);
  if (entries === null) {
    if (bytes[0] === 0x50 && bytes[1] === 0x4b) throw notComplete(fileName);
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
      throw refuse(
        `${fileName} is an old-style Word document (.doc). Open it in Word, save it as .docx and import that.`,
      );
    }
    throw refuse(
      `${fileName} is not a Word document (.docx). Copydesk imports text, Markdown, web pages and .docx files.`,
    );
  }
  const document = entries.find((entry) => entry.name === 'word/document.xml');
  if (document === undefined) {
    throw refuse(`${fileName} is a ZIP archive but not a Word document: it has no document inside.`);
  }
  const unpacked = entries.reduce((total, entry) => total + entry.uncompressedSize, 0);
  if (document.uncompressedSize > MAX_DOCUMENT_XML_BYTES || unpacked > 4 * MAX_DOCUMENT_XML_BYTES) {
    throw refuse(`${fileName} is too large to import: its text unpacks to more than 200 MB.`);
  }
  // The sizes above are what the archive declares; a part that inflates to more than it
  // declares (a "zip bomb") would be unpacked whole by mammoth, gigabytes of it.
  const liar = entries.find((entry) => readZipEntry(bytes, entry, Math.max(1, entry.uncompressedSize)) === null);
  if (liar !== undefined) {
    throw refuse(
      `${fileName} is damaged or not a genuine Word document: its part ${liar.name.slice(0, 200)} unpacks to more than the file declares, or cannot be unpacked. Open it in Word and save it again.`,
    );
  }
  const core = readCoreProperties(bytes, entries);

  let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
  try {
    result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Pictures are not imported: an empty source, dropped with the img element, is cheapest.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/corrupt|end of data|invalid|unexpected|zip/i.test(message)) throw notComplete(fileName);
    throw refuse(`${fileName} could not be read as a Word document: ${message}`);
  }

  // mammoth's HTML is built from the document's text with every character escaped; it is read
  // here only to find the headline and dek, and sanitised like any other HTML afterwards.
  const container = workWindow().window.document.createElement('div');
  container.innerHTML = result.value;
  const blocks = Array.from(container.children).filter((block) => collapseSpace(block.textContent) !== '');
  const textOf = (block: Element | undefined) => collapseSpace(block?.textContent ?? '');
  const article = blankImport('docx', { root: { type: 'root', children: [] } });

  let next = 0;
  const first = blocks[0];
  if (first !== undefined && (HEADING.test(first.nodeName) || first.classList.contains('title'))) {
    article.headline = textOf(first);
    first.remove();
    next = 1;
  } else if (!PLACEHOLDER_TITLES.test(core.title)) {
    article.headline = core.title;
  } else if (
    first !== undefined &&
    first.nodeName === 'P' &&
    textOf(first).length <= 200 &&
    !/[.!?:;,]$/.test(textOf(first))
  ) {
    article.headline = textOf(first);
    first.remove();
    next = 1;
  } else {
    article.headline = headlineFromFileName(fileName);
  }
  article.headline = cutAtWord(article.headline, 500);

  const subtitle = blocks[next];
  if (subtitle?.classList.contains('subtitle') === true) {
    article.dek = cutAtWord(textOf(subtitle), 2000);
    subtitle.remove();
    next += 1;
  }
  const byline = /^[Bb][Yy]\s+(\p{Lu}[^.!?]{1,80})$/u.exec(textOf(blocks[next]));
  if (byline !== null) {
    article.authors = [{ name: collapseSpace(byline[1] ?? ''), bio: '' }];
    blocks[next]?.remove();
    next += 1;
  }
  const lede = blocks[next];
  if (lede?.nodeName === 'P') {
    const raw = lede.textContent.trimStart();
    const dateline = parseDateline(raw);
    if (dateline !== null) {
      article.dateline = dateline.place;
      article.datelineDate = dateline.date;
      dropLeadingText(lede, lede.textContent.length - dateline.rest.length);
    }
  }

  article.body = htmlToBody(container.innerHTML);
  if (LanguageSchema.safeParse(core.language).success) article.language = core.language;
  article.tags = [...new Set(core.keywords)].slice(0, 50);
  const warnings = result.messages.filter((message) => message.type === 'warning').map((message) => message.message);
  const unrecognised = [
    ...new Set(
      warnings
        .map((w) => /Unrecognised paragraph style: '([^']*)'/.exec(w)?.[1])
        .filter((s): s is string => s !== undefined),
    ),
  ];
  if (unrecognised.length > 0) {
    article.notes.push(`Word styles kept as plain paragraphs: ${unrecognised.slice(0, 10).join(', ')}.`);
  }
  return article;
}
