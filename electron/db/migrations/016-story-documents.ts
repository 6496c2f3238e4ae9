import type { Migration } from './types';

/**
 * Stories edited live on a desk: each is a Yjs document, kept as the updates it was built from
 * (the first one made from the story's saved body), in order. An update is written before the
 * desk acknowledges it; now and then a story's updates are merged into one. The article's row
 * (and search, claims, names, related articles) is kept as what the document holds.
 */
export const migration016: Migration = {
  version: 16,
  name: 'story-documents',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS story_document_updates (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        doc_update BLOB NOT NULL,
        added_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS story_document_updates_by_article ON story_document_updates (article_id, seq);
    `);
  },
};
