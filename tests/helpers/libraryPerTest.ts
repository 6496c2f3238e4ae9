import { afterEach, beforeEach } from 'vitest';

import { manualClock, openTempLibrary } from './library';

type TempLibrary = ReturnType<typeof openTempLibrary>;
type ManualClock = ReturnType<typeof manualClock>;

/**
 * For a Vitest file: a fresh library and a manual clock (at its usual start) for each test, the
 * library closed and its folder removed after the test. `library` and `clock` stand for the
 * current test's, so a file takes them once at the top.
 */
export function libraryPerTest(): { library: TempLibrary; clock: ManualClock } {
  let current: { library: TempLibrary; clock: ManualClock } | undefined;
  beforeEach(() => {
    current = { library: openTempLibrary(), clock: manualClock() };
  });
  afterEach(() => {
    current?.library.close();
    current = undefined;
  });
  const now = () => {
    if (current === undefined) throw new Error('the library is only open while a test runs');
    return current;
  };
  const library: TempLibrary = {
    get host() {
      return now().library.host;
    },
    get lib() {
      return now().library.lib;
    },
    get context() {
      return now().library.context;
    },
    get file() {
      return now().library.file;
    },
    get dir() {
      return now().library.dir;
    },
    close: () => now().library.close(),
  };
  const clock: ManualClock = Object.assign(() => now().clock(), {
    advance: (ms: number) => now().clock.advance(ms),
    set: (iso: string) => now().clock.set(iso),
  });
  return { library, clock };
}
