/**
 * Suggested changes in a story's text: words typed in suggesting mode are kept as suggested
 * additions, words deleted as suggested removals (SuggestionNode), until someone accepts or
 * rejects them. The functions here run inside an editor update.
 */
import {
  $createListItemNode,
  $createListNode,
  $isListItemNode,
  $isListNode,
  type ListItemNode,
  type ListNode,
} from '@lexical/list';
import { $isMarkNode } from '@lexical/mark';
import { $dfs } from '@lexical/utils';
import {
  $createLineBreakNode,
  $createParagraphNode,
  $isParagraphNode,
  $createTextNode,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isTextNode,
  $splitNode,
  type ElementNode,
  type LexicalNode,
  type NodeKey,
  type RangeSelection,
  type TextNode,
} from 'lexical';

import { $createHeadingNode, $createQuoteNode, $isHeadingNode, $isQuoteNode } from '@lexical/rich-text';

import type { BlockKind, ListBlockKind, SuggestionKind } from '../../shared/body/bodySchema';
import { isListBlockKind } from '../../shared/body/bodySchema';
import type { TextFormatName } from '../../shared/body/textFormat';
import {
  $createSuggestionNode,
  $isSuggestionNode,
  type SuggestionFields,
  type SuggestionNode,
} from '../../shared/body/lexical/SuggestionNode';

/** Who is suggesting: their name, the time now, and a new suggestion's id. */
export type Suggester = { author: string; now: () => string; newId: () => string };

/** One suggestion as the list shows it: what it adds and takes out, by whom and when. */
export type SuggestionSummary = {
  id: string;
  author: string;
  at: string;
  /** The words it adds ('' for none) and takes out ('' for none): both for a replacement. */
  inserted: string;
  deleted: string;
  /** For a change of format: the words it changes, and the format set on or off. */
  restyled: string;
  change: { format: TextFormatName; on: boolean } | null;
  /** A paragraph moved: its words are both `deleted` where they were and `inserted` where they go. */
  moved: boolean;
  /** A new paragraph: the words it would start with ('' at a paragraph's end); null for other suggestions. */
  newParagraph: string | null;
  /** A change of block: the block the words were in and the one they would be in; null for other suggestions. */
  block: { from: BlockKind; to: BlockKind } | null;
  /** Its first node in the text, to go to it. */
  key: NodeKey;
  /** The claims whose words it changes (the claims' marks it sits in). */
  claims: string[];
};

/** The words inside a suggestion, those suggested for removal included. */
export function $suggestionWords(node: SuggestionNode): string {
  return node
    .getChildren()
    .map((child) => ($isSuggestionNode(child) ? $suggestionWords(child) : child.getTextContent()))
    .join('');
}

/** The innermost suggestion `node` sits in, if any. */
export function $suggestionAround(node: LexicalNode): SuggestionNode | null {
  for (let parent = node.getParent(); parent !== null; parent = parent.getParent()) {
    if ($isSuggestionNode(parent)) return parent;
  }
  return null;
}

const isOwn = (node: LexicalNode | null | undefined, kind: SuggestionKind, author: string): node is SuggestionNode =>
  $isSuggestionNode(node) &&
  node.getFields().kind === kind &&
  node.getFields().author === author &&
  node.getFields().split !== true;

/** The last run of words of an element, if it ends in one. */
function $lastText(node: SuggestionNode): TextNode | null {
  const last = node.getLastDescendant();
  return $isTextNode(last) ? last : null;
}

/** Where words typed at the caret go on an addition `author` is making there, if the caret is at one. */
function $ownAdditionAt(selection: RangeSelection, author: string): { text: TextNode; offset: number } | null {
  const anchor = selection.anchor;
  const node = anchor.getNode();
  if ($isTextNode(node)) {
    if (isOwn(node.getParent(), 'insert', author)) return { text: node, offset: anchor.offset };
    const before = node.getPreviousSibling();
    if (anchor.offset === 0 && isOwn(before, 'insert', author)) {
      const text = $lastText(before);
      return text === null ? null : { text, offset: text.getTextContentSize() };
    }
    return null;
  }
  if ($isElementNode(node)) {
    const before = node.getChildAtIndex(anchor.offset - 1);
    if (isOwn(before, 'insert', author)) {
      const text = $lastText(before);
      return text === null ? null : { text, offset: text.getTextContentSize() };
    }
  }
  return null;
}

