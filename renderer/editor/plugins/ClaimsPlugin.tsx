import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $dfs, mergeRegister } from '@lexical/utils';
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $setSelection,
  COMMAND_PRIORITY_EDITOR,
  createCommand,
  type ElementNode,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';
import { useEffect, useLayoutEffect, useRef } from 'react';

import type { Verdict } from '../../../shared/sources';
import { registerHostRequest } from '../hostRequest';
import { $selectSpan, paintNodes } from '../spans';

/** What a claim's marks show: its verdict, and whether its words changed after that verdict. */
export type ClaimMarkState = { verdict: Verdict; changed: boolean };

/** Wraps the selected text in a mark carrying this claim's id (a new claim, or an orphan re-attached). */
export const MARK_CLAIM_COMMAND: LexicalCommand<string> = createCommand('MARK_CLAIM_COMMAND');
/** Selects a claim's text and brings it into view. */
export const SHOW_CLAIM_COMMAND: LexicalCommand<string> = createCommand('SHOW_CLAIM_COMMAND');
/** Takes a claim's marks out of the text (the claim itself stays in the library). */
export const UNMARK_CLAIM_COMMAND: LexicalCommand<string> = createCommand('UNMARK_CLAIM_COMMAND');

/**
 * The person asked to mark the selected words as a claim (Ctrl+Shift+M, ⌘⇧M, in the text). What
 * the claim is, and whether there are words to mark, is for the host to say: it answers with
 * MARK_CLAIM_COMMAND once the claim exists.
 */
export const MARK_SELECTION_REQUESTED_COMMAND: LexicalCommand<void> = createCommand('MARK_SELECTION_REQUESTED_COMMAND');

/** Ctrl+Shift+M (⌘⇧M): mark the selected words as a claim. */
export function isMarkClaimShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>,
): boolean {
  return (event.ctrlKey || event.metaKey) && event.shiftKey && !event.altKey && event.key.toLowerCase() === 'm';
}

/** Wraps [start, end) of the body's top-level block `block` in a mark for `claimId` (an accepted suggestion). */
export const MARK_RANGE_COMMAND: LexicalCommand<{ claimId: string; block: number; start: number; end: number }> =
  createCommand('MARK_RANGE_COMMAND');

/**
 * The text of each top-level block of the body, as suggestions read it; a list counts as one
 * block with no text, as its items' offsets do not map onto one string.
 */
export function bodyBlocks(editor: LexicalEditor): string[] {
  return editor.getEditorState().read(() =>
    $getRoot()
      .getChildren()
      .map((block) => ($isElementNode(block) && block.getType() !== 'list' ? block.getTextContent() : '')),
  );
}

/** The text node and offset at character `at` of a block's text (text and line breaks, as getTextContent counts). */
function pointIn(block: ElementNode, at: number, preferEnd: boolean): { key: string; offset: number } | null {
  let seen = 0;
  for (const node of block.getAllTextNodes()) {
    const size = node.getTextContentSize();
    const inside = preferEnd ? at > seen && at <= seen + size : at >= seen && at < seen + size;
    if (inside) return { key: node.getKey(), offset: at - seen };
    seen += size;
  }
  return null;
}

/** The text currently selected in the body, '' when nothing is. */
export function selectedBodyText(editor: LexicalEditor): string {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    return $isRangeSelection(selection) && !selection.isCollapsed() ? selection.getTextContent() : '';
  });
}

/** Where the selection lies in a top-level block's text, when it lies in one: the words around it tell what it is. */
export type SelectionContext = { paragraph: string; start: number; end: number };

/** The offset of a text point in its top-level block's text, or null for a point that is not in text. */
function $offsetInBlock(block: ElementNode, key: string, offset: number): number | null {
  let seen = 0;
  for (const node of block.getAllTextNodes()) {
    if (node.getKey() === key) return seen + offset;
    seen += node.getTextContentSize();
  }
  return null;
}

