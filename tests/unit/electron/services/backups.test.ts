import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { migrate, schemaVersion, LATEST_SCHEMA_VERSION } from '../../../../electron/db/migrations';
import { createArticle, listArticles } from '../../../../electron/services/articles';
import { ROTATION, backupFolder, createBackup, listBackups, planRotation } from '../../../../electron/services/backups';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { RecentLibraries } from '../../../../electron/services/RecentLibraries';
import type { BackupInfo, BackupReason } from '../../../../shared/libraries';
import { bodyFromParagraphs } from '../../../../shared/text';
import { damageLibraryPages } from '../../../helpers/damage';
import { apiErrorFrom } from '../../../helpers/library';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp: ReturnType<typeof tempDir>;
const hosts: LibraryHost[] = [];
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  for (const host of hosts.splice(0)) host.close();
  tmp.cleanup();
});

function open(file = tmp.file('desk.sqlite3'), options: Parameters<typeof LibraryHost.open>[1] = {}): LibraryHost {
  const host = LibraryHost.open(file, options);
  hosts.push(host);
  return host;
}

function headlines(host: LibraryHost): string[] {
  return listArticles(host.current, { offset: 0, limit: 100, trashed: false })
    .items.map((a) => a.headline)
    .sort();
}

function headlinesIn(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT headline FROM articles ORDER BY headline').pluck().all() as string[]).sort();
  } finally {
    db.close();
  }
}

function write(host: LibraryHost, headline: string): void {
  createArticle(host.current, { headline, body: bodyFromParagraphs([`${headline}. `.repeat(40)]) });
}

