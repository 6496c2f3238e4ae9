import type { Envelope } from '../../shared/api';
import type { ImportJobStatus } from '../../shared/imports';
import type { LibraryStatus } from '../../shared/libraries';

/** What the library's process is started on. */
export type LibraryStart = {
  libraryPath: string;
  /** Where the person's preferences and the recent libraries are kept. */
  userDataDir: string;
  /** Marks the library as open by this app, under this name, while it is. */
  markInUseAs: string;
  /** Worker threads for imports and analysis; one per core by default. */
  workers?: number;
  /** The module those threads run, by its path: taskWorker's unless a test gives its own. */
  workerModule?: string;
};

/** A request to the library: a call of the contract, or one of the few the desktop menu makes. */
export type LibraryRequest =
  | { type: 'call'; channel: string; args: unknown }
  /** A call made on a desk with a person's key, in their name and checked against their role. */
  | { type: 'deskCall'; key: string; channel: string; args: unknown }
  /** Who a desk's personal key belongs to (a DeskActor), or a refusal. */
  | { type: 'deskSignIn'; key: string }
  /** A story's live document as one Yjs update, for a person with this key to edit. */
  | { type: 'storyOpen'; key: string; articleId: string }
  /** One edit to a story's live document, kept before the desk acknowledges it. */
  | { type: 'storyUpdate'; key: string; articleId: string; update: Uint8Array }
  /** Brings the article up to date with its live document (true when its body changed). */
  /** Brings the article up to date with its live document; `leaving` when everyone has left the story. */
  | { type: 'storyProject'; articleId: string; editedBy: readonly string[]; leaving: boolean }
  /** File › Import: files and folders by path, for the person named in the preferences. */
  | { type: 'importPaths'; paths: string[] }
  /** File › Restore from Backup…: any copy the person chose, not only one beside the library. */
  | { type: 'restoreFile'; file: string }
  /** Closes the library (backups and analysis stopped, the file closed) before the app quits. */
  | { type: 'close' };

/** What the library tells without being asked. */
export type LibraryEvent =
  /** Another library was opened, created or restored, or the one open became unavailable. */
  | { kind: 'library-changed'; status: LibraryStatus }
  /** An import's progress: each file as it starts, and once when the import stops. */
  | { kind: 'import-status'; status: ImportJobStatus };

export type ToLibrary =
  { type: 'start'; options: LibraryStart } | { type: 'request'; id: number; request: LibraryRequest };

export type FromLibrary =
  | { type: 'ready'; status: LibraryStatus }
  | { type: 'reply'; id: number; envelope: Envelope<unknown> }
  | { type: 'event'; event: LibraryEvent };

/**
 * Two ends of a channel of messages, whatever carries them: Electron's utility process
 * (parentPort), a worker thread, or a MessagePort.
 */
export type Port<In, Out> = {
  post(message: Out): void;
  listen(listener: (message: In) => void): void;
};
