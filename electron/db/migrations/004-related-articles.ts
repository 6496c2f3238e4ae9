import type { Migration } from './types';

/**
 * An article's related list, in order: the stories listed under "Related" (or "Recent") at
 * its foot. An entry is linked to an article of the library where one is known; its headline
 * and teaser are kept as listed, so an entry whose article is deleted still reads as it did.
 */
export const migration004: Migration = {
  version: 4,
  name: 'related-articles',
  up(db) {
    db.exec(`
      CREATE TABLE article_related (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        position   INTEGER NOT NULL CHECK (position >= 0),
        related_id TEXT REFERENCES articles (id) ON DELETE SET NULL,
        headline   TEXT NOT NULL,
        teaser     TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (article_id, position)
      ) STRICT;
      CREATE INDEX article_related_by_related ON article_related (related_id) WHERE related_id IS NOT NULL;
    `);
  },
};
