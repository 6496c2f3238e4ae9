import type { Article, ArticleStatus, ArticleSummary, StoredBody } from '../../../shared/domain';
import { ArticleIdSchema, ArticleStatusSchema, ASSIGNED_STEPS, StoredBodySchema } from '../../../shared/domain';
import { contentHash } from '../contentHash';
import type { Db } from '../connection';
import { prepared } from '../statements';
import { getAssetMeta, rowToAsset } from './assets';
import { articleAuthors, rowToAuthor, setArticleAuthors } from './authors';
import { getRelated, setRelated, type RelatedEntry } from './related';

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
  dateline_date: string;
  lead_image_id: string | null;
  lead_image_caption: string;
  lead_image_credit: string;
  syndication_credit: string;
  language: string;
  length_target: number | null;
  slug_locked: number;
  embargo_until: string | null;
  publish_at: string | null;
  seo_headline: string;
  social_headline: string;
  seo_description: string;
  lead_image_alt_text: string;
  owner: string;
  assignee: string;
  assigned_step: string | null;
  others_suggest: number;
};

export type SummaryRow = Pick<
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
  | 'embargo_until'
  | 'publish_at'
  | 'owner'
  | 'assignee'
  | 'assigned_step'
>;

export const SUMMARY_COLUMNS =
  'id, slug, headline, dek, section, status, version, word_count, created_at, updated_at, trashed_at, embargo_until, publish_at, owner, assignee, assigned_step';

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
    embargoUntil: row.embargo_until,
    publishAt: row.publish_at,
    owner: row.owner,
    assignee: row.assignee,
    // A step the library knows, or none: a library made before it kept steps (migration 021) has none.
    assignedStep: ASSIGNED_STEPS.find((step) => step === row.assigned_step) ?? null,
  };
}

function rowToArticle(db: Db, row: ArticleRow): Article {
  const image = row.lead_image_id === null ? undefined : getAssetMeta(db, row.lead_image_id);
  return {
    ...rowToSummary(row),
    byline: row.byline,
    authors: articleAuthors(db, row.id).map(rowToAuthor),
    dateline: row.dateline,
    datelineDate: row.dateline_date,
    leadImage:
      image === undefined
        ? null
        : {
            asset: rowToAsset(image),
            caption: row.lead_image_caption,
            credit: row.lead_image_credit,
            altText: row.lead_image_alt_text,
          },
    // Without a picture, the column keeps the credit for the one to be added.
    leadImageCredit: image === undefined ? row.lead_image_credit : '',
    syndicationCredit: row.syndication_credit,
    seoHeadline: row.seo_headline,
    socialHeadline: row.social_headline,
    seoDescription: row.seo_description,
    language: row.language,
    lengthTarget: row.length_target,
    slugLocked: row.slug_locked === 1,
    othersSuggest: row.others_suggest === 1,
    // Read as stored: a body an earlier version kept opens (readStoredBody reads it node by node).
    body: StoredBodySchema.parse(JSON.parse(row.body_json)),
    bodyText: row.body_text,
    tags: getTags(db, row.id),
    related: getRelated(db, row.id),
  };
}

/** The stored form of an article's editable content. */
export type ArticleContent = {
  slug: string;
  slugLocked: boolean;
  headline: string;
  dek: string;
  /** Derived from the authors' names. */
  byline: string;
  authorIds: string[];
  dateline: string;
  datelineDate: string;
  leadImage: { assetId: string; caption: string; credit: string; altText: string } | null;
  /** The credit kept for a lead image still to be added (see Article.leadImageCredit). */
  leadImageCredit: string;
  syndicationCredit: string;
  /** UTC timestamps, or null. */
  embargoUntil: string | null;
  publishAt: string | null;
  seoHeadline: string;
  socialHeadline: string;
  seoDescription: string;
  language: string;
  lengthTarget: number | null;
  /** As stored, or as a save sends it (a `Body`). */
  body: StoredBody;
  bodyText: string;
  wordCount: number;
  section: string;
  tags: string[];
  /** The related list, in order. */
  related: RelatedEntry[];
  status: ArticleStatus;
  /** Identifies the text for duplicate detection; derived from headline and body text. */
  contentHash: string;
};

