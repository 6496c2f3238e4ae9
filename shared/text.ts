/** Pure text functions shared by the services and the UI. No Node or DOM APIs here. */
import type { Body, BodyNode, BodyParagraph } from './body/bodySchema';
import type { BodyFold, BodyParent } from './body/visitBody';
import { foldBody, foldNode } from './body/visitBody';

/** Elements that start a block of their own: Lexical puts a blank line after each but the last. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(['paragraph', 'heading', 'quote', 'list', 'listitem']);

/** An element's text: its children's, a blank line after each block but the last. */
function elementText(node: BodyParent, children: readonly string[]): string {
  let text = '';
  children.forEach((child, index) => {
    text += child;
    if (BLOCK_ELEMENTS.has(node.children[index]?.type ?? '') && index !== children.length - 1) text += '\n\n';
  });
  return text;
}

const PLAIN_TEXT: BodyFold<string> = {
  root: elementText,
  paragraph: elementText,
  heading: elementText,
  quote: elementText,
  list: elementText,
  listitem: elementText,
  link: elementText,
  autolink: elementText,
  mark: elementText,
  comment: elementText,
  // The text as it would read with its suggestions accepted, as the editor's getTextContent gives it.
  suggestion: (node, children) => (node.kind === 'delete' ? '' : elementText(node, children)),
  text: (node) => node.text,
  tab: () => '\t',
  linebreak: () => '\n',
  // Lexical's horizontal rule is a decorator whose text is one newline; the other blocks have none.
  horizontalrule: () => '\n',
  'inline-image': () => '',
  'also-see': () => '',
};

/**
 * The plain text of a body, as search and counts see it: exactly what Lexical's own
 * `getTextContent()` gives for the same document, without needing an editor instance. Every
 * block (paragraph, heading, quote, list, list item) is followed by a blank line unless it is
 * the last child of its parent; line breaks give a newline.
 */
export function bodyToPlainText(body: Body): string {
  return foldBody(body, PLAIN_TEXT);
}

/** The plain text of one node of a body, as bodyToPlainText reads it. */
export function nodeToPlainText(node: BodyNode): string {
  return foldNode(node, PLAIN_TEXT);
}

/** Scripts written without spaces between words: each character counts as a word. */
const UNSPACED = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}`;
const LETTER = String.raw`(?:(?![${UNSPACED}])[\p{L}\p{N}\p{M}])`;
/**
 * A word: letters and digits, possibly joined by an apostrophe or a hyphen ("don't",
 * "six-month"), or a point, comma or colon between digits ("1,000", "3.5", "22:30"), or one
 * character of an unspaced script.
 */
const WORD = new RegExp(
  String.raw`[${UNSPACED}]|${LETTER}+(?:(?:['’\-\u2010\u2011]|(?<=\p{N})[.,:](?=\p{N}))${LETTER}+)*`,
  'gu',
);

/**
 * Counts words the way a reader would, including scripts written without spaces. A hyphenated
 * compound is one word, as in word processors and newsroom systems. A regular expression rather
 * than Intl.Segmenter, so the count is the same in every runtime (Node and Chromium split words
 * differently).
 */
export function countWords(text: string): number {
  let count = 0;
  for (const match of text.matchAll(WORD)) if (match[0].length > 0) count += 1;
  return count;
}

/**
 * A URL-safe, readable slug from a headline: lower case, accents removed from Latin letters,
 * letters of other scripts kept, runs of anything else collapsed to one hyphen, cut at a word
 * boundary to at most `maxLength` characters.
 */
export function slugify(headline: string, maxLength = 80): string {
  const base = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= maxLength) return base;
  const cut = base.slice(0, maxLength + 1);
  const lastHyphen = cut.lastIndexOf('-');
  const kept = lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, maxLength);
  // A hard cut must not leave half of a character written with two UTF-16 units (rare CJK letters).
  return kept.replace(/[\uD800-\uDBFF]$/, '').replace(/-+$/, '');
}

/** An image stored in the library, placed in a body with what it shows and who took it. */
export type InlineImagePayload = {
  /** The library asset holding the bytes. */
  assetId: string;
  /** What the image shows, for screen readers and when it cannot be shown. */
  altText: string;
  caption: string;
  credit: string;
  /** Natural size in pixels, so the page keeps its place while the image loads. */
  width: number;
  height: number;
};

/** A paragraph node as Lexical serialises it, holding one run of plain text (or none). */
function paragraph(text: string): BodyParagraph {
  return {
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: text === '' ? [] : [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
  };
}

/** A body made of plain paragraphs, one per string; an empty list gives one empty paragraph. */
export function bodyFromParagraphs(paragraphs: readonly string[]): Body {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: (paragraphs.length === 0 ? [''] : paragraphs).map(paragraph),
    },
  };
}

/** An empty body: one empty paragraph, as Lexical creates it. */
export function emptyBody(): Body {
  return bodyFromParagraphs([]);
}

/** Names as a byline reads them: "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  const present = names.map((name) => name.trim()).filter((name) => name !== '');
  if (present.length <= 1) return present.join('');
  return `${present.slice(0, -1).join(', ')} and ${present[present.length - 1] ?? ''}`;
}

/** Words a reader gets through in a minute of news reading. */
export const READING_WORDS_PER_MINUTE = 230;

/** Whole minutes to read `words` words: at least 1 for any text, 0 for none. */
export function readingMinutes(words: number): number {
  return words === 0 ? 0 : Math.max(1, Math.round(words / READING_WORDS_PER_MINUTE));
}
