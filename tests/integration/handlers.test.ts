import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { dispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlers';
import { createHandlers } from '../../electron/api/handlers';
import { createArticle } from '../../electron/services/articles';
import { LibraryHost } from '../../electron/services/LibraryHost';
import type { ArgsOf, Channel, Envelope, ResultOf } from '../../shared/api';
import { CHANNELS, contract } from '../../shared/api';
import type { Article } from '../../shared/domain';
import { SourceFieldsSchema, sourceFieldsOf, type Source, type SourceFields } from '../../shared/sources';
import type { ApiErrorCode } from '../../shared/errors';
import { bodyFromParagraphs } from '../../shared/text';
import { damageLibraryPages } from '../helpers/damage';
import { pngImage } from '../helpers/images';
import { dumpDatabase, openTempLibrary } from '../helpers/library';
import { startSilentServer } from '../helpers/silentServer';
import { withNameFinder } from '../helpers/nameFinder';

withNameFinder();

let library: ReturnType<typeof openTempLibrary>;
let handlers: Handlers;
beforeEach(() => {
  library = openTempLibrary();
  handlers = createHandlers(library.context);
});
afterEach(() => library.close());

const UNKNOWN_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';

/** A source's editable fields, as an update sends them. */
const fieldsOf = (source: Source): SourceFields => SourceFieldsSchema.parse(sourceFieldsOf(source));
const packageVersion = (JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string }).version;

