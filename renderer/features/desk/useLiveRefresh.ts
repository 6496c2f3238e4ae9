import { COLLABORATION_TAG, type LexicalEditor } from 'lexical';
import { useEffect, useState, type RefObject } from 'react';

/** How often a live story asks again for what others may have changed outside its text (verdicts, evidence). */
const EVERY_MS = 5000;
/** A burst of others' typing is one change. */
const SETTLE_MS = 400;

/**
 * A count that goes up when others change a live story: just after their edits to its text
 * reach this window (a claim they marked), and every few seconds for what lives beside the text
 * (a verdict, evidence). What reads claims or sources asks again when it moves. Zero, and still,
 * for a story not edited live.
 */
export function useLiveRefresh(editorRef: RefObject<LexicalEditor | null>, live: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!live) return undefined;
    const bump = () => setCount((value) => value + 1);
    const every = setInterval(bump, EVERY_MS);
    let settling: ReturnType<typeof setTimeout> | undefined;
    const stop = editorRef.current?.registerUpdateListener(({ tags, dirtyElements, dirtyLeaves }) => {
      if (!tags.has(COLLABORATION_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) return;
      clearTimeout(settling);
      settling = setTimeout(bump, SETTLE_MS);
    });
    return () => {
      clearInterval(every);
      clearTimeout(settling);
      stop?.();
    };
  }, [editorRef, live]);
  return count;
}
