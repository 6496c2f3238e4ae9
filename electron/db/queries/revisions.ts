import type { Db } from '../connection';
import type { ArticleContent } from './articles';

export type RevisionKind = 'created' | 'auto' | 'status' | 'manual' | 'restore';

export function insertRevision(
  db: Db,
  revision: {
    id: string;
    articleId: string;
    articleVersion: number;
    kind: RevisionKind;
    label: string;
    content: ArticleContent;
    createdAt: string;
  },
): void {
  const { content } = revision;
  db.prepare(
    `INSERT INTO revisions
       (id, article_id, article_version, kind, label, headline, dek, byline, dateline, body_json,
        body_text, section, tags_json, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    revision.id,
    revision.articleId,
    revision.articleVersion,
    revision.kind,
    revision.label,
    content.headline,
    content.dek,
    content.byline,
    content.dateline,
    JSON.stringify(content.body),
    content.bodyText,
    content.section,
    JSON.stringify(content.tags),
    content.status,
    revision.createdAt,
  );
}

/** When the article's newest revision was taken, if it has one. */
export function latestRevisionTime(db: Db, articleId: string): string | undefined {
  return (
    (db.prepare('SELECT max(created_at) FROM revisions WHERE article_id = ?').pluck().get(articleId) as
      string | null) ?? undefined
  );
}

export function countRevisions(db: Db, articleId: string): number {
  return db.prepare('SELECT count(*) FROM revisions WHERE article_id = ?').pluck().get(articleId) as number;
}
