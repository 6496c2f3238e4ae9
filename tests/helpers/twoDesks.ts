import { afterEach, beforeEach } from 'vitest';

import { openTempLibrary } from './library';

type TempLibrary = ReturnType<typeof openTempLibrary>;

/**
 * For a Vitest file about packages going from one desk to another: two fresh libraries for each
 * test, `here` (the desk verifying) and `harbour` (another desk), closed and removed after it.
 */
export function twoDesksPerTest(): { readonly here: TempLibrary; readonly harbour: TempLibrary } {
  let desks: { here: TempLibrary; harbour: TempLibrary } | undefined;
  beforeEach(() => {
    desks = { here: openTempLibrary(), harbour: openTempLibrary() };
  });
  afterEach(() => {
    desks?.here.close();
    desks?.harbour.close();
    desks = undefined;
  });
  const current = () => {
    if (desks === undefined) throw new Error('the desks are only open while a test runs');
    return desks;
  };
  return {
    get here() {
      return current().here;
    },
    get harbour() {
      return current().harbour;
    },
  };
}
