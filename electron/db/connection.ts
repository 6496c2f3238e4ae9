import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import { ApiError } from '../../shared/errors';
import { quickCheck } from './backup';
import { APPLICATION_ID, LATEST_SCHEMA_VERSION, migrate, schemaVersion } from './migrations';

export type Db = Database.Database;

/** How long a writer waits for another process's transaction before giving up. */
export const BUSY_TIMEOUT_MS = 5000;

function sqliteCode(error: unknown): string | undefined {
  return error instanceof Database.SqliteError ? error.code : undefined;
}

function describeOpenFailure(file: string, error: unknown): ApiError {
  const code = sqliteCode(error) ?? (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'SQLITE_NOTADB':
      return new ApiError(
        'library-unavailable',
        `${file} is not a Copydesk library (it is not a SQLite database). Choose a library file, or a new name to create one.`,
      );
    case 'SQLITE_CORRUPT':
      return new ApiError(
        'library-damaged',
        `The library ${file} is damaged and cannot be read. It has not been changed; restore it from a backup copy.`,
      );
    case 'SQLITE_READONLY':
    case 'EROFS':
      return new ApiError(
        'library-unavailable',
        `The library ${file} is read-only; Copydesk needs to write to it. Copy it somewhere writable.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EEXIST':
    case 'ENOTDIR':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
      return new ApiError(
        'library-unavailable',
        `Copydesk cannot open or create the library at ${file}: permission denied or the folder is not writable. Choose another location with --library.`,
      );
    case 'SQLITE_BUSY':
      return new ApiError(
        'library-unavailable',
        `The library ${file} is locked by another program. Close it there and try again.`,
      );
    case 'SQLITE_FULL':
    case 'ENOSPC':
      return new ApiError('library-unavailable', `The disk holding ${file} is full. Free some space and try again.`);
    default:
      return new ApiError(
        'library-unavailable',
        `Copydesk cannot open the library ${file}: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}

export type OpenOptions = {
  /** Run SQLite's quick_check before anything else and refuse a library that fails it. */
  verify?: boolean;
  /**
   * Called when an existing library with content is about to be migrated, before the first
   * step and before anything is written to it. If it throws, the library is not opened and the
   * file stays as it was.
   */
  beforeMigration?: (db: Db, fromVersion: number) => void;
};

/**
 * Opens (or creates) a library file and brings its schema up to date.
 *
 * Nothing is written to a file until it is known to be a Copydesk library of a version this
 * Copydesk understands: a file from a newer Copydesk, another program's database or a
 * damaged file is refused and left exactly as it was.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const resolved = path.resolve(file);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(resolved);
  } catch {
    stat = undefined;
  }
  if (stat?.isDirectory() === true) {
    throw new ApiError(
      'library-unavailable',
      `${resolved} is a folder. Give the path of a library file inside it, such as ${path.join(resolved, 'library.sqlite3')}.`,
    );
  }
  if (stat === undefined) {
    try {
      fs.mkdirSync(path.dirname(resolved), { recursive: true });
    } catch (error) {
      throw describeOpenFailure(resolved, error);
    }
  }

  let db: Db;
  try {
    db = new Database(resolved);
  } catch (error) {
    throw describeOpenFailure(resolved, error);
  }

  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Reading these touches the header and the schema: a file that is not SQLite fails here.
    const applicationId = db.pragma('application_id', { simple: true }) as number;
    const version = schemaVersion(db);
    const objectCount = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };

    if (applicationId !== APPLICATION_ID && (applicationId !== 0 || objectCount.n > 0)) {
      throw new ApiError(
        'library-unavailable',
        `${resolved} is a SQLite database of another program, not a Copydesk library. It has not been changed.`,
      );
    }
    if (version > LATEST_SCHEMA_VERSION) {
      throw new ApiError(
        'library-too-new',
        `The library ${resolved} was written by a newer Copydesk (library format ${version}; this Copydesk reads up to ${LATEST_SCHEMA_VERSION}). Update Copydesk to open it. The file has not been changed.`,
      );
    }

    if (options.verify === true) {
      const problem = quickCheck(db);
      if (problem !== null) {
        throw new ApiError(
          'library-damaged',
          `The library ${resolved} is damaged (SQLite's check reports: ${problem.slice(0, 200)}). It has not been changed; restore it from a backup.`,
        );
      }
    }
    if (version < LATEST_SCHEMA_VERSION && objectCount.n > 0) options.beforeMigration?.(db, version);

    db.pragma('journal_mode = WAL');
    // FULL: an acknowledged save survives a power cut, not just a crash of Copydesk.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof ApiError) throw error;
    throw describeOpenFailure(resolved, error);
  }
}

/** The version of SQLite the library is opened with. */
export function sqliteVersion(db: Db): string {
  return db.prepare('SELECT sqlite_version()').pluck().get() as string;
}
