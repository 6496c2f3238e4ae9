import type { SearchHit } from '../../../shared/domain';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/domain';
import type { Db } from '../connection';
import { rowToSummary } from './articles';
import { buildFtsQuery } from './ftsQuery';

/**
 * Ranked full-text search over headline, dek and body. Ranking happens inside the FTS5
 * subquery (bm25 with the weights set in the index), and only the top rows are joined to
 * the articles table: the shape that stays fast on a large library.
 */
export function searchArticles(db: Db, input: string, limit: number): { hits: SearchHit[]; hint: string | null } {
  const query = buildFtsQuery(input);
  if (query.match === null) return { hits: [], hint: query.hint };
  // Trashed articles stay indexed; ask for a few more to fill the page after leaving them out.
  const rows = db
    .prepare(
      `SELECT a.id, a.slug, a.headline, a.dek, a.section, a.status, a.version, a.word_count,
              a.created_at, a.updated_at, a.trashed_at, f.snippet
       FROM (
         SELECT rowid, rank,
                snippet(articles_fts, -1, @start, @end, '…', 16) AS snippet
         FROM articles_fts WHERE articles_fts MATCH @match
         ORDER BY rank LIMIT @fetch
       ) AS f
       JOIN articles AS a ON a.seq = f.rowid
       WHERE a.trashed_at IS NULL
       ORDER BY f.rank
       LIMIT @limit`,
    )
    .all({ match: query.match, start: HIGHLIGHT_START, end: HIGHLIGHT_END, fetch: limit * 2, limit }) as (Parameters<
    typeof rowToSummary
  >[0] & { snippet: string })[];
  const hits = rows.map((row) => ({ ...rowToSummary(row), snippet: row.snippet }));
  return { hits, hint: hits.length === 0 ? 'No article matches. Try fewer or shorter words.' : null };
}
