// A worker thread of the library: runs the tasks WorkerPool sends it (see tasks.ts).
import os from 'node:os';
import { parentPort } from 'node:worker_threads';

import { serveTasks } from './tasks';

// Reading files and analysing names is work nobody waits on: on Linux, where a thread has a
// priority of its own, this one yields the cores to the thread that answers the window. (Elsewhere
// the call would lower the whole process, the one that answers too, so it is left alone.)
if (process.platform === 'linux') {
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // A system that refuses the change runs the thread at the usual priority.
  }
}

if (parentPort !== null) serveTasks(parentPort);
