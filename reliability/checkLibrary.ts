import Database from 'better-sqlite3';

/** What SQLite says of a library after a crash: nothing, or the first problems it found. */
export type LibraryCheck = { ok: boolean; problems: string[] };

/**
 * Runs SQLite's full integrity_check and FTS5's integrity-check on every full-text table
 * (the articles' index against its content table, the sources' own index). A table that FTS5
 * finds out of step with its content fails with SQLITE_CORRUPT_VTAB.
 */
export function checkLibrary(file: string): LibraryCheck {
  const problems: string[] = [];
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    return { ok: false, problems: [`cannot open: ${String(error)}`] };
  }
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const messages = rows.map((row) => row.integrity_check);
    if (messages.length !== 1 || messages[0] !== 'ok') problems.push(...messages.slice(0, 5));
    const ftsTables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'")
      .pluck()
      .all() as string[];
    for (const table of ftsTables) {
      try {
        // rank = 1 also compares an external-content index with the table it indexes.
        db.prepare(`INSERT INTO "${table}" ("${table}", rank) VALUES ('integrity-check', 1)`).run();
      } catch (error) {
        problems.push(`${table}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  } finally {
    db.close();
  }
  return { ok: problems.length === 0, problems };
}

/** The names of the library's FTS5 tables (the check above covers each of them). */
export function fullTextTables(file: string): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}