/** True when the caret is in words `author` is suggesting adding, in their format: what is typed there goes on them. */
export function $typingOnOwnAddition(author: string): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const node = selection.anchor.getNode();
  return (
    $isTextNode(node) &&
    isOwn(node.getParent(), 'insert', author) &&
    node.getFormat() === selection.format &&
    node.getStyle() === selection.style
  );
}

/** Words (with their line breaks) as runs in the selection's format. */
function $runsOf(words: string, selection: RangeSelection): LexicalNode[] {
  return words.split(/\r?\n/u).flatMap((line, index) => {
    const text = line === '' ? [] : [$createTextNode(line).setFormat(selection.format).setStyle(selection.style)];
    return index === 0 ? text : [$createLineBreakNode(), ...text];
  });
}

/**
 * Puts an inline node at the caret, inside whatever inline element the caret is in (a claim's
 * mark, a link): Lexical's insertNodes would split that element and put the node between.
 */
function $insertAtCaret(node: LexicalNode, selection: RangeSelection): void {
  const anchor = selection.anchor;
  const there = anchor.getNode();
  if (!$isElementNode(there)) {
    if (anchor.offset === 0) there.insertBefore(node);
    else if (anchor.offset >= there.getTextContentSize()) there.insertAfter(node);
    else there.splitText(anchor.offset)[0]?.insertAfter(node);
    return;
  }
  const child = there.getChildAtIndex(anchor.offset);
  if (child === null) there.append(node);
  else child.insertBefore(node);
}

/** Moves a caret that sits inside words suggested for removal to just after them. */
function $outOfRemoval(selection: RangeSelection): void {
  let removal: SuggestionNode | null = null;
  for (let node: LexicalNode | null = selection.anchor.getNode(); node !== null; node = node.getParent()) {
    if ($isSuggestionNode(node) && node.getFields().kind === 'delete') removal = node;
  }
  if (removal !== null) removal.selectNext(0, 0);
}

/**
 * Suggests `words` at the selection: words selected are suggested for removal first (a
 * replacement, one suggestion), and the caret ends after the words added. Words typed where the
 * same person is already adding go on that addition.
 */
export function $suggestWords(words: string, who: Suggester): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || words === '') return false;
  const id = who.newId();
  if (!selection.isCollapsed()) $suggestRemoval(selection, who, 'end', id);
  const current = $getSelection();
  if (!$isRangeSelection(current)) return false;
  $outOfRemoval(current);
  const at = $getSelection();
  if (!$isRangeSelection(at)) return false;
  const own = words.includes('\n') ? null : $ownAdditionAt(at, who.author);
  if (own !== null) {
    own.text.spliceText(own.offset, 0, words, true);
    return true;
  }
  const addition = $createSuggestionNode({ kind: 'insert', id, author: who.author, at: who.now() });
  addition.append(...$runsOf(words, at));
  $insertAtCaret(addition, at);
  const last = $lastText(addition);
  if (last === null) addition.selectEnd();
  else last.select(last.getTextContentSize(), last.getTextContentSize());
  return true;
}

/** What a removal met: how many runs of words it marked or took back, and whether something it cannot mark was left. */
export type RemovalOutcome = { words: number; leftOut: boolean };

/**
 * Suggests the selected words for removal: they stay, struck through, until accepted. Words the
 * same person only suggested adding are simply taken back. Pictures, rules and the breaks
 * between paragraphs are left as they are (`leftOut`). The caret ends at the start or the end
 * of what was selected.
 */
