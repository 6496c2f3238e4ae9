/**
 * Cleaning what people paste. HTML from Word, Google Docs or a web page goes through DOMPurify
 * with a short allow-list before the editor sees it, then is reduced to the structure a story
 * uses: headings, paragraphs, emphasis, lists, links and quotes. Nothing executable survives
 * the first step; the second only reshapes what is left.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

import { STORY_TAGS } from '../../shared/links';
import { isAllowedUrl } from './links';

/** Above this many characters a paste is not parsed as HTML: the person chooses what to do. */
export const LARGE_PASTE_CHARS = 500_000;
/** Above this many characters of text a paste is refused: it is a file to import, not a paste. */
export const MAX_PASTE_CHARS = 2_000_000;
/** The longest headline made from a pasted first line. */
export const MAX_PASTED_HEADLINE_CHARS = 200;

/**
 * What DOMPurify lets through. `span` and `div`, styles and classes are kept only long enough
 * to read Google Docs' and Word's formatting and structure from them; they are gone before the
 * editor sees the HTML.
 */
const ALLOWED_TAGS = [...STORY_TAGS, 'span', 'sub', 'sup', 'div'];
/**
 * Where a pasted element's style attribute is kept while it is read. The browser checks a
 * `style` attribute (and an `on…` one) against the page's Content-Security-Policy as soon as it
 * is parsed, even in a document that never renders, and reports each one as a violation: they
 * are renamed before parsing so that a paste from Google Docs does not fill the console.
 */
const STYLE_ATTR = 'data-paste-style';
const ALLOWED_ATTR = ['href', STYLE_ATTR, 'class'];

/** What the editor receives: the body's own structure and nothing else. */
const FINAL_TAGS = new Set([
  'P',
  'BR',
  'H2',
  'H3',
  'STRONG',
  'B',
  'EM',
  'I',
  'U',
  'S',
  'A',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'SUB',
  'SUP',
]);

const BLOCK_TAGS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'DIV']);

const PURIFY_CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  // Its value is CSS, not an address: DOMPurify would otherwise hold it to ALLOWED_URI_REGEXP.
  ADD_URI_SAFE_ATTR: [STYLE_ATTR],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
  KEEP_CONTENT: true,
  RETURN_DOM_FRAGMENT: true,
};

export type SanitisedPaste = {
  /** The cleaned HTML as the body of an inert document (no scripts, no loading): for $generateNodesFromDOM. */
  dom: Document;
  /** Links whose address was not http, https or mailto: their text is kept, the link is not. */
  refusedLinks: number;
};

let purifier: Purifier | null = null;
let refusedLinks = 0;

function getPurifier(): Purifier {
  if (purifier !== null) return purifier;
  // An instance of our own, so these hooks never affect another use of DOMPurify in the page.
  const instance = DOMPurify(window);
  instance.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName !== 'href') return;
    if (node.nodeName !== 'A' || !isAllowedUrl(data.attrValue.trim())) {
      data.keepAttr = false;
      if (node.nodeName === 'A') refusedLinks += 1;
    }
  });
  purifier = instance;
  return instance;
}

function styleText(element: Element): string {
  return element.getAttribute(STYLE_ATTR) ?? '';
}

/** The element's pasted style, read through the CSS object model (never applied). */
function styleOf(element: Element): CSSStyleDeclaration | null {
  const text = styleText(element);
  if (text === '') return null;
  const probe = element.ownerDocument.createElement('span');
  probe.style.cssText = text;
  return probe.style;
}

/**
 * Renames `style` and `on…` attributes inside tags. Only to keep CSP reports quiet: a tag this
 * misses is still cleaned by DOMPurify, which drops every `on…` attribute in any case.
 */
function renameInlineAttributes(html: string): string {
  return html.replace(/<[a-z][^>]*>/gi, (tag) =>
    tag.replace(/(\s)(style|on[a-z]+)(\s*=)/gi, (_whole, space: string, name: string, equals: string) =>
      name.toLowerCase() === 'style' ? `${space}${STYLE_ATTR}${equals}` : `${space}data-paste-${name}${equals}`,
    ),
  );
}

