import fs from 'node:fs';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { createArticle } from '../../electron/services/articles';
import { addSource } from '../../electron/services/sources';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { checkLibrary, fullTextTables } from '../../reliability/checkLibrary';
import { runConcurrentWriters } from '../../reliability/concurrentWriters';
import { runCrashRounds } from '../../reliability/crashRounds';
import { runMigrationCrashRounds } from '../../reliability/migrationCrash';
import { damageLibraryPages } from '../helpers/damage';
import { tempDir } from '../helpers/tempLibrary';

// The short versions of `npm run reliability`: a few rounds of each check, the same code.

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

/** The same rounds every run (kill timings still vary with the machine's load). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

async function libraryWithContent(): Promise<string> {
  const file = tmp.file();
  const host = LibraryHost.open(file);
  for (let n = 0; n < 40; n += 1)
    createArticle(host.current, { headline: `Harbour story ${n}` }, { analyseLater: true });
  await addSource(host.current, { kind: 'paste', text: 'The harbour board met on Tuesday.', label: 'Minutes' });
  host.close();
  return file;
}

describe('the library check after a crash', () => {
  it('covers the full-text index of the articles and of the sources', async () => {
    expect(fullTextTables(await libraryWithContent()).sort()).toEqual(['articles_fts', 'sources_fts']);
  });

  it('passes a sound library', async () => {
    expect(checkLibrary(await libraryWithContent())).toEqual({ ok: true, problems: [] });
  });

  it('finds damaged pages', async () => {
    const file = await libraryWithContent();
    damageLibraryPages(file);
    expect(checkLibrary(file).ok).toBe(false);
  });

  it('finds a full-text index out of step with the articles it indexes', async () => {
    const file = await libraryWithContent();
    const db = new Database(file);
    db.prepare("INSERT INTO articles_fts (rowid, headline, dek, body_text) VALUES (1, 'ghost', '', '')").run();
    db.close();
    const check = checkLibrary(file);
    expect(check.ok).toBe(false);
    expect(check.problems.join()).toMatch(/articles_fts/);
  });
});

describe('a writer killed with SIGKILL while saving', () => {
  it('leaves a sound library holding every save it acknowledged', async () => {
    const summary = await runCrashRounds({ rounds: 5, dir: tmp.dir, random: seededRandom(8) });
    expect(summary.problems).toEqual([]);
    expect(summary).toMatchObject({ rounds: 5, corruptLibraries: 0, acknowledgedSavesLost: 0 });
    expect(summary.acknowledgedSaves).toBeGreaterThan(0);
  }, 120_000);
});

describe('a migration killed with SIGKILL', () => {
  it('leaves the library at its old version with its data, or at the latest, and it opens afterwards', async () => {
    const summary = await runMigrationCrashRounds({
      rounds: 4,
      dir: tmp.dir,
      articles: 200,
      random: seededRandom(3),
    });
    expect(summary.problems).toEqual([]);
    expect(summary).toMatchObject({ rounds: 4, betweenVersions: 0, dataLost: 0, corruptLibraries: 0 });
    expect(summary.killedDuringMigration).toBeGreaterThan(0);
  }, 120_000);
});

describe('two processes writing to one library at once', () => {
  it('lose no save and fail none, even when both create the library at the same moment', async () => {
    const summary = await runConcurrentWriters({ dir: tmp.dir, writers: 2, seconds: 2 });
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ writers: 2, failedSaves: 0, savesLost: 0, corrupt: false });
    expect(summary.saves).toBeGreaterThan(4);
    expect(fs.existsSync(tmp.file('shared.sqlite3'))).toBe(true);
  }, 60_000);
});
