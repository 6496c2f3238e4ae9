import fs from 'node:fs';
import path from 'node:path';

import { ApiError } from '../../shared/errors';
import type { LibraryStatus, RecentLibrary, RestoreResult } from '../../shared/libraries';
import type { Db } from '../db/connection';
import { openDatabase } from '../db/connection';
import { checkLibraryCopy } from '../db/backup';
import type { BackupOptions } from './backups';
import { compactTime, createPreMigrationBackup, latestGoodBackup, listBackups } from './backups';
import { DailyBackups } from './dailyBackups';
import { HealthChecks } from './healthChecks';
import { damagedHeader, moveLibraryFiles } from './libraryFiles';
import { markInUse, otherHolder } from './libraryLock';
import type { RecentLibraries } from './RecentLibraries';
import type { Analysis, ArticleText } from '../related/analyseArticle';
import { analyseArticle } from '../related/analyseArticle';
import { loadNameFinder } from '../related/entities';
import { BackgroundAnalysis } from './backgroundAnalysis';

/** An article's analysis in this thread, once the name finder has loaded. */
async function analyseHere(text: ArticleText): Promise<Analysis> {
  await loadNameFinder();
  return analyseArticle(text);
}

/** One open library file. */
export type Library = { readonly path: string; readonly db: Db };

export type LibraryHostOptions = {
  /** Run SQLite's quick_check on every library opened (the app does; one-shot CLI commands do not). */
  verify?: boolean;
  /** Where opened libraries are remembered. */
  recent?: RecentLibraries;
  /** Disk-space probe and clock for backups (tests). */
  backups?: BackupOptions;
  /**
   * Runs the related-article analysis of an article's text: in a worker thread where the
   * caller has them. In this thread, an article at a time, by default.
   */
  analyse?: (text: ArticleText) => Promise<Analysis>;
  /**
   * Marks the library as open by this process, under this name ("the Copydesk app"), for as
   * long as the host is on it, so that a restore from another process refuses rather than
   * replacing the file underneath it. One-shot CLI commands do not mark.
   */
  markInUseAs?: string;
};

type State = { kind: 'open'; library: Library } | { kind: 'unavailable'; path: string; problem: ApiError };

/**
 * Holds the library the app is working on: opens, switches, creates and restores libraries.
 * Its background work, each with a timer of its own, runs on whichever library is open: the
 * backups (DailyBackups), the damage checks (HealthChecks) and the related-article analysis
 * (BackgroundAnalysis). When the library cannot be opened at start-up the host is
 * "unavailable" rather than absent: every library call answers with the reason, and a backup
 * can be restored or another library opened from there. A failed switch leaves the current
 * library open and untouched.
 */
export class LibraryHost {
  #state: State;
  readonly #options: LibraryHostOptions;
  #unmark: () => void = () => undefined;
  readonly #listeners = new Set<() => void>();
  /** The open library's backups, on request and daily. */
  readonly backups: DailyBackups;
  /** The open library's damage checks. */
  readonly health: HealthChecks;
  /** The related-article analysis of the articles waiting for it, off the save path. */
  readonly analysis: BackgroundAnalysis;

  private constructor(state: State, options: LibraryHostOptions) {
    this.#state = state;
    this.#options = options;
    const openOrNull = () => (this.#state.kind === 'open' ? this.#state.library : null);
    this.backups = new DailyBackups(() => this.current, options.backups);
    this.health = new HealthChecks(openOrNull, (lib, problem) => this.#damaged(lib, problem));
    this.analysis = new BackgroundAnalysis(openOrNull, options.analyse ?? analyseHere);
  }

  /** Opens `file`; throws if it cannot be opened. */
  static open(file: string, options: LibraryHostOptions = {}): LibraryHost {
    const host = new LibraryHost({ kind: 'unavailable', path: file, problem: new ApiError('internal', '') }, options);
    host.#state = { kind: 'open', library: host.#openLibrary(file) };
    host.#markCurrent();
    return host;
  }

  /** Opens `file`, or starts unavailable (with the reason) when it cannot be opened. Never throws. */
  static start(file: string, options: LibraryHostOptions = {}): LibraryHost {
    const host = new LibraryHost({ kind: 'unavailable', path: file, problem: new ApiError('internal', '') }, options);
    try {
      host.#state = { kind: 'open', library: host.#openLibrary(file) };
    } catch (error) {
      host.#state = { kind: 'unavailable', path: path.resolve(file), problem: host.#classify(file, error) };
    }
    host.#markCurrent();
    return host;
  }

  #markCurrent(): void {
    this.#unmark();
    const holder = this.#options.markInUseAs;
    this.#unmark = holder === undefined ? () => undefined : markInUse(this.path, holder);
  }

  #openLibrary(file: string): Library {
    const resolved = path.resolve(file);
    const db = openDatabase(resolved, {
      verify: this.#options.verify === true,
      beforeMigration: (opening, from) => {
        createPreMigrationBackup(resolved, opening, from, this.#options.backups);
      },
    });
    this.#options.recent?.note(resolved);
    return { path: resolved, db };
  }

  #classify(file: string, error: unknown): ApiError {
    const problem =
      error instanceof ApiError
        ? error
        : new ApiError('library-unavailable', error instanceof Error ? error.message : String(error));
    if (problem.code === 'library-unavailable' && damagedHeader(path.resolve(file))) {
      return new ApiError(
        'library-damaged',
        `The library ${path.resolve(file)} is damaged: it no longer reads as a database. It has not been changed; restore it from a backup.`,
      );
    }
    return problem;
  }

