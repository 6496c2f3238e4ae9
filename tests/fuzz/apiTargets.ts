/**
 * Fuzz target for every channel of the API contract, called through dispatch with the handler
 * table on a library in the sandbox: payloads of the wrong type in every field, hostile
 * strings, missing and unknown keys, anything at all, and unknown channels. Each call must
 * answer a success or an error a person can act on, in time, with nothing written outside
 * the library and nothing changed when it is refused.
 */
import fs from 'node:fs';
import path from 'node:path';

import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';

import { dispatch } from '../../electron/api/dispatch';
import type { Handlers } from '../../electron/api/handlers';
import { createHandlers } from '../../electron/api/handlers';
import { startThread } from '../../electron/services/comments';
import { openPreferences } from '../../electron/preferences/confBackend';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { RecentLibraries } from '../../electron/services/RecentLibraries';
import type { Channel, Envelope } from '../../shared/api';
import { CHANNELS, EnvelopeSchema } from '../../shared/api';
import { bodyFromParagraphs } from '../../shared/text';
import { ID, OTHER_ID, VALID } from '../helpers/apiSamples';
import { dumpDatabase } from '../helpers/library';
import { pngImage } from '../helpers/images';
import type { FuzzTarget, Sandbox } from './fuzzRunner';
import { summarise, withinTimeLimit } from './fuzzRunner';
import { ESCAPE_MARKER } from './inputs';

/** One call: a channel (or something that is not one) and its payload. */
export type ApiCase = { channel: string; payload: unknown };

type Ids = Record<
  'article' | 'author' | 'asset' | 'source' | 'snapshot' | 'claim' | 'evidence' | 'revision' | 'thread',
  string
>;

/** Which kind of record an id under this key names, in this channel. */
function kindOfId(channel: string, key: string): keyof Ids | null {
  switch (key) {
    case 'articleId':
    case 'excludeId':
      return 'article';
    case 'authorId':
    case 'authorIds':
      return 'author';
    case 'assetId':
      return 'asset';
    case 'sourceId':
      return 'source';
    case 'snapshotId':
      return 'snapshot';
    case 'claimId':
      return 'claim';
    case 'evidenceId':
      return 'evidence';
    case 'revisionId':
      return 'revision';
    case 'threadId':
      // A new thread's id is the caller's to choose; the others name the library's thread.
      return channel === 'comments:start' ? null : 'thread';
    case 'id': {
      if (channel === 'sources:snapshot') return 'snapshot';
      const prefix = channel.split(':')[0];
      return prefix === 'articles'
        ? 'article'
        : prefix === 'authors'
          ? 'author'
          : prefix === 'assets'
            ? 'asset'
            : prefix === 'revisions'
              ? 'revision'
              : prefix === 'sources'
                ? 'source'
                : prefix === 'claims'
                  ? 'claim'
                  : null;
    }
    default:
      return null;
  }
}

/** A sample payload with its placeholder ids replaced by the library's, and its paths inside the sandbox. */
function realise(channel: Channel, value: unknown, ids: Ids, allowed: string, key = ''): unknown {
  if (typeof value === 'string') {
    if (value === ID || value === OTHER_ID) {
      const kind = kindOfId(channel, key);
      return kind === null ? value : ids[kind];
    }
    if (key === 'path') return path.join(allowed, path.basename(value));
    if (key === 'folder') return allowed;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => realise(channel, item, ids, allowed, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([name, item]) => [name, realise(channel, item, ids, allowed, name)]),
    );
  }
  return value;
}

/** Every place in a payload a value can be put: a path of keys and indexes. */
function placesIn(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length === 0 ? [] : [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, index) => placesIn(item, [...at, index]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, item]) => placesIn(item, [...at, key]))];
  }
  return here;
}

/** A copy of `value` with the value at `place` replaced (or removed, when `replacement` is the REMOVE token). */
const REMOVE = Symbol('remove');
function replaceAt(value: unknown, place: readonly (string | number)[], replacement: unknown): unknown {
  if (place.length === 0) return replacement;
  const [head, ...rest] = place;
  if (Array.isArray(value)) {
    const copy = (value as unknown[]).slice();
    const index = Number(head);
    if (rest.length === 0 && replacement === REMOVE) copy.splice(index, 1);
    else copy[index] = replaceAt(copy[index], rest, replacement);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const key = String(head);
    if (rest.length === 0 && replacement === REMOVE) Reflect.deleteProperty(copy, key);
    else copy[key] = replaceAt(copy[key], rest, replacement);
    return copy;
  }
  return value;
}

