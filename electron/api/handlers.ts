import fs from 'node:fs';
import path from 'node:path';

import type { Channel, ParsedArgsOf, ResultOf } from '../../shared/api';
import packageJson from '../../package.json';
import { ApiError } from '../../shared/errors';
import { actingPersonName } from './actingPerson';
import type { PackageFs } from '../export/writePackage';
import type { ImportJobs } from '../import/ImportJobs';
import type { PreferencesState } from '../../shared/preferences';
import type { PreferencesService } from '../preferences/PreferencesService';
import * as articles from '../services/articles';
import * as assets from '../services/assets';
import * as authors from '../services/authors';
import * as claims from '../services/claims';
import * as comments from '../services/comments';
import * as deskWords from '../services/deskWords';
import * as sources from '../services/sources';
import * as storyTransfer from '../services/storyTransfer';
import * as workflow from '../services/workflow';
import { backupFolder, listBackups } from '../services/backups';
import type { LibraryHost } from '../services/LibraryHost';
import { libraryInfo } from '../services/libraryInfo';
import { loadNameFinder } from '../related/entities';
import * as related from '../services/related';
import * as revisions from '../services/revisions';
import type { WorkerPool } from '../workers/WorkerPool';
import { SAMPLE_AUTHOR, sampleArticle } from '../services/sampleArticle';

/** One function per channel of the contract; a missing or mistyped one does not compile. */
export type Handlers = {
  [C in Channel]: (args: ParsedArgsOf<C>) => ResultOf<C> | Promise<ResultOf<C>>;
};

export const APP_VERSION: string = packageJson.version;

/**
 * What the handlers work on: the open library, the person's preferences, and the imports
 * running in the background (shared with the desktop menu's File › Import when given).
 */
export type HandlerContext = {
  host: LibraryHost;
  preferences: PreferencesService;
  imports?: ImportJobs;
  /** The file system export packages are written through; the real one unless a test stands in a failing disk. */
  packageFs?: PackageFs;
  /** Worker threads that read imported files, when the library has them (browser mode, the app). */
  workers?: WorkerPool;
  /** On a desk: each person's own preferences (their theme, pauses, export folder), by name. */
  personPreferences?: (name: string) => PreferencesService;
};

/** Loads a module the first time it is asked for, and answers the same promise after. */
function lazily<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= load());
}

// Exports, the fact-check report and imports bring parsers, zip and schema libraries: loaded when
// first used, so a command or a window that never exports or imports starts without them.
const exporting = lazily(() => import('../export/exportArticle'));
const exportFolders = lazily(() => import('../export/exportFolder'));
const packages = lazily(() => import('../export/writePackage'));
const reports = lazily(() => import('../services/factCheckReport'));
const importing = lazily(() => import('../import/ImportJobs'));

/** A capture as the contract carries it, as the sources service takes it. */
function captureInput(from: ParsedArgsOf<'sources:add'>['from']): sources.CaptureInput {
  return 'file' in from
    ? { kind: 'file', name: from.file.name, bytes: Buffer.from(from.file.dataBase64, 'base64') }
    : { kind: 'paste', text: from.paste.text, label: from.paste.label };
}

/**
 * A library file named in a request: by its full path (a relative one would land wherever the
 * app happened to start), and, to be opened, one that exists — opening a mistyped path must
 * not quietly create an empty library there.
 */
function libraryFile(file: string, action: 'open' | 'create'): string {
  if (!path.isAbsolute(file)) {
    throw new ApiError(
      'invalid-request',
      `Choose the library by its full path, such as /home/me/archive.sqlite3, not "${file.slice(0, 200)}".`,
    );
  }
  if (action === 'open' && !fs.existsSync(file)) {
    throw new ApiError(
      'not-found',
      `There is no library at ${file}. Check the path, or use Create library to start a new one there.`,
    );
  }
  return file;
}

/** On a desk the name is the signed-in person's, whatever the server's own preferences say. */
function asActing(state: PreferencesState): PreferencesState {
  const name = actingPersonName();
  return name === undefined
    ? state
    : { ...state, preferences: { ...state.preferences, userName: name, askedForName: true } };
}

