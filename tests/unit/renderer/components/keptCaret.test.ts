import { describe, expect, it } from 'vitest';

import { caretAfter } from '../../../../renderer/components/useKeptCaret';

describe('the caret in a headline someone else changes', () => {
  const headline = 'Ferry delayed';
  it('stays before a change made after it, and moves with one made before it', () => {
    // The caret after "Ferry" (5); another person appends " again".
    expect(caretAfter(headline, 'Ferry delayed again', 5)).toBe(5);
    // They put "Night " in front: the caret keeps to "Ferry|".
    expect(caretAfter(headline, 'Night Ferry delayed', 5)).toBe(11);
    // They take "Ferry " out, before a caret at the end.
    expect(caretAfter(headline, 'delayed', headline.length)).toBe(7);
  });

  it('goes to the end of what replaced the words it was in', () => {
    expect(caretAfter('Ferry late today', 'Ferry delayed today', 8)).toBe(13);
  });
});