export function $suggestRemoval(
  selection: RangeSelection,
  who: Suggester,
  caret: 'start' | 'end',
  id = who.newId(),
): RemovalOutcome {
  const words = selection.extract().filter((node) => $isTextNode(node) || $isLineBreakNode(node));
  const leftOut = selection
    .getNodes()
    .some((node) => !$isTextNode(node) && !$isLineBreakNode(node) && !$isElementNode(node));
  let first: LexicalNode | null = null;
  let last: LexicalNode | null = null;
  const at = who.now();
  for (const node of words) {
    const around = $suggestionAround(node);
    const aroundFields = around?.getFields();
    if (aroundFields?.kind === 'delete') {
      first ??= around;
      last = around;
      continue;
    }
    if (around !== null && aroundFields?.kind === 'insert' && aroundFields.author === who.author) {
      // Taking back one's own suggested words: a place next to them keeps the caret.
      const neighbour = node.getPreviousSibling() ?? node.getNextSibling() ?? around;
      first ??= neighbour;
      last = neighbour;
      node.remove();
      continue;
    }
    const before = node.getPreviousSibling();
    const after = node.getNextSibling();
    let removal: SuggestionNode;
    if (isOwn(before, 'delete', who.author)) {
      removal = before.append(node);
    } else if (isOwn(after, 'delete', who.author)) {
      removal = after;
      const firstChild = after.getFirstChild();
      if (firstChild === null) after.append(node);
      else firstChild.insertBefore(node);
    } else {
      removal = $createSuggestionNode({ kind: 'delete', id, author: who.author, at });
      node.insertBefore(removal);
      removal.append(node);
    }
    first ??= removal;
    last = removal;
  }
  const place = caret === 'start' ? first : last;
  if (place !== null && place.isAttached()) {
    if (caret === 'start') place.selectPrevious();
    else place.selectNext(0, 0);
  }
  return { words: words.length, leftOut };
}

/** The suggestion `node` sits in directly, if it is a change of `format` by `author`. */
function $ownFormatChange(node: TextNode, format: TextFormatName, author: string): SuggestionNode | null {
  const parent = node.getParent();
  if (!isOwn(parent, 'format', author)) return null;
  return parent.getFields().change === format ? parent : null;
}

/**
 * Suggests setting `format` on the selected words (or off, when the first of them has it, as
 * Lexical's own toggle does): the words show the format at once, inside a suggestion that
 * remembers the change, so rejecting it puts them back. Only the runs of words the change
 * alters are part of it. Words the same person only suggested adding just take the format;
 * words suggested for removal are left as they are; a change the same person suggested is taken
 * back when they toggle it again. Answers false for a caret, whose format is that of the words
 * typed next (themselves suggested).
 */
export function $suggestFormat(selection: RangeSelection, format: TextFormatName, who: Suggester): boolean {
  if (selection.isCollapsed()) return false;
  const backward = selection.isBackward();
  const runs = selection.extract().filter($isTextNode);
  const first = runs[0];
  const last = runs[runs.length - 1];
  if (first === undefined || last === undefined) return true;
  const on = !first.hasFormat(format);
  const id = who.newId();
  const at = who.now();
  const takenBack = new Set<SuggestionNode>();
  for (const run of runs) {
    if (run.hasFormat(format) === on) continue;
    const around = $suggestionAround(run);
    const aroundFields = around?.getFields();
    if (aroundFields?.kind === 'delete') continue;
    run.toggleFormat(format);
    if (aroundFields?.kind === 'insert' && aroundFields.author === who.author) continue;
    const own = $ownFormatChange(run, format, who.author);
    if (own !== null && own.getFields().on !== on) {
      takenBack.add(own);
      continue;
    }
    const before = run.getPreviousSibling();
    if ($isSuggestionNode(before) && before.getFields().id === id) before.append(run);
    else {
      const change = $createSuggestionNode({ kind: 'format', id, author: who.author, at, change: format, on });
      run.insertBefore(change);
      change.append(run);
    }
  }
  // A change taken back on all its words is no longer suggested.
  for (const change of takenBack) {
    const fields = change.getFields();
    const stillChanged = change.getAllTextNodes().some((text) => text.hasFormat(format) === fields.on);
    if (!stillChanged) {
      for (const child of change.getChildren()) change.insertBefore(child);
      change.remove();
    }
  }
  if (first.isAttached() && last.isAttached()) {
    const size = last.getTextContentSize();
    if (backward) selection.setTextNodeRange(last, size, first, 0);
    else selection.setTextNodeRange(first, 0, last, size);
  }
  return true;
}

