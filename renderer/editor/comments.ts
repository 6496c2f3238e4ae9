import { $dfs } from '@lexical/utils';
import {
  $createRangeSelection,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type RangeSelection,
} from 'lexical';

import { $createCommentNode, $isCommentNode, type CommentNode } from '../../shared/body/lexical/CommentNode';

/** The comment nodes that anchor thread `id`, in document order. */
export function $anchorsOf(id: string): CommentNode[] {
  return $dfs()
    .map(({ node }) => node)
    .filter((node): node is CommentNode => $isCommentNode(node) && node.hasID(id));
}

/**
 * Wraps the selected words in comment nodes for `id`: one node for each run of words that share
 * a parent, stepping over blocks and pictures. Words in a link, a claim's mark, a suggestion or
 * another comment are wrapped inside it, so overlapping comments nest.
 */
export function $anchorComment(selection: RangeSelection, id: string): void {
  const [start, end] = selection.isBackward()
    ? [selection.focus, selection.anchor]
    : [selection.anchor, selection.focus];
  const forward = $createRangeSelection();
  forward.anchor.set(start.key, start.offset, start.type);
  forward.focus.set(end.key, end.offset, end.type);
  let parent = null as ElementNode | null;
  let wrapper = null as CommentNode | null;
  for (const node of forward.extract()) {
    if (wrapper?.isParentOf(node) === true) continue;
    if ($isElementNode(node) && node.isInline()) continue; // its words come next, and are wrapped inside it
    const wraps =
      $isTextNode(node) || $isLineBreakNode(node) || ($isDecoratorNode(node) && node.isInline()) ? node : null;
    if (wraps === null) {
      // A block or a picture: the words after it get a node of their own.
      parent = null;
      wrapper = null;
      continue;
    }
    const nodeParent = wraps.getParent();
    if (nodeParent === null || !nodeParent.is(parent)) wrapper = null;
    parent = nodeParent;
    if (wrapper === null) {
      wrapper = $createCommentNode([id]);
      wraps.insertBefore(wrapper);
    }
    wrapper.append(wraps);
  }
}

/** Takes thread `id`'s anchors out of the text; the words stay, and so do other threads' anchors on them. */
export function $unanchorComment(id: string): void {
  for (const node of $anchorsOf(id)) {
    const rest = node.getIDs().filter((other) => other !== id);
    if (rest.length > 0) {
      node.setIDs(rest);
      continue;
    }
    for (const child of node.getChildren()) node.insertBefore(child);
    node.remove();
  }
}
