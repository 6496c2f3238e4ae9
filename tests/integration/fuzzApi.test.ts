import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CHANNELS } from '../../shared/api';
import { FuzzApi, apiTarget } from '../fuzz/apiTargets';
import { runTarget, Sandbox } from '../fuzz/fuzzRunner';

// A few hundred calls here; `npm run fuzz` makes thousands.
const RUNS = 300;

let sandbox: Sandbox;
let api: FuzzApi;
beforeAll(async () => {
  sandbox = new Sandbox();
  api = await FuzzApi.open(sandbox);
});
afterAll(() => {
  api.close();
  sandbox.dispose();
});

describe('every API channel, fuzzed through dispatch', () => {
  it(`answers ${RUNS} generated calls with a success or a clear refusal, changing nothing when it refuses`, async () => {
    expect(CHANNELS.length).toBeGreaterThan(50);
    expect(await runTarget(apiTarget(api), RUNS)).toBe(RUNS);
  }, 120_000);
});
