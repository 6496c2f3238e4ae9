import fs from 'node:fs';
import path from 'node:path';

import { z } from 'zod';

import type { RecentLibrary } from '../../shared/libraries';

export const RECENT_FILE_NAME = 'recent-libraries.json';
export const MAX_RECENT = 10;

const StoredSchema = z.array(z.object({ path: z.string().min(1), openedAt: z.string() }));
type Stored = z.infer<typeof StoredSchema>;

/**
 * The libraries opened lately, most recent first, kept in `recent-libraries.json` in the data
 * folder (shared by the desktop app, browser mode and the CLI). An unreadable file counts as an
 * empty list: losing it costs only convenience, never a library.
 */
export class RecentLibraries {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, RECENT_FILE_NAME);
  }

  #read(): Stored {
    try {
      const parsed = StoredSchema.safeParse(JSON.parse(fs.readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  #write(entries: Stored): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const partial = `${this.file}.partial`;
    fs.writeFileSync(partial, `${JSON.stringify(entries, null, 2)}\n`);
    fs.renameSync(partial, this.file);
  }

  /** The list, marking the library now open and those whose file has gone. */
  list(currentPath: string | null): RecentLibrary[] {
    const current = currentPath === null ? null : path.resolve(currentPath);
    return this.#read().map((entry) => ({
      path: entry.path,
      name: path.basename(entry.path),
      openedAt: entry.openedAt,
      exists: fs.existsSync(entry.path),
      current: entry.path === current,
    }));
  }

  /** Puts a library at the top of the list. Failing to record it never stops it opening. */
  note(file: string, now: Date = new Date()): void {
    const resolved = path.resolve(file);
    const rest = this.#read().filter((entry) => entry.path !== resolved);
    try {
      this.#write([{ path: resolved, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT));
    } catch {
      // A read-only data folder: the list simply does not grow.
    }
  }

  /** Removes a library from the list (the file itself is not touched). */
  forget(file: string): void {
    const resolved = path.resolve(file);
    this.#write(this.#read().filter((entry) => entry.path !== resolved));
  }
}