  /** The open library; throws the reason when there is none. */
  get current(): Library {
    if (this.#state.kind === 'unavailable') throw this.#state.problem;
    return this.#state.library;
  }

  /** The library file the host is on, open or not. */
  get path(): string {
    return this.#state.kind === 'open' ? this.#state.library.path : this.#state.path;
  }

  status(): LibraryStatus {
    if (this.#state.kind === 'open') {
      return {
        state: 'open',
        path: this.#state.library.path,
        problem: null,
        latestBackup: null,
        backupFailure: this.backups.lastFailure,
      };
    }
    return {
      state: 'unavailable',
      path: this.#state.path,
      problem: this.#state.problem.toPayload(),
      latestBackup: latestGoodBackup(this.#state.path),
      backupFailure: null,
    };
  }

  /** Opens `file` and makes it current; throws (keeping the old one) if it cannot be opened. */
  switchTo(file: string): Library {
    let next: Library;
    try {
      next = this.#openLibrary(file);
    } catch (error) {
      throw this.#classify(file, error);
    }
    const previous = this.#state;
    this.#state = { kind: 'open', library: next };
    if (previous.kind === 'open' && previous.library.db.open) previous.library.db.close();
    this.#markCurrent();
    this.#afterChange();
    return next;
  }

  /** Creates a new, empty library at `file` and switches to it. Refuses an existing file. */
  create(file: string): Library {
    const resolved = path.resolve(file);
    if (fs.existsSync(resolved)) {
      throw new ApiError(
        'conflict',
        `${resolved} already exists. Open it instead, or choose a new name for the new library.`,
      );
    }
    return this.switchTo(resolved);
  }

  /**
   * Replaces the library file with a copy of `backupFile`. The file it replaces is kept beside it
   * (`….before-restore-<time>`, or `….damaged-<time>` when it could not be opened), never
   * deleted; if the restored copy then fails to open, everything is put back as it was.
   */
  restore(backupFile: string, now: Date = new Date()): RestoreResult {
    const source = path.resolve(backupFile);
    let copy;
    try {
      copy = checkLibraryCopy(source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ApiError('invalid-request', `${source} cannot be restored: ${reason}. Choose another backup.`);
    }
    const target = this.path;
    const holder = otherHolder(target);
    if (holder !== null) {
      throw new ApiError(
        'conflict',
        `${holder.holder} (process ${holder.pid}) has the library ${target} open, so it cannot be replaced from here: its next saves would be lost. Restore it from there, or close it first and try again.`,
      );
    }
    const previous = this.#state;
    const aside = `${target}.${previous.kind === 'open' ? 'before-restore' : 'damaged'}-${compactTime(now)}`;
    const incoming = `${target}.restoring`;

    fs.copyFileSync(source, incoming);
    if (previous.kind === 'open' && previous.library.db.open) previous.library.db.close();
    const hadFile = fs.existsSync(target);
    moveLibraryFiles(target, aside);
    fs.renameSync(incoming, target);
    try {
      this.#state = { kind: 'open', library: this.#openLibrary(target) };
    } catch (error) {
      fs.rmSync(target, { force: true });
      moveLibraryFiles(aside, target);
      this.#state = previous.kind === 'open' ? { kind: 'open', library: this.#openLibrary(target) } : { ...previous };
      throw this.#classify(target, error);
    }
    this.#afterChange();
    const info = listBackups(target, { check: false }).find((backup) => backup.path === source);
    return {
      restored:
        info !== undefined
          ? { ...info, articleCount: copy.articleCount }
          : {
              name: path.basename(source),
              path: source,
              createdAt: fs.statSync(source).mtime.toISOString(),
              reason: 'manual',
              sizeBytes: fs.statSync(source).size,
              articleCount: copy.articleCount,
            },
      setAside: hadFile ? aside : null,
      status: this.status(),
    };
  }

  /** The recently opened libraries, marking the current one. */
  recentLibraries(): RecentLibrary[] {
    return this.#options.recent?.list(this.#state.kind === 'open' ? this.path : null) ?? [];
  }

  forgetRecent(file: string): RecentLibrary[] {
    this.#options.recent?.forget(file);
    return this.recentLibraries();
  }

  /**
   * Starts the background work on the open library (and whichever is opened next): the daily
   * backup, checked at once and then hourly; the related-article analysis of the articles
   * waiting for it (in the worker threads where the host's `analyse` runs it); and an hourly
   * check for damage.
   */
  startBackgroundWork(): void {
    this.backups.start();
    this.analysis.start();
    this.health.start();
  }

  /**
   * Damage found by a check: the library is closed (nothing more is written to it) and the
   * host becomes unavailable with the reason, offering the latest good backup just as it does
   * for a library found damaged at start-up; restoring keeps the damaged file aside.
   */
  #damaged(lib: Library, problem: string): void {
    if (lib.db.open) lib.db.close();
    this.#state = {
      kind: 'unavailable',
      path: lib.path,
      problem: new ApiError(
        'library-damaged',
        `The library ${lib.path} is damaged (SQLite's check reports: ${problem.slice(0, 200)}). Copydesk has stopped writing to it. Restore the latest good backup — the damaged file is kept aside — or open another library.`,
      ),
    };
    for (const listener of this.#listeners) listener();
  }

  /** Calls `listener` after every switch, creation or restore; returns the way to stop. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #afterChange(): void {
    for (const listener of this.#listeners) listener();
    this.backups.libraryChanged();
  }

  close(): void {
    this.backups.stop();
    this.health.stop();
    this.#unmark();
    this.analysis.stop();
    if (this.#state.kind === 'open' && this.#state.library.db.open) this.#state.library.db.close();
  }
}
