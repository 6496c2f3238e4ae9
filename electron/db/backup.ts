import fs from 'node:fs';

import Database from 'better-sqlite3';

import type { Db } from './connection';
import { APPLICATION_ID, schemaVersion } from './migrations';

/** What a finished copy of a library holds, read back from the copy itself. */
export type CopyCheck = { articleCount: number; schemaVersion: number };

/** Pages copied per step of an online backup: small steps let saves run between them. */
const PAGES_PER_STEP = 256;

function articleCount(db: Db): number {
  const hasArticles = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").get();
  if (hasArticles === undefined) return 0;
  return db.prepare('SELECT count(*) FROM articles WHERE trashed_at IS NULL').pluck().get() as number;
}

/**
 * Reads a copy of a library and says whether it is sound: a Copydesk library that passes
 * SQLite's quick_check. Throws with the reason when it is not. Never writes to the file.
 */
export function checkLibraryCopy(file: string): CopyCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const id = db.pragma('application_id', { simple: true }) as number;
    if (id !== APPLICATION_ID) throw new Error('it is not a Copydesk library');
    const problems = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
    const first = problems[0]?.quick_check ?? 'no answer';
    if (problems.length !== 1 || first !== 'ok') throw new Error(`SQLite's check found damage (${first})`);
    return { articleCount: articleCount(db), schemaVersion: schemaVersion(db) };
  } finally {
    db.close();
  }
}

/**
 * Makes the copy a single self-contained file (rollback journal rather than WAL), so it can be
 * read in place, copied anywhere and opened read-only.
 */
function settleCopy(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}

/**
 * Copies an open library to `file` with SQLite's online backup, a few pages at a time between
 * other work, so saves go on while it runs. The caller names a temporary file and renames it
 * once checked.
 */
export async function copyLibraryOnline(db: Db, file: string): Promise<CopyCheck> {
  await db.backup(file, { progress: () => PAGES_PER_STEP });
  settleCopy(file);
  return checkLibraryCopy(file);
}

/**
 * Copies an open library to `file` in one go with VACUUM INTO. Used before a migration, when
 * the library is being opened and nothing else can run yet.
 */
export function copyLibraryNow(db: Db, file: string): CopyCheck {
  fs.rmSync(file, { force: true });
  db.prepare('VACUUM INTO ?').run(file);
  settleCopy(file);
  return checkLibraryCopy(file);
}

/** Runs SQLite's quick_check on an open library; returns the first problem, or null if sound. */
export function quickCheck(db: Db): string | null {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const first = rows[0]?.quick_check ?? 'no answer';
  return rows.length === 1 && first === 'ok' ? null : first;
}

/** Does the library hold anything worth keeping (any table at all)? */
export function hasContent(db: Db): boolean {
  return (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) > 0;
}
