import fs from 'node:fs';
import path from 'node:path';

import type { BackupInfo, BackupReason } from '../../shared/libraries';
import { ApiError } from '../../shared/errors';
import type { Db } from '../db/connection';
import { checkLibraryCopy, copyLibraryNow, copyLibraryOnline } from '../db/backup';
import { backupFolder, libraryStem as stem } from './paths';

/**
 * Rotation: how many backups of each kind are kept. Automatic (daily) backups: the newest
 * KEEP_DAILY, plus the newest of each of the last KEEP_WEEKLY calendar weeks (Monday to
 * Sunday, UTC). Pre-migration and manual backups: the newest KEEP_PRE_MIGRATION and
 * KEEP_MANUAL. Everything else is deleted after each new backup.
 */
export const ROTATION = { KEEP_DAILY: 7, KEEP_WEEKLY: 4, KEEP_PRE_MIGRATION: 5, KEEP_MANUAL: 10 } as const;

/** A daily backup is made when the newest one is older than this. */
export const DAILY_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** Room left on the disk after a backup, on top of the backup itself. */
const SPARE_BYTES = 64 * 1024 * 1024;

const PARTIAL_SUFFIX = '.partial';
const NAME_PATTERN = /^(.+)-(\d{8})-(\d{6})-(daily|manual|pre-migration)(?:-(\d+))?\.sqlite3$/;

export { backupFolder } from './paths';

/** 20260302-091500, in UTC so names sort in time order whatever the time zone. */
export function compactTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace('T', '-')
    .replace(/\.\d+Z$/, '');
}

function parseName(name: string): { createdAt: string; reason: BackupReason } | null {
  const match = NAME_PATTERN.exec(name);
  if (match === null) return null;
  const [, , day = '', time = '', reason = ''] = match;
  const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4, 6)}.000Z`;
  if (Number.isNaN(Date.parse(iso))) return null;
  return { createdAt: iso, reason: reason as BackupReason };
}

function newBackupPath(libraryFile: string, reason: BackupReason, now: Date): string {
  const folder = backupFolder(libraryFile);
  const base = `${stem(libraryFile)}-${compactTime(now)}-${reason}`;
  let candidate = path.join(folder, `${base}.sqlite3`);
  for (let n = 2; fs.existsSync(candidate); n += 1) candidate = path.join(folder, `${base}-${n}.sqlite3`);
  return candidate;
}

/**
 * The library's backups, newest first. `articleCount` is read from each copy (each was checked
 * when it was made; `restore` checks again) and is null when the copy cannot be read: such a
 * copy is listed but never offered. `check: false` skips opening the copies at all.
 */
export function listBackups(libraryFile: string, options: { check?: boolean } = {}): BackupInfo[] {
  const folder = backupFolder(libraryFile);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const backups: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseName(name);
    if (parsed === null) continue;
    const file = path.join(folder, name);
    let sizeBytes: number;
    try {
      sizeBytes = fs.statSync(file).size;
    } catch {
      continue;
    }
    let articleCount: number | null = null;
    if (options.check !== false) {
      try {
        articleCount = checkLibraryCopy(file, { verify: false }).articleCount;
      } catch {
        articleCount = null;
      }
    }
    backups.push({ name, path: file, createdAt: parsed.createdAt, reason: parsed.reason, sizeBytes, articleCount });
  }
  return backups.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** The newest backup that passes SQLite's quick_check, or null. */
export function latestGoodBackup(libraryFile: string): BackupInfo | null {
  for (const backup of listBackups(libraryFile, { check: false })) {
    try {
      return { ...backup, articleCount: checkLibraryCopy(backup.path).articleCount };
    } catch {
      // A damaged copy: try the one before.
    }
  }
  return null;
}

/** The calendar week (Monday 00:00 UTC) a moment falls in, as a number. */
function weekOf(iso: string): number {
  const days = Math.floor(Date.parse(iso) / 86_400_000);
  // 1970-01-01 was a Thursday: shift so weeks start on Monday.
  return Math.floor((days + 3) / 7);
}

/** Which backups the rotation deletes (see ROTATION). Pure: the caller deletes. */
export function planRotation(backups: readonly BackupInfo[]): BackupInfo[] {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const keep = new Set<string>();
  const ofReason = (reason: BackupReason) => newestFirst.filter((backup) => backup.reason === reason);
  ofReason('pre-migration')
    .slice(0, ROTATION.KEEP_PRE_MIGRATION)
    .forEach((b) => keep.add(b.name));
  ofReason('manual')
    .slice(0, ROTATION.KEEP_MANUAL)
    .forEach((b) => keep.add(b.name));
  const daily = ofReason('daily');
  daily.slice(0, ROTATION.KEEP_DAILY).forEach((b) => keep.add(b.name));
  const weeks = new Set<number>();
  for (const backup of daily) {
    const week = weekOf(backup.createdAt);
    if (weeks.has(week)) continue;
    if (weeks.size === ROTATION.KEEP_WEEKLY) break;
    weeks.add(week);
    keep.add(backup.name);
  }
  return newestFirst.filter((backup) => !keep.has(backup.name));
}

function rotate(libraryFile: string): void {
  for (const backup of planRotation(listBackups(libraryFile, { check: false }))) {
    fs.rmSync(backup.path, { force: true });
  }
}

function bytesOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export type FreeSpace = (folder: string) => number;

const diskFreeSpace: FreeSpace = (folder) => {
  try {
    const stats = fs.statfsSync(folder);
    return stats.bavail * stats.bsize;
  } catch {
    // A file system that cannot say: the copy itself will report a full disk.
    return Number.POSITIVE_INFINITY;
  }
};

const megabytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024)).toLocaleString('en')} MB`;

