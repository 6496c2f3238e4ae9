import type { Channel, ParsedArgsOf, ResultOf } from '../../shared/api';
import packageJson from '../../package.json';
import { countArticles } from '../db/queries/articles';
import { schemaVersion } from '../db/migrations';
import * as articles from '../services/articles';
import type { LibraryHost } from '../services/LibraryHost';
import { sampleArticle } from '../services/sampleArticle';

/** One function per channel of the contract; a missing or mistyped one does not compile. */
export type Handlers = {
  [C in Channel]: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
};

export const APP_VERSION: string = packageJson.version;

/** The handler table shared by the desktop IPC, the browser mode and the CLI. */
export function createHandlers(host: LibraryHost): Handlers {
  const lib = () => host.current;
  return {
    'library:info': () => {
      const { db, path } = lib();
      const counts = countArticles(db);
      return {
        path,
        schemaVersion: schemaVersion(db),
        articleCount: counts.live,
        trashedCount: counts.trashed,
        sqliteVersion: db.prepare('SELECT sqlite_version()').pluck().get() as string,
        appVersion: APP_VERSION,
      };
    },
    'library:addSample': () => articles.createArticle(lib(), sampleArticle()),
    'articles:list': (args) => articles.listArticles(lib(), args),
    'articles:get': ({ id }) => articles.getArticle(lib(), id),
    'articles:create': (patch) => articles.createArticle(lib(), patch),
    'articles:save': ({ id, version, patch }) => articles.saveArticle(lib(), id, version, patch),
    'articles:trash': ({ id }) => articles.trashArticle(lib(), id),
    'articles:restore': ({ id }) => articles.restoreArticle(lib(), id),
    'articles:search': ({ query, limit }) => articles.search(lib(), query, limit),
  };
}
