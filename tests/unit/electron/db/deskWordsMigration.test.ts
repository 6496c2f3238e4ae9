import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { addDeskWord, listDeskWords } from '../../../../electron/services/deskWords';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { tempDir } from '../../../helpers/tempLibrary';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ARTICLE = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
const AT = '2026-01-01T00:00:00.000Z';

/** A library at schema 17, made before desks kept words of their own, with one story. */
function libraryAt17(file: string): void {
  const db = new Database(file);
  migrate(db, { target: 17 });
  db.prepare(
    `INSERT INTO articles (id, slug, headline, byline, body_json, body_text, created_at, updated_at)
     VALUES (?, 'night-ferry', 'Night ferry trial approved', 'Amna Riaz', '{}', 'Okafor approved the trial.', ?, ?)`,
  ).run(ARTICLE, AT, AT);
  db.close();
}

describe('migration 18: the desk’s words', () => {
  it('keeps the library as it was, with no desk words yet', () => {
    const file = tmp.file('kept.sqlite3');
    libraryAt17(file);
    const db = new Database(file);
    migrate(db, { target: 18 });
    expect(db.pragma('user_version', { simple: true })).toBe(18);
    expect(db.prepare('SELECT id, headline FROM articles').all()).toEqual([
      { id: ARTICLE, headline: 'Night ferry trial approved' },
    ]);
    expect(db.prepare('SELECT count(*) FROM desk_words').pluck().get()).toBe(0);
    db.close();
  });

  it('holds each word once, as written: a name and its lower case are two words', () => {
    const db = new Database(tmp.file('constraints.sqlite3'));
    migrate(db, { target: 18 });
    const insert = db.prepare('INSERT INTO desk_words (word, added_by, added_at) VALUES (?, ?, ?)');
    insert.run('Okafor', 'Amna Riaz', AT);
    insert.run('okafor', 'Amna Riaz', AT);
    expect(() => insert.run('Okafor', 'Ed Editor', AT)).toThrow(/UNIQUE constraint failed/);
    expect(() => insert.run('', 'Ed Editor', AT)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run('Okafor', null, AT)).toThrow(/NOT NULL constraint failed/);
    db.close();
  });

  it('lets a library made before it keep words once opened', () => {
    const file = tmp.file('newsroom.sqlite3');
    libraryAt17(file);
    const host = LibraryHost.open(file);
    try {
      expect(listDeskWords(host.current)).toEqual([]);
      expect(addDeskWord(host.current, 'Okafor', 'Amna Riaz', new Date(AT))).toEqual(['Okafor']);
      expect(host.current.db.prepare('SELECT word, added_by, added_at FROM desk_words').all()).toEqual([
        { word: 'Okafor', added_by: 'Amna Riaz', added_at: AT },
      ]);
    } finally {
      host.close();
    }
  });
});
