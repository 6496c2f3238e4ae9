import { describe, expect, it } from 'vitest';

import { dictionaryForLanguage, languageName } from '../../../../shared/spelling/spellingLanguage';

describe('the dictionary a story is spelled with', () => {
  it('follows the variant of English the story names', () => {
    expect(dictionaryForLanguage('en-GB', 'en-US')).toBe('en-GB');
    expect(dictionaryForLanguage('en-US', 'en-GB')).toBe('en-US');
    expect(dictionaryForLanguage('en-PK', 'en-US')).toBe('en-GB');
    expect(dictionaryForLanguage('en-AU', 'en-US')).toBe('en-GB');
    expect(dictionaryForLanguage('en-CA', 'en-GB')).toBe('en-US');
    expect(dictionaryForLanguage('EN_gb', 'en-US')).toBe('en-GB');
  });

  it('gives plain English the person’s own variant, and American spelling when theirs says nothing', () => {
    expect(dictionaryForLanguage('en', 'en-GB')).toBe('en-GB');
    expect(dictionaryForLanguage('en', 'en-IN')).toBe('en-GB');
    expect(dictionaryForLanguage('en', 'en-US')).toBe('en-US');
    expect(dictionaryForLanguage('en', 'en')).toBe('en-US');
    expect(dictionaryForLanguage('en', 'ur-PK')).toBe('en-US');
    expect(dictionaryForLanguage('', 'en-GB')).toBe('en-GB');
  });

  it('has none for a language Copydesk has no dictionary of', () => {
    expect(dictionaryForLanguage('fr', 'en-GB')).toBeNull();
    expect(dictionaryForLanguage('ur', 'en-GB')).toBeNull();
    expect(dictionaryForLanguage('pt-BR', 'en-US')).toBeNull();
  });
});

describe('a language in words', () => {
  it('names the language, or gives the tag back when it names none', () => {
    expect(languageName('fr')).toBe('French');
    expect(languageName('pt-BR')).toBe('Brazilian Portuguese');
    expect(languageName('not a tag')).toBe('not a tag');
  });
});
