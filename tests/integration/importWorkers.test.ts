import path from 'node:path';

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { ImportJobs } from '../../electron/import/ImportJobs';
import { importFiles } from '../../electron/import/importFiles';
import { readImportFile } from '../../electron/import/readImportFile';
import { getArticle, listArticles } from '../../electron/services/articles';
import { WorkerPool } from '../../electron/workers/WorkerPool';
import type { ImportJobStatus } from '../../shared/imports';
import { openTempLibrary } from '../helpers/library';
import { useWorkerPool, WORKER_STARTUP_MS } from '../helpers/workerPool';
import { docxFile, PAGES, pageNames } from '../unit/electron/import/fixtures';

const CRASHING_WORKER = path.join(__dirname, '..', 'helpers', 'crashingTaskWorker.ts');

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

const story = (name: string, headline: string) => ({
  name,
  bytes: Buffer.from(`${headline}\n\nThe text of ${headline.toLowerCase()}.`),
});

describe('reading imported files in worker threads', () => {
  const workers = useWorkerPool();

  it('reads a saved web page in a thread as the importer reads it here, and imports it', async () => {
    const [name] = pageNames();
    const file = path.join(PAGES, name ?? '', 'source.html');
    const job = { file, format: 'html' as const, path: file, folders: [] };
    const inThread = await workers().read(job);
    const here = await readImportFile(job);
    expect(inThread.headline).toBe(here.headline);
    expect(inThread.body).toEqual(here.body);

    const report = await importFiles(library.lib, [file], { read: workers().read });
    expect(report.failed).toEqual([]);
    expect(getArticle(library.lib, report.imported[0]?.id ?? '').headline).toBe(here.headline);
  });

  it('keeps the files in order and lists a file a parser refuses by its name, the others imported', async () => {
    const report = await importFiles(
      library.lib,
      [
        story('first.txt', 'First story'),
        { name: 'broken.docx', bytes: Buffer.from('not a Word file at all') },
        story('second.txt', 'Second story'),
        {
          name: 'Report.docx',
          bytes: docxFile([{ style: 'Heading1', runs: ['Lighthouse reopens'] }, { runs: ['On Friday.'] }]),
        },
      ],
      { read: workers().read },
    );
    expect(report.imported.map((item) => item.file)).toEqual(['first.txt', 'second.txt', 'Report.docx']);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.file).toBe('broken.docx');
    expect(report.failed[0]?.reason).toMatch(/^broken\.docx /);
  });

  it('tells each file as it starts, and stops after the file being read when cancelled', async () => {
    const jobs = new ImportJobs(Date.now, { read: workers().read });
    const heard: ImportJobStatus[] = [];
    jobs.onStatus((status) => {
      heard.push(status);
      if (status.state === 'running' && status.done === 5) jobs.cancel(status.jobId);
    });
    const id = jobs.start(
      library.lib,
      Array.from({ length: 40 }, (_, i) => story(`story-${i}.txt`, `Story ${i}`)),
    );
    const finished = await jobs.settled(id);
    expect(finished.state).toBe('cancelled');
    expect(finished.result?.imported.map((item) => item.headline)).toEqual(
      Array.from({ length: 6 }, (_, i) => `Story ${i}`),
    );
    expect(listArticles(library.lib, { offset: 0, limit: 100, trashed: false }).total).toBe(6);
    expect(heard.map((status) => status.current).slice(0, 6)).toEqual(
      Array.from({ length: 6 }, (_, i) => `story-${i}.txt`),
    );
    expect(heard.at(-1)).toMatchObject({ state: 'cancelled', current: null });
  });
});

describe('a worker thread that stops while reading a file', () => {
  let pool: WorkerPool;
  beforeAll(() => {
    pool = new WorkerPool({ size: 1, module: { path: CRASHING_WORKER } });
  });
  afterAll(() => pool.close());

  it(
    'fails that file with a message naming it, and the import goes on with the others',
    async () => {
      const before = story('before.txt', 'Before the crash');
      const report = await importFiles(
        library.lib,
        [before, story('crash.txt', 'The crash'), story('after.txt', 'After the crash')],
        { read: pool.read },
      );
      expect(report.imported.map((item) => item.headline)).toEqual(['Before the crash', 'After the crash']);
      expect(report.failed.map((item) => item.file)).toEqual(['crash.txt']);
      expect(report.failed[0]?.reason).toMatch(/^crash\.txt could not be imported: the reader .*stopped/);
      // What was stored before the crash is there, whole.
      const first = report.imported[0]?.id ?? '';
      expect(getArticle(library.lib, first).bodyText).toBe('The text of before the crash.');
    },
    WORKER_STARTUP_MS,
  );
});
