import type { SearchHit } from '../../../shared/domain';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/domain';
import type { LibraryFilters } from '../../../shared/library';
import type { Db } from '../connection';
import { prepared } from '../statements';
import { rowToSummary, type SummaryRow } from './articles';
import { buildFtsQuery } from './ftsQuery';
import { fewLinked, fewRows, filterConditions, hasFilters } from './library';

/**
 * Whether the filters let only a few articles through, judged from counts that stop at
 * FEW_ARTICLES: the tag's articles, the author's, or those of the chosen statuses, section and
 * dates (read from the status index).
 */
function letsFewThrough(db: Db, filters: LibraryFilters): boolean {
  if (fewLinked(db, filters)) return true;
  const rest: LibraryFilters = { ...filters, tag: undefined, authorId: undefined };
  if (!hasFilters(rest)) return false;
  const where = filterConditions(rest, { mode: 'count' });
  return fewRows(db, `SELECT 1 FROM ${where.from} WHERE ${where.sql}`, where.params);
}

/**
 * Which rows of the index may be hits. Trashed articles stay indexed and are left out inside
 * the subquery, before the LIMIT, so however many of them match better the page still fills
 * with live ones. (The unary + keeps FTS5 from running the match once per trashed rowid.)
 *
 * Filters narrow the hits inside the ranked subquery too, in one of two ways. When they let
 * few articles through, the rowids of those articles are collected first. Otherwise each hit
 * is checked, in rank order until the page is full, against the index that holds every
 * filtered column by rowid: a few lookups when most articles pass, where collecting the
 * rowids would mean a pass over most of the library. Neither reads the table.
 */
function eligibleRows(db: Db, filters: LibraryFilters): { sql: string; params: Record<string, string> } {
  if (!hasFilters(filters)) {
    return { sql: '+rowid NOT IN (SELECT seq FROM articles WHERE trashed_at IS NOT NULL)', params: {} };
  }
  if (letsFewThrough(db, filters)) {
    const where = filterConditions(filters, { mode: 'count' });
    return { sql: `+rowid IN (SELECT seq FROM ${where.from} WHERE ${where.sql})`, params: where.params };
  }
  const where = filterConditions(filters, { mode: { row: 'x' } });
  return {
    sql: `EXISTS (SELECT 1 FROM articles AS x INDEXED BY articles_live_by_seq WHERE x.seq = articles_fts.rowid AND ${where.sql})`,
    params: where.params,
  };
}

/**
 * Ranked full-text search over headline, dek and body. Ranking happens inside the FTS5
 * subquery (bm25 with the weights set in the index), and only the top rows are joined to
 * the articles table: the shape that stays fast on a large library.
 */
export function searchArticles(
  db: Db,
  input: string,
  limit: number,
  filters: LibraryFilters = {},
): { hits: SearchHit[]; hint: string | null } {
  const query = buildFtsQuery(input);
  if (query.match === null) return { hits: [], hint: query.hint };
  const eligible = eligibleRows(db, filters);
  const rows = prepared(
    db,
    `SELECT a.id, a.slug, a.headline, a.dek, a.section, a.status, a.version, a.word_count,
              a.created_at, a.updated_at, a.trashed_at, f.snippet
       FROM (
         SELECT rowid, rank,
                snippet(articles_fts, -1, @start, @end, '…', 16) AS snippet
         FROM articles_fts
         WHERE articles_fts MATCH @match AND ${eligible.sql}
         ORDER BY rank LIMIT @limit
       ) AS f
       JOIN articles AS a ON a.seq = f.rowid
       ORDER BY f.rank`,
  ).all({
    ...eligible.params,
    match: query.match,
    start: HIGHLIGHT_START,
    end: HIGHLIGHT_END,
    limit,
  }) as (SummaryRow & {
    snippet: string;
  })[];
  const hits = rows.map((row) => ({ ...rowToSummary(row), snippet: row.snippet }));
  if (hits.length > 0) return { hits, hint: null };
  return {
    hits,
    hint: hasFilters(filters)
      ? 'No article matches with these filters. Clear the filters or try fewer words.'
      : 'No article matches. Try fewer or shorter words.',
  };
}
