import * as Y from 'yjs';

import { bodyFromDocumentUpdates, bodyToDocumentUpdate } from '../../shared/body/lexical/bodyDocument';
import { readStoredBody } from '../../shared/body/readStoredBody';
import { ApiError } from '../../shared/errors';
import { bodyToPlainText, countWords } from '../../shared/text';
import { contentHash } from '../db/contentHash';
import * as articles from '../db/queries/articles';
import * as documents from '../db/queries/storyDocuments';
import { reconcileClaims } from './claims';
import type { Library } from './LibraryHost';

/** The largest update one person's edit may send: a long paste, not a whole archive. */
export const MAX_STORY_UPDATE_BYTES = 8 * 1024 * 1024;

/** A story's document is merged into one update once it has this many. */
const COMPACT_AFTER_UPDATES = 200;

/** The article a desk may edit live: in the library, and not in the trash. */
function liveArticle(lib: Library, articleId: string) {
  const article = articles.getArticle(lib.db, articleId);
  if (article === undefined) {
    throw new ApiError('not-found', 'This story is not in the library any more: it may have been deleted.');
  }
  if (article.trashedAt !== null) {
    throw new ApiError('conflict', 'This story is in the trash. Restore it from the trash to edit it.');
  }
  return article;
}

/** Whether a story is edited live: its text is its document's, not a save's. */
export function isLiveStory(lib: Library, articleId: string): boolean {
  return documents.hasStoryDocument(lib.db, articleId);
}

/**
 * A story's document as one update, for the desk to serve: made from the story's saved body
 * the first time, and stored then, so everyone who opens it starts from the same document.
 */
export function openStoryDocument(lib: Library, articleId: string, now = new Date()): Uint8Array {
  return lib.db
    .transaction(() => {
      const article = liveArticle(lib, articleId);
      const updates = documents.storyDocumentUpdates(lib.db, articleId);
      if (updates.length > 0) return Y.mergeUpdates(updates);
      const first = bodyToDocumentUpdate(readStoredBody(article.body).body);
      documents.appendStoryDocumentUpdate(lib.db, articleId, first, now.toISOString());
      return first;
    })
    .immediate();
}

/**
 * Keeps one edit to a story's document, before the desk acknowledges it: refused when it is
 * not a Yjs update, is too large, or the story is gone or in the trash. Nothing else changes.
 */
export function keepStoryUpdate(lib: Library, articleId: string, update: Uint8Array, now = new Date()): void {
  if (update.byteLength > MAX_STORY_UPDATE_BYTES) {
    throw new ApiError(
      'invalid-request',
      `An edit of ${(update.byteLength / 1024 / 1024).toFixed(1)} MB is more than one edit may be (8 MB). Paste long texts in parts.`,
    );
  }
  try {
    Y.decodeUpdate(update);
  } catch {
    throw new ApiError('invalid-request', 'An edit arrived damaged (it is not a Yjs update) and was not kept.');
  }
  liveArticle(lib, articleId);
  documents.appendStoryDocumentUpdate(lib.db, articleId, update, now.toISOString());
}

/**
 * Brings the article up to date with its document: its body, the text search and related
 * articles read, and its claims (a claim whose mark went is orphaned, never dropped). The
 * document's updates are merged into one when there are many. True when the body changed.
 */
export function projectStoryDocument(lib: Library, articleId: string, now = new Date()): boolean {
  return lib.db
    .transaction(() => {
      const article = articles.getArticle(lib.db, articleId);
      const updates = documents.storyDocumentUpdates(lib.db, articleId);
      if (article === undefined || article.trashedAt !== null || updates.length === 0) return false;
      if (updates.length >= COMPACT_AFTER_UPDATES) {
        documents.replaceStoryDocumentUpdates(lib.db, articleId, Y.mergeUpdates(updates), now.toISOString());
      }
      const body = bodyFromDocumentUpdates(updates);
      const bodyText = bodyToPlainText(body);
      if (JSON.stringify(body) === articles.storedBodyJson(lib.db, articleId)) return false;
      const at = now.toISOString();
      articles.setLiveBody(
        lib.db,
        articleId,
        { body, bodyText, wordCount: countWords(bodyText), contentHash: contentHash(article.headline, bodyText) },
        at,
      );
      reconcileClaims(lib.db, articleId, body, at);
      return true;
    })
    .immediate();
}
