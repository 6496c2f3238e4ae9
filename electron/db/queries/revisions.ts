import type { RevisionKind } from '../../../shared/domain';
import type { Db } from '../connection';
import { prepared } from '../statements';
import type { ArticleContent } from './articles';

/** Why an automatic version was kept: the story was left, or it had been edited for ten minutes. */
export type AutoVersionReason = 'session-end' | 'editing';

/** The structured fields a revision keeps beside its text, so a restore brings them back too. */
export type RevisionFields = Pick<
  ArticleContent,
  | 'authorIds'
  | 'dateline'
  | 'datelineDate'
  | 'leadImage'
  | 'syndicationCredit'
  | 'embargoUntil'
  | 'publishAt'
  | 'seoHeadline'
  | 'socialHeadline'
  | 'seoDescription'
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
  /** Why an automatic version was kept; '' for any other, and for the first save of an old library. */
  reason: AutoVersionReason | '';
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
  /** Who kept the version: the name from Preferences then, or '' when none was given. */
  created_by: string;
};

export function insertRevision(
  db: Db,
  revision: {
    id: string;
    articleId: string;
    articleVersion: number;
    kind: RevisionKind;
    reason?: AutoVersionReason;
    label: string;
    content: ArticleContent;
    createdAt: string;
    createdBy?: string;
  },
): void {
  const { content } = revision;
  prepared(
    db,
    `INSERT INTO revisions
       (id, article_id, article_version, kind, reason, label, headline, dek, byline, dateline, body_json,
        body_text, section, tags_json, status, created_at, fields_json, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    revision.id,
    revision.articleId,
    revision.articleVersion,
    revision.kind,
    revision.reason ?? '',
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
    JSON.stringify(revisionFields(content)),
    revision.createdBy ?? '',
  );
}

/**
 * The fields a revision kept before Copydesk had them read as a story without them does: no
 * embargo, no publication time, no other headlines, no alt text.
 */
export function withLaterFieldDefaults(kept: Record<string, unknown>): Record<string, unknown> {
  const image = kept.leadImage;
  return {
    embargoUntil: null,
    publishAt: null,
    seoHeadline: '',
    socialHeadline: '',
    seoDescription: '',
    ...kept,
    ...(typeof image === 'object' && image !== null ? { leadImage: { altText: '', ...image } } : {}),
  };
}

/** The structured fields a revision of `content` keeps. */
export function revisionFields(content: ArticleContent): RevisionFields {
  return {
    authorIds: content.authorIds,
    dateline: content.dateline,
    datelineDate: content.datelineDate,
    leadImage: content.leadImage,
    syndicationCredit: content.syndicationCredit,
    embargoUntil: content.embargoUntil,
    publishAt: content.publishAt,
    seoHeadline: content.seoHeadline,
    socialHeadline: content.socialHeadline,
    seoDescription: content.seoDescription,
    language: content.language,
    lengthTarget: content.lengthTarget,
    section: content.section,
    tags: content.tags,
    related: content.related,
  };
}

/** What a save needs to know of a revision: which it is, why and when it was kept; not its text. */
export type RevisionHead = Pick<RevisionRow, 'id' | 'kind' | 'reason' | 'article_version' | 'created_at'>;

/** The article's newest revision, without its text (a long story's is megabytes), if it has one. */
export function latestRevisionHead(db: Db, articleId: string): RevisionHead | undefined {
  return prepared(
    db,
    `SELECT id, kind, reason, article_version, created_at FROM revisions
     WHERE article_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  ).get(articleId) as RevisionHead | undefined;
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
