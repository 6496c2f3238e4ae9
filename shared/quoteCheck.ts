/**
 * Direct quotations: finding them in a text, and checking one against the snapshot of the
 * source it is attributed to. Pure: no Node or DOM APIs.
 *
 * Comparison ignores typography a copy editor may change without changing the quote: curly
 * and straight quote marks and apostrophes, dashes, the ellipsis character, white space, the
 * punctuation at either end of the quotation, and capitalisation (a quotation that opens a
 * sentence in the story may capitalise a word that was mid-sentence in the source). Every
 * other difference — a word added, dropped or changed — is a difference.
 */
import { wordDiff } from './wordDiff';

/** A direct quotation in a text: [start, end) covers its quote marks; `text` is the words inside. */
export type Quotation = { start: number; end: number; text: string };

export type QuoteDiffOp = { op: 'same' | 'added' | 'removed'; text: string };

/**
 * The verdict of a quotation against a snapshot. `passage` is [start, end) in the snapshot's
 * text: the words quoted (matches) or the closest passage (differs). `diff` goes from the
 * source's words to the quotation's: `removed` words are in the source but not the quote,
 * `added` words are in the quote but not the source.
 */
export type QuoteCheck = {
  result: 'matches' | 'differs' | 'absent';
  passage?: { start: number; end: number };
  diff?: QuoteDiffOp[];
  /** Share of the quotation's words found in order in the closest passage, 0–1. */
  similarity: number;
};

/**
 * A quotation whose closest passage shares at least this share of its words, in order, is
 * "differs" (misquoted); below it the quotation is "absent" from the source. At 0.6 a
 * ten-word quote with up to four words changed is still recognised, while a passage that
 * shares only the common words of English ("the", "of", "and") is not.
 */
