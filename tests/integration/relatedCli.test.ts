import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createArticle } from '../../electron/services/articles';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { suggestRelated } from '../../electron/services/related';
import { SuggestRelatedResultSchema } from '../../shared/related';
import { bodyFromParagraphs } from '../../shared/text';
import { runCopydesk } from '../helpers/cli';
import { tempDir } from '../helpers/tempLibrary';
import { withNameFinder } from '../helpers/nameFinder';
import { bbcNews } from '../helpers/corpora';

withNameFinder();

const BBC = bbcNews();
const FILES = [
  'politics/013.txt',
  'politics/002.txt',
  'politics/007.txt',
  'politics/011.txt',
  'sport/101.txt',
  'tech/005.txt',
];

const tmp = tempDir('copydesk-related-cli-');
const library = tmp.file('desk.sqlite3');
const ids: string[] = [];

function copydesk(args: string[]) {
  return runCopydesk([...args, '--library', library], { COPYDESK_DATA_DIR: tmp.file('data') });
}

beforeAll(() => {
  const host = LibraryHost.open(library);
  try {
    for (const file of FILES) {
      const [headline = '', ...paragraphs] = fs
        .readFileSync(path.join(BBC, file), 'utf8')
        .split(/\n\s*\n/u)
        .map((part) => part.replace(/\s+/gu, ' ').trim());
      ids.push(createArticle(host.current, { headline, body: bodyFromParagraphs(paragraphs.filter(Boolean)) }).id);
    }
  } finally {
    host.close();
  }
});
afterAll(() => tmp.cleanup());

describe('copydesk related', () => {
  it('prints the related articles with their reasons, as the panel gets them', () => {
    const run = copydesk(['related', ids[0] ?? '', '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const printed = SuggestRelatedResultSchema.parse(JSON.parse(run.stdout));
    expect(printed.related.length).toBeGreaterThan(0);
    expect(printed.related[0]?.reason).toMatch(/^Shares people: .*Michael Howard/u);

    const host = LibraryHost.open(library);
    try {
      expect(printed).toEqual(
        JSON.parse(JSON.stringify(suggestRelated(host.current, { articleId: ids[0] ?? '' }, 10))),
      );
    } finally {
      host.close();
    }
  });

  it('prints them for a person: rank, score, id, headline and reason, at most --limit', () => {
    const run = copydesk(['related', ids[0] ?? '', '--limit', '2']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^ 1\. 0\.\d\d {2}[0-9a-f-]{36} {2}\d{4}-\d\d-\d\d {2}\S/u);
    expect(lines[1]).toMatch(/^ {6}Shares /u);
    expect(lines[2]).toMatch(/^ 2\. /u);
  });

  it('says what is wrong with the command, and which article is missing', () => {
    const missing = copydesk(['related']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/related needs one article id/u);
    const unknown = copydesk(['related', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No article with id 0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/u);
  });

  it('analyses articles written without analysis with --reindex, and says so', () => {
    const host = LibraryHost.open(library);
    try {
      host.current.db.prepare("UPDATE articles SET body_text = body_text || ' Updated.' WHERE id = ?").run(ids[1]);
    } finally {
      host.close();
    }
    const before = copydesk(['related', ids[0] ?? '']);
    expect(before.stdout).toMatch(/1 article was changed without being analysed .*copydesk related --reindex/u);
    const reindex = copydesk(['related', '--reindex', '--json']);
    expect(reindex.code).toBe(0);
    expect(JSON.parse(reindex.stdout)).toEqual({ indexed: 1, remaining: 0 });
  });
});
