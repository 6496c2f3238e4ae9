import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

import { openDatabase } from '../electron/db/connection';
import { LATEST_SCHEMA_VERSION, migrate, schemaVersion } from '../electron/db/migrations';
import { bodyFromParagraphs, bodyToPlainText } from '../shared/text';
import { checkLibrary } from './checkLibrary';
import { startWorker } from './worker';

export type MigrationCrashSummary = {
  rounds: number;
  /** Rounds killed while the migration was running (the rest finished before the kill). */
  killedDuringMigration: number;
  /** Libraries found at a version other than the one they had or the latest, or whose schema is not exactly that version's. */
  betweenVersions: number;
  /** Libraries missing an article (or its text) they held before. */
  dataLost: number;
  /** Libraries that failed integrity_check or would not open and finish migrating afterwards. */
  corruptLibraries: number;
  /** How long the whole migration from format 1 took uncut here. */
  migrationMs: number;
  problems: string[];
  elapsedMs: number;
};

type SchemaEntry = { type: string; name: string; tbl_name: string; sql: string | null };
type ArticleRow = { id: string; headline: string; body_text: string; version: number };

function schemaOf(db: Database.Database): SchemaEntry[] {
  return db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').all() as SchemaEntry[];
}

function articlesOf(db: Database.Database): ArticleRow[] {
  return db.prepare('SELECT id, headline, body_text, version FROM articles ORDER BY id').all() as ArticleRow[];
}

/** The schema each version promises: what its migrations make on an empty database. */
function referenceSchemas(): Map<number, SchemaEntry[]> {
  const schemas = new Map<number, SchemaEntry[]>();
  for (let version = 1; version <= LATEST_SCHEMA_VERSION; version += 1) {
    const db = new Database(':memory:');
    migrate(db, { target: version });
    schemas.set(version, schemaOf(db));
    db.close();
  }
  return schemas;
}

/** A library written by format 1 holding `count` articles, then brought up to `version`. */
function oldLibrary(file: string, version: number, count: number): ArticleRow[] {
  const db = new Database(file);
  migrate(db, { target: 1 });
  const insert = db.prepare(
    `INSERT INTO articles (id, slug, headline, byline, dateline, body_json, body_text, word_count, section, status,
                           version, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'PORT ELLIS', ?, ?, ?, 'Local', 'editing', ?, '2025-06-01T08:00:00.000Z',
             '2025-06-02T08:00:00.000Z')`,
  );
  db.transaction(() => {
    for (let n = 0; n < count; n += 1) {
      const body = bodyFromParagraphs(
        Array.from(
          { length: 8 },
          (_, p) => `Story ${n}, paragraph ${p}: the harbour board met on Tuesday to discuss the night ferry.`,
        ),
      );
      const text = bodyToPlainText(body);
      insert.run(
        `0190a1b2-c3d4-7e5f-8a9b-${String(n).padStart(12, '0')}`,
        `story-${n}`,
        `Story ${n}`,
        n % 3 === 0 ? 'Maria Okafor' : `Reporter ${n % 40}`,
        JSON.stringify(body),
        text,
        text.split(/\s+/).length,
        1 + (n % 5),
      );
    }
  })();
  migrate(db, { target: version });
  const rows = articlesOf(db);
  db.close();
  return rows;
}

/**
 * Rounds of: a library of an older format (chosen at random among the earlier versions,
 * holding `articles` articles) opened by a process that migrates it and is SIGKILLed at a
 * random moment of the migration; then the file is read as it was left — it must be at its old
 * version or the latest, with exactly that version's schema and every article it held — and
 * opened again, which must finish the migration.
 */
export async function runMigrationCrashRounds(options: {
  rounds: number;
  dir: string;
  articles?: number;
  random?: () => number;
  onRound?: (round: number, summary: MigrationCrashSummary) => void;
}): Promise<MigrationCrashSummary> {
  const random = options.random ?? Math.random;
  const started = performance.now();
  const summary: MigrationCrashSummary = {
    rounds: 0,
    killedDuringMigration: 0,
    betweenVersions: 0,
    dataLost: 0,
    corruptLibraries: 0,
    migrationMs: 0,
    problems: [],
    elapsedMs: 0,
  };
  const schemas = referenceSchemas();
  const templates = new Map<number, { file: string; articles: ArticleRow[] }>();
  for (let version = 1; version < LATEST_SCHEMA_VERSION; version += 1) {
    const file = path.join(options.dir, `template-v${version}.sqlite3`);
    templates.set(version, { file, articles: oldLibrary(file, version, options.articles ?? 400) });
  }

  // How long the whole migration from each version takes here, so that kills fall across all of it.
  const fullMs = new Map<number, number>();
  for (const [version, template] of templates) {
    const calibrate = path.join(options.dir, `calibrate-v${version}.sqlite3`);
    fs.copyFileSync(template.file, calibrate);
    const full = startWorker('migrateWorker.ts', [calibrate]);
    const finished = await full.waitFor((line) => line.done === true);
    await full.exited;
    fullMs.set(version, typeof finished?.ms === 'number' ? finished.ms : 100);
  }
  summary.migrationMs = fullMs.get(1) ?? 0;

  for (let round = 1; round <= options.rounds; round += 1) {
    const from = 1 + Math.floor(random() * (LATEST_SCHEMA_VERSION - 1));
    const template = templates.get(from);
    if (template === undefined) throw new Error(`no template for version ${from}`);
    const file = path.join(options.dir, `round-${round}.sqlite3`);
    fs.copyFileSync(template.file, file);

    const worker = startWorker('migrateWorker.ts', [file, (random() * (fullMs.get(from) ?? 100) * 1.2).toFixed(1)]);
    await worker.exited;
    if (!worker.lines.some((line) => line.done === true)) summary.killedDuringMigration += 1;

    const problems: string[] = [];
    const check = checkLibrary(file);
    if (!check.ok) {
      summary.corruptLibraries += 1;
      problems.push(...check.problems);
    } else {
      const db = new Database(file, { fileMustExist: true });
      const version = schemaVersion(db);
      const schemaMatches = JSON.stringify(schemaOf(db)) === JSON.stringify(schemas.get(version));
      const articlesKept = JSON.stringify(articlesOf(db)) === JSON.stringify(template.articles);
      db.close();
      if ((version !== from && version !== LATEST_SCHEMA_VERSION) || !schemaMatches) {
        summary.betweenVersions += 1;
        problems.push(`from ${from}: found at version ${version}, schema ${schemaMatches ? 'as promised' : 'differs'}`);
      }
      if (!articlesKept) {
        summary.dataLost += 1;
        problems.push(`from ${from}: articles differ after the kill`);
      }
      try {
        const reopened = openDatabase(file);
        const finishedVersion = schemaVersion(reopened);
        const keptAfter = JSON.stringify(articlesOf(reopened)) === JSON.stringify(template.articles);
        reopened.close();
        if (finishedVersion !== LATEST_SCHEMA_VERSION) problems.push(`reopened at version ${finishedVersion}`);
        if (!keptAfter) {
          summary.dataLost += 1;
          problems.push(`from ${from}: articles differ after finishing the migration`);
        }
      } catch (error) {
        summary.corruptLibraries += 1;
        problems.push(`cannot be opened again: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (problems.length > 0) summary.problems.push(`round ${round}: ${problems.join('; ')}`);
    else for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    summary.rounds = round;
    summary.elapsedMs = performance.now() - started;
    options.onRound?.(round, summary);
  }
  summary.elapsedMs = performance.now() - started;
  return summary;
}
