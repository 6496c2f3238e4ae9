/**
 * Which words of a paragraph a spelling dictionary is asked about, and in what form. Pure text
 * functions: the editor's checker (in a worker) and the benchmark share them.
 */

/** A word of a paragraph, where it stands in it, and the form the dictionary is asked about. */
export type WordToCheck = {
  start: number;
  end: number;
  /** The word as the paragraph has it ("Okafor’s"). */
  word: string;
  /** The word with typographic apostrophes made straight, as dictionaries spell it ("Okafor's"). */
  lookup: string;
};

/** A run of characters between spaces: a word, or a web address, a handle, a figure. */
const CHUNK = /\S+/gu;
/** Letters, with apostrophes inside (don’t, O’Brien); hyphens and other signs end a word. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** A web address, an email, a handle or a hashtag: never a word to check. */
const ADDRESS = /^\W*(?:[a-z][a-z\d+.-]*:\/\/|www\.|mailto:|[@#])|@/iu;
/** A dot between letters or digits: a domain (arabnews.com), a file name, U.S., e.g., 3.5. */
const DOTTED = /[\p{L}\p{N}]\.[\p{L}\p{N}]/u;
/** Only Latin letters (and apostrophes): a word in another script is not this dictionary's to judge. */
const LATIN = /^[\p{Script=Latin}\p{M}'’]+$/u;
/** NATO, TK, BBC, MPs, CEOs: abbreviations, which no dictionary lists in full. */
const ABBREVIATION = /^\p{Lu}{2,}(?:s|['’]s)?$/u;
const DIGIT = /\p{N}/u;

/** Typographic apostrophes as dictionaries write them (straight). */
export function straightApostrophes(word: string): string {
  return word.replace(/’/g, "'");
}

/**
 * The words of `text` a dictionary should judge, in order. Left out: web addresses, emails,
 * handles and hashtags, dotted forms (domains, U.S., 3.5), words with digits (1990s, 21st),
 * abbreviations in capitals (NATO, MPs), single letters, and words in a script other than
 * Latin. A hyphenated word is judged part by part (well-known: well, known).
 */
export function wordsToCheck(text: string): WordToCheck[] {
  const words: WordToCheck[] = [];
  for (const chunk of text.matchAll(CHUNK)) {
    const whole = chunk[0];
    if (ADDRESS.test(whole) || DOTTED.test(whole)) continue;
    for (const match of whole.matchAll(WORD)) {
      const word = match[0];
      if (word.length < 2 || DIGIT.test(word) || ABBREVIATION.test(word) || !LATIN.test(word)) continue;
      const start = chunk.index + match.index;
      words.push({ start, end: start + word.length, word, lookup: straightApostrophes(word) });
    }
  }
  return words;
}

/**
 * The forms a word is accepted in: itself, and for a possessive ("Okafor's") the name it is
 * made from, so a name known to the desk is known with its 's too.
 */
export function spellingForms(lookup: string): string[] {
  return lookup.length > 3 && lookup.endsWith("'s") ? [lookup, lookup.slice(0, -2)] : [lookup];
}
