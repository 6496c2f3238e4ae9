import { v7 as uuidv7 } from 'uuid';

import type { ArticlePatch } from '../../shared/api';
import type { Body, StoredBody } from '../../shared/body/bodySchema';
import { readStoredBody } from '../../shared/body/readStoredBody';
import type { Article, ArticleStatus, ArticleSummary, SearchHit, StatusChange } from '../../shared/domain';
import { ArticleStatusSchema } from '../../shared/domain';
import { ApiError } from '../../shared/errors';
import type { LibraryFacets, LibraryFilters } from '../../shared/library';
import { bodyToPlainText, countWords, emptyBody, joinNames, slugify } from '../../shared/text';
import { ownerFromSigner } from '../../shared/workflow';
import type { ArticleContent } from '../db/queries/articles';
import * as articles from '../db/queries/articles';
import { getAssetMeta } from '../db/queries/assets';
import { missingArticleIds } from '../db/queries/related';
import type { ListOptions } from '../db/queries/library';
import * as library from '../db/queries/library';
import { getAuthor, missingAuthorIds } from '../db/queries/authors';
import * as revisions from '../db/queries/revisions';
import { searchArticles } from '../db/queries/search';
import { insertStatusChange, listStatusChanges } from '../db/queries/statusChanges';
import { contentHash } from '../db/contentHash';
import { keepVersionsAfterSave } from './automaticVersions';
import { reconcileClaims } from './claims';
import { reconcileComments } from './comments';
import { indexArticleById } from './related';
import type { Library } from './LibraryHost';

/**
 * Texts longer than this are analysed for related articles just after their save, by the
 * background queue, rather than inside it: a 70,000-word paste would otherwise hold its save
 * up by a second or more of analysis, and every save after it by most of that. A story is
 * rarely half as long; its analysis stays part of its save.
 */
export const ANALYSE_IN_SAVE_MAX_WORDS = 10_000;

export type Clock = () => Date;
const systemClock: Clock = () => new Date();

/**
 * Who is making a change, and when: status changes and revisions record both. `analyseLater`
 * leaves the article's related-article analysis to the queue that LibraryHost works through
 * in the background (in worker threads where it has them: browser mode, the app) (or `copydesk related --reindex`): imports store hundreds of articles a
 * second, where analysing each would take ~50 ms.
 */
export type EditContext = {
  clock?: Clock;
  userName?: string;
  analyseLater?: boolean;
  /** A closing window's last save (see keepVersionsAfterSave). */
  closing?: boolean;
};

/**
 * A change as the services make it: a save's patch (its body checked by the contract), and for
 * a restore the body exactly as a version kept it, whatever version of Copydesk stored it.
 */
export type ArticleChange = ArticlePatch & { keptBody?: StoredBody };

function notFound(id: string): ApiError {
  return new ApiError('not-found', `No article with id ${id} is in this library. It may have been deleted.`);
}

/** A slug for `headline` that no other article uses: "night-ferry", then "night-ferry-2", … */
export function uniqueSlug(lib: Library, headline: string, exceptId: string | null): string {
  const base = slugify(headline) || 'untitled';
  let candidate = base;
  for (let n = 2; articles.slugTaken(lib.db, candidate, exceptId); n += 1) candidate = `${base}-${n}`;
  return candidate;
}

/** An article's slug once its headline is `headline`: a draft's follows it, unless someone set it by hand. */
export function slugAfter(
  lib: Library,
  article: { id: string | null; slug: string; slugLocked: boolean; status: string; headline: string },
  headline: string,
): string {
  const follows =
    article.slug === '' || (!article.slugLocked && article.status === 'draft' && headline !== article.headline);
  return follows ? uniqueSlug(lib, headline, article.id) : article.slug;
}

function uniqueTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter((tag) => tag.length > 0))];
}

const EMPTY_CONTENT: ArticleContent = {
  slug: '',
  slugLocked: false,
  headline: '',
  dek: '',
  byline: '',
  authorIds: [],
  dateline: '',
  datelineDate: '',
  leadImage: null,
  leadImageCredit: '',
  syndicationCredit: '',
  embargoUntil: null,
  publishAt: null,
  seoHeadline: '',
  socialHeadline: '',
  seoDescription: '',
  language: 'en',
  lengthTarget: null,
  body: emptyBody(),
  bodyText: '',
  wordCount: 0,
  section: '',
  tags: [],
  related: [],
  status: 'draft',
  contentHash: '',
};

