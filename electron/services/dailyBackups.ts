import type { BackupInfo, BackupReason } from '../../shared/libraries';
import { countArticles } from '../db/queries/articles';
import type { BackupOptions } from './backups';
import { createBackup, DAILY_INTERVAL_MS, latestBackup } from './backups';
import type { Library } from './LibraryHost';

/**
 * The backups of the library a host is on: one at a time, on request or once a day. A daily
 * backup that fails is remembered for `backups:list` to show and never stops the library
 * working.
 */
export class DailyBackups {
  readonly #library: () => Library;
  readonly #options: BackupOptions;
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<unknown> = Promise.resolve();
  #lastFailure: string | null = null;

  /** `library` is the open library; it throws the reason when there is none. */
  constructor(library: () => Library, options: BackupOptions = {}) {
    this.#library = library;
    this.#options = options;
  }

  /** Backs up the open library now; throws with the reason if it cannot. */
  async backUp(reason: BackupReason, now?: Date): Promise<BackupInfo> {
    const lib = this.#library();
    // One backup at a time: a second request waits for the first.
    const run = this.#running.then(() =>
      createBackup(lib, reason, { ...this.#options, ...(now === undefined ? {} : { now }) }),
    );
    this.#running = run.catch(() => undefined);
    return run;
  }

  /**
   * Makes the daily backup if the newest one is more than a day old and the library holds any
   * article. A failure is kept in `lastFailure`; a backup cut short because the library was
   * switched or closed is not a failure.
   */
  async backUpIfDue(now: Date = new Date()): Promise<BackupInfo | null> {
    let lib: Library;
    try {
      lib = this.#library();
    } catch {
      return null;
    }
    // An empty library has nothing to lose yet.
    const { live, trashed } = countArticles(lib.db);
    if (live + trashed === 0) return null;
    const last = latestBackup(lib.path, 'daily');
    if (last !== null && now.getTime() - Date.parse(last.createdAt) < DAILY_INTERVAL_MS) return null;
    try {
      const made = await this.backUp('daily', now);
      this.#lastFailure = null;
      return made;
    } catch (error) {
      if (!lib.db.open) return null;
      this.#lastFailure = error instanceof Error ? error.message : String(error);
      return null;
    }
  }

  /** Why the last daily backup failed, if it did. */
  get lastFailure(): string | null {
    return this.#lastFailure;
  }

  /** Checks at once and then every `everyMs` whether the daily backup is due. */
  start(everyMs = 60 * 60 * 1000): void {
    this.stop();
    this.#timer = setInterval(() => void this.backUpIfDue(), everyMs);
    this.#timer.unref();
    void this.backUpIfDue();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** Another library is open: its own failures only, and its daily backup at once if due. */
  libraryChanged(): void {
    this.#lastFailure = null;
    if (this.#timer !== undefined) void this.backUpIfDue();
  }
}
