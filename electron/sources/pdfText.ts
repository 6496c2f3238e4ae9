import path from 'node:path';

import { refuse } from '../import/importFormats';

/** The text of a PDF as paragraphs, and what its properties say about it. */
export type PdfText = { paragraphs: string[]; title: string; author: string };

type TextItem = { str: string; hasEOL: boolean; transform: number[]; height: number };

/** Lines of a page, each with its baseline, from pdf.js's text items. */
function linesOf(items: readonly TextItem[]): { text: string; y: number; height: number }[] {
  const lines: { text: string; y: number; height: number }[] = [];
  let text = '';
  let y: number | null = null;
  let height = 0;
  for (const item of items) {
    if (y === null) y = item.transform[5] ?? 0;
    text += item.str;
    height = Math.max(height, item.height);
    if (item.hasEOL) {
      lines.push({ text, y, height });
      text = '';
      y = null;
      height = 0;
    }
  }
  if (text.trim() !== '' && y !== null) lines.push({ text, y, height });
  return lines;
}

/**
 * Joins a paragraph's lines with spaces. A line ending in a hyphen joins the next without one:
 * "in-" + "depth" is "in-depth", as compounds are far commoner in news copy than words split
 * by a typesetter (which a PDF usually marks with a soft hyphen, left out of the text layer).
 */
function joinLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.replace(/\s+/gu, ' ').trim();
    if (line === '') continue;
    if (out === '') out = line;
    else if (/\p{L}-$/u.test(out)) out += line;
    else out = `${out} ${line}`;
  }
  return out;
}

/**
 * Paragraphs of a page: a new paragraph starts where the gap between two lines is clearly
 * wider than the usual line spacing, or where a line is much shorter than the page's lines
 * (the end of a paragraph) — the way a reader sees them.
 */
function paragraphsOfPage(items: readonly TextItem[]): string[] {
  const lines = linesOf(items).filter((line) => line.text.trim() !== '');
  if (lines.length === 0) return [];
  const gaps = lines
    .slice(1)
    .map((line, i) => Math.abs((lines[i]?.y ?? 0) - line.y))
    .filter((gap) => gap > 0);
  // The lower median: with few lines, one paragraph break must not count as the usual spacing.
  const usual = [...gaps].sort((a, b) => a - b)[Math.floor((gaps.length - 1) / 2)] ?? 0;
  const paragraphs: string[] = [];
  let current: string[] = [];
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous === undefined ? 0 : Math.abs(previous.y - line.y);
    if (current.length > 0 && usual > 0 && gap > usual * 1.45) {
      paragraphs.push(joinLines(current));
      current = [];
    }
    current.push(line.text);
  });
  if (current.length > 0) paragraphs.push(joinLines(current));
  return paragraphs.filter((paragraph) => paragraph !== '');
}

/**
 * Reads the text of a PDF with pdf.js: no script in the file runs, no font is loaded, nothing
 * is fetched. A PDF that is damaged, encrypted or has no text layer (a scan) is refused with
 * a message saying so.
 */
export async function readPdfText(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  if (new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).indexOf('%PDF-') < 0) {
    throw refuse(`${fileName} is not a PDF file (it does not start as one). Choose the PDF itself.`);
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The metrics of the fourteen standard fonts, read from pdf.js's own folder: nothing is fetched.
  const standardFontDataUrl = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}${path.sep}`;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    standardFontDataUrl,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const document = await task.promise;
    const info = (await document.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined;
    const paragraphs: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      paragraphs.push(...paragraphsOfPage(content.items.flatMap((item) => ('str' in item ? [item] : []))));
      page.cleanup();
    }
    if (paragraphs.length === 0) {
      throw refuse(
        `${fileName} has no text to quote: it is probably a scanned image. Run it through text recognition (OCR) first, or paste the passage.`,
      );
    }
    const text = (key: string) => (typeof info?.[key] === 'string' ? info[key].trim() : '');
    return { paragraphs, title: text('Title'), author: text('Author') };
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      throw refuse(`${fileName} is protected by a password. Save a copy without the password and add that.`);
    }
    if (error instanceof Error && /^(InvalidPDFException|FormatError|UnknownErrorException)$/.test(error.name)) {
      throw refuse(`${fileName} is damaged or incomplete and cannot be read as a PDF.`);
    }
    throw error;
  } finally {
    await task.destroy();
  }
}
