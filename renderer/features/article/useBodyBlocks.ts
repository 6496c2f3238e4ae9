import type { LexicalEditor } from 'lexical';
import { useEffect, useState, type RefObject } from 'react';

import { bodyBlocks } from '../../editor/plugins/ClaimsPlugin';

/** The body's blocks are read again this long after typing stops. */
export const BLOCKS_PAUSE_MS = 1200;

/**
 * The text of each top-level block of the body, read when the editor opens and again when typing
 * pauses: what claim suggestions and related articles are worked out from.
 */
export function useBodyBlocks(editorRef: RefObject<LexicalEditor | null>): string[] {
  const [blocks, setBlocks] = useState<string[]>([]);
  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) return undefined;
    let timer = setTimeout(() => setBlocks(bodyBlocks(editor)), 0);
    const stop = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
      clearTimeout(timer);
      timer = setTimeout(() => setBlocks(bodyBlocks(editor)), BLOCKS_PAUSE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [editorRef]);
  return blocks;
}
