import type { Channel, ParsedArgsOf, ResultOf } from '../../shared/api';
import packageJson from '../../package.json';
import { countArticles } from '../db/queries/articles';
import { schemaVersion } from '../db/migrations';
import { ImportJobs } from '../import/ImportJobs';
import type { PreferencesService } from '../preferences/PreferencesService';
import * as articles from '../services/articles';
import * as assets from '../services/assets';
import * as authors from '../services/authors';
import type { LibraryHost } from '../services/LibraryHost';
import * as revisions from '../services/revisions';
import { SAMPLE_AUTHOR, sampleArticle } from '../services/sampleArticle';

/** One function per channel of the contract; a missing or mistyped one does not compile. */
export type Handlers = {
  [C in Channel]: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
};

export const APP_VERSION: string = packageJson.version;

/** What the handlers work on: the open library and the person's preferences. */
export type HandlerContext = { host: LibraryHost; preferences: PreferencesService };

/** The handler table shared by the desktop IPC, the browser mode and the CLI. */
export function createHandlers({ host, preferences }: HandlerContext): Handlers {
  const lib = () => host.current;
  const editor = () => ({ userName: preferences.get().preferences.userName });
  const imports = new ImportJobs();
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
    'library:addSample': () => {
      const author = authors.authorNamed(lib(), SAMPLE_AUTHOR.name, SAMPLE_AUTHOR.bio);
      return articles.createArticle(lib(), sampleArticle(author.id), editor());
    },
    'articles:list': (args) => articles.listArticles(lib(), args),
    'articles:get': ({ id }) => articles.getArticle(lib(), id),
    'library:facets': ({ filters }) => articles.facets(lib(), filters),
    'articles:create': (patch) => articles.createArticle(lib(), patch, editor()),
    'articles:save': ({ id, version, patch }) => articles.saveArticle(lib(), id, version, patch, editor()),
    'articles:trash': ({ id }) => articles.trashArticle(lib(), id),
    'articles:restore': ({ id }) => articles.restoreArticle(lib(), id),
    'articles:search': ({ query, limit, filters }) => articles.search(lib(), query, limit, filters),
    'articles:statusHistory': ({ id }) => articles.statusHistory(lib(), id),
    'authors:find': ({ query, limit }) => authors.findAuthors(lib(), query, limit),
    'authors:create': ({ name, bio }) => authors.createAuthor(lib(), name, bio),
    'authors:update': ({ id, name, bio }) => authors.updateAuthor(lib(), id, name, bio),
    'assets:addImage': ({ name, dataBase64 }) => assets.addImage(lib(), name, Buffer.from(dataBase64, 'base64')),
    'assets:get': ({ id }) => {
      const { asset, bytes } = assets.getImage(lib(), id);
      return { asset, dataBase64: bytes.toString('base64') };
    },
    'revisions:list': ({ articleId }) => revisions.listRevisions(lib(), articleId),
    'revisions:get': ({ id }) => revisions.getRevision(lib(), id),
    'revisions:create': ({ articleId, label }) => revisions.saveVersion(lib(), articleId, label),
    'revisions:restore': ({ articleId, revisionId, version }) =>
      revisions.restoreRevision(lib(), articleId, revisionId, version, editor()),
    'preferences:get': () => preferences.get(),
    'preferences:update': (patch) => preferences.update(patch),
    'imports:start': ({ files }) => ({
      jobId: imports.start(
        lib(),
        files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
        editor(),
      ),
    }),
    'imports:status': ({ jobId }) => imports.status(jobId),
    'imports:cancel': ({ jobId }) => imports.cancel(jobId),
  };
}
