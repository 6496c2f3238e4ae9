/**
 * Typographic quotes as a person types: which curly quote a straight one becomes, from the
 * character before it. English rules: “double” and ‘single’ quotes, and the apostrophe (’),
 * which is the same character as the closing single quote.
 */

export type StraightQuote = '"' | "'";

/** After these a quote opens: the start of a line, a space, an opening bracket, a dash or slash, another opening quote. */
const OPENS_AFTER = /[\s([{<\u2014\u2013\-/\u201c\u2018\u00ab]$/u;

/** The quote the story gets for a straight `quote` typed after `before` (the text of the paragraph up to the caret). */
export function typographicQuote(quote: StraightQuote, before: string): string {
  const previous = before.slice(-1);
  // Two in a row ("" or '') are an empty quotation: the second closes it.
  const opening = before === '' || (OPENS_AFTER.test(before) && previous !== (quote === '"' ? '\u201c' : '\u2018'));
  if (quote === '"') return opening ? '\u201c' : '\u201d';
  return opening ? '\u2018' : '\u2019';
}

/**
 * True when an opening single quote just typed at the end of `before` is really an apostrophe
 * because a digit follows it: "’90s", "the ’24 election".
 */
export function apostropheBeforeDigit(before: string): boolean {
  return /(?:^|[\s([{\u2014\u2013])\u2018$/u.test(before);
}

/** Straight quotes are curled in stories in these languages (English: "en", "en-GB"…). */
export function curlsQuotesIn(language: string): boolean {
  return /^en(?:-|$)/iu.test(language.trim());
}
