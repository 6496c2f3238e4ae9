import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

import { tempDir } from './tempLibrary';

/**
 * A small disk of its own for a test: a tmpfs of `sizeMb` mounted on a fresh folder, which
 * needs root. Where mounting is not possible, `real` is false and `why` says why; the folder
 * is then an ordinary one and the test must make the disk "full" by other means.
 */
export function smallDisk(sizeMb: number): {
  dir: string;
  real: boolean;
  why: string;
  /** Fills every free byte of the disk with one file (real disks only). */
  fill: () => void;
  /** Deletes what `fill` wrote. */
  free: () => void;
  /** Unmounts the disk (if mounted) and removes the folder. */
  cleanup: () => void;
} {
  const tmp = tempDir('copydesk-disk-');
  let real = false;
  let why = '';
  if (process.getuid?.() !== 0) {
    why = 'the tests do not run as root, so no tmpfs can be mounted';
  } else {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', tmp.dir], { stdio: 'pipe' });
      real = true;
    } catch (error) {
      why = `mount -t tmpfs failed: ${error instanceof Error ? error.message.trim() : String(error)}`;
    }
  }
  const filler = `${tmp.dir}/filler.bin`;
  return {
    dir: tmp.dir,
    real,
    why,
    fill: () => {
      const fd = fs.openSync(filler, 'a');
      try {
        for (const size of [1 << 20, 1 << 12, 1 << 9]) {
          const chunk = Buffer.alloc(size, 0x5a);
          for (;;) {
            try {
              fs.writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    free: () => fs.rmSync(filler, { force: true }),
    cleanup: () => {
      if (real) execFileSync('umount', ['--lazy', tmp.dir], { stdio: 'pipe' });
      tmp.cleanup();
    },
  };
}
