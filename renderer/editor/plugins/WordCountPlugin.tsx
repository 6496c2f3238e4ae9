import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, type NodeKey } from 'lexical';
import { useEffect, useLayoutEffect, useRef } from 'react';

import { BlockCounter, type BodyCounts } from '../bodyCounts';

export type { BodyCounts } from '../bodyCounts';

/** How often, at most, the counts are refreshed while someone types. */
const REFRESH_MS = 300;

/**
 * Reports the body's word and character counts, refreshed at most every REFRESH_MS while someone
 * types. Only the blocks whose text changed are counted again (BlockCounter).
 */
export function WordCountPlugin({ onCounts }: { onCounts: (counts: BodyCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  const report = useRef(onCounts);
  useLayoutEffect(() => {
    report.current = onCounts;
  });

  useEffect(() => {
    const counter = new BlockCounter();
    let timer: ReturnType<typeof setTimeout> | null = null;
    // The text of each top-level block as last read, and the elements changed since: a block
    // not among them (Lexical names every element above a change as dirty) is not read again,
    // so a count reads the paragraphs typed in, not the whole story.
    let texts = new Map<NodeKey, string>();
    const changed = new Set<NodeKey>();
    let everything = true;
    const count = () => {
      timer = null;
      const next = new Map<NodeKey, string>();
      const blocks = editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) => {
            const key = block.getKey();
            const known = everything || changed.has(key) ? undefined : texts.get(key);
            const text = known ?? block.getTextContent();
            next.set(key, text);
            return { key, text };
          }),
      );
      texts = next;
      changed.clear();
      everything = false;
      report.current(counter.count(blocks));
    };
    count();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      // A whole state set at once (an undo, a version shown) names only the root as dirty.
      if (dirtyLeaves.size === 0 && dirtyElements.size === 1 && dirtyElements.has('root')) everything = true;
      for (const key of dirtyElements.keys()) changed.add(key);
      timer ??= setTimeout(count, REFRESH_MS);
    });
    return () => {
      unregister();
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor]);

  return null;
}
