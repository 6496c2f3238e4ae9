import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlers';
import { createHandlers } from '../../electron/api/handlers';
import { ImportJobs } from '../../electron/import/ImportJobs';
import { openPreferences } from '../../electron/preferences/confBackend';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { unindexedCount } from '../../electron/services/related';
import type { ArgsOf, Channel, ResultOf } from '../../shared/api';
import type { ImportJobStatus } from '../../shared/imports';
import { bodyFromParagraphs } from '../../shared/text';
import { tempDir } from '../helpers/tempLibrary';
import { useWorkerPool, WORKER_STARTUP_MS } from '../helpers/workerPool';
import { BBC } from '../unit/electron/import/fixtures';

const workers = useWorkerPool();

let temp: ReturnType<typeof tempDir>;
let host: LibraryHost;
let jobs: ImportJobs;
let handlers: Handlers;
beforeEach(() => {
  const pool = workers();
  temp = tempDir();
  // As browser mode and the app run it: files read and articles analysed in the worker threads.
  host = LibraryHost.open(temp.file(), { analyse: pool.analyse });
  jobs = new ImportJobs(Date.now, { read: pool.read });
  handlers = createHandlers({
    host,
    preferences: openPreferences(path.join(temp.dir, 'data')),
    workers: pool,
    imports: jobs,
  });
});
afterEach(() => {
  host.close();
  temp.cleanup();
});

async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const envelope = await dispatch(handlers, channel, args);
  if (!envelope.ok) throw new Error(envelope.error.message);
  return envelope.value as ResultOf<C>;
}

function bbcStory(file: string): { headline: string; paragraphs: string[] } {
  const [headline = '', ...paragraphs] = fs
    .readFileSync(path.join(BBC, file), 'utf8')
    .split(/\n\s*\n/u)
    .map((part) => part.replace(/\s+/gu, ' ').trim());
  return { headline, paragraphs: paragraphs.filter((paragraph) => paragraph !== '') };
}

describe('the library while a large import runs', () => {
  it(
    'answers a save and a page of the list between the import’s writes',
    async () => {
      const article = await call('articles:create', { headline: 'Harbour council decision' });
      const started = new Promise<ImportJobStatus>((resolve) => {
        jobs.onStatus((status) => {
          if (status.state === 'running' && status.done >= 20) resolve(status);
        });
      });
      const jobId = jobs.start(host.current, [path.join(BBC, 'business'), path.join(BBC, 'politics')]);
      await started;

      const saved = await call('articles:save', {
        id: article.id,
        version: article.version,
        patch: { body: bodyFromParagraphs(['The council met again and took a decision.']) },
      });
      const page = await call('articles:list', { offset: 0, limit: 100 });
      // Both were answered while the import was still going.
      expect(jobs.status(jobId).state).toBe('running');
      expect(saved.bodyText).toBe('The council met again and took a decision.');
      expect(page.items.map((item) => item.id)).toContain(article.id);

      jobs.cancel(jobId);
      const finished = await jobs.settled(jobId);
      expect(finished.state).toBe('cancelled');
      expect((await call('articles:list', { offset: 0, limit: 1 })).total).toBe(
        (finished.result?.imported.length ?? 0) + 1,
      );
    },
    WORKER_STARTUP_MS,
  );
});

describe('the related-article analysis of a save', () => {
  it(
    'runs in a worker thread after the save has been answered, and suggestions wait for it',
    async () => {
      const { headline, paragraphs } = bbcStory('politics/027.txt');
      const first = await call('articles:create', { headline, body: bodyFromParagraphs(paragraphs) });
      // The save was answered before its analysis: the article still waits for it.
      expect(unindexedCount(host.current)).toBeGreaterThan(0);
      const second = await call('articles:create', {
        headline: `${headline} (update)`,
        body: bodyFromParagraphs([...paragraphs, 'More follows.']),
      });

      const suggestions = await call('related:suggest', { articleId: second.id, limit: 5 });
      expect(suggestions.duplicates.map((duplicate) => duplicate.articleId)).toEqual([first.id]);
      expect(suggestions.unindexed).toBe(0);
    },
    WORKER_STARTUP_MS,
  );
});
