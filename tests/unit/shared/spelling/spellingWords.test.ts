import { describe, expect, it } from 'vitest';

import { spellingForms, wordsToCheck } from '../../../../shared/spelling/spellingWords';

const words = (text: string) => wordsToCheck(text).map((word) => word.word);

describe('the words a dictionary is asked about', () => {
  it('finds each word where it stands, apostrophes made straight for the lookup', () => {
    const text = "Okafor’s ferry didn't sail.";
    const found = wordsToCheck(text);
    expect(found.map((word) => [word.word, word.lookup, text.slice(word.start, word.end)])).toEqual([
      ['Okafor’s', "Okafor's", 'Okafor’s'],
      ['ferry', 'ferry', 'ferry'],
      ["didn't", "didn't", "didn't"],
      ['sail', 'sail', 'sail'],
    ]);
  });

  it('keeps quotation marks and a plural’s apostrophe out of the word', () => {
    expect(words("‘Stay,’ she said. The councils’ votes and the 'night ferry'.")).toEqual([
      'Stay',
      'she',
      'said',
      'The',
      'councils',
      'votes',
      'and',
      'the',
      'night',
      'ferry',
    ]);
  });

  it('judges a hyphenated word part by part', () => {
    expect(words('a well-known, long-running trial')).toEqual(['well', 'known', 'long', 'running', 'trial']);
  });

  it('leaves out figures and words with digits', () => {
    expect(words('On Mar. 22, 2024 the 21st ferry, in the 1990s, cost £3.5m')).toEqual([
      'On',
      'Mar',
      'the',
      'ferry',
      'in',
      'the',
      'cost',
    ]);
  });

  it('leaves out web addresses, emails, handles, hashtags and domains', () => {
    expect(
      words(
        'See https://example.org/ferrys-timtable, www.portellis.gov, arabnews.com, desk@paper.co, @okafr and #ferrys now',
      ),
    ).toEqual(['See', 'and', 'now']);
  });

  it('leaves out abbreviations in capitals, with their plurals', () => {
    expect(words('NATO told MPs and the BBC’s TK reporter; CEOs agreed')).toEqual([
      'told',
      'and',
      'the',
      'reporter',
      'agreed',
    ]);
  });

  it('leaves out single letters and words in other scripts', () => {
    expect(words('Plan B: the شہباز وزیراعظم and Ελλάδα said')).toEqual(['Plan', 'the', 'and', 'said']);
  });

  it('checks accented Latin words', () => {
    expect(words('The café in Zürich')).toEqual(['The', 'café', 'in', 'Zürich']);
  });
});

describe('the forms a word is accepted in', () => {
  it('is the word itself, and for a possessive the name it is made from', () => {
    expect(spellingForms('ferry')).toEqual(['ferry']);
    expect(spellingForms("Okafor's")).toEqual(["Okafor's", 'Okafor']);
    expect(spellingForms("I's")).toEqual(["I's"]);
  });
});
