import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import type { ArgsOf } from '../../../../../shared/api';
import type { Article, ArticleId, AuthorId } from '../../../../../shared/domain';
import { ApiError } from '../../../../../shared/errors';
import { bodyFromParagraphs } from '../../../../../shared/text';
import {
  ArticleSaver,
  type CreateCall,
  type FieldPatch,
  type Keeper,
  type ProbeCall,
  type SaveCall,
  type Unsaved,
} from '../../../../../renderer/features/article/ArticleSaver';

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

  it('holds back a value the contract refuses, saves the rest, and says why', async () => {
    const server = fakeServer();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.setFields({ headline: 'Ferry trial', datelineDate: '252025-12-06' });
    await saver.flush();
    expect(server.calls.map((call) => call.patch)).toEqual([{ headline: 'Ferry trial' }]);
    expect(saver.getState().kind).toBe('saved');
    expect(saver.getHeld()).toEqual([
      {
        field: 'datelineDate',
        path: [],
        label: 'the dateline date',
        message: 'The year 252025 is not a year a story is dated in (1800 to 2100).',
        text: null,
      },
    ]);
    // Held is not saved: leaving now would lose it.
    expect(saver.hasUnsavedChanges()).toBe(true);

    // Later edits go on saving without it.
    saver.setDek('Crossings at night');
    await saver.flush();
    expect(server.calls[1]?.patch).toEqual({ dek: 'Crossings at night' });

    // A value the contract accepts takes its place and is saved.
    const heldList = saver.getHeld();
    saver.setFields({ datelineDate: '2026-12-06' });
    expect(saver.getHeld()).toEqual([]);
    expect(saver.getHeld()).not.toBe(heldList);
    await saver.flush();
    expect(server.calls[2]?.patch).toEqual({ datelineDate: '2026-12-06' });
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('holds a refused part of a field with where it is: a caption, an entry of the related list', async () => {
    const server = fakeServer();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.setFields({ related: [{ articleId: null, headline: ' ', teaser: '' }], section: 'Local' });
    await saver.flush();
    expect(server.calls.map((call) => call.patch)).toEqual([{ section: 'Local' }]);
    expect(saver.getHeld()).toEqual([
      expect.objectContaining({
        field: 'related',
        path: [0, 'headline'],
        message: 'A related article needs a headline.',
      }),
    ]);
  });

  it('never sends text that is not a value yet, and forgets it when the box goes back', async () => {
    const server = fakeServer();
    const keeper = fakeKeeper();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.attachKeeper(keeper);
    saver.setFields({ datelineDate: '2026-12-06' });
    saver.holdText('datelineDate', '6 Decmber', 'Copydesk cannot read “6 Decmber” as a date.');
    await vi.advanceTimersByTimeAsync(500);
    await saver.flush();
    expect(server.calls).toEqual([]);
    expect(saver.getHeld()).toEqual([
      {
        field: 'datelineDate',
        path: [],
        label: 'the dateline date',
        text: '6 Decmber',
        message: 'Copydesk cannot read “6 Decmber” as a date.',
      },
    ]);
    // What is held is kept at the pause, though there is nothing to save.
    expect(keeper.kept.at(-1)?.held).toHaveLength(1);
    saver.releaseText('datelineDate');
    expect(saver.getHeld()).toEqual([]);
    expect(saver.hasUnsavedChanges()).toBe(false);
    expect(keeper.cleared).toBe(1);
  });

  it('does not send a value again once text typed over it is held instead', async () => {
    const calls: SaveArgs[] = [];
    let answer: (error: Error) => void = () => undefined;
    const save: SaveCall = (args) => {
      calls.push(structuredClone(args));
      // The first save hangs until the test answers it; the next ones go through.
      if (calls.length > 1) return Promise.resolve({ id: ID, version: 2, slug: 's', slugLocked: false } as Article);
      return new Promise((_, reject) => (answer = reject));
    };
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save, idleMs: 500 });
    saver.setFields({ datelineDate: '2026-12-06', dek: 'Ferries' });
    const first = saver.flush();
    await settle();
    // Typed in the box again while the save is in flight; the save then fails.
    saver.holdText('datelineDate', '7 Dec', null);
    answer(new ApiError('library-unavailable', 'The disk is full.'));
    await first;
    expect(saver.unsaved().fields).toEqual({ dek: 'Ferries' });
    await saver.retry();
    expect(calls.at(-1)?.patch).toEqual({ dek: 'Ferries' });
  });

  it('keeps what a failed save carried, and what was typed since, until a save takes it', async () => {
    let fail = true;
    const save: SaveCall = (args) =>
      fail
        ? Promise.reject(new ApiError('library-unavailable', 'The disk is full.'))
        : Promise.resolve({ id: ID, version: args.version + 1, slug: 's', slugLocked: false } as Article);
    const keeper = fakeKeeper();
    const saver = new ArticleSaver({ id: ID, version: 3 }, { save, idleMs: 500 });
    saver.attachKeeper(keeper);
    saver.attachBody(() => bodyFromParagraphs(['Typed while the disk was full.']));
    saver.setHeadline('Harbour reopens');
    saver.bodyChanged();
    await saver.flush();
    expect(keeper.kept.at(-1)).toEqual({
      id: ID,
      version: 3,
      fields: { headline: 'Harbour reopens' },
      held: [],
      body: bodyFromParagraphs(['Typed while the disk was full.']),
    });
    // Still failing: each pause keeps the newest values.
    saver.setDek('Ferries run again');
    await vi.advanceTimersByTimeAsync(500);
    await saver.flush();
    expect(keeper.kept.at(-1)?.fields).toEqual({ headline: 'Harbour reopens', dek: 'Ferries run again' });
    expect(keeper.cleared).toBe(0);

    fail = false;
    await saver.retry();
    expect(saver.getState().kind).toBe('saved');
    expect(keeper.cleared).toBe(1);
  });

  it('hands over what a save in flight carries when the window closes before it answers', async () => {
    const server = fakeServer();
    server.holdSaves();
    const keeper = fakeKeeper();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.attachKeeper(keeper);
    saver.attachBody(() => bodyFromParagraphs(['Last words.']));
    saver.setHeadline('Closing time');
    saver.bodyChanged();
    void saver.flush();
    await settle();
    saver.setDek('Typed during the save');
    expect(saver.keepNow()).toBe(true);
    expect(keeper.kept.at(-1)).toMatchObject({
      fields: { headline: 'Closing time', dek: 'Typed during the save' },
      body: bodyFromParagraphs(['Last words.']),
    });
  });

  it('says so when what could not be saved could not be kept either', () => {
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: fakeServer().save, idleMs: 500 });
    saver.attachKeeper({ keep: () => false, clear: () => undefined });
    expect(saver.keepNow()).toBe(true);
    saver.setHeadline('Unsaved');
    expect(saver.keepNow()).toBe(false);
  });

  it('marks the saves a closing window sends as its last, and none after it comes back', async () => {
    const server = fakeServer();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, idleMs: 500 });
    saver.setHeadline('Typed');
    await saver.flush();
    // The window closes with more typed since.
    saver.setDek('Typed last');
    await saver.flush({ closing: true });
    expect(server.calls.map((call) => call.closing)).toEqual([undefined, true]);
    // Back from the page cache: ordinary saves again.
    saver.resume();
    saver.setDek('Typed again');
    await saver.flush();
    expect(server.calls.at(-1)?.closing).toBeUndefined();
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

