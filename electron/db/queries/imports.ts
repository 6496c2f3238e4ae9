import type { ImportFormat } from '../../../shared/imports';
import type { Db } from '../connection';
import { prepared } from '../statements';

/** The live-or-trashed article already holding this text, if any. */
export function findByContentHash(
  db: Db,
  hash: string,
): { id: string; headline: string; trashed: boolean } | undefined {
  const row = prepared(
    db,
    `SELECT id, headline, trashed_at IS NOT NULL AS trashed FROM articles
     WHERE content_hash = ? ORDER BY trashed_at IS NOT NULL, updated_at DESC LIMIT 1`,
  ).get(hash) as { id: string; headline: string; trashed: number } | undefined;
  return row === undefined ? undefined : { id: row.id, headline: row.headline, trashed: row.trashed === 1 };
}

/**
 * Live articles whose headline contains every word of `headline`, found through the search
 * index (so it stays fast in a large library); the caller compares the headlines exactly.
 */
export function articlesWithHeadlineWords(db: Db, headline: string): { id: string; headline: string }[] {
  const words = headline.normalize('NFC').match(/[\p{L}\p{N}\p{M}]+/gu) ?? [];
  if (words.length === 0) return [];
  const phrase = `headline : "${words.join(' ').replace(/"/g, '""')}"`;
  return prepared(
    db,
    `SELECT a.id, a.headline FROM articles_fts f JOIN articles a ON a.seq = f.rowid
     WHERE articles_fts MATCH ? AND a.trashed_at IS NULL
     ORDER BY a.updated_at DESC LIMIT 50`,
  ).all(phrase) as { id: string; headline: string }[];
}

/** Where an imported article came from, and what it carried that the article has no field for yet. */
export type ImportRecord = {
  articleId: string;
  fileName: string;
  format: ImportFormat;
  sourceUrl: string;
  siteName: string;
  publishedAt: string;
  leadImageUrl: string;
  leadImageCredit: string;
  leadImageCaption: string;
  importedAt: string;
};

/** Writes an article's import record; records are never changed afterwards. */
export function insertImportRecord(db: Db, record: ImportRecord): void {
  prepared(
    db,
    `INSERT INTO article_imports
       (article_id, file_name, format, source_url, site_name, published_at, lead_image_url, lead_image_credit,
        lead_image_caption, imported_at)
     VALUES
       (@articleId, @fileName, @format, @sourceUrl, @siteName, @publishedAt, @leadImageUrl, @leadImageCredit,
        @leadImageCaption, @importedAt)`,
  ).run(record);
}

/** The import record of an article, if it was imported. */
export function getImportRecord(db: Db, articleId: string): ImportRecord | undefined {
  const row = prepared(
    db,
    `SELECT article_id AS articleId, file_name AS fileName, format, source_url AS sourceUrl, site_name AS siteName,
              published_at AS publishedAt, lead_image_url AS leadImageUrl, lead_image_credit AS leadImageCredit,
              lead_image_caption AS leadImageCaption, imported_at AS importedAt
       FROM article_imports WHERE article_id = ?`,
  ).get(articleId) as ImportRecord | undefined;
  return row;
}

/**
 * One step of merging the search index's segments after a bulk import, so searches stay fast:
 * about `pages` pages of work. False once there was nothing left to merge.
 */
export function mergeSearchIndex(db: Db, pages: number): boolean {
  const before = db.prepare('SELECT total_changes()').pluck().get() as number;
  // A negative count merges segments of any level, as 'optimize' would, a step at a time.
  db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)").run(-pages);
  return (db.prepare('SELECT total_changes()').pluck().get() as number) - before >= 2;
}

/** The pages the search index holds, about: what merging it whole rewrites. */
export function searchIndexPages(db: Db): number {
  return db.prepare('SELECT count(*) FROM articles_fts_data').pluck().get() as number;
}