/** The fields of every suggestion in the text, in reading order, one entry per suggestion. */
export function $listSuggestions(): SuggestionSummary[] {
  const found = new Map<string, SuggestionSummary>();
  const lastBlock = new Map<string, string>();
  for (const { node } of $dfs()) {
    if (!$isSuggestionNode(node)) continue;
    const fields = node.getFields();
    let summary = found.get(fields.id);
    if (summary === undefined) {
      summary = {
        id: fields.id,
        author: fields.author,
        at: fields.at,
        inserted: '',
        deleted: '',
        restyled: '',
        change:
          fields.kind === 'format' && fields.change !== undefined
            ? { format: fields.change, on: fields.on ?? true }
            : null,
        moved: fields.moved === true,
        newParagraph: fields.split === true ? (node.getNextSibling()?.getTextContent() ?? '') : null,
        block: $blockChange(node),
        key: node.getKey(),
        claims: [],
      };
      found.set(fields.id, summary);
    }
    for (const parent of node.getParents()) {
      if (!$isMarkNode(parent)) continue;
      for (const claim of parent.getIDs()) if (!summary.claims.includes(claim)) summary.claims.push(claim);
    }
    if (fields.split === true) continue;
    // Words of one suggestion in two blocks (a removal across paragraphs, two paragraphs made a
    // list) read with a space between them, as the blocks do.
    let block: LexicalNode | null = node.getParent();
    while ($isElementNode(block) && block.isInline()) block = block.getParent();
    const blockKey = block?.getKey() ?? '';
    const part = `${fields.id} ${fields.kind}`;
    const gap = lastBlock.has(part) && lastBlock.get(part) !== blockKey ? ' ' : '';
    lastBlock.set(part, blockKey);
    const words = gap + $suggestionWords(node);
    if (fields.kind === 'insert') summary.inserted += words;
    else if (fields.kind === 'delete') summary.deleted += words;
    else summary.restyled += words;
  }
  return [...found.values()];
}

/** A new paragraph accepted (the paragraph split where it stands) or rejected (the line break gone). */
function $settleNewParagraph(node: SuggestionNode, accept: boolean): void {
  const block = node.getParent();
  const index = node.getIndexWithinParent();
  node.remove();
  if (accept && block !== null && !block.isInline()) $splitNode(block, index);
}

/**
 * Where a new paragraph goes at the caret: in its paragraph, or just before or after the words
 * `author` is adding there when the caret is at their start or end. Null inside a claim's words,
 * a link or another suggestion: the paragraph would split them.
 */
function $placeForParagraph(selection: RangeSelection, author: string): ((node: LexicalNode) => void) | null {
  const point = selection.anchor;
  const node = point.getNode();
  const parent = $isElementNode(node) ? node : node.getParent();
  const isBlock = (element: LexicalNode | null): boolean => $isElementNode(element) && !element.isInline();
  if (isBlock(parent)) return (split) => $insertAtCaret(split, selection);
  if (!isOwn(parent, 'insert', author) || !isBlock(parent.getParent()) || !$isTextNode(node)) return null;
  if (point.offset === node.getTextContentSize() && parent.getLastDescendant()?.is(node) === true) {
    return (split) => parent.insertAfter(split);
  }
  if (point.offset === 0 && parent.getFirstDescendant()?.is(node) === true) {
    return (split) => parent.insertBefore(split);
  }
  return null;
}

