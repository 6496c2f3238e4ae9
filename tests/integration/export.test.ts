import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlers';
import { createHandlers } from '../../electron/api/handlers';
import type { ArgsOf, Channel, ResultOf } from '../../shared/api';
import { getArticle, saveArticle } from '../../electron/services/articles';
import { createAuthor } from '../../electron/services/authors';
import { createClaim, setVerdict } from '../../electron/services/claims';
import { ManifestSchema } from '../../shared/exports';
import { BodySchema } from '../../shared/domain';
import { bodyFromParagraphs } from '../../shared/text';
import type { PackageFs } from '../../electron/export/writePackage';
import { failingDisk } from '../helpers/failingDisk';
import { openTempLibrary } from '../helpers/library';
import { validateNinjs } from '../helpers/packageValidators';
import { markClaim } from '../helpers/seedPackage';

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
    expect(latest?.label).toBe(
      `Exported as ${path.basename(result.path)}; checklist overridden: the missing byline (“${reason}”)`,
    );
    // What the version is, is kept as such: an export, of the story as it went out.
    expect(latest).toMatchObject({ kind: 'export', status: 'exported' });
    // The story has gone out: its status says so, and the result gives the version an editor
    // with it open goes on saving from.
    const after = await call('articles:get', { id: story.id });
    expect(after).toMatchObject({ status: 'exported', version: story.version + 1, bodyText: story.bodyText });
    expect(result.article).toEqual({ status: 'exported', version: after.version });
    expect(latest?.articleVersion).toBe(after.version);
    const [change] = await call('articles:statusHistory', { id: story.id });
    expect(change).toMatchObject({ from: 'draft', to: 'exported', changedAt: result.manifest.exportedAt });
    await call('articles:save', { id: story.id, version: result.article.version, patch: { dek: 'Saved after.' } });
    // Exported again, it stays Exported, with no second status change.
    const again = await call('export:run', {
      articleId: story.id,
      folder: exports,
      overrides: [{ itemId: 'byline', reason }],
    });
    expect(again.article).toEqual({ status: 'exported', version: after.version + 1 });
    expect(await call('articles:statusHistory', { id: story.id })).toHaveLength(1);
  });

  it('names the person exporting in the history and in the status change', async () => {
    await call('preferences:update', { userName: 'Amna Riaz' });
    const story = await unsignedStory();
    const result = await call('export:run', {
      articleId: story.id,
      folder: exports,
      zip: true,
      overrides: [{ itemId: 'byline', reason: 'Desk copy, no byline needed.' }],
    });
    const [latest] = await call('revisions:list', { articleId: story.id });
    expect(latest?.label).toMatch(
      new RegExp(`^Exported by Amna Riaz as ${path.basename(result.path).replace(/[()]/g, '\\$&')};`),
    );
    expect(await call('articles:statusHistory', { id: story.id })).toMatchObject([
      { from: 'draft', to: 'exported', changedBy: 'Amna Riaz' },
    ]);
  });

  it('makes a missing folder with its parents, opens the next export there, and refuses a mistyped path', async () => {
    const story = await unsignedStory();
    const overrides = [{ itemId: 'byline', reason: 'Desk copy, no byline needed.' }];
    expect((await call('export:check', { articleId: story.id })).defaultFolder).toBe(exports);
    const politics = path.join(library.dir, 'Desk', 'Politics', '2026');
    expect(await call('export:folder', { folder: politics })).toEqual({
      folder: politics,
      exists: false,
      create: [path.join(library.dir, 'Desk'), path.join(library.dir, 'Desk', 'Politics'), politics],
      problem: null,
    });
    const result = await call('export:run', { articleId: story.id, folder: `${politics}${path.sep}`, overrides });
    expect(path.dirname(result.path)).toBe(politics);
    expect((await call('export:folder', { folder: politics })).exists).toBe(true);
    // The next export of this library opens on the folder used last.
    expect((await call('export:check', { articleId: story.id })).defaultFolder).toBe(politics);
    expect(library.context.preferences.get().preferences.exportFolders).toEqual({
      [path.resolve(library.lib.path)]: politics,
    });

    const tooDeep = path.join(library.dir, 'Desk', 'a', 'b', 'c', 'd');
    const plan = await call('export:folder', { folder: tooDeep });
    expect(plan.problem).toMatch(
      /would take 4 new folders inside .*Desk; Copydesk makes at most 3 for an export\. Check the path for a typo/,
    );
    expect(await refusal('export:run', { articleId: story.id, folder: tooDeep, overrides })).toBe(plan.problem);
    const notes = path.join(library.dir, 'notes.txt');
    fs.writeFileSync(notes, 'x');
    expect(
      await refusal('export:run', { articleId: story.id, folder: path.join(notes, 'Exports'), overrides }),
    ).toMatch(/cannot be made: part of that path is a file, not a folder/);
    expect(fs.existsSync(path.join(library.dir, 'Desk', 'a'))).toBe(false);
  });

  it('refuses a trashed story and a folder given by a relative path', async () => {
    const story = await unsignedStory();
    const overrides = [{ itemId: 'byline', reason: 'Desk copy, no byline needed.' }];
    expect(await refusal('export:run', { articleId: story.id, folder: 'Exports', overrides })).toMatch(/full path/);
    await call('articles:trash', { id: story.id });
    expect(await refusal('export:run', { articleId: story.id, folder: exports, overrides })).toMatch(/in the trash/);
    expect(fs.readdirSync(library.dir).filter((name) => name !== 'data' && !name.startsWith('library.'))).toEqual([]);
  });
});