describe('ArticleSaver for a story started with New', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function newStory() {
    const server = fakeServer();
    const created: ArgsOf<'articles:create'>[] = [];
    const create: CreateCall = (args) => {
      created.push(structuredClone(args));
      return Promise.resolve({ id: ID, version: 1, slug: 'new', slugLocked: false } as Article);
    };
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, create, idleMs: 500 });
    return { saver, server, created };
  }

  it('stores nothing while nothing is typed', async () => {
    const { saver, server, created } = newStory();
    saver.setCreationDefaults({ dateline: 'ISLAMABAD' });
    await vi.advanceTimersByTimeAsync(5000);
    await saver.flush();
    expect(created).toEqual([]);
    expect(server.calls).toEqual([]);
    expect(saver.isStored()).toBe(false);
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('is stored at its first change, under its own id, with the defaults; later edits are saves', async () => {
    const { saver, server, created } = newStory();
    let findAuthor: (patch: FieldPatch) => void = () => undefined;
    saver.setCreationDefaults(new Promise<FieldPatch>((resolve) => (findAuthor = resolve)));
    saver.setHeadline('T');
    await vi.advanceTimersByTimeAsync(0);
    // Not before the default byline is known.
    expect(created).toEqual([]);
    findAuthor({ authorIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c' as AuthorId] });
    await settle();
    await saver.flush();
    expect(created).toEqual([{ authorIds: ['0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c'], headline: 'T', id: ID }]);
    expect(saver.isStored()).toBe(true);

    saver.setHeadline('Typed ahead');
    await saver.flush();
    expect(server.calls).toEqual([{ id: ID, version: 1, patch: { headline: 'Typed ahead' } }]);
  });

  it('goes on over the stored story when its first save was stored but not answered', async () => {
    const server = fakeServer();
    const create: CreateCall = () => Promise.reject(new ApiError('conflict', 'This story is already in the library.'));
    const probe: ProbeCall = () => Promise.resolve({ version: 1, trashedAt: null });
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: server.save, create, probe, idleMs: 500 });
    saver.setHeadline('Sent twice');
    await saver.flush();
    expect(saver.isStored()).toBe(true);
    expect(server.calls).toEqual([{ id: ID, version: 1, patch: { headline: 'Sent twice' } }]);
    expect(saver.getState().kind).toBe('saved');
  });

  it('keeps a story the library could not store, marked as never stored', async () => {
    const create: CreateCall = () => Promise.reject(new ApiError('library-unavailable', 'The disk is full.'));
    const keeper = fakeKeeper();
    const saver = new ArticleSaver({ id: ID, version: 1 }, { save: fakeServer().save, create, idleMs: 500 });
    saver.attachKeeper(keeper);
    saver.setHeadline('Lost without a keeper');
    await saver.flush();
    expect(keeper.kept.at(-1)).toMatchObject({ version: 0, fields: { headline: 'Lost without a keeper' } });
    expect(saver.isStored()).toBe(false);
  });
});

/** A keeper that records what it was given. */
function fakeKeeper(): Keeper & { kept: Unsaved[]; cleared: number } {
  const keeper = {
    kept: [] as Unsaved[],
    cleared: 0,
    keep: (unsaved: Unsaved) => {
      keeper.kept.push(structuredClone(unsaved));
      return true;
    },
    clear: () => {
      keeper.cleared += 1;
    },
  };
  return keeper;
}
