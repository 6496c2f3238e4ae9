import type { Article, ArticleStatus, ArticleSummary, Body } from '../../../shared/domain';
import { ArticleIdSchema, ArticleStatusSchema, BodySchema } from '../../../shared/domain';
import type { Db } from '../connection';

type ArticleRow = {
  seq: number;
  id: string;
  slug: string;
  headline: string;
  dek: string;
  byline: string;
  dateline: string;
  body_json: string;
  body_text: string;
  word_count: number;
  section: string;
  status: string;
  version: number;
  created_at: string;
  updated_at: string;
  trashed_at: string | null;
};

type SummaryRow = Pick<
  ArticleRow,
  | 'id'
  | 'slug'
  | 'headline'
  | 'dek'
  | 'section'
  | 'status'
  | 'version'
  | 'word_count'
  | 'created_at'
  | 'updated_at'
  | 'trashed_at'
>;

const SUMMARY_COLUMNS =
  'id, slug, headline, dek, section, status, version, word_count, created_at, updated_at, trashed_at';

export function rowToSummary(row: SummaryRow): ArticleSummary {
  return {
    id: ArticleIdSchema.parse(row.id),
    slug: row.slug,
    headline: row.headline,
    dek: row.dek,
    section: row.section,
    status: ArticleStatusSchema.parse(row.status),
    version: row.version,
    wordCount: row.word_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    trashedAt: row.trashed_at,
  };
}

function rowToArticle(row: ArticleRow, tags: string[]): Article {
  return {
    ...rowToSummary(row),
    byline: row.byline,
    dateline: row.dateline,
    body: BodySchema.parse(JSON.parse(row.body_json)),
    bodyText: row.body_text,
    tags,
  };
}

/** The stored form of an article's editable content. */
export type ArticleContent = {
  slug: string;
  headline: string;
  dek: string;
  byline: string;
  dateline: string;
  body: Body;
  bodyText: string;
  wordCount: number;
  section: string;
  tags: string[];
  status: ArticleStatus;
};

export function getTags(db: Db, id: string): string[] {
  return db.prepare('SELECT tag FROM article_tags WHERE article_id = ? ORDER BY position').pluck().all(id) as string[];
}

function setTags(db: Db, id: string, tags: readonly string[]): void {
  db.prepare('DELETE FROM article_tags WHERE article_id = ?').run(id);
  const insert = db.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag, position) VALUES (?, ?, ?)');
  tags.forEach((tag, position) => insert.run(id, tag, position));
}

export function getArticle(db: Db, id: string): Article | undefined {
  const row = db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  return row === undefined ? undefined : rowToArticle(row, getTags(db, id));
}

export function getSummary(db: Db, id: string): ArticleSummary | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`).get(id) as SummaryRow | undefined;
  return row === undefined ? undefined : rowToSummary(row);
}

export function insertArticle(db: Db, id: string, content: ArticleContent, now: string): void {
  db.prepare(
    `INSERT INTO articles
       (id, slug, headline, dek, byline, dateline, body_json, body_text, word_count, section, status,
        version, created_at, updated_at)
     VALUES
       (@id, @slug, @headline, @dek, @byline, @dateline, @bodyJson, @bodyText, @wordCount, @section, @status,
        1, @now, @now)`,
  ).run({ ...content, id, bodyJson: JSON.stringify(content.body), now });
  setTags(db, id, content.tags);
}

/**
 * Writes new content only if the article is still at `expectedVersion`; returns false when
 * another save got there first, so the caller can refuse instead of overwriting newer text.
 */
export function updateArticle(
  db: Db,
  id: string,
  expectedVersion: number,
  content: ArticleContent,
  now: string,
): boolean {
  const result = db
    .prepare(
      `UPDATE articles SET
         slug = @slug, headline = @headline, dek = @dek, byline = @byline, dateline = @dateline,
         body_json = @bodyJson, body_text = @bodyText, word_count = @wordCount, section = @section,
         status = @status, version = version + 1, updated_at = @now
       WHERE id = @id AND version = @expectedVersion`,
    )
    .run({ ...content, id, expectedVersion, bodyJson: JSON.stringify(content.body), now });
  if (result.changes === 0) return false;
  setTags(db, id, content.tags);
  return true;
}

export function setTrashed(db: Db, id: string, trashedAt: string | null): boolean {
  return db.prepare('UPDATE articles SET trashed_at = ? WHERE id = ?').run(trashedAt, id).changes > 0;
}

export function listArticles(
  db: Db,
  options: { offset: number; limit: number; trashed: boolean },
): { items: ArticleSummary[]; total: number } {
  const where = options.trashed ? 'trashed_at IS NOT NULL' : 'trashed_at IS NULL';
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${where}
       ORDER BY updated_at DESC, seq DESC LIMIT ? OFFSET ?`,
    )
    .all(options.limit, options.offset) as SummaryRow[];
  const total = db.prepare(`SELECT count(*) FROM articles WHERE ${where}`).pluck().get() as number;
  return { items: rows.map(rowToSummary), total };
}

export function countArticles(db: Db): { live: number; trashed: number } {
  const row = db
    .prepare(
      `SELECT count(*) FILTER (WHERE trashed_at IS NULL) AS live,
              count(*) FILTER (WHERE trashed_at IS NOT NULL) AS trashed
       FROM articles`,
    )
    .get() as { live: number; trashed: number };
  return row;
}

export function slugTaken(db: Db, slug: string, exceptId: string | null): boolean {
  return db.prepare('SELECT 1 FROM articles WHERE slug = ? AND id IS NOT ?').pluck().get(slug, exceptId) !== undefined;
}