/** Replaces an element by its children. */
function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

/** The same content under another tag, without the old element's attributes. */
function rename(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
  return replacement;
}

function isBoldWeight(weight: string): boolean {
  if (weight === 'bold' || weight === 'bolder') return true;
  const numeric = Number(weight);
  return Number.isFinite(numeric) && numeric >= 600;
}

function isNormalWeight(weight: string): boolean {
  if (weight === 'normal' || weight === 'lighter') return true;
  const numeric = Number(weight);
  return weight !== '' && Number.isFinite(numeric) && numeric < 600;
}

/**
 * Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">
 * and marks bold and italic with styled spans. The wrapper goes; the spans become the tags
 * they mean. Word's spans carry fonts and sizes only, and simply go.
 */
function mapStyledInlines(root: DocumentFragment): void {
  for (const bold of Array.from(root.querySelectorAll('b, strong'))) {
    const weight = styleOf(bold)?.fontWeight ?? '';
    if (isNormalWeight(weight)) unwrap(bold);
  }
  for (const span of Array.from(root.querySelectorAll('span'))) {
    const style = styleOf(span);
    if (style === null) {
      unwrap(span);
      continue;
    }
    const decoration = `${style.textDecoration} ${style.getPropertyValue('text-decoration-line')}`;
    const wrappers: string[] = [];
    if (isBoldWeight(style.fontWeight)) wrappers.push('strong');
    if (style.fontStyle === 'italic' || style.fontStyle === 'oblique') wrappers.push('em');
    // Google Docs underlines link text by style; a link shows as a link without it.
    if (decoration.includes('underline') && span.closest('a') === null) wrappers.push('u');
    if (decoration.includes('line-through')) wrappers.push('s');
    if (style.verticalAlign === 'super') wrappers.push('sup');
    if (style.verticalAlign === 'sub') wrappers.push('sub');
    if (wrappers.length === 0) {
      unwrap(span);
      continue;
    }
    let outer: Element | null = null;
    let inner: Element | null = null;
    for (const tag of wrappers) {
      const element = span.ownerDocument.createElement(tag);
      if (inner === null) outer = element;
      else inner.append(element);
      inner = element;
    }
    inner?.append(...Array.from(span.childNodes));
    if (outer !== null) span.replaceWith(outer);
  }
}

const WORD_LIST_STYLE = /mso-list:\s*l\d+/i;
const WORD_LIST_MARKER = /mso-list:\s*ignore/i;
const ORDERED_MARKER = /^\(?(?:\d+|[a-z]|[ivxlcdm]+)[.)]/i;
const TEXT_MARKER = /^[\s\u00a0]*(?:[•·o§▪■◦\u2013\u2014-]|\(?(?:\d+|[a-z]|[ivxlcdm]+)[.)])[\s\u00a0]+/i;

function isWordListParagraph(element: Element | null): element is Element {
  if (element === null || element.tagName !== 'P') return false;
  return WORD_LIST_STYLE.test(styleText(element)) || /^MsoListParagraph/i.test(element.className);
}

/** Which of the document's lists a Word list paragraph belongs to ("l0", "l1"…). */
function wordListId(element: Element): string {
  return /mso-list:\s*(l\d+)/i.exec(styleText(element))?.[1]?.toLowerCase() ?? '';
}

function nextElement(element: Element): Element | null {
  let node = element.nextSibling;
  while (node !== null && node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '') {
    node = node.nextSibling;
  }
  return node !== null && node.nodeType === Node.ELEMENT_NODE ? (node as Element) : null;
}