/** Calls a channel and returns its value, failing the test with the error message otherwise. */
async function call<C extends Channel>(channel: C, args: ArgsOf<C>): Promise<ResultOf<C>> {
  const envelope = await dispatch(handlers, channel, args);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}: ${envelope.error.message}`);
  // What crosses IPC or HTTP is JSON: the value must still satisfy the contract after the trip.
  const carried: unknown = JSON.parse(JSON.stringify(envelope.value));
  // contract[channel] is the schema of C's result; TypeScript cannot follow the generic index through parse.
  return contract[channel].result.parse(carried) as ResultOf<C>;
}

function expectError(envelope: Envelope<unknown>, code: ApiErrorCode, label = ''): string {
  expect(envelope.ok, `${label} ${JSON.stringify(envelope).slice(0, 300)}`).toBe(false);
  if (envelope.ok) return '';
  expect(envelope.error.code).toBe(code);
  expect(envelope.error.message.length).toBeGreaterThan(10);
  return envelope.error.message;
}

const totalChanges = () => library.lib.db.prepare('SELECT total_changes()').pluck().get() as number;

describe('every channel through dispatch', () => {
  it('is callable with valid arguments and answers what the contract promises', async () => {
    const called = new Set<Channel>();
    const track = <C extends Channel>(channel: C, args: ArgsOf<C>) => {
      called.add(channel);
      return call(channel, args);
    };

    const empty = await track('library:info', {});
    expect(empty).toMatchObject({ path: library.file, articleCount: 0, trashedCount: 0, appVersion: packageVersion });
    expect(empty.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(empty.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);

    const sample = await track('library:addSample', {});
    expect(sample.headline).toMatch(/Night Ferry/);

    const preferences = await track('preferences:update', { userName: 'Amna Riaz' });
    expect(preferences).toMatchObject({ preferences: { userName: 'Amna Riaz' }, notice: null });
    expect((await track('preferences:get', {})).preferences.userName).toBe('Amna Riaz');

    const maria = await track('authors:create', { name: 'Maria Okafor', bio: 'Covers the harbour.' });
    const omar = await track('authors:create', { name: '  Omar Khan ' });
    expect(omar).toEqual({ id: omar.id, name: 'Omar Khan', bio: '' });
    // Found by the same name in another case; made when there is none.
    expect(await track('authors:findOrCreate', { name: ' OMAR KHAN ' })).toEqual(omar);
    const amna = await track('authors:findOrCreate', { name: 'Amna Riaz' });
    expect(amna).toEqual({ id: amna.id, name: 'Amna Riaz', bio: '' });
    expect(amna.id).not.toBe(omar.id);

    const png = pngImage(3, 2);
    const image = await track('assets:addImage', { name: 'quay.png', dataBase64: png.toString('base64') });
    expect(image).toMatchObject({ mimeType: 'image/png', width: 3, height: 2, byteLength: png.length });
    const stored = await track('assets:get', { id: image.id });
    expect(stored.asset).toEqual(image);
    expect(Buffer.from(stored.dataBase64, 'base64').equals(png)).toBe(true);

    const created = await track('articles:create', {
      headline: 'Lighthouse reopens',
      body: bodyFromParagraphs(['The lighthouse on the point reopens on Friday.']),
      tags: ['harbour'],
      authorIds: [maria.id, omar.id],
      leadImage: { assetId: image.id, caption: 'The lighthouse at dusk.', credit: 'Amna Riaz' },
    });
    expect(created).toMatchObject({
      version: 1,
      slug: 'lighthouse-reopens',
      wordCount: 8,
      tags: ['harbour'],
      byline: 'Maria Okafor and Omar Khan',
      authors: [maria, omar],
      leadImage: { asset: image, caption: 'The lighthouse at dusk.', credit: 'Amna Riaz' },
    });

    const listed = await track('articles:list', {});
    expect(listed.total).toBe(2);
    expect(listed.items.map((item) => item.id).sort()).toEqual([sample.id, created.id].sort());

    expect(await track('articles:get', { id: created.id })).toEqual(created);

    const saved = await track('articles:save', { id: created.id, version: 1, patch: { status: 'editing' } });
    expect(saved).toMatchObject({ version: 2, status: 'editing' });
    expect(await track('articles:statusHistory', { id: created.id })).toEqual([
      { from: 'draft', to: 'editing', changedBy: 'Amna Riaz', changedAt: saved.updatedAt },
    ]);
    // The person who made the story owns it; the sample, made before anyone gave a name, has no owner.
    expect([created.owner, sample.owner]).toEqual(['Amna Riaz', '']);
    const assigned = await track('articles:assign', { id: created.id, assignee: ' Rita Okafor ', step: 'fact-check' });
    expect(assigned).toMatchObject({ assignee: 'Rita Okafor', assignedStep: 'fact-check', version: saved.version });
    const handedOn = await track('articles:setOwner', { id: created.id, owner: 'Omar Khan' });
    expect(handedOn.owner).toBe('Omar Khan');
    expect((await track('articles:setOthersSuggest', { id: created.id, value: true })).othersSuggest).toBe(true);
    expect(await track('articles:workflowHistory', { id: created.id })).toEqual([
      { kind: 'status', from: 'draft', to: 'editing', by: 'Amna Riaz', at: saved.updatedAt },
      { kind: 'assignment', from: '', to: 'Rita Okafor', step: 'fact-check', by: 'Amna Riaz', at: assigned.updatedAt },
      { kind: 'owner', from: 'Amna Riaz', to: 'Omar Khan', by: 'Amna Riaz', at: handedOn.updatedAt },
    ]);

    expect(await track('authors:find', { query: 'OKAF' })).toEqual([{ ...maria, articleCount: 1 }]);
    const renamed = await track('authors:update', { id: maria.id, name: 'Maria Okafor-Reyes', bio: maria.bio });
    expect(renamed).toEqual({ ...maria, name: 'Maria Okafor-Reyes' });
    expect((await call('articles:get', { id: created.id })).byline).toBe('Maria Okafor-Reyes and Omar Khan');

    const kept = await track('revisions:create', { articleId: created.id, label: '  Before the subs  ' });
    expect(kept).toMatchObject({ articleId: created.id, articleVersion: 2, kind: 'manual', label: 'Before the subs' });
    const edited = await call('articles:save', {
      id: created.id,
      version: 2,
      patch: { headline: 'Lighthouse stays shut', body: bodyFromParagraphs(['Repairs overran.']) },
    });
    const history = await track('revisions:list', { articleId: created.id });
    expect(history[0]).toEqual(kept);
    // Leaving the story keeps what was left, signed, once: nothing new is kept a second time.
    const left = await track('revisions:endSession', { articleId: created.id });
    expect(left).toMatchObject({
      kind: 'auto',
      label: 'On leaving the story',
      articleVersion: edited.version,
      headline: 'Lighthouse stays shut',
      createdBy: 'Amna Riaz',
    });
    expect(await call('revisions:endSession', { articleId: created.id })).toBeNull();
    const keptText = await track('revisions:get', { id: kept.id });
    expect(keptText).toMatchObject({ headline: 'Lighthouse reopens', bodyText: created.bodyText, status: 'editing' });
    const restored = await track('revisions:restore', {
      articleId: created.id,
      revisionId: kept.id,
      version: edited.version,
    });
    expect(restored).toMatchObject({ headline: 'Lighthouse reopens', bodyText: created.bodyText, version: 4 });

    const found = await track('articles:search', { query: 'lighthouse' });
    expect(found.hits.map((hit) => hit.id)).toEqual([created.id]);
    const facets = await track('library:facets', { filters: { tag: 'harbour' } });
    expect(facets.total).toBe(1);
    expect(facets.tags).toContainEqual({ name: 'harbour', count: 1 });
    expect(facets.statuses).toContainEqual({ status: 'editing', count: 1 });

    const trashed = await track('articles:trash', { id: created.id });
    expect(trashed.trashedAt).not.toBeNull();
    expect((await call('library:info', {})).trashedCount).toBe(1);

    const back = await track('articles:restore', { id: created.id });
    expect(back.trashedAt).toBeNull();

    const text = 'Ferry timetable published\n\nBluewater Lines published the new timetable.';
    const { jobId } = await track('imports:start', {
      files: [{ name: 'ferry.txt', dataBase64: Buffer.from(text).toString('base64') }],
    });
    let status = await track('imports:status', { jobId });
    while (status.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 5));
      status = await call('imports:status', { jobId });
    }
    expect(status.result?.imported.map((item) => item.headline)).toEqual(['Ferry timetable published']);
    expect((await track('imports:cancel', { jobId })).state).toBe('done');

    const statement = 'Statement on the lighthouse\n\nThe lighthouse reopens on Friday, the harbour master said.';
    const source = await track('sources:add', {
      from: { file: { name: 'statement.txt', dataBase64: Buffer.from(statement).toString('base64') } },
      fields: { kind: 'official-statement', reliability: 'B' },
      articleId: created.id,
    });
    expect(source).toMatchObject({ title: 'Statement on the lighthouse', kind: 'official-statement', articleCount: 1 });
    const snapshotId = source.snapshots[0]?.id ?? UNKNOWN_ID;
    const snapshot = await track('sources:snapshot', { id: snapshotId });
    expect(snapshot.text).toBe(
      'Statement on the lighthouse\n\nThe lighthouse reopens on Friday, the harbour master said.',
    );
    expect((await track('sources:get', { id: source.id })).snapshots).toHaveLength(1);
    const pasted = (text: string, label: string) => track('sources:add', { from: { paste: { text, label } } });
    expect((await pasted('\u0000\nThe harbour reopens.', 'call')).title).toBe('The harbour reopens.');
    expect((await pasted('\u0000', '\u0000')).title).toBe('Untitled source');
    expect((await track('sources:list', { query: 'harbour master' })).sources.map((s) => s.id)).toEqual([source.id]);
    const other = await track('sources:create', {
      kind: 'wire-copy',
      title: 'Wire: lighthouse',
      publisher: 'Reuters',
      author: '',
      url: '',
      publishedDate: '',
      accessedDate: '',
      reliability: 'C',
      notes: '',
    });
    expect(
      (await track('sources:update', { id: other.id, fields: { ...fieldsOf(other), reliability: 'A' } })).reliability,
    ).toBe('A');
    expect((await track('sources:attach', { articleId: created.id, sourceId: other.id })).map((s) => s.title)).toEqual([
      'Statement on the lighthouse',
      'Wire: lighthouse',
    ]);
    expect(await track('sources:detach', { articleId: created.id, sourceId: other.id })).toHaveLength(1);
    expect(await track('sources:forArticle', { articleId: created.id })).toHaveLength(1);
    const recaptured = await track('sources:recapture', {
      id: source.id,
      from: { paste: { text: 'The lighthouse reopens on Saturday.', label: 'Correction' } },
    });
    expect(recaptured.snapshots).toHaveLength(2);

    const claim = await track('claims:create', { articleId: created.id, kind: 'date', text: 'reopens on Friday' });
    expect((await track('claims:setKind', { id: claim.id, kind: 'attribution' })).kind).toBe('attribution');
    const start = snapshot.text.indexOf('reopens on Friday');
    const linked = await track('claims:addEvidence', {
      claimId: claim.id,
      snapshotId,
      start,
      end: start + 'reopens on Friday'.length,
    });
    expect(linked.evidence[0]).toMatchObject({ exact: 'reopens on Friday', suffix: ', the harbour master said.' });
    const checked = await track('claims:setVerdict', { id: claim.id, verdict: 'verified', note: 'In the statement.' });
    expect(checked).toMatchObject({ verdict: 'verified', checker: 'Amna Riaz', note: 'In the statement.' });
    const noted = await track('claims:setNote', { id: claim.id, note: 'In the statement, paragraph 2.' });
    expect(noted).toMatchObject({ verdict: 'verified', note: 'In the statement, paragraph 2.' });
    expect(await track('claims:history', { id: claim.id })).toEqual([
      {
        verdict: 'verified',
        checker: 'Amna Riaz',
        note: 'In the statement.',
        at: checked.checkedAt,
        text: 'reopens on Friday',
      },
      {
        verdict: 'verified',
        checker: 'Amna Riaz',
        note: 'In the statement, paragraph 2.',
        at: noted.checkedAt,
        text: 'reopens on Friday',
      },
    ]);
    expect(
      (await track('claims:removeEvidence', { evidenceId: linked.evidence[0]?.id ?? UNKNOWN_ID })).evidence,
    ).toEqual([]);
    const suggestions = await track('related:suggest', {
      draft: {
        headline: 'Lighthouse keeper retires',
        text: 'The lighthouse keeper retires on Friday.',
        tags: ['harbour'],
      },
    });
    expect(suggestions.related[0]).toMatchObject({ articleId: created.id, headline: 'Lighthouse reopens' });
    expect(suggestions.related[0]?.reason).toBe('Shares tags: harbour; key terms: lighthouse');
    // The imported timetable waits for the background analysis; saved articles never do.
    expect(suggestions).toMatchObject({ duplicates: [], unindexed: 1 });
    const report = await track('claims:report', { articleId: created.id });
    expect(report.fileName).toMatch(/^fact-check-.+\.html$/);
    expect(report.html).toContain('1 of 1 claim checked');
    expect(report.html).toContain('reopens on Friday');
    expect((await track('claims:dismiss', { id: claim.id })).state).toBe('dismissed');
    expect((await track('claims:list', { articleId: created.id })).map((c) => c.id)).toEqual([claim.id]);

    expect(await track('deskWords:list', {})).toEqual([]);
    expect(await track('deskWords:add', { word: ' Okafor ' })).toEqual(['Okafor']);
    expect(await track('deskWords:add', { word: 'Shehbaz  Sharif' })).toEqual(['Okafor', 'Shehbaz Sharif']);
    expect(await track('deskWords:remove', { word: 'Okafor' })).toEqual(['Shehbaz Sharif']);

    const threadId = randomUUID();
    const thread = await track('comments:start', {
      articleId: created.id,
      threadId,
      quote: 'reopens on Friday',
      text: 'Is Friday confirmed?',
    });
    expect(thread).toMatchObject({ id: threadId, author: 'Amna Riaz', quote: 'reopens on Friday', resolved: false });
    const replied = await track('comments:reply', { threadId, text: 'Yes: the statement says so.' });
    expect(replied.entries.map((entry) => [entry.kind, entry.author, entry.text])).toEqual([
      ['comment', 'Amna Riaz', 'Is Friday confirmed?'],
      ['comment', 'Amna Riaz', 'Yes: the statement says so.'],
    ]);
    expect((await track('comments:list', { articleId: created.id })).map((listed) => listed.id)).toEqual([threadId]);
    expect(await track('comments:people', {})).toEqual([]);
    expect(await track('comments:mentions', {})).toEqual([]);
    expect((await track('comments:resolve', { threadId })).resolved).toBe(true);
    expect((await track('comments:reopen', { threadId })).resolved).toBe(false);
    expect((await call('comments:resolve', { threadId })).entries).toHaveLength(5);

    // Sent to a desk: here a stand-in that keeps what arrives and answers as a desk does.
    const arrivals: unknown[] = [];
    const standIn = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        arrivals.push({
          path: req.url,
          key: req.headers.authorization,
          bundle: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        });
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ ok: true, value: { id: created.id, headline: 'Lighthouse reopens' } }));
      });
    });
    await new Promise<void>((resolve) => standIn.listen(0, '127.0.0.1', resolve));
    const port = (standIn.address() as AddressInfo).port;
    const sent = await track('stories:send', {
      articleId: created.id,
      desk: `http://127.0.0.1:${port}/`,
      key: 'cdk_test',
    });
    standIn.close();
    expect(sent).toMatchObject({ articleId: created.id, headline: 'Lighthouse reopens', sources: 1, claims: 1 });
    expect(arrivals).toMatchObject([{ path: '/api/stories:receive', key: 'Bearer cdk_test' }]);
    const bundle = (arrivals[0] as { bundle: ArgsOf<'stories:receive'> }).bundle;
    expect(bundle.tables.claim_evidence).toHaveLength(1);

    // A desk that takes the story in and never answers: the person stops the send.
    const silent = await startSilentServer();
    const sendId = randomUUID();
    const stuck = track('stories:send', {
      articleId: created.id,
      desk: `${silent.origin}/`,
      key: 'cdk_test',
      sendId,
    });
    const refusal = expect(stuck).rejects.toThrow(/Sending stopped\. The story is still here\./);
    await silent.arrived;
    expect(await track('stories:cancelSend', { sendId })).toBe(true);
    await refusal;
    expect(await call('stories:cancelSend', { sendId })).toBe(false);
    silent.close();

    const exportCheck = await track('export:check', { articleId: created.id, timeZone: 'Europe/London' });
    expect(exportCheck).toMatchObject({ ready: true, defaultFolder: path.join(library.dir, 'Exports') });
    // Its lead picture has no alt text yet.
    expect(exportCheck.items.map((item) => item.id)).toEqual(['alt:lead', 'dateline']);
    expect(await track('export:folder', { folder: exportCheck.defaultFolder })).toEqual({
      folder: exportCheck.defaultFolder,
      exists: false,
      create: [exportCheck.defaultFolder],
      problem: null,
    });
    const exported = await track('export:run', { articleId: created.id, folder: exportCheck.defaultFolder, zip: true });
    expect(exported.path).toBe(path.join(library.dir, 'Exports', `${exportCheck.name}.zip`));
    expect(exported.manifest.files.map((file) => file.path)).toContain('factcheck-report.html');
    expect(exported.files).toBe(exported.manifest.files.length);
    expect(fs.statSync(exported.path).size).toBe(exported.bytes);
    expect(await track('library:status', {})).toEqual({
      state: 'open',
      path: library.file,
      problem: null,
      latestBackup: null,
      backupFailure: null,
    });
    const backup = await track('backups:create', {});
    expect(backup).toMatchObject({ reason: 'manual', articleCount: 3 });
    const backups = await track('backups:list', {});
    expect(backups).toMatchObject({ backups: [backup], lastFailure: null });
    await call('articles:trash', { id: created.id });
    const restoredLibrary = await track('backups:restore', { name: backup.name });
    expect(restoredLibrary.setAside).toMatch(/library\.sqlite3\.before-restore-\d{8}-\d{6}$/);
    expect((await call('library:info', {})).articleCount).toBe(3);

    const otherLibrary = path.join(library.dir, 'other.sqlite3');
    expect(await track('libraries:create', { path: otherLibrary })).toMatchObject({
      state: 'open',
      path: otherLibrary,
    });
    expect((await call('library:info', {})).articleCount).toBe(0);
    // The story sent above, taken in by this library: whole, with its claim and source.
    expect((await track('stories:receive', bundle)).headline).toBe('Lighthouse reopens');
    expect((await call('claims:list', { articleId: created.id })).map((c) => c.text)).toEqual(['reopens on Friday']);
    expect(await call('sources:forArticle', { articleId: created.id })).toHaveLength(1);
    const recent = await track('libraries:recent', {});
    expect(recent.map((entry) => [entry.name, entry.current])).toEqual([
      ['other.sqlite3', true],
      ['library.sqlite3', false],
    ]);
    expect(await track('libraries:open', { path: library.file })).toMatchObject({ state: 'open', path: library.file });
    const forgotten = await track('libraries:forget', { path: otherLibrary });
    expect(forgotten.map((entry) => entry.name)).toEqual(['library.sqlite3']);

    expect([...called].sort()).toEqual([...CHANNELS].sort());
  });
});

