import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW, HISTORY_MERGE_TAG, PASTE_TAG } from 'lexical';
import { useEffect } from 'react';

import type { Body } from '../../../shared/domain';
import { serialiseBody } from '../serialise';

/** Runs `task` after the browser has shown the next frame: rAF runs before painting, the timeout after it. */
function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task, 0));
}

/** What autosave drives: the article's saver, which decides when to serialise and save. */
export type BodySaver = {
  /** The article the body belongs to. */
  readonly id: string;
  /** How the saver reads the body when it saves. */
  attachBody: (reader: () => Body) => void;
  bodyChanged: () => void;
  /** Saves now what is waiting. */
  flush: () => Promise<void>;
};

/**
 * Tells the saver when the body changed; the saver decides when to serialise and save.
 * Selection moves and history-merge updates (the initial load, transforms re-run when a plugin
 * registers) are not edits. Undo and redo are, and are saved like typing; a paste is saved at once.
 */
export function AutosavePlugin({ saver }: { saver: BodySaver }): null {
  const [editor] = useLexicalComposerContext();

  useEffect(() => {
    saver.attachBody(() => serialiseBody(editor.getEditorState()));
    return mergeRegister(
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, tags }) => {
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        if (tags.has(HISTORY_MERGE_TAG)) return;
        saver.bodyChanged();
        // A paste is one deliberate act, often a long one: saved at once, not after the typing
        // pause; once the pasted text is on screen, since the save starts by serialising the body.
        if (tags.has(PASTE_TAG)) afterNextPaint(() => void saver.flush());
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
