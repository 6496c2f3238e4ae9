import { describe, expect, it } from 'vitest';

import { ParagraphChecks, type SpellingTransport } from '../../../../../renderer/editor/spelling/paragraphChecks';
import type { Misspelling } from '../../../../../renderer/editor/spelling/speller';
import type { DictionaryId } from '../../../../../shared/spelling/spellingLanguage';

/** A checker that calls every word of "x"s misspelled, and records what it was asked. */
function countingTransport(): SpellingTransport & { asked: string[][] } {
  const asked: string[][] = [];
  const misspellings = (text: string): Misspelling[] =>
    [...text.matchAll(/x+/g)].map((match) => ({
      start: match.index,
      end: match.index + match[0].length,
      word: match[0],
      lookup: match[0],
    }));
  return {
    asked,
    check: (_dictionary: DictionaryId, paragraphs: string[]) => {
      asked.push(paragraphs);
      return Promise.resolve(paragraphs.map(misspellings));
    },
    suggest: () => Promise.resolve([]),
    learn: () => undefined,
  };
}

describe('paragraphs checked by their text', () => {
  it('checks a story once, then only the paragraph a one-word change touched', async () => {
    const transport = countingTransport();
    const checks = new ParagraphChecks(transport);
    const story = ['The ferry xx sailed.', 'Winds rose.', 'Ferries stayed in port.'];
    const first = await checks.check('en-GB', story);
    expect(first.map((found) => found.map((word) => word.word))).toEqual([['xx'], [], []]);
    expect(transport.asked).toEqual([story]);

    const edited = ['The ferry xx sailed.', 'Winds xxx rose.', 'Ferries stayed in port.'];
    const second = await checks.check('en-GB', edited);
    expect(second[1]?.map((word) => word.word)).toEqual(['xxx']);
    expect(transport.asked).toEqual([story, ['Winds xxx rose.']]);
  });

  it('checks a paragraph again under another dictionary', async () => {
    const transport = countingTransport();
    const checks = new ParagraphChecks(transport);
    await checks.check('en-GB', ['The colour.']);
    await checks.check('en-US', ['The colour.']);
    expect(transport.asked).toEqual([['The colour.'], ['The colour.']]);
  });

  it('asks once for a paragraph that repeats, or is asked for again while its check is under way', async () => {
    const transport = countingTransport();
    const checks = new ParagraphChecks(transport);
    const [a, b] = await Promise.all([
      checks.check('en-GB', ['Same xx.', 'Same xx.']),
      checks.check('en-GB', ['Same xx.']),
    ]);
    expect(transport.asked).toEqual([['Same xx.']]);
    expect(a).toHaveLength(2);
    expect(b[0]?.[0]?.word).toBe('xx');
  });

  it('forgets the paragraphs used longest ago when it holds too many', async () => {
    const transport = countingTransport();
    const checks = new ParagraphChecks(transport, 2);
    await checks.check('en-GB', ['one', 'two']);
    await checks.check('en-GB', ['one']);
    await checks.check('en-GB', ['three']);
    await checks.check('en-GB', ['one', 'two']);
    expect(transport.asked).toEqual([['one', 'two'], ['three'], ['two']]);
  });

  it('passes a failed check on, and tries the paragraphs again next time', async () => {
    let fail = true;
    const transport = countingTransport();
    const checks = new ParagraphChecks({
      ...transport,
      check: (dictionary, paragraphs) =>
        fail
          ? Promise.reject(new Error('The spelling dictionary could not be read (404).'))
          : transport.check(dictionary, paragraphs),
    });
    await expect(checks.check('en-GB', ['A xx.'])).rejects.toThrow('could not be read');
    fail = false;
    expect((await checks.check('en-GB', ['A xx.']))[0]?.map((word) => word.word)).toEqual(['xx']);
  });
});
