import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createArticle, trashArticle } from '../../electron/services/articles';
import { createAuthor } from '../../electron/services/authors';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { contract } from '../../shared/api';
import type { Article } from '../../shared/domain';
import { bodyFromParagraphs } from '../../shared/text';
import { damageLibraryPages } from '../helpers/damage';
import { runCopydesk } from '../helpers/cli';
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
  return runCopydesk(args, { COPYDESK_LIBRARY: untouchedDefault, COPYDESK_DATA_DIR: dataDir, ...env });
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
    const run = copydesk(['search', 'bluewater', '--json', '--library', library]);
    expect(run.code).toBe(0);
    const result = contract['articles:search'].result.parse(JSON.parse(run.stdout));
    expect(result.hits.map((hit) => hit.id)).toEqual([ferry.id]);
    expect(result.hits[0]?.snippet).toContain('\u0002Bluewater\u0003');
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

  it('says what the library refused in words, never by request name or field path', () => {
    const list = copydesk(['list', '--limit', '600', '--library', library]);
    expect(list.code).toBe(1);
    expect(list.stderr).toBe('copydesk: The number of results is too large (at most 500).\n');
    const search = copydesk(['search', 'ferry '.repeat(200), '--library', library]);
    expect(search.code).toBe(1);
    expect(search.stderr).toBe('copydesk: The search is too long (at most 1,000 characters).\n');
    // Programs still get the code.
    const json = copydesk(['list', '--limit', '600', '--json', '--library', library]);
    expect(JSON.parse(json.stderr)).toEqual({
      error: { code: 'invalid-request', message: 'The number of results is too large (at most 500).' },
    });
  });

  it('exits 2 on an unknown command, without opening any library', () => {
    const run = copydesk(['publish']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('copydesk: Unknown command "publish". Run copydesk --help for the list.\n');
    expect(fs.existsSync(untouchedDefault)).toBe(false);
  });
});

describe('copydesk list and search, narrowed and ordered', () => {
  const desk = tmp.file('narrowed.sqlite3');
  const headlinesOf = (args: string[]) => {
    const run = copydesk([...args, '--json', '--library', desk]);
    expect(run.code, run.stderr).toBe(0);
    const value = JSON.parse(run.stdout) as { items?: { headline: string }[]; hits?: { headline: string }[] };
    return (value.items ?? value.hits ?? []).map((item) => item.headline);
  };

  beforeAll(() => {
    const host = LibraryHost.open(desk);
    try {
      const okafor = createAuthor(host.current, 'Maria Okafor', '');
      const stories = [
        { headline: 'Ferry timetable changes', section: 'Local', status: 'ready', tags: ['transport'] },
        { headline: 'Budget vote delayed', section: 'Politics', status: 'editing', tags: ['council'] },
        { headline: 'A new ferry for the island', section: 'Local', status: 'draft', tags: ['transport'] },
      ] as const;
      for (const story of stories) {
        createArticle(host.current, {
          headline: story.headline,
          section: story.section,
          status: story.status,
          tags: [...story.tags],
          authorIds: story.status === 'ready' ? [okafor.id] : [],
          body: bodyFromParagraphs([`${story.headline}: the ferry and the council.`]),
        });
      }
    } finally {
      host.close();
    }
  });

  it('filters the list by status, section, tag and author, and sorts it', () => {
    expect(headlinesOf(['list', '--section', 'Local'])).toEqual([
      'A new ferry for the island',
      'Ferry timetable changes',
    ]);
    expect(headlinesOf(['list', '--status', 'ready', '--status', 'editing'])).toEqual([
      'Budget vote delayed',
      'Ferry timetable changes',
    ]);
    expect(headlinesOf(['list', '--tag', 'council'])).toEqual(['Budget vote delayed']);
    expect(headlinesOf(['list', '--author', 'maria okafor'])).toEqual(['Ferry timetable changes']);
    expect(headlinesOf(['list', '--sort', 'headline'])).toEqual([
      'A new ferry for the island',
      'Budget vote delayed',
      'Ferry timetable changes',
    ]);
    expect(headlinesOf(['list', '--sort', 'created', '--direction', 'asc', '--offset', '1', '--limit', '1'])).toEqual([
      'Budget vote delayed',
    ]);
    const page = copydesk(['list', '--offset', '1', '--limit', '1', '--library', desk]);
    expect(page.stdout).toMatch(/\nRows 2 to 2 of 3 shown\.\n$/);
  });

  it('narrows a search with the same filters', () => {
    expect(headlinesOf(['search', 'ferry']).sort()).toEqual([
      'A new ferry for the island',
      'Budget vote delayed',
      'Ferry timetable changes',
    ]);
    expect(headlinesOf(['search', 'ferry', '--section', 'Local', '--status', 'draft'])).toEqual([
      'A new ferry for the island',
    ]);
  });

  it('says what is wrong with a sort, a status, an offset or an author, without listing anything', () => {
    const sort = copydesk(['list', '--sort', 'wordcount', '--library', desk]);
    expect(sort.code).toBe(2);
    expect(sort.stderr).toBe('copydesk: --sort: Sort by "updated", "created" or "headline".\n');
    const status = copydesk(['list', '--status', 'published', '--library', desk]);
    expect(status.code).toBe(2);
    expect(status.stderr).toBe(
      'copydesk: --status takes draft, editing, fact-check, ready, exported; not "published".\n',
    );
    const offset = copydesk(['list', '--offset=-3', '--library', desk]);
    expect(offset.code).toBe(2);
    expect(offset.stderr).toBe('copydesk: --offset takes a whole number, 0 or more, not "-3".\n');
    const author = copydesk(['search', 'ferry', '--author', 'Maria', '--library', desk]);
    expect(author.code).toBe(2);
    expect(author.stderr).toBe('copydesk: No author in this library is named "Maria". Close: Maria Okafor.\n');
    const two = copydesk(['list', '--person', 'A', '--place', 'B', '--library', desk]);
    expect(two.stderr).toBe('copydesk: Choose one of --person, --place and --organisation.\n');
  });
});

