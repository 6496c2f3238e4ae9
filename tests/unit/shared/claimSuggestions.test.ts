import { describe, expect, it } from 'vitest';

import {
  pageSuggestions,
  rankSuggestions,
  suggestClaims,
  unclaimedSuggestions,
  type ClaimSuggestion,
  type RankedSuggestion,
} from '../../../shared/claimSuggestions';
import { bbcParagraphs } from '../../helpers/newsCopy';
import { seedArticleText } from '../../helpers/corpora';

const seed = seedArticleText()
  .split(/\n\s*\n/u)
  .map((paragraph) => paragraph.trim());

const of = (text: string) => suggestClaims([text]);
const find = (suggestions: readonly ClaimSuggestion[], kind: ClaimSuggestion['kind'], contains: string) =>
  suggestions.find((suggestion) => suggestion.kind === kind && suggestion.text.includes(contains));
const texts = (suggestions: readonly ClaimSuggestion[], kind: ClaimSuggestion['kind']) =>
  suggestions.filter((suggestion) => suggestion.kind === kind).map((suggestion) => suggestion.text);

describe('suggestClaims on the seed article', () => {
  const suggestions = suggestClaims(seed);

  it('proposes the statement attributed to the foreign ministry', () => {
    const found = find(suggestions, 'attribution', 'foreign ministry said in a statement');
    expect(found?.reason).toBe('Attributed: “Pakistan’s foreign ministry said in a statement”');
    expect(found?.text.startsWith('ISLAMABAD: Senior officials')).toBe(true);
  });

  it('proposes the death toll as a figure and flags its sentence as unattributed', () => {
    expect(find(suggestions, 'figure', '140 people')).toMatchObject({
      text: 'over 140 people',
      reason: 'Figure: over 140 people',
    });
    expect(find(suggestions, 'other', 'killed over 140 people')?.reason).toBe('Assertion without attribution');
  });

  it('proposes both direct quotations, with the speaker of the first', () => {
    const quotes = suggestions.filter((suggestion) => suggestion.kind === 'quote');
    expect(quotes.map((quote) => quote.text.slice(0, 30))).toEqual([
      '“The two sides held an in-dept',
      '“The discussions focused aroun',
    ]);
    expect(quotes[0]?.reason).toBe('Direct quotation: “Pakistan’s foreign affairs ministry said”');
    expect(quotes[1]?.text.endsWith('strategies.”')).toBe(true);
  });

  it('proposes the dates', () => {
    const dates = texts(suggestions, 'date');
    expect(dates).toEqual(expect.arrayContaining(['Mar. 22, 2024', 'Nov. 16, 2023', 'in 2026', 'on Tuesday']));
    expect(find(suggestions, 'date', 'Mar. 22')?.reason).toBe('Date: Mar. 22, 2024');
  });

  it('gives offsets that point at the suggested text in its paragraph', () => {
    for (const suggestion of suggestions) {
      expect(seed[suggestion.paragraph]?.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
    }
  });

  it('proposes nothing in the headline, the "Also See" link or scare quotes', () => {
    expect(suggestions.some((suggestion) => suggestion.paragraph === 0)).toBe(false);
    expect(suggestions.some((suggestion) => suggestion.text.startsWith('Also See'))).toBe(false);
    expect(texts(suggestions, 'quote')).not.toContain('“terrorism”');
    expect(texts(suggestions, 'quote')).not.toContain('“cross-border”');
  });
});

describe('suggestClaims: quotations', () => {
  it('takes straight quotes and a quotation that spans its attribution', () => {
    const suggestions = of('"We will rebuild every school in the valley," the mayor said on Friday.');
    expect(find(suggestions, 'quote', 'rebuild')).toMatchObject({
      text: '"We will rebuild every school in the valley,"',
      reason: 'Direct quotation: “the mayor said on Friday”',
    });
    expect(texts(suggestions, 'attribution')).toEqual([]);
  });

  it('keeps a quotation of several sentences whole', () => {
    const suggestions = of('“We are ready. The plan is funded,” she said.');
    expect(texts(suggestions, 'quote')).toEqual(['“We are ready. The plan is funded,”']);
  });

  it('keeps a nested quotation inside the quotation around it', () => {
    const suggestions = of('“He told us ‘the bridge is safe’ before it fell,” the engineer said.');
    expect(texts(suggestions, 'quote')).toEqual(['“He told us ‘the bridge is safe’ before it fell,”']);
  });

  it('does not take apostrophes for quote marks', () => {
    const suggestions = of('The council’s plan and the mayor’s budget were approved, officials said.');
    expect(texts(suggestions, 'quote')).toEqual([]);
  });
});

describe('suggestClaims: attribution', () => {
  it.each([
    [
      'according to',
      'Unemployment fell sharply, according to the statistics office.',
      'according to the statistics office',
    ],
    [
      'said in a statement',
      'The plant will close, the company said in a statement.',
      'the company said in a statement',
    ],
    ['told', 'The road was closed for hours, a police officer told Reuters.', 'a police officer told Reuters'],
    ['says', 'The drug works, says Dr. Amina Khan.', 'says Dr. Amina Khan'],
  ])('recognises "%s"', (_pattern, sentence, phrase) => {
    const found = find(of(sentence), 'attribution', '');
    expect(found?.text).toBe(sentence);
    expect(found?.reason).toContain(phrase.split(' ')[0]);
    expect(found?.reason).toContain(phrase.split(' ').slice(-1)[0]);
  });

  it('does not read "the final say" as someone saying something', () => {
    expect(texts(of('Ministers will still have the final say on whether the plan goes ahead.'), 'attribution')).toEqual(
      [],
    );
  });

  it('does not read a passive "claimed by" or "denied by" as attribution', () => {
    const suggestions = of(
      'The attack, claimed by a militant group, was denied by the ministry and killed nine people.',
    );
    expect(texts(suggestions, 'attribution')).toEqual([]);
    expect(texts(suggestions, 'other')).toHaveLength(1);
  });
});

describe('suggestClaims: figures', () => {
  it.each([
    ['over 140 people', 'The blast killed over 140 people in the market.'],
    ['$2.5 billion', 'The government spent $2.5 billion on the bridge last year.'],
    ['12%', 'Prices in the capital rose 12% over the winter months.'],
    ['1,000 troops', 'The ministry sent 1,000 troops to the border region.'],
    ['Nearly two-thirds', 'Nearly two-thirds of the voters stayed home on polling day.'],
    ['3.5 percent', 'The economy grew 3.5 percent in the last quarter of trading.'],
    ['hundreds of families', 'Floods forced hundreds of families from their homes in the north.'],
    ['166 call centres', 'The survey covered 166 call centres in 24 countries last year.'],
    ['at least twenty people', 'The storm injured at least twenty people across the islands.'],
  ])('proposes "%s"', (figure, sentence) => {
    expect(texts(of(sentence), 'figure')).toContain(figure);
    expect(find(of(sentence), 'figure', figure)?.reason).toBe(`Figure: ${figure}`);
  });

  it('does not take ordinals, model numbers, times or parts of dates for figures', () => {
    const suggestions = of('The 11th meeting on COVID-19 and the F-16 began at 10 a.m. on March 3, 2024.');
    expect(texts(suggestions, 'figure')).toEqual([]);
    expect(texts(suggestions, 'date')).toEqual(['March 3, 2024']);
  });

  it('leaves small numbers in words alone ("the two sides")', () => {
    expect(texts(of('The two sides met again and the three delegations agreed.'), 'figure')).toEqual([]);
  });
});

describe('suggestClaims: dates', () => {
  it.each([
    ['Mar. 22, 2024', 'The attack came on Mar. 22, 2024, at night.'],
    ['Nov. 16, 2023', 'They last met on Nov. 16, 2023, in Moscow.'],
    ['on Tuesday', 'Ministers met on Tuesday in the capital.'],
    ['in 2026', 'The next meeting will be held in 2026.'],
    ['22 March 2024', 'The vote took place on 22 March 2024 across the country.'],
    ['2024-03-22', 'The filing is dated 2024-03-22 in the registry.'],
  ])('proposes "%s"', (date, sentence) => {
    expect(texts(of(sentence), 'date')).toContain(date);
  });

  it('does not take "May" the verb or a bare month for a date', () => {
    expect(texts(of('Officials may meet again in March to review the plan.'), 'date')).toEqual([]);
  });
});

describe('suggestClaims: assertions without attribution', () => {
  it('flags a sentence with a strong verb and no attribution', () => {
    expect(texts(of('Police arrested the mayor at his home.'), 'other')).toEqual([
      'Police arrested the mayor at his home.',
    ]);
  });

  it('does not flag a question, an attributed sentence or a plain descriptive one', () => {
    expect(texts(of('Who arrested the mayor at his home?'), 'other')).toEqual([]);
    expect(texts(of('Police arrested the mayor at his home, a spokesman said.'), 'other')).toEqual([]);
    expect(texts(of('The platform lets both sides share their experience.'), 'other')).toEqual([]);
  });

  it('splits sentences but not after abbreviations or initials', () => {
    const suggestions = of('Gen. J. Smith arrested the mayor. Sen. Jones arrested nobody at all today.');
    expect(texts(suggestions, 'other')).toEqual([
      'Gen. J. Smith arrested the mayor.',
      'Sen. Jones arrested nobody at all today.',
    ]);
  });
});

describe('suggestClaims: what it leaves alone', () => {
  it('proposes nothing inside a web address', () => {
    const suggestions = of('The figures are at https://example.org/report/2024/140-people?year=2026 for anyone.');
    expect(suggestions.filter((suggestion) => suggestion.kind !== 'other')).toEqual([]);
  });

  it('proposes nothing in a headline-case title', () => {
    expect(of('Russia Warns UN: ISIS May Have Access to 140 U.S. Weapons in Afghanistan')).toEqual([]);
    expect(of('Beyond the Rhetoric: What Muttaqi’s Address Reveals About Afghan Policy')).toEqual([]);
  });

  it('proposes nothing for empty paragraphs and keeps paragraph indices', () => {
    const suggestions = suggestClaims(['', 'The next meeting will be held in 2026.']);
    expect(suggestions.map((suggestion) => suggestion.paragraph)).toEqual([1]);
  });
});

const hasFigure = (suggestion: RankedSuggestion) => /Figures?: /u.test(suggestion.reason);
const rankOf = (ranked: readonly RankedSuggestion[], contains: string) =>
  ranked.findIndex((suggestion) => suggestion.text.includes(contains));

describe('rankSuggestions on 10,000 words of BBC news', () => {
  const { paragraphs, words } = bbcParagraphs(10_000);
  const found = suggestClaims(paragraphs);
  const { suggestions: ranked } = rankSuggestions(paragraphs);

  it('offers each sentence once with the figures and dates in it, not each of them again', () => {
    expect(found.length / (words / 1000)).toBeGreaterThan(40);
    expect(ranked.length).toBeLessThan(found.length * 0.6);
    for (const suggestion of ranked) {
      if (suggestion.kind !== 'figure' && suggestion.kind !== 'date') continue;
      // A figure or date offered alone lies in no sentence that is offered too.
      const within = ranked.filter(
        (other) =>
          other !== suggestion &&
          other.kind !== 'quote' &&
          other.paragraph === suggestion.paragraph &&
          other.start <= suggestion.start &&
          suggestion.end <= other.end,
      );
      expect(within.map((other) => other.text)).toEqual([]);
    }
    for (const suggestion of ranked) {
      expect(paragraphs[suggestion.paragraph]?.slice(suggestion.start, suggestion.end)).toBe(suggestion.text);
    }
  });

  it('ranks every sentence with a figure and a named source above every vague assertion', () => {
    const named = ranked.filter(
      (suggestion) => suggestion.kind !== 'quote' && suggestion.attribution?.named === true && hasFigure(suggestion),
    );
    const vague = ranked.filter((suggestion) => suggestion.reason === 'Assertion without attribution');
    expect(named.length).toBeGreaterThan(10);
    expect(vague.length).toBeGreaterThan(5);
    const lastNamed = Math.max(...named.map((suggestion) => ranked.indexOf(suggestion)));
    const firstVague = Math.min(...vague.map((suggestion) => ranked.indexOf(suggestion)));
    expect(lastNamed).toBeLessThan(firstVague);
  });

  it('puts figures, quotations and named sources on the first page, and no vague assertion or lone weekday', () => {
    const { best, groups } = pageSuggestions(ranked, 6);
    expect(best).toHaveLength(6);
    for (const suggestion of best) {
      expect(hasFigure(suggestion) || suggestion.kind === 'quote' || suggestion.attribution?.named === true).toBe(true);
    }
    // The rest are all there, by kind, each group best first.
    expect(groups.reduce((sum, group) => sum + group.suggestions.length, best.length)).toBe(ranked.length);
    expect(groups.map((group) => group.label)).toEqual([
      'Quotations',
      'Figures',
      'Attributed statements',
      'Dates',
      'Other assertions',
    ]);
    for (const group of groups) {
      expect(group.suggestions.every((suggestion) => suggestion.kind === group.kind)).toBe(true);
      const scores = group.suggestions.map((suggestion) => suggestion.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('ranks a date with a day or a year above a weekday alone', () => {
    const dates = ranked.filter((suggestion) => suggestion.kind === 'date');
    const specific = dates.filter((suggestion) => /\d/u.test(suggestion.reason));
    const weekday = dates.filter((suggestion) => !/\d/u.test(suggestion.reason));
    expect(specific.length).toBeGreaterThan(0);
    expect(weekday.length).toBeGreaterThan(0);
    expect(Math.min(...specific.map((suggestion) => suggestion.score))).toBeGreaterThan(
      Math.max(...weekday.map((suggestion) => suggestion.score)),
    );
  });
});

describe('rankSuggestions on the seed article', () => {
  const { suggestions: ranked } = rankSuggestions(seed);

  it('offers the death toll as one sentence with its figure and date, near the top', () => {
    const toll = ranked.find((suggestion) => suggestion.text.includes('killed over 140 people'));
    expect(toll).toMatchObject({
      kind: 'figure',
      text: 'On Mar. 22, 2024, a deadly attack at the Crocus City Hall concert venue near Moscow killed over 140 people and injured several.',
      reason: 'Figure: over 140 people · Date: Mar. 22, 2024 · Not attributed',
    });
    expect(rankOf(ranked, 'killed over 140 people')).toBeLessThan(6);
    expect(ranked.filter((suggestion) => suggestion.text === 'over 140 people')).toEqual([]);
  });

  it('ranks the quotations and the ministry’s statement above the plain assertions', () => {
    const quote = rankOf(ranked, 'The two sides held an in-depth exchange');
    const statement = rankOf(ranked, 'Pakistan’s foreign ministry said in a statement');
    const plain = rankOf(ranked, 'The attack, claimed by Daesh militants');
    expect(quote).toBeGreaterThanOrEqual(0);
    expect(plain).toBeGreaterThan(quote);
    expect(plain).toBeGreaterThan(statement);
  });
});

describe('rankSuggestions: rules', () => {
  it('prefers a named speaker to an unnamed one, and a quotation to a vague assertion', () => {
    const { suggestions } = rankSuggestions([
      'The council arrested nobody at all.',
      '“We will rebuild every school in the valley,” he said.',
      '“We will rebuild every bridge in the valley,” Mayor Amina Khan said.',
    ]);
    expect(suggestions.map((suggestion) => suggestion.text)).toEqual([
      '“We will rebuild every bridge in the valley,”',
      '“We will rebuild every school in the valley,”',
      'The council arrested nobody at all.',
    ]);
  });

  it('offers the same words once', () => {
    const sentence = 'The blast killed over 140 people in the market, police said.';
    expect(rankSuggestions([sentence, 'Other news.', sentence]).suggestions).toHaveLength(1);
  });
});

describe('unclaimedSuggestions', () => {
  const paragraphs = [
    'The blast killed over 140 people in the market. Police arrested the mayor at his home.',
    'The flood killed over 140 people in the valley.',
  ];
  const list = rankSuggestions(paragraphs);

  it('leaves out a suggestion whose words are claimed, there and not elsewhere', () => {
    const left = unclaimedSuggestions(list, ['over 140 people in the market']);
    expect(left.map((suggestion) => suggestion.text).sort()).toEqual([
      'Police arrested the mayor at his home.',
      'The flood killed over 140 people in the valley.',
    ]);
    expect(unclaimedSuggestions(list, [])).toHaveLength(3);
  });

  it('leaves out a suggestion a claim covers only in part, and one a claim runs over', () => {
    const left = unclaimedSuggestions(list, ['market. Police arrested', '']);
    expect(left.map((suggestion) => suggestion.text)).toEqual(['The flood killed over 140 people in the valley.']);
  });
});
