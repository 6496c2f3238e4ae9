import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getSelection,
  COMMAND_PRIORITY_EDITOR,
  type BaseSelection,
  type LexicalCommand,
  type LexicalNode,
} from 'lexical';
import { useEffect } from 'react';

import { $insertBlockNode } from '../blocks';

/**
 * The two commands of a block the toolbar inserts (an image, an Also See): `insert` puts the node
 * `$create` makes from its payload at the caret, between paragraphs; `open` starts choosing what
 * to insert, and `onOpen` (a stable callback) gets a copy of the selection as it was, since a
 * dialog or a file picker takes the focus away from the body.
 */
export function useBlockCommands<Payload>(
  insert: LexicalCommand<Payload>,
  $create: (payload: Payload) => LexicalNode,
  open: LexicalCommand<void>,
  onOpen: (selection: BaseSelection | null) => void,
): void {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          insert,
          (payload) => {
            $insertBlockNode($create(payload));
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          open,
          () => {
            onOpen($getSelection()?.clone() ?? null);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
      ),
    [editor, insert, $create, open, onOpen],
  );
}
