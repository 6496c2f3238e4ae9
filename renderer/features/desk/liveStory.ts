import { HocuspocusProvider, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import type { Provider } from '@lexical/yjs';
import * as Y from 'yjs';

import { BESIDE_TEXT_CHANGED, DESK_FULL_CLOSE_CODE, DESK_LIVE_PATH } from '../../../shared/desk';
import { replaceFieldText, storyFieldsOf, storyFieldText, type StoryField } from '../../../shared/storyFields';
import type { StoryFieldValues } from '../../../shared/storyFields';
import { personColour } from '../../../shared/people';
import type { LiveEditing } from '../../editor/Editor';
import { KeptHere, mergesInto } from './keptHere';

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

/** How a live story stands for this window: connected or not, edits waiting, who else is in it. */
export type LiveState = {
  connection: 'connecting' | 'live' | 'offline';
  /** Edits made here the desk has not acknowledged yet: kept here, and sent when it is back. */
  waiting: number;
  /** The others in the story, by name. */
  others: string[];
  /** Why the desk refused this window, when it did (a key revoked, a story gone). */
  refused: string | null;
  /** Why the desk has no room for this window just now, while it keeps trying (too many stories open). */
  full: string | null;
  /** Something the person must know about edits kept in this browser from an earlier visit. */
  notice: string | null;
  /**
   * Goes up whenever what lives beside the story's text may have changed for others: the desk
   * said so (a claim, a verdict, a comment), or the window is back after being cut off.
   */
  besideText: number;
};

/** The state of a live story's connection, for React's useSyncExternalStore. */
export class LiveConnection {
  #state: LiveState = {
    connection: 'connecting',
    waiting: 0,
    others: [],
    refused: null,
    full: null,
    notice: null,
    besideText: 0,
  };
  readonly #listeners = new Set<() => void>();

  constructor(private readonly name: string) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = (): LiveState => this.#state;

  tell(notice: string): void {
    this.#set({ notice });
  }

  #set(change: Partial<LiveState>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener();
  }

  follow(provider: HocuspocusProvider): void {
    provider.on('status', ({ status }: { status: string }) => {
      if (status !== 'connected') this.#set({ connection: status === 'connecting' ? 'connecting' : 'offline' });
    });
    // Back after being cut off: what others did meanwhile beside the text is asked for again.
    let cutOff = false;
    provider.on('disconnect', () => {
      cutOff = true;
    });
    provider.on('synced', () => {
      const besideText = cutOff ? this.#state.besideText + 1 : this.#state.besideText;
      cutOff = false;
      this.#set({ connection: 'live', full: null, besideText });
    });
    provider.on('stateless', ({ payload }: { payload: string }) => {
      if (payload === BESIDE_TEXT_CHANGED) this.#set({ besideText: this.#state.besideText + 1 });
    });
    provider.on('close', ({ event }: { event: CloseEvent }) => {
      if (event.code === DESK_FULL_CLOSE_CODE) this.#set({ full: event.reason });
    });
    // Until the story has first arrived nothing can have been typed in it (the page is read-only
    // meanwhile): what the provider counts then is its own asking for the story.
    let arrived = false;
    provider.on('synced', () => {
      arrived = true;
      this.#set({ waiting: provider.unsyncedChanges });
    });
    provider.on('unsyncedChanges', ({ number }: { number: number }) => this.#set({ waiting: arrived ? number : 0 }));
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
 * A live story's headline and dek, for React's useSyncExternalStore: null until the story's
 * document has arrived from the desk, then the fields as everyone's typing leaves them.
 */
export class LiveFields {
  #values: StoryFieldValues | null = null;
  #doc: Y.Doc | null = null;
  readonly #listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  readonly snapshot = (): StoryFieldValues | null => this.#values;

  #read(): void {
    const values = this.#doc === null ? null : storyFieldsOf(this.#doc);
    const same =
      values !== null &&
      this.#values !== null &&
      values.headline === this.#values.headline &&
      values.dek === this.#values.dek;
    if (same || (values === null && this.#values === null)) return;
    this.#values = values;
    for (const listener of this.#listeners) listener();
  }

  /** Follows the story's document once it has arrived (its first sync). */
  follow(doc: Y.Doc, provider: HocuspocusProvider): void {
    provider.on('synced', () => {
      if (this.#doc === doc) return;
      this.#doc = doc;
      doc.on('update', () => this.#read());
      this.#read();
    });
  }

  /** A field typed here: into the story's document, merged with what others type. */
  write(field: StoryField, value: string): void {
    if (this.#doc === null) return;
    replaceFieldText(storyFieldText(this.#doc, field), value);
  }
}

/**
 * Keeps the edits made in `doc` that the desk has not acknowledged in this browser, and once the
 * story has arrived from the desk, merges in those an earlier page kept and could not send (it
 * was closed offline, or crashed): they then go to the desk like any new edit.
 */
function keepWaitingEdits(kept: KeptHere, doc: Y.Doc, provider: HocuspocusProvider, connection: LiveConnection) {
  let restored = false;
  provider.on('unsyncedChanges', ({ number }: { number: number }) => {
    // Until the earlier page's edits are merged in, nothing kept may be forgotten.
    if (!restored) return;
    if (number > 0) kept.keep(doc);
    else kept.forget();
  });
  provider.on('synced', () => {
    if (restored) return;
    void kept.load().then((earlier) => {
      restored = true;
      if (earlier === null) {
        if (provider.hasUnsyncedChanges) kept.keep(doc);
        return;
      }
      if (mergesInto(earlier, doc)) {
        Y.applyUpdate(doc, earlier.state, KEPT_HERE);
        kept.keep(doc, earlier.ownClients);
        return;
      }
      kept.forget();
      connection.tell(
        `Edits kept on this computer on ${new Date(earlier.keptAt).toLocaleString()} could not be merged: the story on the desk was made afresh since. Check the text, and type again what is missing.`,
      );
    });
  });
}

/** The origin of edits an earlier page kept, merged into the story when it arrives. */
const KEPT_HERE = Symbol('kept in this browser');

/**
 * What the editor needs to edit a story live on the desk this page comes from, as `name`: the
 * connection to the story's document (the person's key travels in the page's cookie), and
 * the means to end it when the story closes.
 */
export function liveEditing(name: string): LiveEditing & {
  keep: () => void;
  closeSoon: () => void;
  connection: LiveConnection;
  fields: LiveFields;
} {
  const providers: HocuspocusProvider[] = [];
  let closing: ReturnType<typeof setTimeout> | undefined;
  const connection = new LiveConnection(name);
  const fields = new LiveFields();
  // The browser knows at once when the network goes: the connection is dropped then, rather
  // than when the desk stops answering, and made again as soon as the network is back.
  const offline = () => {
    for (const provider of providers) provider.configuration.websocketProvider.disconnect();
  };
  const online = () => {
    for (const provider of providers) void provider.configuration.websocketProvider.connect();
  };
  // Edits the desk has not acknowledged are only in this page: leaving it would lose them, so
  // the browser asks first.
  const leaving = (event: BeforeUnloadEvent) => {
    if (connection.snapshot().waiting > 0) event.preventDefault();
  };
  window.addEventListener('offline', offline);
  window.addEventListener('online', online);
  window.addEventListener('beforeunload', leaving);
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
      fields.follow(doc, provider);
      keepWaitingEdits(new KeptHere(name, id), doc, provider, connection);
      // HocuspocusProvider is what Lexical's Provider describes, but types its awareness as nullable.
      return provider as unknown as Provider;
    },
    arrived: { subscribe: fields.subscribe, snapshot: () => fields.snapshot() !== null },
    connection,
    fields,
    /** The story stays open (React mounted it again at once, as StrictMode does). */
    keep: () => clearTimeout(closing),
    /** The story closed: its connection ends, unless it is mounted again straight away. */
    closeSoon: () => {
      closing = setTimeout(() => {
        window.removeEventListener('offline', offline);
        window.removeEventListener('online', online);
        window.removeEventListener('beforeunload', leaving);
        for (const provider of providers.splice(0)) provider.destroy();
      }, 0);
    },
  };
}
