/**
 * The desk under load: `copydesk desk serve` in its own process, and simulated people in this
 * one, each a Hocuspocus provider on a story's live document as the window's is.
 *
 *   1. 10 and 50 people typing 5 keystrokes a second into one story: the time from a keystroke
 *      to every other person having it (p50, p95; target p95 ≤ 100 ms), and the server's CPU
 *      and memory meanwhile.
 *   2. A new person opening a 10,000-word story: the first time (the document is made from the
 *      saved body) and after (target ≤ 1 s).
 *   3. 500 stories open at once: the server's memory.
 *
 * Prints its figures; asserts nothing.   npm run bench -- desk
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

import { createArticle } from '../electron/services/articles';
import { LibraryHost } from '../electron/services/LibraryHost';
import { addPerson } from '../electron/services/people';
import { DESK_LIVE_PATH } from '../shared/desk';
import { bodyFromParagraphs } from '../shared/text';
import { bbcParagraphs } from '../tests/helpers/newsCopy';
import { percentile, startServer, type Server } from './browser';

const TYPING_SECONDS = 10;
const KEYSTROKES_PER_SECOND = 5;
const STORIES_AT_ONCE = 500;

/** The server's CPU time (ms) and resident memory (MB), from /proc. */
function serverUsage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(stat[11]) + Number(stat[12]);
  const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return { cpuMs: (ticks * 1000) / 100, rssMb: Number(rss) / 1024 };
}

function socketTo(server: Server, key: string): HocuspocusProviderWebsocket {
  const headers = { Cookie: `copydesk-desk-${new URL(server.origin).port}=${key}`, Origin: server.origin };
  class SignedInSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return new HocuspocusProviderWebsocket({
    url: `${server.origin.replace('http', 'ws')}${DESK_LIVE_PATH}`,
    WebSocketPolyfill: SignedInSocket,
  });
}

function open(socket: HocuspocusProviderWebsocket, story: string): Promise<HocuspocusProvider> {
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: story, document: new Y.Doc() });
  provider.attach();
  return new Promise((resolve) => provider.on('synced', () => resolve(provider)));
}

/** The story's first paragraph, where a simulated person types (Lexical keeps each block as an XmlText). */
function firstParagraph(doc: Y.Doc): Y.XmlText {
  const delta = doc.get('root', Y.XmlText).toDelta() as { insert: unknown }[];
  const first = delta[0];
  if (!(first?.insert instanceof Y.XmlText)) throw new Error('The story has no paragraph to type in.');
  return first.insert;
}

async function typing(server: Server, keys: readonly string[], story: string, people: number): Promise<void> {
  const providers = await Promise.all(keys.slice(0, people).map((key) => open(socketTo(server, key), story)));
  // Each keystroke is known by its author's Yjs clock: another has it once its state vector says so.
  // Each author's keystrokes are in clock order: each reader keeps how far it has read them.
  const sent = new Map<number, { clock: number; at: number }[]>();
  const latencies: number[] = [];
  const read = providers.map(() => new Map<number, number>());
  for (const [index, provider] of providers.entries()) {
    const own = provider.document.clientID;
    provider.document.on('update', () => {
      const now = performance.now();
      for (const [author, strokes] of sent) {
        if (author === own) continue;
        const has = Y.getState(provider.document.store, author);
        let next = read[index]?.get(author) ?? 0;
        while (next < strokes.length && (strokes[next]?.clock ?? Infinity) < has) {
          latencies.push(now - (strokes[next]?.at ?? now));
          next += 1;
        }
        read[index]?.set(author, next);
      }
    });
  }
  const before = serverUsage(server.pid);
  const started = performance.now();
  await Promise.all(
    providers.map(async (provider) => {
      const author = provider.document.clientID;
      sent.set(author, []);
      // Spread over the first second, as people do not start in step.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
      while (performance.now() - started < TYPING_SECONDS * 1000) {
        const paragraph = firstParagraph(provider.document);
        const clock = Y.getState(provider.document.store, author);
        sent.get(author)?.push({ clock, at: performance.now() });
        paragraph.insert(paragraph.length, 'x');
        await new Promise((resolve) => setTimeout(resolve, 1000 / KEYSTROKES_PER_SECOND));
      }
    }),
  );
  // Everything arrives or a second passes.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const after = serverUsage(server.pid);
  const seconds = (performance.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const strokes = [...sent.values()].reduce((sum, list) => sum + list.length, 0);
  const lost = strokes * (people - 1) - latencies.length;
  console.log(
    `  ${people} people typing ${KEYSTROKES_PER_SECOND}/s: keystroke to each other person p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms (target ≤ 100) over ${sorted.length} deliveries, ${lost} not arrived; server CPU ${(((after.cpuMs - before.cpuMs) / (seconds * 1000)) * 100).toFixed(0)}% of a core, memory ${after.rssMb.toFixed(0)} MB`,
  );
  for (const provider of providers) {
    provider.destroy();
    provider.configuration.websocketProvider.destroy();
  }
}

async function openLongStory(server: Server, key: string, story: string): Promise<void> {
  for (const when of ['first open (document made from the saved body)', 'next open']) {
    const socket = socketTo(server, key);
    const started = performance.now();
    const provider = await open(socket, story);
    console.log(`  a 10,000-word story, ${when}: ${(performance.now() - started).toFixed(0)} ms (target ≤ 1,000)`);
    provider.destroy();
    socket.destroy();
  }
}

async function manyStories(server: Server, key: string, stories: readonly string[]): Promise<void> {
  const before = serverUsage(server.pid);
  const socket = socketTo(server, key);
  const started = performance.now();
  const providers: HocuspocusProvider[] = [];
  for (let i = 0; i < stories.length; i += 50) {
    providers.push(...(await Promise.all(stories.slice(i, i + 50).map((story) => open(socket, story)))));
  }
  const after = serverUsage(server.pid);
  console.log(
    `  ${stories.length} stories open at once: opened in ${((performance.now() - started) / 1000).toFixed(1)} s; server memory ${before.rssMb.toFixed(0)} MB before, ${after.rssMb.toFixed(0)} MB with them open`,
  );
  for (const provider of providers) provider.destroy();
  socket.destroy();
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-bench-desk-'));
  const library = path.join(dir, 'desk.sqlite3');
  const host = LibraryHost.open(library);
  // Each simulated person signs in with a key of their own, as on a real desk.
  const keys = Array.from({ length: 50 }, (_, n) => addPerson(host.current, `Bench Typist ${n + 1}`, 'editor').key);
  const key = keys[0] ?? '';
  const lib = host.current;
  const shortStory = createArticle(lib, { headline: 'Typed at once', body: bodyFromParagraphs(['Start.']) }).id;
  const long = bbcParagraphs(10_000);
  const longStory = createArticle(lib, { headline: 'Long read', body: bodyFromParagraphs(long.paragraphs) }).id;
  const stories = lib.db
    .transaction(() =>
      Array.from(
        { length: STORIES_AT_ONCE },
        (_, n) =>
          createArticle(
            lib,
            { headline: `Story ${n}`, body: bodyFromParagraphs([`Story number ${n}.`]) },
            { analyseLater: true },
          ).id,
      ),
    )
    .immediate();
  host.close();
  const server = await startServer(library, path.join(dir, 'data'), ['desk', 'serve']);
  try {
    console.log(`Desk benchmark (${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1) ?? '?'})`);
    for (const people of [10, 50]) await typing(server, keys, shortStory, people);
    await openLongStory(server, key, longStory);
    await manyStories(server, key, stories);
  } finally {
    server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
