import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { getArticle, listArticles } from '../../../../electron/services/articles';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { assignArticle, workflowHistory } from '../../../../electron/services/workflow';
import { tempDir } from '../../../helpers/tempLibrary';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const AT = '2026-01-01T00:00:00.000Z';
const LATER = '2026-01-02T00:00:00.000Z';
const BODY = '{"root":{"type":"root","version":1,"children":[]}}';
const id = (n: number) => `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;

/**
 * A library at schema 20, made before stories had owners: one whose first version was signed,
 * one whose first version was not but whose first status change was, one never signed, one
 * whose first version was signed with a name no owner can have, and one in the trash.
 */
function libraryAt20(file: string): void {
  const db = new Database(file);
  migrate(db, { target: 20 });
  const article = db.prepare(
    `INSERT INTO articles (id, slug, headline, body_json, status, created_at, updated_at, trashed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const version = db.prepare(
    `INSERT INTO revisions (id, article_id, article_version, kind, headline, dek, byline, dateline, body_json,
                            body_text, section, tags_json, status, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, '', '', '', ?, '', '', '[]', 'draft', ?, ?)`,
  );
  const statusChange = db.prepare(
    `INSERT INTO status_changes (id, article_id, from_status, to_status, changed_by, changed_at)
     VALUES (?, ?, 'draft', 'editing', ?, ?)`,
  );
  const stories = [
    { n: 1, headline: 'Night ferry', firstSigner: 'Amna Riaz', statusSigner: 'Ed Park' },
    { n: 2, headline: 'Budget vote', firstSigner: '', statusSigner: 'Omar Khan' },
    { n: 3, headline: 'Anthem contest', firstSigner: '', statusSigner: '' },
    { n: 4, headline: 'Harbour dredging', firstSigner: 'x'.repeat(150), statusSigner: '' },
    { n: 5, headline: 'Ferry fares', firstSigner: 'Rita Okafor', statusSigner: '', trashed: true },
  ];
  for (const story of stories) {
    const status = story.statusSigner === '' ? 'draft' : 'editing';
    article.run(id(story.n), `story-${story.n}`, story.headline, BODY, status, AT, LATER, story.trashed ? LATER : null);
    version.run(id(100 + story.n), id(story.n), 1, 'created', story.headline, BODY, AT, story.firstSigner);
    // A later version signed by someone else does not make them the owner.
    version.run(id(200 + story.n), id(story.n), 2, 'auto', story.headline, BODY, LATER, 'Someone Later');
    if (story.statusSigner !== '') statusChange.run(id(300 + story.n), id(story.n), story.statusSigner, LATER);
  }
  db.close();
}

