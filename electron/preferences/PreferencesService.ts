import fs from 'node:fs';
import path from 'node:path';

import { ApiError } from '../../shared/errors';
import type { Preferences, PreferencesPatch, PreferencesState } from '../../shared/preferences';
import { MAX_REMEMBERED_EXPORT_FOLDERS, PREFERENCE_FIELDS, PreferencesSchema } from '../../shared/preferences';

/** The store behind the preferences: electron-store in the desktop app, conf elsewhere. */
export type PreferencesBackend = {
  readonly path: string;
  store: Record<string, unknown>;
};

export const PREFERENCES_FILE_NAME = 'preferences';

/** Fills in defaults for missing values and replaces invalid ones, naming what was replaced. */
function sanitise(raw: Record<string, unknown>): { preferences: Preferences; invalid: string[] } {
  const result: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const [key, schema] of Object.entries(PREFERENCE_FIELDS)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) {
      result[key] = parsed.data;
    } else {
      invalid.push(key);
      result[key] = schema.parse(undefined);
    }
  }
  return { preferences: PreferencesSchema.parse(result), invalid };
}

/**
 * Sets a damaged preferences file aside before anything replaces it, so a person's settings
 * can always be recovered by hand. Returns the backup's path, or null if the file was fine.
 */
export function setAsideIfMalformed(file: string, now: Date = new Date()): string | null {
  if (readPreferencesFile(file) !== 'malformed') return null;
  const backup = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  fs.copyFileSync(file, backup);
  fs.rmSync(file);
  return backup;
}

/** The preferences file's settings: 'missing' when it cannot be read, 'malformed' when not a settings object. */
function readPreferencesFile(file: string): Record<string, unknown> | 'missing' | 'malformed' {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return 'missing';
  }
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Not JSON.
  }
  return 'malformed';
}

/** Reads and writes the person's preferences, shared by the desktop app, browser mode and CLI. */
export class PreferencesService {
  readonly #backend: PreferencesBackend;
  #notice: string | null;

  constructor(backend: PreferencesBackend, setAside: string | null, { repair = true }: { repair?: boolean } = {}) {
    this.#backend = backend;
    this.#notice =
      setAside === null
        ? null
        : `Your preferences file could not be read, so the defaults are in use. The damaged file was kept as ${path.basename(setAside)}.`;
    const { preferences, invalid } = sanitise(backend.store);
    if (repair && invalid.length > 0) {
      const backup = `${backend.path}.invalid-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      fs.copyFileSync(backend.path, backup);
      this.#notice = `Some preferences were invalid and were reset to their defaults (${invalid.join(', ')}). The previous file was kept as ${path.basename(backup)}.`;
      backend.store = preferences;
    }
  }

  /**
   * The preferences as the file holds them, for work that only reads them (most CLI commands):
   * no store is loaded, nothing is repaired or written, and invalid values read as their
   * defaults. A change through it is refused.
   */
  static readOnly(dir: string): PreferencesService {
    const file = path.join(dir, `${PREFERENCES_FILE_NAME}.json`);
    const read = readPreferencesFile(file);
    // Missing or unreadable: the defaults, as a store opened on it would give.
    const store = typeof read === 'string' ? {} : read;
    const backend: PreferencesBackend = {
      path: file,
      get store() {
        return store;
      },
      set store(_next) {
        throw new ApiError('internal', 'Preferences cannot be changed from here: only read.');
      },
    };
    return new PreferencesService(backend, null, { repair: false });
  }

  get(): PreferencesState {
    return { preferences: sanitise(this.#backend.store).preferences, notice: this.#notice };
  }

  /** The folder the library at `libraryPath` last exported into, if any. */
  exportFolder(libraryPath: string): string | undefined {
    return this.get().preferences.exportFolders[path.resolve(libraryPath)];
  }

  /** Remembers the folder the library at `libraryPath` exported into, for its next export. */
  rememberExportFolder(libraryPath: string, folder: string): void {
    const key = path.resolve(libraryPath);
    const folders = Object.entries(this.get().preferences.exportFolders).filter(([library]) => library !== key);
    folders.push([key, folder]);
    this.update({ exportFolders: Object.fromEntries(folders.slice(-MAX_REMEMBERED_EXPORT_FOLDERS)) });
  }

  update(patch: PreferencesPatch): PreferencesState {
    const next = { ...sanitise(this.#backend.store).preferences, ...patch };
    this.#backend.store = PreferencesSchema.parse(next);
    this.#notice = null;
    return this.get();
  }
}
