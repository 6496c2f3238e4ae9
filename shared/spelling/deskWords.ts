import { z } from 'zod';

import { problemCheck } from '../errors';
import { spellingForms, straightApostrophes } from './spellingWords';

/**
 * The desk's words: names of people and places the desk writes often, which no dictionary
 * lists. The library keeps them; every story's spelling accepts them.
 */

export const DESK_WORD_MAX_CHARACTERS = 60;
/** A name of a few words ("Shehbaz Sharif", "Port Ellis"); more is a phrase, not a name. */
export const DESK_WORD_MAX_WORDS = 4;
/** How many words a desk keeps: far more than any desk needs, far fewer than a dictionary. */
export const DESK_WORDS_MAX = 20_000;

const ALLOWED = /^[\p{L}\p{M}'’.\- ]+$/u;

/** Why `word` (trimmed, its spaces single) cannot be a desk word, in a sentence; null when it can. */
export function deskWordProblem(word: string): string | null {
  if (word === '') return 'Give the word to add to the desk’s words.';
  if (/[\p{Cc}\p{Cf}]/u.test(word)) return 'A desk word cannot hold control characters.';
  if (word.length > DESK_WORD_MAX_CHARACTERS) {
    return `A desk word is at most ${DESK_WORD_MAX_CHARACTERS} characters: a name, not a sentence.`;
  }
  if (word.split(' ').length > DESK_WORD_MAX_WORDS) {
    return `A desk word is one word, or a name of up to ${DESK_WORD_MAX_WORDS} words such as “Shehbaz Sharif”.`;
  }
  if (!ALLOWED.test(word) || !/\p{L}/u.test(word)) {
    return 'A desk word is made of letters, with apostrophes, hyphens or full stops inside: figures and signs are never underlined.';
  }
  return null;
}

/** Spaces as one: "Port  Ellis" is the name "Port Ellis". */
function singleSpaces(word: string): string {
  return word.replace(/[ \t\u00a0]+/gu, ' ');
}

/** A word (or name of a few words) to keep as the desk's: trimmed, refused with a sentence when it cannot be one. */
export const DeskWordSchema = z.string().trim().overwrite(singleSpaces).check(problemCheck(deskWordProblem));

/**
 * The words a spelling check accepts because the desk keeps them: each word of every name
 * ("Shehbaz Sharif" gives Shehbaz and Sharif), with straight apostrophes.
 */
export type DeskWordSet = ReadonlySet<string>;

export function deskWordSet(words: Iterable<string>): DeskWordSet {
  const set = new Set<string>();
  for (const entry of words) {
    for (const part of straightApostrophes(entry).split(/[^\p{L}\p{M}']+/u)) {
      const word = part.replace(/^'+|'+$/g, '');
      if (word !== '') set.add(word);
    }
  }
  return set;
}

/**
 * Whether the desk's words accept `lookup` (straight apostrophes): as kept ("Okafor"), with its
 * 's ("Okafor's"), and in capitals at the start of a sentence for a word kept in lower case
 * ("hijab" accepts "Hijab"). A name kept with capitals is not accepted in lower case.
 */
export function deskWordsAccept(set: DeskWordSet, lookup: string): boolean {
  return spellingForms(lookup).some((form) => set.has(form) || set.has(form.toLowerCase()));
}
