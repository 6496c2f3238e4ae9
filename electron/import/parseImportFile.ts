import type { ImportFormat } from '../../shared/imports';
import { decodeText } from './decodeText';
import type { ImportedArticle } from './importedArticle';
import { headlineFromFileName } from './importedArticle';
import { checkFileSize } from './importFormats';
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

/**
 * Reads one file's bytes as an article, by its format: checks its size, decodes its text
 * (or unpacks a Word file) and parses it. Refusals are ApiErrors whose message names the file.
 */
export async function parseImportFile(name: string, format: ImportFormat, bytes: Uint8Array): Promise<ImportedArticle> {
  checkFileSize(name, format, bytes.length);
  let article: ImportedArticle;
  // The parsers of web pages, Word files and Markdown bring jsdom, mammoth and Lexical with them
  // (most of a second to load): they are loaded on first use, not whenever the app starts.
  if (format === 'docx') {
    const { parseDocx } = await import('./docx');
    article = await parseDocx(bytes, name);
  } else {
    const fallback = format === 'html' ? declaredCharset(bytes) : null;
    const decoded = decodeText(bytes, name, fallback);
    if (format === 'html') {
      const { parseWebPage } = await import('./webPage');
      article = parseWebPage(decoded.text, name);
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
