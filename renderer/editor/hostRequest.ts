import { mergeRegister } from '@lexical/utils';
import {
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_LOW,
  KEY_DOWN_COMMAND,
  type LexicalCommand,
  type LexicalEditor,
} from 'lexical';

/**
 * A shortcut in the text that asks the editor's host for something only it can do (make a claim,
 * open a comment's box): the key press dispatches `command`, as a toolbar button may, and
 * `command` calls `ask`.
 */
export function registerHostRequest(
  editor: LexicalEditor,
  matches: (event: KeyboardEvent) => boolean,
  command: LexicalCommand<void>,
  ask: () => void,
): () => void {
  return mergeRegister(
    editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!matches(event)) return false;
        event.preventDefault();
        return editor.dispatchCommand(command, undefined);
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      command,
      () => {
        ask();
        return true;
      },
      COMMAND_PRIORITY_EDITOR,
    ),
  );
}
