import type { ImportFormat } from '../../shared/imports';
import { decodeText } from './decodeText';
import type { ImportedArticle } from './importedArticle';
import { headlineFromFileName } from './importedArticle';
import { checkFileSize, refuse } from './importFormats';
import type { PageFiles } from './pagePictures';
import { parsePlainText } from './plainText';

/** The character set a web page declares in its first bytes, if TextDecoder knows it. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i.exec(head)?.[1];
  if (label === undefined) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The most a package's files may hold once unpacked. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** The most files a package .zip may hold: a package has a dozen or so. */
const MAX_PACKAGE_ENTRIES = 2000;

/**
 * A package .zip's files by path. Every name is checked and every size, as declared and as
 * unpacked, is held to the package limits before and while anything is decompressed: an
 * archive whose entries would land outside the package or unpack to more than it may hold
 * (a "zip bomb") is refused whole.
 */
async function unpackZip(name: string, bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const { readZipDirectory, readZipEntry, unsafeEntryName } = await import('./zipDirectory');
  const entries = readZipDirectory(bytes);
  if (entries === null) throw refuse(`${name} is not a complete .zip file: it may have been cut short while copying.`);
  if (entries.length > MAX_PACKAGE_ENTRIES) {
    throw refuse(
      `${name} holds ${entries.length.toLocaleString('en')} files, more than a package ever does: it was not imported.`,
    );
  }
  const tooLarge = () =>
    refuse(`${name} is too large to import: its files would unpack to more than the 200 MB a package may hold.`);
  let declared = 0;
  for (const entry of entries) {
    if (unsafeEntryName(entry.name)) {
      throw refuse(
        `${name} is not a safe package: it holds a file named "${entry.name.slice(0, 120)}", which would land outside the package. Nothing of it was imported.`,
      );
    }
    declared += entry.uncompressedSize;
  }
  if (declared > MAX_UNPACKED_BYTES) throw tooLarge();
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    // Never unpacked past what the entry declares: an entry that holds more is refused, not read.
    const data = readZipEntry(bytes, entry, Math.max(1, entry.uncompressedSize));
    if (data === null || data.length !== entry.uncompressedSize) {
      throw refuse(
        `${name} could not be unpacked: ${entry.name} is damaged, or holds more than the ${entry.uncompressedSize.toLocaleString('en')} bytes it declares.`,
      );
    }
    files.set(entry.name, data);
  }
  return files;
}

/**
 * Reads one file's bytes as an article, by its format: checks its size, decodes its text
 * (or unpacks a Word file) and parses it. Refusals are ApiErrors whose message names the file.
 */
export async function parseImportFile(
  name: string,
  format: ImportFormat,
  bytes: Uint8Array,
  /** A package folder's files by path, read already: `bytes` is then unused. */
  packageFiles?: ReadonlyMap<string, Uint8Array>,
  /** A saved web page's own files (its pictures), by their address relative to the page. */
  pageFiles?: PageFiles,
): Promise<ImportedArticle> {
  let article: ImportedArticle;
  if (packageFiles !== undefined) {
    const { parsePackage } = await import('./ninjs');
    article = parsePackage(name, packageFiles);
  } else if (format === 'package') {
    checkFileSize(name, format, bytes.length);
    const { parsePackage } = await import('./ninjs');
    article = parsePackage(name, await unpackZip(name, bytes));
  } else if (format === 'pdf') {
    const { parsePdf } = await import('./pdf');
    article = await parsePdf(bytes, name);
  } else if (format === 'docx') {
    // The parsers of web pages, Word files, Markdown and ninjs bring jsdom, mammoth, Lexical or Ajv
    // with them (most of a second to load): they are loaded on first use, not at start.
    checkFileSize(name, format, bytes.length);
    const { parseDocx } = await import('./docx');
    article = await parseDocx(bytes, name);
  } else {
    checkFileSize(name, format, bytes.length);
    const fallback = format === 'html' ? declaredCharset(bytes) : null;
    const decoded = decodeText(bytes, name, fallback);
    if (format === 'html') {
      const { parseWebPage } = await import('./webPage');
      article = parseWebPage(decoded.text, name, pageFiles ?? null);
    } else if (format === 'ninjs') {
      const { parseNinjs } = await import('./ninjs');
      article = parseNinjs(decoded.text, name);
    } else if (format === 'markdown') {
      const { parseMarkdown } = await import('./markdown');
      article = parseMarkdown(decoded.text, name);
    } else {
      article = parsePlainText(decoded.text, name);
    }
    if (decoded.encoding !== 'utf-8' && decoded.encoding !== 'utf-16le' && decoded.encoding !== 'utf-16be') {
      article.notes.push(`Read as ${decoded.encoding} text: the file is not UTF-8.`);
    }
  }
  if (article.headline === '') article.headline = headlineFromFileName(name);
  return article;
}