/** Values of every JSON type and a few that are not JSON, at their edges. */
const oddValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.anything({ maxDepth: 2 }),
    fc.constantFrom(
      null,
      undefined,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -1,
      0,
      1.5,
      2 ** 53,
      -(2 ** 31),
      1e308,
      '',
      ' ',
      '\u0000',
      true,
      [],
      {},
      [[[[[]]]]],
      { __proto__: { polluted: true } },
      Array.from({ length: 10_000 }, () => 'x'),
    ),
  );

/** Strings a person or an attacker might send: long, odd Unicode, markup, paths that climb out. */
const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.constantFrom(
      ESCAPE_MARKER,
      `../${ESCAPE_MARKER}`,
      `../../${ESCAPE_MARKER}`,
      `..\\..\\${ESCAPE_MARKER}`,
      `C:\\${ESCAPE_MARKER}`,
      `./${ESCAPE_MARKER}/x.sqlite3`,
      `~/${ESCAPE_MARKER}`,
      `file:///tmp/${ESCAPE_MARKER}`,
      '\ud800',
      '\u202e\u0000\uffff',
      'x'.repeat(5000),
      'x'.repeat(300_000),
      '<script>window.__xss=1</script>',
      '"; DROP TABLE articles; --',
      'NEAR(a b, 99999999999)',
      '"unterminated',
      '* OR -',
      '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      'ffffffff-ffff-7fff-bfff-ffffffffffff',
      '2026-02-30',
      '9999-12-31T23:59:59.999Z',
      '=A1+1',
      '%00',
      '__proto__',
      'constructor',
    ),
  );

/** The library, preferences and handlers the calls run against, with one record of every kind. */
export class FuzzApi {
  readonly sandbox: Sandbox;
  host!: LibraryHost;
  handlers!: Handlers;
  ids!: Ids;
  #generation = 0;
  #calls = 0;

  private constructor(sandbox: Sandbox) {
    this.sandbox = sandbox;
  }

  static async open(sandbox: Sandbox): Promise<FuzzApi> {
    const api = new FuzzApi(sandbox);
    await api.#fresh();
    return api;
  }

  async #fresh(): Promise<void> {
    this.#generation += 1;
    const file = path.join(this.sandbox.libraryDir, `api-${this.#generation}.sqlite3`);
    const data = path.join(this.sandbox.libraryDir, 'data');
    this.host = LibraryHost.open(file, { recent: new RecentLibraries(data) });
    this.handlers = createHandlers({ host: this.host, preferences: openPreferences(data) });
    const value = async (channel: Channel, payload: unknown): Promise<Record<string, unknown>> => {
      const envelope = await dispatch(this.handlers, channel, payload);
      if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
      return envelope.value as Record<string, unknown>;
    };
    const author = await value('authors:create', { name: 'Maria Okafor', bio: 'Covers the harbour.' });
    const asset = await value('assets:addImage', {
      name: 'quay.png',
      dataBase64: pngImage(4, 3).toString('base64'),
    });
    const article = await value('articles:create', {
      headline: 'Night ferry trial approved',
      authorIds: [author.id],
      body: bodyFromParagraphs(['The council approved the trial on Monday, killing over 140 delays.']),
    });
    const articleId = String(article.id);
    const source = await value('sources:add', {
      from: { paste: { text: 'The council said the trial starts in May.', label: 'Call notes' } },
      articleId,
    });
    const snapshots = source.snapshots as { id: string }[];
    const claim = await value('claims:create', { articleId, kind: 'figure', text: 'killing over 140 delays' });
    const withEvidence = await value('claims:addEvidence', {
      claimId: claim.id,
      snapshotId: snapshots[0]?.id,
      start: 4,
      end: 20,
    });
    const revision = await value('revisions:create', { articleId, label: 'Sent to legal' });
    const thread = startThread(
      this.host.current,
      { articleId, threadId: uuidv7(), quote: 'killing over 140 delays', text: 'Is it 140?' },
      { userName: 'Maria Okafor' },
    );
    this.ids = {
      article: articleId,
      author: String(author.id),
      asset: String(asset.id),
      source: String(source.id),
      snapshot: String(snapshots[0]?.id),
      claim: String(claim.id),
      evidence: String((withEvidence.evidence as { id: string }[])[0]?.id),
      revision: String(revision.id),
      thread: thread.id,
    };
  }

  /** Before each call: a fresh library now and then, so it stays small and each dump is quick. */
  async next(every = 120): Promise<void> {
    this.#calls += 1;
    if (this.#calls % every !== 0) return;
    this.host.close();
    for (const name of fs.readdirSync(this.sandbox.libraryDir)) {
      if (name.startsWith(`api-${this.#generation}.`)) {
        fs.rmSync(path.join(this.sandbox.libraryDir, name), { recursive: true, force: true });
      }
    }
    await this.#fresh();
  }

  /** The article's version now, for a save that should reach the service. */
  articleVersion(): number {
    const envelope = this.host.current.db
      .prepare('SELECT version FROM articles WHERE id = ?')
      .pluck()
      .get(this.ids.article) as number | undefined;
    return envelope ?? 1;
  }

  close(): void {
    this.host.close();
  }
}