/** Every file and folder under `dir`, hidden ones included. */
const everything = (dir: string) => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

/** A story that passes the checklist: headline, byline, text, dateline. */
async function signedStory() {
  const author = createAuthor(library.lib, 'Amna Riaz', 'Amna Riaz covers diplomacy for the desk.');
  return call('articles:create', {
    headline: 'Pakistan and China resume talks',
    dateline: 'ISLAMABAD',
    authorIds: [author.id],
    body: bodyFromParagraphs(['Delegations met in Beijing on Monday.', 'More than 40 officials attended.']),
  });
}

describe('the checklist and the package agree', () => {
  it('blocks a claim marked false still in the text; overridden, the reason is in the manifest and the history', async () => {
    const story = await signedStory();
    const checker = { userName: 'Omar Khan' };
    const claim = createClaim(library.lib, story.id, 'figure', 'More than 40 officials', checker);
    saveArticle(library.lib, story.id, story.version, {
      body: markClaim(story.body, 'More than 40 officials', claim.id),
    });
    setVerdict(library.lib, claim.id, 'false', 'The ministry counted 12.', checker);

    const check = await call('export:check', { articleId: story.id });
    expect(check.ready).toBe(false);
    expect(check.items.filter((item) => item.level === 'blocking')).toEqual([
      {
        id: `claim:${claim.id}`,
        level: 'blocking',
        where: 'Fact check',
        message: 'The claim "More than 40 officials" is marked false and is still in the text. Correct or remove it.',
      },
    ]);
    expect(await refusal('export:run', { articleId: story.id, folder: exports })).toMatch(
      /^The story is not ready to export \(1 blocking item\)\. Fact check: The claim "More than 40 officials" is marked false/,
    );
    expect(fs.existsSync(exports)).toBe(false);

    const reason = 'Published as the minister said it; the correction runs beside it.';
    const result = await call('export:run', {
      articleId: story.id,
      folder: exports,
      zip: false,
      overrides: [{ itemId: `claim:${claim.id}`, reason }],
    });
    const manifest = ManifestSchema.parse(JSON.parse(fs.readFileSync(path.join(result.path, 'manifest.json'), 'utf8')));
    expect(manifest.checklist.overrides).toEqual([
      { itemId: `claim:${claim.id}`, message: check.items[0]?.message, reason },
    ]);
    // The package says what the check found: the claim is reviewed as false.
    const claims = JSON.parse(fs.readFileSync(path.join(result.path, 'claims.jsonld'), 'utf8')) as {
      '@graph': { claimReviewed: string; reviewRating: { alternateName: string } }[];
    };
    expect(claims['@graph']).toMatchObject([
      { claimReviewed: 'More than 40 officials', reviewRating: { alternateName: 'False' } },
    ]);
    const [latest] = await call('revisions:list', { articleId: story.id });
    expect(latest?.label).toBe(
      `Exported as ${path.basename(result.path)}; checklist overridden: the claim “More than 40 officials” (“${reason}”)`,
    );
  });

  it('blocks a verified claim whose words changed; it leaves unrated until its verdict is confirmed', async () => {
    const story = await signedStory();
    const checker = { userName: 'Omar Khan' };
    const claim = createClaim(library.lib, story.id, 'figure', 'More than 40 officials', checker);
    const marked = saveArticle(library.lib, story.id, story.version, {
      body: markClaim(story.body, 'More than 40 officials', claim.id),
    });
    setVerdict(library.lib, claim.id, 'verified', 'The ministry’s list.', checker);
    expect((await call('export:check', { articleId: story.id })).ready).toBe(true);

    // The figure edited in the text after the verdict.
    const edited = bodyFromParagraphs(['Delegations met in Beijing on Monday.', 'More than 60 officials attended.']);
    saveArticle(library.lib, story.id, marked.version, { body: markClaim(edited, 'More than 60 officials', claim.id) });
    const check = await call('export:check', { articleId: story.id });
    expect(check.ready).toBe(false);
    expect(check.items.filter((item) => item.level === 'blocking')).toEqual([
      {
        id: `claim-changed:${claim.id}`,
        level: 'blocking',
        where: 'Fact check',
        message:
          'The claim "More than 60 officials" changed after it was verified (it was "More than 40 officials"). Confirm the verdict for the new words or give a new one in the Fact check panel.',
      },
    ]);

    // Exported anyway, with a reason: the package does not call the new words verified.
    const result = await call('export:run', {
      articleId: story.id,
      folder: exports,
      zip: false,
      overrides: [{ itemId: `claim-changed:${claim.id}`, reason: 'The minister gave the new figure on air.' }],
    });
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(result.path, name), 'utf8')) as unknown;
    expect(read('claims.jsonld')).toEqual({ '@context': 'https://schema.org', '@graph': [] });
    const annotations = read('annotations.jsonld') as {
      first: { items: { id: string; motivation: string; body: unknown }[] };
    };
    const annotation = annotations.first.items[0];
    expect(annotation).toMatchObject({ id: `urn:uuid:${claim.id}`, motivation: 'highlighting' });
    expect(JSON.stringify(annotation?.body)).toContain(
      'Changed since the verdict: Verified was given to “More than 40 officials”; not checked again.',
    );

    // Confirmed for the new words: ready, and reviewed as verified.
    setVerdict(library.lib, claim.id, 'verified', 'The ministry’s list.', checker);
    expect((await call('export:check', { articleId: story.id })).ready).toBe(true);
    const again = await call('export:run', { articleId: story.id, folder: exports, zip: false });
    const reviews = JSON.parse(fs.readFileSync(path.join(again.path, 'claims.jsonld'), 'utf8')) as {
      '@graph': { claimReviewed: string; reviewRating: { alternateName: string } }[];
    };
    expect(reviews['@graph']).toMatchObject([
      { claimReviewed: 'More than 60 officials', reviewRating: { alternateName: 'Verified' } },
    ]);
  });

  it('exports a story with no text only with a reason, and its ninjs is still valid', async () => {
    const story = await call('articles:create', {
      headline: 'Talks postponed',
      dateline: 'ISLAMABAD',
      body: bodyFromParagraphs([]),
    });
    const check = await call('export:check', { articleId: story.id });
    expect(check.items.filter((item) => item.level === 'blocking').map((item) => item.id)).toEqual(['byline', 'body']);
    const result = await call('export:run', {
      articleId: story.id,
      folder: exports,
      zip: false,
      overrides: [
        { itemId: 'byline', reason: 'A desk note, unsigned by custom.' },
        { itemId: 'body', reason: 'A headline-only flash; the text follows.' },
      ],
    });
    const ninjs = JSON.parse(fs.readFileSync(path.join(result.path, 'article.ninjs.json'), 'utf8')) as unknown;
    expect(validateNinjs(ninjs).errors).toEqual([]);
  });
});

