/**
 * Turns whatever a person types into the search box into a safe FTS5 MATCH expression.
 *
 * Understood: words (all must match), "quoted phrases", OR between two terms, and -word or
 * -"phrase" to exclude. Everything else — stray quotes, operators, brackets, punctuation — is
 * treated as text, never passed to FTS5 as syntax, so no input can raise an SQLite error.
 * The last word is matched as a prefix while the person is still typing it.
 */
export type FtsQuery = {
  match: string | null;
  hint: string | null;
  /**
   * Articles with any of the sought words or phrases in the headline (to be taken together
   * with `match`): the ones a broad search must never leave out.
   */
  inHeadline: string | null;
  /** True when every sought term is a quoted phrase of two words or more. */
  phrasesOnly: boolean;
};

type Term = { words: string[]; prefix: boolean };

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

function wordsOf(text: string): string[] {
  return text.match(WORD) ?? [];
}

function quote(term: Term): string {
  const phrase = `"${term.words.join(' ').replace(/"/g, '""')}"`;
  return term.prefix ? `${phrase}*` : phrase;
}

export function buildFtsQuery(input: string): FtsQuery {
  const text = input.normalize('NFC');
  const stillTyping = text.length > 0 && !/[\s"]$/u.test(text);

  // Split into phrases, OR markers and plain chunks, keeping each chunk's position.
  const tokens: { kind: 'phrase' | 'chunk' | 'or'; text: string; negated: boolean; end: number }[] = [];
  const pattern = /(-?)"([^"]*)("?)|(\S+)/gu;
  for (const match of text.matchAll(pattern)) {
    const end = match.index + match[0].length;
    if (match[2] !== undefined) {
      tokens.push({ kind: 'phrase', text: match[2], negated: match[1] === '-', end });
    } else if (match[4] === 'OR') {
      tokens.push({ kind: 'or', text: 'OR', negated: false, end });
    } else if (match[4] !== undefined) {
      const raw = match[4];
      const negated = raw.startsWith('-') && raw.length > 1;
      tokens.push({ kind: 'chunk', text: negated ? raw.slice(1) : raw, negated, end });
    }
  }

  const groups: Term[][] = [];
  const excluded: Term[] = [];
  let joinNext = false;
  tokens.forEach((token, index) => {
    if (token.kind === 'or') {
      joinNext = groups.length > 0;
      return;
    }
    const words = wordsOf(token.text);
    if (words.length === 0) return;
    const isLast = index === tokens.length - 1 && token.end === text.length;
    const term: Term = { words, prefix: token.kind === 'chunk' && isLast && stillTyping };
    if (token.negated) {
      excluded.push(term);
    } else if (joinNext) {
      groups[groups.length - 1]?.push(term);
    } else {
      groups.push([term]);
    }
    joinNext = false;
  });

  if (groups.length === 0) {
    return {
      match: null,
      hint: excluded.length > 0 ? 'Add a word to look for: a minus sign only leaves words out.' : null,
      inHeadline: null,
      phrasesOnly: false,
    };
  }
  const positive = groups
    .map((group) => (group.length === 1 ? quote(group[0] as Term) : `(${group.map(quote).join(' OR ')})`))
    .join(' AND ');
  const match = excluded.length === 0 ? positive : `(${positive}) NOT (${excluded.map(quote).join(' OR ')})`;
  return {
    match,
    hint: null,
    inHeadline: `{headline} : (${groups.flat().map(quote).join(' OR ')})`,
    phrasesOnly: groups.flat().every((term) => term.words.length > 1 && !term.prefix),
  };
}
