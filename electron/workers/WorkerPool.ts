import os from 'node:os';
import type { ResourceLimits, Worker } from 'node:worker_threads';

import type { ImportedArticle } from '../import/importedArticle';
import type { ReadJob } from '../import/readImportFile';
import type { Analysis, ArticleText } from '../related/analyseArticle';
import type { WorkerSource } from './startWorker';
import { startWorker } from './startWorker';
import type { WorkerFailure, WorkerResult, WorkerTask } from './tasks';
import { fromFailure } from './tasks';

/** A worker thread that stopped with a task in hand: its task fails with this, the others go on. */
export class WorkerStopped extends Error {
  constructor(detail: string) {
    super(`the reader working on it stopped (${detail}); nothing of it was imported`);
    this.name = 'WorkerStopped';
  }
}

type Waiting = { task: WorkerTask; resolve: (value: unknown) => void; reject: (error: Error) => void };
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WorkerFailure };

export type WorkerPoolOptions = {
  /** Threads at most; one per core by default (at least one, at most four). */
  size?: number;
  /** The module the threads run: taskWorker, or a module of a test's own. */
  module?: WorkerSource;
  /** Memory a thread may take: a file that needs more stops its thread, not the library. */
  resourceLimits?: ResourceLimits;
};

/** A pool's size by default: the machine's cores, the library's own thread sharing them. */
export function defaultPoolSize(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}

const DEFAULT_LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 1536 };

/**
 * A few worker threads that run the library's heavy tasks (see tasks.ts), one task per thread
 * at a time, in the order asked. Threads start on first need and never keep the process alive
 * while idle. A thread that stops (a crash, memory exhausted) fails only the task it held,
 * with a WorkerStopped error, and another takes its place for the tasks that follow.
 */
export class WorkerPool {
  readonly #size: number;
  readonly #module: WorkerSource;
  readonly #limits: ResourceLimits;
  readonly #idle: Worker[] = [];
  readonly #busy = new Map<Worker, Waiting & { id: number }>();
  readonly #queue: Waiting[] = [];
  /** Analyses wait behind files to read: an import a person is watching goes first. */
  readonly #background: Waiting[] = [];
  #started = 0;
  #nextId = 1;
  #closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.#size = Math.max(1, options.size ?? defaultPoolSize());
    this.#module = options.module ?? 'taskWorker';
    this.#limits = options.resourceLimits ?? DEFAULT_LIMITS;
  }

  get size(): number {
    return this.#size;
  }

  /** Runs `task` on the first free thread; resolves with its result, or rejects with why it failed. */
  run<T extends WorkerTask>(task: T): Promise<WorkerResult<T>> {
    if (this.#closed) return Promise.reject(new Error('Copydesk is closing: the task was not run.'));
    return new Promise<WorkerResult<T>>((resolve, reject) => {
      const waiting = { task, resolve: resolve as (value: unknown) => void, reject };
      (task.kind === 'analyse' ? this.#background : this.#queue).push(waiting);
      this.#dispatch();
    });
  }

  /** Reads one file of an import in a thread (see readImportFile). */
  readonly read = (job: ReadJob): Promise<ImportedArticle> => this.run({ kind: 'read', job });

  /** The related-article analysis of an article's text, in a thread (see analyseArticle). */
  readonly analyse = (text: ArticleText): Promise<Analysis> => this.run({ kind: 'analyse', text });

  /**
   * Starts every thread now and loads what its tasks need, so the first file of an import
   * does not wait for them: browser mode and the app do it as they start.
   */
  async warm(): Promise<void> {
    await Promise.all(Array.from({ length: this.#size }, () => this.run({ kind: 'warm' })));
  }

  #dispatch(): void {
    while (this.#queue.length + this.#background.length > 0) {
      let worker = this.#idle.pop();
      if (worker === undefined) {
        if (this.#started >= this.#size) return;
        worker = this.#spawn();
      }
      const waiting = (this.#queue.shift() ?? this.#background.shift()) as Waiting;
      const id = this.#nextId++;
      this.#busy.set(worker, { ...waiting, id });
      worker.ref();
      worker.postMessage({ id, task: waiting.task });
    }
  }

  #spawn(): Worker {
    const worker = startWorker(this.#module, { resourceLimits: this.#limits });
    this.#started += 1;
    let gone = false;
    const leave = (detail: string) => {
      if (gone) return;
      gone = true;
      this.#started -= 1;
      const index = this.#idle.indexOf(worker);
      if (index >= 0) this.#idle.splice(index, 1);
      const held = this.#busy.get(worker);
      this.#busy.delete(worker);
      held?.reject(new WorkerStopped(detail));
      if (!this.#closed) this.#dispatch();
    };
    worker.on('message', (reply: Reply) => {
      const held = this.#busy.get(worker);
      if (held === undefined || held.id !== reply.id) return;
      this.#busy.delete(worker);
      if (reply.ok) held.resolve(reply.value);
      else held.reject(fromFailure(reply.error));
      worker.unref();
      this.#idle.push(worker);
      this.#dispatch();
    });
    worker.on('error', (error: Error) => leave(error.message));
    worker.on('exit', (code) => leave(`exit code ${code}`));
    return worker;
  }

  /** Stops every thread; tasks not yet run are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const waiting of [...this.#queue.splice(0), ...this.#background.splice(0)]) {
      waiting.reject(new Error('Copydesk is closing: the task was not run.'));
    }
    const workers = [...this.#idle, ...this.#busy.keys()];
    this.#idle.length = 0;
    // A thread being stopped may no longer hold the process open by itself: the wait is held
    // open here, so the caller's work after close (a report to print) is never cut short.
    const hold = setInterval(() => undefined, 1000);
    try {
      await Promise.all(workers.map((worker) => worker.terminate()));
    } finally {
      clearInterval(hold);
    }
  }
}
