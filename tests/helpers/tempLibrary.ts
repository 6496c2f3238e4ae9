import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { LibraryHost, type Library } from '../../electron/services/LibraryHost';

/** A fresh folder for one test's library files, removed by `cleanup`. */
export function tempDir(prefix = 'copydesk-test-'): {
  dir: string;
  file: (name?: string) => string;
  cleanup: () => void;
} {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name = 'library.sqlite3') => path.join(dir, name),
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Runs `work` on a new library in a fresh temporary folder named from `prefix` (for a benchmark
 * or an evaluation), then closes the library and removes the folder, whether `work` succeeds or not.
 */
export async function withTempLibrary(
  prefix: string,
  work: (lib: Library, dir: string) => Promise<void> | void,
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const host = LibraryHost.open(path.join(dir, 'library.sqlite3'));
  try {
    await work(host.current, dir);
  } finally {
    host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
