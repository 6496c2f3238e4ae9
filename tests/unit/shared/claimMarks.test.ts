import { describe, expect, it } from 'vitest';

import { claimWordsChanged, comparableClaimWords } from '../../../shared/claimMarks';

describe('claimWordsChanged', () => {
  it.each([
    ['straight for curly quotes', '“We will rebuild,” she said', '"We will rebuild," she said'],
    ['a typographic apostrophe', 'Pakistan’s foreign ministry', "Pakistan's foreign ministry"],
    ['guillemets', '«Nous reconstruirons»', '"Nous reconstruirons"'],
    ['a doubled space', 'killed over 140 people', 'killed over  140 people'],
    ['a line break and a no-break space', 'killed over 140\npeople', 'killed over\u00a0140 people'],
    ['space at either end', ' killed over 140 people ', 'killed over 140 people'],
    ['an en dash for a hyphen', '2020-21 budget', '2020–21 budget'],
    ['an ellipsis character', 'We will… rebuild', 'We will... rebuild'],
    ['a soft hyphen and a zero-width space', 'counter\u00adterrorism\u200b', 'counterterrorism'],
    ['composed and decomposed accents', 'Zürich', 'Zu\u0308rich'],
  ])('is not changed by %s', (_what, before, now) => {
    expect(claimWordsChanged(before, now)).toBe(false);
  });

  it.each([
    ['a figure', 'killed over 140 people', 'killed over 145 people'],
    ['a word', '“We will rebuild every school”', '“We will rebuild some schools”'],
    ['a word dropped', 'the ministry said in a statement', 'the ministry said'],
    ['a letter’s case', 'the US said', 'the us said'],
    ['a space inside a word', 'counterterrorism', 'counter terrorism'],
    ['punctuation', 'He said no.', 'He said no?'],
    ['quote marks added', 'We will rebuild', '“We will rebuild”'],
  ])('is changed by %s', (_what, before, now) => {
    expect(claimWordsChanged(before, now)).toBe(true);
  });

  it('folds typography to one plain form and leaves the words alone', () => {
    expect(comparableClaimWords('  “Over 140” — officials’ count…\n')).toBe('"Over 140" - officials\' count...');
  });
});
