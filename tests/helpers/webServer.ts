import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';

import { test as base } from '@playwright/test';

const ROOT = path.resolve(__dirname, '..', '..');
const READY_LINE = /(?:Copydesk|The desk) is running at (http:\/\/127\.0\.0\.1:\d+\/(?:\?token=[\w-]+)?)/;
/** The first run builds the renderer with Vite before it serves anything. */
const STARTUP_TIMEOUT_MS = 120_000;

export type CopydeskServer = {
  /** The address `copydesk serve` printed, token included. */
  url: string;
  origin: string;
  libraryPath: string;
};

type Running = {
  server: CopydeskServer;
  stop(): Promise<void>;
  /** Kills the server as a crash would (SIGKILL): nothing is closed or flushed. */
  kill(): Promise<void>;
  /** Starts the server again on the same library and port. */
  restart(): Promise<void>;
};

type ServeProcess = ChildProcessByStdio<null, Readable, Readable>;

function waitForExit(child: ServeProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `copydesk` with `args` and waits for the address it prints. */
async function spawnServer(args: readonly string[], dataDir: string): Promise<{ child: ServeProcess; url: string }> {
  const child: ServeProcess = spawn(process.execPath, [path.join(ROOT, 'bin', 'copydesk.cjs'), ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Preferences live in the data folder: each test gets its own, never the person's real one.
    env: { ...process.env, NO_COLOR: '1', COPYDESK_DATA_DIR: dataDir },
  });
  let output = '';
  let errors = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(`copydesk serve printed no address within ${STARTUP_TIMEOUT_MS / 1000} s.\n${output}${errors}`),
        );
      }, STARTUP_TIMEOUT_MS);
      child.stdout.setEncoding('utf8');
      child.stderr.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        const match = READY_LINE.exec(output);
        if (match?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.stderr.on('data', (chunk: string) => {
        errors += chunk;
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(`copydesk serve exited (${signal ?? `code ${code}`}) before it was ready.\n${output}${errors}`),
        );
      });
    });
    return { child, url };
  } catch (error) {
    await stopServer(child, 'SIGKILL');
    throw error;
  }
}

async function stopServer(child: ServeProcess, signal: 'SIGTERM' | 'SIGKILL'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  if (!(await waitForExit(child, 5_000))) {
    child.kill('SIGKILL');
    await waitForExit(child, 5_000);
  }
}

/**
 * Saves 300 ms after the last key, the shortest delay Settings allows, rather than the default
 * second: the tests wait for "Saved" hundreds of times. A test that reads the default from
 * Settings removes the file first.
 */
async function writeQuickAutosave(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  await writeFile(path.join(dataDir, 'preferences.json'), JSON.stringify({ autosaveDelayMs: 300 }));
}

/**
 * Starts `copydesk serve` on a fresh library in a temporary folder and waits for its address.
 * `prepare` may put a library file (damaged, with backups, filled with articles…) in place before
 * the server opens it.
 */
export async function startCopydesk(
  options: {
    prepare?: (libraryPath: string) => Promise<void> | void;
    /** `copydesk desk serve` rather than `copydesk serve`. */
    desk?: boolean;
    /** More options for the command (`--stories-per-person 1`). */
    options?: readonly string[];
  } = {},
): Promise<Running> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'copydesk-e2e-'));
  const libraryPath = path.join(dir, 'library.sqlite3');
  try {
    await options.prepare?.(libraryPath);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const args = (port: number) => [
    ...(options.desk === true ? ['desk', 'serve'] : ['serve']),
    '--library',
    libraryPath,
    '--port',
    String(port),
    ...(options.options ?? []),
  ];
  const dataDir = path.join(dir, 'data');
  await writeQuickAutosave(dataDir);
  let running: { child: ServeProcess; url: string };
  try {
    running = await spawnServer(args(0), dataDir);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const url = running.url;
  const port = Number(new URL(url).port);
  return {
    server: { url, origin: new URL(url).origin, libraryPath },
    stop: async () => {
      await stopServer(running.child, 'SIGTERM');
      await rm(dir, { recursive: true, force: true });
    },
    kill: () => stopServer(running.child, 'SIGKILL'),
    restart: async () => {
      running = await spawnServer(args(port), dataDir);
    },
  };
}

/** Each test gets its own server and its own empty library. */
export const test = base.extend<{ copydesk: CopydeskServer }>({
  copydesk: [
    // Playwright reads a fixture's dependencies from this destructuring: there are none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const running = await startCopydesk();
      try {
        await use(running.server);
      } finally {
        await running.stop();
      }
    },
    { timeout: STARTUP_TIMEOUT_MS + 15_000 },
  ],
});

export { expect } from '@playwright/test';
