import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { afterRequests, answeringRequest, requestsLately } from '../../../../electron/base/requestsFirst';

/** Background work that takes `turns` turns, noting each in `order` under `name`. */
async function work(name: string, turns: number, order: string[]): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) {
    await afterRequests();
    order.push(name);
  }
}

describe('requests first', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds background work back while a request is answered, and lets it go on once the answer is sent', async () => {
    const order: string[] = [];
    const answered = answeringRequest();
    const background = work('import', 1, order);
    await vi.advanceTimersByTimeAsync(60);
    expect(order).toEqual([]);
    answered();
    await vi.runOnlyPendingTimersAsync();
    await background;
    expect(order).toEqual(['import']);
  });

  it('holds it back no longer than 100 ms, however many requests follow', async () => {
    const order: string[] = [];
    const answered = answeringRequest();
    try {
      void work('import', 1, order);
      await vi.advanceTimersByTimeAsync(99);
      expect(order).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(order).toEqual(['import']);
    } finally {
      answered();
    }
  });

  it('gives one turn at a time, in turn, to each kind of background work', async () => {
    const order: string[] = [];
    const both = Promise.all([work('import', 3, order), work('analysis', 3, order)]);
    await vi.runAllTimersAsync();
    await both;
    expect(order).toEqual(['import', 'analysis', 'import', 'analysis', 'import', 'analysis']);
  });

  it('tells whether requests were made in the last second', async () => {
    const answered = answeringRequest();
    expect(requestsLately()).toBe(true);
    answered();
    expect(requestsLately()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(requestsLately()).toBe(false);
  });
});
