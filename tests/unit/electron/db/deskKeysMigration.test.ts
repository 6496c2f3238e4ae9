import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { exportArticle } from '../../../../electron/export/exportArticle';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { ManifestSchema } from '../../../../shared/exports';
import { tempDir } from '../../../helpers/tempLibrary';

// Each test has a library file of its own in this folder.
const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ARTICLE = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
const AT = '2026-01-01T00:00:00.000Z';
const BODY = JSON.stringify({
  root: {
    type: 'root',
    version: 1,
    children: [
      {
        type: 'paragraph',
        version: 1,
        children: [{ type: 'text', version: 1, text: 'The council approved the trial.' }],
      },
    ],
  },
});

/** A library at schema 16, made before desks signed packages, with one story ready to go. */
function libraryAt16(file: string): void {
  const db = new Database(file);
  migrate(db, { target: 16 });
  db.prepare(
    `INSERT INTO articles (id, slug, headline, byline, body_json, body_text, created_at, updated_at)
     VALUES (?, 'night-ferry', 'Night ferry trial approved', 'Amna Riaz', ?, 'The council approved the trial.', ?, ?)`,
  ).run(ARTICLE, BODY, AT, AT);
  db.close();
}

describe('migration 17: the desk’s signing key and the desks it trusts', () => {
  it('keeps the library as it was, with no key until its first export', () => {
    const file = tmp.file('kept.sqlite3');
    libraryAt16(file);
    const db = new Database(file);
    migrate(db, { target: 17 });
    expect(db.pragma('user_version', { simple: true })).toBe(17);
    expect(db.prepare('SELECT id, headline FROM articles').all()).toEqual([
      { id: ARTICLE, headline: 'Night ferry trial approved' },
    ]);
    expect(db.prepare('SELECT count(*) FROM desk_signing_key').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM trusted_desks').pluck().get()).toBe(0);
    db.close();
  });

  it('holds one key of its own, and trusted keys of 32 bytes under names unique in any case', () => {
    const db = new Database(tmp.file('constraints.sqlite3'));
    migrate(db, { target: 17 });
    const key = (byte: number) => Buffer.alloc(32, byte);
    const insertOwn = db.prepare(
      `INSERT INTO desk_signing_key (id, desk_name, public_key, private_key, created_at) VALUES (?, 'desk', ?, x'00', ?)`,
    );
    insertOwn.run(1, key(1), AT);
    expect(() => insertOwn.run(2, key(2), AT)).toThrow(/CHECK constraint failed/);
    expect(() => insertOwn.run(1, key(2), AT)).toThrow(/UNIQUE constraint failed/);

    const trust = db.prepare('INSERT INTO trusted_desks (name, public_key, added_at) VALUES (?, ?, ?)');
    trust.run('Harbour Gazette', key(3), AT);
    expect(() => trust.run('harbour gazette', key(4), AT)).toThrow(/UNIQUE constraint failed/);
    expect(() => trust.run('The Gazette', key(3), AT)).toThrow(/UNIQUE constraint failed/);
    expect(() => trust.run('Wire', Buffer.alloc(31), AT)).toThrow(/CHECK constraint failed/);
    db.close();
  });

  it('gives a library made before its key on its first export, under the library’s name', () => {
    const file = tmp.file('newsroom.sqlite3');
    libraryAt16(file);
    const host = LibraryHost.open(file);
    try {
      const result = exportArticle(
        host.current,
        { articleId: ARTICLE, folder: tmp.dir, zip: false, overrides: [] },
        { appVersion: '0.1.0' },
      );
      expect(result.signedBy.desk).toBe('newsroom');
      const manifest = ManifestSchema.parse(
        JSON.parse(fs.readFileSync(path.join(result.path, 'manifest.json'), 'utf8')),
      );
      expect(manifest.signature).toMatchObject({ desk: 'newsroom', fingerprint: result.signedBy.fingerprint });
    } finally {
      host.close();
    }
  });
});