/** Calls for one channel: the sample as it is, and the sample with one place changed or removed, or a key added. */
function callsFor(channel: Channel, api: FuzzApi): fc.Arbitrary<ApiCase> {
  const sample = realise(channel, VALID[channel], api.ids, api.sandbox.allowedDir);
  const places = placesIn(sample);
  const isPath = (place: readonly (string | number)[]) => ['path', 'folder'].includes(String(place.at(-1)));
  const changed =
    places.length === 0
      ? fc.constant(sample)
      : fc
          .tuple(fc.constantFrom(...places), fc.oneof(oddValue(), hostileString(), fc.constant(REMOVE)))
          .map(([place, replacement]) =>
            // Paths a request names are the person's choice; only relative and climbing ones are fuzzed.
            isPath(place) && typeof replacement === 'string' && path.isAbsolute(replacement)
              ? sample
              : replaceAt(sample, place, replacement),
          );
  const extraKey = fc
    .tuple(fc.constantFrom('__proto__', 'constructor', 'isAdmin', 'id', ''), oddValue())
    .map(([key, extra]) => (sample !== null && typeof sample === 'object' ? { ...sample, [key]: extra } : sample));
  return fc
    .oneof(
      { arbitrary: fc.constant(sample), weight: 1 },
      { arbitrary: changed, weight: 6 },
      { arbitrary: extraKey, weight: 1 },
    )
    .map((payload) => ({ channel, payload }));
}

/** Every channel, and names that are not channels, with payloads of anything at all. */
export function apiTarget(api: FuzzApi): FuzzTarget<ApiCase> {
  const perChannel = CHANNELS.map((channel) => callsFor(channel, api));
  const anything = fc
    .tuple(fc.constantFrom(...CHANNELS), fc.oneof(oddValue(), fc.jsonValue()))
    .map(([channel, payload]) => ({ channel, payload }));
  const unknownChannel = fc
    .tuple(
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('__proto__', 'constructor', 'toString', 'articles:delete'),
      ),
      oddValue(),
    )
    .map(([channel, payload]) => ({ channel, payload }));
  return {
    name: 'API channels',
    arbitrary: fc.oneof({ arbitrary: fc.oneof(...perChannel), weight: 8 }, anything, unknownChannel),
    check: (input) => checkCall(api, input),
  };
}

async function checkCall(api: FuzzApi, input: ApiCase): Promise<void> {
  await api.next();
  const label = `${input.channel} ${summarise(input.payload).slice(0, 200)}`;
  let payload = input.payload;
  // A save of the right version reaches the service rather than stopping at the version check.
  if ((input.channel === 'articles:save' || input.channel === 'revisions:restore') && isRecord(payload)) {
    if (payload.version === 3 || payload.version === 4) payload = { ...payload, version: api.articleVersion() };
  }
  const outside = api.sandbox.outsideFiles();
  const allowedBefore = fs.readdirSync(api.sandbox.allowedDir);
  const db = api.host.current.db;
  const before = dumpDatabase(db);
  const envelope: Envelope<unknown> = await withinTimeLimit(label, () =>
    dispatch(api.handlers, input.channel, payload),
  );
  if (!EnvelopeSchema.safeParse(envelope).success) throw new Error(`${label}: not an envelope: ${summarise(envelope)}`);
  if (!envelope.ok) {
    if (envelope.error.code === 'internal' || envelope.error.message.trim() === '') {
      throw new Error(`${label}: not a clear refusal: ${envelope.error.code}: ${envelope.error.message}`);
    }
    if (api.host.current.db === db && JSON.stringify(dumpDatabase(db)) !== JSON.stringify(before)) {
      throw new Error(`${label}: refused (${envelope.error.message}), yet the library changed`);
    }
    const allowedAfter = fs.readdirSync(api.sandbox.allowedDir);
    if (allowedAfter.some((name) => !allowedBefore.includes(name))) {
      throw new Error(`${label}: refused, yet left files behind: ${allowedAfter.join(', ')}`);
    }
  }
  api.sandbox.expectNoEscape(label, outside);
  if (envelope.ok && input.channel === 'imports:start') await settleImport(api, envelope.value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Waits for a background import to finish, so its writes are not taken for another call's. */
async function settleImport(api: FuzzApi, value: unknown): Promise<void> {
  const jobId = isRecord(value) ? value.jobId : undefined;
  for (;;) {
    const status = await dispatch(api.handlers, 'imports:status', { jobId });
    if (!status.ok || !isRecord(status.value) || status.value.state !== 'running') return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
