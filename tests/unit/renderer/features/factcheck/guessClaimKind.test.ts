import { describe, expect, it } from 'vitest';

import { guessClaimKind } from '../../../../../renderer/features/factcheck/guessClaimKind';

/** The context of `words` where they first occur in `paragraph`, as the editor gives it. */
function selected(paragraph: string, words: string) {
  const start = paragraph.indexOf(words);
  if (start < 0) throw new Error(`“${words}” is not in the paragraph`);
  return { paragraph, start, end: start + words.length };
}

const CURLY = 'The mayor said: “We will rebuild every school in the valley,” and left.';
const STRAIGHT = 'The mayor said: "We will rebuild every school in the valley," and left.';
const SINGLE = 'She called it ‘a crisis of 140 schools’ on Friday.';

describe('guessClaimKind', () => {
  it.each([
    ['curly quotes, the marks selected', CURLY, '“We will rebuild every school in the valley,”'],
    ['curly quotes, the words alone', CURLY, 'We will rebuild every school in the valley'],
    ['curly quotes, a few words inside', CURLY, 'rebuild every school'],
    ['straight quotes, the marks selected', STRAIGHT, '"We will rebuild every school in the valley,"'],
    ['straight quotes, the words alone', STRAIGHT, 'We will rebuild every school'],
    ['single quotes around a figure', SINGLE, 'a crisis of 140 schools'],
    ['the closing mark and not the opening one', CURLY, 'every school in the valley,”'],
  ])('takes words inside quotation marks for a quote: %s', (_how, paragraph, words) => {
    expect(guessClaimKind(words, selected(paragraph, words))).toBe('quote');
  });

  it('reads the words around the selection, not only the selection', () => {
    // Without the paragraph these words look like a plain assertion.
    expect(guessClaimKind('rebuild every school')).toBe('other');
  });

  it('does not take words outside the quotation, or ones running out of it, for a quote', () => {
    expect(guessClaimKind('The mayor said', selected(CURLY, 'The mayor said'))).toBe('attribution');
    expect(guessClaimKind('valley,” and left', selected(CURLY, 'valley,” and left'))).toBe('other');
    // An apostrophe is no quotation mark.
    const possessive = 'The council’s budget rose by 12% in 2025.';
    expect(guessClaimKind('rose by 12%', selected(possessive, 'rose by 12%'))).toBe('figure');
  });

  it('keeps its other guesses', () => {
    expect(guessClaimKind('“Over 140 died”')).toBe('quote');
    expect(guessClaimKind('the ministry said in a statement')).toBe('attribution');
    expect(guessClaimKind('on Mar. 22, 2024')).toBe('date');
    expect(guessClaimKind('killed over 140 people')).toBe('figure');
    expect(guessClaimKind('talks resumed')).toBe('other');
  });
});
