import * as Y from 'yjs';

/**
 * Edits to a live story that the desk has not acknowledged yet, kept in this browser (IndexedDB)
 * until it does: a page closed or crashed while offline loses nothing, and the edits go to the
 * desk the next time the person opens the story. Kept per person and story; gone once the desk
 * has them all.
 */

const DATABASE = 'copydesk-desk';
const STORE = 'waiting-edits';

/** What is kept: the story's document as this page had it, and which of its writers were this person's pages. */
type Kept = { state: Uint8Array; ownClients: number[]; keptAt: string };

let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('This browser keeps no data for the page.'));
  });
  return opening;
}

async function inStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await database();
  return new Promise<T>((resolve, reject) => {
    const transaction = db.transaction(STORE, mode);
    const request = act(transaction.objectStore(STORE));
    transaction.oncomplete = () => resolve(request.result);
    transaction.onerror = () => reject(transaction.error ?? new Error('The edits could not be kept in this browser.'));
  });
}

function isKept(value: unknown): value is Kept {
  if (typeof value !== 'object' || value === null) return false;
  const kept = value as Partial<Kept>;
  return kept.state instanceof Uint8Array && Array.isArray(kept.ownClients) && typeof kept.keptAt === 'string';
}

/**
 * Whether `kept` can be merged into the story as the desk has it: every writer in it that was
 * not one of this person's pages must be known to the desk as far as `kept` knows it. A story
 * the desk made afresh since (a library put back from an older backup) is not merged into, which
 * would write its text twice.
 */
export function mergesInto(kept: Kept, desk: Y.Doc): boolean {
  const known = Y.decodeStateVector(Y.encodeStateVector(desk));
  const keptClocks = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(kept.state));
  for (const [client, clock] of keptClocks) {
    if (!kept.ownClients.includes(client) && (known.get(client) ?? 0) < clock) return false;
  }
  return true;
}

/** Keeps a live story's unacknowledged edits in this browser, and gives them back. */
export class KeptHere {
  readonly #key: string;
  #writing: Promise<void> = Promise.resolve();
  #ownClients: number[] = [];
  /** The document to keep at the next write, or null when the next write forgets instead. */
  #next: Y.Doc | null = null;
  #queued = false;

  constructor(person: string, articleId: string) {
    this.#key = `${person}\u0000${articleId}`;
  }

  /** What was kept for this story by an earlier page, if anything. */
  async load(): Promise<Kept | null> {
    try {
      const value: unknown = await inStore('readonly', (store) => store.get(this.#key));
      return isKept(value) ? value : null;
    } catch {
      return null;
    }
  }

  /**
   * Keeps `doc` as it is now (edits in it wait for the desk), `earlierClients` among this
   * person's own writers. A burst of keystrokes is one write, made with the latest state.
   */
  keep(doc: Y.Doc, earlierClients: readonly number[] = []): void {
    this.#ownClients = [...new Set([...this.#ownClients, ...earlierClients, doc.clientID])];
    this.#next = doc;
    this.#write();
  }

  /** The desk has every edit: nothing needs keeping here any more. */
  forget(): void {
    this.#next = null;
    this.#write();
  }

  #write(): void {
    if (this.#queued) return;
    this.#queued = true;
    this.#writing = this.#writing
      .then(() => {
        this.#queued = false;
        const doc = this.#next;
        if (doc === null) return inStore('readwrite', (store) => store.delete(this.#key));
        const kept: Kept = {
          state: Y.encodeStateAsUpdate(doc),
          ownClients: this.#ownClients,
          keptAt: new Date().toISOString(),
        };
        return inStore('readwrite', (store) => store.put(kept, this.#key));
      })
      // A browser that keeps nothing (private mode, storage full) still edits live; only the
      // safety net is missing, as it was before.
      .then(
        () => undefined,
        () => undefined,
      );
  }
}
