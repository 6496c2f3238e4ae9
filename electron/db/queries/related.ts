import type { RelatedItem } from '../../../shared/domain';
import { ArticleIdSchema } from '../../../shared/domain';
import type { Db } from '../connection';
import { prepared } from '../statements';

/** An entry of an article's related list as it is stored. */
export type RelatedEntry = { articleId: string | null; headline: string; teaser: string };

type RelatedRow = {
  related_id: string | null;
  headline: string;
  teaser: string;
  current_headline: string | null;
  trashed_at: string | null;
};

/**
 * An article's related list, in order. A linked entry shows its article's headline as it is
 * now (headlines change while stories are edited); one whose article is gone keeps the
 * headline it was listed with.
 */
export function getRelated(db: Db, articleId: string): RelatedItem[] {
  const rows = prepared(
    db,
    `SELECT r.related_id, r.headline, r.teaser, a.headline AS current_headline, a.trashed_at
       FROM article_related AS r LEFT JOIN articles AS a ON a.id = r.related_id
       WHERE r.article_id = ? ORDER BY r.position`,
  ).all(articleId) as RelatedRow[];
  return rows.map((row) => ({
    articleId: row.related_id === null ? null : ArticleIdSchema.parse(row.related_id),
    headline: row.current_headline ?? row.headline,
    teaser: row.teaser,
    trashed: row.trashed_at !== null,
  }));
}

export function setRelated(db: Db, articleId: string, entries: readonly RelatedEntry[]): void {
  prepared(db, 'DELETE FROM article_related WHERE article_id = ?').run(articleId);
  const insert = prepared(
    db,
    'INSERT INTO article_related (article_id, position, related_id, headline, teaser) VALUES (?, ?, ?, ?, ?)',
  );
  entries.forEach((entry, position) => insert.run(articleId, position, entry.articleId, entry.headline, entry.teaser));
}

/** Which of `ids` name no article of the library. */
export function missingArticleIds(db: Db, ids: readonly string[]): string[] {
  const exists = prepared(db, 'SELECT 1 FROM articles WHERE id = ?').pluck();
  return ids.filter((id) => exists.get(id) === undefined);
}