describe('export refusals leave nothing behind', () => {
  it('refuses a folder that is a file, one it may not write in, a read-only disk and a full one', async () => {
    const story = await signedStory();
    const target = path.join(library.dir, 'packages');
    fs.mkdirSync(target);
    const notAFolder = path.join(library.dir, 'notes.txt');
    fs.writeFileSync(notAFolder, 'x');
    expect(await refusal('export:run', { articleId: story.id, folder: notAFolder })).toBe(
      `${notAFolder} is not a folder. Choose a folder to export into.`,
    );

    const revisionsBefore = await call('revisions:list', { articleId: story.id });
    const cases: [PackageFs, boolean, RegExp][] = [
      [
        failingDisk('mkdirSync', 'EACCES'),
        false,
        /^Copydesk may not write in .*packages\. Choose a folder you can write to/,
      ],
      [failingDisk('openSync', 'EACCES'), true, /^Copydesk may not write in .*packages\./],
      [failingDisk('openSync', 'EROFS', 2), false, /packages is on a read-only disk\. Choose another folder\.$/],
      [failingDisk('writeSync', 'ENOSPC', 3), false, /^The disk holding .*packages is full: the package did not fit\./],
      [failingDisk('writeSync', 'ENOSPC'), true, /is full/],
      [failingDisk('renameSync', 'ENOSPC'), false, /is full/],
    ];
    for (const [disk, zip, message] of cases) {
      handlers = createHandlers({ ...library.context, packageFs: disk });
      expect(await refusal('export:run', { articleId: story.id, folder: target, zip })).toMatch(message);
      expect(everything(target)).toEqual([]);
    }
    expect(await call('revisions:list', { articleId: story.id })).toEqual(revisionsBefore);
  });

  it('refuses a story whose picture is gone from the library, saying which, and writes nothing', async () => {
    const story = await signedStory();
    const body = {
      root: {
        ...story.body.root,
        children: [
          ...story.body.root.children,
          {
            type: 'inline-image',
            version: 1,
            assetId: '01900000-0000-7000-8000-000000000000',
            altText: 'The quay',
            caption: 'Ships at the quay.',
            credit: 'AP',
            width: 4,
            height: 3,
          },
        ],
      },
    };
    saveArticle(library.lib, story.id, story.version, { body: BodySchema.parse(body) });
    expect(getArticle(library.lib, story.id).body.root.children).toHaveLength(3);
    fs.mkdirSync(exports);
    expect(await refusal('export:run', { articleId: story.id, folder: exports })).toBe(
      'An image in the text is no longer in this library. Remove it or add the picture again, then export.',
    );
    expect(everything(exports)).toEqual([]);
  });
});
