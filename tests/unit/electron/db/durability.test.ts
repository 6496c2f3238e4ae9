import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { withoutWaitingForDisk } from '../../../../electron/db/durability';
import { openTempLibrary } from '../../../helpers/library';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

const synchronous = () => library.lib.db.pragma('synchronous', { simple: true }) as number;
/** SQLite's numbers for the synchronous settings. */
const NORMAL = 1;
const FULL = 2;

describe('withoutWaitingForDisk', () => {
  it('commits without waiting for the disk, then waits again at every commit, even after a failure', () => {
    const before = synchronous();
    expect(before).toBe(FULL);
    expect(withoutWaitingForDisk(library.lib.db, synchronous)).toBe(NORMAL);
    expect(synchronous()).toBe(FULL);
    expect(() =>
      withoutWaitingForDisk(library.lib.db, () => {
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(synchronous()).toBe(FULL);
  });

  it('leaves a transaction already open as it is: its commit is not this one', () => {
    const inside = library.lib.db.transaction(() => withoutWaitingForDisk(library.lib.db, synchronous))();
    expect(inside).toBe(FULL);
  });
});
