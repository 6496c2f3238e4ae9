import fs from 'node:fs';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createArticle, listArticles } from '../../electron/services/articles';
import { inUseFile } from '../../electron/services/libraryLock';
import { LibraryHost } from '../../electron/services/LibraryHost';
import type { RunningWorker } from '../../reliability/worker';
import { startWorker } from '../../reliability/worker';
import { runCopydesk } from '../helpers/cli';
import { tempDir } from '../helpers/tempLibrary';

// The app and the `copydesk` command on one library at the same time.

let tmp: ReturnType<typeof tempDir>;
let app: RunningWorker | undefined;
let file: string;
beforeEach(async () => {
  tmp = tempDir();
  file = tmp.file('desk.sqlite3');
  const host = LibraryHost.open(file);
  createArticle(host.current, { headline: 'Kept before' });
  await host.backups.backUp('manual');
  host.close();
});
afterEach(async () => {
  if (app !== undefined) {
    app.child.kill('SIGKILL');
    await app.exited;
    app = undefined;
  }
  tmp.cleanup();
});

const env = () => ({ COPYDESK_DATA_DIR: tmp.file('data') });

async function startApp(holdMs = 0): Promise<RunningWorker> {
  app = startWorker('appProcess.ts', [file, String(holdMs)]);
  const ready = await app.waitFor((line) => (holdMs > 0 ? line.holding === true : line.opened === true));
  if (ready === null) throw new Error(`the app did not start: ${app.stderr()}`);
  return app;
}

function headlines(): string[] {
  const host = LibraryHost.open(file);
  try {
    return listArticles(host.current, { offset: 0, limit: 50, trashed: false })
      .items.map((article) => article.headline)
      .sort();
  } finally {
    host.close();
  }
}

describe('the app and the command line on one library', () => {
  it('refuses to restore a backup over a library the app has open, saying who holds it, and changes nothing', async () => {
    const running = await startApp();
    const before = fs.readFileSync(file);

    const run = runCopydesk(['restore', '--latest', '--library', file], env());
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(
        `^copydesk: The Copydesk app \\(process ${running.child.pid}\\) has the library .*desk\\.sqlite3 open`,
      ),
    );
    expect(run.stderr).toMatch(/Restore it from there, or close it first and try again\./);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(tmp.dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  }, 60_000);

  it('restores once the app has gone, even if it was killed without tidying up', async () => {
    const running = await startApp();
    running.child.kill('SIGKILL');
    await running.exited;
    app = undefined;
    expect(fs.existsSync(inUseFile(file))).toBe(true);

    const run = runCopydesk(['restore', '--latest', '--library', file], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Restored .* into .*desk\.sqlite3\./);
  }, 60_000);

  it('lets a command-line import wait for a save the app is in the middle of, and keeps both', async () => {
    await startApp(3000);
    const story = tmp.file('ferry.txt');
    fs.writeFileSync(story, 'Night ferry trial approved\n\nCrossings will run every two hours from March.\n');

    const run = runCopydesk(['import', story, '--library', file], env());
    expect(run.stderr).not.toMatch(/busy|could not|failed/i);
    expect(run.code).toBe(0);
    await app?.waitFor((line) => line.released === true);
    expect(headlines()).toEqual(['Kept before', 'Night ferry trial approved', 'Saved by the app']);
  }, 60_000);
});
