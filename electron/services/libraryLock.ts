import fs from 'node:fs';

import { z } from 'zod';

/**
 * Who has a library open for the long run (the desktop app, browser mode), written beside it
 * as `NAME.sqlite3.in-use`. SQLite itself keeps two processes' saves apart — a writer waits
 * for the other's transaction (busy_timeout) — so the file does not stop anyone saving. It is
 * there for what SQLite cannot see: replacing the library file (restore) under a process that
 * has it open would send that process's later saves into the file set aside.
 */
const HolderSchema = z.object({ pid: z.number().int().positive(), holder: z.string(), since: z.string() });
export type LibraryHolder = z.infer<typeof HolderSchema>;

export function inUseFile(library: string): string {
  return `${library}.in-use`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The other process that has `library` open, or null (none, or one that ended without tidying up). */
export function otherHolder(library: string): LibraryHolder | null {
  let parsed;
  try {
    parsed = HolderSchema.safeParse(JSON.parse(fs.readFileSync(inUseFile(library), 'utf8')));
  } catch {
    return null;
  }
  if (!parsed.success || parsed.data.pid === process.pid || !alive(parsed.data.pid)) return null;
  return parsed.data;
}

/**
 * Marks `library` as open by this process under the name `holder`; returns the way to take the
 * mark away (only if it is still this process's). Best effort: a folder that cannot be written
 * leaves the library unmarked rather than unopened.
 */
export function markInUse(library: string, holder: string, now: Date = new Date()): () => void {
  const file = inUseFile(library);
  try {
    fs.writeFileSync(file, JSON.stringify({ pid: process.pid, holder, since: now.toISOString() }));
  } catch {
    return () => undefined;
  }
  return () => {
    try {
      const current = HolderSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
      if (current.success && current.data.pid === process.pid) fs.rmSync(file, { force: true });
    } catch {
      // Already gone.
    }
  };
}
