import { v7 as uuidv7 } from 'uuid';

import { ApiError } from '../../shared/errors';
import type { ImportJobId, ImportJobStatus, ImportReport } from '../../shared/imports';
import { ImportJobIdSchema } from '../../shared/imports';
import type { EditContext } from '../services/articles';
import type { Library } from '../services/LibraryHost';
import type { ImportInput } from './importFiles';
import { importFiles } from './importFiles';
import type { ImportReader } from './readImportFile';

type Job = {
  id: ImportJobId;
  controller: AbortController;
  state: ImportJobStatus['state'];
  done: number;
  total: number;
  current: string | null;
  result?: ImportReport;
  finishedAt?: number;
  settled: Promise<void>;
};

/** How long a finished import's report can still be asked for. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;
/** Imports running at once; each holds its files in memory until it is done. */
const MAX_RUNNING = 3;

/**
 * Imports running in the background of this process, for the UI: started with the files'
 * bytes, asked for their progress, cancelled. Each runs through importFiles, which reads files
 * with `read` (in worker threads where the library has them) and stores them in short
 * transactions, so the library keeps serving other requests meanwhile.
 */
export class ImportJobs {
  readonly #jobs = new Map<string, Job>();
  readonly #now: () => number;
  readonly #read: ImportReader | undefined;
  readonly #listeners = new Set<(status: ImportJobStatus) => void>();

  constructor(now: () => number = Date.now, options: { read?: ImportReader } = {}) {
    this.#now = now;
    this.#read = options.read;
  }

  /**
   * Hears of every import's progress, as `status` tells it, each time a file starts and once
   * when the import stops; returns the way to stop listening.
   */
  onStatus(listener: (status: ImportJobStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #tell(id: ImportJobId): void {
    if (this.#listeners.size === 0) return;
    const status = this.status(id);
    for (const listener of this.#listeners) listener(status);
  }

  #prune(): void {
    for (const [id, job] of this.#jobs) {
      if (job.finishedAt !== undefined && this.#now() - job.finishedAt > KEEP_FINISHED_MS) this.#jobs.delete(id);
    }
  }

  #job(id: string): Job {
    const job = this.#jobs.get(id);
    if (job === undefined) {
      throw new ApiError(
        'not-found',
        'That import is not known here: it finished more than an hour ago, or Copydesk was restarted since.',
      );
    }
    return job;
  }

  /**
   * Starts importing `sources` (files' bytes, or paths to files and folders) into `lib`; returns
   * at once with the import's id. `onProgress`, when given, hears of each file as it starts, as
   * `status` would tell it; a cancel asked for from it stops the import after that file.
   */
  start(
    lib: Library,
    sources: readonly ImportInput[],
    context: EditContext = {},
    onProgress?: (status: ImportJobStatus) => void,
  ): ImportJobId {
    this.#prune();
    const running = [...this.#jobs.values()].filter((job) => job.state === 'running').length;
    if (running >= MAX_RUNNING) {
      throw new ApiError('conflict', 'Three imports are already running. Wait for one to finish, or cancel one.');
    }
    const id = ImportJobIdSchema.parse(uuidv7());
    const controller = new AbortController();
    const job: Job = {
      id,
      controller,
      state: 'running',
      done: 0,
      total: sources.length,
      current: null,
      settled: Promise.resolve(),
    };
    const finish = (result: ImportReport) => {
      job.result = result;
      job.state = result.cancelled ? 'cancelled' : 'done';
      job.current = null;
      job.finishedAt = this.#now();
      this.#tell(id);
    };
    job.settled = importFiles(lib, sources, {
      signal: controller.signal,
      context,
      ...(this.#read === undefined ? {} : { read: this.#read }),
      onProgress: (done, total, current) => {
        job.done = done;
        job.total = total;
        job.current = current;
        onProgress?.(this.status(id));
        // The last call (current null) is told once the report is in, by finish.
        if (current !== null) this.#tell(id);
      },
    }).then(finish, (error: unknown) => {
      finish({
        total: job.total,
        imported: [],
        duplicates: [],
        failed: [
          {
            file: job.current ?? '',
            reason: `The import stopped: ${error instanceof Error ? error.message : String(error)}`,
          },
        ],
        ignored: [],
        cancelled: false,
      });
    });
    this.#jobs.set(id, job);
    return id;
  }

  /** Where an import stands; its report once it has stopped. Throws not-found for an unknown id. */
  status(id: string): ImportJobStatus {
    const job = this.#job(id);
    return {
      jobId: job.id,
      state: job.state,
      done: job.done,
      total: job.total,
      current: job.current,
      ...(job.result === undefined ? {} : { result: job.result }),
    };
  }

  /** Asks a running import to stop after its current file; a finished one is left as it is. */
  cancel(id: string): ImportJobStatus {
    this.#job(id).controller.abort();
    return this.status(id);
  }

  /** Resolves once the import has stopped, with its final status. */
  async settled(id: string): Promise<ImportJobStatus> {
    await this.#job(id).settled;
    return this.status(id);
  }
}
