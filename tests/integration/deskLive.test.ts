import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { $createTextNode } from 'lexical';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';

import { liveStories, tellingLive, type LiveStories } from '../../electron/desk/liveStories';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { revokePerson } from '../../electron/services/people';
import type { WebServer } from '../../electron/web/server';
import { startWebServer } from '../../electron/web/server';
import { bodyFromDocumentUpdates, editBodyDocument } from '../../shared/body/lexical/bodyDocument';
import { DESK_FULL_CLOSE_CODE, DESK_LIVE_PATH, DESK_PRESENCE_PATH } from '../../shared/desk';
import type { Article } from '../../shared/domain';
import { bodyFromParagraphs, bodyToPlainText } from '../../shared/text';
import { liveStatusText } from '../../renderer/features/desk/LiveStatus';
import { LiveConnection } from '../../renderer/features/desk/liveStory';
import { startDeskLibrary } from '../helpers/desk';
import { $firstBlock } from '../helpers/lexicalNodes';
import { tempDir } from '../helpers/tempLibrary';

let temp: ReturnType<typeof tempDir>;
let library: Awaited<ReturnType<typeof startDeskLibrary>>['library'];
let live: LiveStories;
let server: WebServer;
let keys = { ana: '', ben: '' };
const providers: HocuspocusProvider[] = [];

beforeEach(async () => {
  temp = tempDir();
  const desk = await startDeskLibrary(temp.file(), temp.dir, { 'Ana Lima': 'reporter', 'Ben Okafor': 'editor' });
  library = desk.library;
  keys = { ana: desk.keys['Ana Lima'] ?? '', ben: desk.keys['Ben Okafor'] ?? '' };
  live = liveStories(library.client);
  fs.mkdirSync(path.join(temp.dir, 'web'));
  server = await startWebServer({
    answer: library.client.call,
    staticDir: path.join(temp.dir, 'web'),
    desk: { signIn: library.client.signIn, callAs: tellingLive(library.client.callAs, live), live },
  });
});

afterEach(async () => {
  for (const provider of providers.splice(0)) {
    provider.destroy();
    // A socket handed to a provider is not the provider's to close.
    provider.configuration.websocketProvider.destroy();
  }
  await live.close();
  await server.close();
  await library.stop();
  temp.cleanup();
});