/** Refuses a backup that would leave the disk (nearly) full, before anything is written. */
function ensureRoom(libraryFile: string, folder: string, freeSpace: FreeSpace): void {
  const needed = bytesOf(libraryFile) + bytesOf(`${libraryFile}-wal`) + SPARE_BYTES;
  const free = freeSpace(folder);
  if (free < needed) {
    throw new ApiError(
      'library-unavailable',
      `There is not enough free disk space for a backup of ${path.basename(libraryFile)} (about ${megabytes(needed)} needed, ${megabytes(free)} free). Free some space; the library itself is unaffected.`,
    );
  }
}

function backupFailure(libraryFile: string, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new ApiError(
    'library-unavailable',
    `The backup of ${path.basename(libraryFile)} could not be made (${reason}). The library itself is unaffected.`,
  );
}

export type BackupOptions = { now?: Date; freeSpace?: FreeSpace };

function infoOf(file: string, reason: BackupReason, now: Date, articleCount: number): BackupInfo {
  return {
    name: path.basename(file),
    path: file,
    createdAt: `${now.toISOString().slice(0, 19)}.000Z`,
    reason,
    sizeBytes: bytesOf(file),
    articleCount,
  };
}

/**
 * Backs up an open library while it stays in use: copies it under a temporary name, checks the
 * copy, renames it into the backups folder and applies the rotation. A failure deletes the
 * partial copy and throws a message a person can act on; the library is never touched.
 */
export async function createBackup(
  lib: { path: string; db: Db },
  reason: BackupReason,
  options: BackupOptions = {},
): Promise<BackupInfo> {
  const now = options.now ?? new Date();
  const folder = backupFolder(lib.path);
  const target = newBackupPath(lib.path, reason, now);
  const partial = `${target}${PARTIAL_SUFFIX}`;
  try {
    fs.mkdirSync(folder, { recursive: true });
    ensureRoom(lib.path, folder, options.freeSpace ?? diskFreeSpace);
    const check = await copyLibraryOnline(lib.db, partial);
    fs.renameSync(partial, target);
    rotate(lib.path);
    return infoOf(target, reason, now, check.articleCount);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    throw backupFailure(lib.path, error);
  }
}

/**
 * The backup made while a library is being opened, before its first migration step: done in
 * one go (nothing else runs yet). Throws, leaving the library unopened and unchanged, if the
 * copy cannot be made.
 */
export function createPreMigrationBackup(
  libraryFile: string,
  db: Db,
  fromVersion: number,
  options: BackupOptions = {},
): BackupInfo {
  const now = options.now ?? new Date();
  const folder = backupFolder(libraryFile);
  const target = newBackupPath(libraryFile, 'pre-migration', now);
  const partial = `${target}${PARTIAL_SUFFIX}`;
  try {
    fs.mkdirSync(folder, { recursive: true });
    ensureRoom(libraryFile, folder, options.freeSpace ?? diskFreeSpace);
    const check = copyLibraryNow(db, partial);
    fs.renameSync(partial, target);
    rotate(libraryFile);
    return infoOf(target, 'pre-migration', now, check.articleCount);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${partial}-journal`, { force: true });
    const reason = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      'library-unavailable',
      `The library ${libraryFile} needs updating to this Copydesk's format (from format ${fromVersion}), but the backup made before every update failed: ${reason} It has not been changed.`,
    );
  }
}

/** The newest backup of `reason`, or null. */
export function latestBackup(libraryFile: string, reason: BackupReason): BackupInfo | null {
  return listBackups(libraryFile, { check: false }).find((backup) => backup.reason === reason) ?? null;
}
