import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

import { migrate } from '../../../../electron/db/migrations';
import { migration009 } from '../../../../electron/db/migrations/009-reanalyse-names';
import { createArticle } from '../../../../electron/services/articles';
import { LibraryHost } from '../../../../electron/services/LibraryHost';
import { reindexPending, suggestRelated, unindexedCount } from '../../../../electron/services/related';
import { bodyFromParagraphs, bodyToPlainText } from '../../../../shared/text';
import { tempDir } from '../../../helpers/tempLibrary';
import { withNameFinder } from '../../../helpers/nameFinder';
import { bbcNews } from '../../../helpers/corpora';

withNameFinder();

const BBC = bbcNews();
const FILES = ['tech/005.txt', 'tech/011.txt', 'tech/018.txt', 'sport/101.txt'];

let tmp = tempDir();
afterEach(() => {
  tmp.cleanup();
  tmp = tempDir();
});

describe('migration 7: the related-articles index', () => {
  it('queues every existing article for analysis without analysing any, and keeps the library as it was', () => {
    const file = tmp.file();
    const db = new Database(file);
    migrate(db, { target: 6 });
    const insert = db.prepare(
      `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
    );
    const ids = FILES.map((name, n) => {
      const [headline = '', ...paragraphs] = fs
        .readFileSync(path.join(BBC, name), 'utf8')
        .split(/\n\s*\n/u)
        .map((part) => part.replace(/\s+/gu, ' ').trim());
      const body = bodyFromParagraphs(paragraphs.filter(Boolean));
      const id = `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`;
      insert.run(id, `story-${n}`, headline, JSON.stringify(body), bodyToPlainText(body));
      return id;
    });
    const before = db.prepare('SELECT * FROM articles ORDER BY seq').all();
    db.close();

    const host = LibraryHost.open(file);
    try {
      const lib = host.current;
      // Every column the articles had then, as it was (later migrations add columns of their own).
      const columns = Object.keys(before[0] ?? {}).join(', ');
      expect(lib.db.prepare(`SELECT ${columns} FROM articles ORDER BY seq`).all()).toEqual(before);
      expect(unindexedCount(lib)).toBe(FILES.length);
      expect(lib.db.prepare('SELECT count(*) FROM related_docs').pluck().get()).toBe(0);
      expect(suggestRelated(lib, { articleId: ids[0] ?? '' }, 5).unindexed).toBe(FILES.length);

      expect(reindexPending(lib, { batchSize: 3 })).toEqual({ indexed: FILES.length, remaining: 0 });
      const { related, unindexed } = suggestRelated(lib, { articleId: ids[0] ?? '' }, 5);
      expect(unindexed).toBe(0);
      expect(related.map((item) => item.articleId)).toContain(ids[1]);
      expect(related.map((item) => item.articleId)).not.toContain(ids[0]);
      const plan = lib.db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT seq, weight FROM related_postings WHERE feature_id = ? ORDER BY weight DESC LIMIT 200',
        )
        .all(1) as { detail: string }[];
      expect(plan.map((step) => step.detail).join(' ')).not.toMatch(/TEMP B-TREE/u);
    } finally {
      host.close();
    }
  });
});

describe('migration 9: names read again under the new rules', () => {
  it('queues every analysed article, which is analysed afresh, and changes nothing else', () => {
    const file = tmp.file();
    let ids: string[];
    let host = LibraryHost.open(file);
    try {
      const lib = host.current;
      ids = FILES.map(
        (name) =>
          createArticle(lib, {
            headline: name,
            body: bodyFromParagraphs(fs.readFileSync(path.join(BBC, name), 'utf8').split(/\n\s*\n/u)),
          }).id,
      );
      expect(unindexedCount(lib)).toBe(0);
      // As a library analysed under the rules before: its keys are not today's. Then the
      // migration's own step, as opening such a library at version 8 runs it.
      lib.db.exec("UPDATE related_docs SET content_key = 'analysed-under-rules-1'");
      lib.db.transaction(() => migration009.up(lib.db))();
    } finally {
      host.close();
    }

    host = LibraryHost.open(file);
    try {
      const lib = host.current;
      const articles = lib.db.prepare('SELECT * FROM articles ORDER BY seq').all();
      expect(unindexedCount(lib)).toBe(FILES.length);
      expect(reindexPending(lib, { batchSize: 2 })).toEqual({ indexed: FILES.length, remaining: 0 });
      const keys = lib.db.prepare('SELECT content_key FROM related_docs').pluck().all();
      expect(keys).toHaveLength(FILES.length);
      expect(keys).not.toContain('analysed-under-rules-1');
      expect(lib.db.prepare('SELECT * FROM articles ORDER BY seq').all()).toEqual(articles);
      expect(suggestRelated(lib, { articleId: ids[0] ?? '' }, 5).related.map((item) => item.articleId)).toContain(
        ids[1],
      );
    } finally {
      host.close();
    }
  });
});
