/** Runs fuzz targets with fast-check and watches the disk for anything written where it should not be. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import fc from 'fast-check';

import { ApiError } from '../../shared/errors';
import { ESCAPE_MARKER } from './inputs';

/** One thing to fuzz: where its inputs come from, and the check one input must pass. */
export type FuzzTarget<T> = {
  name: string;
  arbitrary: fc.Arbitrary<T>;
  /** Runs one input; throws when a property does not hold. */
  check: (input: T) => Promise<void>;
};

/** Longest an input may take before it counts as a hang: generous, as the machine is shared. */
export const TIME_LIMIT_MS = 30_000;

/** Runs `action`, failing if it does not answer within the time limit (a hang) — or blocked the process longer than that. */
export async function withinTimeLimit<T>(label: string, action: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: no answer within ${TIME_LIMIT_MS} ms`)), TIME_LIMIT_MS);
  });
  let value: T;
  try {
    value = await Promise.race([action(), limit]);
  } finally {
    clearTimeout(timer);
  }
  // Synchronous work cannot be interrupted: a parser that held the process too long is caught afterwards.
  const elapsed = performance.now() - started;
  if (elapsed > TIME_LIMIT_MS) throw new Error(`${label}: held the process for ${Math.round(elapsed)} ms`);
  return value;
}

/**
 * How an import or a call ended: accepted, or refused with an ApiError carrying a message a
 * person can read. Anything else (a TypeError, a RangeError, an "internal" error) is thrown on
 * as a failure of the property.
 */
export async function acceptedOrRefused(
  label: string,
  action: () => Promise<unknown>,
): Promise<'accepted' | 'refused'> {
  try {
    await withinTimeLimit(label, action);
    return 'accepted';
  } catch (error) {
    if (error instanceof ApiError && error.code !== 'internal' && error.message.trim().length > 0) return 'refused';
    const detail = error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
    throw new Error(`${label}: not a clear refusal: ${detail.slice(0, 500)}`, { cause: error });
  }
}

/** A short description of a failing input: enough to recognise it, not megabytes of bytes. */
export function summarise(value: unknown): string {
  const text = fc.stringify(value);
  return text.length <= 600 ? text : `${text.slice(0, 600)}… (${text.length.toLocaleString('en')} characters)`;
}

/** Runs a target `runs` times (stopping at the first failure, thrown with its seed and input); returns how many inputs were tried. */
export async function runTarget<T>(target: FuzzTarget<T>, runs: number, seed?: number): Promise<number> {
  let tried = 0;
  const details = await fc.check(
    fc.asyncProperty(target.arbitrary, async (input) => {
      tried += 1;
      await target.check(input);
    }),
    { numRuns: runs, endOnFailure: true, ...(seed === undefined ? {} : { seed }) },
  );
  if (details.failed) {
    const cause =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `${target.name}: failed at input ${details.numRuns} (seed ${details.seed}, path "${details.counterexamplePath ?? ''}"): ${cause}\ninput: ${summarise(details.counterexample)}`,
    );
  }
  return tried;
}

/** Every path under `dir`, relative to it, sorted; folders end with a slash. */
function listTree(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const rel = `${prefix}${entry.name}`;
    if (entry.isDirectory()) out.push(`${rel}/`, ...listTree(path.join(dir, entry.name), `${rel}/`));
    else out.push(rel);
  }
  return out.sort();
}

/**
 * A temporary folder the fuzzing runs in (it is also the working directory while it runs):
 * `library/` holds the library, `allowed/` is where a generated request may legitimately ask
 * for files to be written. Anything else appearing in it, or a file named with the escape
 * marker appearing beside it, in the temporary folder or at the root of the disk, is a write
 * outside the library.
 */
export class Sandbox {
  readonly root: string;
  readonly libraryDir: string;
  readonly allowedDir: string;
  readonly #previousCwd: string;

  constructor() {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-fuzz-'));
    this.libraryDir = path.join(this.root, 'library');
    this.allowedDir = path.join(this.root, 'allowed');
    fs.mkdirSync(this.libraryDir);
    fs.mkdirSync(this.allowedDir);
    this.#previousCwd = process.cwd();
    process.chdir(this.root);
  }

  /** The files outside `library/` and `allowed/`, for comparison before and after an input. */
  outsideFiles(): string[] {
    return listTree(this.root).filter((file) => !file.startsWith('library/') && !file.startsWith('allowed/'));
  }

  /** Files of the library folder (the library, its journal, its backups). */
  libraryFiles(): string[] {
    return listTree(this.libraryDir);
  }

  /** Files named with the escape marker wherever an escaping path could have put them. */
  escapes(): string[] {
    const places = [
      this.root,
      path.dirname(this.root),
      os.tmpdir(),
      '/tmp',
      '/etc',
      '/',
      this.#previousCwd,
      path.dirname(this.#previousCwd),
    ];
    const found = new Set<string>();
    for (const place of places) {
      let names: string[];
      try {
        names = fs.readdirSync(place);
      } catch {
        continue;
      }
      for (const name of names) if (name.includes(ESCAPE_MARKER)) found.add(path.join(place, name));
    }
    for (const file of listTree(this.root)) if (file.includes(ESCAPE_MARKER)) found.add(path.join(this.root, file));
    return [...found];
  }

  /** Fails when something was written outside the library, or outside it and `allowed/` when `allowedWrites` is false. */
  expectNoEscape(label: string, outsideBefore: readonly string[]): void {
    const escaped = this.escapes();
    if (escaped.length > 0) throw new Error(`${label}: wrote outside the library: ${escaped.join(', ')}`);
    const outside = this.outsideFiles();
    const added = outside.filter((file) => !outsideBefore.includes(file));
    if (added.length > 0) throw new Error(`${label}: wrote outside the library: ${added.join(', ')}`);
  }

  dispose(): void {
    process.chdir(this.#previousCwd);
    for (const escaped of this.escapes()) fs.rmSync(escaped, { recursive: true, force: true });
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
