import type { Db } from '../connection';
import { prepared } from '../statements';

/** A story's document as its updates, oldest first; none when it was never edited live. */
export function storyDocumentUpdates(db: Db, articleId: string): Uint8Array[] {
  return (
    prepared(db, 'SELECT doc_update FROM story_document_updates WHERE article_id = ? ORDER BY seq')
      .pluck()
      .all(articleId) as Buffer[]
  ).map((bytes) => new Uint8Array(bytes));
}

export function appendStoryDocumentUpdate(db: Db, articleId: string, update: Uint8Array, now: string): void {
  prepared(db, 'INSERT INTO story_document_updates (article_id, doc_update, added_at) VALUES (?, ?, ?)').run(
    articleId,
    Buffer.from(update),
    now,
  );
}

/** Replaces a story's updates with one that holds them all. */
export function replaceStoryDocumentUpdates(db: Db, articleId: string, merged: Uint8Array, now: string): void {
  prepared(db, 'DELETE FROM story_document_updates WHERE article_id = ?').run(articleId);
  appendStoryDocumentUpdate(db, articleId, merged, now);
}

/** Whether a story has a live document (it was opened on a desk). */
export function hasStoryDocument(db: Db, articleId: string): boolean {
  return (
    prepared(db, 'SELECT 1 FROM story_document_updates WHERE article_id = ? LIMIT 1').pluck().get(articleId) !==
    undefined
  );
}
