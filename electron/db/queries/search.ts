import type { SearchHit } from '../../../shared/domain';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/domain';
import type { LibraryFilters } from '../../../shared/library';
import type { Db } from '../connection';
import { prepared } from '../statements';
import { rowToSummary, type SummaryRow } from './articles';
import { buildFtsQuery } from './ftsQuery';
import { FEW_ARTICLES, fewLinked, fewRows, filterConditions, hasFilters } from './library';

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
function eligibleRows(
  db: Db,
  filters: LibraryFilters,
): { sql: string; params: Record<string, string>; atMost?: number } {
  if (!hasFilters(filters)) {
    return { sql: '+rowid NOT IN (SELECT seq FROM articles WHERE trashed_at IS NOT NULL)', params: {} };
  }
  if (letsFewThrough(db, filters)) {
    const where = filterConditions(filters, { mode: 'count' });
    return {
      sql: `+rowid IN (SELECT seq FROM ${where.from} WHERE ${where.sql})`,
      params: where.params,
      atMost: FEW_ARTICLES,
    };
  }
  const where = filterConditions(filters, { mode: { row: 'x' } });
  return {
    sql: `EXISTS (SELECT 1 FROM articles AS x INDEXED BY articles_live_by_seq WHERE x.seq = articles_fts.rowid AND ${where.sql})`,
    params: where.params,
  };
}

/**
 * Past this many matches a search ranks only the newest of them (by when they came into the
 * library) and every match with a sought word in its headline. bm25 costs about a microsecond
 * an article, so ranking all 30,000 articles that say "government" in a library of 100,000
 * takes longer than a keystroke may; the articles left unranked are older ones that only
 * mention the words in passing, which would not have made the first page.
 */
export const RANK_ALL_UP_TO = 5000;

/**
 * The same bound for a search made only of quoted phrases ("chief executive"). Finding a
 * phrase already reads where its words stand in every article that has them all, most of
 * what ranking needs, so ranking every match costs a third more rather than twice as much
 * (measured at 100,000 articles: bench/search.ts). And the articles that say the phrase most
 * are as often old as new, with the phrase seldom in the headline: the newest-first cut
 * would leave out half of the first page.
 */
export const RANK_ALL_PHRASES_UP_TO = 15_000;

/**
 * The snippets a hit may show, one from the text and one from the dek: the headline is shown
 * above the snippet already, so a snippet is never taken from it. The text's is shown when a
 * sought word is in it, else the dek's when one is there, else the text's opening.
 */
const SNIPPETS = `snippet(articles_fts, 2, @start, @end, '…', 16) AS snippet,
                  snippet(articles_fts, 1, @start, @end, '…', 16) AS dek_snippet`;

type Ranked = SummaryRow & { snippet: string; dek_snippet: string };

function snippetOf(row: Ranked): string {
  if (row.snippet.includes(HIGHLIGHT_START) || !row.dek_snippet.includes(HIGHLIGHT_START)) return row.snippet;
  return row.dek_snippet;
}

const SUMMARY_COLUMNS = `a.id, a.slug, a.headline, a.dek, a.section, a.status, a.version, a.word_count,
              a.created_at, a.updated_at, a.trashed_at, a.embargo_until, a.publish_at, a.owner, a.assignee,
              a.assigned_step`;

/**
 * The page of a broad search: rank is worked out only for the matches at or after `floor` and
 * those with a sought word in the headline ("+score" keeps the ordering out of FTS5, which
 * would otherwise rank every match first and filter after). The page's snippets are made
 * afterwards in one pass over the matches: asking for each by its rowid would expand a
 * prefix ("gover*") into its words again for every hit.
 */
