import type { Migration } from './types';

/**
 * The people of a desk: each signs in with a personal key, of which only the SHA-256 is kept
 * (a key is 32 random bytes, so a fast hash is as safe as a slow one: there is nothing to guess).
 * A revoked person stays, so the changes they signed keep a name that can be looked up.
 */
export const migration015: Migration = {
  version: 15,
  name: 'desk-people',
  up(db) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS desk_people (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        role       TEXT NOT NULL CHECK (role IN ('reporter', 'editor', 'fact-checker', 'admin')),
        key_hash   TEXT NOT NULL UNIQUE,
        added_at   TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;
      CREATE UNIQUE INDEX IF NOT EXISTS desk_people_by_live_name
        ON desk_people (name COLLATE NOCASE) WHERE revoked_at IS NULL;
    `);
  },
};