/**
 * Suggests a new paragraph at the caret (Enter while suggesting): a line break, marked as a
 * paragraph's end to be, until someone accepts it (the paragraph is split there) or rejects it.
 * Selected words are suggested for removal first. Answers false where the caret is inside a
 * claim's words, a link or another suggestion (see $placeForParagraph).
 */
export function $suggestParagraph(who: Suggester): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return false;
  const id = who.newId();
  if (selection.isCollapsed() && $placeForParagraph(selection, who.author) === null) return false;
  if (!selection.isCollapsed()) $suggestRemoval(selection, who, 'end', id);
  const at = $getSelection();
  if (!$isRangeSelection(at)) return false;
  $outOfRemoval(at);
  const caret = $getSelection();
  if (!$isRangeSelection(caret)) return false;
  const place = $placeForParagraph(caret, who.author);
  if (place === null) return false;
  const split = $createSuggestionNode({ kind: 'insert', id, author: who.author, at: who.now(), split: true });
  split.append($createLineBreakNode());
  place(split);
  split.selectNext(0, 0);
  return true;
}

/**
 * Takes back a new paragraph `author` suggested right before the caret (`backward`, as Backspace
 * does) or right after it: their own suggestion, simply gone. Answers whether there was one.
 */
export function $takeBackOwnParagraph(author: string, backward: boolean): boolean {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return false;
  const { offset } = selection.anchor;
  const node = selection.anchor.getNode();
  let beside: LexicalNode | null;
  if ($isElementNode(node)) beside = node.getChildAtIndex(backward ? offset - 1 : offset);
  else if (backward) beside = offset === 0 ? node.getPreviousSibling() : null;
  else beside = offset === node.getTextContentSize() ? node.getNextSibling() : null;
  if (!$isSuggestionNode(beside)) return false;
  const fields = beside.getFields();
  if (fields.split !== true || fields.author !== author) return false;
  const after = beside.getNextSibling();
  const before = beside.getPreviousSibling();
  const parent = beside.getParent();
  beside.remove();
  if ($isTextNode(before)) before.select(before.getTextContentSize(), before.getTextContentSize());
  else if ($isTextNode(after)) after.select(0, 0);
  else parent?.selectEnd();
  return true;
}

/** The kind of block `node` is, when its change can be suggested. */
export function $blockKindOf(node: LexicalNode | null): BlockKind | null {
  if ($isParagraphNode(node)) return 'paragraph';
  if ($isQuoteNode(node)) return 'quote';
  if ($isHeadingNode(node)) return node.getTag();
  if ($isListItemNode(node)) {
    const list = node.getParent();
    // An item that only holds a nested list is not a block of words.
    if (!$isListNode(list) || node.getChildren().some($isListNode)) return null;
    const type = list.getListType();
    return type === 'bullet' || type === 'number' ? type : null;
  }
  return null;
}

/** A new, empty block of `kind` that is not a list item. */
function $createWordBlock(kind: Exclude<BlockKind, ListBlockKind>): ElementNode {
  if (kind === 'paragraph') return $createParagraphNode();
  if (kind === 'quote') return $createQuoteNode();
  return $createHeadingNode(kind);
}

/** Joins `list` with the list after it when both are of one type: one list, as Lexical would make it. */
function $joinWithNext(list: ListNode): void {
  const next = list.getNextSibling();
  if (!$isListNode(next) || next.getListType() !== list.getListType()) return;
  list.append(...next.getChildren());
  next.remove();
}

/**
 * Takes list item `item` out of its list, as a block of `kind`, where it stood: the items
 * before it stay in the list, those after it go on in a list of their own after the block.
 */
function $takeOutOfList(item: ListItemNode, list: ListNode, kind: Exclude<BlockKind, ListBlockKind>): ElementNode {
  const block = $createWordBlock(kind);
  block.append(...item.getChildren());
  const after = item.getNextSiblings();
  if (after.length > 0) {
    const rest = $createListNode(list.getListType());
    rest.append(...after);
    list.insertAfter(rest);
  }
  list.insertAfter(block);
  item.remove();
  if (list.getChildrenSize() === 0) list.remove();
  return block;
}

