import fs from 'node:fs';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { openDatabase } from '../../../../electron/db/connection';
import {
  APPLICATION_ID,
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
  migrate,
  schemaVersion,
} from '../../../../electron/db/migrations';
import type { Migration } from '../../../../electron/db/migrations/types';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

describe('opening a library', () => {
  it('creates a new library with WAL, foreign keys, a busy timeout and the latest schema', () => {
    const db = openDatabase(tmp.file());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(1000);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
  });

  it('creates missing parent folders', () => {
    const db = openDatabase(tmp.file('a/b/c/library.sqlite3'));
    expect(fs.existsSync(tmp.file('a/b/c/library.sqlite3'))).toBe(true);
    db.close();
  });

  it('refuses a library written by a newer Copydesk and leaves the file byte-for-byte unchanged', () => {
    const file = tmp.file();
    const future = new Database(file);
    future.pragma(`application_id = ${APPLICATION_ID}`);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    future.close();
    const before = fs.readFileSync(file);

    expect(() => openDatabase(file)).toThrow(/written by a newer Copydesk.*has not been changed/s);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file that is not a SQLite database without changing it', () => {
    const file = tmp.file('notes.sqlite3');
    fs.writeFileSync(file, 'Meeting notes, not a database.\n'.repeat(200));
    const before = fs.readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/not a Copydesk library \(it is not a SQLite database\)/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("refuses another program's SQLite database", () => {
    const file = tmp.file('other.db');
    const other = new Database(file);
    other.exec('CREATE TABLE customers (name TEXT)');
    other.close();
    expect(() => openDatabase(file)).toThrow(/another program, not a Copydesk library/);
    const reopened = new Database(file);
    expect(schemaVersion(reopened)).toBe(0);
    expect(reopened.pragma('journal_mode', { simple: true })).toBe('delete');
    reopened.close();
  });

  it('refuses a folder with a message naming a file to use instead', () => {
    expect(() => openDatabase(tmp.dir)).toThrow(/is a folder/);
  });

  it('says clearly when the library cannot be created', () => {
    const blocker = tmp.file('not-a-folder');
    fs.writeFileSync(blocker, 'x');
    expect(() => openDatabase(`${blocker}/library.sqlite3`)).toThrow(/cannot open or create the library/);
  });

  it('reports a damaged library instead of opening it', () => {
    const file = tmp.file();
    openDatabase(file).close();
    const bytes = fs.readFileSync(file);
    bytes.fill(0x5a, 0, 100); // the header is gone
    fs.writeFileSync(file, bytes);
    expect(() => openDatabase(file)).toThrow(/not a Copydesk library|damaged/);
  });
});

describe('migrations', () => {
  it('are numbered from 1 without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('001 creates articles, tags, revisions and an FTS index kept in step by triggers', () => {
    const db = new Database(':memory:');
    migrate(db, { target: 1 });
    expect(schemaVersion(db)).toBe(1);
    db.prepare(
      `INSERT INTO articles (id, slug, headline, dek, body_json, body_text, created_at, updated_at)
       VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 'ferry', 'Night ferry', 'A trial', '{}', 'crossings at night', 't', 't')`,
    ).run();
    const hit = () =>
      db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'crossings'").pluck().get();
    expect(hit()).toBe(1);
    db.prepare("UPDATE articles SET body_text = 'daytime only' WHERE slug = 'ferry'").run();
    expect(hit()).toBe(0);
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'daytime'").pluck().get()).toBe(1);
    db.prepare("DELETE FROM articles WHERE slug = 'ferry'").run();
    expect(db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'daytime'").pluck().get()).toBe(0);
    db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
  });

  it('001 keeps revisions immutable', () => {
    const db = new Database(':memory:');
    migrate(db, { target: 1 });
    db.exec(`
      INSERT INTO articles (id, slug, body_json, created_at, updated_at)
      VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 's', '{}', 't', 't');
      INSERT INTO revisions (id, article_id, article_version, kind, headline, dek, byline, dateline, body_json,
                             body_text, section, tags_json, status, created_at)
      VALUES ('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', 1, 'created',
              'h', '', '', '', '{}', '', '', '[]', 'draft', 't');
    `);
    expect(() => db.exec("UPDATE revisions SET headline = 'rewritten'")).toThrow(/revisions cannot be changed/);
  });

  it('a failing migration rolls back entirely and leaves the version where it was', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken: Migration = {
      version: LATEST_SCHEMA_VERSION + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('power cut');
      },
    };
    expect(() => migrate(db, { migrations: [...MIGRATIONS, broken] })).toThrow(/power cut/);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
  });
});
