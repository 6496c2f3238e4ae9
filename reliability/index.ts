/**
 * `npm run reliability`: the crash, migration-crash and concurrency checks at full length,
 * printing their figures. Not part of `npm test`, which runs a few rounds of each.
 *
 *   npm run reliability                       # 200 crash rounds, 100 migration rounds, 2 writers × 10 s
 *   npm run reliability -- --rounds 20 --migration-rounds 10 --seconds 3
 *   npm run reliability -- crash              # only the checks whose name contains "crash"
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { runConcurrentWriters } from './concurrentWriters';
import { runCrashRounds } from './crashRounds';
import { runMigrationCrashRounds } from './migrationCrash';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '200' },
    'migration-rounds': { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
  },
});
const wanted = (name: string) => positionals.length === 0 || positionals.some((word) => name.includes(word));
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-reliability-'));
  let failed = false;
  try {
    if (wanted('crash')) {
      const rounds = Number(values.rounds);
      console.log(`\n▶ crash: ${rounds} rounds of a writer saving through the articles service, killed with SIGKILL`);
      const result = await runCrashRounds({
        rounds,
        dir: fs.mkdtempSync(path.join(dir, 'crash-')),
        onRound: (round, so) => {
          if (round % 20 === 0) console.log(`  ${round} rounds, ${so.acknowledgedSaves} saves acknowledged`);
        },
      });
      console.log(`  rounds: ${result.rounds}`);
      console.log(`  corrupt libraries: ${result.corruptLibraries}`);
      console.log(`  acknowledged saves lost: ${result.acknowledgedSavesLost}`);
      console.log(
        `  acknowledged saves: ${result.acknowledgedSaves} (rounds killed before the first: ${result.killedBeforeFirstSave})`,
      );
      console.log(`  time: ${seconds(result.elapsedMs)}`);
      for (const problem of result.problems.slice(0, 10)) console.log(`  ! ${problem}`);
      failed ||= result.corruptLibraries > 0 || result.acknowledgedSavesLost > 0;
    }
    if (wanted('migration')) {
      const rounds = Number(values['migration-rounds']);
      console.log(`\n▶ migration crash: ${rounds} rounds of an older library migrated and killed mid-way`);
      const result = await runMigrationCrashRounds({ rounds, dir: fs.mkdtempSync(path.join(dir, 'migration-')) });
      console.log(`  rounds: ${result.rounds} (killed while migrating: ${result.killedDuringMigration})`);
      console.log(`  left between versions: ${result.betweenVersions}`);
      console.log(`  data lost: ${result.dataLost}`);
      console.log(`  corrupt libraries: ${result.corruptLibraries}`);
      console.log(`  a whole migration from format 1 takes: ${result.migrationMs.toFixed(0)} ms`);
      console.log(`  time: ${seconds(result.elapsedMs)}`);
      for (const problem of result.problems.slice(0, 10)) console.log(`  ! ${problem}`);
      failed ||= result.betweenVersions + result.dataLost + result.corruptLibraries > 0;
    }
    if (wanted('concurrency')) {
      const length = Number(values.seconds);
      console.log(`\n▶ concurrency: two processes open one new library at once and save for ${length} s each`);
      const result = await runConcurrentWriters({ dir: fs.mkdtempSync(path.join(dir, 'shared-')), seconds: length });
      console.log(`  saves: ${result.saves}`);
      console.log(`  failed saves: ${result.failedSaves}`);
      console.log(`  saves lost: ${result.savesLost}`);
      console.log(`  corrupt: ${result.corrupt ? 'yes' : 'no'}`);
      console.log(`  time: ${seconds(result.elapsedMs)}`);
      for (const error of result.errors.slice(0, 10)) console.log(`  ! ${error}`);
      failed ||= result.failedSaves + result.savesLost > 0 || result.corrupt;
    }
  } finally {
    if (values.keep) console.log(`\nLibraries kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(failed ? '\nFAIL' : '\nPASS');
  return failed ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