/** The handler table shared by the desktop IPC, the browser mode and the CLI. */
export function createHandlers({
  host,
  preferences: ownPreferences,
  workers,
  imports,
  packageFs,
  personPreferences,
}: HandlerContext): Handlers {
  const lib = () => host.current;
  // On a desk, the preferences of the person whose call it is; elsewhere, the one person's.
  const preferences = () => {
    const name = actingPersonName();
    return name === undefined || personPreferences === undefined ? ownPreferences : personPreferences(name);
  };
  const importJobs = lazily(
    async () =>
      imports ?? new (await importing()).ImportJobs(Date.now, workers === undefined ? {} : { read: workers.read }),
  );
  const editor = () => ({ userName: actingPersonName() ?? preferences().get().preferences.userName });
  // With worker threads, a save does not wait for its related-article analysis: the article is
  // analysed in a thread just after, before anything else queued (see BackgroundAnalysis).
  const background = workers !== undefined;
  const saving = () => ({ ...editor(), analyseLater: background });
  const analysed = <T extends { id: string }>(article: T): T => {
    if (background) host.analysis.analyseSoon(article.id);
    return article;
  };
  return {
    'library:info': () => libraryInfo(lib(), APP_VERSION),
    'library:addSample': () => {
      const author = authors.authorNamed(lib(), SAMPLE_AUTHOR.name, SAMPLE_AUTHOR.bio);
      return analysed(articles.createArticle(lib(), sampleArticle(author.id), saving()));
    },
    'articles:list': (args) => articles.listArticles(lib(), args),
    'articles:get': ({ id }) => articles.getArticle(lib(), id),
    'library:facets': ({ filters }) => articles.facets(lib(), filters),
    'articles:create': ({ id, ...patch }) => analysed(articles.createArticle(lib(), patch, saving(), id)),
    'articles:save': ({ id, version, patch, closing }) =>
      analysed(articles.saveArticle(lib(), id, version, patch, { ...saving(), closing: closing === true })),
    'articles:trash': ({ id }) => articles.trashArticle(lib(), id),
    'articles:restore': ({ id }) => articles.restoreArticle(lib(), id),
    'articles:search': ({ query, limit, filters }) => articles.search(lib(), query, limit, filters),
    'articles:statusHistory': ({ id }) => articles.statusHistory(lib(), id),
    'articles:assign': ({ id, assignee, step }) => workflow.assignArticle(lib(), id, assignee, step, editor()),
    'articles:setOwner': ({ id, owner }) => workflow.setOwner(lib(), id, owner, editor()),
    'articles:setOthersSuggest': ({ id, value }) => workflow.setOthersSuggest(lib(), id, value, editor()),
    'articles:workflowHistory': ({ id }) => workflow.workflowHistory(lib(), id),
    'authors:find': ({ query, limit }) => authors.findAuthors(lib(), query, limit),
    'authors:create': ({ name, bio }) => authors.createAuthor(lib(), name, bio),
    'authors:findOrCreate': ({ name, bio }) => authors.authorNamed(lib(), name, bio),
    'authors:update': ({ id, name, bio }) => authors.updateAuthor(lib(), id, name, bio),
    'assets:addImage': ({ name, dataBase64 }) => assets.addImage(lib(), name, Buffer.from(dataBase64, 'base64')),
    'assets:get': ({ id }) => {
      const { asset, bytes } = assets.getImage(lib(), id);
      return { asset, dataBase64: bytes.toString('base64') };
    },
    'revisions:list': ({ articleId }) => revisions.listRevisions(lib(), articleId),
    'revisions:get': ({ id }) => revisions.getRevision(lib(), id),
    'revisions:create': ({ articleId, label }) =>
      revisions.saveVersion(lib(), articleId, label, new Date(), editor().userName),
    'revisions:endSession': ({ articleId }) => revisions.endEditingSession(lib(), articleId, editor()),
    'revisions:restore': ({ articleId, revisionId, version }) =>
      analysed(revisions.restoreRevision(lib(), articleId, revisionId, version, saving())),
    'preferences:get': () => asActing(preferences().get()),
    'preferences:update': (patch) => asActing(preferences().update(patch)),
    'imports:start': async ({ files }) => ({
      jobId: (await importJobs()).start(
        lib(),
        files.map((file) => ({ name: file.name, bytes: Buffer.from(file.dataBase64, 'base64') })),
        editor(),
      ),
    }),
    'imports:status': async ({ jobId }) => (await importJobs()).status(jobId),
    'imports:cancel': async ({ jobId }) => (await importJobs()).cancel(jobId),
    'sources:list': ({ query, limit }) => sources.findSources(lib(), query, limit),
    'sources:get': ({ id }) => sources.getSource(lib(), id),
    'sources:create': (fields) => sources.createSource(lib(), fields),
    'sources:update': ({ id, fields }) => sources.updateSource(lib(), id, fields),
    'sources:add': ({ from, fields, articleId }) => sources.addSource(lib(), captureInput(from), fields, articleId),
    'sources:recapture': ({ id, from }) => sources.recaptureSource(lib(), id, captureInput(from)),
    'sources:snapshot': ({ id }) => sources.getSnapshot(lib(), id),
    'sources:forArticle': ({ articleId }) => sources.articleSources(lib(), articleId),
    'sources:attach': ({ articleId, sourceId }) => sources.attachSource(lib(), articleId, sourceId),
    'sources:detach': ({ articleId, sourceId }) => sources.detachSource(lib(), articleId, sourceId),
    'claims:list': ({ articleId }) => claims.listClaims(lib(), articleId),
    'claims:create': ({ articleId, kind, text }) => claims.createClaim(lib(), articleId, kind, text, editor()),
    'claims:setKind': ({ id, kind }) => claims.setClaimKind(lib(), id, kind, editor()),
    'claims:setVerdict': ({ id, verdict, note }) => claims.setVerdict(lib(), id, verdict, note, editor()),
    'claims:setNote': ({ id, note }) => claims.setVerdictNote(lib(), id, note, editor()),
    'claims:history': ({ id }) => claims.verdictHistory(lib(), id),
    'claims:addEvidence': ({ claimId, ...evidence }) => claims.addEvidence(lib(), claimId, evidence, editor()),
    'claims:removeEvidence': ({ evidenceId }) => claims.removeEvidence(lib(), evidenceId, editor()),
    'claims:dismiss': ({ id }) => claims.dismissClaim(lib(), id, editor()),
    'claims:report': async ({ articleId }) => {
      const { factCheckReport, reportFileName } = await reports();
      return {
        html: factCheckReport(lib(), articleId, new Date(), { comments: true }),
        fileName: reportFileName(articles.getArticle(lib(), articleId)),
      };
    },
    'comments:list': ({ articleId }) => comments.listThreads(lib(), articleId),
    'comments:start': (start) => comments.startThread(lib(), start, editor()),
    'comments:reply': ({ threadId, text }) => comments.reply(lib(), threadId, text, editor()),
    'comments:resolve': ({ threadId }) => comments.resolveThread(lib(), threadId, editor()),
    'comments:reopen': ({ threadId }) => comments.reopenThread(lib(), threadId, editor()),
    'comments:mentions': () => comments.mentionsOf(lib(), editor()),
    'comments:people': () => comments.commentPeople(lib(), editor()),
    'stories:send': (args) => storyTransfer.sendStory(lib(), args),
    'stories:cancelSend': ({ sendId }) => storyTransfer.cancelSend(sendId),
    'stories:receive': (bundle) => analysed(storyTransfer.receiveStory(lib(), bundle, editor())),
    'export:check': async ({ articleId, timeZone }) => {
      const [{ checkArticle, defaultExportFolder }, { packageName }] = await Promise.all([exporting(), packages()]);
      return {
        ...checkArticle(lib(), articleId, { timeZone }),
        name: packageName(articles.getArticle(lib(), articleId).slug, new Date()),
        defaultFolder: preferences().exportFolder(lib().path) ?? defaultExportFolder(lib()),
      };
    },
    'export:folder': async ({ folder }) => (await exportFolders()).planExportFolder(folder),
    'export:run': async (request) => {
      const { exportArticle } = await exporting();
      const result = exportArticle(lib(), request, {
        ...editor(),
        publicAddressPattern: preferences().get().preferences.publicAddressPattern,
        appVersion: APP_VERSION,
        fs: packageFs,
      });
      preferences().rememberExportFolder(lib().path, path.dirname(result.path));
      return result;
    },
    'related:suggest': async (args) => {
      // Suggestions read the analyses of the articles saved so far.
      if (background) await host.analysis.caughtUp();
      else await loadNameFinder();
      return related.suggestRelated(lib(), args, args.limit);
    },
    'library:status': () => host.status(),
    'libraries:recent': () => host.recentLibraries(),
    'libraries:open': ({ path }) => {
      host.switchTo(libraryFile(path, 'open'));
      return host.status();
    },
    'libraries:create': ({ path }) => {
      host.create(libraryFile(path, 'create'));
      return host.status();
    },
    'libraries:forget': ({ path }) => host.forgetRecent(path),
    'deskWords:list': () => deskWords.listDeskWords(lib()),
    'deskWords:add': ({ word }) => deskWords.addDeskWord(lib(), word, editor().userName),
    'deskWords:remove': ({ word }) => deskWords.removeDeskWord(lib(), word),
    'backups:list': () => ({
      folder: backupFolder(host.path),
      backups: listBackups(host.path),
      lastFailure: host.backups.lastFailure,
    }),
    'backups:create': () => host.backups.backUp('manual'),
    'backups:restore': ({ name }) => {
      const backup = listBackups(host.path, { check: false }).find((candidate) => candidate.name === name);
      if (backup === undefined) {
        throw new ApiError(
          'not-found',
          `There is no backup named ${name} beside this library. Choose one from the list.`,
        );
      }
      return host.restore(backup.path);
    },
  };
}
