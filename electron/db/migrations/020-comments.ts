import type { Migration } from './types';

/**
 * Comments on a story's words: a thread per passage commented on, anchored in the text by a
 * `comment` node naming it, and its entries — the first comment, the replies, and each time it
 * was resolved or reopened. A thread keeps the words it is on (its quote) and whether they are
 * still in the text; a thread whose words were deleted stays, an orphan.
 *
 * Entries are a record of what was said: triggers refuse to change them or take one out while
 * its thread is there (a story deleted takes its threads and their entries with it).
 */
export const migration020: Migration = {
  version: 20,
  name: 'comments',
  up(db) {
    db.exec(`
      CREATE TABLE comment_threads (
        id         TEXT PRIMARY KEY CHECK (length(id) = 36),
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        quote      TEXT NOT NULL DEFAULT '',
        anchored   INTEGER NOT NULL DEFAULT 1 CHECK (anchored IN (0, 1)),
        created_at TEXT NOT NULL,
        -- When the quote was last taken from the text (or its words found gone).
        quoted_at  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX comment_threads_by_article ON comment_threads (article_id, created_at);

      CREATE TABLE comment_entries (
        thread_id TEXT NOT NULL REFERENCES comment_threads (id) ON DELETE CASCADE,
        seq       INTEGER NOT NULL CHECK (seq >= 1),
        kind      TEXT NOT NULL CHECK (kind IN ('comment', 'resolved', 'reopened')),
        author    TEXT NOT NULL,
        text      TEXT NOT NULL CHECK (length(text) <= 5000 AND (kind = 'comment') = (text <> '')),
        mentions  TEXT NOT NULL DEFAULT '[]'
                  CHECK (json_valid(mentions) AND json_type(mentions) = 'array' AND (kind = 'comment' OR mentions = '[]')),
        at        TEXT NOT NULL,
        PRIMARY KEY (thread_id, seq)
      ) STRICT, WITHOUT ROWID;
      -- The entries that name someone, newest first, for a person's mentions across the library.
      CREATE INDEX comment_entries_with_mentions ON comment_entries (at DESC) WHERE mentions <> '[]';

      CREATE TRIGGER comment_entries_are_immutable BEFORE UPDATE ON comment_entries
      BEGIN
        SELECT RAISE(ABORT, 'comments cannot be changed');
      END;

      CREATE TRIGGER comment_entries_are_kept BEFORE DELETE ON comment_entries
      WHEN EXISTS (SELECT 1 FROM comment_threads WHERE id = OLD.thread_id)
      BEGIN
        SELECT RAISE(ABORT, 'comments cannot be deleted');
      END;
    `);
  },
};
