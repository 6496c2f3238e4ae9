import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const RECORD = `INSERT INTO article_imports (article_id, file_name, format, source_url, imported_at)
  VALUES (?, ?, ?, 'https://example.org/story', '2026-01-01T00:00:00.000Z')`;

function libraryAt(version: number): Database.Database {
  const db = new Database(tmp.file());
  migrate(db, { target: version });
  db.prepare(
    `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
     VALUES (?, 'ferry', 'Ferry', '{"root":{"type":"root","children":[]}}', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ).run('0190a1b2-c3d4-7e5f-8a9b-000000000001');
  db.prepare(
    `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
     VALUES (?, 'tide', 'Tide', '{"root":{"type":"root","children":[]}}', '', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  ).run('0190a1b2-c3d4-7e5f-8a9b-000000000002');
  return db;
}

describe('migration 8: import records for ninjs files and packages', () => {
  it('keeps every record, accepts the package formats, and still refuses to rewrite history', () => {
    const db = libraryAt(7);
    db.prepare(RECORD).run('0190a1b2-c3d4-7e5f-8a9b-000000000001', 'ferry.html', 'html');
    expect(() => db.prepare(RECORD).run('0190a1b2-c3d4-7e5f-8a9b-000000000002', 'tide.ninjs.json', 'ninjs')).toThrow(
      /CHECK constraint failed/,
    );

    migrate(db, { target: 8 });
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT article_id, file_name, format, source_url FROM article_imports').all()).toEqual([
      {
        article_id: '0190a1b2-c3d4-7e5f-8a9b-000000000001',
        file_name: 'ferry.html',
        format: 'html',
        source_url: 'https://example.org/story',
      },
    ]);
    db.prepare(RECORD).run('0190a1b2-c3d4-7e5f-8a9b-000000000002', '2026-01-01-tide', 'package');
    expect(() => db.prepare(RECORD).run('0190a1b2-c3d4-7e5f-8a9b-000000000002', 'x', 'pdf')).toThrow();
    expect(() => db.prepare("UPDATE article_imports SET file_name = 'other.html'").run()).toThrow(
      /import records cannot be changed/,
    );
    // The record still goes with its article.
    db.pragma('foreign_keys = ON');
    db.prepare('DELETE FROM articles WHERE id = ?').run('0190a1b2-c3d4-7e5f-8a9b-000000000002');
    expect(db.prepare('SELECT count(*) FROM article_imports').pluck().get()).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
