function escapePdfText(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/**
 * A small, valid PDF with a text layer: paragraphs of lines set in 11-point Helvetica, one
 * page each list, a blank line between paragraphs. Enough to test reading a PDF's text
 * without a binary fixture.
 */
export function pdfDocument(
  pages: readonly (readonly (readonly string[])[])[],
  info: { title?: string; author?: string } = {},
): Buffer {
  return placedPdf(
    pages.map((paragraphs) => {
      let y = 740;
      return paragraphs.flatMap((paragraph, index) => {
        if (index > 0) y -= 14;
        return paragraph.map((text) => {
          const line = { text, x: 72, y, size: 11 };
          y -= 14;
          return line;
        });
      });
    }),
    info,
  );
}

/** A PDF file of numbered objects (the first numbered 1), with a cross-reference table and the trailer's entries. */
function writePdf(objects: readonly string[], trailer: string): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * Helvetica's advance widths (thousandths of the size) for printable ASCII, from its AFM: the
 * widths pdf.js gives the text too, so lines set with them fill the column as a typesetter's do.
 */
const HELVETICA = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
/**
 * How wide `text` is set in Helvetica at `size` points; in Helvetica-Bold, near enough for
 * wrapping a heading, about 6% wider.
 */
export function textWidth(text: string, size: number, bold = false): number {
  let total = 0;
  for (const char of text) total += HELVETICA[(char.codePointAt(0) ?? 63) - 32] ?? 556;
  return (total * size * (bold ? 1.06 : 1)) / 1000;
}

/** A line of text placed on a page: its left end and baseline in points from the page's foot. */
export type PlacedLine = { text: string; x: number; y: number; size: number; bold?: boolean };

/**
 * A PDF whose lines are placed where given, in Helvetica or Helvetica-Bold at any size, as a
 * word processor's "Save as PDF" places each line. `passwordProtected` adds the standard
 * security handler asking for a password, as a file saved "with a password to open" does.
 */
export function placedPdf(
  pages: readonly (readonly PlacedLine[])[],
  info: { title?: string; author?: string; passwordProtected?: boolean } = {},
): Buffer {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesId = add('');
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const pageIds = pages.map((lines) => {
    const stream = lines
      .map(
        (line) =>
          `BT /${line.bold === true ? 'F2' : 'F1'} ${line.size} Tf 1 0 0 1 ${line.x.toFixed(2)} ${line.y.toFixed(2)} Tm (${escapePdfText(line.text)}) Tj ET`,
      )
      .join('\n');
    const content = add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
    return add(
      `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Contents ${content} 0 R /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> >>`,
    );
  });
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
  objects[pagesId - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  const infoId = add(
    `<< /Title (${escapePdfText(info.title ?? '')}) /Author (${escapePdfText(info.author ?? '')}) /Producer (Copydesk tests) >>`,
  );
  const encrypt =
    info.passwordProtected === true
      ? add(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> >>`)
      : null;
  const security = encrypt === null ? '' : ` /Encrypt ${encrypt} 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>]`;
  return writePdf(objects, `/Root ${catalog} 0 R /Info ${infoId} 0 R${security}`);
}

/** A block of a typeset document: a paragraph, a heading, a line of letterhead. */
export type TypesetBlock = {
  /** Break opportunities inside words are marked with a soft hyphen (U+00AD); a line broken there ends in "-". */
  text: string;
  size?: number;
  bold?: boolean;
  center?: boolean;
  /** Space above the block, in points (a paragraph's space before). */
  spaceBefore?: number;
};

/** Words of a paragraph cut into lines no wider than `width`, hyphenated where a soft hyphen allows. */
function setLines(block: TypesetBlock, width: number): string[] {
  const size = block.size ?? 11;
  const bold = block.bold === true;
  const fits = (text: string) => textWidth(text.replace(/\u00ad/g, ''), size, bold) <= width;
  const lines: string[] = [];
  let line = '';
  for (const word of block.text.split(/\s+/).filter((part) => part !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    // The longest piece of the word up to a soft hyphen that still fits, with its hyphen.
    const breaks = [...word.matchAll(/\u00ad/g)].map((match) => match.index).reverse();
    const at = breaks.find((index) => fits(`${line === '' ? '' : `${line} `}${word.slice(0, index)}-`));
    if (at !== undefined) {
      lines.push(`${line === '' ? '' : `${line} `}${word.slice(0, at)}-`);
      line = word.slice(at + 1);
    } else {
      if (line !== '') lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => text.replace(/\u00ad/g, ''));
}

/**
 * A document typeset as a word processor prints it on US Letter pages: blocks wrapped to the
 * column in Helvetica, flowing on to the next page where the page is full (a paragraph may
 * break across pages), with a running head at the top and a foot (a page number, say) at the
 * bottom of every page.
 */
export function typesetPdf(
  blocks: readonly TypesetBlock[],
  options: {
    /** The running head of each page, or null for none on that page (a first page with its letterhead). */
    header?: (page: number) => string | null;
    footer?: (page: number, pages: number) => string;
    title?: string;
    author?: string;
  } = {},
): Buffer {
  const left = 72;
  const width = 612 - 2 * left;
  const top = 720;
  const bottom = 90;
  const pages: PlacedLine[][] = [[]];
  let y = top;
  for (const block of blocks) {
    const size = block.size ?? 11;
    const leading = size * 1.25;
    const lines = setLines(block, width);
    y -= block.spaceBefore ?? 0;
    for (const text of lines) {
      y -= leading;
      if (y < bottom) {
        pages.push([]);
        y = top - leading;
      }
      const x = block.center === true ? left + (width - textWidth(text, size, block.bold)) / 2 : left;
      pages[pages.length - 1]?.push({ text, x, y, size, bold: block.bold });
    }
  }
  const count = pages.length;
  const placed = pages.map((lines, index) => [
    ...[options.header?.(index + 1) ?? null].flatMap((text) =>
      text === null ? [] : [{ text, x: left, y: 750, size: 8 }],
    ),
    ...lines,
    ...(options.footer === undefined
      ? []
      : [{ text: options.footer(index + 1, count), x: 612 / 2 - 10, y: 50, size: 8 }]),
  ]);
  return placedPdf(placed, { title: options.title, author: options.author });
}
