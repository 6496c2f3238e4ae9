import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlers';
import { createHandlers } from '../../electron/api/handlers';
import type { ArgsOf, Channel, ResultOf } from '../../shared/api';
import { ManifestSchema } from '../../shared/exports';
import { bodyFromParagraphs } from '../../shared/text';
import { openTempLibrary } from '../helpers/library';

let library: ReturnType<typeof openTempLibrary>;
let handlers: Handlers;
let exports: string;
beforeEach(() => {
  library = openTempLibrary();
  handlers = createHandlers(library.context);
  exports = path.join(library.dir, 'Exports');
});
afterEach(() => library.close());

async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const envelope = await dispatch(handlers, channel, args);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.message}`);
  return envelope.value as ResultOf<C>;
}

async function refusal<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<string> {
  const envelope = await dispatch(handlers, channel, args);
  if (envelope.ok) throw new Error(`${channel} should have been refused`);
  return envelope.error.message;
}

/** A story with no byline: one blocking item. */
async function unsignedStory() {
  return call('articles:create', {
    headline: 'Pakistan and China resume talks',
    dateline: 'ISLAMABAD',
    body: bodyFromParagraphs(['Delegations met in Beijing on Monday.']),
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('exporting through the handler table', () => {
  it('refuses a story with a blocking item not overridden, naming it, and writes nothing', async () => {
    const story = await unsignedStory();
    const check = await call('export:check', { articleId: story.id });
    expect(check.ready).toBe(false);
    expect(check.items.map((item) => [item.id, item.level])).toEqual([['byline', 'blocking']]);
    expect(check.name).toMatch(/^\d{4}-\d{2}-\d{2}-pakistan-and-china-resume-talks$/);

    const revisionsBefore = await call('revisions:list', { articleId: story.id });
    const message = await refusal('export:run', { articleId: story.id, folder: exports });
    expect(message).toMatch(/^The story is not ready to export \(1 blocking item\)\. Byline: The story has no byline/);
    expect(message).toMatch(/override it with a written reason\.$/);
    expect(fs.existsSync(exports)).toBe(false);
    expect(await call('revisions:list', { articleId: story.id })).toEqual(revisionsBefore);
  });

  it('exports with a written reason, kept in the manifest and in the article’s history', async () => {
    const story = await unsignedStory();
    const reason = 'Wire copy: the agency carries no byline.';
    const result = await call('export:run', {
      articleId: story.id,
      folder: exports,
      overrides: [{ itemId: 'byline', reason }],
    });
    expect(path.dirname(result.path)).toBe(exports);
    expect(result.manifest.overrides).toEqual([
      { itemId: 'byline', message: expect.stringMatching(/no byline/) as unknown, reason },
    ]);

    const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(result.path, 'manifest.json'), 'utf8')));
    expect(manifest.generator).toEqual({ name: 'Copydesk', version: expect.any(String) as unknown });
    expect(manifest.article).toMatchObject({ id: story.id, headline: story.headline });
    expect(manifest.checklist.overrides[0]?.reason).toBe(reason);
    for (const file of manifest.files) {
      const bytes = fs.readFileSync(path.join(result.path, file.path));
      expect(sha256(bytes), file.path).toBe(file.sha256);
      expect(bytes.length).toBe(file.size);
    }

    const [latest] = await call('revisions:list', { articleId: story.id });
    expect(latest?.label).toBe(`Exported as ${path.basename(result.path)}; checklist overridden: byline (“${reason}”)`);
    // The export keeps the article as it was: an editor with it open can go on saving.
    expect((await call('articles:get', { id: story.id })).version).toBe(story.version);
  });

  it('names the person exporting in the history', async () => {
    await call('preferences:update', { userName: 'Amna Riaz' });
    const story = await unsignedStory();
    const result = await call('export:run', {
      articleId: story.id,
      folder: exports,
      zip: true,
      overrides: [{ itemId: 'byline', reason: 'Desk copy.' }],
    });
    const [latest] = await call('revisions:list', { articleId: story.id });
    expect(latest?.label).toMatch(
      new RegExp(`^Exported by Amna Riaz as ${path.basename(result.path).replace(/[()]/g, '\\$&')};`),
    );
  });

  it('refuses a trashed story, a folder given by a relative path and a folder that does not exist', async () => {
    const story = await unsignedStory();
    const overrides = [{ itemId: 'byline', reason: 'Desk copy.' }];
    expect(await refusal('export:run', { articleId: story.id, folder: 'Exports', overrides })).toMatch(/full path/);
    const missing = path.join(library.dir, 'nowhere');
    expect(await refusal('export:run', { articleId: story.id, folder: missing, overrides })).toBe(
      `The folder ${missing} does not exist. Choose an existing folder.`,
    );
    await call('articles:trash', { id: story.id });
    expect(await refusal('export:run', { articleId: story.id, folder: exports, overrides })).toMatch(/in the trash/);
    expect(fs.readdirSync(library.dir).filter((name) => name !== 'data' && !name.startsWith('library.'))).toEqual([]);
  });
});