export const SIMILARITY_THRESHOLD = 0.6;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Characters after which a straight or single quote mark opens a quotation rather than closes one. */
const BEFORE_OPENING = /[\s([{\u2014\u2013/-]/u;

function isOpening(text: string, index: number): boolean {
  const mark = text[index] ?? '';
  const before = index === 0 ? ' ' : (text[index - 1] ?? ' ');
  const after = text[index + 1] ?? '';
  if (mark === '“' || mark === '«' || mark === '„') return after !== '' && !/\s/u.test(after);
  // A straight quote, a straight apostrophe or ‘ opens only at the start of a word.
  return BEFORE_OPENING.test(before) && after !== '' && !/\s/u.test(after);
}

function closes(text: string, index: number, opener: string): boolean {
  const mark = text[index] ?? '';
  const before = text[index - 1] ?? '';
  const after = text[index + 1] ?? '';
  if (opener === '“' || opener === '"' || opener === '„') {
    return (mark === '”' || mark === '"' || (opener === '„' && mark === '“')) && !/\s/u.test(before);
  }
  if (opener === '«') return mark === '»';
  // Single quotes: ’ and ' are also apostrophes (Pakistan’s, rock ’n’ roll); one closes a
  // quotation only when a letter or digit is not on both sides of it.
  return (
    (mark === '’' || mark === "'") &&
    !/\s/u.test(before) &&
    !(LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after))
  );
}

/**
 * The direct quotations of a text, outermost only (a ‘quote within a quote’ is part of the
 * quotation around it), in order. Curly, straight and angle quote marks are recognised; a
 * straight or single mark opens a quotation only at the start of a word, so apostrophes are
 * not taken for quote marks. A quotation left open runs to the end of its paragraph, as a
 * quotation that continues into the next paragraph is written.
 */
export function quotationsIn(text: string): Quotation[] {
  const found: Quotation[] = [];
  const candidates = /["'“‘«„]/gu;
  let index = 0;
  while (index < text.length) {
    candidates.lastIndex = index;
    const next = candidates.exec(text);
    if (next === null) break;
    index = next.index;
    const mark = next[0];
    if (!isOpening(text, index)) {
      index += 1;
      continue;
    }
    const start = index;
    const paragraphEnd = text.indexOf('\n', start);
    const limit = paragraphEnd === -1 ? text.length : paragraphEnd;
    let end = -1;
    const closers = /["'”’»“]/gu;
    closers.lastIndex = start + 1;
    for (let close = closers.exec(text); close !== null && close.index < limit; close = closers.exec(text)) {
      if (closes(text, close.index, mark)) {
        end = close.index + 1;
        break;
      }
    }
    // A single mark never closed is more likely an apostrophe (’90s) than a quotation.
    if (end === -1 && (mark === '‘' || mark === "'")) {
      index += 1;
      continue;
    }
    const close = end === -1 ? limit : end;
    const inner = text.slice(start + 1, end === -1 ? limit : end - 1).trim();
    if (inner !== '') found.push({ start, end: close, text: inner });
    index = close;
  }
  return found;
}

/** A text with typography normalised, and for each of its UTF-16 units the offset it came from. */
type Normalised = { text: string; from: Int32Array };

const FOLD: ReadonlyMap<number, string> = new Map(
  Object.entries({
    '“': '"',
    '”': '"',
    '„': '"',
    '«': '"',
    '»': '"',
    '‘': "'",
    '’': "'",
    '‚': "'",
    '′': "'",
    '–': '-',
    '—': '-',
    '‒': '-',
    '−': '-',
    '…': '...',
  }).map(([from, to]) => [from.charCodeAt(0), to]),
);

function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Folds quote marks, apostrophes, dashes and the ellipsis to their plain forms, collapses
 * runs of white space to one space and trims, and (with `lowerCase`) lower-cases — keeping
 * for every unit of the result the offset in `text` it came from. Runs in one pass over the
 * text: a 200 kB snapshot takes a few milliseconds.
 */
function normalise(text: string, lowerCase: boolean): Normalised {
  const parts: string[] = [];
  const from = new Int32Array(text.length * 3 + 1);
  let length = 0;
  let runStart = 0;
  let lastWasSpace = true;
  const flush = (to: number) => {
    if (to > runStart) {
      const run = text.slice(runStart, to);
      const folded = lowerCase ? run.toLowerCase() : run;
      // Lower-casing keeps a run's length except for a few letters (İ); then map unit by unit.
      if (folded.length === run.length) {
        for (let index = 0; index < run.length; index += 1) from[length + index] = runStart + index;
        length += run.length;
        parts.push(folded);
      } else {
        for (let index = 0; index < run.length; index += 1) {
          const piece = lowerCase ? (run[index] ?? '').toLowerCase() : (run[index] ?? '');
          for (let unit = 0; unit < piece.length; unit += 1) from[length++] = runStart + index;
          parts.push(piece);
        }
      }
    }
  };
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const space = isSpace(code);
    const fold = space ? undefined : FOLD.get(code);
    if (!space && fold === undefined) {
      if (lastWasSpace && length > 0 && index === runStart) {
        parts.push(' ');
        from[length++] = index - 1;
      }
      lastWasSpace = false;
      continue;
    }
    flush(index);
    runStart = index + 1;
    if (space) {
      lastWasSpace = true;
      continue;
    }
    if (lastWasSpace && length > 0) {
      parts.push(' ');
      from[length++] = index - 1;
    }
    lastWasSpace = false;
    parts.push(fold ?? '');
    for (let unit = 0; unit < (fold ?? '').length; unit += 1) from[length++] = index;
  }
  flush(text.length);
  return { text: parts.join(''), from: from.subarray(0, length) };
}

/** The quotation's words without its quote marks and the punctuation at either end. */
function quoteCore(quote: string): string {
  return quote
    .replace(/^[\s"'“”‘’„«»,;:.]+/u, '')
    .replace(/[\s"'“”‘’„«»,;:]+$/u, '')
    .replace(/(?<!\.)\.$/u, '');
}

type Token = { word: string; start: number; end: number };

const WORD = /[\p{L}\p{N}]+(?:'[\p{L}\p{N}]+)*/gu;

/** The words of a normalised text, with their offsets in the text it was normalised from. */
function tokens(normalised: Normalised): Token[] {
  const found: Token[] = [];
  for (const match of normalised.text.matchAll(WORD)) {
    const last = match.index + match[0].length - 1;
    found.push({ word: match[0], start: normalised.from[match.index] ?? 0, end: (normalised.from[last] ?? 0) + 1 });
  }
  return found;
}

/** The length of the longest common subsequence of two word lists, and where it starts and ends in `b`. */
function commonWords(a: readonly string[], b: readonly string[]): { length: number; first: number; last: number } {
  // One row of the dynamic programme at a time; `firstOf` follows where the best run began in b.
  let previous = new Array<number>(b.length + 1).fill(0);
  let previousFirst = new Array<number>(b.length + 1).fill(-1);
  for (const word of a) {
    const row = new Array<number>(b.length + 1).fill(0);
    const rowFirst = new Array<number>(b.length + 1).fill(-1);
    for (let j = 1; j <= b.length; j += 1) {
      if (b[j - 1] === word) {
        row[j] = (previous[j - 1] ?? 0) + 1;
        rowFirst[j] = (previous[j - 1] ?? 0) === 0 ? j - 1 : (previousFirst[j - 1] ?? -1);
      } else if ((previous[j] ?? 0) >= (row[j - 1] ?? 0)) {
        row[j] = previous[j] ?? 0;
        rowFirst[j] = previousFirst[j] ?? -1;
      } else {
        row[j] = row[j - 1] ?? 0;
        rowFirst[j] = rowFirst[j - 1] ?? -1;
      }
    }
    previous = row;
    previousFirst = rowFirst;
  }
  const length = previous[b.length] ?? 0;
  // The last word of b that the common subsequence uses: the first column reaching the full length.
  let last = b.length;
  while (last > 0 && (previous[last - 1] ?? 0) === length) last -= 1;
  return { length, first: previousFirst[b.length] ?? -1, last: last - 1 };
}

/**
 * Checks a direct quotation against the text of its source's snapshot: "matches" when the
 * quotation's words appear verbatim (after normalising typography; the parts of a quotation
 * cut with an ellipsis must appear in order), "differs" with a word diff when a passage shares
 * at least {@link SIMILARITY_THRESHOLD} of its words in order, else "absent".
 */
export function checkQuote(quote: string, snapshotText: string): QuoteCheck {
  const core = normalise(quoteCore(quote), true).text;
  if (core === '') return { result: 'absent', similarity: 0 };
  const snapshot = normalise(snapshotText, true);

  const fragments = core
    .split(/\s*\.\.\.\s*/u)
    .map((fragment) => fragment.trim())
    .filter((fragment) => fragment !== '');
  let cursor = 0;
  let first = -1;
  let allFound = fragments.length > 0;
  for (const fragment of fragments) {
    const at = snapshot.text.indexOf(fragment, cursor);
    if (at === -1) {
      allFound = false;
      break;
    }
    if (first === -1) first = at;
    cursor = at + fragment.length;
  }
  if (allFound && first !== -1) {
    const start = snapshot.from[first] ?? 0;
    const end = (snapshot.from[cursor - 1] ?? start) + 1;
    return { result: 'matches', passage: { start, end }, similarity: 1 };
  }

  const quoteWords = tokens(normalise(core, true)).map((token) => token.word);
  const sourceTokens = tokens(snapshot);
  if (quoteWords.length === 0 || sourceTokens.length === 0) return { result: 'absent', similarity: 0 };

  // Slide a window as long as the quotation over the source, counting the quotation's words
  // it holds (as a multiset); the best window is then compared word by word.
  const n = quoteWords.length;
  const wanted = new Map<string, number>();
  for (const word of quoteWords) wanted.set(word, (wanted.get(word) ?? 0) + 1);
  const held = new Map<string, number>();
  let overlap = 0;
  let best = -1;
  let bestAt = 0;
  const add = (word: string, delta: 1 | -1) => {
    const want = wanted.get(word);
    if (want === undefined) return;
    const before = held.get(word) ?? 0;
    const after = before + delta;
    held.set(word, after);
    overlap += Math.min(after, want) - Math.min(before, want);
  };
  for (let index = 0; index < sourceTokens.length; index += 1) {
    add(sourceTokens[index]?.word ?? '', 1);
    if (index >= n) add(sourceTokens[index - n]?.word ?? '', -1);
    if (overlap > best) {
      best = overlap;
      bestAt = Math.max(0, index - n + 1);
    }
  }

  const margin = Math.ceil(n / 3) + 2;
  const from = Math.max(0, bestAt - margin);
  const to = Math.min(sourceTokens.length, bestAt + n + margin);
  const window = sourceTokens.slice(from, to);
  const common = commonWords(
    quoteWords,
    window.map((token) => token.word),
  );
  if (common.length === 0 || common.first < 0) return { result: 'absent', similarity: 0 };
  const firstToken = window[common.first];
  const lastToken = window[common.last];
  if (firstToken === undefined || lastToken === undefined) return { result: 'absent', similarity: 0 };
  const passageWords = common.last - common.first + 1;
  const similarity = common.length / Math.max(n, passageWords);
  if (similarity < SIMILARITY_THRESHOLD) return { result: 'absent', similarity };

  const passage = { start: firstToken.start, end: lastToken.end };
  const readable = (text: string) => normalise(text, false).text;
  const diff = wordDiff(readable(snapshotText.slice(passage.start, passage.end)), readable(quoteCore(quote)), {
    ignoreCase: true,
  });
  return {
    result: 'differs',
    passage,
    similarity,
    diff: (diff?.parts ?? []).map((part) => ({
      op: part.kind === 'inserted' ? 'added' : part.kind === 'deleted' ? 'removed' : 'same',
      text: part.text,
    })),
  };
}
