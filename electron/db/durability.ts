import fs from 'node:fs';

import type { Db } from './connection';

/**
 * Runs `write`, which commits, with SQLite leaving its commits to the operating system to write
 * out instead of waiting for the disk at each one (synchronous = NORMAL). In WAL mode a commit
 * made so still leaves the library whole after a crash or a power cut, which may only undo it;
 * waitForDisk then makes every commit so far as safe as any other. Outside WAL mode, or inside a
 * transaction (whose commit is another's), `write` runs as it would anyway.
 */
export function withoutWaitingForDisk<T>(db: Db, write: () => T): T {
  if (db.inTransaction || db.pragma('journal_mode', { simple: true }) !== 'wal') return write();
  const before = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}

/**
 * Waits until the disk holds every commit made so far: the write-ahead log, where commits go
 * before they reach the library file, is written out.
 */
export function waitForDisk(db: Db): void {
  let fd: number;
  try {
    fd = fs.openSync(`${db.name}-wal`, 'r+');
  } catch {
    // No log: every commit is in the library file, which SQLite wrote out when it emptied the log.
    return;
  }
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
