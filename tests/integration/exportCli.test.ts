import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createArticle } from '../../electron/services/articles';
import { createAuthor } from '../../electron/services/authors';
import { LibraryHost } from '../../electron/services/LibraryHost';
import type { Article } from '../../shared/domain';
import { ManifestSchema } from '../../shared/exports';
import { bodyFromParagraphs } from '../../shared/text';
import { runCopydesk } from '../helpers/cli';
import { tempDir } from '../helpers/tempLibrary';

const tmp = tempDir('copydesk-export-cli-');
const library = tmp.file('desk.sqlite3');
const out = tmp.file('packages');

function copydesk(args: string[]) {
  return runCopydesk([...args, '--library', library], {
    COPYDESK_LIBRARY: tmp.file('default-must-not-exist.sqlite3'),
    COPYDESK_DATA_DIR: tmp.file('data'),
  });
}

let unsigned: Article;
let signed: Article;

beforeAll(() => {
  fs.mkdirSync(out);
  const host = LibraryHost.open(library);
  try {
    unsigned = createArticle(host.current, {
      headline: 'Pakistan and China resume talks',
      dateline: 'ISLAMABAD',
      body: bodyFromParagraphs(['Delegations met in Beijing on Monday.']),
    });
    const author = createAuthor(host.current, 'Amna Riaz', '');
    signed = createArticle(host.current, {
      headline: 'Night ferry trial approved',
      authorIds: [author.id],
      body: bodyFromParagraphs(['The council approved the trial. Figures are TK.']),
    });
  } finally {
    host.close();
  }
});
afterAll(() => tmp.cleanup());

describe('copydesk check', () => {
  it('lists the blocking items and exits 1 while one remains', () => {
    const run = copydesk(['check', unsigned.id]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^Not ready to export: 1 blocking item\.\n/);
    expect(run.stdout).toContain(
      [
        'Blocking — fix it, or export anyway with a written reason:',
        '  Byline',
        '    The story has no byline. Add its author (or the desk) in the byline field.',
        '    --override byline="reason"',
      ].join('\n'),
    );
  });

  it('prints warnings under where they are, each message folded to the terminal’s width', () => {
    const run = copydesk(['check', signed.id]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^Ready to export, with 2 warnings\.\n\nWarnings — the package can go, but look first:\n/,
    );
    expect(run.stdout).toContain('  Body\n    1 TK marker left in the body. Fill in what is missing.\n');
    for (const line of run.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });

  it('exits 0 with warnings only, and prints the checklist as JSON', () => {
    const run = copydesk(['check', signed.id, '--json']);
    expect(run.code).toBe(0);
    const checklist = JSON.parse(run.stdout) as { ready: boolean; items: { id: string; level: string }[] };
    expect(checklist.ready).toBe(true);
    expect(checklist.items.map((item) => [item.id, item.level])).toEqual([
      ['tk', 'warning'],
      ['dateline', 'warning'],
    ]);
  });

  it('says when the article does not exist', () => {
    const run = copydesk(['check', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^copydesk: No article with id/);
  });
});

describe('copydesk export', () => {
  it('refuses a story with a blocking item, and writes nothing', () => {
    const run = copydesk(['export', unsigned.id, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/not ready to export \(1 blocking item\)\. Byline: /);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('refuses an override without a real reason as a usage mistake', () => {
    const run = copydesk(['export', unsigned.id, '--out', out, '--override', 'byline=']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--override takes ITEM=REASON/);
    expect(copydesk(['export', unsigned.id]).stderr).toMatch(/needs a folder/);
    // A letter or two to get past the check is not a reason.
    const short = copydesk(['export', unsigned.id, '--out', out, '--override', 'byline=n/a']);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/--override byline: Give a real reason, in a few words \(at least 3 words/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('writes a .zip with an override and its reason in the manifest, and reports it as JSON', () => {
    const run = copydesk([
      'export',
      unsigned.id,
      '--out',
      out,
      '--zip',
      '--json',
      '--override',
      'byline=Wire copy: no byline.',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { path: string; files: number };
    expect(path.dirname(result.path)).toBe(out);
    expect(result.path).toMatch(/-pakistan-and-china-resume-talks\.zip$/);
    const entries = unzipSync(fs.readFileSync(result.path));
    const manifest = ManifestSchema.parse(JSON.parse(new TextDecoder().decode(entries['manifest.json'])));
    expect(manifest.checklist.overrides).toMatchObject([{ itemId: 'byline', reason: 'Wire copy: no byline.' }]);
    expect(Object.keys(entries)).toHaveLength(result.files);
    for (const file of manifest.files) {
      expect(
        createHash('sha256')
          .update(entries[file.path] ?? new Uint8Array())
          .digest('hex'),
      ).toBe(file.sha256);
    }
  });

  it('writes a folder and says where, and which desk signed it', () => {
    const run = copydesk(['export', signed.id, '--out', out]);
    expect(run.code).toBe(0);
    const written = /^Exported \d+ files \([\d,]+ bytes\) to (.+)\n/.exec(run.stdout)?.[1] ?? '';
    expect(run.stdout).toMatch(/\nSigned by desk \(key ([0-9a-f]{4} ){7}[0-9a-f]{4}\)\n$/);
    expect(fs.statSync(written).isDirectory()).toBe(true);
    expect(fs.readdirSync(written)).toContain('manifest.json');
  });
});