describe('migration 21: owners, assignments and the workflow history', () => {
  it('keeps every story, owned by the signer of its first version or else of its first status change', () => {
    const file = tmp.file('kept.sqlite3');
    libraryAt20(file);
    const db = new Database(file);
    migrate(db, { target: 21 });
    expect(db.pragma('user_version', { simple: true })).toBe(21);
    expect(
      db
        .prepare(
          'SELECT headline, status, owner, assignee, assigned_step, others_suggest, trashed_at FROM articles ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        headline: 'Night ferry',
        status: 'editing',
        owner: 'Amna Riaz',
        assignee: '',
        assigned_step: null,
        others_suggest: 0,
        trashed_at: null,
      },
      {
        headline: 'Budget vote',
        status: 'editing',
        owner: 'Omar Khan',
        assignee: '',
        assigned_step: null,
        others_suggest: 0,
        trashed_at: null,
      },
      {
        headline: 'Anthem contest',
        status: 'draft',
        owner: '',
        assignee: '',
        assigned_step: null,
        others_suggest: 0,
        trashed_at: null,
      },
      {
        headline: 'Harbour dredging',
        status: 'draft',
        owner: '',
        assignee: '',
        assigned_step: null,
        others_suggest: 0,
        trashed_at: null,
      },
      {
        headline: 'Ferry fares',
        status: 'draft',
        owner: 'Rita Okafor',
        assignee: '',
        assigned_step: null,
        others_suggest: 0,
        trashed_at: LATER,
      },
    ]);
    expect(db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(10);
    expect(db.prepare('SELECT count(*) FROM workflow_changes').pluck().get()).toBe(0);
    db.close();
  });

  it('holds an assignment only with its step, and an owner or assignee of at most 100 characters', () => {
    const db = new Database(':memory:');
    migrate(db);
    db.prepare(`INSERT INTO articles (id, slug, body_json, created_at, updated_at) VALUES (?, 'ferry', ?, ?, ?)`).run(
      id(1),
      BODY,
      AT,
      AT,
    );
    const assign = db.prepare('UPDATE articles SET assignee = ?, assigned_step = ? WHERE id = ?');
    assign.run('Rita Okafor', 'fact-check', id(1));
    expect(() => assign.run('Rita Okafor', null, id(1))).toThrow(/CHECK constraint/);
    expect(() => assign.run('', 'review', id(1))).toThrow(/CHECK constraint/);
    expect(() => assign.run('Rita Okafor', 'proofreading', id(1))).toThrow(/CHECK constraint/);
    expect(() => assign.run('x'.repeat(101), 'review', id(1))).toThrow(/CHECK constraint/);
    expect(() => assign.run(' Rita ', 'review', id(1))).toThrow(/CHECK constraint/);
    expect(() => db.prepare('UPDATE articles SET owner = ?').run('x'.repeat(101))).toThrow(/CHECK constraint/);
    expect(() => db.prepare('UPDATE articles SET others_suggest = 2').run()).toThrow(/CHECK constraint/);

    const change = db.prepare(
      `INSERT INTO workflow_changes (id, article_id, kind, from_name, to_name, step, changed_by, changed_at)
       VALUES (?, ?, ?, ?, ?, ?, 'Ed Park', ?)`,
    );
    change.run(id(2), id(1), 'assignment', '', 'Rita Okafor', 'fact-check', AT);
    change.run(id(3), id(1), 'assignment', 'Rita Okafor', '', null, AT);
    change.run(id(4), id(1), 'owner', '', 'Ed Park', null, AT);
    expect(() => change.run(id(5), id(1), 'assignment', '', 'Rita Okafor', null, AT)).toThrow(/CHECK constraint/);
    expect(() => change.run(id(5), id(1), 'owner', 'Ed Park', '', null, AT)).toThrow(/CHECK constraint/);
    expect(() => change.run(id(5), id(1), 'owner', '', 'Ed Park', 'review', AT)).toThrow(/CHECK constraint/);
    expect(() => change.run(id(5), id(1), 'status', 'draft', 'editing', null, AT)).toThrow(/CHECK constraint/);
    db.close();
  });

  it('never changes or takes out an entry of the history, but lets a deleted story take its entries with it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db);
    db.prepare(`INSERT INTO articles (id, slug, body_json, created_at, updated_at) VALUES (?, 'ferry', ?, ?, ?)`).run(
      id(1),
      BODY,
      AT,
      AT,
    );
    db.prepare(
      `INSERT INTO workflow_changes (id, article_id, kind, from_name, to_name, step, changed_by, changed_at)
       VALUES (?, ?, 'assignment', '', 'Rita Okafor', 'editing', 'Ed Park', ?)`,
    ).run(id(2), id(1), AT);
    expect(() => db.exec("UPDATE workflow_changes SET changed_by = 'Someone Else'")).toThrow(
      /workflow history cannot be changed/,
    );
    expect(() => db.exec('DELETE FROM workflow_changes')).toThrow(/workflow history cannot be deleted/);
    db.exec(`DELETE FROM articles WHERE id = '${id(1)}'`);
    expect(db.prepare('SELECT count(*) FROM workflow_changes').pluck().get()).toBe(0);
    db.close();
  });

  it('lets a library made before list, assign and tell the history of its stories once opened', () => {
    const file = tmp.file('newsroom.sqlite3');
    libraryAt20(file);
    const host = LibraryHost.open(file);
    try {
      const lib = host.current;
      expect(listArticles(lib, { offset: 0, limit: 50, trashed: false }).total).toBe(4);
      expect(getArticle(lib, id(1))).toMatchObject({ owner: 'Amna Riaz', assignee: '', othersSuggest: false });
      assignArticle(lib, id(1), 'Rita Okafor', 'review', { userName: 'Ed Park', clock: () => new Date(LATER) });
      expect(workflowHistory(lib, id(1))).toEqual([
        { kind: 'status', from: 'draft', to: 'editing', by: 'Ed Park', at: LATER },
        { kind: 'assignment', from: '', to: 'Rita Okafor', step: 'review', by: 'Ed Park', at: LATER },
      ]);
      expect(
        listArticles(lib, { offset: 0, limit: 50, trashed: false, filters: { assignedTo: 'rita okafor' } }).items,
      ).toMatchObject([{ headline: 'Night ferry', assignee: 'Rita Okafor', assignedStep: 'review' }]);
    } finally {
      host.close();
    }
  });
});