describe('copydesk assign, and who has each story in the list', () => {
  const desk = tmp.file('assigned.sqlite3');
  let ferryId = '';
  const run = (args: string[]) => copydesk([...args, '--library', desk]);
  const headlinesOf = (args: string[]) => {
    const result = run([...args, '--json']);
    expect(result.code, result.stderr).toBe(0);
    const value = JSON.parse(result.stdout) as { items?: { headline: string }[]; hits?: { headline: string }[] };
    return (value.items ?? value.hits ?? []).map((item) => item.headline);
  };

  beforeAll(() => {
    const host = LibraryHost.open(desk);
    try {
      ferryId = createArticle(host.current, {
        headline: 'Night ferry trial approved',
        body: bodyFromParagraphs(['The ferry sails at night.']),
      }).id;
      createArticle(host.current, { headline: 'Ferry fares frozen', body: bodyFromParagraphs(['The ferry fares.']) });
    } finally {
      host.close();
    }
  });

  it('assigns a story for a step, shows who has it in the list, and finds it by the person', () => {
    const assigned = run(['assign', ferryId, 'Rita', 'Okafor', '--step', 'fact-check']);
    expect(assigned.code, assigned.stderr).toBe(0);
    expect(assigned.stdout).toBe('Assigned to Rita Okafor for fact-check: “Night ferry trial approved”.\n');
    const lines = run(['list']).stdout.split('\n');
    expect(lines.find((line) => line.includes('Night ferry'))).toMatch(
      /Night ferry trial approved {2}\(assigned to Rita Okafor for fact-check\)$/,
    );
    expect(lines.find((line) => line.includes('Ferry fares'))).toMatch(/Ferry fares frozen$/);
    expect(headlinesOf(['list', '--assigned-to', 'rita okafor'])).toEqual(['Night ferry trial approved']);
    expect(headlinesOf(['search', 'ferry', '--assigned-to', 'Rita Okafor'])).toEqual(['Night ferry trial approved']);
    expect(headlinesOf(['list', '--assigned-to', 'Omar Khan'])).toEqual([]);
    expect(run(['show', ferryId]).stdout).toContain('\nAssigned to Rita Okafor for fact-check\n');

    const cleared = run(['assign', ferryId, '--clear', '--json']);
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(JSON.parse(cleared.stdout)).toMatchObject({ id: ferryId, assignee: '', assignedStep: null });
    expect(headlinesOf(['list', '--assigned-to', 'Rita Okafor'])).toEqual([]);
  });

  it('says what is missing or wrong, and assigns nothing', () => {
    const noStep = run(['assign', ferryId, 'Rita Okafor']);
    expect(noStep.code).toBe(2);
    expect(noStep.stderr).toBe(
      'copydesk: assign needs the step Rita Okafor is to do: --step editing, fact-check or review.\n',
    );
    const unknownStep = run(['assign', ferryId, 'Rita Okafor', '--step', 'proofreading']);
    expect(unknownStep.code).toBe(2);
    expect(unknownStep.stderr).toBe('copydesk: --step takes editing, fact-check or review; not "proofreading".\n');
    const noName = run(['assign', ferryId, '--step', 'review']);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toBe(
      'copydesk: assign needs the name of the person, or --clear: copydesk assign ID NAME --step fact-check.\n',
    );
    const tooLong = run(['assign', ferryId, 'x'.repeat(101), '--step', 'review']);
    expect(tooLong.code).toBe(1);
    expect(tooLong.stderr).toBe('copydesk: The name of the person assigned is too long (at most 100 characters).\n');
    expect(headlinesOf(['list', '--assigned-to', 'Rita Okafor'])).toEqual([]);
  });
});

