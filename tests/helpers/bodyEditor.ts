import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';

import { BODY_NAMESPACE, EDITOR_NODES } from '../../renderer/editor/nodes/EditorNodes';

/** A headless editor with every node an article body may hold; any error inside it fails the test. */
export function newBodyEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: BODY_NAMESPACE,
    nodes: EDITOR_NODES,
    onError: (error) => {
      throw error;
    },
  });
}
