import { v7 as uuidv7 } from 'uuid';

import type { Db } from '../db/connection';
import type { ArticleContent } from '../db/queries/articles';
import { getEditingTime, setEditingTime } from '../db/queries/editingTime';
import type { AutoVersionReason, RevisionHead, RevisionRow } from '../db/queries/revisions';
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
 * A window that closes sends its last save (marked as such) and asks for the session-end
 * version at the same moment; over HTTP the two can arrive in either order. A closing save this
 * soon after a session-end version, made on the very text that version kept, is that last save
 * arriving late. Any other save is the person at work again: a story opened again at once and
 * typed in starts a session of its own.
 */
export const LATE_SAVE_MS = 5 * 1000;

/** Why an automatic version was kept, in the words History shows under it. */
export const AUTO_VERSION_LABELS: Readonly<Record<AutoVersionReason, string>> = {
  'session-end': 'On leaving the story',
  editing: 'After 10 minutes of editing',
};

/** Whether two JSON values are equal, whatever order their objects' keys were written in. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, index) => sameJson(item, b[index]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  const other = b as Record<string, unknown>;
  const own = a as Record<string, unknown>;
  return keys.every((key) => Object.hasOwn(other, key) && sameJson(own[key], other[key]));
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
  // Through JSON, so a field left undefined reads as the stored version's missing one.
  const fields: unknown = JSON.parse(JSON.stringify(revisions.revisionFields(content)));
  // A version kept before a field existed reads as one without it: no version is kept for that alone.
  const kept =
    typeof keptFields === 'object' && keptFields !== null && !Array.isArray(keptFields)
      ? revisions.withLaterFieldDefaults(keptFields as Record<string, unknown>)
      : keptFields;
  return sameJson(keptBody, content.body) && sameJson(kept, fields);
}

type Keep = {
  articleId: string;
  articleVersion: number;
  content: ArticleContent;
  now: Date;
  userName: string;
};

/** What a version kept here is: a status change, or an automatic version and why it was kept. */
type Kept = { kind: 'status' } | { kind: 'auto'; reason?: AutoVersionReason };

/** The words a kept version is shown with; code reads its kind and reason, never these. */
function labelOf(kept: Kept, content: ArticleContent): string {
  if (kept.kind === 'status') return `Status: ${content.status}`;
  return kept.reason === undefined ? '' : AUTO_VERSION_LABELS[kept.reason];
}

function keep(db: Db, kept: Kept, { articleId, articleVersion, content, now, userName }: Keep) {
  const id = uuidv7();
  revisions.insertRevision(db, {
    id,
    articleId,
    articleVersion,
    kind: kept.kind,
    reason: kept.kind === 'auto' ? kept.reason : undefined,
    label: labelOf(kept, content),
    content,
    createdAt: now.toISOString(),
    createdBy: userName.trim(),
  });
  return id;
}

/** Whether `content` reads as the kept version named by `head` does. */
function sameAsKept(db: Db, head: RevisionHead, content: ArticleContent): boolean {
  const row = revisions.getRevision(db, head.id);
  return row !== undefined && sameAsRevision(row, content);
}

/** The editing time since `latest` was kept, this save's share included. */
function editingSince(db: Db, articleId: string, latest: RevisionHead, now: Date): number {
  const counted = getEditingTime(db, articleId);
  const counting = counted?.sinceRevision === latest.id;
  const from = counting ? counted.lastSaveAt : latest.created_at;
  const gap = now.getTime() - Date.parse(from);
  return (counting ? counted.editingMs : 0) + (gap > 0 && gap <= EDITING_BREAK_MS ? gap : 0);
}

function isLateSessionSave(
  latest: RevisionHead,
  save: { versionBefore: number; closing: boolean; now: Date },
): boolean {
  const { versionBefore, now } = save;
  return (
    save.closing &&
    latest.kind === 'auto' &&
    latest.reason === 'session-end' &&
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
export function keepVersionsAfterSave(
  db: Db,
  save: Keep & { versionBefore: number; statusChanged: boolean; closing: boolean },
): void {
  const { articleId, content, now } = save;
  const latest = revisions.latestRevisionHead(db, articleId);
  let kept: string | null = null;
  let editingMs = 0;
  if (save.statusChanged) {
    kept = keep(db, { kind: 'status' }, save);
  } else if (latest === undefined) {
    // A library from before versions were kept: its first save starts the history.
    kept = keep(db, { kind: 'auto' }, save);
  } else {
    editingMs = editingSince(db, articleId, latest, now);
    const late = isLateSessionSave(latest, save);
    if ((late || editingMs >= AUTO_VERSION_EDITING_MS) && !sameAsKept(db, latest, content)) {
      kept = keep(db, { kind: 'auto', reason: late ? 'session-end' : 'editing' }, save);
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
  const latest = revisions.latestRevisionHead(db, article.articleId);
  if (latest !== undefined && sameAsKept(db, latest, article.content)) return null;
  const id = keep(db, { kind: 'auto', reason: 'session-end' }, article);
  setEditingTime(db, article.articleId, { sinceRevision: id, editingMs: 0, lastSaveAt: article.now.toISOString() });
  return id;
}
