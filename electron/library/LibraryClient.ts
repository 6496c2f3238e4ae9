import type { Envelope } from '../../shared/api';
import type { LibraryStatus, RestoreResult } from '../../shared/libraries';
import type { FromLibrary, LibraryEvent, LibraryRequest, LibraryStart, Port, ToLibrary } from './protocol';

type Pending = (envelope: Envelope<unknown>) => void;

/**
 * The library as the window's process reaches it: every request goes to the library's own
 * process (or thread) and its answer comes back; nothing here touches the library file.
 * If that process stops, every request still waiting, and every one after, is answered with
 * the reason rather than left hanging.
 */
export class LibraryClient {
  readonly #port: Port<FromLibrary, ToLibrary>;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<(event: LibraryEvent) => void>();
  readonly ready: Promise<LibraryStatus>;
  #nextId = 1;
  #stopped: string | null = null;
  #status: LibraryStatus | null = null;

  constructor(port: Port<FromLibrary, ToLibrary>, options: LibraryStart) {
    this.#port = port;
    this.ready = new Promise((resolve) => {
      port.listen((message) => {
        if (message.type === 'ready') {
          this.#status = message.status;
          resolve(message.status);
        } else if (message.type === 'reply') {
          const pending = this.#pending.get(message.id);
          this.#pending.delete(message.id);
          pending?.(message.envelope);
        } else {
          if (message.event.kind === 'library-changed') this.#status = message.event.status;
          for (const listener of this.#listeners) listener(message.event);
        }
      });
    });
    port.post({ type: 'start', options });
  }

  /** The library file in use, as last told (its path, or why it is unavailable). */
  get status(): LibraryStatus | null {
    return this.#status;
  }

  /** Hears every event the library tells; returns the way to stop. */
  onEvent(listener: (event: LibraryEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #request(request: LibraryRequest): Promise<Envelope<unknown>> {
    if (this.#stopped !== null) return Promise.resolve(this.#unavailable());
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#port.post({ type: 'request', id, request });
    });
  }

  #unavailable(): Envelope<unknown> {
    return {
      ok: false,
      error: {
        code: 'library-unavailable',
        message: `Copydesk's library stopped (${this.#stopped ?? 'unknown reason'}). Everything saved before is in the library file; restart Copydesk to go on.`,
      },
    };
  }

  /** One call of the contract, answered as dispatch answers it. */
  readonly call = (channel: string, args: unknown): Promise<Envelope<unknown>> =>
    this.#request({ type: 'call', channel, args });

  /** One call of the contract made on a desk with a person's key, checked against their role. */
  readonly callAs = (key: string, channel: string, args: unknown): Promise<Envelope<unknown>> =>
    this.#request({ type: 'deskCall', key, channel, args });

  /** Who a desk's personal key belongs to, or the refusal a person is shown. */
  readonly signIn = (key: string): Promise<Envelope<unknown>> => this.#request({ type: 'deskSignIn', key });

  /** A story's live document (a Yjs update), opened with a person's key. */
  readonly openStory = (key: string, articleId: string): Promise<Envelope<unknown>> =>
    this.#request({ type: 'storyOpen', key, articleId });

  /** Keeps one edit to a story's live document; answers once it is on disk. */
  readonly keepStoryUpdate = (key: string, articleId: string, update: Uint8Array): Promise<Envelope<unknown>> =>
    this.#request({ type: 'storyUpdate', key, articleId, update });

  /** Brings the article up to date with its live document. */
  readonly projectStory = (
    articleId: string,
    edited: { editedBy: readonly string[]; leaving: boolean } = { editedBy: [], leaving: false },
  ): Promise<Envelope<unknown>> => this.#request({ type: 'storyProject', articleId, ...edited });

  /** Starts importing files and folders by path (File › Import); the import's id. */
  async importPaths(paths: readonly string[]): Promise<string> {
    return ((await this.#value(this.#request({ type: 'importPaths', paths: [...paths] }))) as { jobId: string }).jobId;
  }

  /** Puts the library back from any copy (File › Restore from Backup…). */
  async restoreFile(file: string): Promise<RestoreResult> {
    return (await this.#value(this.#request({ type: 'restoreFile', file }))) as RestoreResult;
  }

  /** The value of a call of the contract, or an Error with the message a person is shown. */
  async value(channel: string, args: unknown = {}): Promise<unknown> {
    return this.#value(this.call(channel, args));
  }

  async #value(answer: Promise<Envelope<unknown>>): Promise<unknown> {
    const envelope = await answer;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  }

  /** Closes the library cleanly (the app is quitting). */
  async close(): Promise<void> {
    if (this.#stopped === null) await this.#request({ type: 'close' });
  }

  /** The library's process stopped: what waits is answered, and so is what comes. */
  stopped(reason: string): void {
    this.#stopped = reason;
    const waiting = [...this.#pending.values()];
    this.#pending.clear();
    for (const pending of waiting) pending(this.#unavailable());
  }
}
