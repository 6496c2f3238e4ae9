import { describe, expect, it } from 'vitest';

import { checkQuote, quotationsIn, SIMILARITY_THRESHOLD } from '../../../shared/quoteCheck';
import { seedArticleText } from '../../helpers/corpora';

const seed = seedArticleText();
const seedQuotes = quotationsIn(seed).filter((quote) => quote.text.split(/\s+/u).length >= 4);
const [first, second] = seedQuotes.map((quote) => seed.slice(quote.start, quote.end));

/** The ministry's statement as a source would carry it: straight quotes, plain spacing, no quotation marks around it. */
const statement = [
  'Islamabad, 5 November.',
  'The 11th meeting of the Pakistan-Russia Joint Working Group was held in Moscow.',
  'The two sides held an in-depth exchange of views on the global and regional terrorism landscape, with particular',
  'attention to the evolving threat posed by terrorism in Afghanistan and the region. The discussions focused around',
  "the increasingly transnational nature of terrorism and the growing need for adaptive and cooperative strategies. It's",
  'agreed that the next meeting will take place in 2026.',
].join('\n');

describe('quotationsIn', () => {
  it('finds the two direct quotations of the seed article, with their marks', () => {
    expect(seedQuotes).toHaveLength(2);
    expect(first?.startsWith('“The two sides held')).toBe(true);
    expect(first?.endsWith('region,”')).toBe(true);
    expect(seedQuotes[1]?.text.endsWith('strategies.')).toBe(true);
  });

  it('finds curly, straight and nested quotations, and skips apostrophes', () => {
    const text = 'Pakistan’s envoy said "we disagree" and “he called it ‘a lie’ twice” in the ’90s.';
    expect(quotationsIn(text).map((quote) => quote.text)).toEqual(['we disagree', 'he called it ‘a lie’ twice']);
  });

  it('gives offsets that cover the quote marks', () => {
    const text = 'She said “no deal” today.';
    const [quote] = quotationsIn(text);
    expect(quote && text.slice(quote.start, quote.end)).toBe('“no deal”');
  });

  it('runs a quotation left open to the end of its paragraph', () => {
    const text = '“The first paragraph of a long quote\n“and its second,” he said.';
    expect(quotationsIn(text).map((quote) => quote.text)).toEqual([
      'The first paragraph of a long quote',
      'and its second,',
    ]);
  });

  it('takes single quotes as quotations in British style', () => {
    expect(quotationsIn('The minister said ‘we will not resign’ on Monday.').map((quote) => quote.text)).toEqual([
      'we will not resign',
    ]);
  });
});

describe('checkQuote', () => {
  it('matches a quotation found verbatim once quote marks, line breaks and end punctuation are normalised', () => {
    for (const quote of [first, second]) {
      const check = checkQuote(quote ?? '', statement);
      expect(check.result).toBe('matches');
      expect(check.passage).toBeDefined();
      const passage = statement.slice(check.passage?.start, check.passage?.end).replace(/\s+/gu, ' ');
      expect(quote?.replace(/[“”]/gu, '')).toContain(passage.slice(0, 40));
    }
  });

  it('points the passage at the quoted words in the snapshot', () => {
    const check = checkQuote('“The discussions focused around the increasingly transnational nature”', statement);
    expect(check.result).toBe('matches');
    expect(statement.slice(check.passage?.start, check.passage?.end)).toBe(
      'The discussions focused around\nthe increasingly transnational nature',
    );
  });

  it('treats curly and straight apostrophes, dashes and capitals as the same', () => {
    expect(checkQuote('“it’s agreed that the next meeting”', statement).result).toBe('matches');
    expect(checkQuote('"the Pakistan–Russia Joint Working Group"', statement).result).toBe('matches');
  });

  it('matches the parts of a quotation cut with an ellipsis when they appear in order', () => {
    expect(
      checkQuote('“The two sides held an in-depth exchange … in Afghanistan and the region”', statement).result,
    ).toBe('matches');
    expect(
      checkQuote('“in Afghanistan and the region … The two sides held an in-depth exchange”', statement).result,
    ).not.toBe('matches');
  });

  it('shows a changed word as a word diff', () => {
    const check = checkQuote(first?.replace('in-depth', 'frank') ?? '', statement);
    expect(check.result).toBe('differs');
    expect(check.similarity).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(check.diff?.filter((part) => part.op !== 'same')).toEqual([
      { op: 'removed', text: 'in-depth' },
      { op: 'added', text: 'frank' },
    ]);
    expect(statement.slice(check.passage?.start, check.passage?.end)).toMatch(/^The two sides held.*the region$/su);
  });

  it('shows a dropped word as removed', () => {
    const check = checkQuote('“the growing need for cooperative strategies”', statement);
    expect(check.result).toBe('differs');
    expect(check.diff?.filter((part) => part.op !== 'same').map((part) => [part.op, part.text.trim()])).toEqual([
      ['removed', 'adaptive and'],
    ]);
  });

  it('flags a quotation that is not in the snapshot', () => {
    const elsewhere = 'The ministry published its annual report on trade with Central Asia and the Gulf states.';
    const check = checkQuote(first ?? '', elsewhere);
    expect(check.result).toBe('absent');
    expect(check.passage).toBeUndefined();
    expect(check.diff).toBeUndefined();
    expect(checkQuote('“We will never negotiate with anyone”', statement).result).toBe('absent');
    expect(checkQuote('“ ”', statement).result).toBe('absent');
    expect(checkQuote(first ?? '', '').result).toBe('absent');
  });

  it('finds a quotation in a 200 kB snapshot', () => {
    const filler = 'The committee discussed the budget of the city and the county at length. '.repeat(2800);
    const snapshot = `${filler}${statement}\n${filler}`;
    expect(snapshot.length).toBeGreaterThan(200_000);
    expect(checkQuote(second ?? '', snapshot).result).toBe('matches');
    const changed = checkQuote(second?.replace('growing', 'urgent') ?? '', snapshot);
    expect(changed.result).toBe('differs');
    expect(snapshot.slice(changed.passage?.start, changed.passage?.end)).toContain('The discussions focused');
  });
});
