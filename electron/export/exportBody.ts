import type { AlsoSeePayload } from '../../shared/alsoSee';
import { alsoSeeOf } from '../../shared/alsoSee';
import type { Body } from '../../shared/domain';
import { isAllowedUrl } from '../../shared/links';
import type { InlineImagePayload } from '../../shared/text';

/**
 * An article body as the exporters see it: a small, typed tree read from the saved Lexical
 * JSON. Every format (HTML, XHTML inside NewsML-G2, Markdown, plain text) is written from this
 * one reading, so they all carry the same words in the same order.
 */

/** Lexical's text format bits (TextNode.__format). */
export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

export type Inline =
  | { kind: 'text'; text: string; format: number }
  /** The dateline ("ISLAMABAD:") that opens the story; a space follows it in every format. */
  | { kind: 'dateline'; text: string }
  | { kind: 'break' }
  | { kind: 'link'; url: string; children: Inline[] }
  | { kind: 'mark'; ids: string[]; children: Inline[] };

export type ListItem = { children: Inline[]; lists: ListBlock[] };
export type ListBlock = { kind: 'list'; ordered: boolean; start: number; items: ListItem[] };

export type Block =
  | { kind: 'paragraph'; children: Inline[] }
  | { kind: 'heading'; level: 2 | 3 | 4; children: Inline[] }
  | { kind: 'quote'; children: Inline[] }
  | ListBlock
  | { kind: 'rule' }
  | ({ kind: 'image' } & InlineImagePayload)
  | ({ kind: 'also-see' } & AlsoSeePayload);

type JsonNode = Record<string, unknown>;

function isNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function childrenOf(node: JsonNode): JsonNode[] {
  return Array.isArray(node.children) ? node.children.filter(isNode) : [];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const positive = (value: unknown): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;

function readInlines(nodes: readonly JsonNode[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        if (str(node.text) !== '') out.push({ kind: 'text', text: str(node.text), format: Number(node.format) || 0 });
        break;
      case 'tab':
        out.push({ kind: 'text', text: '\t', format: 0 });
        break;
      case 'linebreak':
        out.push({ kind: 'break' });
        break;
      case 'link':
      case 'autolink': {
        const children = readInlines(childrenOf(node));
        const url = str(node.url);
        // A link the body rules would refuse (javascript:, data:…) keeps its words, not its address.
        if (isAllowedUrl(url)) out.push({ kind: 'link', url, children });
        else out.push(...children);
        break;
      }
      case 'mark': {
        const ids = Array.isArray(node.ids) ? node.ids.filter((id): id is string => typeof id === 'string') : [];
        out.push({ kind: 'mark', ids, children: readInlines(childrenOf(node)) });
        break;
      }
      default:
        // An inline element this version does not know: keep its words.
        out.push(...readInlines(childrenOf(node)));
    }
  }
  return out;
}

function readList(node: JsonNode): ListBlock {
  const items: ListItem[] = [];
  for (const child of childrenOf(node)) {
    const inner = childrenOf(child);
    const lists = inner.filter((grandchild) => grandchild.type === 'list').map(readList);
    const children = readInlines(inner.filter((grandchild) => grandchild.type !== 'list'));
    const previous = items[items.length - 1];
    // Lexical nests a list as a list item holding only that list, after the item it belongs to.
    if (children.length === 0 && lists.length > 0 && previous !== undefined) previous.lists.push(...lists);
    else items.push({ children, lists });
  }
  const start = positive(node.start);
  return { kind: 'list', ordered: node.listType === 'number', start: start === 0 ? 1 : start, items };
}

function headingLevel(tag: unknown): 2 | 3 | 4 {
  if (tag === 'h1' || tag === 'h2') return 2;
  if (tag === 'h3') return 3;
  return 4;
}

/** The blocks of a saved body, in order. */
export function readBody(body: Body): Block[] {
  const blocks: Block[] = [];
  for (const node of body.root.children as JsonNode[]) {
    switch (node.type) {
      case 'heading':
        blocks.push({ kind: 'heading', level: headingLevel(node.tag), children: readInlines(childrenOf(node)) });
        break;
      case 'quote':
        blocks.push({ kind: 'quote', children: readInlines(childrenOf(node)) });
        break;
      case 'list':
        blocks.push(readList(node));
        break;
      case 'horizontalrule':
        blocks.push({ kind: 'rule' });
        break;
      case 'inline-image':
        blocks.push({
          kind: 'image',
          assetId: str(node.assetId),
          altText: str(node.altText),
          caption: str(node.caption),
          credit: str(node.credit),
          width: positive(node.width),
          height: positive(node.height),
        });
        break;
      case 'also-see': {
        const payload = alsoSeeOf(node);
        if (payload.articleId !== '' || payload.url !== '') blocks.push({ kind: 'also-see', ...payload });
        break;
      }
      default:
        blocks.push({ kind: 'paragraph', children: readInlines(childrenOf(node)) });
    }
  }
  return blocks;
}

/** The text of inline content, as a reader sees it (a line break is a newline). */
export function inlineText(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if (inline.kind === 'text') return inline.text;
      if (inline.kind === 'dateline') return `${inline.text} `;
      if (inline.kind === 'break') return '\n';
      return inlineText(inline.children);
    })
    .join('');
}

/** True when inline content has words in it (not only spaces and line breaks). */
export function hasText(inlines: readonly Inline[]): boolean {
  return inlineText(inlines).trim() !== '';
}

/** Every image asset the blocks place, in order, each once. */
export function imageAssetIds(blocks: readonly Block[]): string[] {
  const ids: string[] = [];
  for (const block of blocks) if (block.kind === 'image' && !ids.includes(block.assetId)) ids.push(block.assetId);
  return ids;
}
