import { describe, expect, it } from 'vitest';

import { apostropheBeforeDigit, curlsQuotesIn, typographicQuote } from '../../../shared/typographicQuotes';

/** `text` typed character by character, each straight quote curled as it is typed. */
function typed(text: string): string {
  let out = '';
  for (const char of text) {
    if (char === '"' || char === "'") out += typographicQuote(char, out);
    else if (/\d/u.test(char) && apostropheBeforeDigit(out)) out = `${out.slice(0, -1)}’${char}`;
    else out += char;
  }
  return out;
}

describe('typographic quotes as they are typed', () => {
  it('open after the start, a space, a bracket, a dash or an opening quote, and close after words', () => {
    expect(typed(`"The talks," she said, "went well."`)).toBe('“The talks,” she said, “went well.”');
    expect(typed(`(the 'new' era) and ["quoted"]`)).toBe('(the ‘new’ era) and [“quoted”]');
    expect(typed(`a deal—"for now"–'maybe'`)).toBe('a deal—“for now”–‘maybe’');
    expect(typed(`"She said 'no' to it."`)).toBe('“She said ‘no’ to it.”');
  });

  it('make apostrophes inside and after words, and before a year', () => {
    expect(typed(`It's the dogs' bone; rock 'n' roll`)).toBe('It’s the dogs’ bone; rock ‘n’ roll');
    expect(typed(`the '90s and the '24 election`)).toBe('the ’90s and the ’24 election');
    expect(typed(`"10 per cent" rose`)).toBe('“10 per cent” rose');
  });

  it('close an empty quotation typed as two quotes', () => {
    expect(typed(`say "" or ''`)).toBe('say “” or ‘’');
  });

  it('apply to stories in English only', () => {
    expect(['en', 'en-GB', 'EN-us'].map(curlsQuotesIn)).toEqual([true, true, true]);
    expect(['fr', 'de', 'eng', ''].map(curlsQuotesIn)).toEqual([false, false, false, false]);
  });
});
