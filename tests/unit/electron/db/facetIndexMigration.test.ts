import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { libraryFacets } from '../../../../electron/db/queries/library';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const AT = '2026-01-01T00:00:00.000Z';
const idOf = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-${n.toString().padStart(12, '0')}`;

/** A library at schema 13: three tagged stories in two sections, one of them in the trash. */
function libraryAt13(): Database.Database {
  const db = new Database(tmp.file());
  migrate(db, { target: 13 });
  const article = db.prepare(
    `INSERT INTO articles (id, slug, headline, body_json, body_text, section, status, created_at, updated_at, trashed_at)
     VALUES (?, ?, ?, '{"root":{"type":"root","version":1,"children":[]}}', '', ?, ?, ?, ?, ?)`,
  );
  const tag = db.prepare("INSERT INTO article_tags (article_id, tag, position) VALUES (?, 'ferry', 0)");
  const stories = [
    ['Harbour', 'ready', null],
    ['Harbour', 'draft', null],
    ['Politics', 'ready', null],
    ['Politics', 'ready', AT],
  ] as const;
  stories.forEach(([section, status, trashed], n) => {
    article.run(idOf(n), `story-${n}`, `Story ${n}`, section, status, AT, AT, trashed);
    tag.run(idOf(n));
  });
  return db;
}

describe('migration 14: the index the filter counts under a tag read', () => {
  it('counts the tagged live articles by status and section from the new index, the trash left out', () => {
    const db = libraryAt13();
    migrate(db, { target: 14 });
    expect(db.pragma('user_version', { simple: true })).toBe(14);

    // Counted as today's Copydesk counts, in the library brought up to today's schema.
    migrate(db);
    const after = libraryFacets(db, { tag: 'ferry' });
    expect(after.total).toBe(3);
    expect(after.sections).toEqual([
      { name: 'Harbour', count: 2 },
      { name: 'Politics', count: 1 },
    ]);
    expect(after.statuses.find((entry) => entry.status === 'ready')?.count).toBe(2);
    // Only the live articles are in it: the trashed one is not.
    expect(
      db.prepare('SELECT count(*) FROM articles INDEXED BY articles_live_by_id WHERE trashed_at IS NULL').pluck().get(),
    ).toBe(3);
    db.close();
  });
});
