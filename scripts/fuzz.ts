/**
 * `npm run fuzz`: thousands of generated and damaged inputs for every importer, source
 * snapshots and every API channel (see tests/fuzz/), printing how many inputs each target was
 * given and how many in all. `npm run fuzz -- --runs 500 html docx` runs 500 inputs for the
 * targets whose names contain "html" or "docx"; `--seed N` replays a reported failure.
 */
import type { FuzzTarget } from '../tests/fuzz/fuzzRunner';
import { runTarget, Sandbox } from '../tests/fuzz/fuzzRunner';
import { apiTarget, FuzzApi } from '../tests/fuzz/apiTargets';
import { buildSeeds, formatTargets, FuzzLibrary, packageTargets, snapshotTarget } from '../tests/fuzz/importTargets';

const DEFAULT_RUNS = 2000;

function option(name: string): number | undefined {
  const at = process.argv.indexOf(name);
  if (at < 0) return undefined;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value)) throw new Error(`${name} takes a whole number`);
  return value;
}

async function main(): Promise<number> {
  const runs = option('--runs') ?? DEFAULT_RUNS;
  const seed = option('--seed');
  const words = process.argv.slice(2).filter((word, i, all) => !word.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const seeds = await buildSeeds();
  const sandbox = new Sandbox();
  const library = new FuzzLibrary(sandbox);
  const api = await FuzzApi.open(sandbox);
  const targets: FuzzTarget<unknown>[] = [
    ...(formatTargets(library, seeds) as FuzzTarget<unknown>[]),
    ...packageTargets(library, seeds),
    snapshotTarget(library, seeds) as FuzzTarget<unknown>,
    apiTarget(api) as FuzzTarget<unknown>,
  ].filter((target) => words.length === 0 || words.some((word) => target.name.includes(word)));

  // Stopped with Ctrl+C: the sandbox and anything it caught are removed all the same.
  const stop = () => {
    api.close();
    library.close();
    sandbox.dispose();
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);

  let total = 0;
  const failures: string[] = [];
  console.log(
    `Fuzzing ${targets.length} targets, ${runs.toLocaleString('en')} inputs each${seed === undefined ? '' : `, seed ${seed}`}`,
  );
  try {
    for (const target of targets) {
      const started = performance.now();
      let tried = 0;
      try {
        tried = await runTarget(target, runs, seed);
      } catch (error) {
        // The failing input was tried too; the count of the run is in the message.
        const message = error instanceof Error ? error.message : String(error);
        const match = /failed at input (\d+)/.exec(message);
        tried = match === null ? 0 : Number(match[1]);
        failures.push(message);
      }
      total += tried;
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${target.name.padEnd(34)} ${tried.toLocaleString('en').padStart(7)} inputs  ${seconds.toFixed(1).padStart(7)} s  ${tried === runs ? 'ok' : 'FAILED'}`,
      );
    }
  } finally {
    api.close();
    library.close();
    sandbox.dispose();
  }
  console.log(
    `${'all targets'.padEnd(34)} ${total.toLocaleString('en').padStart(7)} inputs  ${failures.length} failed`,
  );
  for (const failure of failures) console.log(`\n✘ ${failure}`);
  return failures.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
