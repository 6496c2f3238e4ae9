import type { AlsoSeePayload } from '../../shared/alsoSee';
import { alsoSeeOf } from '../../shared/alsoSee';
import type { BlockKind, Body, BodyList, HeadingTag } from '../../shared/body/bodySchema';
import { isListBlockKind } from '../../shared/body/bodySchema';
import type { BodyFold, BodyParent } from '../../shared/body/visitBody';
import { foldBody } from '../../shared/body/visitBody';
import { isAllowedUrl } from '../../shared/links';
import type { InlineImagePayload } from '../../shared/text';

/**
 * An article body as the exporters see it: a small, typed tree folded from the body (see
 * shared/body). Every format (HTML, XHTML inside NewsML-G2, Markdown, plain text) is written
 * from this one reading, so they all carry the same words in the same order.
 */

export { TEXT_FORMAT } from '../../shared/body/textFormat';
import { type TextFormatName, withFormat } from '../../shared/body/textFormat';

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

/** What a node of the body becomes on the way to the blocks: words in a line, blocks, or a list item. */
type Piece =
  | { kind: 'inline'; inlines: Inline[] }
  | { kind: 'blocks'; blocks: Block[] }
  | { kind: 'item'; item: ListItem; was?: BlockKind };

const inline = (inlines: Inline[]): Piece => ({ kind: 'inline', inlines });
const blocks = (...list: Block[]): Piece => ({ kind: 'blocks', blocks: list });
const positive = (value: number | undefined): number =>
  value !== undefined && Number.isFinite(value) && value > 0 ? Math.round(value) : 0;

/** The words of pieces that sit in a line; a block inside a line (never made by the editor) keeps its words. */
function inlinesOf(pieces: readonly Piece[]): Inline[] {
  return pieces.flatMap((piece) => {
    if (piece.kind === 'inline') return piece.inlines;
    if (piece.kind === 'item') return piece.item.children;
    return piece.blocks.flatMap((block) => ('children' in block ? block.children : []));
  });
}

/** Blocks of pieces that sit between blocks: words left there become a paragraph. */
function blocksOf(pieces: readonly Piece[]): Block[] {
  return pieces.flatMap((piece): Block[] => {
    if (piece.kind === 'blocks') return piece.blocks;
    const children = piece.kind === 'inline' ? piece.inlines : piece.item.children;
    return [{ kind: 'paragraph', children }];
  });
}

function headingLevel(tag: HeadingTag): 2 | 3 | 4 {
  if (tag === 'h1' || tag === 'h2') return 2;
  if (tag === 'h3') return 3;
  return 4;
}

/** A link's words, and its address when the body rules allow it (a javascript: or data: link keeps only its words). */
function link(url: string, children: readonly Piece[]): Piece {
  const words = inlinesOf(children);
  return inline(isAllowedUrl(url) ? [{ kind: 'link', url, children: words }] : words);
}

/** A list item: its words, the lists nested in it, and the block it was when that change is only suggested. */
function listItem(node: BodyParent, children: readonly Piece[]): Piece {
  const lists: ListBlock[] = [];
  const words: Piece[] = [];
  for (const piece of children) {
    const nested = piece.kind === 'blocks' ? piece.blocks.filter((block) => block.kind === 'list') : [];
    if (nested.length > 0) lists.push(...nested);
    else words.push(piece);
  }
  const was = suggestedWas(node);
  return { kind: 'item', item: { children: inlinesOf(words), lists }, ...(was === undefined ? {} : { was }) };
}

/** The block a block's words were in, when its change is only suggested (its words all inside that suggestion). */
function suggestedWas(node: BodyParent): BlockKind | undefined {
  const only = node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === 'suggestion' && only.kind === 'format' ? only.was : undefined;
}

/** A block of words of `kind`, as the exporters write it: a list item becomes a list of its own. */
function blockOfKind(kind: BlockKind, words: Inline[]): Block {
  if (kind === 'paragraph') return { kind: 'paragraph', children: words };
  if (kind === 'quote') return { kind: 'quote', children: words };
  if (isListBlockKind(kind)) {
    const one: ListBlock = {
      kind: 'list',
      ordered: kind === 'number',
      start: 1,
      items: [{ children: words, lists: [] }],
    };
    // It joins the list beside it, as it did before the change was suggested.
    wasInList.add(one);
    return one;
  }
  return { kind: 'heading', level: headingLevel(kind), children: words };
}

/** Lists made of one item that was in a list before a change was suggested: joined with their neighbours. */
const wasInList = new WeakSet<ListBlock>();