/** A time as the library keeps it: UTC with milliseconds, the one form every reader compares. */
function storyTime(time: string | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

/**
 * The content an article will have after `patch`: fields the patch names replace the current
 * ones, the byline, plain text and counts are derived, and references (authors, the lead image,
 * a hand-set slug) are checked against the library.
 */
function applyPatch(
  lib: Library,
  id: string | null,
  base: ArticleContent,
  patch: ArticleChange,
): { content: ArticleContent; body: Body } {
  const next: ArticleContent = {
    ...base,
    headline: patch.headline ?? base.headline,
    dek: patch.dek ?? base.dek,
    dateline: patch.dateline ?? base.dateline,
    datelineDate: patch.datelineDate ?? base.datelineDate,
    syndicationCredit: patch.syndicationCredit ?? base.syndicationCredit,
    embargoUntil: patch.embargoUntil === undefined ? base.embargoUntil : storyTime(patch.embargoUntil),
    publishAt: patch.publishAt === undefined ? base.publishAt : storyTime(patch.publishAt),
    seoHeadline: patch.seoHeadline ?? base.seoHeadline,
    socialHeadline: patch.socialHeadline ?? base.socialHeadline,
    seoDescription: patch.seoDescription ?? base.seoDescription,
    language: patch.language ?? base.language,
    lengthTarget: patch.lengthTarget === undefined ? base.lengthTarget : patch.lengthTarget,
    section: patch.section ?? base.section,
    tags: patch.tags === undefined ? base.tags : uniqueTags(patch.tags),
    status: patch.status ?? base.status,
    body: patch.keptBody ?? patch.body ?? base.body,
  };

  if (patch.authorIds !== undefined) {
    const ids = [...new Set(patch.authorIds)];
    const missing = missingAuthorIds(lib.db, ids);
    if (missing.length > 0) {
      throw new ApiError(
        'invalid-request',
        'An author in the byline is not in this library any more. Choose the byline again.',
      );
    }
    next.authorIds = ids;
  }
  next.byline = joinNames(next.authorIds.map((authorId) => getAuthor(lib.db, authorId)?.name ?? ''));

  if (patch.related !== undefined) {
    const linked = patch.related.flatMap((entry) => (entry.articleId === null ? [] : [entry.articleId]));
    if (id !== null && linked.some((linkedId) => linkedId === id)) {
      throw new ApiError('invalid-request', 'An article cannot be related to itself.');
    }
    if (missingArticleIds(lib.db, [...new Set(linked)]).length > 0) {
      throw new ApiError(
        'invalid-request',
        'A related article is not in this library any more. Remove it from the related list, or choose it again.',
      );
    }
    next.related = patch.related;
  }

  if (patch.leadImageCredit !== undefined) next.leadImageCredit = patch.leadImageCredit;
  if (patch.leadImage !== undefined) {
    if (patch.leadImage !== null && getAssetMeta(lib.db, patch.leadImage.assetId) === undefined) {
      throw new ApiError('invalid-request', 'The lead image is not in this library. Choose the image again.');
    }
    if (patch.leadImage === null) {
      // The picture goes; its credit stays, kept for the next one, where it can be changed or cleared.
      next.leadImageCredit = base.leadImage?.credit || next.leadImageCredit;
      next.leadImage = null;
    } else {
      // A picture added without a credit of its own takes the one kept for it.
      const credit = patch.leadImage.credit === '' ? next.leadImageCredit : patch.leadImage.credit;
      // Alt text describes one picture: another picture starts without it, unless the save gives it.
      const samePicture = base.leadImage?.assetId === patch.leadImage.assetId;
      const altText = patch.leadImage.altText ?? (samePicture ? (base.leadImage?.altText ?? '') : '');
      next.leadImage = { ...patch.leadImage, credit, altText };
      next.leadImageCredit = '';
    }
  }
  if (next.leadImage !== null) next.leadImageCredit = '';

  if (patch.slug !== undefined) {
    if (articles.slugTaken(lib.db, patch.slug, id)) {
      throw new ApiError('conflict', `The slug "${patch.slug}" is already used by another article. Choose another.`);
    }
    next.slug = patch.slug;
    next.slugLocked = true;
  } else {
    next.slug = slugAfter(lib, { ...base, id }, next.headline);
  }

  // The body is stored as it came; its text is read from it node by node, as every reader does.
  const body = patch.keptBody === undefined && patch.body !== undefined ? patch.body : readStoredBody(next.body).body;
  next.bodyText = bodyToPlainText(body);
  next.wordCount = countWords(next.bodyText);
  next.contentHash = contentHash(next.headline, next.bodyText);
  return { content: next, body };
}

export function getArticle(lib: Library, id: string): Article {
  const article = findArticle(lib, id);
  if (article === undefined) throw notFound(id);
  return article;
}

/** An article, live or in the trash; undefined when the library has none with that id. */
export function findArticle(lib: Library, id: string): Article | undefined {
  return articles.getArticle(lib.db, id);
}

/** An article's summary, live or in the trash; undefined when the library has none with that id. */
export function findSummary(lib: Library, id: string): ArticleSummary | undefined {
  return articles.getSummary(lib.db, id);
}

/** Whether an article other than `exceptId` already has `slug`. */
export function slugTaken(lib: Library, slug: string, exceptId: string | null = null): boolean {
  return articles.slugTaken(lib.db, slug, exceptId);
}

/** A new article, under `chosenId` when the window already gave it one (refused if that id is taken). */
export function createArticle(
  lib: Library,
  patch: ArticlePatch,
  context: EditContext = {},
  chosenId?: string,
): Article {
  const id = chosenId ?? uuidv7();
  lib.db
    .transaction(() => {
      if (chosenId !== undefined && articles.getSummary(lib.db, chosenId) !== undefined) {
        throw new ApiError('conflict', 'This story is already in the library: open it from the list to go on with it.');
      }
      insertNewArticle(lib, patch, context, { id });
    })
    .immediate();
  return getArticle(lib, id);
}

/** What insertNewArticle wrote. */
export type NewArticle = { id: string; content: ArticleContent; createdAt: string };

/**
 * Writes a new article and its first revision inside the caller's transaction, and returns what
 * it wrote without reading the article back: a bulk import stores many in one transaction. The
 * person making it (who signs its first version) owns it.
 * `contentHash`, when given, is stored in place of the hash of the article's own text (an
 * import keeps the hash of the text as its file had it, so importing the file again finds it).
 */
export function insertNewArticle(
  lib: Library,
  patch: ArticlePatch,
  context: EditContext = {},
  options: { id?: string; contentHash?: string } = {},
): NewArticle {
  const id = options.id ?? uuidv7();
  const now = (context.clock ?? systemClock)().toISOString();
  const applied = applyPatch(lib, id, EMPTY_CONTENT, patch).content;
  const content = options.contentHash === undefined ? applied : { ...applied, contentHash: options.contentHash };
  articles.insertArticle(lib.db, id, content, now, ownerFromSigner(context.userName));
  revisions.insertRevision(lib.db, {
    id: uuidv7(),
    articleId: id,
    articleVersion: 1,
    kind: 'created',
    label: '',
    content,
    createdAt: now,
    createdBy: (context.userName ?? '').trim(),
  });
  if (context.analyseLater !== true && content.wordCount <= ANALYSE_IN_SAVE_MAX_WORDS) indexArticleById(lib, id);
  return { id, content, createdAt: now };
}

/** Loads an article for a change, refusing one in the trash or one changed since `version`. */
export function articleForChange(lib: Library, id: string, version: number): Article {
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
  return current;
}

/**
 * Writes `patch` over an article already checked by articleForChange, recording a status
 * change and keeping the versions that are due (see keepVersionsAfterSave). Runs inside the
 * caller's transaction.
 */
export function writeChange(lib: Library, current: Article, patch: ArticleChange, context: EditContext): void {
  const now = (context.clock ?? systemClock)();
  const { content, body } = applyPatch(lib, current.id, articles.contentOf(current), patch);
  if (!articles.updateArticle(lib.db, current.id, current.version, content, now.toISOString())) {
    throw new ApiError('conflict', 'This article was changed elsewhere at the same moment. Reload it and try again.');
  }
  if (patch.body !== undefined || patch.keptBody !== undefined) {
    reconcileClaims(lib.db, current.id, body, now.toISOString());
    reconcileComments(lib.db, current.id, body, now.toISOString());
  }
  // Related-article suggestions read what is computed here; an unchanged text costs one lookup.
  // A very long one stays queued (the triggers queue every change) for the background.
  if (context.analyseLater !== true && content.wordCount <= ANALYSE_IN_SAVE_MAX_WORDS) {
    indexArticleById(lib, current.id);
  }
  const statusChanged = content.status !== current.status;
  if (statusChanged) {
    insertStatusChange(lib.db, {
      id: uuidv7(),
      articleId: current.id,
      from: current.status,
      to: content.status,
      changedBy: context.userName ?? '',
      changedAt: now.toISOString(),
    });
  }
  keepVersionsAfterSave(lib.db, {
    articleId: current.id,
    versionBefore: current.version,
    articleVersion: current.version + 1,
    content,
    statusChanged,
    closing: context.closing === true,
    now,
    userName: context.userName ?? '',
  });
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
  context: EditContext = {},
): Article {
  lib.db
    .transaction(() => {
      writeChange(lib, articleForChange(lib, id, version), patch, context);
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

/** One page of the library or the trash, sorted and filtered, with how many articles match. */
export function listArticles(lib: Library, options: ListOptions): { items: ArticleSummary[]; total: number } {
  return library.listArticles(lib.db, options);
}

/** Counts for the library's filter controls. */
export function facets(lib: Library, filters: LibraryFilters): LibraryFacets {
  return library.libraryFacets(lib.db, filters);
}

/** Ranked search over headline, dek and body, narrowed by the library's filters. */
export function search(
  lib: Library,
  query: string,
  limit: number,
  filters: LibraryFilters = {},
): { hits: SearchHit[]; hint: string | null } {
  return searchArticles(lib.db, query, limit, filters);
}

/** Every status change of an article, oldest first. */
export function statusHistory(lib: Library, id: string): StatusChange[] {
  if (articles.getSummary(lib.db, id) === undefined) throw notFound(id);
  return listStatusChanges(lib.db, id).map((row) => ({
    from: ArticleStatusSchema.parse(row.from_status),
    to: ArticleStatusSchema.parse(row.to_status) satisfies ArticleStatus,
    changedBy: row.changed_by,
    changedAt: row.changed_at,
  }));
}
