import type { PdfBlock } from '../sources/pdfText';
import { collapseSpace } from './importedArticle';
import { writtenDate } from './plainText';

/**
 * What a printed press release (or statement) is made of, read from its paragraphs and the
 * size of their type: the headline, the line under it, the text, and what stands above the
 * headline (the issuer's letterhead, "PRESS RELEASE", the date of issue, an embargo).
 */
export type PressRelease = {
  /** '' when nothing in the layout stands out as a headline. */
  headline: string;
  /** True when the headline was told by its type, set larger than the text. */
  prominent: boolean;
  dek: string;
  /** The story's paragraphs in order, without the labels, contacts and dates above it or the "###" after it. */
  body: string[];
  /** Who issued it, from the letterhead, or ''. */
  issuer: string;
  /** The date of issue, YYYY-MM-DD, or ''. */
  issued: string;
  /** The embargo line as printed, or ''. */
  embargo: string;
  /** Lines above the story left out of its text (the PDF, kept as the source, still has them). */
  leftOut: string[];
};

/** "PRESS RELEASE", "FOR IMMEDIATE RELEASE", "MEDIA ADVISORY", "Statement": labels, never headlines. */
const LABEL =
  /^(?:(?:joint\s+)?(?:press|news|media)\s+(?:release|statement|advisory|alert|notice|briefing)|statement|for\s+(?:immediate|general)\s+release|immediate\s+release|for\s+release(?:\s+on)?|release\s+date|(?:date\s+of\s+)?issued?(?:\s+on)?|date|news|public\s+notice|press|communiqu[eé])\b[\s:–—-]*/iu;