describe('a backup', () => {
  it('is a checked, self-contained copy in the folder beside the library, named by time and reason', async () => {
    const host = open();
    write(host, 'Night ferry trial approved');
    write(host, 'Lighthouse reopens');

    const backup = await host.backups.backUp('manual', new Date('2026-03-02T09:15:00Z'));

    expect(backup).toMatchObject({
      name: 'desk-20260302-091500-manual.sqlite3',
      reason: 'manual',
      createdAt: '2026-03-02T09:15:00.000Z',
      articleCount: 2,
    });
    expect(path.dirname(backup.path)).toBe(tmp.file('desk.backups'));
    expect(fs.readdirSync(backupFolder(host.path))).toEqual([backup.name]);
    expect(headlinesIn(backup.path)).toEqual(['Lighthouse reopens', 'Night ferry trial approved']);
    // One file, no WAL to carry along: it can be copied anywhere as it is.
    const copy = new Database(backup.path, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(listBackups(host.path)).toEqual([backup]);
  });

  it('lets saves go on while it copies, and the library keeps every one', async () => {
    const host = open();
    host.current.db.transaction(() => {
      for (let n = 0; n < 400; n += 1) write(host, `Archive story ${n}`);
    })();
    let savedDuring = 0;
    let copying = true;
    const keepTyping = (): void => {
      if (!copying) return;
      write(host, `Typed during the backup ${savedDuring}`);
      savedDuring += 1;
      setImmediate(keepTyping);
    };
    setImmediate(keepTyping);
    const backup = await host.backups.backUp('manual');
    copying = false;

    expect(savedDuring).toBeGreaterThan(0);
    expect(listArticles(host.current, { offset: 0, limit: 1, trashed: false }).total).toBe(400 + savedDuring);
    expect(backup.articleCount).toBeGreaterThanOrEqual(400);
    expect(backup.articleCount).toBeLessThanOrEqual(400 + savedDuring);
  });

  it('is refused with a clear message when the disk is nearly full, leaving nothing behind and the library working', async () => {
    const host = open(tmp.file('desk.sqlite3'), { backups: { freeSpace: () => 10 * 1024 * 1024 } });
    write(host, 'Kept');
    await expect(host.backups.backUp('manual')).rejects.toThrow(
      /not enough free disk space.*library itself is unaffected/,
    );
    expect(fs.readdirSync(backupFolder(host.path))).toEqual([]);
    write(host, 'Still writable');
    expect(headlines(host)).toEqual(['Kept', 'Still writable']);
  });

  it('keeps a failed daily backup for the app to report, and the library keeps working', async () => {
    const host = open(tmp.file('desk.sqlite3'), { backups: { freeSpace: () => 0 } });
    write(host, 'Before the failure');
    expect(await host.backups.backUpIfDue(new Date('2026-03-02T09:00:00Z'))).toBeNull();
    expect(host.backups.lastFailure).toMatch(/not enough free disk space/);
    write(host, 'After the failure');
    expect(headlines(host)).toEqual(['After the failure', 'Before the failure']);
  });
});

describe('the daily backup', () => {
  it('is not made for a library with no article yet', async () => {
    const host = open();
    expect(await host.backups.backUpIfDue(new Date('2026-03-02T09:00:00Z'))).toBeNull();
    expect(listBackups(host.path)).toEqual([]);
  });

  it('is made when the newest daily one is more than a day old, and not before', async () => {
    const host = open();
    write(host, 'Ferry');
    const first = await host.backups.backUpIfDue(new Date('2026-03-02T09:00:00Z'));
    expect(first?.reason).toBe('daily');
    expect(await host.backups.backUpIfDue(new Date('2026-03-03T08:59:00Z'))).toBeNull();
    const second = await host.backups.backUpIfDue(new Date('2026-03-03T09:01:00Z'));
    expect(second?.name).toBe('desk-20260303-090100-daily.sqlite3');
    expect(listBackups(host.path).map((b) => b.name)).toEqual([second?.name, first?.name]);
  });
});

describe('rotation', () => {
  const backup = (iso: string, reason: BackupReason): BackupInfo => ({
    name: `${iso}-${reason}`,
    path: `/x/${iso}-${reason}`,
    createdAt: iso,
    reason,
    sizeBytes: 1,
    articleCount: 1,
  });
  const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 9)).toISOString();

  it('keeps the last 7 daily backups and one for each of the last 4 weeks', () => {
    // Forty days of daily backups, the newest on day 39 (Thursday 9 April 2026).
    const daily = Array.from({ length: 40 }, (_, n) => backup(day(n), 'daily'));
    const kept = new Set(daily.map((b) => b.name));
    for (const gone of planRotation(daily)) kept.delete(gone.name);
    const keptDays = [...kept].map((name) => name.slice(0, 10)).sort();
    expect(keptDays).toEqual([
      // The newest of the weeks of 16 and 23 March (their Sundays).
      '2026-03-22',
      '2026-03-29',
      // The last 7 days, which also hold the newest of the weeks of 30 March and 6 April.
      '2026-04-03',
      '2026-04-04',
      '2026-04-05',
      '2026-04-06',
      '2026-04-07',
      '2026-04-08',
      '2026-04-09',
    ]);
  });

  it('keeps pre-migration and manual backups up to their own limits, whatever the daily ones do', () => {
    const pre = Array.from({ length: 8 }, (_, n) => backup(day(n), 'pre-migration'));
    const manual = Array.from({ length: 12 }, (_, n) => backup(day(n), 'manual'));
    const gone = planRotation([...pre, ...manual]);
    expect(gone.filter((b) => b.reason === 'pre-migration').map((b) => b.createdAt)).toEqual([day(2), day(1), day(0)]);
    expect(gone.filter((b) => b.reason === 'manual')).toHaveLength(12 - ROTATION.KEEP_MANUAL);
  });

  it('is applied after each backup', async () => {
    const host = open();
    write(host, 'Ferry');
    for (let n = 0; n < ROTATION.KEEP_MANUAL + 2; n += 1) {
      await host.backups.backUp('manual', new Date(Date.UTC(2026, 2, 1, 9, n)));
    }
    const names = listBackups(host.path).map((b) => b.name);
    expect(names).toHaveLength(ROTATION.KEEP_MANUAL);
    expect(names.at(-1)).toBe('desk-20260301-090200-manual.sqlite3');
  });
});