/** Takes the typed bullet or number off a Word list paragraph; tells whether it was a number. */
function takeWordMarker(paragraph: Element): { ordered: boolean; level: number } {
  const level = Number(/level(\d+)/i.exec(styleText(paragraph))?.[1] ?? '1');
  let marker = '';
  for (const element of Array.from(paragraph.querySelectorAll(`[${STYLE_ATTR}]`))) {
    if (WORD_LIST_MARKER.test(styleText(element))) {
      marker += element.textContent;
      element.remove();
    }
  }
  if (marker === '') {
    const walker = paragraph.ownerDocument.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    const first = walker.nextNode();
    if (first !== null) {
      const match = TEXT_MARKER.exec(first.textContent ?? '');
      if (match !== null) {
        marker = match[0];
        first.textContent = (first.textContent ?? '').slice(match[0].length);
      }
    }
  }
  return { ordered: ORDERED_MARKER.test(marker.trim()), level: Number.isFinite(level) && level > 0 ? level : 1 };
}

/**
 * Word (on Windows) writes a list as paragraphs with a typed bullet or number and an mso-list
 * style saying which list and level each belongs to. Consecutive ones become a real list,
 * nested by level.
 */
function convertWordLists(root: DocumentFragment): void {
  const done = new Set<Element>();
  for (const first of Array.from(root.querySelectorAll('p'))) {
    if (done.has(first) || !isWordListParagraph(first)) continue;
    const run: Element[] = [];
    const id = wordListId(first);
    for (
      let item: Element | null = first;
      isWordListParagraph(item) && wordListId(item) === id;
      item = nextElement(item)
    ) {
      run.push(item);
      done.add(item);
    }
    const doc = first.ownerDocument;
    const stack: { level: number; list: Element }[] = [];
    let outermost: Element | null = null;
    for (const paragraph of run) {
      const { ordered, level } = takeWordMarker(paragraph);
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) > level) stack.pop();
      let top = stack[stack.length - 1];
      if (top === undefined || top.level < level) {
        const list = doc.createElement(ordered ? 'ol' : 'ul');
        if (top === undefined) {
          outermost = list;
        } else {
          const host = top.list.lastElementChild ?? top.list.appendChild(doc.createElement('li'));
          host.append(list);
        }
        top = { level, list };
        stack.push(top);
      }
      const item = doc.createElement('li');
      item.append(...Array.from(paragraph.childNodes));
      top.list.append(item);
    }
    if (outermost !== null) first.before(outermost);
    for (const paragraph of run) paragraph.remove();
  }
}

function hasBlockChild(element: Element): boolean {
  return Array.from(element.children).some((child) => BLOCK_TAGS.has(child.tagName));
}

function isBlankText(node: Node): boolean {
  return node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() === '';
}

function isInlineContent(node: Node | null): boolean {
  return node !== null && node.nodeName !== 'BR' && !BLOCK_TAGS.has(node.nodeName);
}

/** The nearest sibling before (-1) or after (1) `node` that is not blank text. */
function siblingContent(node: Node, direction: -1 | 1): Node | null {
  let sibling = direction < 0 ? node.previousSibling : node.nextSibling;
  while (sibling !== null && isBlankText(sibling))
    sibling = direction < 0 ? sibling.previousSibling : sibling.nextSibling;
  return sibling;
}

/**
 * Inline content cut where two or more line breaks follow each other (blank text between them
 * aside): the paragraphs of old web pages and of mail written as text, which would otherwise
 * reach the story as one paragraph with blank lines in it. A single line break stays inside
 * its paragraph; breaks at either end go.
 */
