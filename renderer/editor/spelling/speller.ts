import nspell from 'nspell';

import { spellingForms, wordsToCheck, type WordToCheck } from '../../../shared/spelling/spellingWords';

/** A word of a paragraph that the dictionary does not know. */
export type Misspelling = WordToCheck;

/** A Hunspell dictionary's two files, as text. */
export type DictionaryFiles = { aff: string; dic: string };

/** How many suggestions a misspelling offers. */
export const SUGGESTIONS = 5;

/** Checks paragraphs against one dictionary; the worker holds one per dictionary loaded. */
export type Speller = {
  /** The words of `text` the dictionary does not know, in order. */
  misspellings: (text: string) => Misspelling[];
  /** Up to `limit` words `word` may have meant, closest first, with its apostrophes as typed. */
  suggest: (word: string, limit?: number) => string[];
  /** Words to know from now on and to suggest (the desk's words). */
  learn: (words: Iterable<string>) => void;
};

/** Edits between two words (a swap of neighbours counts as one): to put the likeliest suggestion first. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j += 1) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}

function sortedLetters(word: string): string {
  return Array.from(word).sort().join('');
}

export function createSpeller(files: DictionaryFiles): Speller {
  const dictionary = nspell(files.aff, files.dic);
  // A story repeats its words: each is looked up once.
  const known = new Map<string, boolean>();
  const isKnown = (lookup: string): boolean => {
    let answer = known.get(lookup);
    if (answer === undefined) {
      answer = spellingForms(lookup).some((form) => dictionary.correct(form));
      known.set(lookup, answer);
    }
    return answer;
  };

  return {
    misspellings: (text) => wordsToCheck(text).filter((word) => !isKnown(word.lookup)),
    suggest: (word, limit = SUGGESTIONS) => {
      const curly = word.includes('’');
      const lookup = word.replace(/’/g, "'");
      const [, stem] = spellingForms(lookup);
      const suffix = stem === undefined || dictionary.correct(lookup) ? '' : "'s";
      const candidates = dictionary.suggest(suffix === '' ? lookup : (stem ?? lookup)).map((found) => found + suffix);
      const folded = lookup.toLowerCase();
      const letters = sortedLetters(folded);
      return candidates
        .filter((candidate) => candidate !== lookup)
        .map((candidate, order) => {
          const other = candidate.toLowerCase();
          // The same letters in another order is the commonest slip of the fingers: "teh" is "the".
          const distance = editDistance(folded, other) * 2 - (sortedLetters(other) === letters ? 1 : 0);
          return { candidate, order, distance };
        })
        .sort((a, b) => a.distance - b.distance || a.order - b.order)
        .slice(0, limit)
        .map(({ candidate }) => (curly ? candidate.replace(/'/g, '’') : candidate));
    },
    learn: (words) => {
      for (const word of words) {
        if (dictionary.correct(word)) continue;
        dictionary.add(word);
        known.clear();
      }
    },
  };
}
