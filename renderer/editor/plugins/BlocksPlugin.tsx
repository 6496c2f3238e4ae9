import { $createHorizontalRuleNode, INSERT_HORIZONTAL_RULE_COMMAND } from '@lexical/react/LexicalHorizontalRuleNode';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect } from 'react';

import { $caretIsInEmptyParagraph, $insertBlockNode } from '../blocks';

/**
 * A horizontal rule from the toolbar on an empty line takes that line's place; anywhere else
 * @lexical/react's HorizontalRulePlugin puts it after the caret's block, as it always does.
 */
export function BlocksPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        INSERT_HORIZONTAL_RULE_COMMAND,
        () => {
          if (!$caretIsInEmptyParagraph()) return false;
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- @lexical/react's rule until @lexical/extension (HorizontalRuleExtension, same JSON type) is a dependency
          $insertBlockNode($createHorizontalRuleNode());
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );
  return null;
}