describe('the backup before a migration', () => {
  /** A library at schema version 1 holding one article, as an older Copydesk left it. */
  function version1Library(file: string): void {
    const db = new Database(file);
    migrate(db, { target: 1 });
    db.prepare(
      `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
       VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'ferry', 'Night ferry', '{}', 'crossings', 't', 't')`,
    ).run();
    db.close();
  }

  it('copies the library as it was before the first step runs', () => {
    const file = tmp.file('old.sqlite3');
    version1Library(file);
    const host = open(file);
    expect(schemaVersion(host.current.db)).toBe(LATEST_SCHEMA_VERSION);

    const [backup, ...others] = listBackups(file);
    expect(others).toEqual([]);
    expect(backup).toMatchObject({ reason: 'pre-migration', articleCount: 1 });
    const copy = new Database(backup?.path ?? '', { readonly: true });
    expect(schemaVersion(copy)).toBe(1);
    copy.close();
  });

  it('leaves the library unopened and byte-for-byte unchanged when the backup cannot be made', () => {
    const file = tmp.file('old.sqlite3');
    version1Library(file);
    const before = fs.readFileSync(file);
    const error = apiErrorFrom(() => LibraryHost.open(file, { backups: { freeSpace: () => 0 } }));
    expect(error.message).toMatch(/needs updating.*backup made before every update failed.*has not been changed/s);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('is not made for a new library or one already up to date', () => {
    const host = open();
    write(host, 'Ferry');
    host.close();
    open();
    expect(listBackups(tmp.file('desk.sqlite3'))).toEqual([]);
  });
});

describe('restoring a backup', () => {
  it('brings back the library as it was, keeping the replaced file aside untouched', async () => {
    const host = open();
    write(host, 'Before the backup');
    const backup = await host.backups.backUp('manual');
    write(host, 'After the backup');

    const result = host.restore(backup.path, new Date('2026-03-02T10:00:00Z'));

    expect(headlines(host)).toEqual(['Before the backup']);
    expect(result.setAside).toBe(`${tmp.file('desk.sqlite3')}.before-restore-20260302-100000`);
    expect(headlinesIn(result.setAside ?? '')).toEqual(['After the backup', 'Before the backup']);
    expect(result.status).toMatchObject({ state: 'open', path: tmp.file('desk.sqlite3') });
    // The backup itself is still there for another restore.
    expect(listBackups(host.path).map((b) => b.name)).toEqual([backup.name]);
    write(host, 'Written after the restore');
    expect(headlines(host)).toEqual(['Before the backup', 'Written after the restore']);
  });

  it('refuses a copy that is not a sound library and changes nothing', () => {
    const host = open();
    write(host, 'Kept');
    const bogus = tmp.file('bogus.sqlite3');
    fs.writeFileSync(bogus, 'not a library');
    expect(apiErrorFrom(() => host.restore(bogus)).message).toMatch(/cannot be restored.*Choose another backup/);
    expect(headlines(host)).toEqual(['Kept']);
    expect(fs.readdirSync(tmp.dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });
});

describe('a damaged library at start-up', () => {
  async function damagedLibraryWithBackup(): Promise<{ file: string; backup: BackupInfo }> {
    const file = tmp.file('desk.sqlite3');
    const host = LibraryHost.open(file);
    for (let n = 0; n < 30; n += 1) write(host, `Story ${n}`);
    const backup = await host.backups.backUp('daily', new Date('2026-03-01T09:00:00Z'));
    write(host, 'Lost with the damage');
    host.close();
    return { file, backup };
  }

  it('starts unavailable, names the damage on every call and offers the latest good backup', async () => {
    const { file, backup } = await damagedLibraryWithBackup();
    damageLibraryPages(file);
    const damaged = fs.readFileSync(file);

    const host = LibraryHost.start(file, { verify: true });
    hosts.push(host);
    const status = host.status();
    expect(status).toMatchObject({ state: 'unavailable', path: file, problem: { code: 'library-damaged' } });
    expect(status.problem?.message).toMatch(/is damaged.*has not been changed; restore it from a backup/);
    expect(status.latestBackup).toMatchObject({ name: backup.name, articleCount: 30 });
    expect(apiErrorFrom(() => host.current).code).toBe('library-damaged');
    expect(fs.readFileSync(file).equals(damaged)).toBe(true);

    const result = host.restore(backup.path, new Date('2026-03-02T10:00:00Z'));
    expect(result.setAside).toBe(`${file}.damaged-20260302-100000`);
    expect(fs.readFileSync(result.setAside ?? '').equals(damaged)).toBe(true);
    expect(headlines(host)).toHaveLength(30);
    expect(host.status().state).toBe('open');
  });

  it('offers the newest backup that passes the check, passing over a damaged one', async () => {
    const { file, backup } = await damagedLibraryWithBackup();
    const host = LibraryHost.open(file);
    const newer = await host.backups.backUp('manual', new Date('2026-03-02T09:00:00Z'));
    host.close();
    damageLibraryPages(newer.path);
    damageLibraryPages(file);

    const started = LibraryHost.start(file, { verify: true });
    hosts.push(started);
    expect(listBackups(file).map((b) => b.name)).toEqual([newer.name, backup.name]);
    expect(started.status().latestBackup?.name).toBe(backup.name);
    expect(apiErrorFrom(() => started.restore(newer.path)).message).toMatch(/cannot be restored.*damage/);
  });

  it('recognises a library whose header is gone as damaged when it has backups', async () => {
    const { file } = await damagedLibraryWithBackup();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 0, 100);
    fs.writeFileSync(file, bytes);
    const host = LibraryHost.start(file, { verify: true });
    hosts.push(host);
    expect(host.status()).toMatchObject({ state: 'unavailable', problem: { code: 'library-damaged' } });
    expect(host.status().latestBackup?.articleCount).toBe(30);
  });

  it('can switch from the unavailable state to another library', async () => {
    const { file } = await damagedLibraryWithBackup();
    damageLibraryPages(file);
    const host = LibraryHost.start(file, { verify: true });
    hosts.push(host);
    host.create(tmp.file('fresh.sqlite3'));
    expect(host.status()).toMatchObject({ state: 'open', path: tmp.file('fresh.sqlite3') });
    expect(headlines(host)).toEqual([]);
  });
});

describe('the recent libraries', () => {
  it('lists opened libraries most recent first, marks the current one and missing files, and forgets on request', () => {
    const recent = new RecentLibraries(tmp.file('data'));
    const host = open(tmp.file('desk.sqlite3'), { recent });
    host.create(tmp.file('archive.sqlite3'));
    host.switchTo(tmp.file('desk.sqlite3'));
    fs.writeFileSync(tmp.file('gone.sqlite3'), '');
    recent.note(tmp.file('gone.sqlite3'), new Date('2020-01-01T00:00:00Z'));
    fs.rmSync(tmp.file('gone.sqlite3'));

    expect(host.recentLibraries().map((entry) => [entry.name, entry.current, entry.exists])).toEqual([
      ['gone.sqlite3', false, false],
      ['desk.sqlite3', true, true],
      ['archive.sqlite3', false, true],
    ]);
    expect(host.forgetRecent(tmp.file('gone.sqlite3')).map((entry) => entry.name)).toEqual([
      'desk.sqlite3',
      'archive.sqlite3',
    ]);
  });

  it('refuses to create a library over an existing file', () => {
    const host = open();
    write(host, 'Kept');
    fs.writeFileSync(tmp.file('notes.txt'), 'notes');
    expect(apiErrorFrom(() => host.create(tmp.file('notes.txt'))).code).toBe('conflict');
    expect(headlines(host)).toEqual(['Kept']);
  });

  it('treats an unreadable list as empty and starts it afresh', () => {
    fs.mkdirSync(tmp.file('data'));
    fs.writeFileSync(tmp.file('data/recent-libraries.json'), '{not json');
    const recent = new RecentLibraries(tmp.file('data'));
    expect(recent.list(null)).toEqual([]);
    recent.note(tmp.file('desk.sqlite3'));
    expect(recent.list(null).map((entry) => entry.name)).toEqual(['desk.sqlite3']);
  });
});

describe('createBackup', () => {
  it('names two backups made in the same second apart', async () => {
    const host = open();
    const now = new Date('2026-03-02T09:15:00Z');
    const a = await createBackup(host.current, 'manual', { now });
    const b = await createBackup(host.current, 'manual', { now });
    expect([a.name, b.name]).toEqual(['desk-20260302-091500-manual.sqlite3', 'desk-20260302-091500-manual-2.sqlite3']);
  });
});
