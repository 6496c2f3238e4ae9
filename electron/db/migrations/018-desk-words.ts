import type { Migration } from './types';

/**
 * The desk's words: names of people and places the desk writes often, which spelling accepts
 * in every story. Kept as written ("Okafor" and "okafor" are two words: a name kept with a
 * capital is not accepted in lower case), with who added each and when.
 */
export const migration018: Migration = {
  version: 18,
  name: 'desk-words',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS desk_words (
        word     TEXT NOT NULL PRIMARY KEY CHECK (length(word) BETWEEN 1 AND 200),
        added_by TEXT NOT NULL DEFAULT '',
        added_at TEXT NOT NULL
      ) STRICT;
    `);
  },
};
