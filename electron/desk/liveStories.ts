import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

import { Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';

import type { Envelope } from '../../shared/api';
import { BESIDE_TEXT_CHANGED, DESK_FULL_CLOSE_CODE, LIVE_LIMITS, type DeskPresence } from '../../shared/desk';
import { ArticleIdSchema } from '../../shared/domain';
import { plural } from '../../shared/plural';
import { storyChangedBesideText } from './besideText';

/** What the live stories ask of the library: each answered as a call of the contract is. */
export type StoryStore = {
  signIn(key: string): Promise<Envelope<unknown>>;
  openStory(key: string, articleId: string): Promise<Envelope<unknown>>;
  keepStoryUpdate(key: string, articleId: string, update: Uint8Array): Promise<Envelope<unknown>>;
  projectStory(
    articleId: string,
    edited: { editedBy: readonly string[]; leaving: boolean },
  ): Promise<Envelope<unknown>>;
};

/**
 * The person a connection was opened for (their key, from the cookie signing in set), and how
 * to end it: Hocuspocus leaves the socket open when it drops a connection.
 */
type LiveContext = { key: string; end: (why: string) => void; name?: string };

/** A refusal as Hocuspocus tells it to the page: the `reason` of its PermissionDenied message. */
class Refusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function refusal(envelope: Envelope<unknown>): Refusal {
  return new Refusal(envelope.ok ? 'refused' : envelope.error.message);
}

// The messages of Hocuspocus's protocol this server reads before it acknowledges them.
const SYNC_MESSAGE = 0;
const SYNC_STEP_1 = 0;

/** The Yjs update a message carries, or null for any other message (awareness, a state vector, auth…). */
export function updateCarried(message: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(message);
  decoding.readVarString(decoder);
  if (decoding.readVarUint(decoder) !== SYNC_MESSAGE) return null;
  if (decoding.readVarUint(decoder) === SYNC_STEP_1) return null;
  return decoding.readVarUint8Array(decoder);
}

/**
 * The desk's live stories: Hocuspocus serving each story's Yjs document, named by the article's
 * id, to the people signed in. A document is loaded from the library (made there from the
 * story's body the first time); every edit is kept in the library before it is acknowledged
 * (Hocuspocus awaits beforeHandleMessage before it applies and acknowledges a message); and a
 * little after the typing stops, the article is brought up to date with its document.
 */
export function liveStories(store: StoryStore, limits: { perKey: number; total: number } = LIVE_LIMITS) {
  // Who typed in each open story: since it was last brought up to date, and since it was opened.
  const typedSinceStore = new Map<string, Set<string>>();
  const typedSinceOpen = new Map<string, Set<string>>();
  const taken = (names: Map<string, Set<string>>, story: string) => {
    const people = [...(names.get(story) ?? [])].sort();
    names.delete(story);
    return people;
  };
  const hocuspocus = new Hocuspocus({
    name: 'copydesk-desk',
    quiet: true,
    debounce: 1500,
    maxDebounce: 6000,
    async onAuthenticate({ context, documentName }: { context: LiveContext; documentName: string }) {
      if (!ArticleIdSchema.safeParse(documentName).success) throw new Refusal('There is no such story on this desk.');
      const person = await store.signIn(context.key);
      if (!person.ok) throw refusal(person);
      // Hocuspocus keeps what this returns in the connection's context: who is in the story.
      const { name } = person.value as { name: string };
      return { name };
    },
    async onLoadDocument({
      context,
      document,
      documentName,
    }: {
      context: LiveContext;
      document: Y.Doc;
      documentName: string;
    }) {
      const opened = await store.openStory(context.key, documentName);
      if (!opened.ok || !(opened.value instanceof Uint8Array)) throw refusal(opened);
      Y.applyUpdate(document, opened.value);
    },
    async beforeHandleMessage({
      context,
      documentName,
      update,
    }: {
      context: LiveContext;
      documentName: string;
      update: Uint8Array;
    }) {
      const carried = updateCarried(update);
      if (carried === null) return;
      const kept = await store.keepStoryUpdate(context.key, documentName, carried);
      if (kept.ok) return;
      // Neither applied nor acknowledged. A key revoked meanwhile ends the connection: the page
      // reconnects, and is refused then, in words.
      if (kept.error.code === 'unauthorized') context.end(kept.error.message);
      throw new Error(kept.error.message);
    },
    onChange({ context, documentName }: { context: LiveContext | undefined; documentName: string }) {
      const name = context?.name;
      if (name !== undefined) {
        for (const names of [typedSinceStore, typedSinceOpen]) {
          const people = names.get(documentName) ?? new Set<string>();
          names.set(documentName, people.add(name));
        }
      }
      return Promise.resolve();
    },
    async onStoreDocument({ documentName }: { documentName: string }) {
      await store.projectStory(documentName, { editedBy: taken(typedSinceStore, documentName), leaving: false });
    },
    // Everyone has left the story: History keeps it as they left it, signed by whoever typed.
    async afterUnloadDocument({ documentName }: { documentName: string }) {
      await store.projectStory(documentName, { editedBy: taken(typedSinceOpen, documentName), leaving: true });
    },
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 9 * 1024 * 1024 });
  const openByKey = new Map<string, number>();
  let openInAll = 0;
  return {
    /**
     * Takes a page's WebSocket, already checked to come from this desk's own page with a key;
     * past the connections one key or the whole desk may hold at once, it is closed at once with
     * the reason in words (DESK_FULL_CLOSE_CODE), which the page shows while it tries again.
     */
    upgrade(request: IncomingMessage, socket: Duplex, head: Buffer, key: string): void {
      const held = openByKey.get(key) ?? 0;
      const tooMany =
        held >= limits.perKey
          ? `This key already has ${plural(limits.perKey, 'story', 'stories')} open on the desk. Close some windows, then reopen the story.`
          : openInAll >= limits.total
            ? 'The desk has as many people in stories as it can serve. Try again in a minute.'
            : null;
      if (tooMany !== null) {
        sockets.handleUpgrade(request, socket, head, (websocket) => {
          websocket.on('error', () => websocket.terminate());
          websocket.close(DESK_FULL_CLOSE_CODE, tooMany);
        });
        return;
      }
      openByKey.set(key, held + 1);
      openInAll += 1;
      socket.once('close', () => {
        openInAll -= 1;
        const left = (openByKey.get(key) ?? 1) - 1;
        if (left > 0) openByKey.set(key, left);
        else openByKey.delete(key);
      });
      sockets.handleUpgrade(request, socket, head, (websocket) => {
        websocket.on('error', () => websocket.terminate());
        const end = (why: string) => websocket.close(4401, why.slice(0, 120));
        hocuspocus.handleConnection(websocket, request, { key, end } satisfies LiveContext);
      });
    },
    /**
     * Brings a story open now up to date with what the library keeps of its document, after a
     * change made there (a version restored): everyone in it sees the change arrive.
     */
    async refresh(key: string, articleId: string): Promise<void> {
      const document = hocuspocus.documents.get(articleId);
      if (document === undefined) return;
      const kept = await store.openStory(key, articleId);
      if (kept.ok && kept.value instanceof Uint8Array) Y.applyUpdate(document, kept.value);
    },
    /** Tells everyone in a story that something beside its text changed: they ask for it again. */
    besideTextChanged(articleId: string): void {
      hocuspocus.documents.get(articleId)?.broadcastStateless(BESIDE_TEXT_CHANGED);
    },
    /** The stories open now, each with the people in it. */
    presence(): DeskPresence {
      return [...hocuspocus.documents.entries()].flatMap(([articleId, document]) => {
        const names = document.getConnections().map((connection) => (connection.context as LiveContext).name);
        const people = [...new Set(names.filter((name): name is string => name !== undefined))].sort();
        return people.length === 0 ? [] : [{ articleId, people }];
      });
    },
    /** Closes every connection; each open story is brought up to date with its document first. */
    async close(): Promise<void> {
      const open = [...hocuspocus.documents.keys()];
      hocuspocus.closeConnections();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await Promise.all(
        open.map((name) => store.projectStory(name, { editedBy: taken(typedSinceOpen, name), leaving: true })),
      );
    },
  };
}

export type LiveStories = ReturnType<typeof liveStories>;

/**
 * The desk's calls, as they reach the people in its live stories: a version restored goes into
 * the story's document, and a claim, a verdict, evidence, a source cited or a comment is told
 * to everyone in the story at once (BESIDE_TEXT_CHANGED).
 */
export function tellingLive(
  callAs: (key: string, channel: string, args: unknown) => Promise<Envelope<unknown>>,
  live: LiveStories,
): (key: string, channel: string, args: unknown) => Promise<Envelope<unknown>> {
  return async (key, channel, args) => {
    const answer = await callAs(key, channel, args);
    if (!answer.ok) return answer;
    if (channel === 'revisions:restore') await live.refresh(key, (answer.value as { id: string }).id);
    const story = storyChangedBesideText(channel, args, answer.value);
    if (story !== null) live.besideTextChanged(story);
    return answer;
  };
}
