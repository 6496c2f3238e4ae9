import fs from 'node:fs';

import { listBackups } from './backups';

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** A file that has backups but no longer starts like a database was a library and is damaged. */
export function damagedHeader(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(SQLITE_HEADER.length);
      const read = fs.readSync(fd, head, 0, head.length, 0);
      return read > 0 && !head.equals(SQLITE_HEADER) && listBackups(file, { check: false }).length > 0;
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

function moveIfPresent(from: string, to: string): void {
  if (fs.existsSync(from)) fs.renameSync(from, to);
}

/** The library file and its WAL companions, moved together. */
export function moveLibraryFiles(from: string, to: string): void {
  moveIfPresent(from, to);
  moveIfPresent(`${from}-wal`, `${to}-wal`);
  moveIfPresent(`${from}-shm`, `${to}-shm`);
}
