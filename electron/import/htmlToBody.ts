import type { Config } from 'dompurify';

import type { Body } from '../../shared/domain';
import { escapeHtml } from '../../shared/escapeHtml';
import { workWindow } from './domWindow';
import { checkHtmlNesting } from './importFormats';
import { isAllowedUrl, STORY_TAGS } from '../../shared/links';
import { bodyFromDom } from './lexicalBody';
import type { PageFiles, PagePictures } from './pagePictures';
import { takePictures } from './pagePictures';

/**
 * What DOMPurify lets through. Beyond the story's own elements, structural containers (div,
 * table, figure, …) and harmless inline wrappers pass only so that their text keeps its
 * paragraph breaks; they are taken apart before the editor sees the HTML. Images, media,
 * forms, scripts, styles and every attribute but href are gone after this step.
 */
const PURIFY_CONFIG: Config & { RETURN_DOM: true } = {
  ALLOWED_TAGS: [
    ...STORY_TAGS,
    'sub',
    'sup',
    'div',
    'section',
    'article',
    'main',
    'header',
    'footer',
    'aside',
    'figure',
    'figcaption',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'td',
    'th',
    'caption',
    'dl',
    'dt',
    'dd',
    'pre',
    'center',
    'address',
    'details',
    'summary',
    'hr',
    'span',
    'code',
    'small',
    'big',
    'mark',
    'cite',
    'q',
    'abbr',
    'time',
    'font',
    'tt',
    'kbd',
    'samp',
    'var',
    'ins',
  ],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  KEEP_CONTENT: true,
  RETURN_DOM: true,
};

const KEPT_BLOCKS = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'UL', 'OL']);
const INLINE = new Set([
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'S',
  'STRIKE',
  'DEL',
  'SUB',
  'SUP',
  'A',
  'BR',
  'SPAN',
  'CODE',
  'SMALL',
  'BIG',
  'MARK',
  'CITE',
  'Q',
  'ABBR',
  'TIME',
  'FONT',
  'TT',
  'KBD',
  'SAMP',
  'VAR',
  'INS',
]);
/** Inline elements that carry a format the body keeps, and the element that carries it there. */
const FORMATS: Readonly<Record<string, string>> = {
  B: 'strong',
  STRONG: 'strong',
  I: 'em',
  EM: 'em',
  U: 'u',
  S: 's',
  STRIKE: 's',
  DEL: 's',
  SUB: 'sub',
  SUP: 'sup',
};
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function isElement(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE;
}

function onlyInlineInside(element: Element): boolean {
  for (const child of Array.from(element.children)) {
    if (!INLINE.has(child.nodeName) || !onlyInlineInside(child)) return false;
  }
  return true;
}

/** True for text, or an inline element with nothing but inline content (a link wrapping a whole section is not inline). */
function isInline(node: Node): boolean {
  if (node.nodeType === TEXT_NODE) return true;
  return isElement(node) && INLINE.has(node.nodeName) && onlyInlineInside(node);
}

/**
 * Rebuilds the sanitised HTML as the blocks of a story. Everything is copied into fresh
 * elements, so nothing the sanitiser let through for structure's sake reaches the editor.
 */
class BlockBuilder {
  readonly #doc: Document;
  readonly blocks: Element[] = [];

  constructor(doc: Document) {
    this.#doc = doc;
  }

