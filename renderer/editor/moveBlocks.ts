/**
 * Moving paragraphs up and down the story (Alt+Shift+↑/↓, as in Word): at once, or, while
 * suggesting, as a suggestion — the words struck through where they were and added where they
 * go, one suggestion to accept or reject. The functions here run inside an editor update.
 */
import { $dfs, $findMatchingParent } from '@lexical/utils';
import {
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $parseSerializedNode,
  type ElementNode,
  type LexicalNode,
  type SerializedElementNode,
  type SerializedLexicalNode,
} from 'lexical';

import {
  $createSuggestionNode,
  $isSuggestionNode,
  type SuggestionNode,
} from '../../shared/body/lexical/SuggestionNode';
import type { BlockKind } from '../../shared/body/bodySchema';
import { $blockKindOf, $changeBlock, type Suggester } from './suggestions';

export type MoveOutcome =
  /** Moved, or its move suggested. */
  | 'moved'
  /** Already first or last: nowhere to go. */
  | 'edge'
  /** While suggesting, only paragraphs, headings and quotations move. */
  | 'not-words'
  /** While suggesting, a paragraph holding someone's suggestions waits for them to be settled. */
  | 'holds-suggestions'
  | 'nothing';

/** The blocks of the story the selection touches, in order. */
export function $selectedBlocks(): LexicalNode[] {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  const first = start.getNode().getTopLevelElement();
  const last = end.getNode().getTopLevelElement();
  if (first === null || last === null) return [];
  const blocks: LexicalNode[] = [first];
  for (let node = first.getNextSibling(); node !== null && blocks.at(-1) !== last; node = node.getNextSibling()) {
    blocks.push(node);
  }
  return blocks.at(-1) === last ? blocks : [first];
}

/** A node and everything in it as JSON, to be made again as new nodes. */
function serialise(node: LexicalNode): SerializedLexicalNode {
  if (!$isElementNode(node)) return node.exportJSON();
  const json: SerializedElementNode = { ...node.exportJSON(), children: node.getChildren().map(serialise) };
  return json;
}

/** The suggestion that is the whole of `block`, if it is one moved by `author`. */
function $ownMove(block: LexicalNode, author: string): SuggestionNode | null {
  if (!$isElementNode(block) || block.getChildrenSize() !== 1) return null;
  const only = block.getFirstChild();
  if (!$isSuggestionNode(only)) return null;
  const fields = only.getFields();
  return fields.moved === true && fields.author === author ? only : null;
}

/** Moves `blocks` (neighbours, in order) past the block before them (`up`) or after them. */
function $shift(blocks: readonly LexicalNode[], up: boolean): boolean {
  const first = blocks[0];
  const last = blocks.at(-1);
  if (first === undefined || last === undefined) return false;
  const neighbour = up ? first.getPreviousSibling() : last.getNextSibling();
  if (neighbour === null) return false;
  if (up) last.insertAfter(neighbour, false);
  else first.insertBefore(neighbour, false);
  return true;
}

/**
 * A move taken back: paragraphs moved by their suggester to where they came from again. The
 * copies go, and the words where they were are no longer struck through.
 */
function $cancelIfHome(copies: readonly LexicalNode[], id: string): boolean {
  const origins = $dfs()
    .map(({ node }) => node)
    .filter((node): node is SuggestionNode => $isSuggestionNode(node) && node.getFields().id === id)
    .filter((node) => node.getFields().kind === 'delete');
  const originBlocks = origins.map((node) => node.getParent());
  const firstOrigin = originBlocks[0];
  const lastOrigin = originBlocks.at(-1);
  const firstCopy = copies[0];
  const lastCopy = copies.at(-1);
  if (!firstOrigin || !lastOrigin || !firstCopy || !lastCopy) return false;
  const home =
    lastCopy.getNextSibling()?.is(firstOrigin) === true || firstCopy.getPreviousSibling()?.is(lastOrigin) === true;
  if (!home) return false;
  for (const origin of origins) {
    for (const child of origin.getChildren()) origin.insertBefore(child);
    origin.remove();
  }
  const caret = firstOrigin;
  for (const copy of copies) copy.remove();
  caret.selectStart();
  return true;
}

/**
 * Moves the paragraphs the selection touches one place up or down. With `who` (suggesting),
 * the move is suggested: copies of them go there, their words a suggested addition, and where
 * they were their words are struck through, one suggestion; the caret goes with the copies.
 * Moving one's own suggested move again carries the copies on, and bringing them back where
 * they came from takes the suggestion back.
 */
