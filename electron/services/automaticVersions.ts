import { v7 as uuidv7 } from 'uuid';

import type { Db } from '../db/connection';
import type { ArticleContent } from '../db/queries/articles';
import { getEditingTime, setEditingTime } from '../db/queries/editingTime';
import type { RevisionKind, RevisionRow } from '../db/queries/revisions';
import * as revisions from '../db/queries/revisions';

/** An automatic version is kept once an article has been edited this long since its newest version. */
export const AUTO_VERSION_EDITING_MS = 10 * 60 * 1000;

/**
 * Two saves further apart than this were a break (lunch, another story), not editing: the gap
 * does not count towards the ten minutes. Saves come at every pause in typing, so a person
 * reading back over the story for a minute or two is still editing it.
 */
export const EDITING_BREAK_MS = 5 * 60 * 1000;

/**
 * A window that closes sends its last save and asks for the session-end version at the same
 * moment; over HTTP the two can arrive in either order. A save this soon after a session-end
 * version, made on the very text that version kept, is that last save arriving late.
 */
export const LATE_SAVE_MS = 15 * 1000;

/** Why an automatic version was kept, as History shows it. */
export const AUTO_VERSION_LABELS = {
  sessionEnd: 'On leaving the story',
  editing: 'After 10 minutes of editing',
} as const;

/** JSON with every object's keys in order: the same value always reads the same. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : item,
  );
}

/** Whether `content` reads as the kept version does: the same text and fields (the status aside). */
export function sameAsRevision(row: RevisionRow, content: ArticleContent): boolean {
  if (
    row.headline !== content.headline ||
    row.dek !== content.dek ||
    row.body_text !== content.bodyText ||
    row.byline !== content.byline ||
    row.dateline !== content.dateline ||
    row.section !== content.section
  ) {
    return false;
  }
  // Formatting, links, claim marks and the structured fields, whatever order their keys were written in.
  let keptBody: unknown;
  let keptFields: unknown;
  try {
    keptBody = JSON.parse(row.body_json);
    keptFields = JSON.parse(row.fields_json);
  } catch {
    return false;
  }
  return (
    canonicalJson(keptBody) === canonicalJson(content.body) &&
    canonicalJson(keptFields) === canonicalJson(revisions.revisionFields(content))
  );
}

type Keep = {
  articleId: string;
  articleVersion: number;
  content: ArticleContent;
  now: Date;
  userName: string;
};

function keep(db: Db, kind: RevisionKind, label: string, { articleId, articleVersion, content, now, userName }: Keep) {
  const id = uuidv7();
  revisions.insertRevision(db, {
    id,
    articleId,
    articleVersion,
    kind,
    label,
    content,
    createdAt: now.toISOString(),
    createdBy: userName.trim(),
  });
  return id;
}

/** The editing time since `latest` was kept, this save's share included. */
function editingSince(db: Db, articleId: string, latest: RevisionRow, now: Date): number {
  const counted = getEditingTime(db, articleId);
  const counting = counted?.sinceRevision === latest.id;
  const from = counting ? counted.lastSaveAt : latest.created_at;
  const gap = now.getTime() - Date.parse(from);
  return (counting ? counted.editingMs : 0) + (gap > 0 && gap <= EDITING_BREAK_MS ? gap : 0);
}

function isLateSessionSave(latest: RevisionRow, versionBefore: number, now: Date): boolean {
  return (
    latest.kind === 'auto' &&
    latest.label === AUTO_VERSION_LABELS.sessionEnd &&
    latest.article_version === versionBefore &&
    now.getTime() - Date.parse(latest.created_at) <= LATE_SAVE_MS
  );
}

/**
 * After a save, inside its transaction: keeps the versions that are due and counts the editing
 * time. A status change keeps a "status" version; otherwise an automatic one is kept after ten
 * minutes of editing, or when this is a closing window's last save arriving after its
 * session-end version — but only when the text or fields differ from the newest version.
 */
export function keepVersionsAfterSave(db: Db, save: Keep & { versionBefore: number; statusChanged: boolean }): void {
  const { articleId, content, now } = save;
  const latest = revisions.latestRevision(db, articleId);
  let kept: string | null = null;
  let editingMs = 0;
  if (save.statusChanged) {
    kept = keep(db, 'status', `Status: ${content.status}`, save);
  } else if (latest === undefined) {
    // A library from before versions were kept: its first save starts the history.
    kept = keep(db, 'auto', '', save);
  } else {
    editingMs = editingSince(db, articleId, latest, now);
    const late = isLateSessionSave(latest, save.versionBefore, now);
    if ((late || editingMs >= AUTO_VERSION_EDITING_MS) && !sameAsRevision(latest, content)) {
      kept = keep(db, 'auto', late ? AUTO_VERSION_LABELS.sessionEnd : AUTO_VERSION_LABELS.editing, save);
    }
  }
  const sinceRevision = kept ?? latest?.id;
  if (sinceRevision === undefined) return;
  setEditingTime(db, articleId, {
    sinceRevision,
    editingMs: kept === null ? editingMs : 0,
    lastSaveAt: now.toISOString(),
  });
}

/**
 * The person left the story (opened another, closed the window, switched library): keeps it
 * as an automatic version when its text or fields changed since the newest version. Returns
 * the new version's id, or null when there was nothing new to keep.
 */
export function keepSessionEndVersion(db: Db, article: Keep): string | null {
  const latest = revisions.latestRevision(db, article.articleId);
  if (latest !== undefined && sameAsRevision(latest, article.content)) return null;
  const id = keep(db, 'auto', AUTO_VERSION_LABELS.sessionEnd, article);
  setEditingTime(db, article.articleId, { sinceRevision: id, editingMs: 0, lastSaveAt: article.now.toISOString() });
  return id;
}
