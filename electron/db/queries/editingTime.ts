import type { Db } from '../connection';
import { prepared } from '../statements';

/** How long an article has been edited since the version named `sinceRevision`, and when it was last saved. */
export type EditingTime = { sinceRevision: string; editingMs: number; lastSaveAt: string };

type EditingTimeRow = { since_revision: string; editing_ms: number; last_save_at: string };

export function getEditingTime(db: Db, articleId: string): EditingTime | undefined {
  const row = prepared(
    db,
    'SELECT since_revision, editing_ms, last_save_at FROM editing_time WHERE article_id = ?',
  ).get(articleId) as EditingTimeRow | undefined;
  return row === undefined
    ? undefined
    : { sinceRevision: row.since_revision, editingMs: row.editing_ms, lastSaveAt: row.last_save_at };
}

export function setEditingTime(db: Db, articleId: string, time: EditingTime): void {
  prepared(
    db,
    `INSERT INTO editing_time (article_id, since_revision, editing_ms, last_save_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (article_id) DO UPDATE SET
       since_revision = excluded.since_revision, editing_ms = excluded.editing_ms, last_save_at = excluded.last_save_at`,
  ).run(articleId, time.sinceRevision, time.editingMs, time.lastSaveAt);
}
