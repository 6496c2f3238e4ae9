import os from 'node:os';
import path from 'node:path';

export const LIBRARY_FILE_NAME = 'library.sqlite3';

/**
 * Where Copydesk keeps its data (preferences, the default library; $COPYDESK_DATA_DIR moves it): the same folder Electron calls `userData`, so the desktop
 * app, the browser mode and the CLI all open the same default library.
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.COPYDESK_DATA_DIR;
  if (override !== undefined && override.trim() !== '') return path.resolve(override);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Copydesk');
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Copydesk');
  const configHome =
    env.XDG_CONFIG_HOME !== undefined && path.isAbsolute(env.XDG_CONFIG_HOME)
      ? env.XDG_CONFIG_HOME
      : path.join(home, '.config');
  return path.join(configHome, 'Copydesk');
}

/** The library opened when none is named: $COPYDESK_LIBRARY, else the default in userData. */
export function defaultLibraryPath(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.COPYDESK_LIBRARY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return path.join(userDataDir(env), LIBRARY_FILE_NAME);
}

/** The library's name without its extension: "desk" for desk.sqlite3. */
export function libraryStem(libraryFile: string): string {
  const base = path.basename(libraryFile);
  const ext = path.extname(base);
  return ext === '' ? base : base.slice(0, -ext.length);
}

/** The folder holding a library's backups: `desk.backups` beside `desk.sqlite3`. */
export function backupFolder(libraryFile: string): string {
  return path.join(path.dirname(path.resolve(libraryFile)), `${libraryStem(libraryFile)}.backups`);
}
