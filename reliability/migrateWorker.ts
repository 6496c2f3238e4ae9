/**
 * Opens a library of an older format the way the app does, which migrates it, and says when
 * the migration starts and when the library is open.
 *
 *   tsx reliability/migrateWorker.ts LIBRARY [KILL_AFTER_MS]
 *
 * With KILL_AFTER_MS, the process SIGKILLs itself that long after the migration has started.
 * The kill comes from a thread of its own, so it lands in the middle of the migration's
 * synchronous work, to the millisecond, as a crash or a power cut would.
 */
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

import { openDatabase } from '../electron/db/connection';

const [file, killAfter] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: migrateWorker LIBRARY [KILL_AFTER_MS]');
const report = (value: object) => fs.writeSync(1, `${JSON.stringify(value)}\n`);

async function main(): Promise<void> {
  const go = new Int32Array(new SharedArrayBuffer(4));
  if (killAfter !== undefined) {
    // Started and waiting before the library is touched: a thread takes a while to start.
    const killer = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       parentPort.postMessage('ready');
       Atomics.wait(workerData.go, 0, 0);
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
       process.kill(workerData.pid, 'SIGKILL');`,
      { eval: true, workerData: { go, ms: Number(killAfter), pid: process.pid } },
    );
    killer.unref();
    await new Promise((resolve) => killer.once('message', resolve));
  }

  let started = 0;
  const db = openDatabase(file ?? '', {
    beforeMigration: () => {
      started = performance.now();
      report({ migrating: true });
      Atomics.store(go, 0, 1);
      Atomics.notify(go, 0);
    },
  });
  report({ done: true, ms: performance.now() - started });
  db.close();
}

void main();
