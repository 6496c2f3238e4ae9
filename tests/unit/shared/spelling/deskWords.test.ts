import { describe, expect, it } from 'vitest';

import { DeskWordSchema, deskWordSet, deskWordsAccept } from '../../../../shared/spelling/deskWords';

const problem = (word: unknown) => {
  const parsed = DeskWordSchema.safeParse(word);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? '');
};

describe('a desk word', () => {
  it('is a word or a name of a few words, trimmed, with single spaces', () => {
    expect(DeskWordSchema.parse('  Okafor ')).toBe('Okafor');
    expect(DeskWordSchema.parse('Shehbaz   Sharif')).toBe('Shehbaz Sharif');
    expect(DeskWordSchema.parse('O’Brien')).toBe('O’Brien');
    expect(DeskWordSchema.parse('Al-Jazeera')).toBe('Al-Jazeera');
    expect(DeskWordSchema.parse('St. Helier')).toBe('St. Helier');
  });

  it('is refused, with a sentence, when it is empty, too long, holds control characters or is a phrase', () => {
    expect(problem('')).toBe('Give the word to add to the desk’s words.');
    expect(problem('   ')).toBe('Give the word to add to the desk’s words.');
    expect(problem('x'.repeat(61))).toBe('A desk word is at most 60 characters: a name, not a sentence.');
    expect(problem('Oka\u0000for')).toBe('A desk word cannot hold control characters.');
    expect(problem('Oka\u200bfor')).toBe('A desk word cannot hold control characters.');
    expect(problem('the mayor of the port city')).toBe(
      'A desk word is one word, or a name of up to 4 words such as “Shehbaz Sharif”.',
    );
    expect(problem('<b>Okafor</b>')).toMatch(/^A desk word is made of letters/);
    expect(problem('2024')).toMatch(/^A desk word is made of letters/);
    expect(problem(42)).not.toBeNull();
  });
});

describe('the words the desk’s words accept', () => {
  const set = deskWordSet(['Okafor', 'Shehbaz Sharif', 'O’Brien', 'hijab', 'Al-Jazeera']);

  it('accepts each word of a name, with its possessive', () => {
    for (const word of ['Okafor', "Okafor's", 'Shehbaz', 'Sharif', "O'Brien", 'Jazeera']) {
      expect(deskWordsAccept(set, word), word).toBe(true);
    }
  });

  it('accepts a word kept in lower case at the start of a sentence, but not a name in lower case', () => {
    expect(deskWordsAccept(set, 'Hijab')).toBe(true);
    expect(deskWordsAccept(set, 'okafor')).toBe(false);
    expect(deskWordsAccept(set, 'Okafr')).toBe(false);
  });
});
