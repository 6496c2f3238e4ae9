/** How the person asked to search the story. */
export type FindOptions = { matchCase: boolean; wholeWords: boolean };

/** Where a match lies in a text: [start, end), in UTF-16 code units as strings count them. */
export type TextSpan = { start: number; end: number };

const LETTER_OR_DIGIT = /^[\p{L}\p{M}\p{N}]$/u;
/** An apostrophe between two letters belongs to the word: don't, O’Brien, l’État. */
const APOSTROPHES = new Set(["'", '’', 'ʼ']);

/** Whether a character is part of a word: a letter, digit or mark of any script. */
export function isLetterOrDigit(character: string | undefined): boolean {
  return character !== undefined && LETTER_OR_DIGIT.test(character);
}

/** The character (a whole code point) that ends just before `index`. */
function characterBefore(text: string, index: number): string | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && index >= 2 ? index - 2 : index - 1;
  return String.fromCodePoint(text.codePointAt(start) ?? low);
}

/** The character (a whole code point) that starts at `index`. */
function characterAt(text: string, index: number): string | undefined {
  const code = text.codePointAt(index);
  return code === undefined ? undefined : String.fromCodePoint(code);
}

/** Whether the character ending at `index` is part of a word (a letter, digit, mark, or an apostrophe inside a word). */
function wordBefore(text: string, index: number): boolean {
  const character = characterBefore(text, index);
  if (character === undefined) return false;
  if (!APOSTROPHES.has(character)) return isLetterOrDigit(character);
  return isLetterOrDigit(characterBefore(text, index - 1)) && isLetterOrDigit(characterAt(text, index));
}

/** Whether the character starting at `index` is part of a word. */
function wordAt(text: string, index: number): boolean {
  const character = characterAt(text, index);
  if (character === undefined) return false;
  if (!APOSTROPHES.has(character)) return isLetterOrDigit(character);
  return isLetterOrDigit(characterBefore(text, index)) && isLetterOrDigit(characterAt(text, index + 1));
}

function escapeForPattern(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/**
 * Every place `query` occurs in `text`, first to last, none overlapping the one before (as a
 * replacement would take them: "aa" in "aaaa" is found twice). Ignoring case follows Unicode's
 * simple case folding, so it holds for every script (Σ, σ and ς alike). With `wholeWords` a
 * match may not continue a word on either side, where words are letters, digits and marks of
 * any script, with an apostrophe inside a word part of it: "café" is not found in "cafés",
 * nor "Brien" in "O’Brien", but "reporters" is in "the reporters’ notes". An edge of the query
 * that is not a letter ("U.S.") needs no boundary there. Line breaks never match.
 */
export function findMatches(text: string, query: string, options: FindOptions): TextSpan[] {
  if (query === '' || /[\n\r]/.test(query)) return [];
  const pattern = new RegExp(escapeForPattern(query), options.matchCase ? 'gu' : 'giu');
  const first = characterAt(query, 0);
  const last = characterBefore(query, query.length);
  const boundedStart = options.wholeWords && isLetterOrDigit(first);
  const boundedEnd = options.wholeWords && isLetterOrDigit(last);

  const spans: TextSpan[] = [];
  for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
    const start = found.index;
    const end = start + found[0].length;
    if ((boundedStart && wordBefore(text, start)) || (boundedEnd && wordAt(text, end))) {
      // Not a whole word here: look again from the next character, which may start one.
      pattern.lastIndex = start + (characterAt(text, start)?.length ?? 1);
      continue;
    }
    spans.push({ start, end });
  }
  return spans;
}
