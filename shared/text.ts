/** Pure text functions shared by the services and the UI. No Node or DOM APIs here. */
import type { Body } from './domain';

type JsonNode = { type?: unknown; text?: unknown; children?: unknown };

/** Element types that flow inside a paragraph rather than starting a new block. */
const INLINE_ELEMENTS = new Set(['link', 'autolink', 'mark', 'hashtag']);

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null;
}

/**
 * The plain text of a serialised Lexical body, as search and counts see it: blocks separated
 * by a blank line, list items and line breaks by a newline. Mirrors what Lexical's own
 * `getTextContent()` gives for the same document, without needing an editor instance.
 */
export function bodyToPlainText(body: Body): string {
  const blocks: string[] = [];

  const inlineText = (node: JsonNode): string => {
    if (node.type === 'linebreak') return '\n';
    if (node.type === 'tab') return '\t';
    if (typeof node.text === 'string') return node.text;
    if (Array.isArray(node.children)) return node.children.filter(isNode).map(inlineText).join('');
    return '';
  };

  const visitBlock = (node: JsonNode): void => {
    const children = Array.isArray(node.children) ? node.children.filter(isNode) : [];
    const hasBlockChildren = children.some(
      (child) => Array.isArray(child.children) && !INLINE_ELEMENTS.has(String(child.type)),
    );
    if (hasBlockChildren) {
      // A list or a quote holding paragraphs: each child block stands on its own.
      const inner: string[] = [];
      for (const child of children) {
        if (Array.isArray(child.children) && !INLINE_ELEMENTS.has(String(child.type))) {
          const before = blocks.length;
          visitBlock(child);
          inner.push(...blocks.splice(before));
        } else {
          inner.push(inlineText(child));
        }
      }
      blocks.push(inner.join(node.type === 'list' ? '\n' : '\n\n'));
      return;
    }
    if (node.type === 'horizontalrule') return;
    blocks.push(children.map(inlineText).join(''));
  };

  for (const child of body.root.children) {
    if (isNode(child)) visitBlock(child);
  }
  return blocks.join('\n\n');
}

const wordSegmenter = new Intl.Segmenter(undefined, { granularity: 'word' });

/** Counts words the way a reader would, including scripts written without spaces. */
export function countWords(text: string): number {
  let count = 0;
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike === true) count += 1;
  }
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
  return (lastHyphen > maxLength / 2 ? cut.slice(0, lastHyphen) : cut.slice(0, maxLength)).replace(/-+$/, '');
}

/** An empty body: one empty paragraph, as Lexical creates it. */
export function emptyBody(): Body {
  return {
    root: {
      type: 'root',
      version: 1,
      direction: null,
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: null,
          format: '',
          indent: 0,
          textFormat: 0,
          textStyle: '',
          children: [],
        },
      ],
    },
  };
}

/** A body made of plain paragraphs, one per blank-line-separated block of `text`. */
export function bodyFromParagraphs(paragraphs: readonly string[]): Body {
  const body = emptyBody();
  body.root.children = paragraphs.map((text) => ({
    type: 'paragraph',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }],
  }));
  return body;
}
