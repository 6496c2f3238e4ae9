import fs from 'node:fs';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createArticle, listArticles, saveArticle } from '../../../../electron/services/articles';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { bodyFromParagraphs } from '../../../../shared/text';
import { damageLibraryPages } from '../../../helpers/damage';
import { apiErrorFrom } from '../../../helpers/library';
import { tempDir } from '../../../helpers/tempLibrary';

// The running app's background check: damage that appears while a library is open (a failing
// disk, another program writing into the file) is found, reported and the backup offered.

let tmp: ReturnType<typeof tempDir>;
let host: LibraryHost;
let file: string;
beforeEach(async () => {
  tmp = tempDir();
  file = tmp.file('desk.sqlite3');
  host = LibraryHost.open(file, { verify: true });
  for (let n = 0; n < 30; n += 1) {
    createArticle(
      host.current,
      { headline: `Story ${n}`, body: bodyFromParagraphs([`Story ${n}. `.repeat(60)]) },
      { analyseLater: true },
    );
  }
  await host.backups.backUp('daily', new Date('2026-03-01T09:00:00Z'));
  // Everything written so far is in the library file itself, as after a quiet spell.
  host.current.db.pragma('wal_checkpoint(TRUNCATE)');
});
afterEach(() => {
  host.close();
  tmp.cleanup();
});

describe('the background check of the open library', () => {
  it('finds nothing in a sound library, and saves go on while it runs', async () => {
    const article = listArticles(host.current, { offset: 0, limit: 1, trashed: false }).items[0];
    if (article === undefined) throw new Error('no article');
    const checking = host.health.check();
    const saved = saveArticle(host.current, article.id, article.version, { headline: 'Saved during the check' });
    expect(await checking).toBeNull();
    expect(saved.headline).toBe('Saved during the check');
    expect(host.status()).toMatchObject({ state: 'open', problem: null });
  });

  it('finds damaged pages, stops writing, says so and offers the latest good backup; restoring keeps the damaged file aside', async () => {
    let told = 0;
    host.onChange(() => (told += 1));
    damageLibraryPages(file);
    const damaged = fs.readFileSync(file);

    expect(await host.health.check()).not.toBeNull();
    expect(told).toBe(1);
    const status = host.status();
    expect(status).toMatchObject({ state: 'unavailable', path: file, problem: { code: 'library-damaged' } });
    expect(status.problem?.message).toMatch(
      /^The library .*desk\.sqlite3 is damaged \(SQLite's check reports: .*\)\. Copydesk has stopped writing to it\. Restore the latest good backup/,
    );
    expect(status.latestBackup).toMatchObject({ reason: 'daily', articleCount: 30 });
    expect(apiErrorFrom(() => host.current).code).toBe('library-damaged');
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);

    const result = host.restore(status.latestBackup?.path ?? '', new Date('2026-03-02T10:00:00Z'));
    expect(result.setAside).toBe(`${file}.damaged-20260302-100000`);
    expect(fs.readFileSync(result.setAside ?? '').equals(damaged)).toBe(true);
    expect(host.status().state).toBe('open');
    expect(listArticles(host.current, { offset: 0, limit: 100, trashed: false }).total).toBe(30);
  });

  it('finds a library whose header has been overwritten', async () => {
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 0, 100);
    fs.writeFileSync(file, bytes);
    expect(await host.health.check()).toMatch(/SQLITE_NOTADB|not a database/);
    expect(host.status()).toMatchObject({ state: 'unavailable', problem: { code: 'library-damaged' } });
    expect(host.status().latestBackup?.articleCount).toBe(30);
  });

  it('leaves a library switched to during the check alone', async () => {
    damageLibraryPages(file);
    const checking = host.health.check();
    host.create(tmp.file('fresh.sqlite3'));
    await checking;
    expect(host.status()).toMatchObject({ state: 'open', path: tmp.file('fresh.sqlite3'), problem: null });
  });
});
