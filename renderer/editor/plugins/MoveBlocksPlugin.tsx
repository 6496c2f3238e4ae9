import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';

import { IS_APPLE } from '../../components/keys';
import { $moveBlocks } from '../moveBlocks';
import { refuseWhileSuggesting, suggester, useSuggesting } from './SuggestionsPlugin';

/** Alt+Shift+↑ or ↓ (⌃⇧ on Apple keyboards, as Word has them there): which way to move, if it is one. */
export function moveShortcut(
  event: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'key'>,
): 'up' | 'down' | null {
  const held = IS_APPLE
    ? event.ctrlKey && event.shiftKey && !event.altKey && !event.metaKey
    : event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey;
  if (!held) return null;
  if (event.key === 'ArrowUp') return 'up';
  if (event.key === 'ArrowDown') return 'down';
  return null;
}

/** Moves the paragraphs at the caret up or down the story; while suggesting, suggests the move. */
export function MoveBlocksPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const { suggesting, author } = useSuggesting();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          const direction = moveShortcut(event);
          if (direction === null) return false;
          event.preventDefault();
          // Command listeners run inside an update.
          const outcome = $moveBlocks(direction === 'up', suggesting ? suggester(author) : null);
          if (outcome === 'not-words') {
            refuseWhileSuggesting(editor, 'only paragraphs, headings and quotations are moved as a suggestion.');
          } else if (outcome === 'holds-suggestions') {
            refuseWhileSuggesting(
              editor,
              'this paragraph holds suggestions; accept or reject them before suggesting a move.',
            );
          }
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor, suggesting, author],
  );
  return null;
}
