import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';

import { BODY_NAMESPACE, EDITOR_NODES } from '../../renderer/editor/nodes/EditorNodes';
import type { Suggester } from '../../renderer/editor/suggestions';

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

/** `author` suggesting at a fixed time, each suggestion numbered: "Ed Editor-1", "Ed Editor-2"… */
export function suggesterFor(author: string): Suggester {
  let next = 0;
  return { author, now: () => '2026-12-07T10:00:00.000Z', newId: () => `${author}-${(next += 1)}` };
}
