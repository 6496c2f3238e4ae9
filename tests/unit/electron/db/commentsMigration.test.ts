import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { listThreads, startThread } from '../../../../electron/services/comments';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { bodyFromParagraphs } from '../../../../shared/text';
import { tempDir } from '../../../helpers/tempLibrary';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ARTICLE = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
const THREAD = '0190a1b2-c3d4-7e5f-8a9b-00000000c001';
const AT = '2026-01-01T00:00:00.000Z';

/** A library at schema 19, made before stories had comments, with one story. */
function libraryAt19(file: string): void {
  const db = new Database(file);
  migrate(db, { target: 19 });
  db.prepare(
    `INSERT INTO articles (id, slug, headline, byline, body_json, body_text, created_at, updated_at)
     VALUES (?, 'night-ferry', 'Night ferry trial approved', 'Amna Riaz', ?, 'The council approved the trial.', ?, ?)`,
  ).run(ARTICLE, JSON.stringify(bodyFromParagraphs(['The council approved the trial.'])), AT, AT);
  db.close();
}

/** A library at schema 20 in memory, with foreign keys on as Copydesk opens them, one story and one thread. */
function withThread(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, { target: 20 });
  db.prepare(`INSERT INTO articles (id, slug, body_json, created_at, updated_at) VALUES (?, 'ferry', '{}', ?, ?)`).run(
    ARTICLE,
    AT,
    AT,
  );
  db.prepare(
    "INSERT INTO comment_threads (id, article_id, quote, created_at, quoted_at) VALUES (?, ?, 'the trial', ?, ?)",
  ).run(THREAD, ARTICLE, AT, AT);
  return db;
}

const entry = (db: Database.Database) =>
  db.prepare(
    'INSERT INTO comment_entries (thread_id, seq, kind, author, text, mentions, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );

describe('migration 20: comments', () => {
  it('keeps the library as it was, with no comments yet', () => {
    const file = tmp.file('kept.sqlite3');
    libraryAt19(file);
    const db = new Database(file);
    migrate(db, { target: 20 });
    expect(db.pragma('user_version', { simple: true })).toBe(20);
    expect(db.prepare('SELECT id, headline FROM articles').all()).toEqual([
      { id: ARTICLE, headline: 'Night ferry trial approved' },
    ]);
    expect(db.prepare('SELECT count(*) FROM comment_threads').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM comment_entries').pluck().get()).toBe(0);
    db.close();
  });

  it('holds entries of a known kind, in order, with words only for a comment, within 5,000 characters', () => {
    const db = withThread();
    const insert = entry(db);
    insert.run(THREAD, 1, 'comment', 'Amna Riaz', 'Six months?', '["Rita Okafor"]', AT);
    insert.run(THREAD, 2, 'resolved', 'Rita Okafor', '', '[]', AT);
    insert.run(THREAD, 3, 'comment', 'Amna Riaz', 'x'.repeat(5000), '[]', AT);
    expect(() => insert.run(THREAD, 3, 'comment', 'Amna Riaz', 'Again', '[]', AT)).toThrow(/UNIQUE constraint/);
    expect(() => insert.run(THREAD, 0, 'comment', 'Amna Riaz', 'Zero', '[]', AT)).toThrow(/CHECK constraint/);
    expect(() => insert.run(THREAD, 4, 'deleted', 'Amna Riaz', '', '[]', AT)).toThrow(/CHECK constraint/);
    expect(() => insert.run(THREAD, 4, 'comment', 'Amna Riaz', '', '[]', AT)).toThrow(/CHECK constraint/);
    expect(() => insert.run(THREAD, 4, 'comment', 'Amna Riaz', 'x'.repeat(5001), '[]', AT)).toThrow(/CHECK constraint/);
    expect(() => insert.run(THREAD, 4, 'resolved', 'Amna Riaz', 'Done', '[]', AT)).toThrow(/CHECK constraint/);
    expect(() => insert.run(THREAD, 4, 'comment', 'Amna Riaz', 'Hi', 'Rita Okafor', AT)).toThrow(/CHECK constraint/);
    expect(() => insert.run(THREAD, 4, 'comment', 'Amna Riaz', 'Hi', '{}', AT)).toThrow(/CHECK constraint/);
    expect(() => insert.run(THREAD, 4, 'reopened', 'Amna Riaz', '', '["Rita"]', AT)).toThrow(/CHECK constraint/);
    expect(() => insert.run(ARTICLE, 4, 'comment', 'Amna Riaz', 'Hi', '[]', AT)).toThrow(/FOREIGN KEY constraint/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO comment_threads (id, article_id, anchored, created_at, quoted_at) VALUES (?, ?, 2, '', '')",
        )
        .run('0190a1b2-c3d4-7e5f-8a9b-00000000c002', ARTICLE),
    ).toThrow(/CHECK constraint/);
  });

  it('never changes or takes out an entry, but lets a deleted story take its comments with it', () => {
    const db = withThread();
    entry(db).run(THREAD, 1, 'comment', 'Amna Riaz', 'Six months?', '[]', AT);
    expect(() => db.exec("UPDATE comment_entries SET text = 'Rewritten'")).toThrow(/comments cannot be changed/);
    expect(() => db.exec('DELETE FROM comment_entries')).toThrow(/comments cannot be deleted/);
    db.exec(`DELETE FROM articles WHERE id = '${ARTICLE}'`);
    expect(db.prepare('SELECT count(*) FROM comment_threads').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM comment_entries').pluck().get()).toBe(0);
  });

  it('lists a story’s threads and finds the comments naming someone by index', () => {
    const db = withThread();
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan("SELECT * FROM comment_threads WHERE article_id = 'x' ORDER BY created_at")).toMatch(
      /USING INDEX comment_threads_by_article/,
    );
    expect(plan("SELECT * FROM comment_entries WHERE mentions <> '[]' ORDER BY at DESC")).toMatch(
      /USING INDEX comment_entries_with_mentions/,
    );
  });

  it('lets a library made before it take comments once opened', () => {
    const file = tmp.file('newsroom.sqlite3');
    libraryAt19(file);
    const host = LibraryHost.open(file);
    try {
      const thread = startThread(
        host.current,
        { articleId: ARTICLE, threadId: THREAD, quote: 'the trial', text: 'Which trial?' },
        { userName: 'Amna Riaz', clock: () => new Date(AT) },
      );
      expect(thread).toMatchObject({ quote: 'the trial', anchored: true, author: 'Amna Riaz' });
      expect(listThreads(host.current, ARTICLE)).toEqual([thread]);
    } finally {
      host.close();
    }
  });
});
