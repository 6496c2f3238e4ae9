import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG } from 'lexical';
import { useEffect } from 'react';

import type { ArticleSaver } from '../../features/article/ArticleSaver';
import { serialiseBody } from '../serialise';

/**
 * Tells the saver when the body changed; the saver decides when to serialise and save.
 * Selection moves and history-merge updates (the initial load, transforms re-run when a plugin
 * registers) are not edits. Undo and redo are, and are saved like typing.
 */
export function AutosavePlugin({ saver }: { saver: ArticleSaver }): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    saver.attachBody(() => serialiseBody(editor.getEditorState()));
    return mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (tags.has(HISTORY_MERGE_TAG)) return;
        saver.bodyChanged();
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          void saver.flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor, saver]);

  return null;
}
