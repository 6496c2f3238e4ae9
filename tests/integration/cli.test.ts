import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createArticle, trashArticle } from '../../electron/services/articles';
import { createAuthor } from '../../electron/services/authors';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { contract } from '../../shared/api';
import type { Article } from '../../shared/domain';
import { bodyFromParagraphs } from '../../shared/text';
import { tempDir } from '../helpers/tempLibrary';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const packageVersion = (JSON.parse(fs.readFileSync(`${projectRoot}/package.json`, 'utf8')) as { version: string })
  .version;

const tmp = tempDir('copydesk-cli-');
const library = tmp.file('desk.sqlite3');
/** What $COPYDESK_LIBRARY points at: a file that must never be created by these runs. */
const untouchedDefault = tmp.file('default-must-not-exist.sqlite3');
/** Where the runs keep preferences: never the real user's folder. */
const dataDir = tmp.file('data');

function copydesk(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['bin/copydesk.cjs', ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, COPYDESK_LIBRARY: untouchedDefault, COPYDESK_DATA_DIR: dataDir, ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

let ferry: Article;
let lighthouse: Article;

beforeAll(() => {
  const host = LibraryHost.open(library);
  try {
    const okafor = createAuthor(host.current, 'Maria Okafor', '');
    const khan = createAuthor(host.current, 'Omar Khan', '');
    ferry = createArticle(host.current, {
      headline: 'Night ferry trial approved',
      dek: 'Crossings at 22:30 and 23:45.',
      authorIds: [okafor.id, khan.id],
      dateline: 'Port Ellis',
      body: bodyFromParagraphs([
        'The harbour council approved a six-month trial.',
        'Bluewater Lines will publish a timetable.',
      ]),
    });
    lighthouse = createArticle(host.current, {
      headline: 'Lighthouse reopens',
      body: bodyFromParagraphs(['On Friday.']),
    });
    const trashed = createArticle(host.current, {
      headline: 'Ferry fares frozen',
      body: bodyFromParagraphs(['ferry']),
    });
    trashArticle(host.current, trashed.id);
  } finally {
    host.close();
  }
});
afterAll(() => tmp.cleanup());

describe('the copydesk command', () => {
  it('prints the package version', () => {
    const run = copydesk(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${packageVersion}\n`);
  });

  it('says so when the library is empty', () => {
    const run = copydesk(['list', '--library', tmp.file('empty.sqlite3')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^The library is empty\./);
    expect(run.stderr).toBe('');
  });

  it('lists the live articles of the library named by $COPYDESK_LIBRARY, newest first', () => {
    const run = copydesk(['list'], { COPYDESK_LIBRARY: library });
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^${lighthouse.id} .* draft +Lighthouse reopens$`));
    expect(lines[1]).toMatch(new RegExp(`^${ferry.id} .*Night ferry trial approved$`));
    expect(lines[2]).toBe('2 of 2 shown.');
    expect(run.stdout).not.toContain('Ferry fares frozen');
  });

  it('lists as JSON that the contract accepts', () => {
    const run = copydesk(['list', '--json', '--library', library]);
    expect(run.code).toBe(0);
    const result = contract['articles:list'].result.parse(JSON.parse(run.stdout));
    expect(result.total).toBe(2);
    expect(result.items.map((item) => item.id)).toEqual([lighthouse.id, ferry.id]);
  });

  it('shows an article: headline, dek, byline, dateline and body text', () => {
    const run = copydesk(['show', ferry.id, '--library', library]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Night ferry trial approved\n');
    expect(run.stdout).toContain('Crossings at 22:30 and 23:45.');
    expect(run.stdout).toContain('By Maria Okafor and Omar Khan\n');
    expect(run.stdout).toContain(
      'PORT ELLIS: The harbour council approved a six-month trial.\n\nBluewater Lines will publish a timetable.',
    );
  });

  it('exits 1 with one clear line when the article does not exist', () => {
    const missing = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    const run = copydesk(['show', missing, '--library', library]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`copydesk: No article with id ${missing} is in this library. It may have been deleted.\n`);
  });

  it('searches and returns ranked hits as JSON, without trashed articles', () => {
    const run = copydesk(['search', 'ferry', '--json', '--library', library]);
    expect(run.code).toBe(0);
    const result = contract['articles:search'].result.parse(JSON.parse(run.stdout));
    expect(result.hits.map((hit) => hit.id)).toEqual([ferry.id]);
    expect(result.hits[0]?.snippet).toContain('\u0002ferry\u0003');
  });

  it('refuses a --library that is not a SQLite file with one clear line, and leaves the file alone', () => {
    const notes = tmp.file('notes.sqlite3');
    fs.writeFileSync(notes, 'Interview notes, not a database.\n'.repeat(50));
    const before = fs.readFileSync(notes);
    const run = copydesk(['list', '--library', notes]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')).toEqual([
      `copydesk: ${notes} is not a Copydesk library (it is not a SQLite database). Choose a library file, or a new name to create one.`,
      '',
    ]);
    expect(fs.readFileSync(notes).equals(before)).toBe(true);
    expect(fs.existsSync(`${notes}-wal`)).toBe(false);
  });

  it('exits 2 on an unknown command, without opening any library', () => {
    const run = copydesk(['publish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('copydesk: Unknown command "publish". Run copydesk --help for the list.\n');
    expect(fs.existsSync(untouchedDefault)).toBe(false);
  });
});
