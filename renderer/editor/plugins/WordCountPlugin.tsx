import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
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
    const count = () => {
      timer = null;
      const blocks = editor.getEditorState().read(() =>
        $getRoot()
          .getChildren()
          .map((block) => ({ key: block.getKey(), text: block.getTextContent() })),
      );
      report.current(counter.count(blocks));
    };
    count();
    const unregister = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      timer ??= setTimeout(count, REFRESH_MS);
    });
    return () => {
      unregister();
      if (timer !== null) clearTimeout(timer);
    };
  }, [editor]);

  return null;
}
