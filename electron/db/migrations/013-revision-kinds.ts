import type { Migration } from './types';

/**
 * What a version is becomes data, never read back from its label. A version kept by an export
 * gets a kind of its own ('export'; it was 'manual' with a label "Exported … as …"), and an
 * automatic version says why it was kept ('session-end' when the story was left, 'editing'
 * after ten minutes of editing; it was only in the label's words). SQLite cannot change a CHECK
 * constraint in place, so the table is rebuilt with its rows (rowids kept: they order versions
 * kept in the same millisecond), its index and its immutability trigger. The kinds of the
 * versions already kept are read once from their labels, as those labels were written.
 */
export const migration013: Migration = {
  version: 13,
  name: 'revision-kinds',
  up(db) {
    db.exec(`
      CREATE TABLE revisions_013 (
        id              TEXT PRIMARY KEY CHECK (length(id) = 36),
        article_id      TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        article_version INTEGER NOT NULL,
        kind            TEXT NOT NULL
                        CHECK (kind IN ('created', 'auto', 'status', 'manual', 'export', 'restore')),
        reason          TEXT NOT NULL DEFAULT ''
                        CHECK (reason IN ('', 'session-end', 'editing') AND (reason = '' OR kind = 'auto')),
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
        created_at      TEXT NOT NULL,
        fields_json     TEXT NOT NULL DEFAULT '{}',
        created_by      TEXT NOT NULL DEFAULT ''
      ) STRICT;

      INSERT INTO revisions_013
        (rowid, id, article_id, article_version, kind, reason, label, headline, dek, byline, dateline,
         body_json, body_text, section, tags_json, status, created_at, fields_json, created_by)
      SELECT rowid, id, article_id, article_version,
             CASE WHEN kind = 'manual' AND (label GLOB 'Exported as *' OR label GLOB 'Exported by * as *')
                  THEN 'export' ELSE kind END,
             CASE WHEN kind <> 'auto' THEN ''
                  WHEN label = 'On leaving the story' THEN 'session-end'
                  WHEN label = 'After 10 minutes of editing' THEN 'editing'
                  ELSE '' END,
             label, headline, dek, byline, dateline, body_json, body_text, section, tags_json, status,
             created_at, fields_json, created_by
        FROM revisions;
      DROP TABLE revisions;
      ALTER TABLE revisions_013 RENAME TO revisions;
      CREATE INDEX revisions_by_article ON revisions (article_id, created_at DESC);

      -- A revision is a record of what was; it is never rewritten.
      CREATE TRIGGER revisions_are_immutable BEFORE UPDATE ON revisions
      BEGIN
        SELECT RAISE(ABORT, 'revisions cannot be changed');
      END;
    `);
  },
};
