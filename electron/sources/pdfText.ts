import path from 'node:path';

import { refuse } from '../import/importFormats';

/** A paragraph of a PDF as a reader sees it: its text, the size of its type, and the page it starts on. */
export type PdfBlock = { text: string; size: number; page: number };

/**
 * The text of a PDF as paragraphs, and what its properties say about it. A paragraph is whole
 * however many lines and pages it runs over; page numbers and the heads and feet a PDF prints
 * on every page are left out.
 */
export type PdfText = { blocks: PdfBlock[]; title: string; author: string };

type TextItem = { str: string; hasEOL: boolean; transform: number[]; width: number; height: number };

/** A line as printed: where it starts and ends across the page, its baseline, its type size. */
type Line = { text: string; x: number; right: number; y: number; size: number; page: number };

/** A paragraph being built from lines. */
type Block = { lines: Line[]; size: number; page: number };

/** A page's number printed at its foot or head: "3", "Page 2", "2 of 5", "- 4 -", "Page 2/3". */
const PAGE_NUMBER = /^(?:page\s*)?[-–—(]?\s*\d{1,4}\s*(?:(?:of|\/)\s*\d{1,4})?\s*[-–—)]?$/iu;
/** The "-more-" a press release prints at the foot of a page that goes on. */
const MORE = /^[-–—(\s]*more[-–—)\s]*$/iu;
/** Where a sentence (or a paragraph) may end. */
const FINAL = /[.!?:;…]["'”’)\]]*$/u;
/** A line opening with a word in capitals ("EMBARGOED", "LONDON,"). */
const CAPITALS_FIRST = /^["“(]?\p{Lu}[\p{Lu}\p{M}'’.-]+(?![\p{Ll}\p{M}])/u;
/** A list item's mark. */
const BULLET = /^(?:[•·▪◦●■–—*-]\s|\d{1,2}[.)]\s)/u;

/**
 * First elements of compounds a line may break after ("self-", "well-"): the hyphen is the
 * word's own and stays. Everywhere else a hyphen at a line's end before a small letter is a
 * typesetter's, and goes, unless the document prints the word with a hyphen elsewhere.
 */
const COMPOUND_FIRST = new Set(
  (
    'self well long short high low non co ex anti pre post multi cross half all full part mid vice semi so ' +
    'one two three four five six seven eight nine ten first second third fourth fifth year state'
  ).split(' '),
);
/** Second elements of compounds ("-based", "-term"). */
const COMPOUND_SECOND = new Set(
  (
    'based term year years old time level known like led scale related owned friendly backed funded class ' +
    'made wide free making run long day week month party style sized minded looking standing profile ' +
    'income depth quality elect building winning ranking'
  ).split(' '),
);

/** Endings that are never a word of their own: "long-" + "er" is "longer", "self-" + "less" is "selfless". */
const SUFFIX =
  /^(?:s|es|ed|er|ers|est|ing|ings|ly|ness|less|ment|ments|tion|tions|sion|ity|ous|ive|able|ible|ance|ence|al|ful)$/u;

const median = (values: readonly number[], at = 0.5): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor((sorted.length - 1) * at)))] ?? 0;
};

/** The value most characters share, of `value` over `items` (type sizes rounded to a half point). */
function commonest<T>(items: readonly T[], value: (item: T) => number, weight: (item: T) => number): number {
  const totals = new Map<number, number>();
  for (const item of items) {
    const key = Math.round(value(item) * 2) / 2;
    totals.set(key, (totals.get(key) ?? 0) + weight(item));
  }
  let best = 0;
  let most = -1;
  for (const [key, total] of totals) {
    if (total > most) [best, most] = [key, total];
  }
  return best;
}

const sameSize = (a: number, b: number) => Math.abs(a - b) <= Math.max(a, b) * 0.12;

/** Letters that pdf.js may give as one ligature glyph, written out. */
const LIGATURES: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};

/**
 * The lines of a page from pdf.js's text items: items on one baseline are one line, with a
 * space where the gap between two of them is a word space that the PDF does not print.
 */
