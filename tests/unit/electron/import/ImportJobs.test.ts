import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { ImportJobs } from '../../../../electron/import/ImportJobs';
import { getArticle } from '../../../../electron/services/articles';
import { ApiError } from '../../../../shared/errors';
import { openTempLibrary } from '../../../helpers/library';

let library: ReturnType<typeof openTempLibrary>;
beforeEach(() => {
  library = openTempLibrary();
});
afterEach(() => library.close());

const story = (i: number) => ({ name: `story-${i}.txt`, bytes: Buffer.from(`Story ${i}\n\nText of story ${i}.`) });

describe('ImportJobs', () => {
  it('imports in the background and reports progress, then the result', async () => {
    const jobs = new ImportJobs();
    const id = jobs.start(library.lib, [story(1), story(2), story(1)], { userName: 'Amna' });
    expect(jobs.status(id)).toMatchObject({ jobId: id, state: 'running', done: 0 });
    const finished = await jobs.settled(id);
    expect(finished).toMatchObject({ state: 'done', done: 3, total: 3, current: null });
    expect(finished.result?.imported.map((item) => item.headline)).toEqual(['Story 1', 'Story 2']);
    expect(finished.result?.duplicates.map((item) => item.file)).toEqual(['story-1.txt']);
    expect(getArticle(library.lib, finished.result?.imported[0]?.id ?? '').bodyText).toBe('Text of story 1.');
  });

  it('cancels after the current file, keeping what was imported', async () => {
    const jobs = new ImportJobs();
    const id = jobs.start(
      library.lib,
      Array.from({ length: 50 }, (_, i) => story(i)),
      {},
      // The person presses Cancel while the eleventh file is being read.
      (status) => {
        if (status.done === 10) expect(jobs.cancel(status.jobId).state).toBe('running');
      },
    );
    const finished = await jobs.settled(id);
    expect(finished.state).toBe('cancelled');
    expect(finished.result?.imported.map((item) => item.headline)).toEqual(
      Array.from({ length: 11 }, (_, i) => `Story ${i}`),
    );
    expect(jobs.cancel(id).state).toBe('cancelled');
  });

  it('answers not-found for an import it does not know, and forgets finished ones after an hour', async () => {
    let now = 0;
    const jobs = new ImportJobs(() => now);
    expect(() => jobs.status('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b')).toThrow(ApiError);
    const id = jobs.start(library.lib, [story(1)]);
    await jobs.settled(id);
    now += 61 * 60 * 1000;
    jobs.start(library.lib, [story(2)]);
    expect(() => jobs.status(id)).toThrow(/not known here/);
  });

  it('runs at most three imports at once', () => {
    const jobs = new ImportJobs();
    for (let i = 0; i < 3; i += 1) jobs.start(library.lib, [story(i)]);
    expect(() => jobs.start(library.lib, [story(9)])).toThrow('Three imports are already running');
  });
});
