import type { Db } from '../connection';
import { prepared } from '../statements';
import type { ArticleContent } from './articles';

export type RevisionKind = 'created' | 'auto' | 'status' | 'manual' | 'restore';

/** The structured fields a revision keeps beside its text, so a restore brings them back too. */
export type RevisionFields = Pick<
  ArticleContent,
  | 'authorIds'
  | 'dateline'
  | 'datelineDate'
  | 'leadImage'
  | 'syndicationCredit'
  | 'language'
  | 'lengthTarget'
  | 'section'
  | 'tags'
  | 'related'
>;

export type RevisionRow = {
  id: string;
  article_id: string;
  article_version: number;
  kind: RevisionKind;
  label: string;
  headline: string;
  dek: string;
  byline: string;
  dateline: string;
  body_json: string;
  body_text: string;
  section: string;
  tags_json: string;
  status: string;
  created_at: string;
  fields_json: string;
};

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
  const fields: RevisionFields = {
    authorIds: content.authorIds,
    dateline: content.dateline,
    datelineDate: content.datelineDate,
    leadImage: content.leadImage,
    syndicationCredit: content.syndicationCredit,
    language: content.language,
    lengthTarget: content.lengthTarget,
    section: content.section,
    tags: content.tags,
    related: content.related,
  };
  prepared(
    db,
    `INSERT INTO revisions
       (id, article_id, article_version, kind, label, headline, dek, byline, dateline, body_json,
        body_text, section, tags_json, status, created_at, fields_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
    JSON.stringify(fields),
  );
}

/** When the article's newest revision was taken, if it has one. */
export function latestRevisionTime(db: Db, articleId: string): string | undefined {
  return (
    (prepared(db, 'SELECT max(created_at) FROM revisions WHERE article_id = ?').pluck().get(articleId) as
      string | null) ?? undefined
  );
}

export function countRevisions(db: Db, articleId: string): number {
  return prepared(db, 'SELECT count(*) FROM revisions WHERE article_id = ?').pluck().get(articleId) as number;
}

/** An article's revisions, newest first. */
export function listRevisions(db: Db, articleId: string): RevisionRow[] {
  return prepared(db, 'SELECT * FROM revisions WHERE article_id = ? ORDER BY created_at DESC, rowid DESC').all(
    articleId,
  ) as RevisionRow[];
}

export function getRevision(db: Db, id: string): RevisionRow | undefined {
  return prepared(db, 'SELECT * FROM revisions WHERE id = ?').get(id) as RevisionRow | undefined;
}
