import path from 'node:path';

import { getArticle } from '../electron/services/articles';
import { LibraryHost } from '../electron/services/LibraryHost';
import { checkLibrary } from './checkLibrary';
import { startWorker } from './worker';

export type ConcurrencySummary = {
  writers: number;
  saves: number;
  failedSaves: number;
  /** Writers whose last save is not what the library holds afterwards. */
  savesLost: number;
  corrupt: boolean;
  errors: string[];
  elapsedMs: number;
};

/**
 * Several processes open one new library at the same moment (the first creates it) and save
 * their own article through the articles service as fast as they can for `seconds`. Every save
 * must succeed — a writer waits for the other's transaction rather than failing — and each
 * writer's last save must be in the library afterwards.
 */
export async function runConcurrentWriters(options: {
  dir: string;
  writers?: number;
  seconds?: number;
}): Promise<ConcurrencySummary> {
  const started = performance.now();
  const file = path.join(options.dir, 'shared.sqlite3');
  const names = Array.from({ length: options.writers ?? 2 }, (_, n) => String.fromCharCode(65 + n));
  const running = names.map((name) => startWorker('concurrentWriter.ts', [file, String(options.seconds ?? 3), name]));
  await Promise.all(running.map((writer) => writer.exited));

  const summary: ConcurrencySummary = {
    writers: names.length,
    saves: 0,
    failedSaves: 0,
    savesLost: 0,
    corrupt: false,
    errors: [],
    elapsedMs: 0,
  };
  const finals: { id: string; version: number }[] = [];
  for (const [n, writer] of running.entries()) {
    const result = writer.lines.find((line) => line.name === names[n]);
    if (result === undefined) {
      summary.failedSaves += 1;
      summary.errors.push(`writer ${names[n]} ended without a report: ${writer.stderr().slice(-500)}`);
      continue;
    }
    summary.saves += Number(result.saves);
    summary.failedSaves += Number(result.failures);
    summary.errors.push(...(result.errors as string[]));
    if (typeof result.id === 'string' && result.id !== '')
      finals.push({ id: result.id, version: Number(result.version) });
  }
  const check = checkLibrary(file);
  summary.corrupt = !check.ok;
  summary.errors.push(...check.problems);
  const host = LibraryHost.open(file);
  try {
    for (const last of finals) {
      if (getArticle(host.current, last.id).version !== last.version) summary.savesLost += 1;
    }
  } finally {
    host.close();
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
