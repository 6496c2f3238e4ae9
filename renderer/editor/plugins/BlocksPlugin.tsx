import { $createHorizontalRuleNode, INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/extension';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect } from 'react';

import { $caretIsInEmptyParagraph, $insertBlockNode } from '../blocks';

/**
 * A horizontal rule from the toolbar on an empty line takes that line's place; anywhere else
 * Lexical's HorizontalRuleExtension puts it after the caret's block, as it always does.
 */
export function BlocksPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_HORIZONTAL_RULE_COMMAND,
        () => {
          if (!$caretIsInEmptyParagraph()) return false;
          $insertBlockNode($createHorizontalRuleNode());
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
