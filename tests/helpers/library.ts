import path from 'node:path';

import { dispatch } from '../../electron/api/dispatch';
import type { HandlerContext, Handlers } from '../../electron/api/handlers';
import type { Db } from '../../electron/db/connection';
import { openPreferences } from '../../electron/preferences/confBackend';
import type { Clock } from '../../electron/services/articles';
import { LibraryHost } from '../../electron/services/LibraryHost';
import { RecentLibraries } from '../../electron/services/RecentLibraries';
import type { Library } from '../../electron/services/LibraryHost';
import type { Envelope } from '../../shared/api';
import { ApiError } from '../../shared/errors';
import { tempDir } from './tempLibrary';

/** A library (and preferences) in a fresh temporary folder; `close` closes it and removes the folder. */
export function openTempLibrary(): {
  host: LibraryHost;
  lib: Library;
  context: HandlerContext;
  file: string;
  dir: string;
  close: () => void;
} {
  const tmp = tempDir();
  const file = tmp.file();
  const host = LibraryHost.open(file, { recent: new RecentLibraries(path.join(tmp.dir, 'data')) });
  return {
    host,
    context: { host, preferences: openPreferences(path.join(tmp.dir, 'data')) },
    get lib() {
      return host.current;
    },
    file,
    dir: tmp.dir,
    close: () => {
      host.close();
      tmp.cleanup();
    },
  };
}

/** A clock that starts at `start` and moves only when told to. */
export function manualClock(start = '2026-03-02T09:00:00.000Z'): Clock & {
  advance: (ms: number) => void;
  set: (iso: string) => void;
} {
  let now = Date.parse(start);
  const clock = () => new Date(now);
  return Object.assign(clock, {
    advance: (ms: number) => {
      now += ms;
    },
    set: (iso: string) => {
      now = Date.parse(iso);
    },
  });
}

/** Every row of every table (FTS shadow tables included), in a stable order, for before/after comparison. */
export function dumpDatabase(db: Db): Record<string, string[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all();
    dump[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

/** The ApiError a service call is refused with; fails the test if the call is not refused. */
export function apiErrorFrom(action: () => unknown): ApiError {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected the action to be refused');
}

/** What the web server answers calls with, when the library runs in the test's own thread. */
export function answerWith(handlers: Handlers): (channel: string, args: unknown) => Promise<Envelope<unknown>> {
  return (channel, args) => dispatch(handlers, channel, args);
}
