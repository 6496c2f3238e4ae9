import type { Migration } from './types';

/**
 * The first schema: articles with their tags, immutable revisions, and a full-text index over
 * headline, dek and body text kept in step by triggers, so every write that changes an article
 * updates the index in the same transaction.
 *
 * `seq` is an explicit INTEGER PRIMARY KEY because the FTS index refers to articles by rowid,
 * and an implicit rowid may be renumbered by VACUUM. The public identity is the UUID `id`.
 */
export const migration001: Migration = {
  version: 1,
  name: 'articles',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        seq        INTEGER PRIMARY KEY,
        id         TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
        slug       TEXT NOT NULL UNIQUE CHECK (length(slug) > 0),
        headline   TEXT NOT NULL DEFAULT '',
        dek        TEXT NOT NULL DEFAULT '',
        byline     TEXT NOT NULL DEFAULT '',
        dateline   TEXT NOT NULL DEFAULT '',
        body_json  TEXT NOT NULL,
        body_text  TEXT NOT NULL DEFAULT '',
        word_count INTEGER NOT NULL DEFAULT 0,
        section    TEXT NOT NULL DEFAULT '',
        status     TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'editing', 'fact-check', 'ready', 'exported')),
        version    INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        trashed_at TEXT
      ) STRICT;

      CREATE INDEX articles_live_by_update ON articles (updated_at DESC, seq DESC)
        WHERE trashed_at IS NULL;
      CREATE INDEX articles_trashed_by_update ON articles (updated_at DESC, seq DESC)
        WHERE trashed_at IS NOT NULL;

      CREATE TABLE article_tags (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        tag        TEXT NOT NULL,
        position   INTEGER NOT NULL,
        PRIMARY KEY (article_id, tag)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_tags_by_tag ON article_tags (tag, article_id);

      CREATE TABLE revisions (
        id              TEXT PRIMARY KEY CHECK (length(id) = 36),
        article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        article_version INTEGER NOT NULL,
        kind            TEXT NOT NULL CHECK (kind IN ('created', 'auto', 'status', 'manual', 'restore')),
        label           TEXT NOT NULL DEFAULT '',
        headline        TEXT NOT NULL,
        dek             TEXT NOT NULL,
        byline          TEXT NOT NULL,
        dateline        TEXT NOT NULL,
        body_json       TEXT NOT NULL,
        body_text       TEXT NOT NULL,
        section         TEXT NOT NULL,
        tags_json       TEXT NOT NULL,
        status          TEXT NOT NULL,
        created_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX revisions_by_article ON revisions (article_id, created_at DESC);

      -- A revision is a record of what was; it is never rewritten.
      CREATE TRIGGER revisions_are_immutable BEFORE UPDATE ON revisions
      BEGIN
        SELECT RAISE(ABORT, 'revisions cannot be changed');
      END;

      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        headline, dek, body_text,
        content = 'articles', content_rowid = 'seq',
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );
      -- Headline matches weigh most, then the dek, then the body.
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0)');

      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
      BEGIN
        INSERT INTO articles_fts (rowid, headline, dek, body_text)
        VALUES (new.seq, new.headline, new.dek, new.body_text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
      BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, dek, body_text)
        VALUES ('delete', old.seq, old.headline, old.dek, old.body_text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF headline, dek, body_text ON articles
      BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, headline, dek, body_text)
        VALUES ('delete', old.seq, old.headline, old.dek, old.body_text);
        INSERT INTO articles_fts (rowid, headline, dek, body_text)
        VALUES (new.seq, new.headline, new.dek, new.body_text);
      END;
    `);
  },
};
