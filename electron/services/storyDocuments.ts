import * as Y from 'yjs';

import { $getRoot, $parseSerializedNode } from 'lexical';

import type { Body } from '../../shared/body/bodySchema';
import { bodyOfDocument, bodyToDocumentUpdate, editBodyDocument } from '../../shared/body/lexical/bodyDocument';
import { readStoredBody } from '../../shared/body/readStoredBody';
import { ApiError } from '../../shared/errors';
import {
  giveStoryFields,
  hasStoryFields,
  replaceFieldText,
  storyFieldsOf,
  storyFieldText,
} from '../../shared/storyFields';
import { bodyToPlainText, countWords, joinNames } from '../../shared/text';
import { contentHash } from '../db/contentHash';
import * as articles from '../db/queries/articles';
import * as documents from '../db/queries/storyDocuments';
import type { Article } from '../../shared/domain';
import { slugAfter } from './articles';
import { keepSessionEndVersion, keepVersionsAfterSave } from './automaticVersions';
import { reconcileClaims } from './claims';
import { reconcileComments } from './comments';
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

/** A document holding what `updates` hold. */
function documentOf(updates: readonly Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/**
 * A story's document as one update, for the desk to serve: made from the story's saved body,
 * headline and dek the first time, and stored then, so everyone who opens it starts from the
 * same document. A document made before it carried the headline and dek is given them then.
 */
export function openStoryDocument(lib: Library, articleId: string, now = new Date()): Uint8Array {
  return lib.db
    .transaction(() => {
      const article = liveArticle(lib, articleId);
      const at = now.toISOString();
      const updates = documents.storyDocumentUpdates(lib.db, articleId);
      if (updates.length === 0) {
        const first = bodyToDocumentUpdate(readStoredBody(article.body).body);
        documents.appendStoryDocumentUpdate(lib.db, articleId, first, at);
        updates.push(first);
      }
      const doc = documentOf(updates);
      if (!hasStoryFields(doc)) {
        const before = Y.encodeStateVector(doc);
        giveStoryFields(doc, { headline: article.headline, dek: article.dek });
        const fields = Y.encodeStateAsUpdate(doc, before);
        documents.appendStoryDocumentUpdate(lib.db, articleId, fields, at);
        updates.push(fields);
      }
      return Y.mergeUpdates(updates);
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
 * Puts a live story's document back to a kept version's text, headline and dek, as one edit
 * kept like any other (everyone in the story sees it arrive, and what anyone typed meanwhile
 * merges with it), and brings the article up to date with it at once.
 */
export function restoreIntoDocument(
  lib: Library,
  articleId: string,
  version: { body: Body; headline: string; dek: string },
  now = new Date(),
): void {
  const article = liveArticle(lib, articleId);
  const updates = documents.storyDocumentUpdates(lib.db, articleId);
  const doc = documentOf(updates);
  const before = Y.encodeStateVector(doc);
  editBodyDocument(doc, () => {
    const root = $getRoot();
    root.clear();
    root.append(...version.body.root.children.map((child) => $parseSerializedNode(child)));
  });
  doc.transact(() => {
    replaceFieldText(storyFieldText(doc, 'headline'), version.headline);
    replaceFieldText(storyFieldText(doc, 'dek'), version.dek);
  });
  const update = Y.encodeStateAsUpdate(doc, before);
  documents.appendStoryDocumentUpdate(lib.db, articleId, update, now.toISOString());
  projectInto(lib, article, [...updates, update], now);
}

/**
 * Brings the article up to date with its document: its headline, dek and body (the slug of a
 * draft follows its headline, as on a save), the text search and related articles read, and
 * its claims and comments (one whose words went is orphaned, never dropped). The document's updates are
 * merged into one when there are many. True when the article changed.
 */
export function projectStoryDocument(
  lib: Library,
  articleId: string,
  edited: StoryEdited = { editedBy: [], leaving: false },
  now = new Date(),
): boolean {
  return lib.db
    .transaction(() => {
      const article = articles.getArticle(lib.db, articleId);
      const updates = documents.storyDocumentUpdates(lib.db, articleId);
      if (article === undefined || article.trashedAt !== null || updates.length === 0) return false;
      const changed = projectInto(lib, article, updates, now);
      keepLiveVersions(lib, articleId, edited, now);
      return changed;
    })
    .immediate();
}

/** Who typed in a live story since it was last brought up to date, and whether everyone has left it. */
export type StoryEdited = { editedBy: readonly string[]; leaving: boolean };

/**
 * History of a live story, as of a saved one: an automatic version after ten minutes of
 * editing, and one when everyone has left it, each only when the text or fields changed since
 * the newest version; signed with the names of the people who typed.
 */
function keepLiveVersions(lib: Library, articleId: string, edited: StoryEdited, now: Date): void {
  const article = articles.getArticle(lib.db, articleId);
  if (article === undefined) return;
  const keep = {
    articleId,
    articleVersion: article.version,
    content: articles.contentOf(article),
    now,
    userName: joinNames(edited.editedBy),
  };
  if (edited.leaving) keepSessionEndVersion(lib.db, keep);
  else if (edited.editedBy.length > 0) {
    keepVersionsAfterSave(lib.db, { ...keep, versionBefore: article.version, statusChanged: false, closing: false });
  }
}

/** Writes what the document holds into the article's row; true when it changed. */
function projectInto(lib: Library, article: Article, updates: Uint8Array[], now: Date): boolean {
  const articleId = article.id;
  const at = now.toISOString();
  if (updates.length >= COMPACT_AFTER_UPDATES) {
    documents.replaceStoryDocumentUpdates(lib.db, articleId, Y.mergeUpdates(updates), at);
  }
  const doc = documentOf(updates);
  const { headline, dek } = storyFieldsOf(doc) ?? article;
  const body = bodyOfDocument(doc);
  const bodyChanged = JSON.stringify(body) !== articles.storedBodyJson(lib.db, articleId);
  if (!bodyChanged && headline === article.headline && dek === article.dek) return false;
  const bodyText = bodyToPlainText(body);
  articles.setLiveContent(
    lib.db,
    articleId,
    {
      headline,
      dek,
      slug: slugAfter(lib, article, headline),
      body,
      bodyText,
      wordCount: countWords(bodyText),
      contentHash: contentHash(headline, bodyText),
    },
    at,
  );
  if (bodyChanged) {
    reconcileClaims(lib.db, articleId, body, at);
    reconcileComments(lib.db, articleId, body, at);
  }
  return true;
}
