import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export type CliRun = { code: number | null; stdout: string; stderr: string };

/** Runs the `copydesk` command as a person would, with `env` added to this process's environment. */
export function runCopydesk(args: readonly string[], env: Record<string, string>, timeout = 30_000): CliRun {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'copydesk.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
