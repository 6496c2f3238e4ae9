// A worker thread of the library: runs the tasks WorkerPool sends it (see tasks.ts).
import { parentPort } from 'node:worker_threads';

import { serveTasks } from './tasks';

if (parentPort !== null) serveTasks(parentPort);
