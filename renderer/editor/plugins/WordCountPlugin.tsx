import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot } from 'lexical';
import { useEffect, useLayoutEffect, useRef } from 'react';

import { countWords } from '../../../shared/text';

export type BodyCounts = { words: number; characters: number };

/** Characters as a reader counts them: code points, not the line breaks between blocks. */
function countCharacters(text: string): number {
  let count = 0;
  for (const char of text) {
    if (char !== '\n') count += 1;
  }
  return count;
}

/** How often, at most, the counts are refreshed while someone types. */
const REFRESH_MS = 300;

/**
 * Reports the body's word and character counts. Reading the text is cheap, but segmenting a
 * long story on every keystroke is not: counts are refreshed at most every REFRESH_MS.
 */
export function WordCountPlugin({ onCounts }: { onCounts: (counts: BodyCounts) => void }): null {
  const [editor] = useLexicalComposerContext();
  const report = useRef(onCounts);
  useLayoutEffect(() => {
    report.current = onCounts;
  });

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const count = () => {
      timer = null;
      const text = editor.getEditorState().read(() => $getRoot().getTextContent());
      report.current({ words: countWords(text), characters: countCharacters(text) });
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
