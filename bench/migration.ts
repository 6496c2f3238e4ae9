/**
 * Migration benchmark: what opening a library made before version kinds were stored costs,
 * once. Builds a library at schema 12 with ARTICLES stories of about 500 words and three
 * versions each (created, automatic, exported), then times the copy made before every update
 * (VACUUM INTO, the same step the app runs) and each step of the upgrade to the latest schema:
 * 13 rebuilds the versions table, 14 adds the index the filter counts read. Prints them;
 * asserts no time.
 *
 *   npm run bench -- migration            (10,000 stories)
 *   npx tsx bench/migration.ts 2000
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import Database from 'better-sqlite3';

import { migrate, MIGRATIONS, schemaVersion } from '../electron/db/migrations';
import { bodyFromParagraphs, bodyToPlainText } from '../shared/text';
import { realParagraphs } from './newsText';

const ARTICLES = Number(process.argv[2] ?? 10_000);
const VERSIONS: readonly (readonly [string, string])[] = [
  ['created', ''],
  ['auto', 'On leaving the story'],
  ['manual', 'Exported as 2026-12-06-story.zip'],
];

function hexId(prefix: string, n: number): string {
  return `${prefix}-c3d4-7e5f-8a9b-${n.toString(16).padStart(12, '0')}`;
}

function libraryAt12(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  migrate(db, { target: 12 });
  const paragraphs = realParagraphs(300_000);
  const article = db.prepare(
    `INSERT INTO articles (id, slug, headline, body_json, body_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`,
  );
  const version = db.prepare(
    `INSERT INTO revisions (id, article_id, article_version, kind, label, headline, dek, byline, dateline, body_json,
                            body_text, section, tags_json, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?, '', '', '', ?, ?, '', '[]', 'draft', '2026-01-01T00:00:00.000Z')`,
  );
  db.transaction(() => {
    for (let i = 0; i < ARTICLES; i += 1) {
      const story = Array.from({ length: 6 }, (_, k) => paragraphs[(i * 6 + k) % paragraphs.length] ?? '');
      const body = bodyFromParagraphs(story);
      const json = JSON.stringify(body);
      const text = bodyToPlainText(body);
      const id = hexId('0190a1b2', i);
      const headline = `Story ${i}`;
      article.run(id, `story-${i}`, headline, json, text);
      VERSIONS.forEach(([kind, label], k) =>
        version.run(hexId('0190a1b3', i * VERSIONS.length + k), id, k + 1, kind, label, headline, json, text),
      );
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-migration-'));
try {
  const file = path.join(dir, 'library.sqlite3');
  libraryAt12(file);
  const megabytes = fs.statSync(file).size / (1024 * 1024);
  // Opened as the app opens a library: WAL, full sync, foreign keys on.
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  const copy = timed(() => db.prepare('VACUUM INTO ?').run(path.join(dir, 'pre-migration.sqlite3')));
  const from = schemaVersion(db);
  // Each step timed on its own (the app runs them in one transaction), then the whole upgrade.
  const steps = MIGRATIONS.filter((migration) => migration.version > from).map(
    (migration) =>
      `${migration.version} ${migration.name} ${timed(() => migrate(db, { target: migration.version })).toFixed(0)} ms`,
  );
  const upgrade = steps.length;
  const to = schemaVersion(db);
  db.close();
  const versions = (ARTICLES * VERSIONS.length).toLocaleString('en');
  console.log(
    `${ARTICLES.toLocaleString('en')} stories, ${versions} versions, ${megabytes.toFixed(0)} MB:` +
      ` copy before the update ${copy.toFixed(0)} ms, upgrade ${from} → ${to} in ${upgrade} steps: ${steps.join(', ')}`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
