import type { Body } from '../../shared/domain';
import { escapeHtml } from '../../shared/escapeHtml';
import { MAX_FILE_BYTES } from '../../shared/imports';
import type { SnapshotFormat, SourceKind } from '../../shared/sources';
import { MAX_PASTED_SNAPSHOT_CHARACTERS } from '../../shared/sources';
import { bodyToPlainText } from '../../shared/text';
import { sha256Hex } from '../base/sha256Hex';
import { decodeText } from '../import/decodeText';
import type { ImportedArticle } from '../import/importedArticle';
import { calendarDate, collapseSpace, cutAtWord, headlineFromFileName } from '../import/importedArticle';
import { checkFileSize, refuse } from '../import/importFormats';
import { parseImportFile } from '../import/parseImportFile';
import type { PdfText } from './pdfText';
import { readPdfText } from './pdfText';

/** What a file or a paste gives a source: the snapshot, and what the file says about itself. */
export type Capture = {
  format: SnapshotFormat;
  fileName: string;
  sha256: string;
  byteSize: number;
  /** The text evidence passages point into: paragraphs separated by a blank line. */
  text: string;
  /** The same paragraphs as HTML, built from escaped text: nothing of the file's markup survives. */
  html: string;
  /** The source's fields as far as the file tells them. */
  about: { kind: SourceKind; title: string; author: string; publisher: string; url: string; publishedDate: string };
};

const PDF_MAX_BYTES = 50 * 1024 * 1024;

const FORMATS: Readonly<Record<string, SnapshotFormat>> = {
  '.html': 'web-page',
  '.htm': 'web-page',
  '.xhtml': 'web-page',
  '.docx': 'docx',
  '.pdf': 'pdf',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
};

export const SNAPSHOT_EXTENSIONS = '.html, .pdf, .docx or .txt';

function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** Paragraphs as the snapshot's text and HTML: one <p> each, line breaks inside kept. */
function fromParagraphs(paragraphs: readonly string[]): { text: string; html: string } {
  const kept = paragraphs.map((paragraph) => paragraph.replace(/[ \t]+\n/g, '\n').trim()).filter((p) => p !== '');
  return {
    text: kept.join('\n\n'),
    html: kept.map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`).join('\n'),
  };
}

/** Plain text split where a blank line is. */
function paragraphsOfText(text: string): string[] {
  return text.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/);
}

/** The paragraphs of an article read from a file, headline and dek first, as a reader sees them. */
function paragraphsOfArticle(article: ImportedArticle, body: Body): string[] {
  return [article.headline, article.dek, ...paragraphsOfText(bodyToPlainText(body))];
}

function firstLine(text: string): string {
  const line =
    text
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((candidate) => candidate.replace(/\p{Cc}/gu, ' '))
      .find((candidate) => candidate.trim() !== '') ?? '';
  return cutAtWord(collapseSpace(line), 200);
}

/**
 * A PDF's snapshot from its text as pdf.js read it (an import that reads it once uses it
 * twice); `about` is what the import learnt of it beyond its properties (its headline, its
 * author if the properties name a person or body rather than an account, issuer and date).
 */
export function capturePdf(
  name: string,
  bytes: Uint8Array,
  pdf: PdfText,
  about: Partial<Pick<Capture['about'], 'title' | 'author' | 'publisher' | 'publishedDate'>> = {},
): Capture {
  return {
    format: 'pdf',
    fileName: name,
    sha256: sha256Hex(bytes),
    byteSize: bytes.length,
    ...fromParagraphs(pdf.blocks.map((block) => block.text)),
    about: {
      kind: 'document',
      title: about.title || pdf.title || headlineFromFileName(name),
      author: about.author ?? pdf.author,
      publisher: about.publisher ?? '',
      url: '',
      publishedDate: about.publishedDate ?? '',
    },
  };
}

/**
 * Captures a file as a source snapshot: a saved web page through Readability, a Word file
 * through mammoth, a PDF through pdf.js, a text file as it is. The snapshot keeps the text a
 * reader sees; its SHA-256 is the file's own.
 */
export async function captureFile(name: string, bytes: Uint8Array): Promise<Capture> {
  const format = FORMATS[extensionOf(name)] ?? (extensionOf(name) === '' ? 'text' : null);
  if (format === null) {
    throw refuse(`${name} cannot be kept as a source: Copydesk keeps ${SNAPSHOT_EXTENSIONS} files, or pasted text.`);
  }
  const base = { format, fileName: name, sha256: sha256Hex(bytes), byteSize: bytes.length };
  const titleFromName = headlineFromFileName(name);

  if (format === 'pdf') {
    if (bytes.length === 0) throw refuse(`${name} is empty: there is nothing to keep.`);
    if (bytes.length > PDF_MAX_BYTES) {
      throw refuse(`${name} is too large to keep as a source (the limit for PDF files is 50 MB).`);
    }
    return capturePdf(name, bytes, await readPdfText(bytes, name));
  }

  if (format === 'text') {
    checkFileSize(name, 'text', bytes.length);
    const { text } = decodeText(bytes, name);
    const paragraphs = fromParagraphs(paragraphsOfText(text));
    if (paragraphs.text === '') throw refuse(`${name} has no text in it: there is nothing to keep.`);
    return {
      ...base,
      ...paragraphs,
      about: {
        kind: 'document',
        title: firstLine(text) || titleFromName,
        author: '',
        publisher: '',
        url: '',
        publishedDate: '',
      },
    };
  }

  const article = await parseImportFile(name, format === 'docx' ? 'docx' : 'html', bytes);
  const paragraphs = fromParagraphs(paragraphsOfArticle(article, article.body));
  // A web page keeps its article as the page had it (tables, lists, links), sanitised.
  const html =
    article.contentHtml === undefined
      ? paragraphs.html
      : [
          article.headline === '' ? '' : `<h1>${escapeHtml(article.headline)}</h1>`,
          article.dek === '' ? '' : `<p><em>${escapeHtml(article.dek)}</em></p>`,
          article.contentHtml,
        ].join('\n');
  return {
    ...base,
    ...paragraphs,
    html,
    about: {
      kind: format === 'docx' ? 'document' : 'web-page',
      title: article.headline || titleFromName,
      author: article.authors.map((author) => author.name).join(', '),
      publisher: article.source.siteName,
      url: /^https?:\/\//i.test(article.source.url) ? article.source.url : '',
      publishedDate: calendarDate(article.source.publishedTime) || article.datelineDate,
    },
  };
}

/** Captures pasted text (a statement read out, an e-mail, a transcript) as a snapshot. */
export function capturePaste(text: string, label: string): Capture {
  if (text.length > MAX_PASTED_SNAPSHOT_CHARACTERS) {
    throw refuse(
      `The pasted text is too long to keep (at most ${MAX_PASTED_SNAPSHOT_CHARACTERS.toLocaleString('en')} characters). Save it as a file and add that.`,
    );
  }
  const bytes = new TextEncoder().encode(text);
  const paragraphs = fromParagraphs(paragraphsOfText(text.normalize('NFC')));
  if (paragraphs.text === '') throw refuse('The pasted text is empty: paste the passage to keep.');
  return {
    format: 'paste',
    fileName: label,
    sha256: sha256Hex(bytes),
    byteSize: bytes.length,
    ...paragraphs,
    about: { kind: 'document', title: firstLine(text), author: '', publisher: '', url: '', publishedDate: '' },
  };
}

/** The largest file kept as a source, for messages and the UI. */
export const MAX_SNAPSHOT_BYTES = Math.max(PDF_MAX_BYTES, MAX_FILE_BYTES.docx);
