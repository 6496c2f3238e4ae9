import type { Database } from 'better-sqlite3';

import { ownerFromSigner } from '../../../shared/workflow';
import type { Migration } from './types';

/**
 * Who has a story: its owner, the person it is assigned to and the step they are to do
 * (editing, fact-check or review; none while nobody is assigned), and whether everyone but the
 * owner suggests in it. Every change of assignment or owner is kept in `workflow_changes`,
 * beside the status changes, and triggers refuse to change or take one out while its story is
 * there.
 *
 * A story made before has nobody assigned, and as its owner the person who signed its first
 * version, or else its first status change; nobody when neither was signed. The stories
 * assigned to a person are found through an index holding only assigned stories.
 */
export const migration021: Migration = {
  version: 21,
  name: 'story-workflow',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN owner TEXT NOT NULL DEFAULT ''
        CHECK (length(owner) <= 100 AND owner = trim(owner));
      ALTER TABLE articles ADD COLUMN assignee TEXT NOT NULL DEFAULT ''
        CHECK (length(assignee) <= 100 AND assignee = trim(assignee));
      ALTER TABLE articles ADD COLUMN assigned_step TEXT
        CHECK ((assigned_step IS NULL) = (assignee = '')
               AND (assigned_step IS NULL OR assigned_step IN ('editing', 'fact-check', 'review')));
      ALTER TABLE articles ADD COLUMN others_suggest INTEGER NOT NULL DEFAULT 0 CHECK (others_suggest IN (0, 1));

      -- The stories assigned to someone, by name in any case, live or in the trash.
      CREATE INDEX articles_by_assignee ON articles (assignee COLLATE NOCASE, trashed_at) WHERE assignee <> '';

      CREATE TABLE workflow_changes (
        id         TEXT PRIMARY KEY CHECK (length(id) = 36),
        article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('assignment', 'owner')),
        from_name  TEXT NOT NULL CHECK (length(from_name) <= 100),
        to_name    TEXT NOT NULL CHECK (length(to_name) <= 100),
        step       TEXT CHECK (
                     (kind = 'assignment' AND (step IS NULL) = (to_name = '')
                        AND (step IS NULL OR step IN ('editing', 'fact-check', 'review')))
                     OR (kind = 'owner' AND step IS NULL AND to_name <> '')),
        changed_by TEXT NOT NULL DEFAULT '',
        changed_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX workflow_changes_by_article ON workflow_changes (article_id, changed_at);

      CREATE TRIGGER workflow_changes_are_immutable BEFORE UPDATE ON workflow_changes
      BEGIN
        SELECT RAISE(ABORT, 'workflow history cannot be changed');
      END;

      CREATE TRIGGER workflow_changes_are_kept BEFORE DELETE ON workflow_changes
      WHEN EXISTS (SELECT 1 FROM articles WHERE id = OLD.article_id)
      BEGIN
        SELECT RAISE(ABORT, 'workflow history cannot be deleted');
      END;
    `);
    giveOwners(db);
  },
};

/**
 * Each story made before gets as its owner the person who signed its first version, or when
 * that was not signed (or by no name an owner can have) its first status change.
 */
function giveOwners(db: Database): void {
  const signers = db
    .prepare(
      `SELECT a.id,
              (SELECT r.created_by FROM revisions AS r
                 WHERE r.article_id = a.id
                 ORDER BY r.created_at, r.rowid LIMIT 1) AS revision_signer,
              (SELECT s.changed_by FROM status_changes AS s
                 WHERE s.article_id = a.id
                 ORDER BY s.changed_at, s.rowid LIMIT 1) AS status_signer
         FROM articles AS a`,
    )
    .all() as { id: string; revision_signer: string | null; status_signer: string | null }[];
  const setOwner = db.prepare('UPDATE articles SET owner = ? WHERE id = ?');
  for (const row of signers) {
    const owner = ownerFromSigner(row.revision_signer ?? '') || ownerFromSigner(row.status_signer ?? '');
    if (owner !== '') setOwner.run(owner, row.id);
  }
}
