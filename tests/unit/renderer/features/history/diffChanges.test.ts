import { describe, expect, it } from 'vitest';

import { chunkChanges, describeChange } from '../../../../../renderer/features/history/diffChanges';
import { wordDiff } from '../../../../../shared/wordDiff';

function changesIn(before: string, after: string, from = 0) {
  const diff = wordDiff(before, after);
  if (diff === null) throw new Error('the texts could not be compared');
  return chunkChanges(diff, from);
}

describe('the changes a reader steps through', () => {
  it('numbers each change, a word put in place of another being one change', () => {
    const { chunks, count } = changesIn(
      'The council approved the trial on Monday.',
      'The council approved the night trial on Tuesday.',
      3,
    );
    expect(count).toBe(2);
    const changes = chunks.flatMap((chunk) => (chunk.kind === 'change' ? [chunk] : []));
    expect(changes.map((change) => change.index)).toEqual([3, 4]);
    expect(changes.map((change) => describeChange(change.parts))).toEqual([
      'added “night”',
      'removed “Monday”, added “Tuesday”',
    ]);
  });

  it('keeps changed runs with only spaces between them as one change, and every word of both texts', () => {
    const before = 'Crossings run on Monday at noon.';
    const after = 'Crossings run on Tuesday next week at noon.';
    const { chunks, count } = changesIn(before, after);
    expect(count).toBe(1);
    const kept = chunks
      .flatMap((chunk) => (chunk.kind === 'same' ? [chunk.text] : chunk.parts.map((part) => part.text)))
      .join('');
    // Every character of both texts is shown, once, in order.
    expect(kept.replace('Monday', '')).toBe(after);
  });

  it('shows a change as all it removed, then all it added, not word against word', () => {
    const { chunks } = changesIn('Crossings leave from the old quay.', 'Crossings leave from the eastern terminal.');
    const [change] = chunks.flatMap((chunk) => (chunk.kind === 'change' ? [chunk] : []));
    expect(change?.parts).toEqual([
      { kind: 'deleted', text: 'old quay' },
      { kind: 'inserted', text: 'eastern terminal' },
    ]);
  });

  it('finds no change in equal texts, and says so for spacing alone', () => {
    expect(changesIn('Same words.', 'Same words.').count).toBe(0);
    expect(describeChange([{ kind: 'inserted', text: ' ' }])).toBe('spacing changed');
  });

  it('shortens a long change when it says it', () => {
    const long = 'word '.repeat(40).trim();
    expect(describeChange([{ kind: 'deleted', text: long }])).toMatch(/^removed “(word ){15,}word…”$/);
  });
});
