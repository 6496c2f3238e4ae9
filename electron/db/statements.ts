import type { Statement } from 'better-sqlite3';

import type { Db } from './connection';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement kept for the connection's lifetime. Compiling SQL costs more than
 * running most of these statements, and saves, lists and imports run them again and again.
 * A statement's mode (pluck) is set by its one caller, so sharing by SQL text is safe.
 */
export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (statements === undefined) {
    statements = new Map();
    cache.set(db, statements);
  }
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
