import fs from 'node:fs';
import path from 'node:path';

import { getArticle } from '../electron/services/articles';
import { LibraryHost } from '../electron/services/LibraryHost';
import { checkLibrary } from './checkLibrary';
import { savedHeadline, savedText } from './savedContent';
import { sleep, startWorker } from './worker';

export type CrashSummary = {
  rounds: number;
  /** Rounds after which the library failed integrity_check, an FTS5 integrity-check or would not open. */
  corruptLibraries: number;
  /** Acknowledged saves missing afterwards (an older version found, or other content at that version). */
  acknowledgedSavesLost: number;
  acknowledgedSaves: number;
  /** Rounds killed before the writer had acknowledged any save (during start-up or opening). */
  killedBeforeFirstSave: number;
  problems: string[];
  elapsedMs: number;
};

type Acknowledged = { round: number; id: string; version: number };

/**
 * Rounds of: a writer process saving one article continuously through the articles service,
 * SIGKILLed at a random moment; then the library is opened as the app opens it and checked —
 * integrity_check, FTS5 integrity-check of every full-text table, and every save the writer
 * acknowledged, in every round so far, present with its content. One library takes all the
 * rounds, so each round also starts from the previous crash.
 */
export async function runCrashRounds(options: {
  rounds: number;
  dir: string;
  /** The kill comes at a random moment up to this long after the writer has opened the library. */
  maxKillDelayMs?: number;
  random?: () => number;
  onRound?: (round: number, summary: CrashSummary) => void;
}): Promise<CrashSummary> {
  const random = options.random ?? Math.random;
  const maxDelay = options.maxKillDelayMs ?? 800;
  const started = performance.now();
  const summary: CrashSummary = {
    rounds: 0,
    corruptLibraries: 0,
    acknowledgedSavesLost: 0,
    acknowledgedSaves: 0,
    killedBeforeFirstSave: 0,
    problems: [],
    elapsedMs: 0,
  };
  let file = path.join(options.dir, 'crash.sqlite3');
  let acknowledged: Acknowledged[] = [];

  for (let round = 1; round <= options.rounds; round += 1) {
    const writer = startWorker('saveWorker.ts', [file, String(round)]);
    // Some kills land while the writer starts or opens the library, most while it saves.
    const when = random();
    const opened =
      when < 0.1
        ? true
        : await writer.waitFor((line) => (when < 0.2 ? line.opened === true : typeof line.id === 'string'));
    if (opened === null) {
      summary.problems.push(`round ${round}: the writer ended before opening: ${writer.stderr()}`);
    }
    await sleep(random() * maxDelay);
    writer.child.kill('SIGKILL');
    await writer.exited;

    const saves = writer.lines.filter((line): line is { id: string; version: number } => typeof line.id === 'string');
    const last = saves[saves.length - 1];
    if (last === undefined) summary.killedBeforeFirstSave += 1;
    else acknowledged.push({ round, id: last.id, version: last.version });
    summary.acknowledgedSaves += saves.length;

    // Killed before the library file was made: nothing was promised, nothing to check.
    if (!fs.existsSync(file) && acknowledged.length === 0) {
      summary.rounds = round;
      options.onRound?.(round, summary);
      continue;
    }
    const check = checkLibrary(file);
    let lost = 0;
    let openProblem: string | null = null;
    if (check.ok) {
      try {
        const host = LibraryHost.open(file, { verify: true });
        try {
          for (const ack of acknowledged) {
            const stored = getArticle(host.current, ack.id);
            if (stored.version < ack.version) {
              lost += ack.version - stored.version;
              summary.problems.push(`round ${ack.round}: version ${stored.version} found, ${ack.version} acknowledged`);
            } else if (
              stored.headline !== savedHeadline(ack.round, stored.version) ||
              stored.bodyText !== savedText(ack.round, stored.version)
            ) {
              lost += 1;
              summary.problems.push(`round ${ack.round}: version ${stored.version} holds other content`);
            }
          }
        } finally {
          host.close();
        }
      } catch (error) {
        openProblem = error instanceof Error ? error.message : String(error);
      }
    }
    summary.rounds = round;
    summary.acknowledgedSavesLost += lost;
    if (!check.ok || openProblem !== null) {
      summary.corruptLibraries += 1;
      summary.problems.push(`round ${round}: ${[...check.problems, openProblem ?? ''].join('; ')}`);
      // Kept aside for a look; the next rounds start on a new library.
      for (const suffix of ['', '-wal', '-shm']) {
        if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, `${file}.corrupt-round-${round}${suffix}`);
      }
      file = path.join(options.dir, `crash-from-${round + 1}.sqlite3`);
      acknowledged = [];
    }
    summary.elapsedMs = performance.now() - started;
    options.onRound?.(round, summary);
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
