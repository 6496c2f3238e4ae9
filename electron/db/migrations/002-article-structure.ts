import { v7 as uuidv7 } from 'uuid';

import type { Migration } from './types';

/**
 * The parts of a news story beyond headline and body: authors with bios shared across
 * articles, a dated dateline, a lead image stored in the library with its caption and credit,
 * the syndication credit, language and a length target, plus a record of every status change.
 * Revisions also keep the structured fields, so restoring one brings all of it back.
 */
export const migration002: Migration = {
  version: 2,
  name: 'article-structure',
  up(db) {
    db.exec(`
      CREATE TABLE authors (
        id         TEXT PRIMARY KEY CHECK (length(id) = 36),
        name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
        bio        TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX authors_by_name ON authors (name COLLATE NOCASE);

      CREATE TABLE article_authors (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        author_id  TEXT NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
        position   INTEGER NOT NULL,
        PRIMARY KEY (article_id, author_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_authors_by_author ON article_authors (author_id);

      -- Images live in the library itself, so a library file is complete when copied.
      CREATE TABLE assets (
        id            TEXT PRIMARY KEY CHECK (length(id) = 36),
        sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
        mime_type     TEXT NOT NULL,
        byte_length   INTEGER NOT NULL CHECK (byte_length > 0),
        width         INTEGER NOT NULL CHECK (width > 0),
        height        INTEGER NOT NULL CHECK (height > 0),
        original_name TEXT NOT NULL DEFAULT '',
        bytes         BLOB NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;

      ALTER TABLE articles ADD COLUMN dateline_date TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN lead_image_id TEXT REFERENCES assets (id) ON DELETE SET NULL;
      ALTER TABLE articles ADD COLUMN lead_image_caption TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN lead_image_credit TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN syndication_credit TEXT NOT NULL DEFAULT '';
      ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
      ALTER TABLE articles ADD COLUMN length_target INTEGER CHECK (length_target IS NULL OR length_target > 0);
      -- Once a person sets the slug by hand it stops following the headline.
      ALTER TABLE articles ADD COLUMN slug_locked INTEGER NOT NULL DEFAULT 0 CHECK (slug_locked IN (0, 1));

      ALTER TABLE revisions ADD COLUMN fields_json TEXT NOT NULL DEFAULT '{}';

      CREATE TABLE status_changes (
        id          TEXT PRIMARY KEY CHECK (length(id) = 36),
        article_id  TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        from_status TEXT NOT NULL,
        to_status   TEXT NOT NULL,
        changed_by  TEXT NOT NULL DEFAULT '',
        changed_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX status_changes_by_article ON status_changes (article_id, changed_at);

      CREATE TRIGGER status_changes_are_immutable BEFORE UPDATE ON status_changes
      BEGIN
        SELECT RAISE(ABORT, 'status history cannot be changed');
      END;
      -- Type, size and dimensions are read from the bytes, so none of them may change either.
      CREATE TRIGGER assets_are_immutable BEFORE UPDATE ON assets
      BEGIN
        SELECT RAISE(ABORT, 'stored images cannot be changed');
      END;
    `);

    // Bylines typed as text before authors existed become author profiles, one per name.
    const now = new Date().toISOString();
    const authorIds = new Map<string, string>();
    const insertAuthor = db.prepare('INSERT INTO authors (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const link = db.prepare('INSERT INTO article_authors (article_id, author_id, position) VALUES (?, ?, 0)');
    const rows = db.prepare("SELECT id, trim(byline) AS byline FROM articles WHERE trim(byline) <> ''").all() as {
      id: string;
      byline: string;
    }[];
    for (const row of rows) {
      let authorId = authorIds.get(row.byline);
      if (authorId === undefined) {
        authorId = uuidv7();
        insertAuthor.run(authorId, row.byline, now, now);
        authorIds.set(row.byline, authorId);
      }
      link.run(row.id, authorId);
    }
    // The byline is now derived from the authors' names, which are trimmed.
    db.exec('UPDATE articles SET byline = trim(byline) WHERE byline <> trim(byline)');
  },
};