/** A well-formed source; each malformed payload changes one field of it. */
const BLANK_SOURCE = {
  kind: 'document',
  title: 'x',
  publisher: '',
  author: '',
  url: '',
  publishedDate: '',
  accessedDate: '',
  reliability: 'A',
  notes: '',
};

describe('malformed payloads', () => {
  const huge = 'H'.repeat(501);
  const notARoot = { root: { type: 'paragraph', children: [] } };
  const common: unknown[] = [
    null,
    [],
    [{}],
    'articles',
    '',
    42,
    true,
    { unexpected: 1 },
    { __proto__: { a: 1 }, x: 1 },
  ];
  const refSpecific = [
    {},
    { id: 'ferry' },
    { id: 42 },
    { id: null },
    { id: `${UNKNOWN_ID}x` },
    { id: UNKNOWN_ID, extra: true },
  ];
  const specific: Record<Channel, unknown[]> = {
    'library:info': [{ path: '/etc/passwd' }],
    'library:addSample': [{ headline: 'x' }],
    'articles:list': [
      { limit: '5' },
      { limit: 0 },
      { limit: 100000 },
      { offset: -1 },
      { offset: 1.5 },
      { trashed: 'yes' },
      { sort: 'words' },
      { direction: 'sideways' },
      { filters: { statuses: ['published'] } },
      { filters: { section: 42 } },
      { filters: { date: { field: 'dateline' } } },
      { filters: { assignedTo: 42 } },
      { filters: { assignedTo: 'x'.repeat(201) } },
    ],
    'articles:get': refSpecific,
    'library:facets': [{ filters: 'all' }, { filters: { authorId: 'Maria Okafor' } }, { filters: { tag: '' } }],
    'articles:create': [
      { headline: huge },
      { headline: 42 },
      { body: notARoot },
      { body: 'plain text' },
      { body: { root: { type: 'root', children: 'x' } } },
      { tags: 'transport' },
      { tags: [''] },
      { status: 'published' },
      { wordCount: 3 },
      { byline: 'Maria Okafor' },
      { authorIds: 'Maria Okafor' },
      { authorIds: ['Maria Okafor'] },
      { slug: 'Chosen Slug' },
      { slug: 'chosen slug' },
      { slug: '' },
      { language: 'english' },
      { language: 'en_GB' },
      { lengthTarget: 0 },
      { lengthTarget: 350.5 },
      { lengthTarget: '400' },
      { datelineDate: '2026-02-30' },
      { datelineDate: '02/03/2026' },
      { leadImage: { assetId: UNKNOWN_ID } },
      { leadImage: { assetId: 'quay.png', caption: '', credit: '' } },
      { leadImage: { assetId: UNKNOWN_ID, caption: 'x'.repeat(1001), credit: '' } },
      { syndicationCredit: 'x'.repeat(301) },
    ],
    'articles:save': [
      {},
      { version: 1, patch: {} },
      { id: 'ferry', version: 1, patch: {} },
      { id: UNKNOWN_ID, patch: {} },
      { id: UNKNOWN_ID, version: '1', patch: {} },
      { id: UNKNOWN_ID, version: 0, patch: {} },
      { id: UNKNOWN_ID, version: 1 },
      { id: UNKNOWN_ID, version: 1, patch: null },
      { id: UNKNOWN_ID, version: 1, patch: { headline: huge } },
      { id: UNKNOWN_ID, version: 1, patch: { body: notARoot } },
      { id: UNKNOWN_ID, version: 1, patch: { version: 9 } },
      { id: UNKNOWN_ID, version: 1, patch: {}, force: true },
      { id: UNKNOWN_ID, version: 1, patch: { byline: 'Maria Okafor' } },
      { id: UNKNOWN_ID, version: 1, patch: { slug: 'Night Ferry' } },
    ],
    'articles:trash': refSpecific,
    'articles:restore': refSpecific,
    'articles:search': [
      {},
      { query: 42 },
      { query: 'x'.repeat(1001) },
      { query: 'ferry', limit: 0 },
      { query: ['ferry'] },
      { query: 'ferry', filters: { statuses: 'draft' } },
    ],
    'articles:statusHistory': refSpecific,
    'articles:assign': [
      { id: UNKNOWN_ID },
      { id: UNKNOWN_ID, assignee: 'Rita Okafor' },
      { id: UNKNOWN_ID, assignee: 'Rita Okafor', step: 'proofreading' },
      { id: UNKNOWN_ID, assignee: 42, step: 'editing' },
      { id: UNKNOWN_ID, assignee: 'x'.repeat(101), step: 'editing' },
      { id: UNKNOWN_ID, assignee: 'Rita\u0000Okafor', step: 'editing' },
      { id: UNKNOWN_ID, assignee: 'Rita\nOkafor', step: 'editing' },
      { id: 'ferry', assignee: 'Rita Okafor', step: 'editing' },
      { id: UNKNOWN_ID, assignee: 'Rita Okafor', step: 'editing', by: 'Someone' },
    ],
    'articles:setOwner': [
      { id: UNKNOWN_ID },
      { id: UNKNOWN_ID, owner: '' },
      { id: UNKNOWN_ID, owner: '   ' },
      { id: UNKNOWN_ID, owner: 'x'.repeat(101) },
      { id: UNKNOWN_ID, owner: 'Amna\u001bRiaz' },
      { id: UNKNOWN_ID, owner: ['Amna Riaz'] },
      { id: 'ferry', owner: 'Amna Riaz' },
    ],
    'articles:setOthersSuggest': [
      { id: UNKNOWN_ID },
      { id: UNKNOWN_ID, value: 'yes' },
      { id: UNKNOWN_ID, value: 1 },
      { id: 'ferry', value: true },
      { id: UNKNOWN_ID, value: true, owner: 'Amna Riaz' },
    ],
    'articles:workflowHistory': refSpecific,
    'authors:find': [
      { query: 42 },
      { query: 'x'.repeat(201) },
      { query: ['maria'] },
      { limit: 0 },
      { limit: 101 },
      { limit: 2.5 },
    ],
    'authors:create': [
      {},
      { name: '' },
      { name: '   ' },
      { name: 42 },
      { name: 'x'.repeat(201) },
      { name: '\u0000' },
      { name: 'Maria\u001bOkafor' },
      { name: 'Maria Okafor', bio: 'x'.repeat(2001) },
      { name: 'Maria Okafor', id: UNKNOWN_ID },
    ],
    'authors:findOrCreate': [{}, { name: '   ' }, { name: 'x'.repeat(201) }, { name: 'Maria Okafor', id: UNKNOWN_ID }],
    'authors:update': [
      {},
      { id: UNKNOWN_ID, name: 'Maria Okafor' },
      { id: 'maria', name: 'Maria Okafor', bio: '' },
      { id: UNKNOWN_ID, name: '  ', bio: '' },
      { id: UNKNOWN_ID, name: 'Maria Okafor', bio: 'x'.repeat(2001) },
    ],
    'assets:addImage': [
      {},
      { name: 'quay.png' },
      { dataBase64: 'iVBORw0KGgo=' },
      { name: 'quay.png', dataBase64: 42 },
      { name: 'quay.png', dataBase64: 'not base64!' },
      { name: 'quay.png', dataBase64: 'data:image/png;base64,iVBORw0KGgo=' },
      { name: 'x'.repeat(256), dataBase64: 'iVBORw0KGgo=' },
    ],
    'assets:get': refSpecific,
    'revisions:list': [{}, { articleId: 'ferry' }, { id: UNKNOWN_ID }, { articleId: UNKNOWN_ID, extra: true }],
    'revisions:get': refSpecific,
    'revisions:create': [
      {},
      { articleId: UNKNOWN_ID },
      { articleId: UNKNOWN_ID, label: '' },
      { articleId: UNKNOWN_ID, label: '   ' },
      { articleId: UNKNOWN_ID, label: 'x'.repeat(201) },
      { articleId: 'ferry', label: 'Before the subs' },
      { articleId: UNKNOWN_ID, label: 'Before the subs', kind: 'restore' },
    ],
    'revisions:endSession': [{}, { articleId: 'ferry' }, { articleId: UNKNOWN_ID, extra: true }],
    'revisions:restore': [
      {},
      { articleId: UNKNOWN_ID, revisionId: UNKNOWN_ID },
      { articleId: UNKNOWN_ID, revisionId: UNKNOWN_ID, version: 0 },
      { articleId: UNKNOWN_ID, revisionId: UNKNOWN_ID, version: '1' },
      { articleId: UNKNOWN_ID, revisionId: 'yesterday', version: 1 },
    ],
    'preferences:get': [{ userName: 'Amna Riaz' }],
    'preferences:update': [
      { theme: 'purple' },
      { userName: 42 },
      { userName: 'x'.repeat(201) },
      { autosaveDelayMs: 10 },
      { autosaveDelayMs: '1000' },
      { houseStyle: [{ term: '', suggestion: 'Daesh' }] },
      { houseStyle: 'ISIS -> Daesh' },
      { storePath: '/etc' },
    ],
    'imports:start': [
      {},
      { files: [] },
      { files: 'ferry.txt' },
      { files: [{ name: 'ferry.txt' }] },
      { files: [{ name: '', dataBase64: 'RmVycnk=' }] },
      { files: [{ name: 'ferry.txt', dataBase64: 'not base64!' }] },
    ],
    'imports:status': [{}, { jobId: 'job-1' }, { jobId: UNKNOWN_ID, extra: true }],
    'imports:cancel': [{}, { jobId: 'job-1' }, { jobId: UNKNOWN_ID, extra: true }],
    'sources:list': [{ query: 42 }, { limit: 0 }, { query: 'x'.repeat(1001) }],
    'sources:get': refSpecific,
    'sources:create': [
      { ...BLANK_SOURCE, kind: 'rumour' },
      { ...BLANK_SOURCE, title: ' ' },
      { ...BLANK_SOURCE, url: 'javascript:alert(1)' },
      { ...BLANK_SOURCE, publishedDate: 'yesterday' },
      { ...BLANK_SOURCE, reliability: 'G' },
    ],
    'sources:update': [{ id: UNKNOWN_ID }, { id: UNKNOWN_ID, fields: { title: 'x' } }],
    'sources:add': [
      {},
      { from: { file: { name: 'a.txt', dataBase64: 'not base64!' } } },
      { from: { paste: { text: 42 } } },
      { from: { file: { name: '', dataBase64: '' } } },
      { from: { paste: { text: 'x' }, file: { name: 'a.txt', dataBase64: '' } } },
      { from: { paste: { text: 'x' } }, articleId: 'ferry' },
    ],
    'sources:recapture': [{ id: UNKNOWN_ID }, { id: 'x', from: { paste: { text: 'x' } } }],
    'sources:snapshot': refSpecific,
    'sources:forArticle': [{}, { articleId: 'ferry' }],
    'sources:attach': [{ articleId: UNKNOWN_ID }, { articleId: UNKNOWN_ID, sourceId: 'x' }],
    'sources:detach': [{ articleId: UNKNOWN_ID }, { articleId: UNKNOWN_ID, sourceId: 'x' }],
    'claims:list': [{}, { articleId: 'ferry' }],
    'claims:create': [
      { articleId: UNKNOWN_ID, kind: 'quote', text: '' },
      { articleId: UNKNOWN_ID, kind: 'rumour', text: 'x' },
      { articleId: UNKNOWN_ID, kind: 'quote', text: 'x'.repeat(5001) },
    ],
    'claims:setKind': [
      { id: UNKNOWN_ID, kind: 'rumour' },
      { id: 'x', kind: 'quote' },
    ],
    'claims:setVerdict': [
      { id: UNKNOWN_ID, verdict: 'true' },
      { id: UNKNOWN_ID, verdict: 'verified', note: 42 },
    ],
    'claims:setNote': [{ id: UNKNOWN_ID }, { id: UNKNOWN_ID, note: 42 }, { id: UNKNOWN_ID, note: 'x'.repeat(5001) }],
    'claims:history': refSpecific,
    'claims:addEvidence': [
      { claimId: UNKNOWN_ID, snapshotId: UNKNOWN_ID, start: -1, end: 3 },
      { claimId: UNKNOWN_ID, snapshotId: UNKNOWN_ID, start: 0, end: 0 },
      { claimId: UNKNOWN_ID, snapshotId: UNKNOWN_ID, start: 0.5, end: 3 },
    ],
    'claims:removeEvidence': [{}, { evidenceId: 'x' }],
    'claims:dismiss': refSpecific,
    'claims:report': [{}, { articleId: 'ferry' }, { articleId: UNKNOWN_ID, format: 'pdf' }],
    'comments:list': [{}, { articleId: 'ferry' }, { articleId: UNKNOWN_ID, resolved: false }],
    'comments:start': [
      { articleId: UNKNOWN_ID, threadId: UNKNOWN_ID, quote: 'reopens on Friday', text: '' },
      { articleId: UNKNOWN_ID, threadId: UNKNOWN_ID, quote: 'reopens on Friday', text: '   ' },
      { articleId: UNKNOWN_ID, threadId: UNKNOWN_ID, quote: 'reopens on Friday', text: 'x'.repeat(5001) },
      { articleId: UNKNOWN_ID, threadId: 'thread-1', quote: 'reopens on Friday', text: 'Confirmed?' },
      { articleId: UNKNOWN_ID, threadId: UNKNOWN_ID, quote: 'x'.repeat(5001), text: 'Confirmed?' },
      { articleId: UNKNOWN_ID, threadId: UNKNOWN_ID, text: 'Confirmed?' },
      { articleId: 'ferry', threadId: UNKNOWN_ID, quote: 'reopens on Friday', text: 'Confirmed?' },
      { articleId: UNKNOWN_ID, threadId: UNKNOWN_ID, quote: 'Friday', text: 'Confirmed?', author: 'Someone' },
    ],
    'comments:reply': [
      { threadId: UNKNOWN_ID },
      { threadId: UNKNOWN_ID, text: '' },
      { threadId: UNKNOWN_ID, text: 'x'.repeat(5001) },
      { threadId: UNKNOWN_ID, text: 42 },
      { threadId: 'x', text: 'Confirmed.' },
    ],
    'comments:resolve': [{}, { threadId: 'x' }, { threadId: `${UNKNOWN_ID}x` }, { threadId: UNKNOWN_ID, at: 'now' }],
    'comments:reopen': [{}, { threadId: 'x' }, { threadId: 42 }, { threadId: UNKNOWN_ID, by: 'Amna Riaz' }],
    'comments:mentions': [{ person: 'Amna Riaz' }],
    'comments:people': [{ query: 'Rita' }],
    'stories:cancelSend': [{}, { sendId: 'the last one' }],
    'stories:send': [
      { articleId: UNKNOWN_ID, desk: 'https://desk.example.org', key: 'cdk_abc', sendId: 7 },
      { articleId: UNKNOWN_ID, desk: 'ftp://desk.example.org', key: 'cdk_abc' },
      { articleId: UNKNOWN_ID, desk: 'https://ana:secret@desk.example.org', key: 'cdk_abc' },
      { articleId: UNKNOWN_ID, desk: 'https://desk.example.org', key: '   ' },
    ],
    'stories:receive': [
      { format: 'copydesk-story', schemaVersion: 21, articleId: UNKNOWN_ID, tables: {} },
      { format: 'word', schemaVersion: 21, articleId: UNKNOWN_ID, tables: {} },
    ],
    'export:check': [
      {},
      { articleId: 'ferry' },
      { articleId: UNKNOWN_ID, zip: true },
      { articleId: UNKNOWN_ID, timeZone: 'Mars/Base' },
    ],
    'export:folder': [{}, { folder: 42 }, { folder: 'x'.repeat(5000) }, { folder: '/tmp', create: true }],
    'export:run': [
      { articleId: UNKNOWN_ID },
      { articleId: UNKNOWN_ID, folder: ' ' },
      { articleId: UNKNOWN_ID, folder: '/tmp', zip: 'yes' },
      { articleId: UNKNOWN_ID, folder: '/tmp', overrides: [{ itemId: 'byline', reason: '  ' }] },
      { articleId: UNKNOWN_ID, folder: '/tmp', overrides: [{ itemId: 'byline', reason: 'x'.repeat(501) }] },
      { articleId: UNKNOWN_ID, folder: '/tmp', overrides: [{ itemId: 'byline' }] },
      { articleId: UNKNOWN_ID, folder: '/tmp', overrides: 'byline=wire copy' },
    ],
    'related:suggest': [
      {},
      { articleId: 'ferry' },
      { articleId: UNKNOWN_ID, limit: 0 },
      { articleId: UNKNOWN_ID, limit: 51 },
      { articleId: UNKNOWN_ID, limit: 2.5 },
      { articleId: UNKNOWN_ID, draft: { text: 'Ferry' } },
      { draft: { text: 42 } },
      { draft: { headline: 'Ferry' } },
      { draft: { text: 'Ferry', tags: [''] } },
      { draft: { text: 'Ferry', excludeId: 'ferry' } },
      { draft: { text: 'Ferry', related: [] } },
      { draft: { text: 'x'.repeat(1_000_001) } },
    ],
    'library:status': [{ path: '/etc/passwd' }],
    'libraries:recent': [{ limit: 5 }],
    'libraries:open': [{}, { path: '' }, { path: '   ' }, { path: 42 }, { path: 'x'.repeat(5000) }],
    'libraries:create': [{}, { path: '' }, { path: null }, { path: '/tmp/x.sqlite3', extra: true }],
    'libraries:forget': [{}, { path: '' }, { path: ['a'] }],
    'deskWords:list': [{ word: 'Okafor' }],
    'deskWords:add': [
      {},
      { word: '' },
      { word: '   ' },
      { word: 42 },
      { word: 'x'.repeat(61) },
      { word: 'Okafor\u0000' },
      { word: 'one two three four five' },
      { word: '<script>' },
      { word: 'Okafor', note: 'x' },
    ],
    'deskWords:remove': [{}, { word: '' }, { word: ['Okafor'] }],
    'backups:list': [{ all: true }],
    'backups:create': [{ reason: 'daily' }],
    'backups:restore': [{}, { name: '' }, { name: 42 }, { name: 'x'.repeat(300) }, { latest: true }],
  };

  /** Payloads aimed at the article that exists, so a handler that ran would change it. */
  const aimedAt = (target: Article): Partial<Record<Channel, unknown[]>> => ({
    'articles:save': [
      { id: target.id, version: 1, patch: { headline: huge } },
      { id: target.id, version: 1, patch: { slug: 'Untouchable Slug' } },
      { id: target.id, version: 1, patch: { language: 'English' } },
      { id: target.id, version: 1, patch: { authorIds: ['Maria Okafor'] } },
    ],
    'revisions:create': [{ articleId: target.id, label: ' ' }],
    'articles:assign': [
      { id: target.id, assignee: 'Rita Okafor' },
      { id: target.id, assignee: 'Rita Okafor', step: 'proofreading' },
      { id: target.id, assignee: 'x'.repeat(101), step: 'review' },
    ],
    'articles:setOwner': [
      { id: target.id, owner: ' ' },
      { id: target.id, owner: 'Amna\tRiaz' },
    ],
    'articles:setOthersSuggest': [{ id: target.id, value: 'true' }],
    'comments:start': [
      { articleId: target.id, threadId: UNKNOWN_ID, quote: 'Keep me.', text: ' ' },
      { articleId: target.id, threadId: UNKNOWN_ID, quote: 'Keep me.', text: 'x'.repeat(5001) },
      { articleId: target.id, threadId: 'thread-1', quote: 'Keep me.', text: 'Keep this?' },
    ],
    'revisions:restore': [{ articleId: target.id, revisionId: target.id, version: 0 }],
    'export:run': [
      { articleId: target.id, folder: library.dir, overrides: [{ itemId: 'byline', reason: ' ' }] },
      { articleId: target.id, folder: library.dir, overrides: [{ itemId: 'byline', reason: 'x' }] },
      { articleId: target.id, folder: library.dir, zip: 1 },
    ],
  });

  it.each(CHANNELS)('%s refuses them with invalid-request and leaves the library untouched', async (channel) => {
    // Something to damage, whichever id the payload names.
    const target = await call('articles:create', { headline: 'Untouchable', body: bodyFromParagraphs(['Keep me.']) });
    const before = dumpDatabase(library.lib.db);
    const changes = totalChanges();
    const preferencesBefore = library.context.preferences.get();

    const payloads = [...common, ...specific[channel], ...(aimedAt(target)[channel] ?? [])];
    for (const payload of payloads) {
      const envelope = await dispatch(handlers, channel, payload);
      const message = expectError(envelope, 'invalid-request', JSON.stringify(payload));
      // Written for a person: what was refused, in words, never the channel or a schema path.
      expect(message, JSON.stringify(payload)).toMatch(/^[A-Z“].+\.( \(and \d+ more\))?$/);
      expect(message, JSON.stringify(payload)).not.toContain(channel);
      // A name the caller sent that the contract does not know is quoted back as it was sent.
      const unquoted = message.replace(/“[^”]*”/g, '');
      expect(unquoted, JSON.stringify(payload)).not.toMatch(/\b[a-z]+\.[a-zA-Z]+\b|\b[a-z]+[A-Z][a-zA-Z]*\b/);
    }

    expect(totalChanges()).toBe(changes);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
    expect(library.context.preferences.get()).toEqual(preferencesBefore);
  });

  it('names the headline when it is too long', async () => {
    const message = expectError(await dispatch(handlers, 'articles:create', { headline: huge }), 'invalid-request');
    expect(message).toBe('The headline is too long (at most 500 characters).');
  });
});

