import { createHash } from 'node:crypto';
import path from 'node:path';

import type { Envelope } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import { dispatch, toApiError } from '../api/dispatch';
import { answeringRequest } from '../base/requestsFirst';
import { createHandlers } from '../api/handlers';
import { actingAs } from '../api/actingPerson';
import { checkDeskCall } from '../desk/roles';
import { findSummary } from '../services/articles';
import { personWithKey } from '../services/people';
import { isLiveStory, keepStoryUpdate, openStoryDocument, projectStoryDocument } from '../services/storyDocuments';
import { ImportJobs } from '../import/ImportJobs';
import { openPreferences } from '../preferences/confBackend';
import { LibraryHost } from '../services/LibraryHost';
import { RecentLibraries } from '../services/RecentLibraries';
import { WorkerPool } from '../workers/WorkerPool';
import type { FromLibrary, LibraryRequest, LibraryStart, Port, ToLibrary } from './protocol';

/**
 * The library, served over `port`: everything the app does to its library file (every SQL
 * statement, imports, exports, backups, checks) runs here, in the process (or thread) that
 * runs this, never in the one that drives the window. Files are read and articles analysed
 * in worker threads of its own. Answers every request with an envelope, as dispatch does;
 * tells of library changes and of imports' progress as events.
 */
export function serveLibrary(port: Port<ToLibrary, FromLibrary>, options: LibraryStart): () => Promise<void> {
  const workers = new WorkerPool({
    ...(options.workers === undefined ? {} : { size: options.workers }),
    ...(options.workerModule === undefined ? {} : { module: { path: options.workerModule } }),
  });
  workers.warm().catch(() => undefined);
  // A library that cannot be opened does not stop the app: the window explains why and
  // offers its latest backup, another library or a new one.
  const host = LibraryHost.start(options.libraryPath, {
    verify: true,
    recent: new RecentLibraries(options.userDataDir),
    markInUseAs: options.markInUseAs,
    analyse: workers.analyse,
  });
  host.startBackgroundWork();
  const preferences = openPreferences(options.userDataDir);
  const imports = new ImportJobs(Date.now, { read: workers.read });
  // On a desk each person has preferences of their own, in a folder named for them.
  const people = new Map<string, ReturnType<typeof openPreferences>>();
  const personPreferences = (name: string) => {
    const folder = createHash('sha256').update(name.toLocaleLowerCase('en')).digest('hex').slice(0, 32);
    let kept = people.get(folder);
    if (kept === undefined) {
      kept = openPreferences(path.join(options.userDataDir, 'desk-people', folder));
      people.set(folder, kept);
    }
    return kept;
  };
  const handlers = createHandlers({ host, preferences, imports, workers, personPreferences });

  host.onChange(() => port.post({ type: 'event', event: { kind: 'library-changed', status: host.status() } }));
  imports.onStatus((status) => port.post({ type: 'event', event: { kind: 'import-status', status } }));

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      host.close();
      await workers.close();
    })();
    return closing;
  };

  const answer = async (request: LibraryRequest): Promise<Envelope<unknown>> => {
    if (request.type === 'call') return dispatch(handlers, request.channel, request.args);
    try {
      if (request.type === 'deskCall') {
        // Read afresh on every call: a key revoked a moment ago is refused now.
        const actor = personWithKey(host.current, request.key);
        const story = {
          statusOf: (id: string) => findSummary(host.current, id)?.status,
          ownerOf: (id: string) => findSummary(host.current, id)?.owner,
          isLive: (id: string) => isLiveStory(host.current, id),
        };
        return await actingAs(actor.name, () =>
          dispatch(handlers, request.channel, request.args, (call) => checkDeskCall(actor, call, story)),
        );
      }
      if (request.type === 'deskSignIn') return { ok: true, value: personWithKey(host.current, request.key) };
      if (request.type === 'storyOpen') {
        personWithKey(host.current, request.key);
        return { ok: true, value: openStoryDocument(host.current, request.articleId) };
      }
      if (request.type === 'storyUpdate') {
        personWithKey(host.current, request.key);
        keepStoryUpdate(host.current, request.articleId, request.update);
        return { ok: true, value: null };
      }
      if (request.type === 'storyProject') {
        const changed = projectStoryDocument(host.current, request.articleId, {
          editedBy: request.editedBy,
          leaving: request.leaving,
        });
        if (changed) host.analysis.analyseSoon(request.articleId);
        return { ok: true, value: changed };
      }
      if (request.type === 'importPaths') {
        const userName = preferences.get().preferences.userName;
        return { ok: true, value: { jobId: imports.start(host.current, request.paths, { userName }) } };
      }
      if (request.type === 'restoreFile') {
        if (!path.isAbsolute(request.file))
          throw new ApiError('invalid-request', 'Choose the backup by its full path.');
        return { ok: true, value: host.restore(request.file) };
      }
      await close();
      return { ok: true, value: null };
    } catch (error) {
      return { ok: false, error: toApiError(error).toPayload() };
    }
  };

  port.listen((message) => {
    if (message.type !== 'request') return;
    const answered = answeringRequest();
    void answer(message.request)
      .then((envelope) => port.post({ type: 'reply', id: message.id, envelope }))
      .finally(answered);
  });
  port.post({ type: 'ready', status: host.status() });
  return close;
}
