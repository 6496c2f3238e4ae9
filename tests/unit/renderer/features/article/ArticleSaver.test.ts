import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ArgsOf } from '../../../../../shared/api';
import type { Article, ArticleId } from '../../../../../shared/domain';
import { ApiError } from '../../../../../shared/errors';
import { bodyFromParagraphs } from '../../../../../shared/text';
import { ArticleSaver, type ProbeCall, type SaveCall } from '../../../../../renderer/features/article/ArticleSaver';

const ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b' as ArticleId;

type SaveArgs = ArgsOf<'articles:save'>;

/** A server that answers saves in order, one version further each time, and records what it got. */
function fakeServer() {
  const calls: SaveArgs[] = [];
  let version = 1;
  const pending: { resolve: () => void; reject: (error: Error) => void }[] = [];
  let manual = false;
  const save: SaveCall = async (args) => {
    calls.push(structuredClone(args));
    if (manual) {
      await new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
    }
    if (args.version !== version) throw new ApiError('conflict', 'changed elsewhere');
    version += 1;
    return { id: ID, version, slug: 'slug', slugLocked: args.patch.slug !== undefined } as Article;
  };
  return {
    calls,
    save,
    get version() {
      return version;
    },
    bumpVersion() {
      version += 1;
    },
    holdSaves() {
      manual = true;
    },
    release() {
      pending.shift()?.resolve();
    },
  };
}

