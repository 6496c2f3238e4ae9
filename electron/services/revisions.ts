import { v7 as uuidv7 } from 'uuid';

import type { ArticlePatch } from '../../shared/api';
import { ArticlePatchSchema } from '../../shared/api';
import type { Article, Revision, RevisionSummary } from '../../shared/domain';
import { ArticleIdSchema, ArticleStatusSchema, RevisionIdSchema, StoredBodySchema } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { countWords } from '../../shared/text';
import { contentOf, getSummary } from '../db/queries/articles';
import { missingArticleIds } from '../db/queries/related';
import { getAssetMeta } from '../db/queries/assets';
import { missingAuthorIds } from '../db/queries/authors';
import type { RevisionRow } from '../db/queries/revisions';
import * as revisions from '../db/queries/revisions';
import type { EditContext } from './articles';
import { readStoredBody } from '../../shared/body/readStoredBody';
import { articleForChange, getArticle, writeChange } from './articles';
import { isLiveStory, projectStoryDocument, restoreIntoDocument } from './storyDocuments';
import { keepSessionEndVersion } from './automaticVersions';
import { readableLabel } from './checklistItemNames';
import type { Library } from './LibraryHost';

function toSummary(lib: Library, row: RevisionRow): RevisionSummary {
  return {
    id: RevisionIdSchema.parse(row.id),
    articleId: ArticleIdSchema.parse(row.article_id),
    articleVersion: row.article_version,
    kind: row.kind,
    // Export labels written before checklist items had names are put in words as they are read.
    label: row.kind === 'export' ? readableLabel(lib, row.label) : row.label,
    headline: row.headline,
    status: ArticleStatusSchema.parse(row.status),
    wordCount: countWords(row.body_text),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

function toRevision(lib: Library, row: RevisionRow): Revision {
  return {
    ...toSummary(lib, row),
    dek: row.dek,
    body: StoredBodySchema.parse(JSON.parse(row.body_json)),
    bodyText: row.body_text,
  };
}

export function listRevisions(lib: Library, articleId: string): RevisionSummary[] {
  if (getSummary(lib.db, articleId) === undefined) {
    throw new ApiError('not-found', `No article with id ${articleId} is in this library.`);
  }
  return revisions.listRevisions(lib.db, articleId).map((row) => toSummary(lib, row));
}

export function getRevision(lib: Library, id: string): Revision {
  const row = revisions.getRevision(lib.db, id);
  if (row === undefined) throw new ApiError('not-found', 'That version is not in this library.');
  return toRevision(lib, row);
}

/** "Save version": keeps the article as it is now, under a name the person chose, signed with theirs. */
export function saveVersion(
  lib: Library,
  articleId: string,
  label: string,
  now: Date = new Date(),
  userName = '',
): RevisionSummary {
  const id = uuidv7();
  lib.db
    .transaction(() => {
      const article = getArticle(lib, articleId);
      revisions.insertRevision(lib.db, {
        id,
        articleId,
        articleVersion: article.version,
        kind: 'manual',
        label,
        content: contentOf(article),
        createdAt: now.toISOString(),
        createdBy: userName.trim(),
      });
    })
    .immediate();
  return getRevision(lib, id);
}

/** The structured fields kept with a revision, validated as the patch they become on restore. */
const RevisionFieldsPatchSchema = ArticlePatchSchema.pick({
  authorIds: true,
  dateline: true,
  datelineDate: true,
  leadImage: true,
  syndicationCredit: true,
  embargoUntil: true,
  publishAt: true,
  seoHeadline: true,
  socialHeadline: true,
  seoDescription: true,
  language: true,
  lengthTarget: true,
  section: true,
  tags: true,
  related: true,
}).partial();

function fieldsPatch(lib: Library, json: string): ArticlePatch {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  const parsed = RevisionFieldsPatchSchema.safeParse(value);
  if (!parsed.success) return {};
  const patch: ArticlePatch = parsed.data;
  // Authors or an image removed from the library since are left out rather than failing.
  if (patch.authorIds !== undefined) {
    patch.authorIds = patch.authorIds.filter((id) => missingAuthorIds(lib.db, [id]).length === 0);
  }
  if (patch.leadImage != null && getAssetMeta(lib.db, patch.leadImage.assetId) === undefined) delete patch.leadImage;
  // A related article deleted since stays listed, unlinked, as it read then.
  if (patch.related !== undefined) {
    patch.related = patch.related.map((entry) =>
      entry.articleId !== null && missingArticleIds(lib.db, [entry.articleId]).length > 0
        ? { ...entry, articleId: null }
        : entry,
    );
  }
  return patch;
}

/**
 * Brings back a kept version. The current text is kept as a revision first, so a restore
 * never loses anything; the status is not changed.
 */
export function restoreRevision(
  lib: Library,
  articleId: string,
  revisionId: string,
  version: number,
  context: EditContext = {},
): Article {
  const now = (context.clock ?? (() => new Date()))();
  lib.db
    .transaction(() => {
      const row = revisions.getRevision(lib.db, revisionId);
      if (row?.article_id !== articleId) throw new ApiError('not-found', 'That version is not one of this article’s.');
      const live = isLiveStory(lib, articleId);
      // A live story's row follows its document a moment after the typing: brought up to date
      // first, so the version kept before the restore holds what everyone had typed.
      if (live) projectStoryDocument(lib, articleId, { editedBy: [], leaving: false }, now);
      const current = articleForChange(lib, articleId, version);
      revisions.insertRevision(lib.db, {
        id: uuidv7(),
        articleId,
        articleVersion: current.version,
        kind: 'restore',
        label: `Before restoring the version of ${row.created_at.slice(0, 16).replace('T', ' ')} UTC`,
        content: contentOf(current),
        createdAt: now.toISOString(),
        createdBy: (context.userName ?? '').trim(),
      });
      const keptBody = StoredBodySchema.parse(JSON.parse(row.body_json));
      const fields = { dateline: row.dateline, section: row.section, ...fieldsPatch(lib, row.fields_json) };
      if (live) {
        // Edited live on a desk: the text, headline and dek go back in the story's document,
        // where everyone in it sees them arrive; the other fields are saved as ever.
        writeChange(lib, current, fields, { ...context, clock: () => now });
        restoreIntoDocument(
          lib,
          articleId,
          { body: readStoredBody(keptBody).body, headline: row.headline, dek: row.dek },
          now,
        );
        return;
      }
      writeChange(
        lib,
        current,
        // The text exactly as the version kept it, whatever version of Copydesk stored it.
        { ...fields, headline: row.headline, dek: row.dek, keptBody },
        { ...context, clock: () => now },
      );
    })
    .immediate();
  return getArticle(lib, articleId);
}

/**
 * The person has left the story: another story opened, the window closed or reloaded, the
 * library switched. Keeps what they left as an automatic version when its text or fields
 * changed since the newest version; null when there was nothing new to keep.
 */
export function endEditingSession(lib: Library, articleId: string, context: EditContext = {}): RevisionSummary | null {
  const now = (context.clock ?? (() => new Date()))();
  const kept = lib.db
    .transaction(() => {
      const article = getArticle(lib, articleId);
      return keepSessionEndVersion(lib.db, {
        articleId,
        articleVersion: article.version,
        content: contentOf(article),
        now,
        userName: context.userName ?? '',
      });
    })
    .immediate();
  return kept === null ? null : getRevision(lib, kept);
}
