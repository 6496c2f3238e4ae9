import type { Migration } from './types';

/**
 * Versions carry the name of the person who kept them, as status changes and verdicts already
 * do (versions kept before this step read as unsigned). Each article also keeps how long it has
 * been edited since its newest version, so an automatic version comes after ten minutes of
 * editing however often the window was closed in between; the count starts again at every new
 * version (`since_revision` names the version it counts from).
 */
export const migration012: Migration = {
  version: 12,
  name: 'version-signatures',
  up(db) {
    db.exec(`
      ALTER TABLE revisions ADD COLUMN created_by TEXT NOT NULL DEFAULT '';

      CREATE TABLE editing_time (
        article_id     TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        since_revision TEXT NOT NULL,
        editing_ms     INTEGER NOT NULL CHECK (editing_ms >= 0),
        last_save_at   TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
