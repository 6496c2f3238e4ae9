import { useCollaborationContext } from '@lexical/react/LexicalCollaborationContext';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createRangeSelectionFromDom, $getSelection, $setSelection, type LexicalEditor } from 'lexical';
import { useEffect } from 'react';
import type { Transaction } from 'yjs';

/**
 * Keeps the caret where the person just put it when someone else's words arrive.
 *
 * The browser moves the caret at once (Ctrl+Home, a click), but the editor only learns of it when
 * the browser's `selectionchange` event comes, a moment later. Words arriving from the desk in
 * that moment are applied with the caret the editor last knew, and put back there: the person's
 * next keystrokes would land where the caret was before. So before the desk's changes are applied,
 * the editor takes the caret from the page if it has moved.
 */
export function LiveCaretPlugin({ id }: { id: string }): null {
  const [editor] = useLexicalComposerContext();
  const { yjsDocMap } = useCollaborationContext();
  useEffect(() => {
    // CollaborationPlugin, mounted before this plugin, has made the document in its effect.
    const doc = yjsDocMap.get(id);
    if (doc === undefined) return;
    const beforeTheirs = (transaction: Transaction) => {
      if (!transaction.local) takeCaretFromPage(editor);
    };
    doc.on('beforeTransaction', beforeTheirs);
    return () => doc.off('beforeTransaction', beforeTheirs);
  }, [editor, yjsDocMap, id]);
  return null;
}

function takeCaretFromPage(editor: LexicalEditor): void {
  const root = editor.getRootElement();
  const page = root?.ownerDocument.defaultView?.getSelection() ?? null;
  if (root === null || page === null || page.rangeCount === 0 || editor.isComposing()) return;
  if (!root.contains(page.anchorNode) || !root.contains(page.focusNode)) return;
  const moved = editor.read(() => {
    const there = $createRangeSelectionFromDom(page, editor);
    const known = $getSelection();
    return there !== null && (known === null || !there.is(known));
  });
  if (!moved) return;
  editor.update(
    () => {
      const there = $createRangeSelectionFromDom(page, editor);
      if (there !== null) $setSelection(there);
    },
    { discrete: true },
  );
}
