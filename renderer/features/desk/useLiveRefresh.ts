import { COLLABORATION_TAG, type LexicalEditor } from 'lexical';
import { useEffect, useState, useSyncExternalStore, type RefObject } from 'react';

import type { LiveConnection } from './liveStory';

/**
 * How often a live story asks again for what no message names: a source's details changed in
 * another story that cites it too.
 */
const EVERY_MS = 30_000;
/** A burst of others' typing is one change. */
const SETTLE_MS = 400;

const NOTHING_TO_HEAR = () => () => undefined;

/**
 * A count that goes up when others change a live story: when the desk says a claim, a verdict,
 * evidence, a source cited or a comment changed (or the window is back after being cut off);
 * just after others' edits to its text reach this window (a claim they marked); and now and
 * then for what no message names. What reads claims, sources or comments asks again when it
 * moves. Zero, and still, for a story not edited live.
 */
export function useLiveRefresh(editorRef: RefObject<LexicalEditor | null>, live: LiveConnection | undefined): number {
  const [count, setCount] = useState(0);
  const told = useSyncExternalStore(live?.subscribe ?? NOTHING_TO_HEAR, () => live?.snapshot().besideText ?? 0);
  useEffect(() => {
    if (live === undefined) return undefined;
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
  return count + told;
}
