import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { getEditingTime, setEditingTime } from '../../../../electron/db/queries/editingTime';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const ARTICLE = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
const REVISION = '0190a1b2-c3d4-7e5f-8a9b-000000000002';

/** A library at schema 9 with one article and the version it was created with. */
function libraryAt9(): Database.Database {
  const db = new Database(tmp.file());
  migrate(db, { target: 9 });
  db.prepare(
    `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
     VALUES (?, 'ferry', 'Ferry', '{"root":{"type":"root","children":[]}}', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ).run(ARTICLE);
  db.prepare(
    `INSERT INTO revisions (id, article_id, article_version, kind, headline, dek, byline, dateline, body_json,
                            body_text, section, tags_json, status, created_at)
     VALUES (?, ?, 1, 'created', 'Ferry', '', '', '', '{}', '', '', '[]', 'draft', '2026-01-01T00:00:00.000Z')`,
  ).run(REVISION, ARTICLE);
  return db;
}

describe('migration 12: signed versions and editing time', () => {
  it('keeps every version, unsigned, and versions stay unchangeable', () => {
    const db = libraryAt9();
    migrate(db, { target: 12 });
    expect(db.pragma('user_version', { simple: true })).toBe(12);
    expect(db.prepare('SELECT id, headline, created_by FROM revisions').all()).toEqual([
      { id: REVISION, headline: 'Ferry', created_by: '' },
    ]);
    expect(() => db.prepare("UPDATE revisions SET created_by = 'Someone'").run()).toThrow(
      /revisions cannot be changed/,
    );
    db.close();
  });

  it('keeps the editing time of an article until the article itself is deleted', () => {
    const db = libraryAt9();
    migrate(db, { target: 12 });
    db.pragma('foreign_keys = ON');
    expect(getEditingTime(db, ARTICLE)).toBeUndefined();
    setEditingTime(db, ARTICLE, { sinceRevision: REVISION, editingMs: 60_000, lastSaveAt: '2026-01-01T00:01:00.000Z' });
    setEditingTime(db, ARTICLE, { sinceRevision: REVISION, editingMs: 90_000, lastSaveAt: '2026-01-01T00:01:30.000Z' });
    expect(getEditingTime(db, ARTICLE)).toEqual({
      sinceRevision: REVISION,
      editingMs: 90_000,
      lastSaveAt: '2026-01-01T00:01:30.000Z',
    });
    expect(() =>
      setEditingTime(db, ARTICLE, { sinceRevision: REVISION, editingMs: -1, lastSaveAt: '2026-01-01T00:02:00.000Z' }),
    ).toThrow(/CHECK constraint failed/);
    db.prepare('DELETE FROM articles WHERE id = ?').run(ARTICLE);
    expect(db.prepare('SELECT count(*) FROM editing_time').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
