import { describe, expect, it, vi } from 'vitest';

import { countWords } from '../../../../shared/text';
import * as text from '../../../../shared/text';
import { BlockCounter, countCharacters } from '../../../../renderer/editor/bodyCounts';

const blocks = (...texts: string[]) => texts.map((value, index) => ({ key: String(index + 1), text: value }));

/** What counting the story's whole text at once gives, blocks apart as Lexical joins them. */
function whole(texts: string[]): { words: number; characters: number } {
  const all = texts.join('\n\n');
  return { words: countWords(all), characters: countCharacters(all) };
}

describe('the body counted block by block', () => {
  it('gives the counts of the whole text, through edits, new blocks and deleted ones', () => {
    const counter = new BlockCounter();
    const story = [
      'The council approved a six-month trial on Monday.',
      'Crossings cost £1,000,000 a year — 3.5% of the budget.',
      '東京で会議',
    ];
    expect(counter.count(blocks(...story))).toEqual(whole(story));

    const edited = [story[0] ?? '', `${story[1] ?? ''} Ferries run at 22:30.`, story[2] ?? ''];
    expect(counter.count(blocks(...edited))).toEqual(whole(edited));

    const shorter = [edited[0] ?? '', edited[2] ?? ''];
    expect(
      counter.count([
        { key: '1', text: shorter[0] ?? '' },
        { key: '3', text: shorter[1] ?? '' },
      ]),
    ).toEqual(whole(shorter));
  });

  it('counts again only the blocks whose text changed', () => {
    const counter = new BlockCounter();
    const edited = ['One two three.', 'Four five six.', 'Six.'];
    const expected = whole(edited);
    const spy = vi.spyOn(text, 'countWords');
    counter.count(blocks('One two three.', 'Four five.', 'Six.'));
    expect(spy).toHaveBeenCalledTimes(3);
    spy.mockClear();
    expect(counter.count(blocks(...edited))).toEqual(expected);
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy).toHaveBeenCalledWith('Four five six.');
    spy.mockRestore();
  });
});
