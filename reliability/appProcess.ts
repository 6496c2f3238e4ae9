/**
 * Stands in for the desktop app on a library: opens it as the app does (marked in use), and
 * with HOLD_MS > 0 keeps a save's transaction open that long, as a long write of the app would.
 * Then stays open until killed.
 *
 *   tsx reliability/appProcess.ts LIBRARY [HOLD_MS]
 *
 * Prints {"opened":true}, then with HOLD_MS {"holding":true} and {"released":true}.
 */
import fs from 'node:fs';

import { createArticle } from '../electron/services/articles';
import { LibraryHost } from '../electron/services/LibraryHost';

const [file, holdArg] = process.argv.slice(2);
if (file === undefined) throw new Error('usage: appProcess LIBRARY [HOLD_MS]');
const report = (value: object) => fs.writeSync(1, `${JSON.stringify(value)}\n`);

const host = LibraryHost.start(file, { verify: true, markInUseAs: 'The Copydesk app' });
// As the app starts it: backups, background analysis and checks on their timers.
host.startBackgroundWork();
report({ opened: true, state: host.status().state });
const holdMs = Number(holdArg ?? 0);
if (holdMs > 0) {
  host.current.db
    .transaction(() => {
      createArticle(host.current, { headline: 'Saved by the app' });
      report({ holding: true });
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, holdMs);
    })
    .immediate();
  report({ released: true });
}
setInterval(() => undefined, 60_000);