/** The content of a stored article, as a starting point for a change. */
export function contentOf(article: Article): ArticleContent {
  return {
    slug: article.slug,
    slugLocked: article.slugLocked,
    headline: article.headline,
    dek: article.dek,
    byline: article.byline,
    authorIds: article.authors.map((author) => author.id),
    dateline: article.dateline,
    datelineDate: article.datelineDate,
    leadImage:
      article.leadImage === null
        ? null
        : {
            assetId: article.leadImage.asset.id,
            caption: article.leadImage.caption,
            credit: article.leadImage.credit,
            altText: article.leadImage.altText,
          },
    leadImageCredit: article.leadImageCredit,
    syndicationCredit: article.syndicationCredit,
    embargoUntil: article.embargoUntil,
    publishAt: article.publishAt,
    seoHeadline: article.seoHeadline,
    socialHeadline: article.socialHeadline,
    seoDescription: article.seoDescription,
    language: article.language,
    lengthTarget: article.lengthTarget,
    body: article.body,
    bodyText: article.bodyText,
    wordCount: article.wordCount,
    section: article.section,
    tags: article.tags,
    related: article.related.map(({ articleId, headline, teaser }) => ({ articleId, headline, teaser })),
    status: article.status,
    contentHash: contentHash(article.headline, article.bodyText),
  };
}

function bindContent(content: ArticleContent): Record<string, unknown> {
  return {
    slug: content.slug,
    slugLocked: content.slugLocked ? 1 : 0,
    headline: content.headline,
    dek: content.dek,
    byline: content.byline,
    dateline: content.dateline,
    datelineDate: content.datelineDate,
    leadImageId: content.leadImage?.assetId ?? null,
    leadImageCaption: content.leadImage?.caption ?? '',
    leadImageCredit: content.leadImage?.credit ?? content.leadImageCredit,
    leadImageAltText: content.leadImage?.altText ?? '',
    syndicationCredit: content.syndicationCredit,
    embargoUntil: content.embargoUntil,
    publishAt: content.publishAt,
    seoHeadline: content.seoHeadline,
    socialHeadline: content.socialHeadline,
    seoDescription: content.seoDescription,
    language: content.language,
    lengthTarget: content.lengthTarget,
    bodyJson: JSON.stringify(content.body),
    bodyText: content.bodyText,
    wordCount: content.wordCount,
    section: content.section,
    status: content.status,
    contentHash: content.contentHash,
  };
}

export function getTags(db: Db, id: string): string[] {
  return prepared(db, 'SELECT tag FROM article_tags WHERE article_id = ? ORDER BY position')
    .pluck()
    .all(id) as string[];
}

function setTags(db: Db, id: string, tags: readonly string[]): void {
  prepared(db, 'DELETE FROM article_tags WHERE article_id = ?').run(id);
  const insert = prepared(db, 'INSERT OR IGNORE INTO article_tags (article_id, tag, position) VALUES (?, ?, ?)');
  tags.forEach((tag, position) => insert.run(id, tag, position));
}