export function $moveBlocks(up: boolean, who: Suggester | null): MoveOutcome {
  const blocks = $selectedBlocks();
  if (blocks.length === 0) return 'nothing';
  if (who === null) return $shift(blocks, up) ? 'moved' : 'edge';

  const own = blocks.map((block) => $ownMove(block, who.author));
  const firstOwn = own[0];
  if (firstOwn && own.every((move) => move !== null && move.getFields().id === firstOwn.getFields().id)) {
    if (firstOwn.getFields().kind === 'insert') {
      if (!$shift(blocks, up)) return 'edge';
      $cancelIfHome(blocks, firstOwn.getFields().id);
      return 'moved';
    }
  }
  const words = (block: LexicalNode): block is ElementNode =>
    $isElementNode(block) && !block.isInline() && ['paragraph', 'heading', 'quote'].includes(block.getType());
  if (!blocks.every(words)) return 'not-words';
  if (blocks.some((block) => $dfs(block).some(({ node }) => $isSuggestionNode(node)))) return 'holds-suggestions';
  const first = blocks[0];
  const last = blocks.at(-1);
  const neighbour = up ? first?.getPreviousSibling() : last?.getNextSibling();
  if (!first || !last || !neighbour) return 'edge';

  const id = who.newId();
  const at = who.now();
  const copies = blocks.map((block) => {
    const copy = $parseSerializedNode(serialise(block));
    if (!$isElementNode(copy)) throw new Error('A paragraph copied as something else.');
    const added = $createSuggestionNode({ kind: 'insert', id, author: who.author, at, moved: true });
    added.append(...copy.getChildren());
    copy.append(added);
    const removed = $createSuggestionNode({ kind: 'delete', id, author: who.author, at, moved: true });
    removed.append(...block.getChildren());
    block.append(removed);
    return copy;
  });
  let place: LexicalNode = neighbour;
  for (const copy of copies) {
    if (up && place.is(neighbour)) place.insertBefore(copy);
    else place.insertAfter(copy);
    place = copy;
  }
  copies[0]?.selectStart();
  return 'moved';
}

export type BlockChangeOutcome = 'suggested' | 'not-words' | 'holds-suggestions' | 'empty' | 'nothing';

/**
 * The blocks of words the selection touches, in order: paragraphs, headings, quotations and the
 * items of lists (not the lists themselves). Null when it touches something else (a picture, a rule).
 */
function $selectedWordBlocks(): ElementNode[] | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return [];
  const found: ElementNode[] = [];
  const seen = new Set<string>();
  const nodes = [selection.anchor.getNode(), ...selection.getNodes(), selection.focus.getNode()];
  for (const node of nodes) {
    // A list or the root met on the way holds blocks that are met themselves.
    if (
      $isElementNode(node) &&
      !node.isInline() &&
      $blockKindOf(node) === null &&
      node.getChildren().some((child) => $isElementNode(child) && !child.isInline())
    ) {
      continue;
    }
    const block = $findMatchingParent(node, (candidate) => $blockKindOf(candidate) !== null);
    if (block === null || !$isElementNode(block)) {
      if (node.getTopLevelElement() === null) continue;
      return null;
    }
    if (seen.has(block.getKey())) continue;
    seen.add(block.getKey());
    found.push(block);
  }
  // In the story's order, whichever way the selection was made.
  return found.sort((a, b) => (a.isBefore(b) ? -1 : 1));
}

/**
 * Suggests turning the blocks the selection touches into `target` blocks (paragraph, heading,
 * quotation): each is made one at once, its words inside a suggestion that remembers the block
 * they were in, so rejecting it puts the block back. Changing one's own suggested change again
 * changes the suggestion; changing it back to what it was takes the suggestion back.
 */
export function $suggestBlocks(target: BlockKind, who: Suggester): BlockChangeOutcome {
  const blocks = $selectedWordBlocks();
  if (blocks === null) return 'not-words';
  if (blocks.length === 0) return 'nothing';
  const plans: { block: ElementNode; own: SuggestionNode | null }[] = [];
  for (const block of blocks) {
    if (block.getChildrenSize() === 0) return 'empty';
    const only = block.getChildrenSize() === 1 ? block.getFirstChild() : null;
    const own =
      $isSuggestionNode(only) && only.getFields().was !== undefined && only.getFields().author === who.author
        ? only
        : null;
    if (own === null && $dfs(block).some(({ node }) => $isSuggestionNode(node))) return 'holds-suggestions';
    plans.push({ block, own });
  }
  const id = who.newId();
  const at = who.now();
  for (const { block, own } of plans) {
    const now = $blockKindOf(block);
    if (now === target) continue;
    const was = own?.getFields().was ?? now;
    if (was === null) continue;
    const changed = $changeBlock(block, target);
    if (own !== null) {
      // Back to what it was: no longer a suggestion.
      if (was === target) {
        for (const child of own.getChildren()) own.insertBefore(child);
        own.remove();
      }
      continue;
    }
    const change = $createSuggestionNode({ kind: 'format', id, author: who.author, at, was });
    change.append(...changed.getChildren());
    changed.append(change);
  }
  return 'suggested';
}
