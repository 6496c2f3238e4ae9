/**
 * The words an article is about, as related-article scoring counts them: lower-cased letters
 * (with inner apostrophes and hyphens), at least three long, without function words, numbers
 * or the verbs of attribution every story has ("said", "told").
 */

const STOPWORDS = new Set(
  `a about above across after again against all almost alone along already also although always am among an and
  another any anybody anyone anything anywhere are aren't around as at be became because become becomes been before
  being below besides between both but by can cannot can't could couldn't did didn't do does doesn't doing done
  don't down during each either else enough even ever every everyone everything few for from further get gets
  getting given gives go goes going gone got had hadn't has hasn't have haven't having he he'd he'll her here hers
  herself he's him himself his how however i i'd if i'll i'm in into is isn't it its it's itself i've just last
  least less let let's like likely made make makes making many may me might mine more most mostly much must my
  myself neither never next no nobody none nor not nothing now of off often on once one only onto or other others
  otherwise our ours ourselves out over own per perhaps put quite rather really said same say saying says see seen
  several shall she she'd she'll she's should shouldn't since so some somebody someone something sometimes still
  such take taken than that that's the their theirs them themselves then there there's these they they'd they'll
  they're they've this those though through thus till to together told too toward towards under unless until up
  upon us use used using very via want wanted was wasn't way we we'd well we'll went were we're weren't we've what
  what's when where whether which while who whole whom who's whose why will with within without won't would
  wouldn't yet you you'd you'll your you're yours yourself you've mr mrs ms dr two three four five six seven eight
  nine ten first second third year years month months week weeks day days time times new told added according
  including another although yesterday today tomorrow monday tuesday wednesday thursday friday saturday sunday`.split(
    /\s+/u,
  ),
);

const WORD = /[\p{L}][\p{L}\p{M}'’-]*[\p{L}\p{M}]|[\p{L}]/gu;

/** A word as the index keys it: lower case, straight apostrophe, no possessive ending. */
export function normaliseWord(word: string): string {
  return word.toLocaleLowerCase('en').replace(/’/gu, "'").replace(/'s$/u, '').replace(/'$/u, '');
}

/** Every word of `text`, normalised, in order (function words included): what shingles are made of. */
export function words(text: string): string[] {
  return (text.match(WORD) ?? []).map(normaliseWord);
}

/** Whether a normalised word says something about a story's subject. */
export function isContentWord(word: string): boolean {
  return word.length >= 3 && !STOPWORDS.has(word) && !/^[-']|[-']$/u.test(word);
}

/** How often each content word occurs in `text`. */
export function termCounts(text: string, into: Map<string, number> = new Map(), times = 1): Map<string, number> {
  for (const word of words(text)) {
    if (isContentWord(word)) into.set(word, (into.get(word) ?? 0) + times);
  }
  return into;
}

/** Whether a word is a function word (for cleaning entity names). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLocaleLowerCase('en'));
}
