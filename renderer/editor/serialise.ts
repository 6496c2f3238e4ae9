import type { EditorState } from 'lexical';

import type { Body } from '../../shared/domain';

/**
 * The editor's state as an article body. Costly on long documents (a full tree walk and
 * copy), so it runs only when a save starts, never per keystroke.
 */
export function serialiseBody(editorState: EditorState): Body {
  const json = editorState.toJSON();
  // Lexical's serialised tree has exactly the Body shape (a root of typed nodes with children);
  // its interfaces just lack Body's index signature. The server validates every save.
  return json as unknown as Body;
}