/** `blocks`, with a list that was part of its neighbour (wasInList) joined back to it. */
function joinedLists(list: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of list) {
    const previous = out.at(-1);
    if (
      block.kind === 'list' &&
      previous?.kind === 'list' &&
      previous.ordered === block.ordered &&
      (wasInList.has(block) || wasInList.has(previous))
    ) {
      const joined: ListBlock = { ...previous, items: [...previous.items, ...block.items] };
      wasInList.add(joined);
      out[out.length - 1] = joined;
    } else {
      out.push(block);
    }
  }
  return out;
}

/**
 * A list's blocks: its items in one list; or, where a change of block is only suggested, each
 * item as it was — an item that was a paragraph stands between the list's two parts.
 */
function list(node: BodyList, children: readonly Piece[]): Piece {
  const out: Block[] = [];
  const start = positive(node.start);
  for (const piece of children) {
    const item = piece.kind === 'item' ? piece.item : { children: inlinesOf([piece]), lists: [] };
    const was = piece.kind === 'item' ? piece.was : undefined;
    if (was !== undefined && !isListBlockKind(was)) {
      out.push(blockOfKind(was, item.children));
      continue;
    }
    const ordered = was === undefined ? node.listType === 'number' : was === 'number';
    const current = out.at(-1);
    const previous = current?.kind === 'list' && current.ordered === ordered ? current : undefined;
    const last = previous?.items.at(-1);
    // Lexical nests a list as a list item holding only that list, after the item it belongs to.
    if (item.children.length === 0 && item.lists.length > 0 && last !== undefined) last.lists.push(...item.lists);
    else if (previous !== undefined) previous.items.push(item);
    else {
      const made: ListBlock = {
        kind: 'list',
        ordered,
        start: out.length === 0 && start !== 0 ? start : 1,
        items: [item],
      };
      // An item only suggested into this list's type was in the list of its own type beside it.
      if (was !== undefined) wasInList.add(made);
      out.push(made);
    }
  }
  return blocks(...out);
}

/**
 * A paragraph, heading or quotation of `kind`; or of the kind it was, when a change of block is
 * only suggested (its words all inside that suggestion): nothing only suggested is exported.
 */
function wordBlock(node: BodyParent, kind: BlockKind, children: readonly Piece[]): Piece {
  return blocks(blockOfKind(suggestedWas(node) ?? kind, inlinesOf(children)));
}

/** `inlines` with `format` set on (`on` true) or off on every run of words. */
function restyled(inlines: readonly Inline[], format: TextFormatName, on: boolean): Inline[] {
  return inlines.map((piece) => {
    if (piece.kind === 'text') return { ...piece, format: withFormat(piece.format, format, on) };
    if (piece.kind === 'link' || piece.kind === 'mark')
      return { ...piece, children: restyled(piece.children, format, on) };
    return piece;
  });
}

const EXPORT_PIECES: BodyFold<Piece> = {
  root: (_node, children) => blocks(...joinedLists(blocksOf(children))),
  paragraph: (node, children) => wordBlock(node, 'paragraph', children),
  heading: (node, children) => wordBlock(node, node.tag, children),
  quote: (node, children) => wordBlock(node, 'quote', children),
  list,
  listitem: listItem,
  text: (node) => inline(node.text === '' ? [] : [{ kind: 'text', text: node.text, format: node.format ?? 0 }]),
  tab: () => inline([{ kind: 'text', text: '\t', format: 0 }]),
  linebreak: () => inline([{ kind: 'break' }]),
  link: (node, children) => link(node.url, children),
  autolink: (node, children) => link(node.url, children),
  mark: (node, children) => inline([{ kind: 'mark', ids: node.ids, children: inlinesOf(children) }]),
  // Comments stay in Copydesk: their words are exported as plain words.
  comment: (_node, children) => inline(inlinesOf(children)),
  // Nothing suggested and not accepted leaves Copydesk: words suggested for adding are left out, words suggested for taking out stay.
  // A suggested change of format is exported as the words looked before it.
  suggestion: (node, children) => {
    if (node.kind === 'insert') return inline([]);
    const words = inlinesOf(children);
    if (node.kind !== 'format' || node.change === undefined) return inline(words);
    return inline(restyled(words, node.change, !(node.on ?? true)));
  },
  horizontalrule: () => blocks({ kind: 'rule' }),
  'inline-image': (node) =>
    blocks({
      kind: 'image',
      assetId: node.assetId,
      altText: node.altText ?? '',
      caption: node.caption ?? '',
      credit: node.credit ?? '',
      width: positive(node.width),
      height: positive(node.height),
    }),
  'also-see': (node) => {
    const payload = alsoSeeOf(node);
    return payload.articleId !== '' || payload.url !== '' ? blocks({ kind: 'also-see', ...payload }) : blocks();
  },
};

/** The blocks of a body, in order. */
export function readBody(body: Body): Block[] {
  const piece = foldBody(body, EXPORT_PIECES);
  return piece.kind === 'blocks' ? piece.blocks : blocksOf([piece]);
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
