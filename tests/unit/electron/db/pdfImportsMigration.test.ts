import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { getArticle } from '../../../../electron/db/queries/articles';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const SEED = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
const PICTURED = '0190a1b2-c3d4-7e5f-8a9b-000000000002';
const PLAIN = '0190a1b2-c3d4-7e5f-8a9b-000000000003';

const RECORD = `INSERT INTO article_imports (article_id, file_name, format, lead_image_credit, imported_at)
  VALUES (?, ?, ?, ?, '2026-01-01T00:00:00.000Z')`;

function libraryAt9(): Database.Database {
  const db = new Database(tmp.file());
  migrate(db, { target: 9 });
  const insert = db.prepare(
    `INSERT INTO articles (id, slug, headline, body_json, body_text, lead_image_credit, created_at, updated_at)
     VALUES (?, ?, ?, '{"root":{"type":"root","version":1,"children":[]}}', '', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  insert.run(SEED, 'talks', 'Talks', '');
  insert.run(PICTURED, 'ferry', 'Ferry', '');
  insert.run(PLAIN, 'tide', 'Tide', '');
  db.prepare(
    `INSERT INTO assets (id, sha256, mime_type, byte_length, width, height, original_name, bytes, created_at)
     VALUES ('0190a1b2-c3d4-7e5f-8a9b-0000000000aa', ?, 'image/png', 1, 1, 1, 'p.png', x'00', '2026-01-01T00:00:00.000Z')`,
  ).run('a'.repeat(64));
  db.prepare(
    "UPDATE articles SET lead_image_id = '0190a1b2-c3d4-7e5f-8a9b-0000000000aa', lead_image_credit = 'AP' WHERE id = ?",
  ).run(PICTURED);
  db.prepare(RECORD).run(SEED, 'seed-article.txt', 'text', 'MOFA Pakistan');
  db.prepare(RECORD).run(PICTURED, 'ferry.json', 'ninjs', 'Reuters');
  return db;
}

describe('migration 11: PDF imports, a lead image credit kept on the article, names read again', () => {
  it('keeps every import record and accepts PDFs, moves a credit kept only in the record onto its article, and queues every article', () => {
    const db = libraryAt9();
    expect(() => db.prepare(RECORD).run(PLAIN, 'x.pdf', 'pdf', '')).toThrow(/CHECK constraint failed/);
    db.prepare(RECORD).run(PLAIN, 'tide.txt', 'text', '');
    db.exec('DELETE FROM related_pending');

    migrate(db, { target: 11 });
    expect(db.pragma('user_version', { simple: true })).toBe(11);
    expect(
      db.prepare('SELECT article_id, format, lead_image_credit FROM article_imports ORDER BY article_id').all(),
    ).toEqual([
      { article_id: SEED, format: 'text', lead_image_credit: 'MOFA Pakistan' },
      { article_id: PICTURED, format: 'ninjs', lead_image_credit: 'Reuters' },
      { article_id: PLAIN, format: 'text', lead_image_credit: '' },
    ]);
    // The article without a picture now carries its credit; one with a picture keeps its own.
    expect(getArticle(db, SEED)).toMatchObject({ leadImage: null, leadImageCredit: 'MOFA Pakistan' });
    expect(getArticle(db, PICTURED)).toMatchObject({ leadImage: { credit: 'AP' }, leadImageCredit: '' });
    expect(getArticle(db, PLAIN)).toMatchObject({ leadImage: null, leadImageCredit: '' });

    db.prepare('DELETE FROM article_imports WHERE article_id = ?').run(PLAIN);
    db.prepare(RECORD).run(PLAIN, 'release.pdf', 'pdf', '');
    expect(() => db.prepare("UPDATE article_imports SET file_name = 'other.pdf'").run()).toThrow(
      /import records cannot be changed/,
    );
    expect(db.prepare('SELECT count(*) FROM related_pending').pluck().get()).toBe(3);
    db.close();
  });
});
