import type { LibraryInfo } from '../../shared/domain';
import { sqliteVersion } from '../db/connection';
import { schemaVersion } from '../db/migrations';
import { countArticles } from '../db/queries/articles';
import type { Library } from './LibraryHost';

/** The open library as `library:info` describes it: its file, schema, counts and the versions it runs on. */
export function libraryInfo(lib: Library, appVersion: string): LibraryInfo {
  const counts = countArticles(lib.db);
  return {
    path: lib.path,
    schemaVersion: schemaVersion(lib.db),
    articleCount: counts.live,
    trashedCount: counts.trashed,
    lastChangeAt: counts.lastChangeAt,
    sqliteVersion: sqliteVersion(lib.db),
    appVersion,
  };
}