function linesOf(items: readonly TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let current: (Line & { sizes: { size: number; chars: number }[] }) | null = null;
  const end = () => {
    if (current !== null && current.text.trim() !== '') {
      const { sizes, ...line } = current;
      lines.push({
        ...line,
        text: line.text.replace(/[\ufb00-\ufb06]/gu, (char) => LIGATURES[char] ?? char),
        size: commonest(
          sizes,
          (part) => part.size,
          (part) => part.chars,
        ),
      });
    }
    current = null;
  };
  for (const item of items) {
    const [a = 0, b = 0, c = 0, d = 0, x = 0, y = 0] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    if (item.str !== '') {
      if (current !== null && Math.abs(y - current.y) > Math.max(size, current.size) * 0.5) end();
      if (current === null) {
        current = { text: '', x, right: x, y, size, page, sizes: [] };
      } else if (x - current.right > size * 0.15 && !/\s$/u.test(current.text) && !/^\s/u.test(item.str)) {
        current.text += ' ';
      }
      current.text += item.str.replace(/\p{Cc}/gu, ' ');
      current.right = Math.max(current.right, x + item.width);
      current.sizes.push({ size, chars: item.str.trim().length });
    }
    if (item.hasEOL) end();
  }
  end();
  return lines.map((line) => ({ ...line, text: line.text.replace(/\s+/gu, ' ').trim() }));
}

/** A line as it is compared with the heads and feet of other pages: its figures stand for any. */
const furnitureKey = (text: string) => text.toLocaleLowerCase().replace(/\d+/gu, '#').replace(/\s+/gu, ' ');

/**
 * Leaves out what a PDF prints around the text of each page: page numbers and "-more-"; a line
 * at the top or the foot of the page that other pages print there too (a running head, the
 * issuer's address in the foot), kept only where it heads the first page (the letterhead);
 * and on later pages a head set smaller than the text, apart from it.
 */
function withoutFurniture(pages: readonly Line[][], bodySize: number): Line[][] {
  const bands = pages.map((lines) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    return { top: byHeight.slice(0, 2), foot: byHeight.slice(-2).reverse() };
  });
  const pagesWith = new Map<string, Set<number>>();
  bands.forEach((band, index) => {
    for (const line of [...band.top, ...band.foot]) {
      const key = furnitureKey(line.text);
      pagesWith.set(key, (pagesWith.get(key) ?? new Set()).add(index));
    }
  });
  const furniture = new Set<Line>();
  bands.forEach((band, index) => {
    const lines = pages[index] ?? [];
    for (const [edge, outward] of [
      ['top', band.top],
      ['foot', band.foot],
    ] as const) {
      // From the page's edge inwards: a second line only counts when the first was furniture.
      for (const line of outward) {
        // A page of a line or two is all text: nothing on it is around the text.
        const repeated =
          lines.length > 2 && line.text.length <= 160 && (pagesWith.get(furnitureKey(line.text))?.size ?? 0) > 1;
        const next = lines.filter((other) => other !== line && !furniture.has(other));
        const apart =
          next.length > 0 &&
          next.every((other) => Math.abs(other.y - line.y) > bodySize * 2.5) &&
          line.size < bodySize * 0.92;
        const isFurniture =
          PAGE_NUMBER.test(line.text) ||
          MORE.test(line.text) ||
          (repeated && !(edge === 'top' && index === 0)) ||
          (edge === 'top' && index > 0 && apart);
        if (!isFurniture) break;
        furniture.add(line);
      }
    }
  });
  return pages.map((lines) => lines.filter((line) => !furniture.has(line)));
}

/** Words as the document prints them whole, and compounds it prints with their hyphen. */
type Vocabulary = { words: Set<string>; compounds: Set<string> };

function vocabularyOf(lines: readonly Line[]): Vocabulary {
  const words = new Set<string>();
  const compounds = new Set<string>();
  for (const line of lines) {
    // A word cut at the line's end is no evidence: its parts are left out.
    const whole = line.text.replace(/\p{L}+-$/u, '');
    for (const match of whole.matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
      const word = match[0].toLocaleLowerCase();
      (word.includes('-') ? compounds : words).add(word);
    }
  }
  return { words, compounds };
}

