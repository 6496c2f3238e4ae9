import { afterAll, beforeAll } from 'vitest';

import { WorkerPool } from '../../electron/workers/WorkerPool';

/** Worker threads run from source in the tests: each compiles its TypeScript on first start. */
export const WORKER_STARTUP_MS = 120_000;

/**
 * The worker threads of browser mode and the app, for the tests of one file: started (and
 * their modules loaded) before the first test, stopped after the last.
 */
export function useWorkerPool(size = 2): () => WorkerPool {
  let pool: WorkerPool | undefined;
  beforeAll(async () => {
    pool = new WorkerPool({ size });
    await pool.warm();
  }, WORKER_STARTUP_MS);
  afterAll(() => pool?.close());
  return () => {
    if (pool === undefined) throw new Error('The worker threads have not started.');
    return pool;
  };
}
