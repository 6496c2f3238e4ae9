import { describe, expect, it } from 'vitest';

import { MAX_IMPORT_REQUEST_BYTES, type ImportReport } from '../../../../../shared/imports';
import { addReport, emptyReport, planImport } from '../../../../../renderer/features/import/planImport';

const MB = 1024 * 1024;

describe('planImport', () => {
  it('leaves out files Copydesk would refuse, with the reason, before anything is sent', () => {
    const plan = planImport([
      { name: 'desk/story.txt', size: 2_000 },
      { name: 'desk/empty.md', size: 0 },
      { name: 'desk/huge.txt', size: 100 * MB },
      { name: 'desk/photo.jpg', size: 40_000 },
      { name: 'desk/page.html', size: 30_000 },
    ]);
    expect(plan.batches).toEqual([[4, 0]]);
    expect(plan.refused).toEqual([
      { file: 'desk/empty.md', reason: 'desk/empty.md is empty: there is nothing to import.' },
      {
        file: 'desk/huge.txt',
        reason:
          'desk/huge.txt is too large to import (100 MB; the limit for text files is 8.0 MB). Split it into smaller files.',
      },
    ]);
    expect(plan.ignored.map((problem) => problem.file)).toEqual(['desk/photo.jpg']);
  });

  it('sends a dropped export package whole, its pictures included, in a batch of its own', () => {
    const plan = planImport([
      { name: 'desk/story.txt', size: 2_000 },
      { name: 'desk/2026-11-28-talks/article.ninjs.json', size: 5_000 },
      { name: 'desk/2026-11-28-talks/assets/01-lead.jpg', size: 400_000 },
      { name: 'desk/2026-11-28-talks/article.html', size: 9_000 },
      { name: 'desk/photo.jpg', size: 40_000 },
    ]);
    expect(plan.batches).toEqual([[0], [3, 1, 2]]);
    expect(plan.ignored.map((problem) => problem.file)).toEqual(['desk/photo.jpg']);
  });

  it('splits a large folder into batches a request can carry, in name order', () => {
    const files = Array.from({ length: 450 }, (_, i) => ({ name: `bbc/${450 - i}.txt`, size: 3_000 }));
    const plan = planImport(files);
    expect(plan.batches.flat()).toHaveLength(450);
    expect(plan.batches.length).toBeGreaterThan(1);
    const names = plan.batches.flat().map((index) => files[index]?.name);
    expect(names.slice(0, 3)).toEqual(['bbc/1.txt', 'bbc/2.txt', 'bbc/3.txt']);

    const big = Array.from({ length: 12 }, (_, i) => ({ name: `w${i}.docx`, size: 12 * MB }));
    for (const batch of planImport(big).batches) {
      const bytes = batch.reduce((sum, index) => sum + (big[index]?.size ?? 0), 0);
      expect(bytes).toBeLessThanOrEqual(MAX_IMPORT_REQUEST_BYTES);
    }
  });

  it('adds batch reports into one, keeping what was refused up front', () => {
    const plan = planImport([
      { name: 'a.txt', size: 10 },
      { name: 'b.txt', size: 0 },
    ]);
    const batch: ImportReport = {
      total: 1,
      imported: [],
      duplicates: [],
      failed: [{ file: 'a.txt', reason: 'a.txt does not look like a text file.' }],
      ignored: [],
      cancelled: true,
    };
    const total = addReport(emptyReport(2, plan), batch);
    expect(total.total).toBe(2);
    expect(total.failed.map((problem) => problem.file)).toEqual(['b.txt', 'a.txt']);
    expect(total.cancelled).toBe(true);
  });
});