/** A call of the contract as `key`'s person, over the desk's HTTP API. */
async function call<T>(key: string, channel: string, args: unknown): Promise<T> {
  const cookie = `copydesk-desk-${server.port}=${key}`;
  const response = await fetch(`${server.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify(args),
  });
  const envelope = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message);
  return envelope.value as T;
}

/** Who is in which story, as `key`'s person asks it. */
async function presence(key: string): Promise<{ status: number; value: unknown }> {
  const response = await fetch(`${server.origin}${DESK_PRESENCE_PATH}`, {
    headers: { Cookie: `copydesk-desk-${server.port}=${key}` },
  });
  const envelope = (await response.json()) as { value?: unknown };
  return { status: response.status, value: envelope.value };
}

/** A page's connection to a story, as `key`'s person, from the desk's own origin. */
function connect(key: string, articleId: string, origin = server.origin, desk: WebServer = server) {
  const headers = { Cookie: `copydesk-desk-${desk.port}=${key}`, Origin: origin };
  class SignedInSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
      // The provider closes a socket still connecting when it tries again; Node's WebSocket
      // reports that as an error the provider no longer listens for (a browser's does not).
      this.on('error', () => undefined);
    }
  }
  const socket = new HocuspocusProviderWebsocket({
    url: `${desk.origin.replace('http', 'ws')}${DESK_LIVE_PATH}`,
    WebSocketPolyfill: SignedInSocket,
    delay: 50,
    minDelay: 50,
    maxDelay: 200,
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: articleId, document: new Y.Doc() });
  provider.attach();
  providers.push(provider);
  return provider;
}

function synced(provider: HocuspocusProvider): Promise<void> {
  return new Promise((resolve) => {
    if (provider.isSynced) resolve();
    else provider.on('synced', () => resolve());
  });
}

/** Resolves once every edit `provider` made has been acknowledged by the desk. */
function acknowledged(provider: HocuspocusProvider): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (provider.hasUnsyncedChanges) return;
      provider.off('unsyncedChanges', check);
      resolve();
    };
    provider.on('unsyncedChanges', check);
    check();
  });
}

const textOf = (provider: HocuspocusProvider) =>
  bodyToPlainText(bodyFromDocumentUpdates([Y.encodeStateAsUpdate(provider.document)]));

/** Resolves once `provider`'s document holds `text`. */
function holds(provider: HocuspocusProvider, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (!textOf(provider).includes(text)) return;
      provider.document.off('update', check);
      resolve();
    };
    provider.document.on('update', check);
    check();
  });
}

const appendToFirstParagraph = (words: string) => () => $firstBlock().append($createTextNode(words));

describe('stories edited live on a desk', () => {
  it('tells everyone in a story at once of a claim, a verdict and a comment, and no one in another story', async () => {
    const [story, other] = await Promise.all(
      ['Ferry', 'Harbour'].map((headline) =>
        call<Article>(keys.ana, 'articles:create', { headline, body: bodyFromParagraphs(['Fares rose 4%.']) }),
      ),
    );
    const inStory = new LiveConnection('Ana Lima');
    const elsewhere = new LiveConnection('Ana Lima');
    const [here, there] = [connect(keys.ana, story?.id ?? ''), connect(keys.ana, other?.id ?? '')];
    inStory.follow(here);
    elsewhere.follow(there);
    await Promise.all([synced(here), synced(there)]);
    const told = () => inStory.snapshot().besideText;

    const claim = await call<{ id: string }>(keys.ben, 'claims:create', {
      articleId: story?.id,
      kind: 'figure',
      text: 'rose 4%',
    });
    await expect.poll(told).toBe(1);
    await call(keys.ben, 'claims:setVerdict', { id: claim.id, verdict: 'verified', note: '' });
    await expect.poll(told).toBe(2);
    await call(keys.ben, 'comments:start', {
      articleId: story?.id,
      threadId: randomUUID(),
      quote: 'Fares rose 4%.',
      text: 'Which fares?',
    });
    await expect.poll(told).toBe(3);
    // What is only read tells no one.
    await call(keys.ben, 'claims:list', { articleId: story?.id });
    await call(keys.ben, 'comments:list', { articleId: story?.id });
    await call(keys.ben, 'claims:setNote', { id: claim.id, note: 'The operator’s table.' });
    // Messages come in order: once the note's has come, any the reads sent would have too.
    await expect.poll(told).toBeGreaterThanOrEqual(4);
    expect(told()).toBe(4);
    expect(elsewhere.snapshot().besideText).toBe(0);
  });

  it('opens a story from its saved body, merges two people’s edits, and keeps the article up to date', async () => {
    const story = await call<Article>(keys.ana, 'articles:create', {
      headline: 'Bridge vote',
      body: bodyFromParagraphs(['The council voted.']),
    });
    const ana = connect(keys.ana, story.id);
    const ben = connect(keys.ben, story.id);
    await Promise.all([synced(ana), synced(ben)]);
    expect(textOf(ana)).toBe('The council voted.');
    expect(textOf(ben)).toBe('The council voted.');

    editBodyDocument(ana.document, appendToFirstParagraph(' Seven to two.'));
    editBodyDocument(ben.document, appendToFirstParagraph(' On Tuesday.'));
    await Promise.all([holds(ana, 'On Tuesday.'), holds(ben, 'Seven to two.')]);
    expect(textOf(ana)).toBe(textOf(ben));
    await Promise.all([acknowledged(ana), acknowledged(ben)]);

    // What the desk acknowledged is in the library: a new person opening the story sees it.
    const cai = connect(keys.ben, story.id);
    await synced(cai);
    expect(textOf(cai)).toBe(textOf(ana));
    // And the article (search, export, the checklist read it) follows a little after the typing stops.
    await expect
      .poll(async () => (await call<Article>(keys.ben, 'articles:get', { id: story.id })).bodyText, { timeout: 15_000 })
      .toBe(textOf(ana));
    const found = await call<{ hits: { id: string }[] }>(keys.ben, 'articles:search', { query: 'Tuesday' });
    expect(found.hits.map((hit) => hit.id)).toEqual([story.id]);

    // Who is in the story, for the library list: each person once, and only for someone signed in.
    expect(await presence(keys.ana)).toEqual({
      status: 200,
      value: [{ articleId: story.id, people: ['Ana Lima', 'Ben Okafor'] }],
    });
    expect((await presence('')).status).toBe(401);
    ana.destroy();
    await expect
      .poll(async () => (await presence(keys.ben)).value, { timeout: 10_000 })
      .toEqual([{ articleId: story.id, people: ['Ben Okafor'] }]);
  });

  it('keeps serving everyone else when a connection sends what is not its protocol', async () => {
    const story = await call<Article>(keys.ana, 'articles:create', {
      headline: 'Ferry',
      body: bodyFromParagraphs(['Text.']),
    });
    const ben = connect(keys.ben, story.id);
    await synced(ben);
    const stranger = new WebSocket(`${server.origin.replace('http', 'ws')}${DESK_LIVE_PATH}`, {
      headers: { Cookie: `copydesk-desk-${server.port}=${keys.ana}`, Origin: server.origin },
    });
    const closed = new Promise<void>((resolve) => stranger.on('close', () => resolve()));
    stranger.on('error', () => undefined);
    await new Promise<void>((resolve) => stranger.on('open', () => resolve()));
    // Bytes of no protocol, then a message of an unknown kind for the story, then text.
    stranger.send(new Uint8Array([255, 255, 255, 255, 255, 1, 2, 3]));
    stranger.send(new Uint8Array([36, ...new TextEncoder().encode(story.id), 99, 1, 2]));
    stranger.send('hello');
    editBodyDocument(ben.document, appendToFirstParagraph(' Still served.'));
    await acknowledged(ben);
    stranger.close();
    await closed;
    const later = connect(keys.ben, story.id);
    await synced(later);
    expect(textOf(later)).toBe('Text. Still served.');
  });

  it('refuses a connection with no key, from another page, to no story, or to one in the trash', async () => {
    const story = await call<Article>(keys.ana, 'articles:create', {
      headline: 'Ferry',
      body: bodyFromParagraphs(['Text.']),
    });
    const refusedUpgrade = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${server.origin.replace('http', 'ws')}${DESK_LIVE_PATH}`, { headers });
        socket.on('unexpected-response', (_, response: http.IncomingMessage) => resolve(response.statusCode ?? 0));
        socket.on('open', () => reject(new Error('the desk took a connection it should refuse')));
        socket.on('error', () => undefined);
      });
    expect(await refusedUpgrade({ Origin: server.origin })).toBe(403);
    expect(
      await refusedUpgrade({ Origin: 'http://evil.example', Cookie: `copydesk-desk-${server.port}=${keys.ana}` }),
    ).toBe(403);

    const failed = (provider: HocuspocusProvider) =>
      new Promise<string>((resolve) =>
        provider.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)),
      );
    expect(await failed(connect('cdk_not-a-key', story.id))).toContain('That key does not open this desk');
    expect(await failed(connect(keys.ana, 'not-a-story'))).toBe('There is no such story on this desk.');
    await call(keys.ana, 'articles:trash', { id: story.id });
    expect(await failed(connect(keys.ana, story.id))).toContain('This story is in the trash');
  });

  it('refuses, in words, more connections than one key or the whole desk may hold, and serves the rest', async () => {
    const limited = liveStories(library.client, { perKey: 2, total: 3 });
    const small = await startWebServer({
      answer: library.client.call,
      staticDir: path.join(temp.dir, 'web'),
      desk: { signIn: library.client.signIn, callAs: library.client.callAs, live: limited },
    });
    const sockets: WebSocket[] = [];
    let waiting: HocuspocusProvider | undefined;
    /** Opens a socket as `key`'s person: 'open', or the close code and words it is refused with. */
    const attempt = (key: string) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`${small.origin.replace('http', 'ws')}${DESK_LIVE_PATH}`, {
          headers: { Cookie: `copydesk-desk-${small.port}=${key}`, Origin: small.origin },
        });
        sockets.push(socket);
        // A refused socket opens too, and is closed at once, before it would answer a ping.
        socket.on('open', () => socket.ping());
        socket.on('pong', () => resolve('open'));
        socket.on('error', () => undefined);
        socket.on('close', (code: number, reason: Buffer) => resolve(`${code} ${reason.toString('utf8')}`));
      });
    try {
      expect(await attempt(keys.ana)).toBe('open');
      expect(await attempt(keys.ana)).toBe('open');
      expect(await attempt(keys.ana)).toBe(
        `${DESK_FULL_CLOSE_CODE} This key already has 2 stories open on the desk. Close some windows, then reopen the story.`,
      );
      expect(await attempt(keys.ben)).toBe('open');
      expect(await attempt(keys.ben)).toBe(
        `${DESK_FULL_CLOSE_CODE} The desk has as many people in stories as it can serve. Try again in a minute.`,
      );
      // A page refused for this says why in its status bar, and keeps trying.
      const story = await call<Article>(keys.ben, 'articles:create', {
        headline: 'Ferry',
        body: bodyFromParagraphs([]),
      });
      const status = new LiveConnection('Ben');
      waiting = connect(keys.ben, story.id, small.origin, small);
      status.follow(waiting);
      await expect
        .poll(() => liveStatusText(status.snapshot()))
        .toMatch(/^Offline: The desk has as many people in stories as it can serve\. Try again in a minute\./);
      // One closes, and the page waiting gets in.
      const first = sockets[0];
      const gone = new Promise<void>((resolve) => first?.on('close', () => resolve()));
      first?.close();
      await gone;
      await expect.poll(() => liveStatusText(status.snapshot()), { timeout: 5_000 }).toBe('Live');
    } finally {
      waiting?.destroy();
      waiting?.configuration.websocketProvider.destroy();
      for (const socket of sockets) socket.terminate();
      await limited.close();
      await small.close();
    }
  });

  it('keeps no edit from a key revoked meanwhile, and lets that person in no more', async () => {
    const story = await call<Article>(keys.ana, 'articles:create', {
      headline: 'Ferry',
      body: bodyFromParagraphs(['Text.']),
    });
    const ana = connect(keys.ana, story.id);
    const ben = connect(keys.ben, story.id);
    await Promise.all([synced(ana), synced(ben)]);
    const host = LibraryHost.open(temp.file());
    revokePerson(host.current, 'Ana Lima');
    host.close();
    const refused = new Promise<string>((resolve) =>
      ana.on('authenticationFailed', ({ reason }: { reason: string }) => resolve(reason)),
    );
    editBodyDocument(ana.document, appendToFirstParagraph(' Not allowed.'));
    expect(await refused).toContain('That key does not open this desk');
    editBodyDocument(ben.document, appendToFirstParagraph(' Allowed.'));
    await acknowledged(ben);
    const later = connect(keys.ben, story.id);
    await synced(later);
    expect(textOf(later)).toBe('Text. Allowed.');
  });
});
