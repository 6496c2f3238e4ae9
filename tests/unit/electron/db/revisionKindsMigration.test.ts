import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { listRevisions } from '../../../../electron/services/revisions';
import { tempDir } from '../../../helpers/tempLibrary';

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

const ARTICLE = '0190a1b2-c3d4-7e5f-8a9b-000000000001';
const AT = '2026-01-01T00:00:00.000Z';
const EXPORT_LABEL = 'Exported by Amna Riaz as 2026-12-06-ferry.zip; checklist overridden: byline (“Desk copy.”)';

/** The versions a library at schema 12 holds, oldest first: [id's last digits, kind, label, status]. */
const KEPT: readonly (readonly [string, string, string, string])[] = [
  ['9', 'created', '', 'draft'],
  ['8', 'auto', '', 'draft'],
  ['7', 'auto', 'On leaving the story', 'draft'],
  ['6', 'auto', 'After 10 minutes of editing', 'draft'],
  ['5', 'status', 'Status: fact-check', 'fact-check'],
  ['4', 'manual', 'Exported draft, for legal', 'fact-check'],
  ['3', 'manual', 'Exported as 2026-12-06-ferry', 'fact-check'],
  ['2', 'manual', EXPORT_LABEL, 'exported'],
  ['1', 'restore', 'Before restoring the version of 2026-01-01 00:00 UTC', 'exported'],
];

const idOf = (digit: string) => `0190a1b2-c3d4-7e5f-8a9b-00000000010${digit}`;

/**
 * A library at schema 12 with one article and a version of every kind, all kept in the same
 * millisecond: only the order they were stored in tells them apart, as in a fast import.
 */
function libraryAt12(): Database.Database {
  const db = new Database(tmp.file());
  migrate(db, { target: 12 });
  db.prepare(
    `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
     VALUES (?, 'ferry', 'Ferry', '{"root":{"type":"root","version":1,"children":[]}}', '', ?, ?)`,
  ).run(ARTICLE, AT, AT);
  const insert = db.prepare(
    `INSERT INTO revisions (id, article_id, article_version, kind, label, headline, dek, byline, dateline, body_json,
                            body_text, section, tags_json, status, created_at, fields_json, created_by)
     VALUES (?, ?, ?, ?, ?, 'Ferry', '', '', '', '{"root":{"type":"root","version":1,"children":[]}}',
             'Ferry', '', '[]', ?, ?, '{}', 'Amna Riaz')`,
  );
  KEPT.forEach(([digit, kind, label, status], index) =>
    insert.run(idOf(digit), ARTICLE, index + 1, kind, label, status, AT),
  );
  return db;
}

describe('migration 13: what a version is, kept as data', () => {
  it('reads each version’s kind and reason from its label once, and keeps every label as written', () => {
    const db = libraryAt12();
    expect(() =>
      db
        .prepare(
          `INSERT INTO revisions (id, article_id, article_version, kind, headline, dek, byline, dateline, body_json,
                                  body_text, section, tags_json, status, created_at)
           VALUES (?, ?, 1, 'export', '', '', '', '', '{}', '', '', '[]', 'draft', ?)`,
        )
        .run(idOf('0'), ARTICLE, AT),
    ).toThrow(/CHECK constraint failed/);

    migrate(db, { target: 13 });
    expect(db.pragma('user_version', { simple: true })).toBe(13);
    expect(db.prepare('SELECT id, kind, reason, label FROM revisions ORDER BY rowid').all()).toEqual([
      { id: idOf('9'), kind: 'created', reason: '', label: '' },
      { id: idOf('8'), kind: 'auto', reason: '', label: '' },
      { id: idOf('7'), kind: 'auto', reason: 'session-end', label: 'On leaving the story' },
      { id: idOf('6'), kind: 'auto', reason: 'editing', label: 'After 10 minutes of editing' },
      { id: idOf('5'), kind: 'status', reason: '', label: 'Status: fact-check' },
      // A person's own label that starts with the word is not an export.
      { id: idOf('4'), kind: 'manual', reason: '', label: 'Exported draft, for legal' },
      { id: idOf('3'), kind: 'export', reason: '', label: 'Exported as 2026-12-06-ferry' },
      { id: idOf('2'), kind: 'export', reason: '', label: EXPORT_LABEL },
      { id: idOf('1'), kind: 'restore', reason: '', label: 'Before restoring the version of 2026-01-01 00:00 UTC' },
    ]);
    // Everything else a version kept is there as it was.
    expect(
      db.prepare("SELECT count(*) FROM revisions WHERE created_by = 'Amna Riaz' AND body_text = 'Ferry'").pluck().get(),
    ).toBe(KEPT.length);
    db.close();
  });

  it('keeps versions unchangeable, a reason only on an automatic one, and the article’s history on its index', () => {
    const db = libraryAt12();
    migrate(db, { target: 13 });
    db.pragma('foreign_keys = ON');
    expect(() => db.prepare("UPDATE revisions SET kind = 'manual'").run()).toThrow(/revisions cannot be changed/);
    const insert = db.prepare(
      `INSERT INTO revisions (id, article_id, article_version, kind, reason, headline, dek, byline, dateline, body_json,
                              body_text, section, tags_json, status, created_at)
       VALUES (?, ?, 1, ?, ?, '', '', '', '', '{}', '', '', '[]', 'draft', ?)`,
    );
    expect(() => insert.run(idOf('0'), ARTICLE, 'manual', 'editing', AT)).toThrow(/CHECK constraint failed/);
    expect(() => insert.run(idOf('0'), ARTICLE, 'auto', 'lunch', AT)).toThrow(/CHECK constraint failed/);
    insert.run(idOf('0'), ARTICLE, 'export', '', AT);

    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT * FROM revisions WHERE article_id = ? ORDER BY created_at DESC, rowid DESC')
      .all(ARTICLE) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(/USING INDEX revisions_by_article/);

    db.prepare('DELETE FROM articles WHERE id = ?').run(ARTICLE);
    expect(db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });

  it('lists the versions in History as before, newest first, each with its kind and the status it kept', () => {
    libraryAt12().close();
    const host = LibraryHost.open(tmp.file());
    try {
      const listed = listRevisions(host.current, ARTICLE);
      expect(listed.map((revision) => [revision.id, revision.kind, revision.label, revision.status])).toEqual([
        [idOf('1'), 'restore', 'Before restoring the version of 2026-01-01 00:00 UTC', 'exported'],
        // An export's checklist item is put in words as History reads it.
        [idOf('2'), 'export', EXPORT_LABEL.replace('byline (', 'the missing byline ('), 'exported'],
        [idOf('3'), 'export', 'Exported as 2026-12-06-ferry', 'fact-check'],
        [idOf('4'), 'manual', 'Exported draft, for legal', 'fact-check'],
        [idOf('5'), 'status', 'Status: fact-check', 'fact-check'],
        [idOf('6'), 'auto', 'After 10 minutes of editing', 'draft'],
        [idOf('7'), 'auto', 'On leaving the story', 'draft'],
        [idOf('8'), 'auto', '', 'draft'],
        [idOf('9'), 'created', '', 'draft'],
      ]);
    } finally {
      host.close();
    }
  });
});
