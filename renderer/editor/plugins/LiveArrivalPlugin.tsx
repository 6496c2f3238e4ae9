import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, useSyncExternalStore } from 'react';

import type { LiveEditing } from '../Editor';

/**
 * A live story's body is read-only until its document has arrived from the desk. Words typed
 * into the empty page before then would be merged in wherever the caret happened to be (often
 * before the whole story), not where the person meant them.
 */
export function LiveArrivalPlugin({ arrived }: { arrived: LiveEditing['arrived'] }): null {
  const [editor] = useLexicalComposerContext();
  const here = useSyncExternalStore(arrived.subscribe, arrived.snapshot);
  useEffect(() => {
    editor.setEditable(here);
    const root = editor.getRootElement();
    if (here) root?.removeAttribute('aria-busy');
    else root?.setAttribute('aria-busy', 'true');
  }, [editor, here]);
  return null;
}