/** Whether the hyphen that ends a line, before `after`, belongs to the word (a compound's) and stays. */
function keepsHyphen(before: string, after: string, vocabulary: Vocabulary): boolean {
  const left = /(\p{L}+(?:-\p{L}+)*)-$/u.exec(before)?.[1] ?? '';
  const right = /^\p{L}+/u.exec(after)?.[0] ?? '';
  if (left === '' || right === '' || !/^\p{Ll}/u.test(right)) return true;
  const first = left.toLocaleLowerCase();
  const second = right.toLocaleLowerCase();
  const lastPart = first.split('-').pop() ?? first;
  if (first.includes('-') || vocabulary.compounds.has(`${lastPart}-${second}`)) return true;
  if (vocabulary.words.has(`${lastPart}${second}`) || SUFFIX.test(second)) return false;
  // A short second element after two letters is as likely a syllable ("be-long"): a long one is not.
  return COMPOUND_FIRST.has(lastPart) || (COMPOUND_SECOND.has(second) && (lastPart.length >= 3 || second.length >= 5));
}

/**
 * A paragraph's lines as one text. A word a typesetter split over two lines ("coopera-" +
 * "tion") is made whole; a compound broken at its own hyphen ("long-" + "term") keeps it (see
 * keepsHyphen). A soft hyphen is never printed text.
 */
function joinLines(lines: readonly Line[], vocabulary: Vocabulary): string {
  let out = '';
  for (const line of lines) {
    const text = line.text;
    if (out === '') out = text;
    else if (/\u00ad$/u.test(out)) out = out.slice(0, -1) + text;
    else if (/\p{L}[-‐]$/u.test(out)) out = keepsHyphen(out, text, vocabulary) ? out + text : out.slice(0, -1) + text;
    else if (/\p{L}—$/u.test(out)) out += text;
    else out = `${out} ${text}`;
  }
  return out.replace(/\u00ad/gu, '');
}

/** Where a page's text column lies: its left edge and the right edge its full lines reach. */
type Column = { left: number; right: number };

/** Whether a line ends short of the column: the next line's first word would have fitted on it. */
function endsShort(line: Line, next: Line | undefined, column: Column): boolean {
  const room = column.right - line.right;
  if (next === undefined) return room > line.size * 4;
  const word = /^\S+/u.exec(next.text)?.[0] ?? '';
  const perChar = (next.right - next.x) / Math.max(1, next.text.length);
  return room > (word.length + 1) * perChar + line.size;
}

/**
 * Paragraphs of the document. A paragraph ends where the type size changes, where the gap to
 * the next line is clearly wider than the document's line spacing, before a list item, and
 * after a line that ends a sentence short of the column (or a short line of capitals, a label).
 * Where the document sets no space between paragraphs, an indented first line starts one.
 * A paragraph that a page ends in the middle of a sentence goes on at the top of the next page.
 */
