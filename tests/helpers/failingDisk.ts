import type { PackageFs } from '../../electron/export/writePackage';
import { nodeFs } from '../../electron/export/writePackage';

/** The real file system for writing a package, except that the `nth` call of `method` fails with `code`. */
export function failingDisk(method: keyof PackageFs, code: string, nth = 1): PackageFs {
  let calls = 0;
  const original = nodeFs[method] as (...args: unknown[]) => unknown;
  return {
    ...nodeFs,
    [method]: (...args: unknown[]) => {
      calls += 1;
      if (calls === nth) throw Object.assign(new Error(`${code}: simulated`), { code });
      return original(...args);
    },
  };
}
