import type { SearchHit } from '../../../shared/domain';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/domain';
import type { Db } from '../connection';
import { prepared } from '../statements';
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
  // Trashed articles stay indexed; they are left out inside the subquery, before the LIMIT, so
  // however many of them match better, the page still fills with live articles.
  const rows = prepared(
    db,
    `SELECT a.id, a.slug, a.headline, a.dek, a.section, a.status, a.version, a.word_count,
              a.created_at, a.updated_at, a.trashed_at, f.snippet
       FROM (
         SELECT rowid, rank,
                snippet(articles_fts, -1, @start, @end, '…', 16) AS snippet
         FROM articles_fts
         WHERE articles_fts MATCH @match
           AND rowid NOT IN (SELECT seq FROM articles WHERE trashed_at IS NOT NULL)
         ORDER BY rank LIMIT @limit
       ) AS f
       JOIN articles AS a ON a.seq = f.rowid
       ORDER BY f.rank`,
  ).all({ match: query.match, start: HIGHLIGHT_START, end: HIGHLIGHT_END, limit }) as (Parameters<
    typeof rowToSummary
  >[0] & { snippet: string })[];
  const hits = rows.map((row) => ({ ...rowToSummary(row), snippet: row.snippet }));
  return { hits, hint: hits.length === 0 ? 'No article matches. Try fewer or shorter words.' : null };
}
