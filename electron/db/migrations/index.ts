import type { Database } from 'better-sqlite3';

import { migration001 } from './001-articles';
import { migration002 } from './002-article-structure';
import { migration003 } from './003-import-provenance';
import { migration004 } from './004-related-articles';
import { migration005 } from './005-sources-claims';
import { migration006 } from './006-library-indexes';
import { migration007 } from './007-related-index';
import { migration008 } from './008-import-formats';
import { migration009 } from './009-reanalyse-names';
import { migration010 } from './010-verdict-words';
import { migration011 } from './011-pdf-imports';
import { migration012 } from './012-version-signatures';
import { migration013 } from './013-revision-kinds';
import { migration014 } from './014-facet-index';
import { migration015 } from './015-desk-people';
import { migration016 } from './016-story-documents';
import { migration017 } from './017-desk-keys';
import { migration018 } from './018-desk-words';
import { migration019 } from './019-publishing-fields';
import { migration020 } from './020-comments';
import { migration021 } from './021-story-workflow';
import type { Migration } from './types';

/** Every migration, in order. The last one's version is the schema this Copydesk writes. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
  migration019,
  migration020,
  migration021,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;

/** 'CDSK': marks a SQLite file as a Copydesk library. */
export const APPLICATION_ID = 0x4344534b;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the library up to `target` (the latest by default). Every pending migration and the
 * user_version bump commit in one transaction, so a crash (or a failing step) leaves the
 * library at the version it had, with its data, or at the target — never between. The version
 * is read again inside the transaction: when two processes open a new library at once, the
 * second waits for the first and then finds nothing left to do.
 */
export function migrate(
  db: Database,
  options: { target?: number; migrations?: readonly Migration[] } = {},
): { from: number; to: number } {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.target ?? migrations[migrations.length - 1]?.version ?? 0;
  const from = schemaVersion(db);
  const pending = (version: number) => migrations.filter((m) => m.version > version && m.version <= target);
  if (pending(from).length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending(schemaVersion(db))) {
      migration.up(db);
      if (migration.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return { from, to: schemaVersion(db) };
}
