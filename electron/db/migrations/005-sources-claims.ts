import type { Migration } from './types';

/**
 * Sources and their offline snapshots, the sources each article cites, and claims: spans of
 * an article tied to passages of snapshots, with an audit trail of every verdict.
 *
 * Snapshots and verdicts are records of what was: triggers refuse to change them. A new
 * capture of a source is a new snapshot; a new verdict is a new row.
 */
export const migration005: Migration = {
  version: 5,
  name: 'sources-claims',
  up(db) {
    db.exec(`
      CREATE TABLE sources (
        seq            INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
        kind           TEXT NOT NULL CHECK (kind IN ('official-statement', 'wire-copy', 'interview', 'document',
                                                      'web-page', 'social-post', 'dataset')),
        title          TEXT NOT NULL CHECK (length(title) > 0),
        publisher      TEXT NOT NULL DEFAULT '',
        author         TEXT NOT NULL DEFAULT '',
        url            TEXT NOT NULL DEFAULT '',
        published_date TEXT NOT NULL DEFAULT '',
        accessed_date  TEXT NOT NULL DEFAULT '',
        reliability    TEXT NOT NULL DEFAULT 'F' CHECK (reliability IN ('A', 'B', 'C', 'D', 'E', 'F')),
        notes          TEXT NOT NULL DEFAULT '',
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE source_snapshots (
        id          TEXT PRIMARY KEY CHECK (length(id) = 36),
        source_id   TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        format      TEXT NOT NULL CHECK (format IN ('web-page', 'docx', 'pdf', 'text', 'paste')),
        file_name   TEXT NOT NULL DEFAULT '',
        sha256      TEXT NOT NULL CHECK (length(sha256) = 64),
        byte_size   INTEGER NOT NULL CHECK (byte_size >= 0),
        text        TEXT NOT NULL,
        html        TEXT NOT NULL,
        captured_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX source_snapshots_by_source ON source_snapshots (source_id, captured_at DESC);

      CREATE TRIGGER source_snapshots_are_immutable BEFORE UPDATE ON source_snapshots
      BEGIN
        SELECT RAISE(ABORT, 'snapshots cannot be changed');
      END;

      -- Title, publisher, author, notes and the text of every snapshot, for finding a source.
      CREATE VIRTUAL TABLE sources_fts USING fts5 (
        title, publisher, author, notes, snapshot_text,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
      );

      CREATE TABLE article_sources (
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        source_id  TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
        added_at   TEXT NOT NULL,
        PRIMARY KEY (article_id, source_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_sources_by_source ON article_sources (source_id);

      CREATE TABLE claims (
        id         TEXT PRIMARY KEY CHECK (length(id) = 36),
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('quote', 'figure', 'date', 'attribution', 'other')),
        text       TEXT NOT NULL,
        state      TEXT NOT NULL DEFAULT 'attached' CHECK (state IN ('attached', 'orphaned', 'dismissed')),
        verdict    TEXT NOT NULL DEFAULT 'unchecked'
                   CHECK (verdict IN ('unchecked', 'verified', 'partly-true', 'unsupported', 'false', 'opinion')),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX claims_by_article ON claims (article_id, created_at);

      CREATE TABLE claim_verdicts (
        seq      INTEGER PRIMARY KEY,
        claim_id TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        verdict  TEXT NOT NULL
                 CHECK (verdict IN ('unchecked', 'verified', 'partly-true', 'unsupported', 'false', 'opinion')),
        checker  TEXT NOT NULL,
        note     TEXT NOT NULL DEFAULT '',
        at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX claim_verdicts_by_claim ON claim_verdicts (claim_id, seq);

      CREATE TRIGGER claim_verdicts_are_immutable BEFORE UPDATE ON claim_verdicts
      BEGIN
        SELECT RAISE(ABORT, 'verdicts cannot be changed');
      END;

      CREATE TABLE claim_evidence (
        id          TEXT PRIMARY KEY CHECK (length(id) = 36),
        claim_id    TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
        snapshot_id TEXT NOT NULL REFERENCES source_snapshots (id),
        exact       TEXT NOT NULL CHECK (length(exact) > 0),
        prefix      TEXT NOT NULL,
        suffix      TEXT NOT NULL,
        start       INTEGER NOT NULL CHECK (start >= 0),
        "end"       INTEGER NOT NULL CHECK ("end" > start),
        note        TEXT NOT NULL DEFAULT '',
        added_by    TEXT NOT NULL DEFAULT '',
        added_at    TEXT NOT NULL,
        removed_at  TEXT
      ) STRICT;
      CREATE INDEX claim_evidence_by_claim ON claim_evidence (claim_id, added_at);
      CREATE INDEX claim_evidence_by_snapshot ON claim_evidence (snapshot_id);
    `);
  },
};