function blocksOf(pages: readonly Line[][], bodySize: number, vocabulary: Vocabulary): PdfBlock[] {
  const all = pages.flat();
  const body = all.filter((line) => sameSize(line.size, bodySize));
  const column: Column = {
    left: median(
      body.map((line) => line.x),
      0.1,
    ),
    right: median(
      body.map((line) => line.right),
      0.9,
    ),
  };
  // Line spacing as a share of the type size, read from the text's own lines where it has several.
  const ratios: { ratio: number; text: boolean }[] = [];
  for (const lines of pages) {
    lines.slice(1).forEach((line, i) => {
      const previous = lines[i] as Line;
      const gap = previous.y - line.y;
      if (gap > 0 && sameSize(previous.size, line.size)) {
        ratios.push({ ratio: gap / Math.max(previous.size, line.size), text: sameSize(line.size, bodySize) });
      }
    });
  }
  const textRatios = ratios.filter((pair) => pair.text).map((pair) => pair.ratio);
  const spacing = textRatios.length > 1 ? textRatios : ratios.map((pair) => pair.ratio);
  const leading = spacing.length === 0 ? 1.2 : median(spacing, 0.25);
  // Whether the text sets space between its paragraphs (else an indent marks where one starts).
  const spaced = textRatios.some((ratio) => ratio > leading * 1.35);

  const startsParagraph = (previous: Line, line: Line): boolean => {
    if (!sameSize(previous.size, line.size)) return true;
    const gap = previous.y - line.y;
    if (gap <= 0 || gap / Math.max(previous.size, line.size) > leading * 1.35) return true;
    if (BULLET.test(line.text)) return true;
    // A line that ends a sentence short of the column ends its paragraph; so does a short line
    // of capitals (a label), or one before a line that opens with a word in capitals (a
    // label, "EMBARGOED UNTIL", or a dateline).
    if (
      endsShort(previous, line, column) &&
      (FINAL.test(previous.text) || !/\p{Ll}/u.test(previous.text) || CAPITALS_FIRST.test(line.text))
    ) {
      return true;
    }
    const indent = line.x - column.left;
    return !spaced && Math.abs(previous.x - column.left) < 2 && indent > line.size * 0.8 && indent < line.size * 6;
  };

  const blocks: Block[] = [];
  for (const lines of pages) {
    let current: Block | null = null;
    for (const line of lines) {
      const previous: Line | undefined = current?.lines[current.lines.length - 1];
      if (current === null || previous === undefined || startsParagraph(previous, line)) {
        const last = blocks[blocks.length - 1];
        const lastLine = last?.lines[last.lines.length - 1];
        // The first paragraph of a page may be the last one of the page before, going on.
        if (
          current === null &&
          last !== undefined &&
          lastLine !== undefined &&
          last.page < line.page &&
          sameSize(lastLine.size, bodySize) &&
          sameSize(line.size, bodySize) &&
          !FINAL.test(lastLine.text) &&
          !BULLET.test(line.text) &&
          (!endsShort(lastLine, line, column) || /^\p{Ll}/u.test(line.text))
        ) {
          current = last;
        } else {
          current = { lines: [], size: line.size, page: line.page };
          blocks.push(current);
        }
      }
      current.lines.push(line);
    }
  }
  return blocks
    .map((block) => ({
      text: joinLines(block.lines, vocabulary),
      size: commonest(
        block.lines,
        (line) => line.size,
        (line) => line.text.length,
      ),
      page: block.page,
    }))
    .filter((block) => block.text !== '');
}

/** How much a PDF may hold for readPdfText. */
export type PdfLimits = { maxPages?: number };

/**
 * Reads the text of a PDF with pdf.js: no script in the file runs, no font is loaded, nothing
 * is fetched. A PDF that is damaged, encrypted, longer than `maxPages` or has no text layer (a
 * scan) is refused with a message saying so and what to do.
 */
export async function readPdfText(bytes: Uint8Array, fileName: string, limits: PdfLimits = {}): Promise<PdfText> {
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
    const maxPages = limits.maxPages ?? Number.POSITIVE_INFINITY;
    if (document.numPages > maxPages) {
      throw refuse(
        `${fileName} has ${document.numPages.toLocaleString('en')} pages, more than the ${maxPages.toLocaleString('en')} Copydesk reads as one story. Save the pages the story needs as a PDF of their own (Print, then Save as PDF with those pages) and import that.`,
      );
    }
    const info = (await document.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined;
    const pages: Line[][] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push(
        linesOf(
          content.items.flatMap((item) => ('str' in item ? [item] : [])),
          number,
        ),
      );
      page.cleanup();
    }
    const bodySize = commonest(
      pages.flat(),
      (line) => line.size,
      (line) => line.text.length,
    );
    const kept = withoutFurniture(pages, bodySize);
    const blocks = blocksOf(kept, bodySize, vocabularyOf(kept.flat()));
    if (blocks.length === 0) {
      throw refuse(
        `${fileName} has no text to quote: it is probably a scanned image. Run it through text recognition (OCR) first, or paste the passage.`,
      );
    }
    const text = (key: string) => (typeof info?.[key] === 'string' ? info[key].trim() : '');
    return { blocks, title: text('Title'), author: text('Author') };
  } catch (error) {
    if (error instanceof Error && error.name === 'PasswordException') {
      throw refuse(
        `${fileName} is protected by a password. Open it, save a copy without the password (or print it to a new PDF), and use that.`,
      );
    }
    if (error instanceof Error && /^(InvalidPDFException|FormatError|UnknownErrorException)$/.test(error.name)) {
      throw refuse(
        `${fileName} is damaged or incomplete and cannot be read as a PDF. Download or export it again, then try once more.`,
      );
    }
    throw error;
  } finally {
    await task.destroy();
  }
}
