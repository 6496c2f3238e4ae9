import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../../../electron/db/connection';
import { MIGRATIONS, migrate, schemaVersion } from '../../../../electron/db/migrations';
import { contentHash } from '../../../../electron/db/contentHash';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

describe('migration 3: import provenance', () => {
  it('gives every existing article its content hash and creates the import record table', () => {
    const file = tmp.file();
    const db = new Database(file);
    migrate(db, { target: 2 });
    const insert = db.prepare(
      `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
       VALUES (?, ?, ?, '{"root":{"type":"root","children":[]}}', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    for (let i = 0; i < 1200; i += 1) {
      insert.run(
        `0190a1b2-c3d4-7e5f-8a9b-${String(i).padStart(12, '0')}`,
        `story-${i}`,
        `Story ${i}`,
        `Text  of\n${i}`,
      );
    }
    db.close();

    const migrated = openDatabase(file);
    expect(schemaVersion(migrated)).toBe(MIGRATIONS[MIGRATIONS.length - 1]?.version);
    const rows = migrated.prepare('SELECT headline, body_text, content_hash FROM articles').all() as {
      headline: string;
      body_text: string;
      content_hash: string;
    }[];
    expect(rows).toHaveLength(1200);
    for (const row of rows) expect(row.content_hash).toBe(contentHash(row.headline, row.body_text));
    const plan = migrated.prepare('EXPLAIN QUERY PLAN SELECT id FROM articles WHERE content_hash = ?').all('x') as {
      detail: string;
    }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(/articles_by_content_hash/);
    migrated.close();
  });

  it('keeps import records as they were written', () => {
    const db = openDatabase(tmp.file());
    db.prepare(
      `INSERT INTO articles (id, slug, body_json, created_at, updated_at)
       VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 's', '{}', 'now', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO article_imports (article_id, file_name, format, imported_at)
       VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'a.txt', 'text', 'now')`,
    ).run();
    expect(() => db.prepare("UPDATE article_imports SET file_name = 'b.txt'").run()).toThrow(
      'import records cannot be changed',
    );
    expect(() =>
      db
        .prepare(
          `INSERT INTO article_imports (article_id, file_name, format, imported_at)
           VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'a.pdf', 'pdf', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed|UNIQUE/);
    db.close();
  });
});