const EMBARGO = /^embargo(?:ed)?\b/iu;
const CONTACT =
  /^(?:(?:media|press|news)\s+)?(?:contacts?|enquiries|inquiries|office)\b|^for\s+(?:further|more)\s+information\b|[\w.+-]+@[\w-]+\.[\w.]+|(?:https?:\/\/|www\.)\S+|(?:^|\s)(?:tel|phone|fax|mobile|t|m)\.?\s*[:.]?\s*\+?[\d(][\d\s().-]{6,}|\+\d[\d\s().-]{7,}/iu;
/** "###", "-ENDS-", "- 30 -", "End of release": the end of a release, not part of the story. */
const END = /^(?:#{3,}|[-–—\s]*(?:ends?|end of (?:press |news )?release)[-–—\s]*|[-–—]\s*30\s*[-–—])$/iu;
/** The word that ends a body's name ("… Harbour Authority", "Acme Ltd"). */
const ISSUER_END =
  /\b(?:authority|agency|office|council|commission|committee|government|embassy|university|college|institute|foundation|association|society|union|federation|board|bureau|services?|trust|group|company|corporation|corp|inc|ltd|llc|plc|gmbh|ag|limited|holdings|partners|police|court|parliament|league|club|organi[sz]ation|network|party|ministry|department)\.?$/iu;
/** The words that begin one ("Ministry of Foreign Affairs", "Department for Transport"). */
const ISSUER_START =
  /^(?:the\s+)?(?:ministry|department|office|embassy|university|government|council|commission|bureau|agency|institute|federation|association|society|union|league|board|state|city|county|republic)\s+(?:of|for)\s/iu;

/** A date, written as a press release writes it ("12 March 2026", "March 12, 2026", "2026-03-12"). */
const DATE = String.raw`(?:\p{L}+day,?\s+)?(?:\p{L}+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? \p{L}+\.?,? \d{4}|\d{4}-\d{2}-\d{2})`;
/**
 * A press release's dateline: "PORTSMOUTH, England, March 12, 2026 /PRNewswire/ -- ", "London,
 * 12 March 2026 – ", "LONDON (12 March 2026) - ".
 */
const DATELINE = new RegExp(
  String.raw`^(\p{Lu}[\p{L}\p{M}'’.-]*(?:,? \p{Lu}[\p{L}\p{M}'’.-]*){0,3}?)\s*(?:,\s*|\(\s*)(${DATE})\s*\)?\s*(?:\/[^/]{2,40}\/\s*)?(?:--|[—–:-])\s+(?=\S)`,
  'u',
);

const wordsOf = (text: string) => text.split(/\s+/u).filter((word) => word !== '').length;
const sameSize = (a: number, b: number) => Math.abs(a - b) <= Math.max(a, b) * 0.1;

/** The date a line gives alone ("12 March 2026", "Date: 12 March 2026", "Islamabad, 10 June 2025"), or ''. */
function dateOfLine(text: string): string {
  const date = writtenDate(text);
  if (date !== '') return date;
  const after = /^(?:[\p{L} .'’-]{2,40},\s*|[\p{L} ]{2,20}:\s*)(.+)$/u.exec(text)?.[1];
  return after === undefined ? '' : writtenDate(after);
}

/** What a line above the story is. */
type Kind = 'label' | 'embargo' | 'contact' | 'date' | 'end' | 'text';

/** A label, with the date it may carry ("FOR IMMEDIATE RELEASE: 12 March 2026"), or null. */
function asLabel(text: string): { date: string } | null {
  let rest = text;
  let labelled = false;
  for (let match = LABEL.exec(rest); match !== null && match[0] !== ''; match = LABEL.exec(rest)) {
    rest = rest.slice(match[0].length);
    labelled = true;
  }
  if (!labelled) return null;
  rest = rest.trim();
  if (rest === '') return { date: '' };
  const date = dateOfLine(rest);
  return date === '' ? null : { date };
}

function kindOf(text: string): Kind {
  if (END.test(text)) return 'end';
  if (EMBARGO.test(text)) return 'embargo';
  if (asLabel(text) !== null) return 'label';
  if (dateOfLine(text) !== '') return 'date';
  // A paragraph of the story may give an address; a line above it that does is a contact.
  if (wordsOf(text) <= 25 && CONTACT.test(text)) return 'contact';
  return 'text';
}

/** A paragraph that reads as the story's text: at the text's size, and long, or opening with a dateline. */
function isProse(block: PdfBlock, bodySize: number): boolean {
  if (!sameSize(block.size, bodySize) || kindOf(block.text) !== 'text') return false;
  return (
    wordsOf(block.text) >= 12 || DATELINE.test(block.text) || /^\p{Lu}{2,}[\p{Lu} ,.'’-]*[:—–]\s/u.test(block.text)
  );
}

/** A letterhead's line: a short name of a body ("Northwind Harbour Authority"), not a sentence. */
function looksLikeIssuer(text: string, author: string): boolean {
  if (author !== '' && collapseSpace(text).toLocaleLowerCase() === collapseSpace(author).toLocaleLowerCase()) {
    return true;
  }
  return (
    wordsOf(text) <= 8 &&
    !/[.!?]$/u.test(text) &&
    !/\d/u.test(text) &&
    (ISSUER_END.test(text) || ISSUER_START.test(text))
  );
}

/**
 * The press release's dateline at the start of its first paragraph: the place as printed,
 * the date, and the paragraph after them; null when it opens with none.
 */
export function pressDateline(paragraph: string): { place: string; date: string; rest: string } | null {
  const match = DATELINE.exec(paragraph);
  const date = writtenDate(match?.[2] ?? '');
  const place = (match?.[1] ?? '').replace(/,$/u, '');
  // "On Thursday, 12 March 2026 – the council…" opens a sentence, not a dateline.
  if (match === null || date === '' || /^(?:on|in|at|by|from|the|today|this|last|since|until)\b/iu.test(place)) {
    return null;
  }
  return { place, date, rest: paragraph.slice(match[0].length) };
}

/**
 * Reads a PDF's paragraphs as a press release. The headline is the largest type above the
 * text, after the last label, contact or date line (the letterhead and "PRESS RELEASE" come
 * before it), and not the issuer's name; with every line at one size, the first line after
 * those that is not a label. A line set between the headline's size and the text's, under
 * the headline, is its dek. `author` is the PDF's own Author, which a letterhead may repeat.
 */
export function readPressRelease(blocks: readonly PdfBlock[], author = ''): PressRelease {
  const totals = new Map<number, number>();
  for (const block of blocks) totals.set(block.size, (totals.get(block.size) ?? 0) + block.text.length);
  const bodySize = [...totals].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;

  let storyAt = blocks.findIndex((block) => isProse(block, bodySize));
  if (storyAt < 0) storyAt = blocks.length;
  const kinds = blocks.map((block) => kindOf(block.text));
  const lead = blocks.slice(0, storyAt).map((block, index) => ({ block, index, kind: kinds[index] as Kind }));
  const candidates = lead.filter(({ block, kind }) => kind === 'text' && wordsOf(block.text) >= 2);
  const lastMark = Math.max(-1, ...lead.filter(({ kind }) => kind !== 'text').map(({ index }) => index));

  const prominent = candidates.filter(({ block }) => block.size > bodySize * 1.1);
  let pool = prominent.length > 0 ? prominent : candidates;
  const afterMarks = pool.filter(({ index }) => index > lastMark);
  if (afterMarks.length > 0) pool = afterMarks;
  const [first, ...others] = pool;
  if (
    first !== undefined &&
    looksLikeIssuer(first.block.text, author) &&
    others.some(({ block }) => wordsOf(block.text) >= 3)
  ) {
    pool = others;
  }
  const largest = Math.max(0, ...pool.map(({ block }) => block.size));
  const chosen = prominent.length > 0 ? pool.find(({ block }) => sameSize(block.size, largest)) : pool[0];

  const headlineAt = chosen?.index ?? -1;
  const headlineSize = chosen?.block.size ?? 0;
  // Under the headline, above the text: a line in type between the two sizes is its dek.
  const dekParts: string[] = [];
  let bodyFrom = headlineAt + 1;
  while (
    bodyFrom < storyAt &&
    kinds[bodyFrom] === 'text' &&
    (blocks[bodyFrom]?.size ?? 0) > bodySize * 1.05 &&
    (blocks[bodyFrom]?.size ?? 0) < headlineSize * 0.97
  ) {
    dekParts.push(blocks[bodyFrom]?.text ?? '');
    bodyFrom += 1;
  }

  const above = blocks.slice(0, Math.max(0, headlineAt));
  const issuerBlock = above.find(
    ({ text }, index) =>
      kinds[index] === 'text' &&
      (looksLikeIssuer(text, author) || (index === 0 && wordsOf(text) <= 6 && !/\d/u.test(text))),
  );
  let issued = '';
  let embargo = '';
  const leftOut = above.map((block) => block.text);
  const body: string[] = [];
  blocks.forEach((block, index) => {
    const kind = kinds[index] as Kind;
    if (index < storyAt && kind !== 'text') {
      const date = kind === 'label' ? (asLabel(block.text)?.date ?? '') : kind === 'date' ? dateOfLine(block.text) : '';
      if (issued === '' && date !== '') issued = date;
      if (kind === 'embargo' && embargo === '') embargo = block.text;
      if (index > headlineAt) leftOut.push(block.text);
      return;
    }
    if (index >= bodyFrom && kind !== 'end') body.push(block.text);
  });
  return {
    headline: chosen?.block.text ?? '',
    prominent: chosen !== undefined && prominent.length > 0,
    dek: dekParts.join(' '),
    body,
    issuer: issuerBlock?.text ?? '',
    issued,
    embargo,
    leftOut,
  };
}
