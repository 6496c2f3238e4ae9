import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch, toApiError } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlers';
import { APP_VERSION, createHandlers } from '../../electron/api/handlers';
import { exportArticle } from '../../electron/export/exportArticle';
import type { PackageFs } from '../../electron/export/writePackage';
import { nodeFs } from '../../electron/export/writePackage';
import { openPreferences } from '../../electron/preferences/confBackend';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { checkLibrary } from '../../reliability/checkLibrary';
import type { ArgsOf, Channel, ResultOf } from '../../shared/api';
import type { ApiErrorPayload } from '../../shared/errors';
import { bodyFromParagraphs } from '../../shared/text';
import { dumpDatabase } from '../helpers/library';
import { smallDisk } from '../helpers/smallDisk';
import { tempDir } from '../helpers/tempLibrary';

// A library on a disk that fills up: as root (as on CI) a real 8 MB tmpfs is mounted and
// filled to the last byte; elsewhere SQLite's page limit and the export's file-system seam
// stand in for it, and the test says so.

let disk: ReturnType<typeof smallDisk>;
let data: ReturnType<typeof tempDir>;
let host: LibraryHost | undefined;
beforeEach(() => {
  disk = smallDisk(8);
  data = tempDir();
  if (!disk.real)
    console.warn(`Disk-full test without a real full disk: ${disk.why}. Using SQLite's page limit instead.`);
});
afterEach(() => {
  host?.close();
  host = undefined;
  disk.cleanup();
  data.cleanup();
});

const story = (paragraphs: number, word: string) =>
  bodyFromParagraphs(
    Array.from({ length: paragraphs }, (_, n) => `${word} ${n}: the harbour board met on Tuesday to discuss fares.`),
  );
const byline = [{ itemId: 'byline', reason: 'Wire copy: the agency carries no byline' }];

async function call<C extends Channel>(handlers: Handlers, channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const envelope = await dispatch(handlers, channel, args);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.value as ResultOf<C>;
}

async function refusal<C extends Channel>(handlers: Handlers, channel: C, args: ArgsOf<C>): Promise<ApiErrorPayload> {
  const envelope = await dispatch(handlers, channel, args);
  if (envelope.ok) throw new Error(`${channel} should have been refused`);
  return envelope.error;
}

/** An export that meets a full disk: the real one, or the file-system seam answering ENOSPC. */
function fullExportFs(): PackageFs | undefined {
  if (disk.real) return undefined;
  const error = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  return {
    ...nodeFs,
    writeSync: () => {
      throw error;
    },
  };
}

describe('a full disk', () => {
  it('refuses saving and exporting with a clear message, keeps everything saved before, and the library opens afterwards', async () => {
    const file = path.join(disk.dir, 'desk.sqlite3');
    const exports = path.join(disk.dir, 'Exports');
    fs.mkdirSync(exports);
    host = LibraryHost.open(file);
    const handlers = createHandlers({ host, preferences: openPreferences(data.dir) });

    const ferry = await call(handlers, 'articles:create', { headline: 'Night ferry', body: story(20, 'Ferry') });
    const saved = await call(handlers, 'articles:save', {
      id: ferry.id,
      version: ferry.version,
      patch: { headline: 'Night ferry trial approved', body: story(30, 'Trial') },
    });
    const first = await call(handlers, 'export:run', { articleId: ferry.id, folder: exports, overrides: byline });
    const before = dumpDatabase(host.current.db);
    const exportedBefore = fs.readdirSync(exports);
    expect(exportedBefore).toEqual([path.basename(first.path)]);

    const db = host.current.db;
    // Every write from here needs room the disk no longer has (the log of changes is emptied first).
    db.pragma('wal_checkpoint(TRUNCATE)');
    if (disk.real) disk.fill();
    else db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);

    // The export moved the story to Exported: the editor saves from the version it reported.
    expect(first.article.version).toBe(saved.version + 1);
    const onSave = await refusal(handlers, 'articles:save', {
      id: ferry.id,
      version: first.article.version,
      patch: { body: story(400, 'Lost') },
    });
    expect(onSave.code).toBe('library-unavailable');
    expect(onSave.message).toMatch(/^The disk is full: this change could not be saved\. Free some space on the disk/);
    expect(onSave.message).toMatch(/everything saved before is intact\.$/);
    const onCreate = await refusal(handlers, 'articles:create', {
      headline: 'Port strike',
      body: story(400, 'Strike'),
    });
    expect(onCreate.message).toMatch(/^The disk is full/);

    let onExport: ApiErrorPayload;
    const exportFs = fullExportFs();
    if (exportFs === undefined) {
      onExport = await refusal(handlers, 'export:run', { articleId: ferry.id, folder: exports, overrides: byline });
    } else {
      try {
        exportArticle(
          host.current,
          { articleId: ferry.id, folder: exports, zip: false, overrides: byline },
          { appVersion: APP_VERSION, fs: exportFs },
        );
        throw new Error('the export should have been refused');
      } catch (error) {
        onExport = toApiError(error).toPayload();
      }
    }
    expect(onExport.message).toMatch(/^The disk holding .*Exports is full: the package did not fit\. Free some space/);
    // Nothing half-written is left beside the package made before.
    expect(fs.readdirSync(exports)).toEqual(exportedBefore);

    expect(dumpDatabase(db)).toEqual(before);
    disk.free();
    db.pragma('max_page_count = 4294967294');
    host.close();

    expect(checkLibrary(file)).toEqual({ ok: true, problems: [] });
    host = LibraryHost.open(file, { verify: true });
    const reopened = createHandlers({ host, preferences: openPreferences(data.dir) });
    const kept = await call(reopened, 'articles:get', { id: ferry.id });
    expect(kept).toMatchObject({ version: first.article.version, headline: 'Night ferry trial approved' });
    expect(kept.bodyText).toBe(saved.bodyText);
    // With room again, saving works.
    const after = await call(reopened, 'articles:save', {
      id: ferry.id,
      version: kept.version,
      patch: { body: story(40, 'Kept') },
    });
    expect(after.version).toBe(kept.version + 1);
  }, 60_000);
});