function rankNewestAndHeadlines(db: Db, eligible: string, params: Record<string, string | number>): Ranked[] {
  const ranked = prepared(
    db,
    `SELECT rowid FROM articles_fts
       WHERE articles_fts MATCH @match AND ${eligible}
         AND (rowid >= @floor OR rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH @inHeadline))
       ORDER BY +rank LIMIT @limit`,
  )
    .pluck()
    .all(params) as number[];
  const rows = prepared(
    db,
    `WITH page AS MATERIALIZED (
       SELECT rowid, ${SNIPPETS}
       FROM articles_fts
       WHERE articles_fts MATCH @match AND +rowid IN (SELECT value FROM json_each(@page))
     )
     SELECT ${SUMMARY_COLUMNS}, a.seq, page.snippet, page.dek_snippet FROM page JOIN articles AS a ON a.seq = page.rowid`,
  ).all({ match: params.match, start: params.start, end: params.end, page: JSON.stringify(ranked) }) as (Ranked & {
    seq: number;
  })[];
  const place = new Map(ranked.map((rowid, index) => [rowid, index]));
  return rows.sort((a, b) => (place.get(a.seq) ?? 0) - (place.get(b.seq) ?? 0));
}

/**
 * Ranked full-text search over headline, dek and body. Ranking happens inside the FTS5
 * subquery (bm25 with the weights set in the index), and only the top rows are joined to
 * the articles table: the shape that stays fast on a large library. A search that matches
 * more than `rankAllUpTo` articles (`rankAllPhrasesUpTo` when it seeks only quoted phrases)
 * ranks the newest of them and those with a sought word in the headline (see RANK_ALL_UP_TO).
 */
export function searchArticles(
  db: Db,
  input: string,
  limit: number,
  filters: LibraryFilters = {},
  {
    rankAllUpTo = RANK_ALL_UP_TO,
    rankAllPhrasesUpTo = RANK_ALL_PHRASES_UP_TO,
  }: { rankAllUpTo?: number; rankAllPhrasesUpTo?: number } = {},
): { hits: SearchHit[]; hint: string | null } {
  const query = buildFtsQuery(input);
  if (query.match === null) return { hits: [], hint: query.hint };
  const eligible = eligibleRows(db, filters);
  const params = { ...eligible.params, match: query.match, start: HIGHLIGHT_START, end: HIGHLIGHT_END, limit };
  // The rowid of the Nth newest match, when there are that many (never when the filters let
  // fewer articles through: then every match is ranked without a pass to look for it).
  const offset = Math.max(query.phrasesOnly ? rankAllPhrasesUpTo : rankAllUpTo, limit);
  const floor =
    eligible.atMost !== undefined && eligible.atMost <= offset
      ? undefined
      : (prepared(
          db,
          `SELECT rowid FROM articles_fts
       WHERE articles_fts MATCH @match AND ${eligible.sql}
       ORDER BY rowid DESC LIMIT 1 OFFSET @offset`,
        ).get({ ...eligible.params, match: query.match, offset: offset - 1 }) as { rowid: number } | undefined);
  const rows =
    floor === undefined || query.inHeadline === null
      ? (prepared(
          db,
          `SELECT ${SUMMARY_COLUMNS}, f.snippet, f.dek_snippet
             FROM (
               SELECT rowid, rank,
                      ${SNIPPETS}
               FROM articles_fts
               WHERE articles_fts MATCH @match AND ${eligible.sql}
               ORDER BY ${hasFilters(filters) ? '+rank' : 'rank'} LIMIT @limit
             ) AS f
             JOIN articles AS a ON a.seq = f.rowid
             ORDER BY f.rank`,
        ).all(params) as Ranked[])
      : rankNewestAndHeadlines(db, eligible.sql, { ...params, floor: floor.rowid, inHeadline: query.inHeadline });
  const hits = rows.map((row) => ({ ...rowToSummary(row), snippet: snippetOf(row) }));
  if (hits.length > 0) return { hits, hint: null };
  return {
    hits,
    // What to try next: the caller says that nothing matched, in its own words.
    hint: hasFilters(filters) ? 'Clear the filters or try fewer words.' : 'Try fewer or shorter words.',
  };
}