/** The selected text's paragraph and its place there, or null when nothing is selected or it spans blocks. */
export function selectedBodyContext(editor: LexicalEditor): SelectionContext | null {
  return editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection) || selection.isCollapsed()) return null;
    const [first, last] = selection.isBackward()
      ? [selection.focus, selection.anchor]
      : [selection.anchor, selection.focus];
    if (first.type !== 'text' || last.type !== 'text') return null;
    const block = first.getNode().getTopLevelElement();
    if (block === null || !block.is(last.getNode().getTopLevelElement())) return null;
    const start = $offsetInBlock(block, first.key, first.offset);
    const end = $offsetInBlock(block, last.key, last.offset);
    if (start === null || end === null) return null;
    const paragraph = block
      .getAllTextNodes()
      .map((node) => node.getTextContent())
      .join('');
    return { paragraph, start, end };
  });
}

function marksOf(id: string): MarkNode[] {
  return $dfs()
    .map(({ node }) => node)
    .filter((node): node is MarkNode => $isMarkNode(node) && node.hasID(id));
}

/**
 * Claims in the body: marking a selection, showing a claim's span, taking marks away, and
 * telling the panel which claim was clicked. Each mark carries its verdict as a data
 * attribute, and a claim whose words changed after its verdict is marked so too, so the text
 * shows at a glance what is checked, what is not, and what must be looked at again.
 */
export function ClaimsPlugin({
  verdicts,
  onClaimClicked,
  onMarkRequested,
}: {
  /** The verdict of each claim, by id. */
  verdicts: ReadonlyMap<string, ClaimMarkState>;
  onClaimClicked: (id: string) => void;
  /** Ctrl+Shift+M pressed in the text (MARK_SELECTION_REQUESTED_COMMAND). */
  onMarkRequested: () => void;
}): null {
  const [editor] = useLexicalComposerContext();
  const markRequested = useRef(onMarkRequested);
  useLayoutEffect(() => {
    markRequested.current = onMarkRequested;
  });

  useEffect(
    () =>
      mergeRegister(
        registerHostRequest(editor, isMarkClaimShortcut, MARK_SELECTION_REQUESTED_COMMAND, () =>
          markRequested.current(),
        ),
        editor.registerCommand(
          MARK_CLAIM_COMMAND,
          (id) => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection) || selection.isCollapsed()) return false;
            $wrapSelectionInMarkNode(selection, selection.isBackward(), id);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          MARK_RANGE_COMMAND,
          ({ claimId, block, start, end }) => {
            const element = $getRoot().getChildAtIndex(block);
            if (!$isElementNode(element)) return false;
            const anchor = pointIn(element, start, false);
            const focus = pointIn(element, end, true);
            if (anchor === null || focus === null) return false;
            const selection = $createRangeSelection();
            selection.anchor.set(anchor.key, anchor.offset, 'text');
            selection.focus.set(focus.key, focus.offset, 'text');
            $setSelection(selection);
            $wrapSelectionInMarkNode(selection, false, claimId);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(SHOW_CLAIM_COMMAND, (id) => $selectSpan(editor, marksOf(id)), COMMAND_PRIORITY_EDITOR),
        editor.registerCommand(
          UNMARK_CLAIM_COMMAND,
          (id) => {
            for (const mark of marksOf(id)) {
              mark.deleteID(id);
              if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
            }
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );

  // Verdicts on the marks' elements, kept as Lexical creates and recreates them.
  useEffect(
    () =>
      paintNodes(editor, MarkNode, (node, element) => {
        const ids = node.getIDs();
        const states = ids.map((id) => verdicts.get(id)).filter((state) => state !== undefined);
        element.dataset.verdict = states[0]?.verdict ?? 'unchecked';
        element.dataset.claims = ids.join(' ');
        if (states.some((state) => state.changed)) {
          element.dataset.changed = 'true';
          element.title = 'Changed since the verdict: look at this claim again';
        } else {
          delete element.dataset.changed;
          element.removeAttribute('title');
        }
      }),
    [editor, verdicts],
  );

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      const mark = event.target instanceof Element ? event.target.closest<HTMLElement>('mark[data-claims]') : null;
      const id = mark?.dataset.claims?.split(' ')[0];
      if (id !== undefined && id !== '') onClaimClicked(id);
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor, onClaimClicked]);

  return null;
}
