import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getSelection, $isRangeSelection, COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand } from 'lexical';
import { useEffect, useLayoutEffect, useRef } from 'react';

import { COMMENT_THREADS_ATTRIBUTE, CommentNode } from '../../../shared/body/lexical/CommentNode';
import { IS_APPLE } from '../../components/keys';
import { $anchorComment, $anchorsOf, $unanchorComment } from '../comments';
import { registerHostRequest } from '../hostRequest';
import { $selectSpan, paintNodes } from '../spans';

/** How a thread's words show in the text: open (highlighted), resolved (plain), or the one the panel has open. */
export type CommentMarkState = 'open' | 'resolved';

/** The person asked to comment on the selected words (the toolbar's button, or Ctrl+Alt+M in the text). */
export const COMMENT_REQUESTED_COMMAND: LexicalCommand<void> = createCommand('COMMENT_REQUESTED_COMMAND');
/** Wraps the selected words in a comment node naming this thread; false when no words are selected. */
export const ANCHOR_COMMENT_COMMAND: LexicalCommand<string> = createCommand('ANCHOR_COMMENT_COMMAND');
/** Takes a thread's anchors out of the text (a comment begun and then cancelled); the words stay. */
export const UNANCHOR_COMMENT_COMMAND: LexicalCommand<string> = createCommand('UNANCHOR_COMMENT_COMMAND');
/** Selects a thread's words and brings them into view; false when its words are no longer in the text. */
export const SHOW_COMMENT_COMMAND: LexicalCommand<string> = createCommand('SHOW_COMMENT_COMMAND');

/** Ctrl+Alt+M (⌘⌥M): comment on the selected words, as in Word and Google Docs. */
export function isCommentShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>,
): boolean {
  const mod = IS_APPLE ? event.metaKey : event.ctrlKey;
  return mod && event.altKey && !event.shiftKey && event.code === 'KeyM';
}

/**
 * Comments on the text: the selected words anchored to a new thread, a thread's words shown, a
 * cancelled one's anchors taken out, and the words of each thread painted as the thread stands
 * (open threads highlighted, resolved ones plain, the one open in the panel stronger). A click
 * on commented words tells the host which thread.
 */
export function CommentsPlugin({
  threads,
  focused,
  onThreadClicked,
  onCommentRequested,
}: {
  /** Each thread's state, by id; words anchored to a thread not listed are not painted. */
  threads: ReadonlyMap<string, CommentMarkState>;
  /** The thread the Comments panel has open. */
  focused: string | null;
  onThreadClicked: (id: string) => void;
  onCommentRequested: () => void;
}): null {
  const [editor] = useLexicalComposerContext();
  const requested = useRef(onCommentRequested);
  useLayoutEffect(() => {
    requested.current = onCommentRequested;
  });

  useEffect(
    () =>
      mergeRegister(
        registerHostRequest(editor, isCommentShortcut, COMMENT_REQUESTED_COMMAND, () => requested.current()),
        editor.registerCommand(
          ANCHOR_COMMENT_COMMAND,
          (id) => {
            const selection = $getSelection();
            if (!$isRangeSelection(selection) || selection.isCollapsed() || selection.getTextContent().trim() === '')
              return false;
            $anchorComment(selection, id);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          UNANCHOR_COMMENT_COMMAND,
          (id) => {
            $unanchorComment(id);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          SHOW_COMMENT_COMMAND,
          (id) => $selectSpan(editor, $anchorsOf(id)),
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor],
  );

  // Each anchor's state on its element, kept as Lexical creates and recreates them.
  useEffect(
    () =>
      paintNodes(editor, CommentNode, (node, element) => {
        const states = node.getIDs().map((id) => threads.get(id));
        const state = states.includes('open') ? 'open' : states.includes('resolved') ? 'resolved' : null;
        if (state === null) delete element.dataset.comment;
        else element.dataset.comment = state;
        if (focused !== null && node.hasID(focused)) element.dataset.commentFocused = 'true';
        else delete element.dataset.commentFocused;
      }),
    [editor, threads, focused],
  );

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof Element)) return;
      // The innermost open thread the click landed in: the words most closely commented on.
      for (let element = event.target.closest<HTMLElement>(`[${COMMENT_THREADS_ATTRIBUTE}]`); element !== null;) {
        const ids = (element.getAttribute(COMMENT_THREADS_ATTRIBUTE) ?? '').split(' ');
        const open = ids.find((id) => threads.get(id) === 'open');
        if (open !== undefined) {
          onThreadClicked(open);
          return;
        }
        element = element.parentElement?.closest<HTMLElement>(`[${COMMENT_THREADS_ATTRIBUTE}]`) ?? null;
      }
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor, threads, onThreadClicked]);

  return null;
}