export function getArticle(db: Db, id: string): Article | undefined {
  const row = prepared(db, 'SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined;
  return row === undefined ? undefined : rowToArticle(db, row);
}

export function getSummary(db: Db, id: string): ArticleSummary | undefined {
  const row = prepared(db, `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE id = ?`).get(id) as SummaryRow | undefined;
  return row === undefined ? undefined : rowToSummary(row);
}

/** Writes a new article, owned by `owner` ('' for nobody), with nobody assigned. */
export function insertArticle(db: Db, id: string, content: ArticleContent, now: string, owner = ''): void {
  prepared(
    db,
    `INSERT INTO articles
       (id, slug, slug_locked, headline, dek, byline, dateline, dateline_date, lead_image_id, lead_image_caption,
        lead_image_credit, lead_image_alt_text, syndication_credit, embargo_until, publish_at, seo_headline,
        social_headline, seo_description, language, length_target, body_json, body_text, word_count, section,
        status, content_hash, owner, version, created_at, updated_at)
     VALUES
       (@id, @slug, @slugLocked, @headline, @dek, @byline, @dateline, @datelineDate, @leadImageId, @leadImageCaption,
        @leadImageCredit, @leadImageAltText, @syndicationCredit, @embargoUntil, @publishAt, @seoHeadline,
        @socialHeadline, @seoDescription, @language, @lengthTarget, @bodyJson, @bodyText, @wordCount, @section,
        @status, @contentHash, @owner, 1, @now, @now)`,
  ).run({ ...bindContent(content), id, now, owner });
  setTags(db, id, content.tags);
  setArticleAuthors(db, id, content.authorIds);
  setRelated(db, id, content.related);
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
  const result = prepared(
    db,
    `UPDATE articles SET
         slug = @slug, slug_locked = @slugLocked, headline = @headline, dek = @dek, byline = @byline,
         dateline = @dateline, dateline_date = @datelineDate, lead_image_id = @leadImageId,
         lead_image_caption = @leadImageCaption, lead_image_credit = @leadImageCredit,
         lead_image_alt_text = @leadImageAltText, syndication_credit = @syndicationCredit,
         embargo_until = @embargoUntil, publish_at = @publishAt, seo_headline = @seoHeadline,
         social_headline = @socialHeadline, seo_description = @seoDescription, language = @language,
         length_target = @lengthTarget,
         body_json = @bodyJson, body_text = @bodyText, word_count = @wordCount, section = @section,
         status = @status, content_hash = @contentHash, version = version + 1, updated_at = @now
       WHERE id = @id AND version = @expectedVersion`,
  ).run({ ...bindContent(content), id, expectedVersion, now });
  if (result.changes === 0) return false;
  setTags(db, id, content.tags);
  setArticleAuthors(db, id, content.authorIds);
  setRelated(db, id, content.related);
  return true;
}

/** An article's body as stored, unread: what a change is compared with. */
export function storedBodyJson(db: Db, id: string): string | undefined {
  return prepared(db, 'SELECT body_json FROM articles WHERE id = ?').pluck().get(id) as string | undefined;
}

/**
 * Writes an article's headline, dek, body and what is read from them, leaving its version where
 * it is: on a desk they are the story's live document, and a save of the other fields made
 * meanwhile stays good.
 */
export function setLiveContent(
  db: Db,
  id: string,
  content: Pick<ArticleContent, 'headline' | 'dek' | 'slug' | 'body' | 'bodyText' | 'wordCount' | 'contentHash'>,
  now: string,
): boolean {
  return (
    prepared(
      db,
      `UPDATE articles SET headline = @headline, dek = @dek, slug = @slug, body_json = @body, body_text = @bodyText,
              word_count = @wordCount, content_hash = @contentHash, updated_at = @now
         WHERE id = @id AND trashed_at IS NULL`,
    ).run({ ...content, body: JSON.stringify(content.body), id, now }).changes > 0
  );
}

/** Moves an article at `expectedVersion` to `status`, its version on by one; false when it has moved on. */
export function setArticleStatus(db: Db, id: string, expectedVersion: number, status: string, now: string): boolean {
  return (
    prepared(
      db,
      'UPDATE articles SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ?',
    ).run(status, now, id, expectedVersion).changes > 0
  );
}

export function setTrashed(db: Db, id: string, trashedAt: string | null): boolean {
  return prepared(db, 'UPDATE articles SET trashed_at = ? WHERE id = ?').run(trashedAt, id).changes > 0;
}

export function countArticles(db: Db): { live: number; trashed: number; lastChangeAt: string | null } {
  const row = prepared(
    db,
    `SELECT count(*) FILTER (WHERE trashed_at IS NULL) AS live,
              count(*) FILTER (WHERE trashed_at IS NOT NULL) AS trashed,
              (SELECT max(updated_at) FROM articles WHERE trashed_at IS NULL) AS lastChangeAt
       FROM articles`,
  ).get() as { live: number; trashed: number; lastChangeAt: string | null };
  return row;
}

export function slugTaken(db: Db, slug: string, exceptId: string | null): boolean {
  return (
    prepared(db, 'SELECT 1 FROM articles WHERE slug = ? AND id IS NOT ?').pluck().get(slug, exceptId) !== undefined
  );
}
