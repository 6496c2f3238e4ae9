import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useLexicalNodeSelection } from '@lexical/react/useLexicalNodeSelection';
import { $getNodeByKey, CLICK_COMMAND, COMMAND_PRIORITY_LOW, type NodeKey } from 'lexical';
import { useCallback, useEffect, type RefObject } from 'react';

type BlockDecorator = {
  isSelected: boolean;
  clearSelection: () => void;
  /** Deletes the block; the caret goes to the start of the block after it, or before it. */
  remove: () => void;
};

/**
 * Selecting and removing a block decorator. A click inside `area` selects the block (Shift adds
 * it to what is selected), unless it lands on an element matching `passThrough`, which keeps the
 * click for itself.
 */
export function useBlockDecorator(
  nodeKey: NodeKey,
  area: RefObject<HTMLElement | null>,
  passThrough?: string,
): BlockDecorator {
  const [editor] = useLexicalComposerContext();
  const [isSelected, setSelected, clearSelection] = useLexicalNodeSelection(nodeKey);

  useEffect(
    () =>
      editor.registerCommand(
        CLICK_COMMAND,
        (event) => {
          const target = event.target;
          if (area.current === null || !(target instanceof Element) || !area.current.contains(target)) return false;
          if (passThrough !== undefined && target.closest(passThrough) !== null) return false;
          if (!event.shiftKey) clearSelection();
          setSelected(true);
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor, area, passThrough, clearSelection, setSelected],
  );

  const remove = useCallback(() => {
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if (node === null) return;
      const next = node.getNextSibling() ?? node.getPreviousSibling();
      node.remove();
      next?.selectStart();
    });
    editor.focus();
  }, [editor, nodeKey]);

  return { isSelected, clearSelection, remove };
}
