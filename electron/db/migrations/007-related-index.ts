import type { Migration } from './types';

/**
 * What related-article suggestions read, computed when an article is saved so nothing is built
 * at start-up:
 *
 * - `related_features`: every key term, entity ("person:tony blair") and tag any article has,
 *   with how many articles have it (its document frequency, for weighting rare terms up).
 * - `related_docs`: per article, its feature vector (feature ids and weights), the postings it
 *   wrote, its entities and its MinHash signature, and a key of the text that was analysed.
 * - `related_postings`: for each feature, the articles in which it weighs most, heaviest first,
 *   so candidates for a draft are a few short index reads rather than a pass over the library.
 * - `related_bands`: MinHash band keys, so near-duplicates are found by lookup.
 * - `related_pending`: articles whose text changed without being analysed (written by an
 *   older Copydesk, or in bulk). Triggers keep it; the save path empties it for the article it
 *   analyses, and a reindex (`copydesk related --reindex`) works through the rest, in batches
 *   that each commit, so it can be stopped and resumed. This migration queues every existing
 *   article: it is fast, where analysing them here would hold the library's opening for minutes.
 */
export const migration007: Migration = {
  version: 7,
  name: 'related-index',
  up(db) {
    db.exec(`
      CREATE TABLE related_features (
        id    INTEGER PRIMARY KEY,
        key   TEXT NOT NULL UNIQUE,
        label TEXT NOT NULL,
        df    INTEGER NOT NULL DEFAULT 0 CHECK (df >= 0)
      ) STRICT;

      CREATE TABLE related_docs (
        seq         INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        content_key TEXT NOT NULL,
        vector      BLOB NOT NULL,
        norm        REAL NOT NULL,
        postings    TEXT NOT NULL,
        entities    TEXT NOT NULL,
        signature   BLOB,
        -- How many articles were analysed when this one's weights were set: once the library
        -- has grown well past it, its weights are set again from the stored vector.
        weighed_at_documents INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX related_docs_by_weighing ON related_docs (weighed_at_documents);

      CREATE TABLE related_postings (
        feature_id INTEGER NOT NULL,
        weight     INTEGER NOT NULL,
        seq        INTEGER NOT NULL,
        PRIMARY KEY (feature_id, weight DESC, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE related_bands (
        band_key INTEGER NOT NULL,
        seq      INTEGER NOT NULL,
        PRIMARY KEY (band_key, seq)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE related_pending (seq INTEGER PRIMARY KEY) STRICT;

      -- How many articles are analysed: the N of inverse document frequency, read at every
      -- suggestion, where counting related_docs would read the whole table.
      CREATE TABLE related_stats (
        id        INTEGER PRIMARY KEY CHECK (id = 1),
        documents INTEGER NOT NULL CHECK (documents >= 0)
      ) STRICT;
      INSERT INTO related_stats (id, documents) VALUES (1, 0);
      CREATE TRIGGER related_docs_counted AFTER INSERT ON related_docs
      BEGIN
        UPDATE related_stats SET documents = documents + 1 WHERE id = 1;
      END;
      CREATE TRIGGER related_docs_uncounted AFTER DELETE ON related_docs
      BEGIN
        UPDATE related_stats SET documents = documents - 1 WHERE id = 1;
      END;

      CREATE TRIGGER related_pending_insert AFTER INSERT ON articles
      BEGIN
        INSERT OR IGNORE INTO related_pending (seq) VALUES (new.seq);
      END;
      CREATE TRIGGER related_pending_update AFTER UPDATE OF headline, dek, body_text ON articles
      BEGIN
        INSERT OR IGNORE INTO related_pending (seq) VALUES (new.seq);
      END;
      CREATE TRIGGER related_pending_tag_insert AFTER INSERT ON article_tags
      BEGIN
        INSERT OR IGNORE INTO related_pending (seq) SELECT seq FROM articles WHERE id = new.article_id;
      END;
      CREATE TRIGGER related_pending_tag_delete AFTER DELETE ON article_tags
      BEGIN
        INSERT OR IGNORE INTO related_pending (seq) SELECT seq FROM articles WHERE id = old.article_id;
      END;

      INSERT INTO related_pending (seq) SELECT seq FROM articles;
    `);
  },
};
