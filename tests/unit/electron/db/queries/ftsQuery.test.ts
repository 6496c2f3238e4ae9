import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildFtsQuery } from '../../../../../electron/db/queries/ftsQuery';
import { searchArticles } from '../../../../../electron/db/queries/search';
import { createArticle, trashArticle } from '../../../../../electron/services/articles';
import { bodyFromParagraphs } from '../../../../../shared/text';
import { seededRandom } from '../../../../helpers/bulkLibrary';
import { openTempLibrary } from '../../../../helpers/library';

/** Pieces of search-box input chosen to break naive FTS5 query building, grouped by kind. */
const words = (list: string) => list.split(' ');
const NASTY = [
  // FTS5 syntax and punctuation.
  ...words('" "" """ - -" -- * ** ^ : ( ) () + { } [ ] , . ; \' ` \\ / % _ ? ! & | ~ = < > @ # $'),
  // Operators and column filters, in every case.
  ...words('NEAR NEAR( NEAR/2 near AND OR NOT or -OR "OR" headline: body_text: {headline}: articles_fts rank MATCH'),
  ...['OR OR', 'AND NOT', '{headline dek}:'],
  // Words that occur in the library, with operators stuck to them.
  ...words('ferry ferr night harbour council *ferry ferry* ^ferry +ferry 0 42 4,000 1e9 -1 0x1F x'),
  // Other scripts, combining marks, ligatures and emoji.
  ...words('تجارت کشتی رات 渡轮 東京 é e\u0301 \u0301 \u0653 ﬁ ß İ 🚢 👩🏽‍💻 🇵🇰'),
  // Invisible, control and broken characters; whitespace of every kind.
  ...['\u200d', '\u200b', '\ufeff', '\ud800', '\udfff', '\u0000', '\u0001', '\u0002', '\u0003', '\u202e', '\uffff'],
  ...[' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000'],
];

function randomInput(random: () => number): string {
  const roll = random();
  // Mostly short inputs like people type; some long ones, up to the contract's 1,000 characters and beyond.
  const pieces = roll < 0.9 ? Math.floor(random() * 12) : roll < 0.98 ? 50 + Math.floor(random() * 300) : 1500;
  let text = '';
  for (let i = 0; i < pieces; i += 1) {
    if (random() < 0.08) {
      text += String.fromCodePoint(Math.floor(random() * 0x3000));
    } else {
      text += NASTY[Math.floor(random() * NASTY.length)] ?? '';
    }
    if (random() < 0.4) text += ' ';
  }
  return text;
}

describe('buildFtsQuery', () => {
  it('gives no query and no hint for empty or blank input, or input with no letters', () => {
    for (const input of ['', '   ', '\t\n', '"', '""', '***', '( ) : ^', 'OR', 'OR OR', '-', '🚢 🇵🇰']) {
      expect(buildFtsQuery(input), JSON.stringify(input)).toEqual({
        match: null,
        hint: null,
        inHeadline: null,
        phrasesOnly: false,
      });
    }
  });

  it('explains that a query of only exclusions cannot find anything', () => {
    for (const input of ['-ferry', '-ferry -"night bus"', '-"night ferry"']) {
      const query = buildFtsQuery(input);
      expect(query.match).toBeNull();
      expect(query.hint).toMatch(/Add a word to look for/);
    }
  });

  it('looks for any sought word or phrase in the headline, but never for an excluded one', () => {
    expect(buildFtsQuery('ferry OR tram "night bus" -rail harb').inHeadline).toBe(
      '{headline} : ("ferry" OR "tram" OR "night bus" OR "harb"*)',
    );
  });

  it('treats the last word as a prefix only while it is still being typed', () => {
    expect(buildFtsQuery('night ferr').match).toMatch(/\*$/);
    expect(buildFtsQuery('night ferr ').match).not.toContain('*');
    expect(buildFtsQuery('"night ferr"').match).not.toContain('*');
  });
});

describe('any search box input', () => {
  const library = openTempLibrary();
  const liveIds = new Set<string>();

  beforeAll(() => {
    const stories: [string, string][] = [
      ['Harbour council approves night ferry trial', 'The night ferry will run at 22:30 and 23:45 on weekdays.'],
      ['رات کی کشتی کا نیا وقت', 'کشتی رات کو چلے گی اور تجارت بڑھے گی'],
      ['東京の渡轮', 'Ferry NEAR the OR quay: "quoted" text with * and ^ and (brackets).'],
      ['Café owners welcome late crossings', 'Señora Okafor’s petition gathered 4,000 signatures. 🚢'],
    ];
    for (const [headline, text] of stories) {
      liveIds.add(createArticle(library.lib, { headline, body: bodyFromParagraphs([text]) }).id);
    }
    const trashed = createArticle(library.lib, {
      headline: 'Night ferry cancelled',
      body: bodyFromParagraphs(['ferry']),
    });
    trashArticle(library.lib, trashed.id);
  });
  afterAll(() => library.close());

  it('either builds no query or runs against the FTS5 index without an SQLite error', () => {
    const random = seededRandom(20260302);
    let ran = 0;
    let found = 0;
    for (let i = 0; i < 4000; i += 1) {
      const input = randomInput(random);
      const query = buildFtsQuery(input);
      let result: ReturnType<typeof searchArticles>;
      try {
        // Every other input is ranked as a broad search of a large library is: the newest
        // match and the headline matches only.
        result =
          i % 2 === 0
            ? searchArticles(library.lib.db, input, 20)
            : searchArticles(library.lib.db, input, 1, {}, { rankAllUpTo: 1 });
      } catch (error) {
        throw new Error(`input #${i} ${JSON.stringify(input)} → ${query.match ?? 'null'} failed: ${String(error)}`, {
          cause: error,
        });
      }
      if (query.match === null) {
        expect(result.hits).toEqual([]);
      } else {
        ran += 1;
        if (result.hits.length > 0) found += 1;
      }
      for (const hit of result.hits) expect(liveIds.has(hit.id), JSON.stringify(input)).toBe(true);
    }
    // The generator must exercise real queries, not only inputs that are thrown away.
    expect(ran).toBeGreaterThan(2000);
    expect(found).toBeGreaterThan(100);
  });

  it('survives inputs known to break hand-written FTS5 queries', () => {
    const inputs = [
      '"',
      'ferry"',
      '"ferry',
      '"night ferry',
      'ferry OR',
      'OR ferry',
      'ferry AND',
      'NOT ferry',
      'ferry NOT',
      'NEAR(ferry night)',
      'NEAR(ferry night, 2)',
      'headline:ferry',
      '{headline}:ferry',
      'ferry*',
      '*',
      '^ferry',
      'ferry -',
      '- ferry',
      '-"',
      '-""',
      '(ferry',
      'ferry)',
      'e\u0301',
      '\u0301',
      '\u0301ferry',
      'ferry\u0000night',
      '\ud800',
      'x'.repeat(1000),
      'ferry '.repeat(300),
      '"a" '.repeat(400),
      '-a '.repeat(400),
      'a OR '.repeat(300),
    ];
    for (const input of inputs) {
      expect(() => searchArticles(library.lib.db, input, 20), JSON.stringify(input.slice(0, 40))).not.toThrow();
    }
  });
});
