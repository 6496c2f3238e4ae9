import { countWords } from '../../shared/text';

export type BodyCounts = { words: number; characters: number };

/** Characters as a reader counts them: code points, not the line breaks between blocks. */
export function countCharacters(text: string): number {
  let count = 0;
  for (const char of text) {
    if (char !== '\n') count += 1;
  }
  return count;
}

type BlockCount = BodyCounts & { text: string };

/**
 * The body's counts, block by block: a block whose text has not changed since the last count
 * keeps its counts, so a keystroke costs the counting of its own paragraph, not of the story.
 * No word runs from one block into the next, so the sum is what counting the whole text gives.
 */
export class BlockCounter {
  private counted = new Map<string, BlockCount>();

  /** The counts of `blocks` (each top-level block's key and text, in order). */
  count(blocks: Iterable<{ key: string; text: string }>): BodyCounts {
    const next = new Map<string, BlockCount>();
    let words = 0;
    let characters = 0;
    for (const { key, text } of blocks) {
      const known = this.counted.get(key);
      const block =
        known !== undefined && known.text === text
          ? known
          : { text, words: countWords(text), characters: countCharacters(text) };
      next.set(key, block);
      words += block.words;
      characters += block.characters;
    }
    this.counted = next;
    return { words, characters };
  }
}
