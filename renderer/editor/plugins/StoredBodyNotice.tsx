import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';

import { storedBodyChanges } from '../../../shared/body/readStoredBody';
import { SHOW_EDITOR_MESSAGE_COMMAND } from './EditorMessagesPlugin';

/**
 * Tells the person, when the story opens, that its stored text held something this version
 * cannot edit as it was (readStoredBody's problems) and what became of it. Placed after the
 * messages bar, so the bar is listening when this speaks.
 */
export function StoredBodyNotice({ problems }: { problems: readonly string[] }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (problems.length === 0) return;
    editor.dispatchCommand(SHOW_EDITOR_MESSAGE_COMMAND, {
      tone: 'error',
      text: `Part of this story’s text was stored in a form this version of Copydesk does not edit (${storedBodyChanges(problems)}). Its words are kept here as plain text; the stored story changes only when you edit it.`,
    });
  }, [editor, problems]);
  return null;
}
