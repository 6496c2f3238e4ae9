import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { textFile, type PackageFile } from '../../../../electron/export/packageFile';
import type { PackageFs } from '../../../../electron/export/writePackage';
import { packageName, writePackage } from '../../../../electron/export/writePackage';
import { failingDisk } from '../../../helpers/failingDisk';
import { apiErrorFrom } from '../../../helpers/library';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('copydesk-export-');
});
afterEach(() => tmp.cleanup());

const NOW = new Date('2026-11-28T10:15:00.000Z');
const FILES: PackageFile[] = [
  textFile('article.html', '<!doctype html><title>Talks</title><p>Talks resume.</p>'),
  textFile('factcheck-report.html', '<!doctype html><title>Report</title>'),
  { path: 'assets/01-delegates.png', bytes: new Uint8Array([137, 80, 78, 71, 1, 2, 3]) },
];
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function write(options: { zip?: boolean; files?: readonly PackageFile[]; fs?: PackageFs; folder?: string } = {}) {
  return writePackage({
    folder: options.folder ?? tmp.dir,
    name: '2026-11-28-talks-resume',
    files: options.files ?? FILES,
    manifest: (files) => ({ generator: 'Copydesk', files }),
    zip: options.zip ?? false,
    now: NOW,
    fs: options.fs,
  });
}

/** Every file under `dir`, relative, sorted, hidden ones included. */
function listing(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((name) => name.split(path.sep).join('/')).sort();
}

describe('package names', () => {
  it('are the date and the slug, with anything that could leave the folder made a hyphen', () => {
    expect(packageName('pakistan-china-talks', NOW)).toBe('2026-11-28-pakistan-china-talks');
    expect(packageName('../../etc/passwd', NOW)).toBe('2026-11-28-etc-passwd');
    expect(packageName('C:\\Windows\\con', NOW)).toBe('2026-11-28-c-windows-con');
    expect(packageName('مذاکرات-بیجنگ', NOW)).toBe('2026-11-28-مذاکرات-بیجنگ');
    expect(packageName('...', NOW)).toBe('2026-11-28-article');
  });
});

describe('writing a package folder', () => {
  it('writes every file and a manifest whose sizes and hashes match them, and nothing else', () => {
    const written = write();
    expect(written.path).toBe(path.join(tmp.dir, '2026-11-28-talks-resume'));
    expect(listing(tmp.dir)).toEqual([
      '2026-11-28-talks-resume',
      '2026-11-28-talks-resume/article.html',
      '2026-11-28-talks-resume/assets',
      '2026-11-28-talks-resume/assets/01-delegates.png',
      '2026-11-28-talks-resume/factcheck-report.html',
      '2026-11-28-talks-resume/manifest.json',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(written.path, 'manifest.json'), 'utf8')) as {
      files: { path: string; size: number; sha256: string }[];
    };
    expect(manifest.files.map((file) => file.path)).toEqual(FILES.map((file) => file.path));
    for (const entry of manifest.files) {
      const bytes = fs.readFileSync(path.join(written.path, entry.path));
      expect(entry).toEqual({ path: entry.path, size: bytes.length, sha256: sha256(bytes) });
    }
    expect(written.files.map((file) => file.path)).toEqual([...FILES.map((file) => file.path), 'manifest.json']);
    expect(written.bytes).toBe(written.files.reduce((sum, file) => sum + file.size, 0));
  });

  it('never touches an earlier package of the same name: the new one is "… (2)"', () => {
    const first = write();
    const before = fs.readFileSync(path.join(first.path, 'article.html'));
    const second = write({ files: [textFile('article.html', 'a newer text')] });
    expect(second.path).toBe(path.join(tmp.dir, '2026-11-28-talks-resume (2)'));
    expect(fs.readFileSync(path.join(first.path, 'article.html')).equals(before)).toBe(true);
    expect(fs.readFileSync(path.join(second.path, 'article.html'), 'utf8')).toBe('a newer text');
  });

  it('leaves nothing behind when the disk fills up halfway', () => {
    write();
    const error = apiErrorFrom(() => write({ fs: failingDisk('writeSync', 'ENOSPC', 2) }));
    expect(error.message).toMatch(/disk holding .* is full/);
    expect(listing(tmp.dir).filter((name) => !name.startsWith('2026-11-28-talks-resume/'))).toEqual([
      '2026-11-28-talks-resume',
    ]);
  });

  it('says so when the folder cannot be written, is read-only or does not exist, leaving nothing', () => {
    expect(apiErrorFrom(() => write({ fs: failingDisk('mkdirSync', 'EACCES') })).message).toMatch(/may not write in/);
    expect(apiErrorFrom(() => write({ fs: failingDisk('openSync', 'EROFS') })).message).toMatch(/read-only disk/);
    expect(listing(tmp.dir)).toEqual([]);
    const missing = path.join(tmp.dir, 'Exports');
    expect(apiErrorFrom(() => write({ folder: missing })).message).toBe(
      `The folder ${missing} does not exist. Choose an existing folder.`,
    );
    fs.writeFileSync(path.join(tmp.dir, 'notes.txt'), 'x');
    expect(apiErrorFrom(() => write({ folder: path.join(tmp.dir, 'notes.txt') })).message).toMatch(/is not a folder/);
  });

  it('refuses any file path that would leave the package, writing nothing', () => {
    for (const bad of ['../escape.html', '/etc/cron.d/x', 'assets/../../x', 'a\\..\\b', 'assets//x', 'x:y', '']) {
      const error = apiErrorFrom(() => write({ files: [...FILES, textFile(bad, 'x')] }));
      expect(error.message, bad).toMatch(/refused/);
    }
    expect(apiErrorFrom(() => write({ files: [textFile('manifest.json', '{}')] })).message).toMatch(/twice/);
    expect(listing(tmp.dir)).toEqual([]);
    expect(fs.existsSync(path.join(tmp.dir, '..', 'escape.html'))).toBe(false);
  });
});

describe('writing a .zip package', () => {
  it('holds the same files and manifest, under the package name', () => {
    const written = write({ zip: true });
    expect(written.path).toBe(path.join(tmp.dir, '2026-11-28-talks-resume.zip'));
    expect(listing(tmp.dir)).toEqual(['2026-11-28-talks-resume.zip']);
    const entries = unzipSync(fs.readFileSync(written.path));
    expect(Object.keys(entries).sort()).toEqual([...FILES.map((file) => file.path), 'manifest.json'].sort());
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
      files: { path: string; sha256: string }[];
    };
    for (const entry of manifest.files) expect(sha256(entries[entry.path] ?? new Uint8Array())).toBe(entry.sha256);
    expect(written.bytes).toBe(fs.statSync(written.path).size);
  });

  it('takes the next free name and leaves the earlier .zip as it was', () => {
    const first = write({ zip: true });
    const before = fs.readFileSync(first.path);
    const second = write({ zip: true, files: [textFile('article.html', 'newer')] });
    expect(path.basename(second.path)).toBe('2026-11-28-talks-resume (2).zip');
    expect(fs.readFileSync(first.path).equals(before)).toBe(true);
  });

  it('removes the partial .zip when the disk fills up', () => {
    const error = apiErrorFrom(() => write({ zip: true, fs: failingDisk('writeSync', 'ENOSPC') }));
    expect(error.message).toMatch(/is full/);
    expect(listing(tmp.dir)).toEqual([]);
  });
});