async function settle(): Promise<void> {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

describe('ArticleSaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits for a pause, then sends only the fields that changed, newest value each', async () => {
    const server = fakeServer();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.setHeadline('Ferry');
    saver.setFields({ section: 'Local' });
    saver.setHeadline('Ferry trial');
    expect(saver.getState().kind).toBe('pending');
    await vi.advanceTimersByTimeAsync(499);
    expect(server.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    await saver.flush();
    expect(server.calls).toEqual([{ id: ID, version: 1, patch: { headline: 'Ferry trial', section: 'Local' } }]);
    expect(saver.getState().kind).toBe('saved');
    expect(saver.currentVersion).toBe(2);
  });

  it('reads the body only when a save starts, never per edit', async () => {
    const server = fakeServer();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    const reader = vi.fn(() => bodyFromParagraphs(['Text.']));
    saver.attachBody(reader);
    for (let i = 0; i < 20; i += 1) saver.bodyChanged();
    expect(reader).not.toHaveBeenCalled();
    await saver.flush();
    expect(reader).toHaveBeenCalledTimes(1);
    expect(server.calls[0]?.patch.body).toEqual(bodyFromParagraphs(['Text.']));
  });

  it('never overlaps saves: an edit made during a save goes in the next one, on the new version', async () => {
    const server = fakeServer();
    server.holdSaves();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.setFields({ tags: ['a'] });
    const first = saver.flush();
    await settle();
    saver.setFields({ tags: ['a', 'b'], lengthTarget: 800 });
    const second = saver.flush();
    expect(server.calls).toHaveLength(1);
    server.release();
    await settle();
    server.release();
    await Promise.all([first, second]);
    expect(server.calls.map((call) => [call.version, call.patch])).toEqual([
      [1, { tags: ['a'] }],
      [2, { tags: ['a', 'b'], lengthTarget: 800 }],
    ]);
    expect(saver.getState().kind).toBe('saved');
  });

  it('keeps a failed change and sends it again, under any newer value typed meanwhile', async () => {
    let fail = true;
    const calls: SaveArgs[] = [];
    const save: SaveCall = (args) => {
      calls.push(structuredClone(args));
      if (fail) return Promise.reject(new ApiError('library-unavailable', 'Copydesk is not reachable'));
      return Promise.resolve({ id: ID, version: args.version + 1, slug: 's', slugLocked: false } as Article);
    };
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save, idleMs: 500 });
    saver.setFields({ dateline: 'ISLAMABAD', dek: 'First' });
    await saver.flush();
    expect(saver.getState()).toEqual({
      kind: 'failed',
      code: 'library-unavailable',
      message: 'Copydesk is not reachable',
    });
    saver.setFields({ dek: 'Second' });
    fail = false;
    await saver.retry();
    expect(calls[1]?.patch).toEqual({ dateline: 'ISLAMABAD', dek: 'Second' });
    expect(saver.getState().kind).toBe('saved');
  });

  it('stops on a version conflict and sends nothing more on top of the newer text', async () => {
    const server = fakeServer();
    server.bumpVersion();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.setHeadline('Mine');
    await saver.flush();
    expect(saver.getState()).toMatchObject({ kind: 'failed', code: 'conflict' });
    saver.setHeadline('Mine, again');
    await vi.advanceTimersByTimeAsync(2000);
    await saver.retry();
    expect(server.calls).toHaveLength(1);
  });

  it('tells a taken slug from a newer version, reports it, and saves the rest', async () => {
    const calls: SaveArgs[] = [];
    let version = 4;
    const save: SaveCall = (args) => {
      calls.push(structuredClone(args));
      if (args.patch.slug === 'taken') {
        return Promise.reject(new ApiError('conflict', 'The slug "taken" is already used by another article.'));
      }
      version += 1;
      return Promise.resolve({ id: ID, version, slug: 'mine', slugLocked: false } as Article);
    };
    const probe: ProbeCall = () => Promise.resolve({ version, trashedAt: null });
    const refused = vi.fn();
    const saver = new ArticleSaver({ id: ID, version: 4 }, { save, probe, idleMs: 500 });
    saver.connect({ onSaved: () => undefined, onUnseenFailure: () => undefined, onSlugRefused: refused });
    saver.setFields({ headline: 'Harbour reopens', slug: 'taken' });
    await saver.flush();
    expect(refused).toHaveBeenCalledWith('taken', 'The slug "taken" is already used by another article.');
    expect(calls.map((call) => call.patch)).toEqual([
      { headline: 'Harbour reopens', slug: 'taken' },
      { headline: 'Harbour reopens' },
    ]);
    expect(saver.getState().kind).toBe('saved');
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('treats a conflict as a newer version when the stored article has moved on, slug or not', async () => {
    const save: SaveCall = () => Promise.reject(new ApiError('conflict', 'changed elsewhere'));
    const probe: ProbeCall = () => Promise.resolve({ version: 9, trashedAt: null });
    const refused = vi.fn();
    const saver = new ArticleSaver({ id: ID, version: 4 }, { save, probe, idleMs: 500 });
    saver.connect({ onSaved: () => undefined, onUnseenFailure: () => undefined, onSlugRefused: refused });
    saver.setFields({ slug: 'mine' });
    await saver.flush();
    expect(refused).not.toHaveBeenCalled();
    expect(saver.getState()).toMatchObject({ kind: 'failed', code: 'conflict' });
  });

  it('reports a failure the person cannot see once the view has closed', async () => {
    const save: SaveCall = () => Promise.reject(new ApiError('library-unavailable', 'gone'));
    const unseen = vi.fn();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save, idleMs: 500 });
    saver.connect({ onSaved: () => undefined, onUnseenFailure: unseen });
    saver.setHeadline('x');
    saver.hide();
    await saver.flush();
    expect(unseen).toHaveBeenCalledWith('gone');
  });

  it('once retired (a version was restored over it) drops what it held and saves nothing', async () => {
    const server = fakeServer();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.setHeadline('Typed just before the restore');
    saver.retire();
    saver.bodyChanged();
    await vi.advanceTimersByTimeAsync(2000);
    await saver.flush();
    expect(server.calls).toHaveLength(0);
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('uses a new pause length from the next edit on', async () => {
    const server = fakeServer();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 5000 });
    saver.setIdleMs(300);
    saver.setHeadline('Quick');
    await vi.advanceTimersByTimeAsync(300);
    await saver.flush();
    expect(server.calls).toHaveLength(1);
  });

  it('saves on top of the version its own export moved the article to, never an older one', async () => {
    const server = fakeServer();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    // The export set the status to Exported on the server: version 2.
    server.bumpVersion();
    saver.adopt(server.version);
    saver.adopt(1);
    saver.setHeadline('After the export');
    await saver.flush();
    expect(server.calls.map((call) => call.version)).toEqual([2]);
    expect(saver.getState()).toEqual({ kind: 'saved' });
    expect(saver.currentVersion).toBe(3);
  });
});
