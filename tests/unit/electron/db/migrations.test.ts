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
import { getArticle, saveArticle, search } from '../../../../electron/services/articles';
import { findAuthors, updateAuthor } from '../../../../electron/services/authors';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { bodyFromParagraphs, joinNames } from '../../../../shared/text';
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

describe('migration 002 on a library written by version 1', () => {
  const ids = {
    ferry: '0190a1b2-c3d4-7e5f-8a9b-000000000001',
    fares: '0190a1b2-c3d4-7e5f-8a9b-000000000002',
    lighthouse: '0190a1b2-c3d4-7e5f-8a9b-000000000003',
    unsigned: '0190a1b2-c3d4-7e5f-8a9b-000000000004',
    joint: '0190a1b2-c3d4-7e5f-8a9b-000000000005',
  };
  type V1Article = { id: string; slug: string; headline: string; byline: string; text: string; trashed?: boolean };
  const v1Articles: V1Article[] = [
    {
      id: ids.ferry,
      slug: 'ferry',
      headline: 'Night ferry trial approved',
      byline: 'Maria Okafor',
      text: 'Crossings at night.',
    },
    // Typed with stray spaces, as version 1 kept them.
    {
      id: ids.fares,
      slug: 'fares',
      headline: 'Ferry fares frozen',
      byline: '  Maria Okafor ',
      text: 'Fares stay.',
      trashed: true,
    },
    { id: ids.lighthouse, slug: 'lighthouse', headline: 'Lighthouse reopens', byline: 'Omar Khan', text: 'On Friday.' },
    { id: ids.unsigned, slug: 'unsigned', headline: 'Tide tables', byline: '   ', text: 'High water at noon.' },
    {
      id: ids.joint,
      slug: 'joint',
      headline: 'Port strike ends',
      byline: 'Maria Okafor and Omar Khan',
      text: 'Cranes move.',
    },
  ];
  const V1_COLUMNS =
    'seq, id, slug, headline, dek, dateline, body_json, body_text, word_count, section, status, version, created_at, updated_at, trashed_at';

  /** A library file at schema version 1 holding `v1Articles`, each with a tag and a revision. */
  function version1Library(): string {
    const file = tmp.file();
    const db = new Database(file);
    migrate(db, { target: 1 });
    const insert = db.prepare(
      `INSERT INTO articles (id, slug, headline, dek, byline, dateline, body_json, body_text, word_count, section,
                             status, version, created_at, updated_at, trashed_at)
       VALUES (@id, @slug, @headline, 'A dek', @byline, 'PORT ELLIS', @bodyJson, @text, 3, 'Local', 'editing', 4,
               '2025-06-01T08:00:00.000Z', '2025-06-02T08:00:00.000Z', @trashedAt)`,
    );
    const tag = db.prepare("INSERT INTO article_tags (article_id, tag, position) VALUES (?, 'harbour', 0)");
    const revision = db.prepare(
      `INSERT INTO revisions (id, article_id, article_version, kind, headline, dek, byline, dateline, body_json,
                              body_text, section, tags_json, status, created_at)
       VALUES (?, ?, 1, 'created', ?, 'A dek', ?, 'PORT ELLIS', ?, ?, 'Local', '["harbour"]', 'draft',
               '2025-06-01T08:00:00.000Z')`,
    );
    v1Articles.forEach((article, n) => {
      const bodyJson = JSON.stringify(bodyFromParagraphs([article.text]));
      insert.run({ ...article, bodyJson, trashedAt: article.trashed === true ? '2025-06-03T08:00:00.000Z' : null });
      tag.run(article.id);
      revision.run(
        `0190a1b2-c3d4-7e5f-8a9b-10000000000${n}`,
        article.id,
        article.headline,
        article.byline,
        bodyJson,
        article.text,
      );
    });
    db.close();
    return file;
  }

  const snapshot = (db: Database.Database) => ({
    articles: db.prepare(`SELECT ${V1_COLUMNS} FROM articles ORDER BY seq`).all(),
    tags: db.prepare('SELECT * FROM article_tags ORDER BY article_id').all(),
    revisions: db
      .prepare(
        `SELECT id, article_id, article_version, kind, label, headline, dek, byline, dateline, body_json, body_text,
                section, tags_json, status, created_at FROM revisions ORDER BY id`,
      )
      .all(),
  });

  it('makes one author of each distinct byline and links it to its articles, keeping everything else', () => {
    const file = version1Library();
    const v1 = new Database(file);
    const before = snapshot(v1);
    v1.close();

    const host = LibraryHost.open(file);
    try {
      const lib = host.current;
      expect(schemaVersion(lib.db)).toBe(LATEST_SCHEMA_VERSION);
      expect(snapshot(lib.db)).toEqual(before);

      const authors = findAuthors(lib, '', 50);
      expect(authors.map((a) => [a.name, a.bio, a.articleCount])).toEqual([
        ['Maria Okafor', '', 2],
        ['Maria Okafor and Omar Khan', '', 1],
        ['Omar Khan', '', 1],
      ]);
      const bylineOf = (id: string) => getArticle(lib, id).authors.map((a) => a.name);
      expect(bylineOf(ids.ferry)).toEqual(['Maria Okafor']);
      expect(bylineOf(ids.fares)).toEqual(['Maria Okafor']);
      expect(getArticle(lib, ids.ferry).authors).toEqual(getArticle(lib, ids.fares).authors);
      expect(bylineOf(ids.lighthouse)).toEqual(['Omar Khan']);
      expect(bylineOf(ids.unsigned)).toEqual([]);
      expect(bylineOf(ids.joint)).toEqual(['Maria Okafor and Omar Khan']);

      for (const { id } of v1Articles) {
        const article = getArticle(lib, id);
        expect(article.byline, id).toBe(joinNames(article.authors.map((a) => a.name)));
        expect(article).toMatchObject({
          dateline: 'PORT ELLIS',
          datelineDate: '',
          leadImage: null,
          syndicationCredit: '',
          language: 'en',
          lengthTarget: null,
          slugLocked: false,
          tags: ['harbour'],
          version: 4,
          status: 'editing',
        });
      }
      expect(lib.db.prepare('SELECT DISTINCT fields_json FROM revisions').pluck().all()).toEqual(['{}']);
      expect(lib.db.prepare('SELECT count(*) FROM status_changes').pluck().get()).toBe(0);
    } finally {
      host.close();
    }
  });

  it('leaves the full-text index consistent and searchable, and the library editable', () => {
    const host = LibraryHost.open(version1Library());
    try {
      const lib = host.current;
      lib.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
      expect(search(lib, 'crossings', 10).hits.map((hit) => hit.id)).toEqual([ids.ferry]);
      expect(search(lib, 'fares', 10).hits).toEqual([]); // in the trash

      const saved = saveArticle(lib, ids.lighthouse, 4, { headline: 'Lighthouse reopens on Friday' });
      expect(saved).toMatchObject({ version: 5, byline: 'Omar Khan', slug: 'lighthouse' });
      const maria = findAuthors(lib, 'Maria Okafor', 1)[0];
      expect(maria?.name).toBe('Maria Okafor');
      updateAuthor(lib, maria?.id ?? '', 'Maria Okafor-Reyes', '');
      expect(getArticle(lib, ids.ferry).byline).toBe('Maria Okafor-Reyes');
      expect(getArticle(lib, ids.fares).byline).toBe('Maria Okafor-Reyes');
      lib.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
    } finally {
      host.close();
    }
  });

  it('migrates an empty library without making any author', () => {
    const db = new Database(':memory:');
    migrate(db, { target: 1 });
    expect(migrate(db, { target: 2 })).toEqual({ from: 1, to: 2 });
    expect(db.prepare('SELECT count(*) FROM authors').pluck().get()).toBe(0);
  });

  it('makes the status history and stored images immutable', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.exec(`
      INSERT INTO articles (id, slug, body_json, created_at, updated_at)
      VALUES ('${ids.ferry}', 's', '{}', 't', 't');
      INSERT INTO status_changes (id, article_id, from_status, to_status, changed_by, changed_at)
      VALUES ('0190a1b2-c3d4-7e5f-8a9b-200000000000', '${ids.ferry}', 'draft', 'editing', 'Amna Riaz', 't');
      INSERT INTO assets (id, sha256, mime_type, byte_length, width, height, original_name, bytes, created_at)
      VALUES ('0190a1b2-c3d4-7e5f-8a9b-300000000000', '${'a'.repeat(64)}', 'image/png', 3, 1, 1, 'x.png', x'010203', 't');
    `);
    for (const update of [
      "UPDATE status_changes SET changed_by = 'Someone else'",
      "UPDATE status_changes SET to_status = 'ready'",
    ]) {
      expect(() => db.exec(update), update).toThrow(/status history cannot be changed/);
    }
    for (const update of [
      "UPDATE assets SET bytes = x'040506'",
      `UPDATE assets SET sha256 = '${'b'.repeat(64)}'`,
      'UPDATE assets SET width = 640, height = 480',
      "UPDATE assets SET mime_type = 'image/svg+xml'",
    ]) {
      expect(() => db.exec(update), update).toThrow(/stored images cannot be changed/);
    }
    expect(db.prepare('SELECT changed_by FROM status_changes').pluck().get()).toBe('Amna Riaz');
    expect(db.prepare('SELECT width, mime_type FROM assets').get()).toEqual({ width: 1, mime_type: 'image/png' });
  });

  it('looks up the articles of an author and the status history of an article by index', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = (sql: string) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan("SELECT article_id FROM article_authors WHERE author_id = 'x'")).toMatch(
      /USING (COVERING )?INDEX article_authors_by_author/,
    );
    expect(plan("SELECT * FROM status_changes WHERE article_id = 'x' ORDER BY changed_at")).toMatch(
      /USING INDEX status_changes_by_article/,
    );
  });
});