  /** Copies inline content, keeping bold, italic, underline, strikethrough, sub/superscript, links and line breaks. */
  #inline(node: Node, into: Node): void {
    if (node.nodeType === TEXT_NODE) {
      into.appendChild(this.#doc.createTextNode(node.textContent ?? ''));
      return;
    }
    if (!isElement(node)) return;
    if (node.nodeName === 'BR') {
      into.appendChild(this.#doc.createElement('br'));
      return;
    }
    let target: Node = into;
    const format = FORMATS[node.nodeName];
    if (format !== undefined) {
      target = into.appendChild(this.#doc.createElement(format));
    } else if (node.nodeName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (isAllowedUrl(href)) {
        const link = this.#doc.createElement('a');
        link.setAttribute('href', href);
        target = into.appendChild(link);
      }
    }
    for (const child of Array.from(node.childNodes)) this.#inline(child, target);
  }

  /** A block element of `tag` holding `nodes`, or nothing if they hold no text. */
  #block(tag: string, nodes: readonly Node[]): Element | null {
    const element = this.#doc.createElement(tag);
    for (const node of nodes) this.#inline(node, element);
    return element.textContent.trim() === '' ? null : element;
  }

  /** Inline runs become paragraphs; two line breaks in a row start a new one. */
  #flushRun(run: Node[]): void {
    let part: Node[] = [];
    let breaks = 0;
    const emit = () => {
      const paragraph = this.#block('p', part);
      if (paragraph !== null) this.blocks.push(paragraph);
      part = [];
    };
    for (const node of run) {
      if (node.nodeName === 'BR') {
        breaks += 1;
        if (breaks >= 2) {
          emit();
          continue;
        }
      } else if (node.nodeType !== TEXT_NODE || (node.textContent ?? '').trim() !== '') {
        if (breaks === 1) part.push(this.#doc.createElement('br'));
        breaks = 0;
      }
      if (node.nodeName !== 'BR') part.push(node);
    }
    emit();
  }

  #list(list: Element): Element | null {
    const copy = this.#doc.createElement(list.nodeName === 'OL' ? 'ol' : 'ul');
    for (const child of Array.from(list.childNodes)) {
      const item = this.#doc.createElement('li');
      const parts = isElement(child) && child.nodeName === 'LI' ? Array.from(child.childNodes) : [child];
      let needsBreak = false;
      for (const part of parts) {
        if (isElement(part) && (part.nodeName === 'UL' || part.nodeName === 'OL')) {
          const nested = this.#list(part);
          if (nested !== null) item.appendChild(nested);
        } else if (isInline(part)) {
          if (needsBreak) item.appendChild(this.#doc.createElement('br'));
          needsBreak = false;
          this.#inline(part, item);
        } else {
          // A paragraph or other block inside an item: its text, on a line of its own.
          if (item.childNodes.length > 0) item.appendChild(this.#doc.createElement('br'));
          this.#inline(part, item);
          needsBreak = true;
        }
      }
      if (item.textContent.trim() !== '') copy.appendChild(item);
    }
    return copy.childNodes.length === 0 ? null : copy;
  }

  /** Takes `container` apart into blocks. */
  add(container: Node): void {
    let run: Node[] = [];
    for (const child of Array.from(container.childNodes)) {
      if (isInline(child)) {
        run.push(child);
        continue;
      }
      this.#flushRun(run);
      run = [];
      if (!isElement(child)) continue;
      const tag = child.nodeName;
      if (KEPT_BLOCKS.has(tag) && tag !== 'BLOCKQUOTE' && tag !== 'UL' && tag !== 'OL') {
        if (Array.from(child.childNodes).every(isInline)) {
          const heading = tag === 'P' ? 'p' : tag === 'H1' || tag === 'H2' ? 'h2' : 'h3';
          const block = this.#block(heading, Array.from(child.childNodes));
          if (block !== null) this.blocks.push(block);
        } else {
          this.add(child);
        }
      } else if (tag === 'UL' || tag === 'OL') {
        const list = this.#list(child);
        if (list !== null) this.blocks.push(list);
      } else if (tag === 'BLOCKQUOTE') {
        // Each paragraph of a quotation becomes a quote block of its own.
        const inner = new BlockBuilder(this.#doc);
        inner.add(child);
        for (const block of inner.blocks) {
          if (block.nodeName === 'UL' || block.nodeName === 'OL') {
            this.blocks.push(block);
          } else {
            const quote = this.#doc.createElement('blockquote');
            quote.append(...Array.from(block.childNodes));
            this.blocks.push(quote);
          }
        }
      } else if (tag === 'PRE') {
        for (const paragraph of child.textContent.split(/\n[ \t]*\n/)) {
          const lines = paragraph.split('\n');
          const block = this.#doc.createElement('p');
          lines.forEach((line, index) => {
            if (index > 0) block.appendChild(this.#doc.createElement('br'));
            block.appendChild(this.#doc.createTextNode(line));
          });
          if (block.textContent.trim() !== '') this.blocks.push(block);
        }
      } else {
        this.add(child);
      }
    }
    this.#flushRun(run);
  }
}

/**
 * Sanitised HTML with only a story's structure: headings, paragraphs, emphasis, lists, links
 * (http, https and mailto only) and quotations. Returns the container of the blocks, in the
 * shared work window.
 */
export function sanitiseBodyHtml(html: string): HTMLElement {
  checkHtmlNesting('The text', html);
  return storyBlocks(workWindow().purify.sanitize(html, PURIFY_CONFIG));
}

/** The blocks of a story built from sanitised HTML (whose nodes move into them). */
function storyBlocks(clean: Element): HTMLElement {
  const { document } = workWindow().window;
  const builder = new BlockBuilder(document);
  builder.add(clean);
  const container = document.createElement('div');
  container.append(...builder.blocks);
  return container;
}

/** A picture's placeholder paragraph as the sanitised HTML holds it. */
const PLACEHOLDER_PARAGRAPH = /<p>(\uE000copydesk-image-(\d+)\uE000)<\/p>/gu;

/**
 * A web page's article both ways from one sanitising pass. As a source snapshot keeps it: the
 * same elements as a story may hold plus tables, figures and other containers kept whole,
 * every attribute but http(s) and mailto links gone — so a kept page reads as the page did,
 * and can run nothing (a picture is its caption and credit). And as an article body, rebuilt
 * to a story's structure, each picture whose bytes the page holds in its place (see
 * takePictures) and every other left out, with its caption, and counted.
 */
export function pageArticle(
  html: string,
  files: PageFiles | null = null,
): { body: Body; snapshotHtml: string; pictures: PagePictures } {
  checkHtmlNesting('The page', html);
  const { window, purify } = workWindow();
  const page = window.document.createElement('div');
  page.innerHTML = html;
  const pictures = takePictures(page, files);
  const clean = purify.sanitize(page, PURIFY_CONFIG);
  const snapshotHtml = clean.innerHTML.replace(PLACEHOLDER_PARAGRAPH, (_, __: string, index: string) => {
    const image = pictures.images[Number(index)];
    const words = [image?.caption ?? '', image?.credit ?? ''].filter((part) => part !== '').join(' — ');
    return words === '' ? '' : `<figure><figcaption>${escapeHtml(words)}</figcaption></figure>`;
  });
  return { body: bodyFromDom(storyBlocks(clean)), snapshotHtml, pictures };
}

/** An article body from any HTML: sanitised to a story's structure, then converted to Lexical JSON. */
export function htmlToBody(html: string): Body {
  return bodyFromDom(sanitiseBodyHtml(html));
}