describe('copydesk restore', () => {
  /** A library with two backups: one holding only the ferry story, the newest holding both. */
  async function libraryWithBackups(name: string) {
    const file = tmp.file(name);
    const host = LibraryHost.open(file);
    try {
      createArticle(host.current, { headline: 'Night ferry trial approved' });
      const older = await host.backups.backUp('daily', new Date('2026-03-01T09:00:00Z'));
      createArticle(host.current, { headline: 'Lighthouse reopens' });
      const newer = await host.backups.backUp('manual', new Date('2026-03-02T09:00:00Z'));
      createArticle(host.current, { headline: 'Written after every backup' });
      return { file, older, newer };
    } finally {
      host.close();
    }
  }

  const headlines = (file: string) => {
    const run = copydesk(['list', '--json', '--library', file]);
    return contract['articles:list'].result
      .parse(JSON.parse(run.stdout))
      .items.map((item) => item.headline)
      .sort();
  };

  it('lists the backups newest first, with reason and article count', async () => {
    const { file, older, newer } = await libraryWithBackups('listed.sqlite3');
    const run = copydesk(['restore', '--list', '--library', file]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${newer.name}  2026-03-02 09:00 UTC  manual .* 2 articles$`));
    expect(lines[1]).toMatch(new RegExp(`^${older.name}  2026-03-01 09:00 UTC  daily .* 1 article$`));

    const asJson = copydesk(['restore', '--list', '--json', '--library', file]);
    const parsed = JSON.parse(asJson.stdout) as { backups: { name: string; articleCount: number }[] };
    expect(parsed.backups.map((b) => [b.name, b.articleCount])).toEqual([
      [newer.name, 2],
      [older.name, 1],
    ]);
  });

  it('restores the latest backup and keeps the replaced file beside it', async () => {
    const { file, newer } = await libraryWithBackups('latest.sqlite3');
    const run = copydesk(['restore', '--latest', '--library', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `^Restored ${newer.name} \\(2 articles\\) into ${file}\\. The file it replaced is kept as ${file}\\.before-restore-\\d{8}-\\d{6}\\.\\n$`,
      ),
    );
    expect(headlines(file)).toEqual(['Lighthouse reopens', 'Night ferry trial approved']);
    const aside = fs.readdirSync(tmp.dir).find((name) => name.startsWith('latest.sqlite3.before-restore-'));
    expect(headlines(tmp.file(aside ?? 'missing'))).toContain('Written after every backup');
  });

  it('restores a backup named from the list, and answers in JSON', async () => {
    const { file, older } = await libraryWithBackups('named.sqlite3');
    const run = copydesk(['restore', older.name, '--json', '--library', file]);
    expect(run.code).toBe(0);
    const result = contract['backups:restore'].result.parse(JSON.parse(run.stdout));
    expect(result.restored.name).toBe(older.name);
    expect(result.status.state).toBe('open');
    expect(headlines(file)).toEqual(['Night ferry trial approved']);
  });

  it('puts back the latest backup of a damaged library, keeping the damaged file', async () => {
    const { file } = await libraryWithBackups('damaged.sqlite3');
    damageLibraryPages(file);
    const damaged = fs.readFileSync(file);
    expect(copydesk(['list', '--library', file]).code).toBe(1);

    const run = copydesk(['restore', '--latest', '--library', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/The file it replaced is kept as .*damaged\.sqlite3\.damaged-\d{8}-\d{6}\.\n$/);
    const aside = fs.readdirSync(tmp.dir).find((name) => name.startsWith('damaged.sqlite3.damaged-'));
    expect(fs.readFileSync(tmp.file(aside ?? 'missing')).equals(damaged)).toBe(true);
    expect(headlines(file)).toEqual(['Lighthouse reopens', 'Night ferry trial approved']);
  });

  it('says what to do when there is nothing to restore or the call is ambiguous', () => {
    const empty = tmp.file('no-backups.sqlite3');
    const none = copydesk(['restore', '--latest', '--library', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/^copydesk: .*no-backups\.sqlite3 has no sound backup in .*no-backups\.backups\.\n$/);

    const missing = copydesk(['restore', 'nope.sqlite3', '--library', empty]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('copydesk: There is no backup nope.sqlite3. copydesk restore --list shows them.\n');

    const both = copydesk(['restore', '--list', '--latest', '--library', empty]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/restore takes one of: --list, --latest, or one backup file/);
  });
});
