import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

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
 * SQLite's quick_check (skipped with `verify: false`, for a quick listing of copies already
 * checked when they were made). Throws with the reason when it is not. Never writes to the file.
 */
export function checkLibraryCopy(file: string, options: { verify?: boolean } = {}): CopyCheck {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const id = db.pragma('application_id', { simple: true }) as number;
    if (id !== APPLICATION_ID) throw new Error('it is not a Copydesk library');
    const problem = options.verify === false ? null : quickCheck(db);
    if (problem !== null) throw new Error(`SQLite's check found damage (${problem})`);
    return { articleCount: articleCount(db), schemaVersion: schemaVersion(db) };
  } catch (error) {
    if (error instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code)) {
      throw new Error(`the copy is damaged (${error.message})`, { cause: error });
    }
    throw error;
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
 * The copy's settling and check, run in a worker thread: SQLite's quick_check reads the whole
 * file (about half a second for 150 MB), which would otherwise hold up every save meanwhile.
 * Plain JavaScript, because a worker started from source runs without the TypeScript loader.
 */
const CHECK_IN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
try {
  const writable = new Database(workerData.file, { fileMustExist: true });
  writable.pragma('journal_mode = DELETE');
  writable.close();
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    if (db.pragma('application_id', { simple: true }) !== workerData.applicationId) {
      throw new Error('it is not a Copydesk library');
    }
    const rows = db.pragma('quick_check');
    const first = rows[0] ? rows[0].quick_check : 'no answer';
    if (rows.length !== 1 || first !== 'ok') throw new Error("SQLite's check found damage (" + first + ')');
    const hasArticles = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").get();
    const articleCount = hasArticles
      ? db.prepare('SELECT count(*) FROM articles WHERE trashed_at IS NULL').pluck().get()
      : 0;
    const schemaVersion = db.pragma('user_version', { simple: true });
    parentPort.postMessage({ ok: true, articleCount, schemaVersion });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
}
`;

type WorkerAnswer = ({ ok: true } & CopyCheck) | { ok: false; message: string };

function settleAndCheckInBackground(file: string): Promise<CopyCheck> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK_IN_WORKER, {
      eval: true,
      // A TypeScript loader may tag resolved paths with a query (?namespace=…): the worker needs the plain path.
      workerData: {
        file,
        driver: require.resolve('better-sqlite3').replace(/\?.*$/, ''),
        applicationId: APPLICATION_ID,
      },
    });
    let answered = false;
    worker.once('message', (answer: WorkerAnswer) => {
      answered = true;
      if (answer.ok) resolve({ articleCount: answer.articleCount, schemaVersion: answer.schemaVersion });
      else reject(new Error(answer.message));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the check of the copy stopped (exit code ${code})`));
    });
  });
}

/**
 * Copies an open library to `file` with SQLite's online backup, a few pages at a time between
 * other work, then settles and checks the copy off the main thread, so saves go on while it
 * runs. The caller names a temporary file and renames it once checked.
 */
export async function copyLibraryOnline(db: Db, file: string): Promise<CopyCheck> {
  await db.backup(file, { progress: () => PAGES_PER_STEP });
  return settleAndCheckInBackground(file);
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

/** The background check below, as plain JavaScript for a worker thread (see CHECK_IN_WORKER). */
const QUICK_CHECK_IN_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  const rows = db.pragma('quick_check');
  const first = rows[0] ? rows[0].quick_check : 'no answer';
  parentPort.postMessage({ problem: rows.length === 1 && first === 'ok' ? null : first });
} catch (error) {
  const code = error && typeof error.code === 'string' ? error.code : '';
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code)) parentPort.postMessage({ problem: error.message + ' (' + code + ')' });
  else parentPort.postMessage({ failed: error instanceof Error ? error.message : String(error) });
} finally {
  if (db) db.close();
}
`;

/**
 * SQLite's quick_check of a library that is open and in use, run in a worker thread on a
 * read-only connection of its own: the check reads the whole file, and the app goes on saving
 * meanwhile (WAL lets one writer and readers work at once). Resolves with the first problem
 * found, or null when the library is sound; a file that no longer reads as a database is a
 * problem too.
 */
export function quickCheckInBackground(file: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(QUICK_CHECK_IN_WORKER, {
      eval: true,
      workerData: { file, driver: require.resolve('better-sqlite3').replace(/\?.*$/, '') },
    });
    let answered = false;
    worker.once('message', (answer: { problem: string | null } | { failed: string }) => {
      answered = true;
      if ('failed' in answer) reject(new Error(answer.failed));
      else resolve(answer.problem);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the library check stopped (exit code ${code})`));
    });
  });
}
