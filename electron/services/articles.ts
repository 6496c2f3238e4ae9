import { v7 as uuidv7 } from 'uuid';

import type { ArticlePatch } from '../../shared/api';
import type { Article, ArticleSummary, SearchHit } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import { bodyToPlainText, countWords, emptyBody, slugify } from '../../shared/text';
import type { ArticleContent } from '../db/queries/articles';
import * as articles from '../db/queries/articles';
import * as revisions from '../db/queries/revisions';
import { searchArticles } from '../db/queries/search';
import type { Library } from './LibraryHost';

/** An automatic revision is kept at most this often while an article is being edited. */
export const AUTO_REVISION_INTERVAL_MS = 5 * 60 * 1000;

export type Clock = () => Date;
const systemClock: Clock = () => new Date();

function notFound(id: string): ApiError {
  return new ApiError('not-found', `No article with id ${id} is in this library. It may have been deleted.`);
}

/** A slug for `headline` that no other article uses: "night-ferry", then "night-ferry-2", … */
function uniqueSlug(lib: Library, headline: string, exceptId: string | null): string {
  const base = slugify(headline) || 'untitled';
  let candidate = base;
  for (let n = 2; articles.slugTaken(lib.db, candidate, exceptId); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

function contentFrom(current: Omit<ArticleContent, 'bodyText' | 'wordCount' | 'slug'>, slug: string): ArticleContent {
  const bodyText = bodyToPlainText(current.body);
  return { ...current, slug, bodyText, wordCount: countWords(bodyText) };
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}

export function getArticle(lib: Library, id: string): Article {
  const article = articles.getArticle(lib.db, id);
  if (article === undefined) throw notFound(id);
  return article;
}

export function createArticle(lib: Library, patch: ArticlePatch, clock: Clock = systemClock): Article {
  const id = uuidv7();
  const now = clock().toISOString();
  lib.db
    .transaction(() => {
      const headline = patch.headline ?? '';
      const content = contentFrom(
        {
          headline,
          dek: patch.dek ?? '',
          byline: patch.byline ?? '',
          dateline: patch.dateline ?? '',
          body: patch.body ?? emptyBody(),
          section: patch.section ?? '',
          tags: uniqueTags(patch.tags ?? []),
          status: patch.status ?? 'draft',
        },
        uniqueSlug(lib, headline, null),
      );
      articles.insertArticle(lib.db, id, content, now);
      revisions.insertRevision(lib.db, {
        id: uuidv7(),
        articleId: id,
        articleVersion: 1,
        kind: 'created',
        label: '',
        content,
        createdAt: now,
      });
    })
    .immediate();
  return getArticle(lib, id);
}

/**
 * Saves a change to an article that the caller last saw at `version`. If anyone saved in
 * between, the save is refused with a conflict: newer text is never silently overwritten.
 */
export function saveArticle(
  lib: Library,
  id: string,
  version: number,
  patch: ArticlePatch,
  clock: Clock = systemClock,
): Article {
  const now = clock();
  lib.db
    .transaction(() => {
      const current = articles.getArticle(lib.db, id);
      if (current === undefined) throw notFound(id);
      if (current.trashedAt !== null) {
        throw new ApiError('conflict', 'This article is in the trash. Restore it before editing it.');
      }
      if (current.version !== version) {
        throw new ApiError(
          'conflict',
          `This article was changed elsewhere since you opened it (it is now at version ${current.version}, you had version ${version}). Reload it to see the newer text; your edit was not saved.`,
        );
      }
      const headline = patch.headline ?? current.headline;
      const status = patch.status ?? current.status;
      // While a story is a draft its slug follows the headline; after that it is fixed.
      const slug =
        current.status === 'draft' && headline !== current.headline ? uniqueSlug(lib, headline, id) : current.slug;
      const content = contentFrom(
        {
          headline,
          dek: patch.dek ?? current.dek,
          byline: patch.byline ?? current.byline,
          dateline: patch.dateline ?? current.dateline,
          body: patch.body ?? current.body,
          section: patch.section ?? current.section,
          tags: patch.tags === undefined ? current.tags : uniqueTags(patch.tags),
          status,
        },
        slug,
      );
      if (!articles.updateArticle(lib.db, id, version, content, now.toISOString())) {
        throw new ApiError(
          'conflict',
          'This article was changed elsewhere at the same moment. Reload it and try again.',
        );
      }
      const last = revisions.latestRevisionTime(lib.db, id);
      const statusChanged = status !== current.status;
      const due = last === undefined || now.getTime() - Date.parse(last) >= AUTO_REVISION_INTERVAL_MS;
      if (statusChanged || due) {
        revisions.insertRevision(lib.db, {
          id: uuidv7(),
          articleId: id,
          articleVersion: version + 1,
          kind: statusChanged ? 'status' : 'auto',
          label: statusChanged ? `Status: ${status}` : '',
          content,
          createdAt: now.toISOString(),
        });
      }
    })
    .immediate();
  return getArticle(lib, id);
}

function setTrashed(lib: Library, id: string, trashed: boolean, clock: Clock): ArticleSummary {
  if (!articles.setTrashed(lib.db, id, trashed ? clock().toISOString() : null)) throw notFound(id);
  const summary = articles.getSummary(lib.db, id);
  if (summary === undefined) throw notFound(id);
  return summary;
}

export function trashArticle(lib: Library, id: string, clock: Clock = systemClock): ArticleSummary {
  return setTrashed(lib, id, true, clock);
}

export function restoreArticle(lib: Library, id: string, clock: Clock = systemClock): ArticleSummary {
  return setTrashed(lib, id, false, clock);
}

export function listArticles(
  lib: Library,
  options: { offset: number; limit: number; trashed: boolean },
): { items: ArticleSummary[]; total: number } {
  return articles.listArticles(lib.db, options);
}

export function search(lib: Library, query: string, limit: number): { hits: SearchHit[]; hint: string | null } {
  return searchArticles(lib.db, query, limit);
}
