import type { Db } from '../connection';
import { prepared } from '../statements';

/** A story's owner, assignee, their step and whether others suggest, as stored. */
export type WorkflowRow = { owner: string; assignee: string; assigned_step: string | null; others_suggest: number };

export function getWorkflow(db: Db, articleId: string): WorkflowRow | undefined {
  return prepared(db, 'SELECT owner, assignee, assigned_step, others_suggest FROM articles WHERE id = ?').get(
    articleId,
  ) as WorkflowRow | undefined;
}

/**
 * Sets who a story is assigned to and for which step ('' and null for nobody). The version is
 * left where it is, so a save on its way from someone typing in the story stays good; the time
 * of the last change moves, so other screens on a desk see it.
 */
export function setAssignment(db: Db, articleId: string, assignee: string, step: string | null, now: string): void {
  prepared(db, 'UPDATE articles SET assignee = ?, assigned_step = ?, updated_at = ? WHERE id = ?').run(
    assignee,
    step,
    now,
    articleId,
  );
}

/** Sets a story's owner, its version left where it is (see setAssignment). */
export function setOwner(db: Db, articleId: string, owner: string, now: string): void {
  prepared(db, 'UPDATE articles SET owner = ?, updated_at = ? WHERE id = ?').run(owner, now, articleId);
}

/** Sets whether everyone but the owner suggests in a story, its version left where it is (see setAssignment). */
export function setOthersSuggest(db: Db, articleId: string, value: boolean, now: string): void {
  prepared(db, 'UPDATE articles SET others_suggest = ?, updated_at = ? WHERE id = ?').run(
    value ? 1 : 0,
    now,
    articleId,
  );
}

export function insertWorkflowChange(
  db: Db,
  change: {
    id: string;
    articleId: string;
    kind: 'assignment' | 'owner';
    from: string;
    to: string;
    step: string | null;
    changedBy: string;
    changedAt: string;
  },
): void {
  prepared(
    db,
    `INSERT INTO workflow_changes (id, article_id, kind, from_name, to_name, step, changed_by, changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    change.id,
    change.articleId,
    change.kind,
    change.from,
    change.to,
    change.step,
    change.changedBy,
    change.changedAt,
  );
}

export type WorkflowHistoryRow = {
  kind: string;
  from_value: string;
  to_value: string;
  step: string | null;
  changed_by: string;
  changed_at: string;
};

/**
 * A story's status changes, assignments and changes of owner, oldest first. Changes made in
 * the same millisecond keep the order they were made in: their ids (UUID v7) grow with time.
 */
export function listWorkflowHistory(db: Db, articleId: string): WorkflowHistoryRow[] {
  return prepared(
    db,
    `SELECT kind, from_value, to_value, step, changed_by, changed_at FROM (
       SELECT id, 'status' AS kind, from_status AS from_value, to_status AS to_value, NULL AS step,
              changed_by, changed_at
         FROM status_changes WHERE article_id = @articleId
       UNION ALL
       SELECT id, kind, from_name, to_name, step, changed_by, changed_at
         FROM workflow_changes WHERE article_id = @articleId
     )
     ORDER BY changed_at, id`,
  ).all({ articleId }) as WorkflowHistoryRow[];
}

/**
 * The spelling the desk gives a person named `name` in any case ("rita okafor" → "Rita
 * Okafor"), so a story assigned to them is found under their own name; `name` itself when
 * nobody on the desk is called that.
 */
export function deskSpelling(db: Db, name: string): string {
  const found = prepared(
    db,
    'SELECT name FROM desk_people WHERE name = ? COLLATE NOCASE AND revoked_at IS NULL ORDER BY added_at LIMIT 1',
  )
    .pluck()
    .get(name) as string | undefined;
  return found ?? name;
}
