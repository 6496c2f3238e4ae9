import type { Worker } from 'node:worker_threads';

import type { LibraryStart } from './protocol';
import { LibraryClient } from './LibraryClient';
import { startWorker } from '../workers/startWorker';

/**
 * The library in a worker thread of this Node process, started from the same module as the
 * desktop app's library process: what the tests drive, and what a Node host of the library uses.
 */
export function startLibraryThread(options: LibraryStart): {
  client: LibraryClient;
  worker: Worker;
  stop: () => Promise<void>;
} {
  const worker = startWorker('libraryProcess');
  const client = new LibraryClient(
    {
      post: (message) => worker.postMessage(message),
      listen: (listener) => worker.on('message', listener),
    },
    options,
  );
  worker.on('error', (error: Error) => client.stopped(error.message));
  worker.on('exit', (code) => client.stopped(`exit code ${code}`));
  return {
    client,
    worker,
    stop: async () => {
      await client.close();
      await worker.terminate();
    },
  };
}
