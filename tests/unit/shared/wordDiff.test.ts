import { describe, expect, it } from 'vitest';

import { articleDiff, describeDiff, wordDiff } from '../../../shared/wordDiff';

describe('wordDiff', () => {
  it('marks the words only in the kept version as deleted and the ones only in the current text as inserted', () => {
    const diff = wordDiff(
      'The council approved the trial on Monday.',
      'The council approved the trial on Tuesday. Residents cheered.',
    );
    expect(diff).not.toBeNull();
    expect(diff?.parts).toEqual([
      { kind: 'same', text: 'The council approved the trial on ' },
      { kind: 'deleted', text: 'Monday' },
      { kind: 'inserted', text: 'Tuesday' },
      { kind: 'same', text: '.' },
      { kind: 'inserted', text: ' Residents cheered.' },
    ]);
    expect(diff?.inserted).toBe(3);
    expect(diff?.deleted).toBe(1);
  });

  it('keeps paragraph breaks in the text it shows', () => {
    const diff = wordDiff('One.\n\nTwo.', 'One.\n\nTwo and three.');
    expect(diff?.parts.map((part) => part.text).join('')).toContain('\n\n');
  });

  it('has nothing to mark when the texts are the same', () => {
    expect(wordDiff('Same text.', 'Same text.')).toEqual({
      parts: [{ kind: 'same', text: 'Same text.' }],
      inserted: 0,
      deleted: 0,
    });
    expect(wordDiff('', '')).toEqual({ parts: [], inserted: 0, deleted: 0 });
  });
});

describe('articleDiff', () => {
  it('compares headline, dek and body and adds up the words', () => {
    const diff = articleDiff(
      { headline: 'Ferry trial', dek: '', bodyText: 'Crossings start in May.' },
      { headline: 'Ferry trial at night', dek: 'A six-month trial.', bodyText: 'Crossings start in June.' },
    );
    expect(diff.inserted).toBe(2 + 3 + 1);
    expect(diff.deleted).toBe(1);
    expect(describeDiff(diff)).toBe('6 words added and 1 word removed since this version');
  });
});

describe('describeDiff', () => {
  it('says what changed in words', () => {
    expect(describeDiff({ inserted: 0, deleted: 0 })).toBe('No word changes');
    expect(describeDiff({ inserted: 1, deleted: 0 })).toBe('1 word added since this version');
    expect(describeDiff({ inserted: 0, deleted: 4 })).toBe('4 words removed since this version');
  });
});
