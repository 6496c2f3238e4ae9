import type { Migration } from './types';

/**
 * An index that lets the filter counts under a tag or an author group their articles by status
 * and section in one lookup per article. Tags and bylines refer to articles by id; the library
 * indexes (migration 006) are keyed by rowid or by an order, so each tagged article cost three
 * lookups (the tag, its id to its rowid, its rowid to its status and section). Keyed by id and
 * holding what the counts and the date filters read, this one answers from the tag's entry.
 */
export const migration014: Migration = {
  version: 14,
  name: 'facet-index',
  up(db) {
    db.exec(`
      CREATE INDEX articles_live_by_id
        ON articles (id, status, section, created_at, updated_at) WHERE trashed_at IS NULL;
    `);
  },
};
