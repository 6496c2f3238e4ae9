import type { Db } from '../db/connection';
import { openDatabase } from '../db/connection';

/** One open library file. */
export type Library = { readonly path: string; readonly db: Db };

/**
 * Holds the library the app is working on and lets the user switch to another. A failed
 * switch leaves the current library open and untouched.
 */
export class LibraryHost {
  #current: Library;

  private constructor(current: Library) {
    this.#current = current;
  }

  static open(file: string): LibraryHost {
    return new LibraryHost({ path: file, db: openDatabase(file) });
  }

  get current(): Library {
    return this.#current;
  }

  /** Opens `file` and makes it current; throws (keeping the old one) if it cannot be opened. */
  switchTo(file: string): Library {
    const next = { path: file, db: openDatabase(file) };
    const previous = this.#current;
    this.#current = next;
    previous.db.close();
    return next;
  }

  close(): void {
    if (this.#current.db.open) this.#current.db.close();
  }
}
