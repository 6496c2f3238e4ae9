import { quickCheckInBackground } from '../db/backup';
import type { Library } from './LibraryHost';

/**
 * SQLite's quick_check over the open library, in the background while saves go on, now and
 * then. Damage found is handed to `onDamage` (the host closes the library and says why); a
 * check that cannot run (the file was moved, say) is not damage.
 */
export class HealthChecks {
  readonly #current: () => Library | null;
  readonly #onDamage: (lib: Library, problem: string) => void;
  #timer: NodeJS.Timeout | undefined;
  #checking: Promise<string | null> | null = null;

  constructor(current: () => Library | null, onDamage: (lib: Library, problem: string) => void) {
    this.#current = current;
    this.#onDamage = onDamage;
  }

  /** Checks the open library now (or joins the check under way); the problem found, or null. */
  async check(): Promise<string | null> {
    if (this.#checking !== null) return this.#checking;
    const lib = this.#current();
    if (lib === null) return null;
    const run = (async () => {
      let problem: string | null;
      try {
        problem = await quickCheckInBackground(lib.path);
      } catch {
        return null;
      }
      // The library was switched, restored or closed meanwhile: the answer is about another file.
      if (problem !== null && this.#current() === lib) this.#onDamage(lib, problem);
      return problem;
    })();
    this.#checking = run;
    try {
      return await run;
    } finally {
      this.#checking = null;
    }
  }

  /** Checks every `everyMs` (first after `everyMs`: opening a library already checks it). */
  start(everyMs = 60 * 60 * 1000): void {
    this.stop();
    this.#timer = setInterval(() => void this.check(), everyMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
