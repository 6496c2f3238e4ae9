import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