function inlineParagraphs(nodes: readonly ChildNode[]): ChildNode[][] {
  const paragraphs: ChildNode[][] = [];
  let current: ChildNode[] = [];
  let breaks: ChildNode[] = [];
  for (const node of nodes) {
    if (node.nodeName === 'BR' || isBlankText(node)) {
      breaks.push(node);
      continue;
    }
    if (breaks.filter((item) => item.nodeName === 'BR').length >= 2) {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else if (current.length > 0) {
      current.push(...breaks);
    }
    breaks = [];
    current.push(node);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

/** Replaces `nodes` (consecutive siblings) by one paragraph per blank-line-separated part, when there are several. */
function splitRun(nodes: readonly ChildNode[]): void {
  const first = nodes[0];
  if (first === undefined || nodes.filter((node) => node.nodeName === 'BR').length < 2) return;
  const parts = inlineParagraphs(nodes);
  const doc = first.ownerDocument;
  const parent = first.parentNode;
  if (parts.length < 2 || doc === null || parent === null) return;
  const marker = doc.createComment('');
  first.before(marker);
  for (const part of parts) {
    const paragraph = doc.createElement('p');
    paragraph.append(...part);
    marker.before(paragraph);
  }
  // What is left where the run was: the line breaks and blank text that separated the parts.
  for (const node of nodes) if (node.parentNode === parent) node.remove();
  marker.remove();
}

/** Paragraphs written with blank lines (<br><br>) become paragraphs: inside a <p>, and loose at the top level. */
function splitParagraphsAtBlankLines(root: DocumentFragment): void {
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    if (paragraph.closest('li, blockquote') !== null) continue;
    splitRun(Array.from(paragraph.childNodes));
    // Split, its content now sits in new paragraphs inside the old one: they take its place.
    if (paragraph.firstElementChild?.tagName === 'P') paragraph.replaceWith(...Array.from(paragraph.childNodes));
  }
  let run: ChildNode[] = [];
  for (const child of [...Array.from(root.childNodes), null]) {
    if (child !== null && !BLOCK_TAGS.has(child.nodeName)) {
      run.push(child);
      continue;
    }
    splitRun(run);
    run = [];
  }
}

/** A story's structure: h2 and h3 only (the headline is the h1), paragraphs, flat quotes. */
function normaliseBlocks(root: DocumentFragment): void {
  for (const paragraph of Array.from(root.querySelectorAll('p'))) {
    if (/^Mso(Intense)?Quote$/i.test(paragraph.className)) rename(paragraph, 'blockquote');
  }
  // Innermost first, so a div of divs is judged after its children have been.
  for (const div of Array.from(root.querySelectorAll('div')).reverse()) {
    if (hasBlockChild(div)) unwrap(div);
    else rename(div, 'p');
  }
  for (const heading of Array.from(root.querySelectorAll('h1'))) rename(heading, 'h2');
  for (const heading of Array.from(root.querySelectorAll('h4, h5, h6'))) rename(heading, 'h3');
  for (const struck of Array.from(root.querySelectorAll('strike, del'))) rename(struck, 's');
  // A list item holds text, not paragraphs (Google Docs wraps each item's text in one).
  for (const item of Array.from(root.querySelectorAll('li')).reverse()) {
    const blocks = Array.from(item.children).filter((child) => child.tagName === 'P' || child.tagName === 'DIV');
    blocks.forEach((block, index) => {
      if (index < blocks.length - 1) block.after(item.ownerDocument.createElement('br'));
      unwrap(block);
    });
  }
  // A quote in the body is one block: its paragraphs become lines.
  for (const quote of Array.from(root.querySelectorAll('blockquote')).reverse()) {
    const blocks = Array.from(quote.children).filter((child) => BLOCK_TAGS.has(child.tagName));
    blocks.forEach((block, index) => {
      if (index < blocks.length - 1) block.after(quote.ownerDocument.createElement('br'));
      unwrap(block);
    });
  }
  for (const link of Array.from(root.querySelectorAll('a'))) {
    if (!link.hasAttribute('href')) unwrap(link);
  }
  splitParagraphsAtBlankLines(root);
  // Google Docs puts line breaks between blocks; between blocks they mean nothing.
  for (const child of Array.from(root.childNodes)) {
    if (
      child.nodeName === 'BR' &&
      !(isInlineContent(siblingContent(child, -1)) && isInlineContent(siblingContent(child, 1)))
    ) {
      child.remove();
    }
  }
  for (const block of Array.from(root.querySelectorAll('p, h2, h3, li'))) {
    const empty = block.textContent.replace(/[\s\u00a0\u200b]/g, '') === '';
    if (empty && block.querySelector('ul, ol') === null) block.remove();
  }
}

/** Only the final tags and, on links, the address. */
function stripToFinal(root: DocumentFragment): void {
  for (const element of Array.from(root.querySelectorAll('*')).reverse()) {
    if (!FINAL_TAGS.has(element.tagName)) {
      unwrap(element);
      continue;
    }
    for (const attribute of Array.from(element.attributes)) {
      if (element.tagName === 'A' && attribute.name === 'href') continue;
      element.removeAttribute(attribute.name);
    }
    if (element.tagName === 'A') element.setAttribute('rel', 'noreferrer');
  }
}

/**
 * Cleans pasted HTML for the body. Needs a DOM (the renderer, or jsdom in tests).
 */
export function sanitisePastedHtml(html: string): SanitisedPaste {
  refusedLinks = 0;
  const fragment = getPurifier().sanitize(renameInlineAttributes(html), PURIFY_CONFIG);
  const refused = refusedLinks;
  // Word's list markers are styled spans: the lists are read before the spans go.
  convertWordLists(fragment);
  mapStyledInlines(fragment);
  normaliseBlocks(fragment);
  stripToFinal(fragment);
  const dom = fragment.ownerDocument.implementation.createHTMLDocument('');
  dom.body.append(fragment);
  return { dom, refusedLinks: refused };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The text of an HTML paste too large to parse: a linear pass with regular expressions, block
 * ends as line breaks. Only used when the clipboard carries no plain text of its own.
 */
export function plainTextFromHtml(html: string): string {
  return html
    .replace(/<(script|style|head|title|template|noscript|svg|math|iframe)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|h[1-6]|li|blockquote|tr|section|article)\s*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return safeCodePoint(parseInt(name.slice(2), 16), whole);
      if (name.startsWith('#')) return safeCodePoint(parseInt(name.slice(1), 10), whole);
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

function safeCodePoint(code: number, fallback: string): string {
  try {
    return String.fromCodePoint(code);
  } catch {
    return fallback;
  }
}

/** Lines a text editor, a mail program or a wire service broke to fit a width: the usual widths. */
const MIN_WRAP_WIDTH = 40;
const MAX_WRAP_WIDTH = 100;
/** A line broken to fit is nearly full: within the length of a long word of the width. */
const FULL_LINE_SLACK = 15;
/**
 * A line that starts an item of a bulleted list typed as text. ("- " and "1. " can also begin a
 * wrapped line of prose, at a spaced dash or a number that ends a sentence: those are told by
 * the room left on the line before, as any other line.)
 */
const BULLET_ITEM = /^[•·▪◦*+]\s/u;

/**
 * The width `blocks` were hard-wrapped to, or null when their lines were not broken to fit one
 * (each line is then a paragraph, as Word, Google Docs and web pages give plain text). A line
 * broken to fit is nearly as long as the longest ones, since the next word did not fit on it;
 * when too few are, the lines are paragraphs of their own that merely happen to be short. A
 * few overlong lines (an address that could not be broken) and indented first lines do not
 * count towards the width.
 */
function wrapWidth(blocks: readonly (readonly string[])[]): number | null {
  const broken = blocks.flatMap((lines) => lines.slice(0, -1)).map((line) => line.trimEnd());
  if (broken.length === 0) return null;
  const all = blocks.flat().map((line) => line.trimEnd());
  const unindented = all.filter((line) => !/^\s/u.test(line));
  const lengths = (unindented.length > 0 ? unindented : all).map((line) => line.length).sort((a, b) => a - b);
  const width = lengths[Math.min(lengths.length - 1, Math.floor(lengths.length * 0.95))] ?? 0;
  if (width < MIN_WRAP_WIDTH || width > MAX_WRAP_WIDTH) return null;
  const full = broken.filter((line) => line.length >= width - FULL_LINE_SLACK).length;
  return full > 0 && full * 3 >= broken.length ? width : null;
}

/**
 * How a wrapped text marks where a paragraph ends, besides a line with room left: blank lines
 * between paragraphs, an indented first line, or (neither) only the line's end, where a
 * finished sentence followed by a capital says more than the room left on a full line.
 */
type ParagraphMarks = 'blank lines' | 'indents' | 'line ends';

function paragraphMarks(blocks: readonly (readonly string[])[]): ParagraphMarks {
  if (blocks.length > 1) return 'blank lines';
  const lines = blocks[0] ?? [];
  return lines.some((line) => /^\s/u.test(line)) && lines.some((line) => !/^\s/u.test(line)) ? 'indents' : 'line ends';
}

/**
 * Whether `line` was broken only because the next word did not fit (`next` goes on in the same
 * paragraph): a line broken on purpose (a paragraph's end, an indented paragraph, a bullet)
 * had room left for the next word.
 */
function continuesOnNextLine(line: string, next: string, width: number, marks: ParagraphMarks): boolean {
  const start = next.trimStart();
  if (BULLET_ITEM.test(start)) return false;
  if (marks === 'indents' && /^\s/u.test(next)) return false;
  if (marks === 'line ends' && /[.!?:]["'”’)]*$/u.test(line.trimEnd()) && /^["'“‘(]?\p{Lu}/u.test(start)) return false;
  const nextWord = /^\S+/u.exec(start)?.[0] ?? '';
  return line.trimEnd().length + 1 + nextWord.length > width;
}

/** The lines of one paragraph as one line: a word broken by a hyphen at a line's end ("cross-\nborder") is kept whole. */
function joinWrapped(lines: readonly string[]): string {
  let joined = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (joined === '') joined = line;
    else joined += /\p{L}-$/u.test(joined) && /^\p{Ll}/u.test(line) ? line : ` ${line}`;
  }
  return joined;
}

/**
 * Paragraphs from plain text. Blank lines always separate paragraphs. Inside a block, lines
 * hard-wrapped to a width (e-mail, wire copy, text files broken at 70 or 80 columns) are joined
 * back into the paragraph they belong to, while a line that ends early (room was left for the
 * next word), a typed bullet or an indented line starts a paragraph of its own; text whose
 * lines were not wrapped to a width has one paragraph per line (as Word, Google Docs and web
 * pages give it).
 */
export function paragraphsFromText(text: string): string[] {
  const normalised = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u2029/g, '\n\n')
    .replace(/[\u2028\v\f]/g, '\n');
  const blocks = normalised
    .split(/\n(?:[ \t\u00a0]*\n)+/)
    .map((block) => block.split('\n').filter((line) => line.trim() !== ''))
    .filter((lines) => lines.length > 0);
  const width = wrapWidth(blocks);
  const marks = paragraphMarks(blocks);
  const paragraphs: string[] = [];
  for (const lines of blocks) {
    if (width === null) {
      for (const line of lines) paragraphs.push(line.trim());
      continue;
    }
    let current: string[] = [];
    lines.forEach((line, index) => {
      current.push(line);
      const next = lines[index + 1];
      if (next === undefined || !continuesOnNextLine(line, next, width, marks)) {
        paragraphs.push(joinWrapped(current));
        current = [];
      }
    });
  }
  return paragraphs;
}

/**
 * A new article from pasted text: the first line as the headline (cut at a word, at most
 * MAX_PASTED_HEADLINE_CHARS) and the rest as paragraphs. A first line too long to be a headline
 * stays in the body as well.
 */
export function articleFromText(text: string): { headline: string; paragraphs: string[] } {
  const paragraphs = paragraphsFromText(text);
  const first = paragraphs[0] ?? '';
  if (first.length <= MAX_PASTED_HEADLINE_CHARS) return { headline: first, paragraphs: paragraphs.slice(1) };
  const cut = first.slice(0, MAX_PASTED_HEADLINE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  const headline = `${(space > MAX_PASTED_HEADLINE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
  return { headline, paragraphs };
}

/** A size as people read it: "640 kB", "1.4 MB". */
export function formatSize(characters: number): string {
  if (characters < 1_000_000) return `${Math.max(1, Math.round(characters / 1000))} kB`;
  return `${(characters / 1_000_000).toFixed(1)} MB`;
}
