import { $insertNodeToNearestRoot } from '@lexical/utils';
import {
  $createParagraphNode,
  $getRoot,
  $getSelection,
  $isParagraphNode,
  $isRangeSelection,
  $isRootOrShadowRoot,
  type LexicalNode,
  type ParagraphNode,
} from 'lexical';

/** The empty paragraph the caret sits in, if it does. */
function $emptyParagraphAtCaret(): ParagraphNode | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !selection.isCollapsed()) return null;
  const anchor = selection.anchor.getNode();
  if ($isRootOrShadowRoot(anchor)) return null;
  const block = anchor.getTopLevelElement();
  return $isParagraphNode(block) && block.isEmpty() ? block : null;
}

/** True when a block put at the caret would take the place of an empty paragraph. */
export function $caretIsInEmptyParagraph(): boolean {
  return $emptyParagraphAtCaret() !== null;
}

/**
 * Puts a block (an image, a rule, an Also See) at the caret, between paragraphs. On an empty
 * line it takes that line's place rather than leaving a blank paragraph above it. The caret
 * goes to the start of what follows, a new paragraph if nothing does.
 */
export function $insertBlockNode<T extends LexicalNode>(node: T): T {
  if ($getSelection() === null) $getRoot().selectEnd();
  const empty = $emptyParagraphAtCaret();
  if (empty === null) return $insertNodeToNearestRoot(node);
  empty.replace(node);
  const next = node.getNextSibling();
  if (next === null) {
    const paragraph = $createParagraphNode();
    node.insertAfter(paragraph);
    paragraph.select();
  } else {
    next.selectStart();
  }
  return node.getLatest();
}
