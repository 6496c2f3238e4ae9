import { describe, expect, it } from 'vitest';

import { searchArticles } from '../../../../../electron/db/queries/search';
import { buildFtsQuery } from '../../../../../electron/db/queries/ftsQuery';
import { createArticle, trashArticle } from '../../../../../electron/services/articles';
import type { ArticleStatus } from '../../../../../shared/domain';
import type { LibraryFilters } from '../../../../../shared/library';
import { bodyFromParagraphs } from '../../../../../shared/text';
import { libraryPerTest } from '../../../../helpers/libraryPerTest';

const { library, clock } = libraryPerTest();

const SECTIONS = ['Tech', 'Sport', 'Business'];
const STATUSES: ArticleStatus[] = ['draft', 'editing', 'fact-check', 'ready', 'exported'];
const WORDS = ['ferry', 'harbour', 'council', 'budget', 'tram'];

/**
 * A made-up library of 90 articles: each mentions some of WORDS a different number of times,
 * in a section, a status and with tags of its own; every seventh is in the trash.
 */
function fill(): void {
  for (let n = 0; n < 90; n += 1) {
    clock.advance(60_000);
    const words = WORDS.filter((_, index) => (n + index) % (index + 2) !== 0);
    const paragraphs = [
      `Story ${n}: ${words.map((word, index) => Array.from({ length: 1 + ((n * (index + 3)) % 4) }, () => word).join(' ')).join(', ')}.`,
      `A paragraph of ${n % 5 === 0 ? 'a much longer filler text that dilutes the words above' : 'filler'}.`,
    ];
    const article = createArticle(
      library.lib,
      {
        headline: n % 11 === 0 ? `Ferry story ${n}` : `Story ${n}`,
        body: bodyFromParagraphs(paragraphs),
        section: SECTIONS[n % SECTIONS.length],
        status: STATUSES[n % STATUSES.length],
        tags: n % 4 === 0 ? ['transport'] : ['town'],
      },
      { clock },
    );
    if (n % 7 === 0) trashArticle(library.lib, article.id, clock);
  }
}

type Row = { id: string; section: string; status: ArticleStatus; trashed: boolean; tags: string[] };

/**
 * What a filtered search must give: every match ranked by the search index alone, the articles
 * the filters keep taken in that order, worked out here row by row.
 */
function expected(query: string, filters: LibraryFilters, limit: number): string[] {
  const db = library.lib.db;
  const match = buildFtsQuery(query).match;
  const ranked = db
    .prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank')
    .pluck()
    .all(match) as number[];
  const rows = new Map(
    (
      db.prepare('SELECT seq, id, section, status, trashed_at FROM articles').all() as {
        seq: number;
        id: string;
        section: string;
        status: ArticleStatus;
        trashed_at: string | null;
      }[]
    ).map((row): [number, Row] => [
      row.seq,
      {
        id: row.id,
        section: row.section,
        status: row.status,
        trashed: row.trashed_at !== null,
        tags: db.prepare('SELECT tag FROM article_tags WHERE article_id = ?').pluck().all(row.id) as string[],
      },
    ]),
  );
  const keeps = (row: Row) =>
    !row.trashed &&
    (filters.section === undefined || row.section === filters.section) &&
    (filters.statuses === undefined || filters.statuses.includes(row.status)) &&
    (filters.tag === undefined || row.tags.includes(filters.tag));
  return ranked
    .flatMap((seq) => {
      const row = rows.get(seq);
      return row !== undefined && keeps(row) ? [row.id] : [];
    })
    .slice(0, limit);
}

describe('a filtered search', () => {
  it('gives the articles the full ranking gives, in its order, whether the filters let few or many through', () => {
    fill();
    const filters: LibraryFilters[] = [
      { section: 'Tech', statuses: ['ready'] },
      { section: 'Sport' },
      { tag: 'transport' },
      { statuses: ['draft', 'editing', 'fact-check', 'ready'] },
      { tag: 'town', statuses: ['exported'] },
    ];
    for (const query of ['ferry', 'harbour council', 'bud', 'tram OR budget', 'ferry -tram']) {
      for (const filter of filters) {
        for (const limit of [3, 20]) {
          const hits = searchArticles(library.lib.db, query, limit, filter).hits.map((hit) => hit.id);
          const want = expected(query, filter, limit);
          expect(hits, `${query} ${JSON.stringify(filter)} ${limit}`).toEqual(want);
        }
      }
    }
    // The made-up library gives every filter something to find, and some filter more than a page.
    expect(expected('ferry', { section: 'Tech', statuses: ['ready'] }, 20).length).toBeGreaterThan(0);
    expect(expected('ferry', { section: 'Sport' }, 20).length).toBeGreaterThan(3);
  });
});
