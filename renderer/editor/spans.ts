import { $dfs } from '@lexical/utils';
import {
  $createRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type Klass,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

/**
 * Selects the words of a span that may lie in several nodes (a claim's marks, a comment's
 * anchors), from the first node's first word to the last node's last, and brings the first
 * into view. False when the span has no words in the text.
 */
export function $selectSpan(editor: LexicalEditor, nodes: readonly ElementNode[]): boolean {
  const first = nodes[0];
  const firstText = first?.getFirstDescendant();
  const lastText = nodes[nodes.length - 1]?.getLastDescendant();
  if (first === undefined || !$isTextNode(firstText) || !$isTextNode(lastText)) return false;
  const selection = $createRangeSelection();
  selection.anchor.set(firstText.getKey(), 0, 'text');
  selection.focus.set(lastText.getKey(), lastText.getTextContentSize(), 'text');
  $setSelection(selection);
  editor.getElementByKey(first.getKey())?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  return true;
}

/**
 * Calls `paint` with every node of class `klass` in the text and the element the page shows it
 * as, now and whenever such nodes are made or remade: what a span's element says of it (a
 * claim's verdict, a comment's state) is kept as Lexical recreates elements. Answers with the
 * function that stops it.
 */
export function paintNodes<T extends LexicalNode>(
  editor: LexicalEditor,
  klass: Klass<T>,
  paint: (node: T, element: HTMLElement) => void,
): () => void {
  const isKind = (node: LexicalNode): node is T => node instanceof klass;
  const all = () => {
    editor.getEditorState().read(() => {
      for (const { node } of $dfs()) {
        if (!isKind(node)) continue;
        const element = editor.getElementByKey(node.getKey());
        if (element !== null) paint(node, element);
      }
    });
  };
  all();
  return editor.registerMutationListener(klass, all, { skipInitialization: true });
}
