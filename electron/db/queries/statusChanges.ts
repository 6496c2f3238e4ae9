import type { Db } from '../connection';
import { prepared } from '../statements';

export type StatusChangeRow = { from_status: string; to_status: string; changed_by: string; changed_at: string };

export function insertStatusChange(
  db: Db,
  change: { id: string; articleId: string; from: string; to: string; changedBy: string; changedAt: string },
): void {
  prepared(
    db,
    'INSERT INTO status_changes (id, article_id, from_status, to_status, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(change.id, change.articleId, change.from, change.to, change.changedBy, change.changedAt);
}

export function listStatusChanges(db: Db, articleId: string): StatusChangeRow[] {
  return prepared(
    db,
    'SELECT from_status, to_status, changed_by, changed_at FROM status_changes WHERE article_id = ? ORDER BY changed_at, rowid',
  ).all(articleId) as StatusChangeRow[];
}