/** Puts `block` into a list of `type` where it stands: joining the list before or after it, if it is of that type. */
function $putInList(block: ElementNode, type: ListBlockKind): ListItemNode {
  const item = $createListItemNode();
  item.append(...block.getChildren());
  const before = block.getPreviousSibling();
  if ($isListNode(before) && before.getListType() === type) {
    before.append(item);
    block.remove();
    $joinWithNext(before);
    return item;
  }
  const list = $createListNode(type);
  list.append(item);
  block.replace(list);
  $joinWithNext(list);
  return item;
}

/**
 * Makes `block` (a paragraph, quotation, heading or list item) a block of `kind`, its words
 * moved into it, and answers the new block. A list item leaves its list (the list splits round
 * it); a block becoming a list item joins a list of that type beside it, or starts one.
 */
export function $changeBlock(block: ElementNode, kind: BlockKind): ElementNode {
  if ($isListItemNode(block)) {
    const list = block.getParent();
    if (!$isListNode(list) || list.getListType() === kind) return block;
    const out = $takeOutOfList(block, list, isListBlockKind(kind) ? 'paragraph' : kind);
    return isListBlockKind(kind) ? $putInList(out, kind) : out;
  }
  if (isListBlockKind(kind)) return $putInList(block, kind);
  return block.replace($createWordBlock(kind), true);
}

/** For a suggested change of block: the block its words were in and the one they are in now. */
function $blockChange(node: SuggestionNode): { from: BlockKind; to: BlockKind } | null {
  const { was } = node.getFields();
  const to = $blockKindOf(node.getParent());
  return was === undefined || to === null ? null : { from: was, to };
}

/** Sets `format` on (`on` true) or off on every run of words in `node`. */
function $setFormatWithin(node: SuggestionNode, format: TextFormatName, on: boolean): void {
  for (const text of node.getAllTextNodes()) {
    if (text.hasFormat(format) !== on) text.toggleFormat(format);
  }
}

/**
 * Accepts (or rejects) every suggestion `which` picks: an accepted addition's words join the
 * text and an accepted removal's leave it; a rejection does the opposite. An accepted change of
 * format keeps the words as they look; a rejected one puts their format back. Answers how many
 * suggestions were settled.
 */
export function $settleSuggestions(which: (fields: SuggestionFields) => boolean, accept: boolean): number {
  const settled = new Set<string>();
  const nodes = $dfs()
    .map(({ node }) => node)
    .filter($isSuggestionNode);
  for (const node of nodes) {
    if (!node.isAttached()) continue;
    const fields = node.getFields();
    if (!which(fields)) continue;
    settled.add(fields.id);
    if (fields.split === true) {
      $settleNewParagraph(node, accept);
      continue;
    }
    if (fields.was !== undefined && !accept) {
      const block = node.getParent();
      if ($isElementNode(block) && !block.isInline()) $changeBlock(block, fields.was);
    }
    if (fields.kind === 'format' && !accept && fields.change !== undefined) {
      $setFormatWithin(node, fields.change, !(fields.on ?? true));
    }
    const keep = fields.kind === 'format' || (fields.kind === 'insert') === accept;
    if (keep) {
      for (const child of node.getChildren()) node.insertBefore(child);
    }
    const block = node.getParent();
    if (node.isAttached()) node.remove();
    // A paragraph moved leaves no empty paragraph behind, where it was or where it would have gone.
    if (fields.moved === true && block !== null && block.isAttached() && block.getChildrenSize() === 0) {
      block.remove();
    }
  }
  return settled.size;
}

/** The suggestion at the selection, if the caret or the selection is in one. */
export function $suggestionAtSelection(): SuggestionNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection)) return null;
  const node = selection.anchor.getNode();
  return $isSuggestionNode(node) ? node : $suggestionAround(node);
}
