import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { LibraryClient } from '../../electron/library/LibraryClient';
import { startLibraryThread } from '../../electron/library/libraryThread';
import type { LibraryEvent } from '../../electron/library/protocol';
import type { Article, ArticleSummary } from '../../shared/domain';
import type { ImportJobStatus } from '../../shared/imports';
import { bodyFromParagraphs } from '../../shared/text';
import { tempDir } from '../helpers/tempLibrary';
import { WORKER_STARTUP_MS } from '../helpers/workerPool';
import { BBC } from '../unit/electron/import/fixtures';

const CRASHING_WORKER = path.join(__dirname, '..', 'helpers', 'crashingTaskWorker.ts');

let temp: ReturnType<typeof tempDir>;
let library: ReturnType<typeof startLibraryThread>;
let client: LibraryClient;

function start(workerModule?: string) {
  library = startLibraryThread({
    libraryPath: temp.file(),
    userDataDir: path.join(temp.dir, 'data'),
    markInUseAs: 'Copydesk under test',
    workers: 2,
    ...(workerModule === undefined ? {} : { workerModule }),
  });
  client = library.client;
}

beforeEach(() => {
  temp = tempDir();
});
afterEach(async () => {
  await library.stop();
  temp.cleanup();
});

/** The first event the library tells that `matches` accepts. */
function heard<T extends LibraryEvent>(matches: (event: LibraryEvent) => event is T): Promise<T> {
  return new Promise((resolve) => {
    const stop = client.onEvent((event) => {
      if (matches(event)) {
        stop();
        resolve(event);
      }
    });
  });
}

type ImportEvent = Extract<LibraryEvent, { kind: 'import-status' }>;
const importEvent =
  (test: (status: ImportJobStatus) => boolean) =>
  (event: LibraryEvent): event is ImportEvent =>
    event.kind === 'import-status' && test(event.status);

describe('the library in a process of its own (the desktop app’s library process, run as a thread)', () => {
  it(
    'opens the library and answers the contract’s calls, refusing what the contract refuses',
    async () => {
      start();
      expect(await client.ready).toMatchObject({ state: 'open', path: temp.file() });
      const created = (await client.value('articles:create', { headline: 'Night ferry' })) as Article;
      expect(created).toMatchObject({ headline: 'Night ferry', version: 1 });
      const page = (await client.value('articles:list', { offset: 0, limit: 10 })) as { items: ArticleSummary[] };
      expect(page.items.map((item) => item.headline)).toEqual(['Night ferry']);
      expect(await client.call('articles:create', { headline: 42 })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
      expect(await client.call('articles:drop', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    },
    WORKER_STARTUP_MS,
  );

  it(
    'tells an import’s progress, answers a save while it runs, and stops it on cancel',
    async () => {
      start();
      await client.ready;
      const article = (await client.value('articles:create', { headline: 'Harbour council' })) as Article;
      const running = heard(importEvent((status) => status.state === 'running' && status.done >= 10));
      const jobId = await client.importPaths([path.join(BBC, 'business'), path.join(BBC, 'sport')]);
      const progress = await running;
      expect(progress.status).toMatchObject({ jobId, total: 1021 });

      const saved = (await client.value('articles:save', {
        id: article.id,
        version: article.version,
        patch: { body: bodyFromParagraphs(['The council met again.']) },
      })) as Article;
      expect(saved.bodyText).toBe('The council met again.');
      expect(await client.value('imports:status', { jobId })).toMatchObject({ state: 'running' });

      const stopped = heard(importEvent((status) => status.state !== 'running'));
      await client.value('imports:cancel', { jobId });
      const { status } = await stopped;
      expect(status.state).toBe('cancelled');
      const imported = status.result?.imported.length ?? 0;
      expect(imported).toBeGreaterThan(0);
      expect(imported).toBeLessThan(1000);
      const page = (await client.value('articles:list', { offset: 0, limit: 1 })) as { total: number };
      expect(page.total).toBe(imported + 1);
    },
    WORKER_STARTUP_MS,
  );

  it(
    'lists a file whose reader stops by its name and imports the others',
    async () => {
      start(CRASHING_WORKER);
      await client.ready;
      const folder = path.join(temp.dir, 'stories');
      fs.mkdirSync(folder);
      for (const [name, headline] of [
        ['a.txt', 'Before the crash'],
        ['crash.txt', 'The crash'],
        ['z.txt', 'After the crash'],
      ]) {
        fs.writeFileSync(path.join(folder, name ?? ''), `${headline}\n\nThe text.`);
      }
      const finished = heard(importEvent((status) => status.state !== 'running'));
      await client.importPaths([folder]);
      const { status } = await finished;
      expect(status.result?.imported.map((item) => item.headline)).toEqual(['Before the crash', 'After the crash']);
      expect(status.result?.failed.map((item) => item.reason)).toEqual([
        expect.stringMatching(/crash\.txt could not be imported: the reader working on it stopped/) as string,
      ]);
    },
    WORKER_STARTUP_MS,
  );

  it(
    'answers with the reason, not silence, once the library’s process has stopped',
    async () => {
      start();
      await client.ready;
      await library.worker.terminate();
      expect(await client.call('articles:list', { offset: 0, limit: 1 })).toMatchObject({
        ok: false,
        error: { code: 'library-unavailable', message: expect.stringContaining('stopped') as string },
      });
    },
    WORKER_STARTUP_MS,
  );
});
