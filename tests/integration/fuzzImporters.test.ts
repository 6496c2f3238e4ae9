import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FuzzTarget } from '../fuzz/fuzzRunner';
import { runTarget, Sandbox } from '../fuzz/fuzzRunner';
import type { Seeds } from '../fuzz/importTargets';
import { buildSeeds, formatTargets, FuzzLibrary, packageTargets, snapshotTarget } from '../fuzz/importTargets';

// A few dozen inputs per importer here; `npm run fuzz` runs thousands.
const RUNS = 12;

let sandbox: Sandbox;
let fuzz: FuzzLibrary;
let seeds: Seeds;
beforeAll(async () => {
  seeds = await buildSeeds();
  sandbox = new Sandbox();
  fuzz = new FuzzLibrary(sandbox);
});
afterAll(() => {
  fuzz.close();
  sandbox.dispose();
});

const targets = (): FuzzTarget<unknown>[] => [
  ...(formatTargets(fuzz, seeds) as FuzzTarget<unknown>[]),
  ...packageTargets(fuzz, seeds),
  snapshotTarget(fuzz, seeds) as FuzzTarget<unknown>,
];

describe('every importer, fuzzed', () => {
  const names = [
    'import text',
    'import html',
    'import markdown',
    'import docx',
    'import ninjs',
    'import package (.zip)',
    'import package (dropped folder)',
    'import package (folder on disk)',
    'source snapshot',
  ];
  it.each(names)(
    '%s: imports or refuses clearly, in time, writing nothing outside the library',
    async (name) => {
      const target = targets().find((candidate) => candidate.name === name);
      expect(target, name).toBeDefined();
      if (target === undefined) return;
      expect(await runTarget(target, RUNS)).toBe(RUNS);
    },
    120_000,
  );
});