describe('refusals and failures', () => {
  it('refuses an unknown channel without running anything', async () => {
    for (const channel of ['articles:delete', 'toString', '__proto__', 'constructor', '', 42, null, undefined]) {
      const message = expectError(await dispatch(handlers, channel, {}), 'invalid-request');
      expect(message).toMatch(/^Unknown request/);
    }
  });

  it('treats a call without any payload as a call without arguments', async () => {
    const envelope = await dispatch(handlers, 'articles:list', undefined);
    expect(envelope).toEqual({ ok: true, value: { items: [], total: 0 } });
  });

  it('reports not-found and conflict from the services as such', async () => {
    expectError(await dispatch(handlers, 'articles:get', { id: UNKNOWN_ID }), 'not-found');
    const article = await call('articles:create', { headline: 'Ferry' });
    await call('articles:save', { id: article.id, version: 1, patch: { headline: 'Ferry trial' } });
    const before = dumpDatabase(library.lib.db);
    expectError(
      await dispatch(handlers, 'articles:save', { id: article.id, version: 1, patch: { headline: 'Stale' } }),
      'conflict',
    );
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });

  it('turns an unexpected failure into an "internal" error with its message', async () => {
    library.host.close();
    const message = expectError(await dispatch(handlers, 'library:info', {}), 'internal');
    expect(message).toMatch(/^Something went wrong inside Copydesk: .*not open/);

    const throwing: Handlers = {
      ...handlers,
      'articles:list': () => {
        throw new RangeError('page out of range');
      },
      'articles:search': () => Promise.reject(new Error('index unavailable')),
      'library:addSample': () => {
        // Code that throws something other than an Error.
        throw 'sample missing' as unknown as Error;
      },
    };
    expect(expectError(await dispatch(throwing, 'articles:list', {}), 'internal')).toContain('page out of range');
    expect(expectError(await dispatch(throwing, 'articles:search', { query: 'x' }), 'internal')).toContain(
      'index unavailable',
    );
    expect(expectError(await dispatch(throwing, 'library:addSample', {}), 'internal')).toContain('sample missing');
  });

  it('refuses to pass on a result that breaks the contract', async () => {
    const broken: Handlers = {
      ...handlers,
      'library:info': () => ({ path: 'x' }) as unknown as ReturnType<Handlers['library:info']>,
    };
    const message = expectError(await dispatch(broken, 'library:info', {}), 'internal');
    expect(message).toMatch(
      /^Copydesk made a mistake in its answer \(.*The schema version is missing\..*\)\. This is a fault in Copydesk/,
    );
    expect(message).not.toContain('library:info');
  });

  it.each<[string, ApiErrorCode, RegExp]>([
    ['SQLITE_BUSY', 'library-unavailable', /busy/],
    ['SQLITE_BUSY_SNAPSHOT', 'library-unavailable', /busy/],
    ['SQLITE_FULL', 'library-unavailable', /disk is full/],
    ['SQLITE_IOERR_WRITE', 'library-unavailable', /disk is full or failing/],
    ['SQLITE_READONLY', 'library-unavailable', /read-only/],
    ['SQLITE_READONLY_DBMOVED', 'library-unavailable', /read-only/],
    ['SQLITE_CORRUPT', 'library-damaged', /damaged/],
    ['SQLITE_NOTADB', 'library-damaged', /damaged/],
    ['SQLITE_CONSTRAINT_UNIQUE', 'internal', /SQLITE_CONSTRAINT_UNIQUE/],
  ])('maps %s to %s', async (sqliteCode, code, message) => {
    const failing: Handlers = {
      ...handlers,
      'articles:list': () => {
        throw new Database.SqliteError('simulated failure', sqliteCode);
      },
    };
    expect(expectError(await dispatch(failing, 'articles:list', {}), code)).toMatch(message);
  });

  it('says the disk is full when a write fails with ENOSPC', async () => {
    const failing: Handlers = {
      ...handlers,
      'articles:list': () => {
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    expect(expectError(await dispatch(failing, 'articles:list', {}), 'library-unavailable')).toMatch(
      /^The disk is full: .*Free some space/,
    );
  });

  it('reports a library locked by another program as unavailable, and changes nothing', async () => {
    library.lib.db.pragma('busy_timeout = 0');
    const other = new Database(library.file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const before = totalChanges();
      expect(
        expectError(await dispatch(handlers, 'articles:create', { headline: 'Blocked' }), 'library-unavailable'),
      ).toMatch(/busy/);
      other.exec('ROLLBACK');
      expect(totalChanges()).toBe(before);
      expect((await call('articles:list', {})).total).toBe(0);
    } finally {
      other.close();
    }
  });
});

describe('library paths in requests', () => {
  it('refuses a relative path, creating nothing where the app was started', async () => {
    const cwd = process.cwd();
    const before = fs.readdirSync(cwd);
    for (const channel of ['libraries:open', 'libraries:create'] as const) {
      for (const relative of ['desk.sqlite3', '../desk.sqlite3', 'libraries/desk.sqlite3']) {
        const message = expectError(await dispatch(handlers, channel, { path: relative }), 'invalid-request', channel);
        expect(message).toBe(
          `Choose the library by its full path, such as /home/me/archive.sqlite3, not "${relative}".`,
        );
      }
    }
    expect(fs.readdirSync(cwd)).toEqual(before);
    expect((await call('library:status', {})).path).toBe(library.file);
  });

  it('refuses to open a library that does not exist rather than create an empty one there', async () => {
    const missing = path.join(library.dir, 'archive.sqlite3');
    const message = expectError(await dispatch(handlers, 'libraries:open', { path: missing }), 'not-found');
    expect(message).toBe(
      `There is no library at ${missing}. Check the path, or use Create library to start a new one there.`,
    );
    expect(fs.existsSync(missing)).toBe(false);
    expect((await call('library:status', {})).path).toBe(library.file);
  });
});

describe('preferences through dispatch', () => {
  it('reads back what was saved, and a change to one preference keeps the others', async () => {
    const defaults = await call('preferences:get', {});
    expect(defaults).toMatchObject({ preferences: { userName: '', theme: 'system' }, notice: null });

    await call('preferences:update', {
      userName: 'Amna Riaz',
      defaultByline: 'Amna Riaz',
      defaultDatelinePlace: 'ISLAMABAD',
      autosaveDelayMs: 2500,
    });
    const updated = await call('preferences:update', { theme: 'dark' });
    const expected = {
      ...defaults.preferences,
      userName: 'Amna Riaz',
      defaultByline: 'Amna Riaz',
      defaultDatelinePlace: 'ISLAMABAD',
      autosaveDelayMs: 2500,
      theme: 'dark',
    };
    expect(updated).toEqual({ preferences: expected, notice: null });
    expect(await call('preferences:get', {})).toEqual({ preferences: expected, notice: null });
  });

  it('records the user name of the preferences as who changed a status, at each change', async () => {
    await call('preferences:update', { userName: 'Amna Riaz' });
    const article = await call('articles:create', { headline: 'Ferry' });
    const editing = await call('articles:save', { id: article.id, version: 1, patch: { status: 'editing' } });
    await call('preferences:update', { userName: 'Omar Khan' });
    const checking = await call('articles:save', { id: article.id, version: 2, patch: { status: 'fact-check' } });
    await call('articles:save', { id: article.id, version: 3, patch: { headline: 'Ferry trial' } });

    expect(await call('articles:statusHistory', { id: article.id })).toEqual([
      { from: 'draft', to: 'editing', changedBy: 'Amna Riaz', changedAt: editing.updatedAt },
      { from: 'editing', to: 'fact-check', changedBy: 'Omar Khan', changedAt: checking.updatedAt },
    ]);
  });

  it('refuses the status history of an unknown article with not-found', async () => {
    expectError(await dispatch(handlers, 'articles:statusHistory', { id: UNKNOWN_ID }), 'not-found');
  });
});

describe('article fields the contract checks', () => {
  it.each([
    [
      'a slug with spaces',
      { slug: 'night ferry' },
      /^A slug is lower-case letters and digits separated by single hyphens\.$/,
    ],
    [
      'a slug in upper case',
      { slug: 'Night-Ferry' },
      /^A slug is lower-case letters and digits separated by single hyphens\.$/,
    ],
    ['a language name', { language: 'English' }, /^The language must be a language tag such as en, ur or pt-BR\.$/],
    [
      'a six-digit year in the dateline date',
      { datelineDate: '252025-12-06' },
      /^The dateline date: The year 252025 is not a year a story is dated in \(1800 to 2100\)\.$/,
    ],
  ])('refuses %s with invalid-request and changes nothing', async (_what, patch, message) => {
    const article = await call('articles:create', { headline: 'Ferry' });
    const before = dumpDatabase(library.lib.db);
    const envelope = await dispatch(handlers, 'articles:save', { id: article.id, version: 1, patch });
    expect(expectError(envelope, 'invalid-request')).toMatch(message);
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});

describe('a new story stored under the id the window gave it', () => {
  it('keeps that id, and refuses a second story under it without touching the first', async () => {
    const id = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a99';
    const article = await call('articles:create', { id, headline: 'Typed ahead' });
    expect(article.id).toBe(id);
    expect(article.version).toBe(1);
    const before = dumpDatabase(library.lib.db);
    const refused = expectError(await dispatch(handlers, 'articles:create', { id, headline: 'Again' }), 'conflict');
    expect(refused).toBe('This story is already in the library: open it from the list to go on with it.');
    expect(dumpDatabase(library.lib.db)).toEqual(before);
  });
});

describe('a library that could not be opened', () => {
  it('answers every library call with the reason, and still lists and restores its backups', async () => {
    const file = path.join(library.dir, 'damaged.sqlite3');
    const original = LibraryHost.open(file);
    createArticle(original.current, { headline: 'Kept in the backup' });
    const backup = await original.backups.backUp('daily');
    original.close();
    damageLibraryPages(file);

    const host = LibraryHost.start(file, { verify: true });
    try {
      const unavailable = createHandlers({ host, preferences: library.context.preferences });
      for (const [channel, args] of [
        ['articles:list', {}],
        ['library:info', {}],
        ['articles:create', { headline: 'Lost' }],
        ['backups:create', {}],
      ] as const) {
        const message = expectError(await dispatch(unavailable, channel, args), 'library-damaged', channel);
        expect(message).toMatch(/damaged\.sqlite3 is damaged .*restore it from a backup/);
      }
      const status = await dispatch(unavailable, 'library:status', {});
      expect(status).toMatchObject({
        ok: true,
        value: { state: 'unavailable', latestBackup: { name: backup.name, articleCount: 1 } },
      });
      const listed = await dispatch(unavailable, 'backups:list', {});
      expect(listed).toMatchObject({ ok: true, value: { backups: [{ name: backup.name }] } });

      const restored = await dispatch(unavailable, 'backups:restore', { name: backup.name });
      expect(restored).toMatchObject({ ok: true, value: { status: { state: 'open' } } });
      const after = await dispatch(unavailable, 'articles:list', {});
      expect(after.ok && (after.value as { total: number }).total).toBe(1);
      expectError(await dispatch(unavailable, 'backups:restore', { name: 'elsewhere.sqlite3' }), 'not-found');
    } finally {
      host.close();
    }
  });
});
