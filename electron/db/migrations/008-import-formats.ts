import type { Migration } from './types';

/**
 * Import records for the formats Copydesk's own packages bring: an article read from a ninjs
 * file or from an export package keeps where it came from like any other import. SQLite cannot
 * change a CHECK constraint in place, so the table is rebuilt with its rows, its
 * immutability trigger kept.
 */
export const migration008: Migration = {
  version: 8,
  name: 'import-formats',
  up(db) {
    db.exec(`
      CREATE TABLE article_imports_008 (
        article_id         TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        file_name          TEXT NOT NULL,
        format             TEXT NOT NULL
                           CHECK (format IN ('text', 'markdown', 'html', 'docx', 'ninjs', 'package')),
        source_url         TEXT NOT NULL DEFAULT '',
        site_name          TEXT NOT NULL DEFAULT '',
        published_at       TEXT NOT NULL DEFAULT '',
        lead_image_url     TEXT NOT NULL DEFAULT '',
        lead_image_credit  TEXT NOT NULL DEFAULT '',
        lead_image_caption TEXT NOT NULL DEFAULT '',
        imported_at        TEXT NOT NULL
      ) STRICT;
      INSERT INTO article_imports_008 SELECT * FROM article_imports;
      DROP TABLE article_imports;
      ALTER TABLE article_imports_008 RENAME TO article_imports;

      -- A record of where an article came from is history: it is never rewritten.
      CREATE TRIGGER article_imports_are_immutable BEFORE UPDATE ON article_imports
      BEGIN
        SELECT RAISE(ABORT, 'import records cannot be changed');
      END;
    `);
  },
};
