import fs from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { createSpeller, editDistance, type Speller } from '../../../../../renderer/editor/spelling/speller';

const ROOT = path.join(__dirname, '..', '..', '..', '..', '..');

/** The dictionary the app ships, read from the package the build takes it from. */
function speller(name: 'dictionary-en' | 'dictionary-en-gb'): Speller {
  const file = (ext: string) => fs.readFileSync(path.join(ROOT, 'node_modules', name, `index.${ext}`), 'utf8');
  return createSpeller({ aff: file('aff'), dic: file('dic') });
}

let american: Speller;
let british: Speller;
beforeAll(() => {
  american = speller('dictionary-en');
  british = speller('dictionary-en-gb');
});

const misspelled = (checker: Speller, text: string) => checker.misspellings(text).map((found) => found.word);

describe('a dictionary’s misspellings', () => {
  it('underlines only the words the dictionary does not know, where they stand', () => {
    const text = 'The council recieved the report on Tuesday.';
    const [found] = american.misspellings(text);
    expect(american.misspellings(text)).toHaveLength(1);
    expect(found).toMatchObject({ word: 'recieved', start: 12, end: 20 });
  });

  it('spells each variant of English its own way', () => {
    const text = 'The harbour’s colour; the color of the harbor.';
    expect(misspelled(british, text)).toEqual(['color', 'harbor']);
    expect(misspelled(american, text)).toEqual(['harbour’s', 'colour']);
  });

  it('knows contractions and possessives with either apostrophe', () => {
    expect(misspelled(american, "It’s the council’s ferry; they’re sure it won't sail and didn’t.")).toEqual([]);
  });

  it('ignores addresses, figures, abbreviations and hyphens the way a reporter writes them', () => {
    expect(
      misspelled(
        american,
        'NATO said at 9.30am on 21st March, at https://example.org/ferrys, that a well-known ferri ran.',
      ),
    ).toEqual(['ferri']);
  });

  it('learns the desk’s words, and suggests them', () => {
    const checker = speller('dictionary-en');
    expect(misspelled(checker, 'Okafor and Okafor’s ferry')).toEqual(['Okafor', 'Okafor’s']);
    checker.learn(['Okafor']);
    expect(misspelled(checker, 'Okafor and Okafor’s ferry')).toEqual([]);
    expect(checker.suggest('Okafr')).toContain('Okafor');
  });
});

describe('suggestions', () => {
  it('offers at most five, the likeliest first', () => {
    expect(american.suggest('recieved')[0]).toBe('received');
    expect(american.suggest('tommorow')[0]).toBe('tomorrow');
    expect(american.suggest('teh')[0]).toBe('the');
    expect(american.suggest('closd')).toContain('closed');
    expect(american.suggest('closd').length).toBeLessThanOrEqual(5);
  });

  it('keeps the apostrophe as it was typed, and a possessive’s ’s', () => {
    expect(american.suggest('goverment’s')).toContain('government’s');
    expect(american.suggest("goverment's")).toContain("government's");
  });
});

describe('the distance between two words', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(editDistance('teh', 'the')).toBe(1);
    expect(editDistance('closd', 'closed')).toBe(1);
    expect(editDistance('', 'ferry')).toBe(5);
    expect(editDistance('ferry', 'ferry')).toBe(0);
  });
});
