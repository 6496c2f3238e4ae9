// A worker thread of the library, as taskWorker.ts is, that stops dead (as a crash or an
// exhausted heap would stop it) when it is given a file whose name starts with "crash".
import path from 'node:path';
import { parentPort } from 'node:worker_threads';

import { runTask, serveTasks } from '../../electron/workers/tasks';

if (parentPort !== null) {
  serveTasks(parentPort, (task) => {
    if (task.kind === 'read' && path.basename(task.job.file).startsWith('crash')) process.exit(70);
    return runTask(task);
  });
}
