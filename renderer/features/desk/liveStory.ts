import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';
import * as Y from 'yjs';

import { DESK_LIVE_PATH } from '../../../shared/desk';
import type { LiveEditing } from '../../editor/Editor';

/**
 * Hocuspocus's provider as Lexical's collaboration asks for it: Lexical waits for 'sync', which
 * Hocuspocus calls 'synced' (Hocuspocus issue 942); without this the story would never show.
 */
class LexicalProvider extends HocuspocusProvider {
  constructor(configuration: HocuspocusProviderConfiguration) {
    super(configuration);
    this.on('synced', ({ state }: { state: boolean }) => this.emit('sync', state));
  }
}

/** The address of this desk's live stories, on the page's own origin. */
function liveAddress(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${DESK_LIVE_PATH}`;
}

/**
 * The colours of people's cursors in a story: each dark enough for its name, written in white
 * on it, to read at 4.5:1 or better, and each unlike the others.
 */
const PERSON_COLOURS = [
  '#b3261e',
  '#1d5aa6',
  '#2f6b2f',
  '#8a4b00',
  '#6b3fa0',
  '#0b6b6b',
  '#a1306b',
  '#4a5a0f',
  '#5b4636',
  '#2d4a8a',
] as const;

/** A person's colour for their cursor and name in a story, the same for them on every screen. */
export function personColour(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return PERSON_COLOURS[hash % PERSON_COLOURS.length] ?? PERSON_COLOURS[0];
}

/** How a live story stands for this window: connected or not, edits waiting, who else is in it. */
export type LiveState = {
  connection: 'connecting' | 'live' | 'offline';
  /** Edits made here the desk has not acknowledged yet: kept here, and sent when it is back. */
  waiting: number;
  /** The others in the story, by name. */
  others: string[];
  /** Why the desk refused this window, when it did (a key revoked, a story gone). */
  refused: string | null;
};

/** The state of a live story's connection, for React's useSyncExternalStore. */
export class LiveConnection {
  #state: LiveState = { connection: 'connecting', waiting: 0, others: [], refused: null };
  readonly #listeners = new Set<() => void>();

  constructor(private readonly name: string) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = (): LiveState => this.#state;

  #set(change: Partial<LiveState>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener();
  }

  follow(provider: HocuspocusProvider): void {
    provider.on('status', ({ status }: { status: string }) =>
      this.#set({ connection: status === 'connected' ? 'live' : status === 'connecting' ? 'connecting' : 'offline' }),
    );
    provider.on('unsyncedChanges', ({ number }: { number: number }) => this.#set({ waiting: number }));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => this.#set({ refused: reason }));
    provider.on('awarenessChange', ({ states }: { states: { clientId: number; name?: unknown }[] }) => {
      const own = provider.awareness?.clientID;
      const others = states.flatMap((state) =>
        state.clientId !== own && typeof state.name === 'string' && state.name !== this.name ? [state.name] : [],
      );
      this.#set({ others: [...new Set(others)].sort() });
    });
  }
}

/**
 * What the editor needs to edit a story live on the desk this page comes from, as `name`: the
 * connection to the story's document (the person's key travels in the page's cookie), and
 * the means to end it when the story closes.
 */
export function liveEditing(name: string): LiveEditing & {
  keep: () => void;
  closeSoon: () => void;
  connection: LiveConnection;
} {
  const providers: HocuspocusProvider[] = [];
  let closing: ReturnType<typeof setTimeout> | undefined;
  const connection = new LiveConnection(name);
  // The browser knows at once when the network goes: the connection is dropped then, rather
  // than when the desk stops answering, and made again as soon as the network is back.
  const offline = () => {
    for (const provider of providers) provider.configuration.websocketProvider.disconnect();
  };
  const online = () => {
    for (const provider of providers) void provider.configuration.websocketProvider.connect();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  return {
    username: name,
    cursorColor: personColour(name),
    providerFactory: (id, docMap) => {
      const doc = new Y.Doc();
      docMap.set(id, doc);
      // Connected by the editor's collaboration once it listens for the first sync.
      const provider = new LexicalProvider({
        url: liveAddress(),
        name: id,
        document: doc,
        autoConnect: false,
        // Back soon after the desk is: a restarted server is tried every few seconds at most.
        delay: 500,
        minDelay: 500,
        maxDelay: 3000,
      } as HocuspocusProviderConfiguration);
      providers.push(provider);
      connection.follow(provider);
      // HocuspocusProvider is what Lexical's Provider describes, but types its awareness as nullable.
      return provider as unknown as Provider;
    },
    connection,
    /** The story stays open (React mounted it again at once, as StrictMode does). */
    keep: () => clearTimeout(closing),
    /** The story closed: its connection ends, unless it is mounted again straight away. */
    closeSoon: () => {
      closing = setTimeout(() => {
        window.removeEventListener('offline', offline);
        window.removeEventListener('online', online);
        for (const provider of providers.splice(0)) provider.destroy();
      }, 0);
    },
  };
}
